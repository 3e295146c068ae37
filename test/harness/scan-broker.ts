/**
 * A broker of a test's own for the scanner suites, so no other suite's platform hears its scans.
 *
 * On the embedded default (no MQTT_URL, as `npm test` runs) it is an embedded broker, like
 * `npm start`'s. When the run uses the machine's services (CI's second pass sets MQTT_URL) it is a
 * Mosquitto started from `deploy/mosquitto/` on free ports: the project's persistence, limits,
 * password file and ACL, a loopback listener for the platform and a TLS listener for scanners
 * (certificates made for the run with openssl).
 */
import { EmbeddedBroker } from '@pedigree/embedded';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './repo-root';
import { tempDataDir } from './temp-dir';

export interface ScanBroker {
  kind: 'embedded' | 'mosquitto';
  /** The platform's URL (with the ingest's credentials on Mosquitto). */
  platformUrl: string;
  /** Lets a device in: returns the URL it connects to and, over TLS, the CA to trust. */
  addDevice(deviceId: string): Promise<{ url: string; ca?: Buffer }>;
  stop(): Promise<void>;
}

const INGEST_USER = 'pedigree-ingest';
const INGEST_PASSWORD = 'ingest-secret';

/** Which broker {@link startScanBroker} starts in this run. */
export function scanBrokerKind(): ScanBroker['kind'] {
  return process.env.MQTT_URL ? 'mosquitto' : 'embedded';
}

/** Mosquitto with the project's config when the run uses the machine's services, else embedded. */
export async function startScanBroker(): Promise<ScanBroker> {
  return scanBrokerKind() === 'mosquitto' ? startMosquitto() : startEmbedded();
}

export async function startEmbedded(): Promise<ScanBroker> {
  const broker = new EmbeddedBroker(await freePort());
  await broker.start();
  return {
    kind: 'embedded',
    platformUrl: broker.url(),
    addDevice: async () => ({ url: broker.url() }),
    stop: () => broker.stop(),
  };
}

export async function startMosquitto(): Promise<ScanBroker> {
  const dir = tempDataDir('mosquitto');
  const [plain, tls] = [await freePort(), await freePort()];
  const passwords = join(dir, 'pedigree.passwd');
  writeFileSync(passwords, '');
  execFileSync('mosquitto_passwd', ['-b', passwords, INGEST_USER, INGEST_PASSWORD]);
  makeCertificates(dir);
  const source = readFileSync(join(repoRoot(), 'deploy', 'mosquitto', 'mosquitto.conf'), 'utf8');
  const config = source
    .replace('password_file /etc/mosquitto/pedigree.passwd', `password_file ${passwords}`)
    .replace(
      'acl_file /etc/mosquitto/pedigree.acl',
      `acl_file ${join(repoRoot(), 'deploy', 'mosquitto', 'pedigree.acl')}`,
    )
    .replace('persistence_location /var/lib/mosquitto/', `persistence_location ${dir}/`)
    .replace('listener 1883 127.0.0.1', `listener ${plain} 127.0.0.1`)
    .replace('listener 8883', `listener ${tls} 127.0.0.1`)
    .replaceAll('/etc/mosquitto/certs/', `${dir}/`);
  const file = join(dir, 'mosquitto.conf');
  // Run as the test's user: Mosquitto started by root otherwise switches to "mosquitto".
  writeFileSync(file, `${config}\nuser ${process.getuid?.() === 0 ? 'root' : 'mosquitto'}\n`);
  const ca = readFileSync(join(dir, 'ca.crt'));

  let log = '';
  const child = spawn('mosquitto', ['-c', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForPort(plain, () => log);
  return {
    kind: 'mosquitto',
    platformUrl: `mqtt://${INGEST_USER}:${INGEST_PASSWORD}@127.0.0.1:${plain}`,
    async addDevice(deviceId) {
      const password = `device-${deviceId}`;
      execFileSync('mosquitto_passwd', ['-b', passwords, deviceId, password]);
      child.kill('SIGHUP'); // reloads the password file
      await sleep(100);
      return { url: `mqtts://${deviceId}:${password}@127.0.0.1:${tls}`, ca };
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** A CA and a broker certificate for 127.0.0.1, valid for a day. */
function makeCertificates(dir: string): void {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=Pedigree test CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
  ]);
  run([
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    'broker.key',
    '-out',
    'broker.csr',
  ]);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run([
    'x509',
    '-req',
    '-in',
    'broker.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    'san.ext',
    '-out',
    'broker.crt',
  ]);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

async function waitForPort(port: number, log: () => string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const open = await new Promise<boolean>((answer) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        answer(true);
      });
      socket.once('error', () => answer(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`Mosquitto did not listen on ${port} within 5 s:\n${log()}`);
}
