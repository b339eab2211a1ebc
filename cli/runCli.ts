// The `copydesk` command: the app's import and export without the window, for batch work and
// newsroom scripts. It opens the library through the same core as the app (so the same checks,
// embargo gate and audit log apply) and reports per file, with exit codes scripts can test.
// `copydesk check` (house style on files, no library) is runCheck.ts.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError, toApiError } from '../shared/contract/errors';
import { ExportFormatSchema, type ExportFormat } from '../shared/exchange/types';
import { toImportSummary } from '../shared/exchange/importSummary';
import { cliExchangeText } from '../shared/i18n/cliExchangeText';
import { openCore, type Core } from '../core/createCore';
import { resolveLibraryDir } from '../core/libraryLocation';
import type { Job } from '../core/exchange/JobRegistry';
import { readArticleFile } from '../core/exchange/ExchangeService';
import { runServerCommand } from '../server/cli/runServerCommand';
import { EXIT } from './exitCodes';
import { readTarget, reasonText } from './readTarget';
import { runCheck } from './runCheck';
import { cliCheckText } from '../shared/i18n/cliCheckText';

import type { CliIo } from './cliIo';

export type { CliIo };

export { EXIT };

const OPTIONS = {
  library: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  summary: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  override: { type: 'boolean' },
  note: { type: 'string' },
  rules: { type: 'string' },
  words: { type: 'string' },
  // Node 20's parseArgs has no negated options, so --no-spelling is an option of its own.
  'no-spelling': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // The newsroom server has options of its own and runs until stopped.
  if (argv[0] === 'server') return runServerCommand(argv.slice(1), io);
  const say = cliExchangeText(io.language);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(say.usage((err as Error).message));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...targets] = positionals;
  if (values.help || !command || command === 'help') {
    io.out(say.help);
    return values.help || command === 'help' ? EXIT.ok : EXIT.usage;
  }
  // Reads files and prints findings: no library, so none of the library's options.
  if (command === 'check') return runCheck(targets, values, io);
  try {
    if (command !== 'import' && command !== 'export') throw new UsageError(say.unknownCommand(command));
    const checkOnly = (['rules', 'words', 'no-spelling'] as const).find((option) => values[option] !== undefined);
    if (checkOnly) throw new UsageError(cliCheckText(io.language).onlyForCheck(checkOnly));
    if (targets.length === 0) throw new UsageError(say.noFiles);
    if (values.summary && !values['dry-run']) throw new UsageError(say.summaryNeedsDryRun);
    if (command === 'import' && values['dry-run']) return await dryRun(targets, !!values.summary, io);
    const formats = command === 'export' ? parseFormats(values.format, say) : [];
    const libraryArgs = values.library ? ['--library', values.library] : [];
    const libraryDir = resolveLibraryDir(libraryArgs, io.env, process.platform, io.home, io.cwd);
    let core: Core;
    try {
      core = await openCore({ libraryDir, appInfo: { version: 'cli', platform: process.platform, host: 'browser', systemLocale: io.language, mediaBase: '/media/' } });
    } catch (err) {
      io.err(say.libraryFailed(libraryDir, toApiError(err).message));
      return EXIT.library;
    }
    try {
      const actor = await resolveActor(core, values.as, say);
      const code = command === 'import' ? await importFiles(core, actor, targets, !!values.json, io) : await exportTargets(core, actor, targets, formats, { out: resolve(io.cwd, values.out ?? '.'), override: !!values.override, note: values.note ?? '', json: !!values.json }, io);
      return io.signal?.aborted ? EXIT.interrupted : code;
    } finally {
      await core.close();
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(say.usage(err.message));
      return EXIT.usage;
    }
    throw err;
  }
}

function parseFormats(value: string | undefined, say: ReturnType<typeof cliExchangeText>): ExportFormat[] {
  if (!value) throw new UsageError(say.noFormat);
  return value.split(',').map((f) => {
    const parsed = ExportFormatSchema.safeParse(f.trim());
    if (!parsed.success) throw new UsageError(say.badFormat(f));
    return parsed.data;
  });
}

/** `--as` by id or name; else the first active admin; an empty library gets an admin named after the login. */
async function resolveActor(core: Core, who: string | undefined, say: ReturnType<typeof cliExchangeText>): Promise<string> {
  const everyone = await core.handlers.listPeople({});
  const people = everyone.filter((p) => p.active);
  if (who) {
    const found = people.find((p) => p.id === who || p.name === who);
    if (!found) throw new UsageError(say.noPerson(who));
    return found.id;
  }
  const admin = people.find((p) => p.role === 'admin');
  if (admin) return admin.id;
  // Only a brand-new library gets an admin made for it; a library with people must be told who acts.
  if (everyone.length > 0) throw new UsageError(say.noPerson('admin'));
  // One that had people and lost the file is not brand-new: no one is made admin of it.
  if (core.library.accessContext().people.ever) throw new UsageError(say.peopleLost);
  const name = userInfo().username || 'copydesk';
  const person = await core.handlers.savePerson({ actor: null, person: { name, role: 'admin', desk: '', email: '', bylineName: name, bylineRole: '', active: true } });
  return person.id;
}

function job(signal?: AbortSignal): Job {
  return { signal: signal ?? new AbortController().signal, step: () => undefined };
}

