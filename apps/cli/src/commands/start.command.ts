/** `pedigree start [all|api|ingest|sealer]`: runs until SIGINT or SIGTERM, then stops cleanly. */
import { loadConfig } from '@pedigree/config';
import { APP_NAMES, type AppName } from '../platform/platform.module';
import { startPlatform } from '../platform/platform';
import type { Io } from './io';

export async function startCommand(args: string[], io: Io): Promise<number> {
  const which = args[0] ?? 'all';
  if (which !== 'all' && !APP_NAMES.includes(which as AppName)) {
    io.err(`pedigree start: unknown app "${which}"; choose all, ${APP_NAMES.join(', ')}.`);
    return 2;
  }
  const apps = which === 'all' ? APP_NAMES : [which as AppName];
  // Listen before starting: a signal during start-up stops the platform once it is up. Ctrl-C
  // under `npm start` can arrive twice (from the terminal and forwarded by npm), and later signals
  // must not kill the process while it stops the database.
  const stopRequested = new Promise<void>((request) => {
    process.on('SIGINT', () => request());
    process.on('SIGTERM', () => request());
  });
  const started = Date.now();
  const platform = await startPlatform(apps, loadConfig());
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.out(
    [
      `Pedigree is running (${apps.join(', ')}), started in ${seconds} s.`,
      `  API      ${platform.url}   (health: ${platform.url}/health)`,
      `  Database ${redact(platform.databaseUrl)}${platform.embedded.database ? '   (embedded)' : ''}`,
      ...(platform.mqttUrl
        ? [
            `  MQTT     ${redact(platform.mqttUrl)}${platform.embedded.broker ? '   (embedded)' : ''}`,
          ]
        : []),
      ...(platform.migrations.length > 0
        ? [`  Applied migrations: ${platform.migrations.join(', ')}`]
        : []),
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  await stopRequested;
  io.out('Stopping Pedigree...');
  await platform.stop();
  io.out('Stopped.');
  return 0;
}

/** Hides a password in a URL before printing it. */
function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
