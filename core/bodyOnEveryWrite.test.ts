// Every write of a body passes the one normaliser (shared/body): saves, creation, package imports,
// version restores and backup restores store only what the body schema allows, and a stored file
// nested deeper than the limit opens flattened (its original kept) instead of being quarantined.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA_VERSION, emptyContent, type Article, type Body, type DocNode } from '../shared/model/article';
import { MAX_BODY_DEPTH } from '../shared/body/bodySchema';
import { bodyDepth } from '../shared/body/bodyDepth';
import { dispatch } from '../shared/contract/dispatch';
import { openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin } from './testing/people';
import type { Core } from './createCore';
import { sha256Hex } from './media/sha256Hex';
import { zipOf } from './exchange/package/testing/zips';

const gzip = promisify(gzipCb);
const text = (t: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

/** Script nodes, a javascript: link, an onclick attribute and an unknown mark: what a crafted file carries. */
const hostile = {
  type: 'doc',
  content: [
    { type: 'script', content: [text('alert(1)')] },
    p(text('누르세요', [{ type: 'link', attrs: { href: 'javascript:alert(document.cookie)' } }, { type: 'blink' }])),
    { type: 'paragraph', attrs: { onclick: 'steal()' }, content: [text('안전한 문단')] },
  ],
} as unknown as Body;
const fitted: Body = { type: 'doc', content: [p(text('alert(1)')), p(text('누르세요')), p(text('안전한 문단'))] };

function deepQuotes(levels: number): Body {
  let node: DocNode = p(text('바닥'));
  for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [p(text('층')), node] };
  return { type: 'doc', content: [node] };
}

