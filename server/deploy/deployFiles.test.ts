// The deployment files in deploy/, checked as far as this machine can: the nginx site with
// `nginx -t` (a self-signed certificate in a temp folder), then live in front of a server
// (HTTPS, the redirect, a WebSocket upgrade at /collab, the event stream); the systemd units
// with `systemd-analyze verify`; the Caddyfile with `caddy validate`; compose.yaml against the
// Compose Specification's JSON schema (vendored in deploy/compose-spec/). nginx runs from its own
// prefix in the temp folder, never as the system service. A missing nginx skips with its reason
// (fails in CI, where .ci/run installs it); systemd-analyze and Caddy are optional tools and skip
// with their reason wherever absent.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parse } from 'yaml';
import { collabUrl } from '../../shared/contract/liveProtocol';
import { parseProxyList, peerTrust } from '../http/trustedProxies';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { setUpAdmin, startTestServer, type TestServer } from '../testing/testServer';

const DEPLOY = resolve(import.meta.dirname, '../../deploy');
const run = promisify(execFile);

function which(name: string, extra: string[] = []): string | null {
  for (const path of [...extra, `/usr/sbin/${name}`, `/usr/bin/${name}`, `/usr/local/bin/${name}`]) if (existsSync(path)) return path;
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** A binary, or why its tests skip; `required` ones fail in CI instead. */
function tool(name: string, required: boolean): { path: string; skip: null } | { path: null; skip: string } {
  const path = which(name);
  if (path) return { path, skip: null };
  const why = `${name} is not installed`;
  if (required && process.env.CI) throw new Error(`the deployment tests need ${name} in CI (.ci/run installs it): ${why}`);
  console.warn(`skipping the ${name} checks of deploy/: ${why}`);
  return { path: null, skip: why };
}

const nginx = tool('nginx', true);
const systemdAnalyze = tool('systemd-analyze', false);
const caddy = tool('caddy', false);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** The site inside a minimal nginx.conf whose every path is in `dir`. */
function wrapSite(dir: string, site: string): string {
  return `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
${site}
}
`;
}

/** The real site with the test's certificate in place of certbot's. */
function withCert(site: string, dir: string): string {
  const out = site.replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${dir}/cert.pem;`).replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${dir}/key.pem;`);
  if (out === site) throw new Error('deploy/nginx.conf names no certificate');
  return out;
}

