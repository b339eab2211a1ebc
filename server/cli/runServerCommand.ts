// `copydesk server`: parses its options, starts the server, prints where it listens, and runs
// until the signal (Ctrl+C, SIGTERM) stops it, closing the database and the lock on the way out.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../shared/contract/errors';
import { resolveDataDir } from '../dataFolder';
import { parseProxyList } from '../http/trustedProxies';
import { openServer, type ServerHandle } from '../openServer';
import { serverText } from './serverText';
import { serverLogging } from '../ops/serverLogging';
import { runImportLibrary } from './runImportLibrary';
import { runRestore, runSnapshot } from './runSnapshot';
import type { ServerIo } from './serverIo';

export type { ServerIo } from './serverIo';

export const DEFAULT_PORT = 4410;

/** Exit codes as the rest of the CLI: 0 stopped cleanly, 2 bad usage, 3 could not start. */
export async function runServerCommand(argv: string[], io: ServerIo): Promise<number> {
  // A subcommand with options of its own: it imports and ends, it does not serve.
  if (argv[0] === 'import-library') return runImportLibrary(argv.slice(1), io);
  if (argv[0] === 'snapshot') return runSnapshot(argv.slice(1), io);
  if (argv[0] === 'restore') return runRestore(argv.slice(1), io);
  const say = serverText(io.language);
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        database: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'behind-proxy': { type: 'boolean' },
        'trust-proxy': { type: 'string', multiple: true },
        'log-level': { type: 'string' },
        'metrics-token': { type: 'string' },
        redis: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    io.err(say.usage((err as Error).message));
    return 2;
  }
  if (values.help) {
    io.out(say.help);
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    io.err(say.usage(say.badPort(values.port ?? '')));
    return 2;
  }
  if ((values.cert === undefined) !== (values.key === undefined)) {
    io.err(say.usage(say.certAndKey));
    return 2;
  }
  const logging = serverLogging(values, io, say);
  if (typeof logging === 'string') {
    io.err(say.usage(logging));
    return 2;
  }
  // The option wins over the variable (repeated, its lists add up); an empty variable is none.
  const trustGiven = values['trust-proxy']?.join(',');
  const proxies = parseProxyList(trustGiven ?? io.env.COPYDESK_TRUST_PROXY ?? '');
  if ('bad' in proxies || (trustGiven !== undefined && !proxies.entries.length)) {
    io.err(say.usage(say.badTrustProxy('bad' in proxies ? proxies.bad : (trustGiven ?? ''))));
    return 2;
  }
  const dataDir = resolveDataDir(values.data, io.env, io.home, io.cwd);
  const databaseUrl = values.database ?? io.env.DATABASE_URL ?? undefined;
  const redis = values.redis ?? io.env.REDIS_URL ?? undefined;
  if (redis && !databaseUrl) {
    io.err(say.usage(say.redisNeedsPostgres));
    return 2;
  }
  let server: ServerHandle;
  try {
    const tls = values.cert && values.key ? { cert: await readFile(resolve(io.cwd, values.cert)), key: await readFile(resolve(io.cwd, values.key)) } : undefined;
    const allowedOrigins = (values['allow-origin'] ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
    server = await openServer({ dataDir, databaseUrl, host: values.host ?? '127.0.0.1', port, log: io.err, tls, allowedOrigins, trustProxy: values['behind-proxy'] === true, trustedProxies: proxies.entries, redis, ...logging.options });
  } catch (err) {
    io.err(err instanceof ApiError && err.params.reason === 'libraryLocked' ? say.locked(dataDir) : say.failed((err as Error).message));
    return 3;
  }
  // The password in a database URL is not printed.
  io.out(say.store(dataDir, databaseUrl ? databaseUrl.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@') : null));
  if (redis && server.instanceId) io.out(say.instance(redis.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@'), server.instanceId));
  if (server.setupCode) io.out(say.setup(server.setupCode, server.url));
  io.out(`listening on ${server.url}`);
  logging.started(server);
  await new Promise<void>((resolve) => {
    if (!io.signal || io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await logging.stopping(server, () => server.close());
  return 0;
}
