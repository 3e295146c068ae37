import type { LookupAddress } from 'node:dns';
import { isPrivateAddress, WebhookDestinations } from './webhook-destination';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    'not-an-address',
  ])('counts %s as private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111'])(
    'counts %s as public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('WebhookDestinations', () => {
  const refusing = new WebhookDestinations(false);

  it.each([
    'http://127.0.0.1:8080/epcis',
    'http://[::1]/epcis',
    'http://169.254.169.254/latest/meta-data',
    'http://localhost:9/epcis',
  ])('refuses %s, saying how to allow it', async (dest) => {
    expect(await refusing.refusal(dest)).toMatch(
      /a private, loopback or link-local address.*PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS=allow/,
    );
  });

  it('takes a public address, and anything when private ones are allowed', async () => {
    expect(await refusing.refusal('https://93.184.216.34/epcis')).toBeNull();
    expect(await new WebhookDestinations(true).refusal('http://127.0.0.1/epcis')).toBeNull();
  });

  /** What the guarded look-up answers for `host`, as a connection asks it. */
  const lookUp = (destinations: WebhookDestinations, host: string) =>
    new Promise<{ error: NodeJS.ErrnoException | null; found: unknown }>((resolve) =>
      destinations.lookup(host, { all: true }, (error, found) => resolve({ error, found })),
    );

  it("refuses a private address in the connection's own look-up (DNS rebinding)", async () => {
    const { error } = await lookUp(refusing, 'localhost');
    expect(error).toMatchObject({ code: 'EPRIVATEADDRESS' });
    expect(error?.message).toMatch(/^localhost now resolves to .*, a private address$/);
    const allowed = await lookUp(new WebhookDestinations(true), 'localhost');
    expect(allowed.error).toBeNull();
    expect((allowed.found as LookupAddress[]).length).toBeGreaterThan(0);
  });
});
