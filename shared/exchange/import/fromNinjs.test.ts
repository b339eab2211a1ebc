import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { openSampleLibrary, type SampleLibrary } from '../../../core/exchange/testing/sampleArticles';
import { NINJS_SAMPLES } from '../../../testing/fixturePaths';
import { corpus, skipConformance } from '../../../testing/referenceCorpus';
import { contentOf, type Article } from '../../model/article';
import { toImportSummary, type ImportSummary } from '../importSummary';
import { toNinjs } from '../export/toNinjs';
import { fromNinjs, readNinjs } from './fromNinjs';
import { refusal as failure } from '../testing/refusal';

/** IPTC's examples and our own (testing/fixtures/samples/ninjs) — always here. */
const sample = (path: string): unknown => JSON.parse(readFileSync(join(NINJS_SAMPLES, path), 'utf8'));
/** Superdesk's fixtures (agency copy from an AGPL repository) — in the reference corpus only. */
const superdesk = (file: string): unknown => JSON.parse(readFileSync(corpus('standards/samples/ninjs/superdesk-fixtures', file), 'utf8'));
const summaryOf = (path: string) => toImportSummary(fromNinjs(sample(path), path).content);
const paragraphs = (s: ImportSummary) => (s.body ?? []).filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);

describe('fromNinjs on real wire samples', () => {
  it('reads TT ninjs 3.0: headline, outlet, HTML body with quote and link, picture placed by data-assoc-ref', () => {
    const path = 'iptc-examples/3.0/tt_text_image_3.json';
    const read = readNinjs(sample(path), path);
    const s = toImportSummary(read.article.content);
    expect(s.headline).toBe('Militärövning i jätteformat hålls 2023');
    expect(s.byline?.outlet).toBe('TT');
    expect(s.tags).toEqual(['Krig, konflikter och oroligheter']);
    // The <h1> copy of the headline is not body text.
    expect(paragraphs(s)).not.toContain('Militärövning i jätteformat hålls 2023');
    expect(paragraphs(s)).toContain(
      'Aurora 20 skulle omfatta 25 000 deltagare från totalt 13 nationer och bli den största svenska försvarsövningen på decennier. Mycket är fortfarande oklart när det gäller Aurora 23 då planeringen pågår just nu, berättar Jonas Svensson.',
    );
    const figures = (s.body ?? []).filter((b) => b.type === 'figure');
    expect(figures).toEqual([
      {
        type: 'figure',
        caption: 'En stor internationell försvarsövning planeras 2023 med fokus på södra Sverige och Gotland. Arkivbild från militärövningen Aurora 17.',
        credit: 'Karl Melander/TT',
        // From the <img alt> in the body: the association has none.
        alt: 'En stor internationell försvarsövning planeras 2023 med fokus på södra Sverige och Gotland. Arkivbild från militärövningen Aurora 17.',
      },
    ]);
    expect(read.figureSources).toEqual(['https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg']);
    const body = JSON.stringify(read.article.content.body);
    expect(body).toContain('"type":"blockquote"');
    expect(body).toContain('"href":"https://www.sydostran.se/nyheter/beskedet-da-genomfors-forsvarsmaktens-jatteovning-13d95038/"');
    expect(read.article.format).toBe('ninjs');
    // Swedish is not one of an article's languages: the import says so rather than relabelling silently.
    expect(read.article.warnings).toEqual([
      { key: 'import.photosNotFetched', values: { count: '1' } },
      { key: 'importLanguageGuessed', values: { lang: 'sv' } },
    ]);
    expect(read.identifier).not.toBe('');
  });

  it('reads ninjs 1.4 (headline, byline, body_xhtml, associations map) with the main picture first', () => {
    const s = summaryOf('iptc-examples/1.4/ninjsExComplex1.json');
    expect(s.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(s.byline?.reporters).toEqual([{ name: 'Paulo Santalucia' }, { name: "Frances d'Emilio" }]);
    expect(s.dateline).toBe('Grossetto, Italy');
    expect(s.body?.[0]).toMatchObject({ type: 'figure', credit: 'Paulo Santalucia' });
    expect((s.body?.[0] as { caption: string }).caption.startsWith('The Costa Concordia cruise ship lies on its side in the waters of the Tuscan island of Giglio')).toBe(true);
    expect(paragraphs(s)).toHaveLength(4);
    expect(paragraphs(s)[2]).toBe("His lawyer, Domenico Pepe, told reporters that, as expected, the judge was postponing the hearing due to an eight-day nationwide lawyers' strike.");
  });

  it('reads ninjs 1.6 role-suffixed properties (headline_main, body_main)', () => {
    const s = summaryOf('iptc-guidelines-examples/1.6/004_simple_text_article.json');
    expect(s.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(paragraphs(s)[0].startsWith('GROSSETO, Italy (AP) -- The trial of the captain')).toBe(true);
  });

  it('reads ninjs 2.x bodies whose contenttype is lower case, and strips "Von" from a German byline', () => {
    const s = summaryOf('iptc-examples/2.1/dpa_text.json');
    expect(s.headline).toBe('Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?');
    expect(s.byline?.reporters?.[0]).toEqual({ name: 'Christian Hollmann' });
    expect(paragraphs(s)[0].startsWith('Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».')).toBe(true);
    expect(paragraphs(s).join(' ')).not.toContain('<');
  });

  it('reads ninjs 3.1 guideline example with plain and XHTML bodies', () => {
    const s = summaryOf('iptc-guidelines-examples/3.1/005_complex_text_article.json');
    expect(s.byline?.reporters).toEqual([{ name: 'Paulo Santalucia' }, { name: "Frances d'Emilio" }]);
    expect(paragraphs(s)).toHaveLength(4);
    expect(paragraphs(s)[3]).toBe(
      'Pepe said some 1,000 witnesses are expected to eventually testify. Many of them are expected to be from among the 4,200 passengers and crew aboard the ship that struck a jagged reef off Giglio, took on water and capsized. Schettino has denied wrongdoing.',
    );
  });

  it('reads Superdesk-style ninjs of our own: embargo, only writers as reporters, subjects and keywords, feature picture first, embedded one matched to its association', () => {
    const path = 'copydesk-superdesk-style.json';
    const read = fromNinjs(sample(path), path);
    const c = read.content;
    expect(c.embargo).toBe('2030-06-29T02:30:00.000Z');
    // The editor and the photographer in `authors` are not the story's reporters.
    expect(c.byline.reporters).toEqual([{ name: 'Marco Ilves', role: '', email: '' }]);
    expect(c.byline.outlet).toBe('Coastline Herald');
    expect(c.dateline).toBe('Port Avery');
    expect(c.tags).toEqual(['renewable energy', 'brewing', '#PortAvery', 'biofuel']);
    const s = toImportSummary(c);
    expect(s.body?.filter((b) => b.type === 'figure')).toEqual([
      // featuremedia is not placed in the body: it leads the story.
      { type: 'figure', caption: "The harbour ferry takes on fuel made from the brewery's spent grain.", credit: 'Ines Okafor/Coastline Herald' },
      // The body's <figure> takes its association's caption and credit (matched by rendition href), and the <img alt>.
      { type: 'figure', caption: 'Spent grain waits in silos on the quay for the fuel plant.', credit: 'Coastline Herald', alt: 'Grain silos beside the quay' },
    ]);
    expect(s.body?.[0].type).toBe('figure');
    expect(s.body?.find((b) => b.type === 'heading')).toEqual({ type: 'heading', text: 'A ton a day' });
    expect(read.warnings).toEqual([{ key: 'import.photosNotFetched', values: { count: '2' } }]);
  });
});

describe('fromNinjs: real-world Superdesk/Newsroom shapes and bylines (fixtures of our own)', () => {
  it('Newsroom ninjs with guid and no uri imports, the guid kept; the byline splits through the shared rule ("Name/KNT och Name"); a placeholder author is no one; Swedish is said to be changed', () => {
    const path = 'copydesk-newsroom-guid.json';
    const read = readNinjs(sample(path), path);
    expect(read.identifier).toBe('urn:newsroom:kustnytt:2026:bf2d6c0e-harbour-chargers');
    const c = read.article.content;
    expect(c.headline).toBe('Hamnen får laddstolpar för elfärjorna');
    // "No Author" (the only listed writer) is not a reporter: the byline statement names the people.
    expect(c.byline.reporters.map((r) => r.name)).toEqual(['Ines Okafor', 'Lena Berg']);
    expect(c.byline.outlet).toBe('KNT');
    expect(c.language).toBe('en');
    expect(read.article.warnings).toContainEqual({ key: 'importLanguageGuessed', values: { lang: 'sv' } });
  });

  it('an API envelope holding one item (`{"item": [ … ], "total": 1}`) with only an `id` imports that item; an organisation as the byline is the outlet', () => {
    const path = 'copydesk-api-envelope.json';
    const read = readNinjs(sample(path), path);
    expect(read.identifier).toBe('4471');
    const s = toImportSummary(read.article.content);
    expect(s.headline).toBe('Quay market opens on Sundays from March');
    expect(s.byline).toEqual({ outlet: 'Harbour Valley News' });
    expect(paragraphs(s)).toEqual(['The quay market in Port Avery will open on Sundays from March.', 'Traders voted for the change at their annual meeting.']);
    expect(read.article.warnings).toEqual([]);
  });

  it('a byline that is a sentence becomes a deck line; "A and B" from listed authors or the statement are each once', () => {
    const base = { guid: 'g-1', type: 'text', headline: 'Ferry timetable changes', body_text: 'Text.' };
    const sentence = fromNinjs({ ...base, byline: 'The new timetable starts on the first of May and runs all summer.' }, 's.json').content;
    expect(sentence.byline.reporters).toEqual([]);
    expect(sentence.deck).toEqual(['The new timetable starts on the first of May and runs all summer.']);
    const pair = fromNinjs({ ...base, authors: [{ name: 'Dana Whitfield', role: 'writer' }, { name: 'Dana Whitfield', role: 'author' }, { name: 'Coastline News', role: 'writer' }] }, 'p.json').content;
    expect(pair.byline.reporters.map((r) => r.name)).toEqual(['Dana Whitfield']);
    expect(pair.byline.outlet).toBe('Coastline News');
    const staff = fromNinjs({ ...base, byline: 'By Staff' }, 'st.json').content;
    expect(staff.byline.reporters).toEqual([]);
  });
});

describe.skipIf(skipConformance('Superdesk ninjs'))('conformance (../shared): fromNinjs on Superdesk fixtures', () => {
  it('reads Superdesk ninjs: embargo, authors by role, keywords, embedded figure matched to its association', () => {
    const embargoed = fromNinjs(superdesk('ninjs_embargoed.json'), 'e.json').content;
    expect(embargoed.embargo).toBe('2022-06-29T02:30:00.000Z');
    expect(embargoed.byline.reporters.map((r) => r.name)).toEqual(['Aaron Staples']);
    expect(embargoed.byline.outlet).toBe('360info');
    expect(embargoed.tags).toEqual(['global warming', 'agriculture']);

    const s = toImportSummary(fromNinjs(superdesk('ninjs4.json'), 'ninjs4.json').content);
    expect(s.tags).toContain('Polizeihund');
    expect(s.tags).toContain('#Gentechnik');
    expect(s.body?.filter((b) => b.type === 'figure')).toEqual([
      { type: 'figure', caption: 'Polizeihunde sollen effizienter trainiert werden – Klone sollen die Lösung sein.', credit: 'ANTHONY WALLACE/AFP/Getty Images' },
      { type: 'figure', caption: 'Ob China bald ganze Polizeihund-Staffeln voller Klone haben wird?', credit: 'ANTHONY WALLACE/AFP/Getty Images', alt: 'Ob China bald ganze Polizeihund-Staffeln voller Klone haben wird?' },
    ]);
    expect(s.body?.find((b) => b.type === 'heading')).toEqual({ type: 'heading', text: 'China klont Polizeihund: Zeit ist schließlich Geld' });
  });

  it('reads guid-only Superdesk items and the BBC API envelopes; a declared French or German is said to be changed', () => {
    const fr = readNinjs(superdesk('ninjs1.json'), 'ninjs1.json');
    expect(fr.identifier).toMatch(/^urn:newsml:localhost:/);
    expect(fr.article.warnings).toContainEqual({ key: 'importLanguageGuessed', values: { lang: 'fr' } });
    expect(readNinjs(superdesk('ninjs4.json'), 'ninjs4.json').article.warnings).toContainEqual({ key: 'importLanguageGuessed', values: { lang: 'de' } });
    // `{"item": [one item], "limit", "offset", "total"}`: the item inside, with its uri.
    for (const [file, uri, reporter] of [['bbc-ninjs-comp-test.json', 'https://example.com/56789', 'Jane Doe'], ['bbc-ninjs-text-test.json', 'https://www.example.com//12345', 'John Doe']]) {
      const read = readNinjs(superdesk(file), file);
      expect(read.identifier, file).toBe(uri);
      expect(read.article.content.byline.reporters.map((r) => r.name), file).toEqual([reporter]);
    }
  });
});

describe('fromNinjs refuses what is not a ninjs article', () => {
  it('non-ninjs JSON is a schema error naming the file and what it lacks', () => {
    for (const json of [{ foo: 1 }, [1, 2], 'null', 42, sample('iptc-examples/3.0/collection/20231016-event-timeline-sample.json')]) {
      const err = failure(() => fromNinjs(json, 'x.json'));
      expect(err.code).toBe('importFailed');
      expect(err.params).toEqual({ reason: 'schema', file: 'x.json', lacking: 'newsItem' });
    }
  });

  it('a news item with no identifier at all is refused, and the refusal names the identifier as missing', () => {
    const err = failure(() => fromNinjs({ type: 'text', headline: 'Quay market opens', body_text: 'Text.' }, 'noid.json'));
    expect(err.params).toEqual({ reason: 'schema', file: 'noid.json', lacking: 'identifier' });
    expect(err.message).toContain('no uri, guid or id');
  });

  it('an API envelope of several items is not guessed at: refused as not a news item', () => {
    const one = { id: '1', type: 'text', headline: 'One', body_text: 'One.' };
    expect(failure(() => fromNinjs({ item: [one, { ...one, id: '2' }], total: 2 }, 'many.json')).params).toEqual({ reason: 'schema', file: 'many.json', lacking: 'newsItem' });
  });

  it('broken JSON text is malformed; a ninjs event, or an item without headline and body, is empty', () => {
    expect(failure(() => fromNinjs('{"uri": ', 'b.json')).params.reason).toBe('malformed');
    expect(failure(() => fromNinjs(sample('iptc-guidelines-examples/3.1/008_event.json'), 'e.json')).params).toEqual({ reason: 'empty', file: 'e.json' });
    expect(failure(() => fromNinjs({ uri: 'urn:x', type: 'text', bodies: [{ value: '  ' }] }, 'n.json')).params).toEqual({ reason: 'empty', file: 'n.json' });
  });

  it('drops scripts, event handlers and javascript: links from body HTML', () => {
    const doc = {
      uri: 'urn:test:1',
      type: 'text',
      headlines: [{ role: 'main', value: 'Safe' }],
      bodies: [{ contentType: 'text/html', value: '<p>One <a href="javascript:alert(1)">click</a></p><script>alert("x")</script><p onclick="evil()">Two <img src=x onerror=alert(1)></p><style>p{}</style>' }],
    };
    const content = fromNinjs(doc, 'h.json').content;
    const json = JSON.stringify(content);
    expect(json).not.toMatch(/javascript|alert|onclick|onerror|evil|<script/);
    expect(paragraphs(toImportSummary(content))).toEqual(['One click', 'Two']);
  });
});

describe('round trip through our own ninjs', () => {
  let lib: SampleLibrary;
  beforeAll(async () => {
    lib = await openSampleLibrary();
  });
  afterAll(() => lib.cleanup());

  const withoutPhotoIds = (s: ImportSummary) => ({ ...s, body: s.body?.map((b) => (b.type === 'figure' ? { ...b, photoId: undefined } : b)) });

  it('gives back the same summary for the Korean and the English sample', async () => {
    for (const article of [lib.ko, lib.en] as Article[]) {
      const doc = toNinjs(await lib.exportOf(article), { now: new Date('2030-01-01T00:00:00Z'), photoHref: (p) => `photos/${p.fileName}` });
      const back = fromNinjs(JSON.parse(JSON.stringify(doc)), 'article.ninjs.json');
      expect(withoutPhotoIds(toImportSummary(back.content))).toEqual(withoutPhotoIds(toImportSummary(contentOf(article))));
      expect(back.content.embargo).toBeNull();
    }
  });

  it('keeps the embargo', async () => {
    const doc = toNinjs({ ...(await lib.exportOf(lib.en)), embargo: '2030-06-01T09:00:00.000Z' }, { now: new Date('2030-01-01T00:00:00Z'), photoHref: (p) => `photos/${p.fileName}` });
    expect(fromNinjs(doc, 'a.json').content.embargo).toBe('2030-06-01T09:00:00.000Z');
  });
});
