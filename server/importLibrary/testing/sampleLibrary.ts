// A library made with the core's own API for import-library's test and bench: people with
// e-mails (the reporter's also an account on the test server), stories in every state with
// versions and audit, photos with caption and credit in the file and caption, credit and alt in
// the story; and a story-by-story comparison of a library with the server's copy of it, through
// the server's own read paths.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Core } from '../../../core/createCore';
import { Library } from '../../../core/Library';
import { content, openTestCore, tempDir } from '../../../core/testing/tempLibrary';
import { jpegWithIim } from '../../../core/media/testing/photoFiles';
import type { Article, ArticleContent } from '../../../shared/model/article';
import type { Database } from '../../db/Database';
import { ArticleService } from '../../articles/ArticleService';
import { PhotoService } from '../../photos/PhotoService';

const utf8 = (s: string) => new TextEncoder().encode(s);
export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface Built {
  dir: string;
  cleanup(): Promise<void>;
  people: { admin: string; reporter: string; editor: string; noEmail: string };
  photoIds: string[];
  /** Stories the test made, by what they are. */
  named: Record<'returned' | 'published' | 'trashed' | 'spiked' | 'withPhoto' | 'draft', string>;
}

function withFigure(base: ArticleContent, photoId: string, caption: string, credit: string, alt: string): ArticleContent {
  return {
    ...base,
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '사진과 함께 보는 현장' }] },
        { type: 'figure', attrs: { photoId, credit, alt }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: caption }] }] },
      ],
    },
  };
}

/** A library through the core: people, stories in every state with versions and audit, photos. */
export async function buildLibrary(bulk: number): Promise<Built> {
  const { dir, cleanup } = await tempDir();
  let clock = new Date('2026-11-02T08:00:00Z');
  const tick = (minutes = 2) => (clock = new Date(clock.getTime() + minutes * 60_000));
  const core: Core = await openTestCore(dir, () => clock);
  try {
    const h = core.handlers;
    const person = async (actor: string | null, name: string, role: 'admin' | 'reporter' | 'editor', email: string) =>
      (await h.savePerson({ actor, person: { name, role, desk: '산업부', email, bylineName: name, bylineRole: '기자', active: true } })).id;
    const admin = await person(null, '관리자', 'admin', 'admin@library.example');
    const reporter = await person(admin, '김하늘', 'reporter', 'Sky@Paper.example');
    const editor = await person(admin, '이데스크', 'editor', 'desk@paper.example');
    const noEmail = await person(admin, '박 수습', 'reporter', '');
    const ready = (headline: string, body = '본문'): ArticleContent => ({
      ...content(headline, body),
      byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk', reporters: [{ name: '김하늘', role: '기자', email: 'sky@paper.example' }] },
    });
    const step = async (id: string, actor: string, action: string, note = '') => {
      tick();
      await h.transitionArticle({ id, actor, action: action as 'send', note, override: false });
    };
    const story = async (headline: string, by = reporter, saves = 2, c?: ArticleContent) => {
      tick();
      const a = await h.createArticle({ actor: by });
      let revision = 0;
      for (let i = 0; i < saves; i++) {
        tick(); // more than a minute apart: each save is a version of its own
        revision = (await h.saveArticle({ id: a.id, actor: by, baseRevision: revision, content: c ?? ready(headline, `${headline} 본문 ${i + 1}판`) })).revision;
      }
      return a.id;
    };
    const photoIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const bytes = await jpegWithIim([
        [120, utf8(`광화문 광장 ${i}`)],
        [110, utf8(`한빛경제 사진부 ${i}`)],
      ], { utf8Marker: true });
      // Each photo its own bytes (a byte after the image's end: the same picture, another file).
      const own = Buffer.concat([bytes, Buffer.from([i])]);
      photoIds.push((await h.importPhoto({ actor: reporter, name: `현장${i}.jpg`, bytes: own })).photo.id);
    }

    const draft = await story('초안 기사', reporter, 3);
    const returned = await story('반려된 기사');
    await step(returned, reporter, 'send');
    await step(returned, editor, 'review');
    await step(returned, editor, 'return', '3문단 수치 출처 밝힐 것');
    const published = await story('출고된 기사');
    for (const [who, action] of [[reporter, 'send'], [editor, 'review'], [editor, 'approve'], [editor, 'publish']] as const) await step(published, who, action);
    await step(published, editor, 'correct', '착공일을 바로잡음');
    const trashed = await story('휴지통 기사', noEmail, 1);
    tick();
    await h.trashArticle({ id: trashed, actor: noEmail });
    const spiked = await story('폐기 기사', editor, 1);
    await step(spiked, editor, 'spike');
    const withPhoto = await story('사진 기사', reporter, 1, withFigure(ready('사진 기사'), photoIds[0], '시민들이 모인 광장', '홍길동 기자', '광장에 모인 시민들'));
    await step(withPhoto, reporter, 'send');

    for (let i = 0; i < bulk; i++) {
      const by = i % 3 === 0 ? editor : reporter;
      const c = i % 10 === 0 ? withFigure(ready(`기사 ${i}`), photoIds[1 + (i % 3)], `캡션 ${i}`, `크레디트 ${i}`, `대체 텍스트 ${i}`) : undefined;
      const id = await story(`대량 기사 ${i}`, by, 1 + (i % 2), c);
      if (i % 4 === 1) await step(id, by, 'send');
    }
    return { dir, cleanup, people: { admin, reporter, editor, noEmail }, photoIds, named: { returned, published, trashed, spiked, withPhoto, draft } };
  } finally {
    await core.close();
  }
}

