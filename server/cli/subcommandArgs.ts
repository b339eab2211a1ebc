// The words every `copydesk server` subcommand takes (import-library, snapshot, restore): --data,
// --database where it means something, --help, and exactly one path. Help and bad usage are
// answered here, with the subcommand's own text; the subcommand gets the rest, resolved.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../dataFolder';
import type { ServerIo } from './serverIo';

export interface SubcommandText {
  usage(problem: string): string;
  help: string;
  /** Said when the one path is missing (or more than one is given). */
  noPath: string;
}

export type SubcommandArgs = { exit: number } | { path: string; dataDir: string; database: string | undefined };

export function subcommandArgs(argv: string[], io: ServerIo, say: SubcommandText, withDatabase: boolean): SubcommandArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...(withDatabase ? { database: { type: 'string' as const } } : {}) },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(say.usage((err as Error).message));
    return { exit: 2 };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(say.help);
    return { exit: 0 };
  }
  if (positionals.length !== 1) {
    io.err(say.usage(say.noPath));
    return { exit: 2 };
  }
  const database = (values as { database?: string }).database ?? io.env.DATABASE_URL ?? undefined;
  return { path: resolve(io.cwd, positionals[0]), dataDir: resolveDataDir(values.data, io.env, io.home, io.cwd), database: withDatabase ? database : undefined };
}
