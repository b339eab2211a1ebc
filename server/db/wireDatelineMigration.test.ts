// Migration 10 (article schema 3, settings 2) on stored rows, on PGlite and PostgreSQL: a wire
// story's place moves from the desk to the dateline, with its menu and search keys, and its
// byline prints as before; a story open in a live document, other templates and a filled dateline
// stay; every copy reads as the current schema. Settings stored by the older server are read
// through the same step as the desktop's settings.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContent, type Article, type Byline } from '../../shared/model/article';
import { pickTemplate, renderByline } from '../../shared/byline/renderByline';
import { DEFAULT_BYLINE_TEMPLATES, defaultSettings } from '../../shared/model/settings';
import { OLD_WIRE_PATTERN } from '../../core/migrations/migrateSettings';
import type { Database } from './Database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { readArticle, writeArticle } from '../articles/articleRows';
import { versionOf } from '../articles/historyRows';
import { indexArticles } from '../search/searchTable';
import { readSettings } from '../settings/settingsTable';
import { STORES, type TestStore } from '../testing/bothDatabases';

const at = '2026-03-02T01:00:00.000Z';
const reporters = [{ name: '김하늘', role: '기자', email: '' }];
/** A story as the previous server stored it (article schema 2). */
const v2 = (id: string, byline: Omit<Byline, 'reporters'>, dateline = ''): Article =>
  ({
    ...emptyContent('ko'), headline: `기사 ${id}`, dateline, byline: { ...byline, reporters },
    schemaVersion: 2, id, revision: 2, createdAt: at, updatedAt: at, status: 'draft', trashedAt: null, ownerId: null, corrections: [], lastTransition: null,
  }) as unknown as Article;

const MOVED = v2('wire-moved-01', { outlet: '한빛경제', desk: '부산', templateId: 'ko-wire' });
const LIVE = v2('wire-live-001', { outlet: '한빛경제', desk: '부산', templateId: 'ko-wire' });
const DESK = v2('bracket-desk1', { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk' });
const DATED = v2('wire-dated-01', { outlet: '한빛경제', desk: '부산', templateId: 'ko-wire' }, '서울');

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`stored wire stories and settings on ${kind}`, () => {
    const s = store as TestStore;
    let db: Database;

    beforeAll(async () => {
      db = await s.open();
      await migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
      await db.transaction(async (tx) => {
        for (const a of [MOVED, LIVE, DESK, DATED]) await writeArticle(tx, a);
        await indexArticles(tx, [MOVED, LIVE, DESK, DATED]);
        await tx.query(
          `INSERT INTO versions (article_id, seq, revision, kind, state, person_id, actor_name, started_at, at, content) VALUES ($1, 1, 2, 'save', 'draft', NULL, '', $2, $2, $3)`,
          [MOVED.id, at, JSON.stringify(MOVED)],
        );
        await tx.query('INSERT INTO collab_epochs (article_id, epoch, fields_seeded) VALUES ($1, 1, true)', [LIVE.id]);
        const settings = { ...defaultSettings(), schemaVersion: 1, outlet: '한빛경제', bylineTemplates: defaultSettings().bylineTemplates.map((t) => (t.id === 'ko-wire' ? { ...t, pattern: OLD_WIRE_PATTERN } : t)) };
        await tx.query('INSERT INTO settings (id, value) VALUES (1, $1)', [JSON.stringify(settings)]);
      });
      await migrate(db);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await s.dispose();
    });

    it('moves a wire story\'s desk into its dateline, and its byline prints as before', async () => {
      const a = await readArticle(db, MOVED.id);
      expect(a).toMatchObject({ schemaVersion: 3, dateline: '부산', byline: { outlet: '한빛경제', desk: '', templateId: 'ko-wire' }, revision: 2 });
      const settings = await readSettings(db);
      expect(renderByline(a.byline, pickTemplate(settings, a.byline, 'ko'), a.dateline)).toBe('(부산=한빛경제) 김하늘 기자 =');
      expect((await versionOf(db, MOVED.id, 1)).dateline).toBe('부산');
    });

    it('takes the desk out of the menus, the desk filter and the list row', async () => {
      const facets = await db.query<{ id: string; value: string }>(`SELECT id, value FROM search_facets WHERE kind = 'desk'`);
      expect(facets.map((f) => `${f.id} ${f.value}`).sort()).toEqual([`${DESK.id} 산업부`, `${LIVE.id} 부산`, `${DATED.id} 부산`].sort());
      const keys = await db.query<{ id: string; has: boolean }>(`SELECT id, '#d:부산' = ANY(tsvector_to_array(terms)) AS has FROM search_articles`);
      expect(Object.fromEntries(keys.map((k) => [k.id, k.has]))).toEqual({ [MOVED.id]: false, [LIVE.id]: true, [DESK.id]: false, [DATED.id]: true });
      const [row] = await db.query<{ summary: { byline: Byline } }>('SELECT summary FROM search_rows WHERE id = $1', [MOVED.id]);
      expect(row.summary.byline.desk).toBe('');
    });

    it('leaves a story open in a live document, other templates and a filled dateline as they were, in the current schema', async () => {
      expect(await readArticle(db, LIVE.id)).toMatchObject({ schemaVersion: 3, dateline: '', byline: { desk: '부산' } });
      expect(await readArticle(db, DESK.id)).toMatchObject({ schemaVersion: 3, dateline: '', byline: { desk: '산업부' } });
      expect(await readArticle(db, DATED.id)).toMatchObject({ schemaVersion: 3, dateline: '서울', byline: { desk: '부산' } });
    });

    it('reads settings stored by the older server with the wire template on the dateline; an admin\'s own pattern stays', async () => {
      const wire = (await readSettings(db)).bylineTemplates.find((t) => t.id === 'ko-wire')!;
      expect(wire.pattern).toBe(DEFAULT_BYLINE_TEMPLATES.find((t) => t.id === 'ko-wire')!.pattern);
      const own = { ...defaultSettings(), schemaVersion: 1, bylineTemplates: [{ ...wire, pattern: '[{outlet}] {reporters} =' }] };
      await db.query('UPDATE settings SET value = $1 WHERE id = 1', [JSON.stringify(own)]);
      expect((await readSettings(db)).bylineTemplates[0].pattern).toBe('[{outlet}] {reporters} =');
    });
  });
}
