/**
 * Where webhooks may be sent. Any http(s) address without credentials, up to 2,048 characters; in
 * production, only public addresses: a name must resolve only to public IPs (no loopback, private,
 * link-local, carrier-grade NAT, unique-local, multicast or unspecified ranges, IPv4-mapped ones
 * included), checked when the endpoint is made and again at each delivery through the connection's
 * own lookup, so the address connected to is the address checked (no window for DNS rebinding).
 * WEBHOOK_ALLOW_PRIVATE_TARGETS=on lifts the rule (a portal inside a private network).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promisify } from 'node:util';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
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
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** True for an address a production portal must not call. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export const privateTargetsAllowed = () => process.env.NODE_ENV !== 'production' || process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'on';

export type Resolver = (hostname: string) => Promise<string[]>;

const lookupAll = promisify(dnsLookup);
export const systemResolver: Resolver = async (hostname) => ((await lookupAll(hostname, { all: true, verbatim: true })) as LookupAddress[]).map((a) => a.address);

export type TargetProblem = 'invalid' | 'scheme' | 'credentials' | 'private' | 'unresolvable';

/** Why this address may not receive webhooks, or null. */
export async function targetProblem(url: string, options: { allowPrivate?: boolean; resolve?: Resolver } = {}): Promise<TargetProblem | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  if (url.length > 2048) return 'invalid';
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'scheme';
  if (parsed.username || parsed.password) return 'credentials';
  if (options.allowPrivate ?? privateTargetsAllowed()) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (options.resolve ?? systemResolver)(host);
  } catch {
    return 'unresolvable';
  }
  if (addresses.length === 0) return 'unresolvable';
  return addresses.some(isPrivateAddress) ? 'private' : null;
}

/**
 * A `lookup` for node:http(s) that refuses private addresses: the delivery connects only to an
 * address that passed the check.
 */
export function checkedLookup(allowPrivate: boolean): typeof dnsLookup {
  return ((hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const refused = !allowPrivate && list.some((a) => isPrivateAddress(a.address));
      if (refused || list.length === 0) return callback(Object.assign(new Error(`webhook target ${hostname} resolves to a private address`), { code: 'EPRIVATETARGET' }), '', 0);
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  }) as unknown as typeof dnsLookup;
}
