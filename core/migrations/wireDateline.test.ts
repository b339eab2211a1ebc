// Wire leads ((부산=한빛경제) 김하늘 기자 =): the place is the article's dateline, not its desk.
// Settings 1 → 2 points the default wire template at {dateline}; articles 2 → 3 move a wire
// byline's desk there, so an old story's byline reads exactly as before.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA_VERSION } from '../../shared/model/article';
import { DEFAULT_BYLINE_TEMPLATES, SettingsSchema } from '../../shared/model/settings';
import { pickTemplate, renderByline } from '../../shared/byline/renderByline';
import type { Core } from '../createCore';
import { addAdmin } from '../testing/people';
import { content, openTestCore, tempDir } from '../testing/tempLibrary';
import { migrateArticle } from './migrateArticle';
import { migrateSettings, OLD_WIRE_PATTERN } from './migrateSettings';

const NEW_WIRE_PATTERN = '(<{dateline}=>{outlet}) {reporters} =';
const wire = (pattern: string) => ({ ...DEFAULT_BYLINE_TEMPLATES.find((t) => t.id === 'ko-wire')!, pattern });
const v1Settings = (pattern: string) => ({
  schemaVersion: 1,
  uiLanguage: 'ko',
  defaultArticleLanguage: 'ko',
  bylineTemplates: [DEFAULT_BYLINE_TEMPLATES[0], wire(pattern)],
  defaultTemplateIds: { ko: 'ko-bracket-desk', en: 'ko-bracket-desk' },
  outlet: '한빛경제',
});
const patternOf = (raw: unknown) => SettingsSchema.parse(raw).bylineTemplates.find((t) => t.id === 'ko-wire')?.pattern;

describe('settings 1 → 2: the wire template reads the dateline', () => {
  it('the untouched default becomes the new default', () => {
    expect(DEFAULT_BYLINE_TEMPLATES.find((t) => t.id === 'ko-wire')!.pattern).toBe(NEW_WIRE_PATTERN);
    const migrated = migrateSettings(v1Settings(OLD_WIRE_PATTERN));
    expect(patternOf(migrated)).toBe(NEW_WIRE_PATTERN);
    // The other templates are left as they were.
    expect(SettingsSchema.parse(migrated).bylineTemplates[0]).toEqual(DEFAULT_BYLINE_TEMPLATES[0]);
  });

  it('an admin\'s own pattern is kept; one that printed the place through {desk} now finds it in {dateline}', () => {
    expect(patternOf(migrateSettings(v1Settings('[{outlet}] {reporters} =')))).toBe('[{outlet}] {reporters} =');
    expect(patternOf(migrateSettings(v1Settings('<{dateline}> {desk} {reporters}')))).toBe('<{dateline}> {desk} {reporters}');
    expect(patternOf(migrateSettings(v1Settings('({desk}={outlet}) {reporters} ＝')))).toBe('({dateline}={outlet}) {reporters} ＝');
    // Only the template with the wire id: a house template using {desk} keeps it.
    const other = { ...v1Settings(OLD_WIRE_PATTERN), bylineTemplates: [{ ...wire(OLD_WIRE_PATTERN), id: 'house-wire' }] };
    expect(SettingsSchema.parse(migrateSettings(other)).bylineTemplates[0].pattern).toBe(OLD_WIRE_PATTERN);
  });
});

describe('articles 2 → 3: a wire byline\'s place moves to the dateline', () => {
  const v2 = (byline: object, dateline = '') => ({ schemaVersion: 2, language: 'ko', dateline, byline: { outlet: '한빛경제', reporters: [], ...byline } });

  it('moves the desk of a ko-wire byline into an empty dateline', () => {
    expect(migrateArticle(v2({ desk: '부산', templateId: 'ko-wire' }))).toMatchObject({ schemaVersion: 3, dateline: '부산', byline: { desk: '', templateId: 'ko-wire' } });
  });

  it('leaves other templates, a filled dateline and an empty desk alone', () => {
    expect(migrateArticle(v2({ desk: '산업부', templateId: 'ko-bracket-desk' }))).toMatchObject({ dateline: '', byline: { desk: '산업부' } });
    expect(migrateArticle(v2({ desk: '산업부', templateId: '' }))).toMatchObject({ dateline: '', byline: { desk: '산업부' } });
    expect(migrateArticle(v2({ desk: '부산', templateId: 'ko-wire' }, '서울'))).toMatchObject({ dateline: '서울', byline: { desk: '부산' } });
    expect(migrateArticle(v2({ desk: '', templateId: 'ko-wire' }))).toMatchObject({ dateline: '', byline: { desk: '' } });
  });
});

describe('a library from before the move', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let core: Core | null = null;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => {
    await core?.close().catch(() => undefined);
    core = null;
    await cleanup();
  });

  /** A library whose wire story and settings are as the previous Copydesk wrote them. */
  async function olderLibrary(pattern: string): Promise<{ id: string; actor: string }> {
    core = await openTestCore(dir);
    const actor = await addAdmin(core);
    const created = await core.handlers.createArticle({ actor, language: 'ko' });
    const byline = { outlet: '한빛경제', desk: '부산', templateId: 'ko-wire', reporters: [{ name: '김하늘', role: '기자', email: '' }] };
    await core.handlers.saveArticle({ id: created.id, actor, baseRevision: created.revision, content: { ...content('부산항 물동량 늘어'), byline } });
    await core.close();
    core = null;
    const file = join(dir, 'articles', `${created.id}.json`);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...stored, schemaVersion: 2, dateline: '', byline }));
    const settings = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ ...settings, schemaVersion: 1, bylineTemplates: settings.bylineTemplates.map((t: { id: string }) => (t.id === 'ko-wire' ? { ...t, pattern } : t)) }));
    return { id: created.id, actor };
  }

  it('reads the wire story with its place in the dateline, and its byline prints as before', async () => {
    const { id, actor } = await olderLibrary(OLD_WIRE_PATTERN);
    core = await openTestCore(dir);
    const article = await core.handlers.getArticle({ actor, id });
    expect(article).toMatchObject({ schemaVersion: ARTICLE_SCHEMA_VERSION, dateline: '부산', byline: { desk: '', templateId: 'ko-wire' } });
    const settings = await core.handlers.getSettings({});
    const template = pickTemplate(settings, article.byline, 'ko');
    expect(template.pattern).toBe(NEW_WIRE_PATTERN);
    expect(renderByline(article.byline, template, article.dateline)).toBe('(부산=한빛경제) 김하늘 기자 =');
  });

  it('an admin\'s own wire pattern without {desk} is kept as it was', async () => {
    await olderLibrary('[{outlet}] {reporters} =');
    core = await openTestCore(dir);
    expect((await core.handlers.getSettings({})).bylineTemplates.find((t) => t.id === 'ko-wire')!.pattern).toBe('[{outlet}] {reporters} =');
  });
});
