// Two real stories for export tests — one Korean, one English — each with a 중간제목/subhead, a
// quote, a list, bold/italic/link, an editor's note and a TK (which no export may show), a note
// to the desk, and two of our fixture photos (testing/fixturePhotos) stored in a real temporary library.
import { afterAll, beforeAll } from 'vitest';
import type { Article, ArticleContent, DocNode } from '../../../shared/model/article';
import type { ExportArticle } from '../../../shared/exchange/types';
import { prepareExport } from '../../../shared/exchange/prepareExport';
import { openTestCore, tempDir } from '../../testing/tempLibrary';
import { addAdmin } from '../../testing/people';
import type { Core } from '../../createCore';
import { fixturePhoto } from '../../../testing/fixturePhotos';

/** Text that must never reach an export. */
export const SECRET_NOTE = '확인필요메모';
export const SECRET_DESK_NOTE = '데스크께: 2문단 수치 재확인';

const t = (text: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const figure = (photoId: string, caption: string, credit: string, alt: string): DocNode => ({
  type: 'figure',
  attrs: { photoId, credit, alt, fromFile: { caption: '', credit: '', alt: '' } },
  content: [{ type: 'figureCaption', content: [t(caption)] }],
});

function koContent(photo1: string, photo2: string): ArticleContent {
  return {
    language: 'ko',
    kicker: '테크인사이드',
    headline: '폐배터리에서 리튬 캐는 ‘도시광산’…재활용 경쟁 불붙었다',
    deck: ['2030년 전기차 폐배터리 연 10만개 쏟아져', '완성차ㆍ배터리ㆍ소재사 삼파전'],
    byline: {
      outlet: '한빛경제',
      desk: '산업부',
      templateId: '',
      reporters: [
        { name: '김하늘', role: '기자', email: 'sky@hanbit-econ.example' },
        { name: '박도윤', role: '기자', email: '' },
      ],
    },
    dateline: '',
    tags: ['배터리', '재활용', '도시광산'],
    body: {
      type: 'doc',
      content: [
        p(t('다 쓴 전기차 배터리에서 '), t('리튬과 니켈', [{ type: 'bold' }]), t('을 다시 뽑아내는 이른바 ‘도시광산’ 사업에 국내 기업들이 잇따라 뛰어들고 있다.')),
        p(t('업계에 따르면 회수되는 배터리는 2030년 10만개 이상으로 늘어날 전망이다 '), t(SECRET_NOTE, [{ type: 'editorNote' }]), t('.')),
        figure(photo1, '경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다.', '김하늘 기자', '배터리 모듈을 옮기는 작업자'),
        { type: 'heading', attrs: { level: 2 }, content: [t('회수율이 승부처')] },
        p(t('한 업체 관계자는 '), t('“배터리 여권”', [{ type: 'italic' }]), t('이 도입되면 경쟁 구도가 바뀔 것이라고 말했다. 자세한 내용은 '), t('환경부 자료', [{ type: 'link', attrs: { href: 'https://www.me.go.kr/' } }]), t('에 있다.')),
        { type: 'blockquote', content: [p(t('누가 더 많은 폐배터리를 확보하느냐가 경쟁력을 가를 것'))] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('리튬 회수율 80%대'))] }, { type: 'listItem', content: [p(t('니켈 회수율 95%'))] }] },
        figure(photo2, '재활용 공정을 설명하는 연구원', '한빛경제 사진부', '설명하는 연구원'),
        p(t('정부는 내년 상반기 중 관련 법안을 발의할 계획이다. 비용은 TK억원 규모다.')),
      ],
    },
    lengthTarget: null,
    deskNote: SECRET_DESK_NOTE,
    embargo: null,
    keptFindings: [],
  };
}

