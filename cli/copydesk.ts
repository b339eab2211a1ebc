// Entry point of the `copydesk` command: bin/copydesk.mjs runs its build (out/cli/copydesk.mjs,
// scripts/buildCli.mjs), or this file through tsx in a checkout that has not been built.
import { homedir } from 'node:os';
import { cliLanguage } from '../shared/i18n/cliText';
import { EXIT, runCli } from './runCli';
import { handleStopSignals } from '../server/ops/stopSignals';

const controller = new AbortController();
// Ctrl+C, and SIGTERM for `copydesk server` (service managers, containers): the first stops
// cleanly, a second (either) exits at once.
handleStopSignals(
  process,
  () => controller.abort(),
  (code, signal) => {
    process.stderr.write(`copydesk: ${signal} again: stopping at once\n`);
    process.exit(code);
  },
);
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
