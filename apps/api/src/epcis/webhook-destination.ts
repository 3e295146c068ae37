/**
 * Where a subscription may send its notifications (docs/epcis.md, "Destinations"). A tenant
 * names the URL and the platform calls it, so without a check a subscription could make the
 * platform call its own network (SSRF): the database, the broker, a cloud metadata service.
 * Unless the deployment allows private destinations (PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS=allow,
 * for a test bench or an internal network), a destination must resolve to public addresses only:
 * checked when subscribing, before each attempt, and again by the connection's own DNS look-up,
 * so a name that resolves to a public address when checked and to a private one when connecting
 * (DNS rebinding) is refused too.
 */
import { lookup as dnsLookup, promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Loopback, private, shared, link-local (cloud metadata), benchmark, multicast and reserved.
 * BlockList checks an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) against the IPv4 rules.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127], // unspecified and loopback
  ['64:ff9b::', 96], // NAT64, likewise
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/**
 * True when `address` (an IP address) is one a webhook may not reach; anything that is not an
 * IP address counts as private.
 * @example isPrivateAddress('169.254.169.254') // true
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A host as a URL writes it, without the brackets of an IPv6 literal. */
const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

export class WebhookDestinations {
  constructor(private readonly allowPrivate: boolean) {}

  /**
   * Why notifications cannot go to `dest`, or null when they can: its host resolves to a
   * private address, or does not resolve.
   */
  async refusal(dest: string): Promise<string | null> {
    if (this.allowPrivate) return null;
    const host = bare(new URL(dest).hostname);
    let addresses: string[];
    try {
      addresses = isIP(host)
        ? [host]
        : (await dns.lookup(host, { all: true })).map((a) => a.address);
    } catch (error) {
      return `dest ${dest}: its host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'no address'}); give a host with a public DNS name`;
    }
    const closed = addresses.find(isPrivateAddress);
    return closed
      ? `dest ${dest}: ${host} is ${closed === host ? '' : `at ${closed}, `}a private, loopback or link-local address, which notifications may not reach; give a public address, or set PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS=allow on a deployment whose subscribers are inside its network`
      : null;
  }

  /** The DNS look-up of a notification's connection: it refuses private addresses. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const closed = found.find((a) => !this.allowPrivate && isPrivateAddress(a.address));
      if (closed) {
        const refused = new Error(
          `${hostname} now resolves to ${closed.address}, a private address`,
        );
        return callback(Object.assign(refused, { code: 'EPRIVATEADDRESS' }), '', 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
      return callback(null, found[0]!.address, found[0]!.family);
    });
  };
}
