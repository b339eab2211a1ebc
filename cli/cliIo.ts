// What a `copydesk` command gets from the process, in a file of its own so that each command's
// file can name it without importing the dispatcher that imports them.
import type { ServerIo } from '../server/cli/runServerCommand';

/** What a command gets from the process; `signal` is aborted on Ctrl+C (a batch stops after the current article or file). */
export type CliIo = ServerIo;
