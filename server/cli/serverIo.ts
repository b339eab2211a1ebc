// What a `copydesk server` command is given: where to print, the environment, and Ctrl+C.
import type { CliLanguage } from '../../shared/i18n/cliText';

export interface ServerIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  home: string;
  language: CliLanguage;
  /** Aborted on Ctrl+C (the CLI's own commands share this shape: cli/runCli.ts). */
  signal?: AbortSignal;
}
