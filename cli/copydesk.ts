// Entry point of the `copydesk` command: bin/copydesk.mjs runs its build (out/cli/copydesk.mjs,
// scripts/buildCli.mjs), or this file through tsx in a checkout that has not been built.
import { homedir } from 'node:os';
import { cliLanguage } from '../shared/i18n/cliText';
import { EXIT, runCli } from './runCli';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
// `copydesk server` stops cleanly on SIGTERM too (service managers, containers).
process.once('SIGTERM', () => controller.abort());
const language = cliLanguage(process.env, Intl.DateTimeFormat().resolvedOptions().locale);
runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  cwd: process.cwd(),
  home: homedir(),
  language,
  signal: controller.signal,
}).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`copydesk: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(EXIT.partial);
  },
);
