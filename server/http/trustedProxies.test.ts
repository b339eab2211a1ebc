// Whose address counts for sign-in throttling: the peer's, or when the peer is a trusted proxy
// (loopback with --behind-proxy, the addresses and subnets of --trust-proxy) the last address in
// X-Forwarded-For, the one that proxy saw.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './startHttp';
import { parseProxyList, peerTrust } from './trustedProxies';

describe('the client address behind a proxy', () => {
  const req = (peer: string, forwarded?: string) => ({ socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;
  const loopback = peerTrust({ loopback: true });

  it('is the address the local proxy appended, only when the proxy is trusted and local', () => {
    expect(clientAddress(req('127.0.0.1', '203.0.113.9, 198.51.100.7'), loopback)).toBe('198.51.100.7');
    expect(clientAddress(req('::1', '198.51.100.7'), loopback)).toBe('198.51.100.7');
    expect(clientAddress(req('::ffff:127.0.0.1', '198.51.100.7'), loopback)).toBe('198.51.100.7');
    // Not trusted, or not from this machine: the header is anyone's to write, so the peer counts.
    expect(clientAddress(req('127.0.0.1', '198.51.100.7'), peerTrust({}))).toBe('127.0.0.1');
    expect(clientAddress(req('192.0.2.5', '198.51.100.7'), loopback)).toBe('192.0.2.5');
    expect(clientAddress(req('127.0.0.1'), loopback)).toBe('127.0.0.1');
  });

  it('is the address a proxy on a trusted network appended (--trust-proxy), and a stranger\'s own address', () => {
    const compose = peerTrust({ proxies: ['172.16.0.0/12', '10.0.0.5', 'fd00::/8'] });
    expect(clientAddress(req('172.18.0.1', '203.0.113.9, 198.51.100.7'), compose)).toBe('198.51.100.7');
    expect(clientAddress(req('10.0.0.5', '198.51.100.7'), compose)).toBe('198.51.100.7');
    // An IPv4 proxy on a dual-stack socket shows as ::ffff:a.b.c.d: still in the IPv4 subnet.
    expect(clientAddress(req('::ffff:172.18.0.3', '198.51.100.7'), compose)).toBe('198.51.100.7');
    expect(clientAddress(req('fd12:3456::7', '2001:db8::42'), compose)).toBe('2001:db8::42');
    // Outside the list, its header is ignored, mapped or not; so is loopback without --behind-proxy.
    for (const stranger of ['172.32.0.1', '10.0.0.6', '::ffff:10.0.0.6', 'fe80::1', '127.0.0.1', '::1', '']) expect(clientAddress(req(stranger, '198.51.100.7'), compose)).toBe(stranger);
    // With --behind-proxy as well, loopback and the list both are trusted.
    const both = peerTrust({ loopback: true, proxies: ['172.16.0.0/12'] });
    expect([clientAddress(req('127.0.0.1', '198.51.100.7'), both), clientAddress(req('172.20.1.2', '198.51.100.8'), both), clientAddress(req('192.0.2.5', '198.51.100.9'), both)]).toEqual(['198.51.100.7', '198.51.100.8', '192.0.2.5']);
  });

  it('reads a --trust-proxy list of IPv4 and IPv6 addresses and subnets, naming the first entry that is neither', () => {
    expect(parseProxyList(' 172.16.0.0/12, 10.0.0.5 ,fd00::/8,,::1')).toEqual({ entries: ['172.16.0.0/12', '10.0.0.5', 'fd00::/8', '::1'] });
    expect(parseProxyList('')).toEqual({ entries: [] });
    for (const bad of ['172.16.0.0/33', 'fd00::/129', '10.0.0', 'proxy.example.org', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/8/8', 'fe80::1%eth0', '256.0.0.1']) {
      expect(parseProxyList(`10.0.0.5,${bad}`), bad).toEqual({ bad });
      expect(() => peerTrust({ proxies: [bad] }), bad).toThrow();
    }
  });
});
