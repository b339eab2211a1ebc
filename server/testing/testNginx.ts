// Debian's nginx in front of the tests' instances, configured with the README's own proxy block
// (so the documented configuration is what is tested): an upstream of the instances, the
// `location /` from the README with its proxy_pass pointed at it. Its files live in a temp folder;
// never the system service. Where nginx is missing the caller skips, saying why; in CI it fails.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';

const NGINX = '/usr/sbin/nginx';
const README = join(import.meta.dirname, '..', '..', 'README.md');

export interface TestNginx {
  url: string;
  stop(): Promise<void>;
}

/** The README's nginx blocks: the `map` line and the `location /` block. */
export function documentedProxy(): { map: string; location: string } {
  const blocks = [...readFileSync(README, 'utf8').matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]);
  const block = blocks.find((b) => b.includes('location / {'));
  if (!block) throw new Error('README.md has no nginx block with `location / {`');
  const map = block.split('\n').find((l) => l.startsWith('map '));
  const location = block.slice(block.indexOf('location / {'));
  if (!map || !location.includes('proxy_pass http://127.0.0.1:4410;')) throw new Error("README.md's nginx block changed: update testNginx.ts with it");
  return { map, location };
}


function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/** Why the nginx tests cannot run here (printed), or null; in CI a missing nginx fails instead. */
export function nginxMissing(): string | null {
  if (!spawnSync(NGINX, ['-v']).error) return null;
  const why = 'nginx is not installed (Debian: apt-get install nginx)';
  if (process.env.CI) throw new Error(`the instance tests need nginx: ${why}`);
  console.warn(`skipping the nginx tests: ${why}`);
  return why;
}

export async function startTestNginx(upstreams: readonly string[]): Promise<TestNginx> {
  const missing = nginxMissing();
  if (missing) throw new Error(missing);
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(join(dir, sub));
  const port = await freePort();
  const { map, location } = documentedProxy();
  const conf = `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  ${map}
  upstream copydesk { least_conn; ${upstreams.map((u) => `server ${new URL(u).host};`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    ${location.replace('proxy_pass http://127.0.0.1:4410;', 'proxy_pass http://copydesk;')}
  }
}
`;
  await writeFile(join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  for (const started = Date.now(); !(await answers(port)); ) {
    if (child.exitCode !== null || Date.now() - started > 10_000) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${stderr}${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        const exited = once(child, 'exit');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
