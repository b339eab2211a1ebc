// `copydesk check FILE… [--json] [--rules FILE]`: house style on any file Copydesk imports, with no
// library. Each file is read by the importers (as `import --dry-run` reads it) and checked part by
// part (shared/style/checkArticle.ts). Human output is one finding per line on stdout, notes and
// unreadable files on stderr; --json prints one document for the whole run. Exit 0 clean, 1 with
// findings or a file that could not be read, 2 bad usage or a refused rules file.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readArticleFile } from '../core/exchange/ExchangeService';
import { toApiError } from '../shared/contract/errors';
import { cliCheckText } from '../shared/i18n/cliCheckText';
import { cliExchangeText } from '../shared/i18n/cliExchangeText';
import type { Language } from '../shared/model/article';
import { checkArticle, defaultRuleSets, styleChecker, type ArticleFinding, type Checker } from '../shared/style/checkArticle';
import { importRuleSetText } from '../shared/style/importRuleSet';
import type { RuleSet } from '../shared/style/ruleSchema';
import { ruleSetProblemText } from '../shared/style/styleText';
import { EXIT } from './exitCodes';
import { readTarget, reasonText } from './readTarget';
import type { CliIo } from './cliIo';

/** The options check takes; any other (--library, --format…) is a mistake worth saying. */
const CHECK_OPTIONS = new Set(['json', 'rules', 'help']);
/** Far beyond 2,000 rules with their examples; a bigger file is not a rule set. */
const MAX_RULES_BYTES = 20 * 1024 * 1024;

/** One finding in --json output. Field names are an interface: add, never rename. */
export type CheckFindingJson = Omit<ArticleFinding, 'fix'> & { fix: string | null };

/** One file in --json output (the document is an array of these, in the order given). */
export type CheckFileJson = {
  file: string;
  /** Which importer read it (`web-copy`, `markdown`, `nitf`…); null when it could not be read. */
  format: string | null;
  language: Language | null;
  /** `default`, or the --rules file as given. */
  rules: string;
  findings: CheckFindingJson[];
  /** Checkers that had nothing for this article's language (a rules file for the other language). */
  notChecked: string[];
  error: { reason: string | null; message: string } | null;
};

const toJson = (f: ArticleFinding): CheckFindingJson => ({
  checker: f.checker,
  ruleId: f.ruleId,
  part: f.part,
  paragraph: f.paragraph,
  offset: f.offset,
  length: f.length,
  text: f.text,
  fix: f.fix ?? null,
  message: f.message,
});

type RulesLoad = { ok: true; set: RuleSet } | { ok: false; code: number };

/** A rules file replaces the default sets: only its own language is checked, with it. */
async function loadRules(path: string, io: CliIo): Promise<RulesLoad> {
  const sayCheck = cliCheckText(io.language);
  const sayExchange = cliExchangeText(io.language);
  let text: string;
  try {
    const full = resolve(io.cwd, path);
    if ((await stat(full)).size > MAX_RULES_BYTES) throw new Error(sayExchange.reasons.tooLarge);
    text = new TextDecoder('utf-8').decode(await readFile(full)).replace(/^\uFEFF/, '');
  } catch (err) {
    io.err(sayExchange.usage(sayCheck.rulesUnreadable(path, reasonText(toApiError(err), sayExchange))));
    return { ok: false, code: EXIT.usage };
  }
  const imported = importRuleSetText(text);
  if (!imported.ok) {
    io.err(sayCheck.rulesRefused(path));
    for (const problem of imported.problems) io.err(`  ${ruleSetProblemText(problem, io.language)}`);
    return { ok: false, code: EXIT.usage };
  }
  return { ok: true, set: imported.set };
}

export async function runCheck(files: string[], values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const say = cliCheckText(io.language);
  const sayExchange = cliExchangeText(io.language);
  const stray = Object.keys(values).filter((key) => values[key] !== undefined && !CHECK_OPTIONS.has(key));
  if (stray.length > 0) {
    io.err(sayExchange.usage(say.notForCheck(stray[0])));
    return EXIT.usage;
  }
  if (files.length === 0) {
    io.err(sayExchange.usage(say.noFiles));
    return EXIT.usage;
  }
  const rulesPath = typeof values.rules === 'string' ? values.rules : null;
  let sets: Partial<Record<Language, RuleSet>> = defaultRuleSets();
  let rulesLanguage: Language | null = null;
  if (rulesPath !== null) {
    const loaded = await loadRules(rulesPath, io);
    if (!loaded.ok) return loaded.code;
    sets = { [loaded.set.language]: loaded.set };
    rulesLanguage = loaded.set.language;
  }
  // Every source of findings, in the order their findings are merged; spelling joins this list.
  const checkers: Checker[] = [styleChecker(sets)];
  const json = values.json === true;

  const results: CheckFileJson[] = [];
  for (const path of files) {
    if (io.signal?.aborted) return EXIT.interrupted;
    const result: CheckFileJson = { file: path, format: null, language: null, rules: rulesPath ?? 'default', findings: [], notChecked: [], error: null };
    results.push(result);
    let imported;
    try {
      imported = await readArticleFile(await readTarget(path, io), io.signal);
    } catch (err) {
      const error = toApiError(err);
      result.error = { reason: error.params.reason === undefined ? null : String(error.params.reason), message: reasonText(error, sayExchange) };
      if (!json) io.err(sayExchange.failedFile(path, result.error.message));
      continue;
    }
    const { content } = imported;
    const checked = checkArticle(content, checkers);
    Object.assign(result, { format: imported.format, language: content.language, findings: checked.findings.map(toJson), notChecked: checked.notChecked });
    if (json) continue;
    for (const f of checked.findings) io.out(say.finding(`${path}:${say.part(f.part, f.paragraph)}:${f.offset}`, f.ruleId, f.text, f.fix, f.message[io.language]));
    if (rulesLanguage && checked.notChecked.includes('style')) io.err(say.noRuleSet(path, content.language, rulesLanguage));
  }

  const findings = results.reduce((n, r) => n + r.findings.length, 0);
  const failed = results.filter((r) => r.error).length;
  if (json) io.out(JSON.stringify(results, null, 2));
  else io.err(say.summary(results.length, findings, failed));
  return findings > 0 || failed > 0 ? EXIT.partial : EXIT.ok;
}
