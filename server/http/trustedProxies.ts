// Which peers may tell the server a client's address (X-Forwarded-For): a proxy on this machine
// (loopback, with --behind-proxy) and the addresses and subnets of --trust-proxy, e.g. a container
// network the proxy reaches the server through. Anyone else's header is ignored: it is anyone's
// to write.
import { BlockList, isIP } from 'node:net';

/** Whether a connection from this peer address comes from a proxy trusted to forward clients' addresses. */
export type PeerTrust = (peer: string) => boolean;

/** The entries of a comma-separated list of IP addresses and CIDR subnets, or the first one that is neither. */
export function parseProxyList(list: string): { entries: string[] } | { bad: string } {
  const entries = list.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) if (!parseEntry(entry)) return { bad: entry };
  return { entries };
}

function parseEntry(entry: string): { address: string; prefix: number | null; family: 'ipv4' | 'ipv6' } | null {
  const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry);
  // A zone (fe80::1%eth0) is refused: no peer address is ever matched with it.
  if (!match || match[1].includes('%')) return null;
  const version = isIP(match[1]);
  if (version === 0) return null;
  const prefix = match[2] === undefined ? null : Number(match[2]);
  if (prefix !== null && prefix > (version === 4 ? 32 : 128)) return null;
  return { address: match[1], prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d: it is matched as a.b.c.d. */
const MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The trust for `loopback` (127.0.0.1 and ::1, as --behind-proxy always had) and the valid entries
 * of `proxies` (parseProxyList's; an invalid one throws). Nothing trusted: no peer is.
 */
export function peerTrust(opts: { loopback?: boolean; proxies?: readonly string[] }): PeerTrust {
  const list = new BlockList();
  if (opts.loopback) {
    list.addAddress('127.0.0.1', 'ipv4');
    list.addAddress('::1', 'ipv6');
  }
  for (const entry of opts.proxies ?? []) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`not an IP address or subnet: ${entry}`);
    if (parsed.prefix === null) list.addAddress(parsed.address, parsed.family);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  if (!opts.loopback && !opts.proxies?.length) return () => false;
  return (peer) => {
    const mapped = MAPPED.exec(peer);
    if (mapped) return list.check(mapped[1], 'ipv4') || list.check(peer, 'ipv6');
    const version = isIP(peer);
    return version !== 0 && list.check(peer, version === 4 ? 'ipv4' : 'ipv6');
  };
}