/** Reads the library back (after the import closed it) for the comparison. */
export async function libraryStories(dir: string) {
  const library = await Library.open(dir);
  try {
    await library.whenIndexed();
    const ids = [...library.list('active'), ...library.list('trash')].map((s) => s.id);
    const stories = [];
    for (const id of ids) {
      const history = await library.historyOf(id);
      const versions = await Promise.all(history.versions.map((v) => library.version(id, v.seq)));
      stories.push({ article: await library.get(id), history, versions });
    }
    const photos = await Promise.all((await library.photos.ids()).map(async (id) => ({ info: (await library.photos.info(id))!, file: (await library.photos.file(id, 'original'))! })));
    return { stories, photos, people: library.listPeople() };
  } finally {
    await library.close();
  }
}

/**
 * Every story of the library against the server's copy: the article, each version's description
 * and copy, the audit log, and every photo's info and bytes. `mapId` gives a library person's
 * server id. Returns what differs (empty when nothing was lost) and what was compared.
 */
export async function compareImported(db: Database, dir: string, mapId: (id: string) => string): Promise<{ problems: string[]; stories: number; versions: number; audit: number; photos: number }> {
  const local = await libraryStories(dir);
  const articles = new ArticleService(db);
  const photos = new PhotoService(db);
  const mapArticle = (a: Article): Article => ({ ...a, ownerId: a.ownerId && mapId(a.ownerId), lastTransition: a.lastTransition && { ...a.lastTransition, actorId: mapId(a.lastTransition.actorId) } });
  const problems: string[] = [];
  let versions = 0;
  let audit = 0;
  for (const { article, history, versions: copies } of local.stories) {
    const server = await articles.get(article.id).catch(() => null);
    if (!isDeepStrictEqual(server, mapArticle(article))) problems.push(`${article.id}: the article differs`);
    const h = await articles.history(article.id);
    if (!isDeepStrictEqual(h.versions, history.versions.map((v) => ({ ...v, actorId: mapId(v.actorId) })))) problems.push(`${article.id}: the versions differ`);
    if (!isDeepStrictEqual(h.audit, history.audit.map((e) => ({ ...e, actorId: mapId(e.actorId) })))) problems.push(`${article.id}: the audit log differs`);
    for (const [i, v] of history.versions.entries()) {
      const copy = await articles.version(article.id, v.seq).catch(() => null);
      if (!isDeepStrictEqual(copy, mapArticle(copies[i]))) problems.push(`${article.id}: version ${v.seq} differs`);
    }
    versions += history.versions.length;
    audit += history.audit.length;
  }
  for (const { info, file } of local.photos) {
    if (!isDeepStrictEqual(await photos.info(info.id).catch(() => null), info)) problems.push(`photo ${info.id}: its info differs`);
    const bytes = await photos.original(info.id).catch(() => null);
    if (!bytes || !bytes.equals(await readFile(file.path))) problems.push(`photo ${info.id}: its bytes differ`);
  }
  return { problems, stories: local.stories.length, versions, audit, photos: local.photos.length };
}