function typesIn(body: Body): string[] {
  const seen = new Set<string>();
  const stack: DocNode[] = [...body.content];
  while (stack.length) {
    const n = stack.pop()!;
    seen.add(n.type);
    for (const m of n.marks ?? []) seen.add(`${m.type}:${String(m.attrs?.href ?? '')}`);
    stack.push(...(n.content ?? []));
  }
  return [...seen].sort();
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
let core: Core;
let actor: string;
beforeEach(async () => {
  tmp = await tempDir();
  core = await openTestCore(tmp.dir);
  actor = await addAdmin(core);
});
afterEach(async () => {
  await core.close();
  await tmp.cleanup();
});

async function newArticle(): Promise<Article> {
  return core.handlers.createArticle({ actor, language: 'ko' });
}

describe('every write passes the body schema', () => {
  it('a save with unknown nodes, marks, attributes and a javascript: link stores the fitted body, in the file and the history', async () => {
    const a = await newArticle();
    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: a.revision, content: { ...emptyContent('ko'), body: hostile } });
    expect((await core.handlers.getArticle({ actor, id: a.id })).body).toEqual(fitted);
    const onDisk = JSON.parse(await readFile(join(tmp.dir, 'articles', `${a.id}.json`), 'utf8')) as Article;
    expect(onDisk.body).toEqual(fitted);
    const { versions } = await core.handlers.getHistory({ actor, id: a.id });
    expect((await core.handlers.getVersion({ actor, id: a.id, seq: versions[0].seq })).body).toEqual(fitted);
  });

  it('a save nested past the limit is flattened to it; the contract refuses an absurd one before parsing it', async () => {
    const a = await newArticle();
    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: a.revision, content: { ...emptyContent('ko'), body: deepQuotes(60) } });
    const saved = await core.handlers.getArticle({ actor, id: a.id });
    expect(bodyDepth(saved.body)).toBe(MAX_BODY_DEPTH);
    expect(JSON.stringify(saved.body).match(/층/g)).toHaveLength(60);

    const refused = await dispatch(core.handlers, 'saveArticle', { id: a.id, actor, baseRevision: saved.revision, content: { ...emptyContent('ko'), body: deepQuotes(995) } });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('invalidInput');
    expect((await core.handlers.getArticle({ actor, id: a.id })).revision).toBe(saved.revision);
  });

  it('an import (createImported) is fitted', async () => {
    const created = await core.library.createImported(actor, { ...emptyContent('ko'), body: hostile }, 'story.html');
    expect(created.body).toEqual(fitted);
    expect((await core.handlers.getArticle({ actor, id: created.id })).body).toEqual(fitted);
  });

  const packageOf = async (depth: number) => {
    const at = '2024-04-30T08:00:00.000Z';
    const article = {
      schemaVersion: 2, id: 'pkg-hostile-01', revision: 3, createdAt: at, updatedAt: at, status: 'draft', trashedAt: null, ownerId: null,
      corrections: [], lastTransition: null, ...emptyContent('ko'), headline: '수상한 패키지',
      body: { type: 'doc', content: [...hostile.content, ...deepQuotes(depth).content] },
    };
    const articleBytes = new TextEncoder().encode(JSON.stringify(article));
    const manifest = {
      format: 'copydesk-package', version: 1, createdAt: at, article: { id: article.id, headline: article.headline, language: 'ko' },
      files: [{ path: 'article.json', bytes: articleBytes.length, sha256: sha256Hex(articleBytes) }], photos: [],
    };
    return zipOf([{ name: 'manifest.json', bytes: new TextEncoder().encode(JSON.stringify(manifest)) }, { name: 'article.json', bytes: articleBytes }]);
  };

  it('a crafted package with script nodes, javascript: links and 60 nested quotes imports with them gone; 995 deep is refused before parsing', async () => {
    const zip = await packageOf(60);
    const { results } = await core.exchange.importFiles(actor, [{ name: 'story.zip', bytes: new Uint8Array(zip) }], { signal: new AbortController().signal, step: () => undefined });
    expect(results[0].error).toBeNull();
    const imported = await core.handlers.getArticle({ actor, id: results[0].articleId! });
    expect(imported.headline).toBe('수상한 패키지');
    expect(typesIn(imported.body)).toEqual(['blockquote', 'paragraph', 'text']);
    expect(imported.body.content.slice(0, 3)).toEqual(fitted.content);
    expect(bodyDepth(imported.body)).toBe(MAX_BODY_DEPTH);
    expect(JSON.stringify(imported.body).match(/층/g)).toHaveLength(60);
    // Deeper than any editor could write: refused as hostile before the JSON is parsed, nothing saved.
    const before = (await core.handlers.listArticles({ actor, scope: 'active' })).length;
    const deep = await core.exchange.importFiles(actor, [{ name: 'deep.zip', bytes: new Uint8Array(await packageOf(995)) }], { signal: new AbortController().signal, step: () => undefined });
    expect(deep.results[0].error).toMatchObject({ code: 'importFailed', params: { reason: 'tooDeep' } });
    expect(await core.handlers.listArticles({ actor, scope: 'active' })).toHaveLength(before);
  });

  it('restoring a version an older Copydesk kept with a hostile body stores the fitted body', async () => {
    const a = await newArticle();
    const dir = join(tmp.dir, 'history', a.id);
    const meta = { seq: 50, revision: 0, kind: 'save', state: 'draft', actorId: actor, actorName: '관리자', startedAt: a.createdAt, at: a.createdAt };
    await writeFile(join(dir, 'v000050.json.gz'), await gzip(JSON.stringify({ meta, article: { ...a, body: { type: 'doc', content: [...hostile.content, ...deepQuotes(100).content] } } })));
    const restored = await core.handlers.restoreVersion({ id: a.id, actor, seq: 50, baseRevision: a.revision });
    expect(restored.body.content.slice(0, 3)).toEqual(fitted.content);
    expect(bodyDepth(restored.body)).toBe(MAX_BODY_DEPTH);
    expect((await core.handlers.getArticle({ actor, id: a.id })).body).toEqual(restored.body);
  });

  it('a backup restore (over the article, or of one gone from the library) stores the fitted body', async () => {
    const a = await newArticle();
    const over = await core.library.restoreFromBackup({ ...a, body: hostile }, actor, 'backup');
    expect(over.body).toEqual(fitted);
    expect((await core.handlers.getArticle({ actor, id: a.id })).body).toEqual(fitted);
    const gone = await core.library.restoreFromBackup({ ...a, id: 'gone-article-0001', body: deepQuotes(995) }, actor, 'backup');
    expect(bodyDepth(gone.body)).toBe(MAX_BODY_DEPTH);
    expect(bodyDepth((await core.handlers.getArticle({ actor, id: gone.id })).body)).toBe(MAX_BODY_DEPTH);
  });
});

