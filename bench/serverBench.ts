// The newsroom server's list and search on the real PostgreSQL at 10,000 and 100,000 generated
// articles (quick: 2,000), against the desktop's own index (list table, search index, runQuery)
// over the same articles in the same run, as ratios: search (total, per-state counts, ranking and
// the first row, as the desktop's search bench measures it), the first 50 results with snippets
// (the desktop's snippets read from articles generated again, standing in for its file reads),
// and the queue (no text: the role's waiting states first, with filters) p50/p95.
// Skipped, saying why, where no PostgreSQL answers (COPYDESK_TEST_POSTGRES; CI always has one).
import { generateArticle, vocabulary } from './library/generateArticles';
import { benchQueries } from './library/benchQueries';
import { percentile } from './stats';
import { scaleSizes, sized, type Bench, type BenchOptions } from './bench';
import type { Article } from '../shared/model/article';
import type { Person } from '../shared/model/person';
import { ArticleQuerySchema, type ArticleQuery } from '../shared/search/query';
import { openPostgres, type Database } from '../server/db/Database';
import { migrate } from '../server/db/migrate';
import { throwawayDatabase } from '../server/testing/realPostgres';
import { indexArticles } from '../server/search/searchTable';
import { searchArticles } from '../server/search/searchArticles';
import { DesktopList } from '../server/search/testing/desktopList';

const EDITOR: Person = { id: 'person-bench-editor', name: '데스크', role: 'editor', desk: '', email: '', bylineName: '데스크', bylineRole: '', active: true };
const BATCH = 250;

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => x.toFixed(1);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

/**
 * Rows in batches of a multi-row INSERT, a few transactions at once; the GIN index is built once
 * after the load (as a restore would), which is several times faster than growing it row by row.
 */
async function load(db: Database, n: number, v: ReturnType<typeof vocabulary>, desktop: DesktopList, byId: Map<string, number>): Promise<number> {
  const t0 = performance.now();
  // The terms' GIN index as the migrations left it (its options too), made again once the rows are in.
  const [gin] = await db.query<{ def: string }>("SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'search_articles_terms'");
  await db.exec('DROP INDEX search_articles_terms');
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const start = next;
      const end = (next = Math.min(n, next + BATCH));
      const batch: Article[] = [];
      for (let i = start; i < end; i++) {
        batch.push(generateArticle(i, v));
        byId.set(batch[batch.length - 1].id, i);
      }
      for (const a of batch) desktop.put(a);
      await db.transaction((tx) => indexArticles(tx, batch));
      if (Math.floor(end / 20_000) !== Math.floor(start / 20_000)) process.stderr.write(`  loaded ${end}/${n}\n`);
    }
  };
  await Promise.all([worker(), worker()]);
  await db.exec("SET maintenance_work_mem = '512MB'");
  await db.exec(gin.def);
  for (const table of ['search_articles', 'search_rank', 'search_rows']) await db.exec(`VACUUM ANALYZE ${table}`);
  return ms(t0);
}

async function time(queries: readonly ArticleQuery[], run: (q: ArticleQuery) => Promise<unknown> | unknown): Promise<{ p50: number; p95: number }> {
  for (const q of queries.slice(0, 20)) await run(q); // warm up
  const samples: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await run(q);
    samples.push(ms(t0));
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function runServerBench(opts: BenchOptions): Promise<string[]> {
  const found = await throwawayDatabase();
  if ('skip' in found) return [`skipped: ${found.skip}`];
  await found.drop();
  const sizes = scaleSizes(opts, [10_000, 100_000], [2_000]);
  const v = vocabulary();
  const searches = benchQueries(sized(opts, 200, 60)).map((text) => ArticleQuerySchema.parse({ scope: 'active', text }));
  const queue = ['all', 'sent', 'draft', 'published'].flatMap((state, i) =>
    ['', '산업부', 'Business'].map((desk) => ArticleQuerySchema.parse({ scope: 'active', text: '', order: i % 2 ? 'auto' : 'updated', filters: { state, desk } })),
  );
  const lines: string[] = [];
  for (const n of sizes) {
    const target = await throwawayDatabase();
    if ('skip' in target) return [`skipped: ${target.skip}`];
    const db = await openPostgres(target.url);
    try {
      await migrate(db);
      await db.query('INSERT INTO people (id, login, name, role) VALUES ($1, $2, $3, $4)', [EDITOR.id, 'editor', EDITOR.name, EDITOR.role]);
      const byId = new Map<string, number>();
      const desktop = new DesktopList([EDITOR], (id) => generateArticle(byId.get(id)!, v));
      const loadMs = await load(db, n, v, desktop, byId);
      const label = `${(n / 1000).toFixed(0)}k`;
      const [size] = await db.query<{ table: string; gin: string }>(
        "SELECT pg_size_pretty(pg_total_relation_size('search_articles') + pg_total_relation_size('search_rows')) AS table, pg_size_pretty(pg_relation_size('search_articles_terms')) AS gin",
      );
      lines.push(`${label}: loaded into PostgreSQL in ${(loadMs / 1000).toFixed(1)} s (${size.table} with indexes, of which the terms' GIN index ${size.gin})`);
      const server = await time(searches, (q) => searchArticles(db, q, EDITOR, 0, 1));
      const local = await time(searches, (q) => desktop.query(q, EDITOR, 0, 1));
      lines.push(`${label}: search: server p50 ${fmt(server.p50)} ms, p95 ${fmt(server.p95)} ms (target p95 ≤ 30 ms at 100k) vs desktop index p50 ${fmt(local.p50)} ms, p95 ${fmt(local.p95)} ms: ${ratio(server.p95, local.p95)} at p95`);
      const serverPage = await time(searches, (q) => searchArticles(db, q, EDITOR, 0, 50));
      const localPage = await time(searches, (q) => desktop.query(q, EDITOR, 0, 50));
      lines.push(`${label}: first 50 results with snippets: server p50 ${fmt(serverPage.p50)} ms, p95 ${fmt(serverPage.p95)} ms vs desktop p50 ${fmt(localPage.p50)} ms, p95 ${fmt(localPage.p95)} ms: ${ratio(serverPage.p95, localPage.p95)} at p95`);
      const serverQueue = await time(queue, (q) => searchArticles(db, q, EDITOR, 0, 50));
      const localQueue = await time(queue, (q) => desktop.query(q, EDITOR, 0, 50));
      lines.push(`${label}: queue and filters, no text, first 50: server p50 ${fmt(serverQueue.p50)} ms, p95 ${fmt(serverQueue.p95)} ms vs desktop p50 ${fmt(localQueue.p50)} ms, p95 ${fmt(localQueue.p95)} ms: ${ratio(serverQueue.p95, localQueue.p95)} at p95`);
    } finally {
      await db.close();
      await target.drop();
    }
  }
  return lines;
}

export const serverBench: Bench = { name: 'Newsroom server search', run: runServerBench };
