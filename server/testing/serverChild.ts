// A server in a child process, for tests that kill it: `node --import tsx serverChild.ts DATA_DIR`
// prints one JSON line with its address and setup code, then serves until killed. More options
// (a database URL, a Redis) come as JSON in COPYDESK_CHILD_OPTIONS.
import { openServer, type ServerOptions } from '../openServer';

const extra = JSON.parse(process.env.COPYDESK_CHILD_OPTIONS ?? '{}') as Partial<ServerOptions>;
const server = await openServer({ dataDir: process.argv[2], port: 0, ...extra });
process.stdout.write(`${JSON.stringify({ url: server.url, setupCode: server.setupCode })}\n`);
// Exits on SIGTERM, so that a --cpu-prof profile is written (the cluster bench's COPYDESK_BENCH_PROFILE).
if (process.execArgv.includes('--cpu-prof')) process.once('SIGTERM', () => process.exit(0));