/** Reads every file with no library at all: the summary shape the import fixtures use. */
async function dryRun(files: string[], summary: boolean, io: CliIo): Promise<number> {
  const say = cliExchangeText(io.language);
  let failed = 0;
  const outputs: unknown[] = [];
  for (const path of files) {
    if (io.signal?.aborted) return EXIT.interrupted;
    try {
      const imported = await readArticleFile(await readTarget(path, io), io.signal);
      outputs.push(summary ? toImportSummary(imported.content) : { file: path, format: imported.format, content: imported.content, photos: imported.photos.length, warnings: imported.warnings });
    } catch (err) {
      failed++;
      io.err(say.failedFile(path, reasonText(toApiError(err), say)));
    }
  }
  if (outputs.length) io.out(JSON.stringify(files.length === 1 ? outputs[0] : outputs, null, 2));
  return failed ? EXIT.partial : EXIT.ok;
}

async function importFiles(core: Core, actor: string, files: string[], json: boolean, io: CliIo): Promise<number> {
  const say = cliExchangeText(io.language);
  let failed = 0;
  for (const path of files) {
    if (io.signal?.aborted) break;
    let result;
    try {
      result = (await core.exchange.importFiles(actor, [await readTarget(path, io)], job(io.signal))).results[0];
    } catch (err) {
      result = { name: path, articleId: null, headline: '', format: '', warnings: [], error: toApiError(err).toJSON() };
    }
    const error = result.error ? new ApiError(result.error.code, result.error.message, result.error.params) : null;
    if (error) failed++;
    if (json) io.out(JSON.stringify({ file: path, id: result.articleId, headline: result.headline, format: result.format, warnings: result.warnings, error: error && { code: error.code, reason: error.params.reason ?? null, message: reasonText(error, say) } }));
    else if (error) io.err(say.failedFile(path, reasonText(error, say)));
    else {
      io.out(result.articleId ?? '');
      io.err(say.created(result.articleId ?? '', result.headline, path));
    }
  }
  return failed ? EXIT.partial : EXIT.ok;
}

async function exportTargets(
  core: Core,
  actor: string,
  targets: string[],
  formats: ExportFormat[],
  opts: { out: string; override: boolean; note: string; json: boolean },
  io: CliIo,
): Promise<number> {
  const say = cliExchangeText(io.language);
  let failed = 0;
  const ids: string[] = [];
  const converted: string[] = [];
  // A file named on the command line is converted: imported into a scratch library, exported, forgotten.
  for (const target of targets) {
    const isFile = await stat(resolve(io.cwd, target)).then((s) => s.isFile(), () => false);
    if (!isFile) {
      ids.push(target);
      continue;
    }
    converted.push(target);
  }
  const report = (results: Awaited<ReturnType<Core['exchange']['exportArticles']>>['results'], dir: string) => {
    for (const r of results) {
      const error = r.error ? new ApiError(r.error.code, r.error.message, r.error.params) : null;
      if (error) failed++;
      if (opts.json) io.out(JSON.stringify({ id: r.id, headline: r.headline, folder: r.folder && join(dir, r.folder), files: r.files, error: error && { code: error.code, reason: error.params.reason ?? null, message: reasonText(error, say) } }));
      else if (error) io.err(say.failedFile(r.id, reasonText(error, say)));
      else io.out(say.exported(join(dir, r.folder)));
    }
  };
  if (ids.length) {
    const valid = ids.filter((id) => /^[a-z0-9-]{8,64}$/.test(id));
    for (const bad of ids.filter((id) => !valid.includes(id))) {
      failed++;
      io.err(say.failedFile(bad, say.reasons.other(`not a file and not an article id`)));
    }
    if (valid.length) {
      try {
        const { dir, results } = await core.exchange.exportArticles({ actorId: actor, ids: valid, formats, override: opts.override, note: opts.note }, job(io.signal), opts.out);
        report(results, dir);
      } catch (err) {
        // The output folder itself could not be made: every article failed.
        failed += valid.length;
        io.err(say.failedFile(opts.out, reasonText(toApiError(err), say)));
      }
    }
  }
  for (const file of converted) {
    if (io.signal?.aborted) break;
    const tmp = await mkdtemp(join(tmpdir(), 'copydesk-convert-'));
    let scratch: Core | null = null;
    try {
      scratch = await openCore({ libraryDir: tmp, appInfo: { version: 'cli', platform: process.platform, host: 'browser', systemLocale: io.language, mediaBase: '/media/' } });
      const person = await resolveActor(scratch, undefined, say);
      const imported = (await scratch.exchange.importFiles(person, [await readTarget(file, io)], job(io.signal))).results[0];
      if (imported.error || !imported.articleId) {
        failed++;
        io.err(say.failedFile(file, reasonText(new ApiError(imported.error!.code, imported.error!.message, imported.error!.params), say)));
        continue;
      }
      const { dir, results } = await scratch.exchange.exportArticles({ actorId: person, ids: [imported.articleId], formats, override: opts.override, note: opts.note }, job(io.signal), opts.out);
      report(results, dir);
    } catch (err) {
      failed++;
      io.err(say.failedFile(file, reasonText(toApiError(err), say)));
    } finally {
      await scratch?.close();
      await rm(tmp, { recursive: true, force: true });
    }
  }
  return failed ? EXIT.partial : EXIT.ok;
}