describe.skipIf(nginx.skip !== null)('deploy/nginx.conf', () => {
  let dir: string;
  let site: string;
  let cert: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copydesk-nginx-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=newsroom.example.org', '-addext', 'subjectAltName=DNS:newsroom.example.org,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    cert = await readFile(join(dir, 'cert.pem'));
    site = await readFile(join(DEPLOY, 'nginx.conf'), 'utf8');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('passes nginx -t as written (TLS, two instances upstream, the WebSocket and event-stream locations)', async () => {
    await writeFile(join(dir, 'check.conf'), wrapSite(dir, withCert(site, dir)));
    const { stderr } = await run(nginx.path!, ['-t', '-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'check.conf')]);
    expect(stderr).toContain('syntax is ok');
    expect(stderr).toContain('test is successful');
    expect(stderr).not.toMatch(/\[warn\]|\[emerg\]/);
    // What the README promises of it.
    expect(site).toMatch(/upstream copydesk \{[^}]*server 127\.0\.0\.1:4410[^}]*server 127\.0\.0\.1:4411/);
    expect(site).toMatch(/location \/collab \{[^}]*proxy_set_header Upgrade \$http_upgrade;[^}]*proxy_set_header Connection \$copydesk_connection;/);
    expect(site).toMatch(/location \/api\/events \{[^}]*proxy_buffering off;/);
    expect(site).toMatch(/client_max_body_size 500m;/);
    // A broken site fails the same check: the check checks.
    await writeFile(join(dir, 'broken.conf'), wrapSite(dir, withCert(site, dir).replace('proxy_buffering off;', 'proxy_buffering sometimes;')));
    await expect(run(nginx.path!, ['-t', '-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'broken.conf')])).rejects.toMatchObject({ stderr: expect.stringContaining('proxy_buffering') });
  });

  describe('in front of a running server', () => {
    let store: TestStore;
    let server: TestServer;
    let token: string;
    let proxy: ChildProcess;
    let tlsPort: number;
    let httpPort: number;

    beforeAll(async () => {
      store = await pgliteStore();
      server = await startTestServer(store, { trustProxy: true });
      token = await setUpAdmin(server);
      const upstream = new URL(server.url).port;
      [tlsPort, httpPort] = [await freePort(), await freePort()];
      // The same site on free loopback ports, both upstream lines at the test's server.
      const live = withCert(site, dir)
        .replace(/^\s*listen \[::\].*$/gm, '')
        .replace(/listen 443 ssl;/, `listen 127.0.0.1:${tlsPort} ssl;`)
        .replace(/listen 80;/, `listen 127.0.0.1:${httpPort};`)
        .replace(/server 127\.0\.0\.1:441[01]/g, `server 127.0.0.1:${upstream}`);
      await mkdir(join(dir, 'live'), { recursive: true });
      await writeFile(join(dir, 'live.conf'), wrapSite(join(dir, 'live'), live));
      proxy = spawn(nginx.path!, ['-e', join(dir, 'live', 'error.log'), '-p', join(dir, 'live'), '-c', join(dir, 'live.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      proxy.stderr!.on('data', (d) => (stderr += d));
      for (let i = 0; ; i++) {
        const up = await get(`https://127.0.0.1:${tlsPort}/healthz`).then(() => true, () => false);
        if (up) break;
        if (i > 100 || proxy.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }, 60_000);
    afterAll(async () => {
      if (proxy && proxy.exitCode === null) {
        proxy.kill('SIGTERM');
        await new Promise((r) => proxy.once('exit', r));
      }
      await server?.close();
      await store?.dispose();
    });

    /** Status, headers and the first bytes of the body (then the request is ended). */
    function get(url: string, headers: Record<string, string> = {}, firstBytes = false): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
      return new Promise((resolvePromise, reject) => {
        const send = url.startsWith('https') ? request : httpRequest;
        const req = send(url, { headers, ca: cert, timeout: 5000 }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
            if (firstBytes) {
              resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body });
              req.destroy();
            }
          });
          res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('timeout', () => req.destroy(new Error('timed out')));
        req.on('error', reject);
        req.end();
      });
    }

    it('serves the server over HTTPS, and sends plain HTTP there', async () => {
      const health = await get(`https://127.0.0.1:${tlsPort}/healthz`);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
      expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
      const plain = await get(`http://127.0.0.1:${httpPort}/healthz`);
      expect(plain.status).toBe(301);
      expect(plain.headers.location).toBe(`https://127.0.0.1/healthz`);
    });

    it('passes the WebSocket upgrade at /collab through', async () => {
      const status = await new Promise<number>((resolvePromise, reject) => {
        const ws = new WebSocket(collabUrl(`https://127.0.0.1:${tlsPort}`), { ca: cert });
        ws.once('open', () => {
          ws.close();
          resolvePromise(101);
        });
        ws.once('unexpected-response', (_req, res) => resolvePromise(res.statusCode ?? 0));
        ws.once('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
      });
      expect(status).toBe(101);
    });

    it('streams the live channel (/api/events) as it is written', async () => {
      const started = Date.now();
      const events = await get(`https://127.0.0.1:${tlsPort}/api/events`, { authorization: `Bearer ${token}` }, true);
      expect(events.status).toBe(200);
      expect(events.headers['content-type']).toContain('text/event-stream');
      expect(events.body).toContain(': open');
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });
});

describe.skipIf(systemdAnalyze.skip !== null)('deploy/copydesk-server.service and copydesk-server@.service', () => {
  it('pass systemd-analyze verify with nothing to say', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-systemd-'));
    try {
      // Node where this machine has it (the unit names Debian's /usr/bin/node).
      const adapt = (text: string) => (existsSync('/usr/bin/node') ? text : text.replaceAll('/usr/bin/node', process.execPath));
      const single = await readFile(join(DEPLOY, 'copydesk-server.service'), 'utf8');
      const template = await readFile(join(DEPLOY, 'copydesk-server@.service'), 'utf8');
      await writeFile(join(dir, 'copydesk-server.service'), adapt(single));
      await writeFile(join(dir, 'copydesk-server@4410.service'), adapt(template));
      for (const unit of ['copydesk-server.service', 'copydesk-server@4410.service']) {
        const { stdout, stderr } = await run(systemdAnalyze.path!, ['verify', join(dir, unit)], { env: { ...process.env, SYSTEMD_LOG_COLOR: '0' } });
        expect(`${stdout}${stderr}`, unit).toBe('');
      }
      for (const text of [single, template]) {
        expect(text).toMatch(/^User=copydesk$/m);
        expect(text).toMatch(/^EnvironmentFile=-?\/etc\/copydesk\/server\.env$/m);
        expect(text).toMatch(/^Restart=on-failure$/m);
        expect(text).toMatch(/^ExecStart=.* server --data \/var\/lib\/copydesk\S* .*--behind-proxy$/m);
      }
      // A misspelt option is reported: the check checks.
      await writeFile(join(dir, 'broken.service'), adapt(single).replace('ProtectSystem=strict', 'ProtectSystm=strict'));
      const broken = await run(systemdAnalyze.path!, ['verify', join(dir, 'broken.service')]);
      expect(broken.stderr).toContain("Unknown key 'ProtectSystm'");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(caddy.skip !== null)('deploy/Caddyfile', () => {
  it('passes caddy validate', async () => {
    const home = await mkdtemp(join(tmpdir(), 'copydesk-caddy-'));
    try {
      const env = { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home };
      const { stdout, stderr } = await run(caddy.path!, ['validate', '--config', join(DEPLOY, 'Caddyfile'), '--adapter', 'caddyfile'], { env });
      expect(`${stdout}${stderr}`).toContain('Valid configuration');
      await writeFile(join(home, 'Caddyfile'), (await readFile(join(DEPLOY, 'Caddyfile'), 'utf8')).replace('lb_policy round_robin', 'lb_policy sometimes'));
      await expect(run(caddy.path!, ['validate', '--config', join(home, 'Caddyfile'), '--adapter', 'caddyfile'], { env })).rejects.toThrow();
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe('deploy/compose.yaml', () => {
  async function validator() {
    const schema = JSON.parse(await readFile(join(DEPLOY, 'compose-spec', 'compose-spec.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // The schema names draft 07 by its https address; Ajv knows the same meta-schema by its http one.
    const draft07 = JSON.parse(await readFile(createRequire(import.meta.url).resolve('ajv/dist/refs/json-schema-draft-07.json'), 'utf8'));
    ajv.addMetaSchema({ ...draft07, $id: schema.$schema });
    return ajv.compile(schema);
  }
  const load = async () => parse(await readFile(join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }) as Record<string, Record<string, Record<string, unknown>>>;

  it('is valid under the Compose Specification schema: two servers, PostgreSQL and Redis', async () => {
    const validate = await validator();
    const compose = await load();
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'redis', 'server-1', 'server-2']);
    for (const name of ['server-1', 'server-2']) {
      const server = compose.services[name];
      expect((server.environment as Record<string, string>).DATABASE_URL).toMatch(/^postgres:\/\/copydesk:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/copydesk$/);
      expect(server.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
      expect(server.command).toEqual(['server', '--data', '/data', '--host', '0.0.0.0', '--port', '4410']);
      // X-Forwarded-For is believed from the compose network's own fixed subnet, where the host's
      // proxy comes from (through the network's gateway), and from nowhere else.
      const trusted = (server.environment as Record<string, string>).COPYDESK_TRUST_PROXY;
      expect(trusted).toBe((compose.networks.default.ipam as { config: { subnet: string }[] }).config[0].subnet);
      expect(parseProxyList(trusted)).toEqual({ entries: [trusted] });
      expect(peerTrust({ proxies: [trusted] })(trusted.replace(/\.0\/\d+$/, '.1'))).toBe(true);
    }
    expect(compose.services['server-1'].ports).toEqual(['127.0.0.1:4410:4410']);
    expect(compose.services['server-2'].ports).toEqual(['127.0.0.1:4411:4410']);
    // The Dockerfile it builds is there, with its ignore file beside it.
    expect(existsSync(join(DEPLOY, 'Dockerfile')) && existsSync(join(DEPLOY, 'Dockerfile.dockerignore'))).toBe(true);
  });

  it('the schema refuses a broken compose file: the check checks', async () => {
    const validate = await validator();
    const compose = await load();
    const broken = structuredClone(compose);
    broken.services['server-1'].restart_policy = 'always';
    (broken.services.postgres as Record<string, unknown>).healthcheck = { test: 'pg_isready', interval: 5 };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/services/server-1', '/services/postgres/healthcheck/interval']));
  });
});
