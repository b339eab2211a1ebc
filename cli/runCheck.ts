// `copydesk check FILE… [--json] [--rules FILE] [--words FILE] [--no-spelling]`: house style and
// spelling on any file Copydesk imports, with no library. Each file is read by the importers (as
// `import --dry-run` reads it) and checked part by part (shared/style/checkArticle.ts); a language's
// dictionary is loaded the first time an article in it comes up (Korean takes about 1.6 s). Human output is one finding per line on stdout, notes and
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
import { createSpeller, type Speller } from '../shared/spelling/hunspellChecker';
import { spellingChecker } from '../shared/spelling/spellingChecker';
import { loadDictionary } from './loadDictionaries';
import { EXIT } from './exitCodes';
import { readTarget, reasonText } from './readTarget';
import type { CliIo } from './cliIo';

/** The options check takes; any other (--library, --format…) is a mistake worth saying. */
const CHECK_OPTIONS = new Set(['json', 'rules', 'words', 'no-spelling', 'help']);
/** Far beyond 2,000 rules with their examples; a bigger file is not a rule set. */
const MAX_RULES_BYTES = 20 * 1024 * 1024;
/** Far beyond any newsroom's word list (a million words); a bigger file is not one. */
const MAX_WORDS_BYTES = 20 * 1024 * 1024;

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
  const text = await readTextFile(path, MAX_RULES_BYTES, io, sayCheck.rulesUnreadable);
  if (text === null) return { ok: false, code: EXIT.usage };
  const imported = importRuleSetText(text);
  if (!imported.ok) {
    io.err(sayCheck.rulesRefused(path));
    for (const problem of imported.problems) io.err(`  ${ruleSetProblemText(problem, io.language)}`);
    return { ok: false, code: EXIT.usage };
  }
  return { ok: true, set: imported.set };
}

/** Reads a file into text (UTF-8, BOM dropped), or says on stderr why not. */
async function readTextFile(path: string, maxBytes: number, io: CliIo, unreadable: (file: string, why: string) => string): Promise<string | null> {
  const sayExchange = cliExchangeText(io.language);
  try {
    const full = resolve(io.cwd, path);
    if ((await stat(full)).size > maxBytes) throw new Error(sayExchange.reasons.tooLarge);
    return new TextDecoder('utf-8').decode(await readFile(full)).replace(/^\uFEFF/, '');
  } catch (err) {
    io.err(sayExchange.usage(unreadable(path, reasonText(toApiError(err), sayExchange))));
    return null;
  }
}

/** One accepted word a line; blank lines and `#` comments are left out. */
export const parseWordList = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

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
  const spelling = values['no-spelling'] !== true;
  const wordsPath = typeof values.words === 'string' ? values.words : null;
  if (wordsPath !== null && !spelling) {
    io.err(sayExchange.usage(say.wordsWithoutSpelling));
    return EXIT.usage;
  }
  let words: string[] = [];
  if (wordsPath !== null) {
    const text = await readTextFile(wordsPath, MAX_WORDS_BYTES, io, say.wordsUnreadable);
    if (text === null) return EXIT.usage;
    words = parseWordList(text);
  }
  // Filled as articles in each language come up; the spelling checker reads it at check time.
  const spellers: Partial<Record<Language, Speller>> = {};
  const tried = new Set<Language>();
  const ensureSpeller = async (language: Language) => {
    if (tried.has(language)) return;
    tried.add(language);
    try {
      spellers[language] = await createSpeller(await loadDictionary(language), words);
    } catch (err) {
      io.err(say.noDictionary(language, err instanceof Error ? err.message : String(err)));
    }
  };
  // Every source of findings, in the order their findings are merged: where both find the same
  // words, house style's specific message stands (checkArticle keeps the first).
  const checkers: Checker[] = spelling ? [styleChecker(sets), spellingChecker(spellers)] : [styleChecker(sets)];
  const json = values.json === true;
  try {
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
      if (spelling) await ensureSpeller(content.language);
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
  } finally {
    // The WebAssembly memory goes with the process anyway; tests run many checks in one.
    for (const speller of Object.values(spellers)) speller.dispose();
  }
}
