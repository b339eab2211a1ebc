// `copydesk check` on a 2,000-character Korean story, as the command does it: read by the importer,
// then house style, then spelling; against reading the file alone, in the same run. And the
// precision figure: findings per 2,000 characters on our own clean corpus (shared/style/corpus).
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readArticleFile } from '../core/exchange/ExchangeService';
import { checkArticle, defaultRuleSets, styleChecker, articleParts } from '../shared/style/checkArticle';
import { createSpeller } from '../shared/spelling/hunspellChecker';
import { spellingChecker } from '../shared/spelling/spellingChecker';
import { loadDictionary } from '../cli/loadDictionaries';
import { percentile } from './stats';
import { sized, type Bench, type BenchOptions } from './bench';

const CORPUS = resolve(import.meta.dirname, '..', 'shared', 'style', 'corpus');

async function corpusStories(language: 'ko' | 'en'): Promise<string[]> {
  const dir = join(CORPUS, language);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
}

/**
 * About 2,000 characters of our own Korean copy: the first story's headline and byline, then body
 * paragraphs from story after story. Each story's closing e-mail line stays out: to the web-copy
 * reader a sign-off ends the article, and what follows it is the page's furniture.
 */
function story2000(stories: string[]): string {
  const blocks = (s: string) => s.trim().split(/\n\s*\n/);
  const [headline, byline] = blocks(stories[0]);
  let text = `${headline}\n\n${byline}`;
  for (const s of stories) {
    for (const paragraph of blocks(s).slice(2).filter((b) => !b.includes('@'))) {
      if (text.length >= 2000) return text;
      text += `\n\n${paragraph}`;
    }
  }
  return text;
}

async function timed(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times;
}

async function runCheckBench(opts: BenchOptions): Promise<string[]> {
  const runs = sized(opts, 30, 5);
  const stories = await corpusStories('ko');
  const text = story2000(stories);
  const file = { name: 'story.txt', bytes: new TextEncoder().encode(text) };
  const style = styleChecker(defaultRuleSets());
  const loadStart = performance.now();
  const speller = await createSpeller(await loadDictionary('ko'));
  const loadMs = performance.now() - loadStart;
  const spelling = spellingChecker({ ko: speller });

  const read = await timed(runs, () => readArticleFile(file));
  const imported = await readArticleFile(file);
  const chars = articleParts(imported.content).reduce((n, p) => n + p.text.length, 0);
  const withStyle = await timed(runs, async () => checkArticle((await readArticleFile(file)).content, [style]));
  // Spelling as the command runs it: suggestions for each flagged word (they are remembered after the first run).
  const withSpelling = await timed(runs, async () => checkArticle((await readArticleFile(file)).content, [style, spelling]));
  const findings = checkArticle(imported.content, [style, spelling]).findings;

  // Precision on the clean corpus, house style alone (the rule sets' promise) and spelling (the
  // dictionary as the command loads it, with the project's supplement; no suggestions asked).
  const precision: string[] = [];
  for (const language of ['ko', 'en'] as const) {
    const languageSpeller = language === 'ko' ? speller : await createSpeller(await loadDictionary(language));
    let total = 0;
    let styleFound = 0;
    let spellingFound = 0;
    for (const s of await corpusStories(language)) {
      const content = (await readArticleFile({ name: 'c.txt', bytes: new TextEncoder().encode(s) })).content;
      const parts = articleParts(content);
      total += parts.reduce((n, p) => n + p.text.length, 0);
      styleFound += checkArticle(content, [style]).findings.length;
      spellingFound += parts.reduce((n, p) => n + languageSpeller.check(p.text, { suggestions: false }).length, 0);
    }
    if (languageSpeller !== speller) languageSpeller.dispose();
    const per2000 = (found: number) => ((found / total) * 2000).toFixed(2);
    precision.push(
      `  ${language}: ${total.toLocaleString('en')} characters, house style ${per2000(styleFound)} findings per 2,000 (target ≤ 1); spelling ${per2000(spellingFound)} flags per 2,000 (no newsroom word list)`,
    );
  }
  speller.dispose();
  const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
  const ratio = (xs: number[]) => (percentile(xs, 50) / percentile(read, 50)).toFixed(1);
  return [
    `copydesk check on a ${chars.toLocaleString('en')}-character Korean story (${runs} runs, in-process, dictionary loaded once):`,
    `  reading the file (baseline)      p50 ${p(read, 50)} ms   p95 ${p(read, 95)} ms`,
    `  + house style (254 rules)        p50 ${p(withStyle, 50)} ms   p95 ${p(withStyle, 95)} ms   (${ratio(withStyle)}× reading)`,
    `  + spelling, with suggestions     p50 ${p(withSpelling, 50)} ms   p95 ${p(withSpelling, 95)} ms   (${ratio(withSpelling)}× reading); ${findings.length} findings; the first run, which asks Hunspell for suggestions (remembered after), ${withSpelling[0].toFixed(0)} ms`,
    `  loading the Korean dictionary once: ${loadMs.toFixed(0)} ms`,
    'Findings on our own clean copy:',
    ...precision,
  ];
}

export const checkBench: Bench = { name: 'Check', run: runCheckBench };
