// A server in a child process, for tests that kill it: `node --import tsx serverChild.ts DATA_DIR`
// prints one JSON line with its address and setup code, then serves until killed.
import { openServer } from '../openServer';

const server = await openServer({ dataDir: process.argv[2], port: 0 });
process.stdout.write(`${JSON.stringify({ url: server.url, setupCode: server.setupCode })}\n`);
