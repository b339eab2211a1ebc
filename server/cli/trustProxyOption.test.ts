// `copydesk server --trust-proxy LIST` (or COPYDESK_TRUST_PROXY): X-Forwarded-For is believed
// from those peers, so wrong setup codes (held back per client address) hold back the forwarded
// client, not the proxy. The proxy here is a connection from 127.0.0.2 or 127.0.0.3: on Linux all
// of 127.0.0.0/8 is this machine, yet only 127.0.0.1 and ::1 are what --behind-proxy trusts.
import { request } from 'node:http';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE } from '../accounts/loginThrottle';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { ADMIN } from '../testing/testServer';
import { runServerCommand, type ServerIo } from './runServerCommand';

function io(dir: string, env: NodeJS.ProcessEnv = {}, language: 'en' | 'ko' = 'en', signal?: AbortSignal): ServerIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), env, cwd: dir, home: dir, language, signal };
}

/** Whether this machine answers on 127.0.0.2 and .3 (macOS needs an alias for them). */
async function otherLoopbacks(): Promise<boolean> {
  for (const address of ['127.0.0.2', '127.0.0.3']) {
    const server = createServer();
    const ok = await new Promise<boolean>((resolve) => server.once('error', () => resolve(false)).listen(0, address, () => resolve(true)));
    if (ok) await new Promise((r) => server.close(r));
    else return false;
  }
  return true;
}
const canStage = await otherLoopbacks();
if (!canStage && process.env.CI) throw new Error('the --trust-proxy tests need 127.0.0.2 and 127.0.0.3 (all of 127.0.0.0/8 on Linux)');
if (!canStage) console.warn('skipping the live --trust-proxy tests: this machine has no 127.0.0.2 and 127.0.0.3');

/** A wrong setup code sent from `from` as a proxy forwarding `client`: 403 (wrong code) or 429 (held back). */
function wrongSetup(url: string, from: string, client: string): Promise<number> {
  const body = JSON.stringify({ code: 'AAAA-BBBB-CCCC-DDDD-EEEE', login: 'admin', password: 'admin password', person: ADMIN });
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/setup`, { method: 'POST', localAddress: from, timeout: 30_000, headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.250, ${client}` } }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('timed out'))).on('error', reject).end(body);
  });
}

/** Runs the server command until `use` is done; its exit code must be 0. */
async function serving(store: TestStore, args: string[], env: NodeJS.ProcessEnv, use: (url: string) => Promise<void>): Promise<void> {
  const stop = new AbortController();
  const out = io(store.dataDir, env, 'en', stop.signal);
  const running = runServerCommand(['--data', store.dataDir, '--host', '127.0.0.1', '--port', '0', '--log-level', 'silent', ...args], out);
  try {
    await expect.poll(() => out.lines.some((l) => l.startsWith('listening on ')) || out.errors.length > 0, { timeout: 60_000 }).toBe(true);
    expect(out.errors).toEqual([]);
    await use(out.lines.find((l) => l.startsWith('listening on '))!.slice('listening on '.length));
  } finally {
    stop.abort();
    expect(await running).toBe(0);
  }
}

describe('--trust-proxy and COPYDESK_TRUST_PROXY', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copydesk-trust-proxy-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuse an entry that is neither an IP address nor a subnet: a usage error naming it, in English and Korean', async () => {
    const bad = io(dir);
    expect(await runServerCommand(['--data', dir, '--trust-proxy', '10.0.0.5,172.16.0.0/33'], bad)).toBe(2);
    expect(bad.errors.join('\n')).toContain('--trust-proxy (or COPYDESK_TRUST_PROXY) takes IP addresses and CIDR subnets separated by commas (e.g. 172.16.0.0/12,10.0.0.5,fd00::/8), not "172.16.0.0/33"');
    const fromEnv = io(dir, { COPYDESK_TRUST_PROXY: '172.16.0.0/12,proxy.internal' });
    expect(await runServerCommand(['--data', dir], fromEnv)).toBe(2);
    expect(fromEnv.errors.join('\n')).toContain('not "proxy.internal"');
    const empty = io(dir);
    expect(await runServerCommand(['--data', dir, '--trust-proxy', ' , '], empty)).toBe(2);
    expect(empty.errors.join('\n')).toContain('--trust-proxy (or COPYDESK_TRUST_PROXY) takes IP addresses');
    const korean = io(dir, {}, 'ko');
    expect(await runServerCommand(['--data', dir, '--trust-proxy', 'fd00::/129'], korean)).toBe(2);
    expect(korean.errors.join('\n')).toContain('--trust-proxy(또는 COPYDESK_TRUST_PROXY)는 쉼표로 구분한 IP 주소와 CIDR 서브넷이어야 합니다(예: 172.16.0.0/12,10.0.0.5,fd00::/8): "fd00::/129"은(는) 아닙니다');
    for (const [language, name] of [['en', '--trust-proxy LIST'], ['ko', '--trust-proxy 목록']] as const) {
      const help = io(dir, {}, language);
      expect(await runServerCommand(['--help'], help)).toBe(0);
      expect(help.lines.join('\n')).toContain(name);
      expect(help.lines.join('\n')).toContain('COPYDESK_TRUST_PROXY');
    }
  });

  describe.skipIf(!canStage)('on a running server', () => {
    const stores: TestStore[] = [];
    afterAll(() => Promise.all(stores.map((s) => s.dispose())));
    const store = async () => {
      const made = await pgliteStore();
      stores.push(made);
      return made;
    };

    it('--trust-proxy alone: the listed peer forwards the client\'s address, loopback does not (and the option wins over the variable)', async () => {
      await serving(await store(), ['--trust-proxy', '10.0.0.0/8,127.0.0.2'], { COPYDESK_TRUST_PROXY: 'not-an-address' }, async (url) => {
        for (let i = 0; i < THROTTLE.perLogin; i++) expect(await wrongSetup(url, '127.0.0.2', '198.51.100.7')).toBe(403);
        // The client is held back; another client behind the same proxy is not.
        expect(await wrongSetup(url, '127.0.0.2', '198.51.100.7')).toBe(429);
        expect(await wrongSetup(url, '127.0.0.2', '198.51.100.8')).toBe(403);
        // Loopback is not trusted without --behind-proxy: its header is ignored, 127.0.0.1 counts.
        expect(await wrongSetup(url, '127.0.0.1', '198.51.100.7')).toBe(403);
      });
    }, 120_000);

    it('COPYDESK_TRUST_PROXY with --behind-proxy: the listed peer and loopback are trusted, another peer is not', async () => {
      await serving(await store(), ['--behind-proxy'], { COPYDESK_TRUST_PROXY: '127.0.0.3' }, async (url) => {
        for (let i = 0; i < THROTTLE.perLogin; i++) expect(await wrongSetup(url, '127.0.0.3', '198.51.100.7')).toBe(403);
        expect(await wrongSetup(url, '127.0.0.3', '198.51.100.7')).toBe(429);
        expect(await wrongSetup(url, '127.0.0.1', '198.51.100.7')).toBe(429);
        // 127.0.0.2 is neither: it is counted as itself, whatever it forwards.
        expect(await wrongSetup(url, '127.0.0.2', '198.51.100.7')).toBe(403);
      });
    }, 120_000);
  });
});