describe('a backup of a file nested past the limit', () => {
  it('takes it as the library shows it, and a restore puts back the fitted body', async () => {
    const a = await newArticle();
    await core.close();
    await writeFile(join(tmp.dir, 'articles', `${a.id}.json`), JSON.stringify({ ...a, headline: '백업', body: { type: 'doc', content: [...hostile.content, ...deepQuotes(995).content] } }));
    core = await openTestCore(tmp.dir);
    const shown = await core.handlers.getArticle({ actor, id: a.id });
    const backup = await core.handlers.createBackup({ actor });
    expect((await core.handlers.getBackup({ actor, snapshot: backup.id, query: '백업', offset: 0, limit: 100 })).rows[0].now).toBe('same');

    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: shown.revision, content: { ...emptyContent('ko'), headline: '백업', body: fitted } });
    const result = await core.handlers.restoreBackup({ actor, jobId: 'job-body-0001', snapshot: backup.id, ids: [a.id] });
    expect(result).toMatchObject({ restored: 1, failed: [] });
    const restored = await core.handlers.getArticle({ actor, id: a.id });
    expect(restored.body).toEqual(shown.body);
    expect(bodyDepth(restored.body)).toBe(MAX_BODY_DEPTH);
    expect(typesIn(restored.body)).toEqual(['blockquote', 'paragraph', 'text']);
  });
});

describe('a stored body 100,000 levels deep (too deep even to serialise)', () => {
  it('opens flattened and is backed up without overflowing the stack', async () => {
    const a = await newArticle();
    await core.close();
    const levels = 100_000;
    const body = '{"type":"doc","content":[' + '{"type":"blockquote","content":['.repeat(levels) + '{"type":"paragraph","content":[{"type":"text","text":"바닥"}]}' + ']}'.repeat(levels) + ']}';
    const json = JSON.stringify({ ...a, headline: '아주 깊은', body: null }).replace('"body":null', `"body":${body}`);
    await writeFile(join(tmp.dir, 'articles', `${a.id}.json`), json);
    core = await openTestCore(tmp.dir);
    const opened = await core.handlers.getArticle({ actor, id: a.id });
    expect(bodyDepth(opened.body)).toBe(MAX_BODY_DEPTH);
    expect(opened.body.content).toHaveLength(1);
    const backup = await core.handlers.createBackup({ actor });
    expect(backup.articles).toBe(1);
    expect((await core.handlers.getBackup({ actor, snapshot: backup.id, query: '아주', offset: 0, limit: 100 })).rows[0].now).toBe('same');
  });
});

describe('a stored body over the limit', () => {
  it('opens flattened, is never quarantined, and its original is kept under migrated/ when next saved', async () => {
    const a = await newArticle();
    await core.close();
    const path = join(tmp.dir, 'articles', `${a.id}.json`);
    const original = JSON.stringify({ ...a, headline: '깊은 인용', body: deepQuotes(995) });
    await writeFile(path, original);

    core = await openTestCore(tmp.dir);
    const opened = await core.handlers.getArticle({ actor, id: a.id });
    expect(opened.headline).toBe('깊은 인용');
    expect(bodyDepth(opened.body)).toBe(MAX_BODY_DEPTH);
    expect(JSON.stringify(opened.body).match(/층/g)).toHaveLength(995);
    expect((await core.handlers.listArticles({ actor, scope: 'active' })).map((s) => s.id)).toContain(a.id);
    expect(await readdir(join(tmp.dir, 'quarantine')).catch(() => [])).toEqual([]);
    expect(core.library.notices.filter((n) => n.code === 'articleQuarantined')).toEqual([]);

    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: opened.revision, content: { ...emptyContent('ko'), headline: '깊은 인용', body: opened.body } });
    expect(await readFile(join(tmp.dir, 'migrated', `${a.id}.v${ARTICLE_SCHEMA_VERSION}.json`), 'utf8')).toBe(original);
    expect(bodyDepth(JSON.parse(await readFile(path, 'utf8')).body)).toBe(MAX_BODY_DEPTH);
  });

  it('a file whose body is not a doc at all is still damaged (quarantined), not emptied', async () => {
    const a = await newArticle();
    await core.close();
    await writeFile(join(tmp.dir, 'articles', `${a.id}.json`), JSON.stringify({ ...a, body: 42 }));
    core = await openTestCore(tmp.dir);
    expect(core.library.notices.map((n) => n.code)).toContain('articleQuarantined');
    expect((await readdir(join(tmp.dir, 'quarantine'))).length).toBe(1);
  });
});