function enContent(photo1: string, photo2: string): ArticleContent {
  return {
    language: 'en',
    kicker: 'Business | Energy',
    headline: 'Harbor cities race to turn old ferries into floating battery banks',
    deck: ['Retired car ferries are being refitted as grid storage along the coast'],
    byline: {
      outlet: 'Coastline Herald',
      desk: '',
      templateId: '',
      reporters: [
        { name: 'Dana Whitfield', role: 'Energy reporter', email: 'dana.whitfield@coastline-herald.example' },
        { name: 'Marco Ilves', role: '', email: '' },
      ],
    },
    dateline: 'PORT AVERY',
    tags: ['Energy storage', 'Shipping'],
    body: {
      type: 'doc',
      content: [
        p(t('The last passenger ferry on the Avery-Lund crossing made its final run in March. By autumn it was back in the harbor, its car deck stacked with '), t('battery racks', [{ type: 'bold' }]), t('.')),
        figure(photo1, 'Workers install battery racks on the car deck of the former ferry Lund Star.', 'Ines Okafor/Coastline Herald', 'Battery racks on a ferry deck'),
        p(t('Each hull holds about TK megawatt-hours '), t('check with port', [{ type: 'editorNote' }]), t(', enough for roughly 3,000 homes.')),
        { type: 'heading', attrs: { level: 2 }, content: [t('Fire risk')] },
        p(t('"We already had the hull," said '), t('Petra Holm', [{ type: 'italic' }]), t(', who runs the project. See the '), t('port notice', [{ type: 'link', attrs: { href: 'https://example.org/notice?a=1&b=2' } }]), t(' & details <here>.')),
        { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p(t('Sprinklers on every deck'))] }, { type: 'listItem', content: [p(t('Flooding system'))] }] },
        figure(photo2, 'A control room monitors the charge level.', 'Coastline Herald', 'A control room'),
        p(t('If the pilots succeed, two more vessels will be converted by 2028.')),
      ],
    },
    lengthTarget: null,
    deskNote: 'Desk: lawyer to read para 4',
    embargo: null,
    keptFindings: [],
  };
}

export interface SampleLibrary {
  core: Core;
  actor: string;
  ko: Article;
  en: Article;
  /** Original bytes of each stored photo, by id. */
  photoBytes: Map<string, Uint8Array>;
  /** The same articles as every exporter receives them. */
  exportOf(article: Article): Promise<ExportArticle>;
  cleanup(): Promise<void>;
}

export async function openSampleLibrary(): Promise<SampleLibrary> {
  const tmp = await tempDir();
  const core = await openTestCore(tmp.dir);
  const actor = await addAdmin(core);
  const photoBytes = new Map<string, Uint8Array>();
  const ids: string[] = [];
  // The first carries XMP and IIM (photographer, copyright), the second XMP only.
  for (const name of ['staff-xmp-and-iim.jpg', 'xmp-only.jpg']) {
    const { bytes } = await fixturePhoto(name);
    const { photo } = await core.handlers.importPhoto({ actor, name, bytes });
    photoBytes.set(photo.id, bytes);
    ids.push(photo.id);
  }
  const make = async (language: 'ko' | 'en', content: ArticleContent) => {
    const created = await core.handlers.createArticle({ actor, language });
    await core.handlers.saveArticle({ id: created.id, actor, baseRevision: created.revision, content });
    return core.handlers.getArticle({ actor, id: created.id });
  };
  const ko = await make('ko', koContent(ids[0], ids[1]));
  const en = await make('en', enContent(ids[0], ids[1]));
  const exportOf = async (article: Article) => {
    const settings = await core.handlers.getSettings({});
    const infos = await core.handlers.getPhotos({ actor, ids });
    return prepareExport(article, settings, infos);
  };
  return {
    core,
    actor,
    ko,
    en,
    photoBytes,
    exportOf,
    cleanup: async () => {
      await core.close();
      await tmp.cleanup();
    },
  };
}

/**
 * For a test file: opens the sample library before its tests, closes it after, and hands over
 * the library and both stories as exporters see them.
 */
export function useSampleExports(take: (samples: { lib: SampleLibrary; ko: ExportArticle; en: ExportArticle }) => void): void {
  let lib: SampleLibrary | null = null;
  beforeAll(async () => {
    lib = await openSampleLibrary();
    take({ lib, ko: await lib.exportOf(lib.ko), en: await lib.exportOf(lib.en) });
  });
  afterAll(() => lib?.cleanup());
}
