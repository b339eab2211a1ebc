// Fills an empty library folder with a small newsroom (an admin, a reporter, an editor) and the
// demo stories, each taken through its workflow steps by the person the workflow expects, through
// the same gated contract the app uses.
import { openCore } from '../../core/createCore';
import type { Body, DocNode } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import { NOTE_MARK } from '../../shared/workflow/notes';
import { DEMO_STORIES, type DemoStory } from './demoStories';
import { demoPhoto } from './demoPhotos';

export interface DemoLibrary {
  admin: Person;
  reporter: Person;
  editor: Person;
  /** Article ids by headline. */
  ids: Map<string, string>;
}

const text = (t: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });

export async function buildDemoLibrary(libraryDir: string): Promise<DemoLibrary> {
  const core = await openCore({
    libraryDir,
    appInfo: { version: 'demo', platform: process.platform, host: 'browser', systemLocale: 'ko-KR', mediaBase: '/media/' },
    backupSchedule: false,
  });
  const h = core.handlers;
  try {
    const person = (actor: string | null, name: string, role: Person['role'], desk: string) =>
      h.savePerson({ actor, person: { name, role, desk, email: '', bylineName: name, bylineRole: '기자', active: true } });
    const admin = await person(null, '관리자', 'admin', '편집국');
    const reporter = await person(admin.id, '김하늘', 'reporter', '산업부');
    const editor = await person(admin.id, '이데스크', 'editor', '산업부');
    await h.updateSettings({ actor: admin.id, outlet: '한빛일보' });

    const ids = new Map<string, string>();
    for (const story of DEMO_STORIES) {
      const article = await h.createArticle({ actor: reporter.id, language: story.language });
      const body = await storyBody(story, (name, bytes) => h.importPhoto({ actor: reporter.id, name, bytes }).then((r) => r.photo.id));
      const content = {
        language: story.language,
        kicker: story.kicker,
        headline: story.headline,
        deck: story.deck,
        byline: { outlet: '한빛일보', desk: story.desk, templateId: '', reporters: [{ name: story.language === 'ko' ? reporter.name : 'Haneul Kim', role: story.language === 'ko' ? '기자' : 'Staff writer', email: '' }] },
        dateline: story.language === 'en' ? 'SEOUL' : '',
        tags: story.tags,
        body,
        // Only the story still being written has a target (it falls short of it); the checklist would stop the others.
        lengthTarget: story.language === 'ko' && !story.steps.length ? { unit: 'sheets' as const, value: 5 } : null,
        deskNote: '',
        embargo: null,
        keptFindings: [],
      };
      let saved = await h.saveArticle({ id: article.id, actor: reporter.id, baseRevision: article.revision, content });
      for (const action of story.steps) {
        const actor = action === 'send' ? reporter.id : editor.id;
        const after = await h.transitionArticle({ id: article.id, actor, action, note: '', override: false });
        saved = { revision: after.revision, updatedAt: after.updatedAt };
        if (action === 'review') {
          // The desk tightens the lead, so the history has a real change to show.
          const current = await h.getArticle({ id: article.id, actor: editor.id });
          const lead = current.body.content?.[0];
          if (lead?.content?.[0]?.text) lead.content[0] = text(lead.content[0].text.replace('첫 가동에 들어갔다', '본격 가동에 들어갔다'));
          saved = await h.saveArticle({ id: article.id, actor: editor.id, baseRevision: saved.revision, content: { ...content, body: current.body, headline: current.headline } });
        }
      }
      ids.set(story.headline, article.id);
    }
    return { admin, reporter, editor, ids };
  } finally {
    await core.close();
  }
}

async function storyBody(story: DemoStory, importPhoto: (name: string, bytes: Uint8Array) => Promise<string>): Promise<Body> {
  const blocks: DocNode[] = [];
  for (const [i, para] of story.paragraphs.entries()) {
    const content = [text(para)];
    if (i === 0 && story.note) content.push(text(` ${story.note}`, [{ type: NOTE_MARK }]));
    blocks.push({ type: 'paragraph', content });
    for (const photo of story.photos.filter((p) => p.after === i)) {
      const photoId = await importPhoto(`${photo.scene}.jpg`, new Uint8Array(await demoPhoto(photo.scene)));
      blocks.push({
        type: 'figure',
        attrs: { photoId, credit: photo.credit, alt: photo.alt, fromFile: { caption: '', credit: '', alt: '' } },
        content: [{ type: 'figureCaption', content: [text(photo.caption)] }],
      });
    }
  }
  return { type: 'doc', content: blocks };
}
