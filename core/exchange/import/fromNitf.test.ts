import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { toImportSummary, type ImportSummary } from '../../../shared/exchange/importSummary';
import type { ImportedArticle } from '../../../shared/exchange/types';
import { contentOf, type DocNode } from '../../../shared/model/article';
import { openSampleLibrary, type SampleLibrary } from '../testing/sampleArticles';
import { NITF_XSD, xmllint } from '../testing/xmllint';
import { NEWSML_SAMPLES, NITF_SAMPLES } from '../../../testing/fixturePaths';
import { corpus, corpusPresent, skipConformance } from '../../../testing/referenceCorpus';
import { toNitf } from '../export/toNitf';
import { fromNitf } from './fromNitf';

/** Our own NITF and IPTC's examples (testing/fixtures/samples/nitf) — always here. */
const sample = (file: string) => fromNitf(new Uint8Array(readFileSync(join(NITF_SAMPLES, file))), file);
/** Agency NITF from the reference corpus (../shared) — the conformance suite. */
const AGENCY_NITF = corpus('standards/samples/nitf');
const agency = (file: string) => fromNitf(new Uint8Array(readFileSync(join(AGENCY_NITF, file))), file);
const bytes = (text: string) => new TextEncoder().encode(text);
const summary = (a: ImportedArticle) => toImportSummary(a.content);
const items = (a: ImportedArticle) => summary(a).body ?? [];
const paragraphs = (a: ImportedArticle) => items(a).filter((i) => i.type === 'paragraph').map((i) => (i as { text: string }).text);
const headings = (a: ImportedArticle) => items(a).filter((i) => i.type === 'heading').map((i) => (i as { text: string }).text);
const names = (a: ImportedArticle) => a.content.byline.reporters.map((r) => r.name);
const nodes = (a: ImportedArticle, type: string): DocNode[] => {
  const out: DocNode[] = [];
  const walk = (n: DocNode) => (n.type === type ? out.push(n) : undefined, n.content?.forEach(walk));
  walk(a.content.body);
  return out;
};

async function refusal(run: () => Promise<unknown>): Promise<{ reason: string; message: string }> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ApiError && err.code === 'importFailed') return { reason: String(err.params.reason), message: err.message };
    throw err;
  }
  return { reason: 'accepted', message: '' };
}

describe('fromNitf on our own and IPTC’s NITF', () => {
  it('imports every NITF file in the repository’s fixtures', async () => {
    const files = readdirSync(NITF_SAMPLES).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const a = await sample(file);
      expect(a.format).toBe('nitf');
      expect(a.content.headline, file).not.toBe('');
      expect(items(a).length, file).toBeGreaterThan(0);
    }
  });

  it('DTD-era English wire story (NITF 3.2, no namespace, ISO-8859-1 bytes): byline role after a comma, distributor, series, table, caption credit', async () => {
    const file = 'copydesk-en-dtd-latin1.xml';
    // The file really is Latin-1: £ is the single byte A3, not UTF-8's C2 A3.
    const raw = readFileSync(join(NITF_SAMPLES, file));
    expect(raw.includes(Buffer.from([0x20, 0xa3, 0x34, 0x30]))).toBe(true);
    const a = await sample(file);
    expect(a.content.language).toBe('en');
    expect(a.content.kicker).toBe('Port Reports');
    expect(a.content.headline).toBe('Harbour board votes £40m for floating batteries');
    expect(a.content.deck).toEqual(['Retired ferries will store wind power for Port Avery']);
    expect(a.content.byline.reporters).toEqual([{ name: 'Dana Whitfield', role: 'Coastline Herald Energy Correspondent', email: 'dana.whitfield@coastline-herald.example' }]);
    expect(a.content.byline.outlet).toBe('Coastline Herald Wire');
    expect(a.content.dateline).toBe('PORT AVERY');
    expect(a.content.tags).toEqual(['harbour', 'energy storage']); // the repeated keyword once
    expect(paragraphs(a)[0]).toBe('The harbour board voted on Monday to spend £40 million turning two retired car ferries into floating battery banks, the first such project on the coast.');
    expect(paragraphs(a)[1]).toBe('The café owners on the quay, who had opposed an onshore site, welcomed the vote. “We keep our view,” said Renée Müller, who chairs their association.');
    expect(nodes(a, 'text').find((t) => t.text === 'floating battery banks')?.marks).toEqual([{ type: 'italic' }]);
    expect(headings(a)).toEqual(['How the money is spent']);
    expect(paragraphs(a)).toEqual(expect.arrayContaining(['Item | Cost', 'Battery racks | £28m', 'Moorings and cables | £12m']));
    expect(nodes(a, 'bulletList')[0].content).toHaveLength(3);
    expect(nodes(a, 'blockquote')).toHaveLength(1);
    expect(items(a).find((i) => i.type === 'figure')).toEqual({ type: 'figure', caption: 'The ferry Lund Star at its new mooring beside the Avery substation.', credit: 'Ines Okafor', alt: 'A ferry moored beside a substation' });
    const links = nodes(a, 'text').flatMap((t) => t.marks ?? []).filter((m) => m.type === 'link');
    expect(links.map((l) => l.attrs?.href)).toEqual(['https://example.org/port-avery/plan']);
    expect(nodes(a, 'hardBreak')).toHaveLength(1);
    // Notes to the desk and the abstract are not copy.
    expect(JSON.stringify(a.content.body)).not.toMatch(/must not reach|summary for editors|javascript/);
    expect(a.warnings).toEqual([{ key: 'import.photosNotIncluded', values: { count: '1' } }, { key: 'import.tablesAsText', values: { count: '1' } }]);
    expect(a.content.embargo).toBeNull();
  });

  it('Korean NITF 3.6 (namespaced, valid against the XSD): [outlet=desk names 기자] byline, embargo, media-producer credit, bold em', async () => {
    const file = 'copydesk-ko-nitf36.xml';
    expect(xmllint(readFileSync(join(NITF_SAMPLES, file), 'utf8'), NITF_XSD).ok).toBe(true);
    const a = await sample(file);
    expect(a.content.language).toBe('ko');
    expect(a.content.headline).toBe('부산항 자동화 부두 첫 가동…하역 속도 두 배');
    expect(a.content.deck).toEqual(['무인 크레인 열두 대 24시간 운영']);
    expect(a.content.byline).toMatchObject({
      outlet: '한빛경제',
      desk: '산업부',
      reporters: [
        { name: '김하늘', role: '기자', email: 'sky@hanbit-econ.example' },
        { name: '박도윤', role: '기자', email: '' },
      ],
    });
    expect(a.content.dateline).toBe('부산');
    expect(a.content.tags).toEqual(['항만', '자동화']);
    expect(a.content.embargo).toBe('2026-11-04T00:00:00.000Z');
    expect(items(a)[1]).toEqual({ type: 'figure', caption: '4일 부산항 신항 자동화 부두에서 무인 크레인이 컨테이너를 옮기고 있다.', credit: '한빛경제 사진부', alt: '부두에 늘어선 무인 크레인' });
    expect(headings(a)).toEqual(['노조 "재교육 먼저"']);
    expect(nodes(a, 'text').find((t) => t.text === '재교육 계획')?.marks).toEqual([{ type: 'bold' }]);
    expect(nodes(a, 'orderedList')[0].content).toHaveLength(2);
  });

  it('IPTC LISTING 22 (NITF 3.6) and the NewsML-G2 item carrying it', async () => {
    const a = await sample('iptc-LISTING_22-extracted-nitf.xml');
    expect(a.content.headline).toBe('Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.');
    expect(a.content.byline).toMatchObject({ outlet: 'Sports Network', reporters: [] });
    expect(paragraphs(a)).toHaveLength(6);
    expect(paragraphs(a)[0]).toMatch(/^\(Sports Network\) - A pair of teams coming off big weekend sweeps will square off tonight/);
    const g2 = join(NEWSML_SAMPLES, 'LISTING_22_Sports_story_in_NewsML-G2NITF.xml');
    const inG2 = await fromNitf(new Uint8Array(readFileSync(g2)), 'listing22.xml');
    expect(summary(inG2)).toEqual(summary(a));
  });

  it('NTB sample from IPTC’s ninjs repository (UTF-8): tagline e-mail goes to the lead reporter, a caption’s "Foto:" becomes the credit', async () => {
    const a = await sample('ntb-nitf-sample_iptc-ninjs-repo.xml');
    expect(a.content.headline).toBe('Pandemien herjer på den legeløse indiske landsbygda');
    expect(a.content.byline.reporters).toEqual([{ name: 'NTB-AFP-DPA', role: '', email: 'kenneth.kandolf.haug@ntb.no' }]);
    expect(a.content.dateline).toBe('Unnao');
    expect(a.content.tags).toEqual(['india-korona-bygd']);
    expect(paragraphs(a)[0]).toMatch(/^Koronapandemien herjer også i landsbyer/);
    expect(items(a).at(-1)).toEqual({ type: 'figure', caption: 'Kremasjonsbål for koronaofre brenner i Indias hovedstad New Delhi.', credit: 'Amit Sharma / AP / NTB' });
  });

});

describe('fromNitf: bylines become people, the NYT layout, preformatted blocks (fixtures of our own)', () => {
  it('NYT layout: print and normalised bylines give each person once; the lead is not repeated; <pre> keeps its lines', async () => {
    const a = await sample('copydesk-en-nyt-layout.xml');
    // "By DANA WHITFIELD and MARCO ILVES" + "Whitfield, Dana" + "Ilves, Marco": two people, written as the normalised byline writes them.
    expect(a.content.byline.reporters).toEqual([
      { name: 'Dana Whitfield', role: '', email: '' },
      { name: 'Marco Ilves', role: '', email: '' },
    ]);
    const lead = 'The Port Avery Rowing Club won the harbour regatta on Saturday, its first title in ten years.';
    expect(paragraphs(a).filter((p) => p === lead)).toHaveLength(1);
    expect(paragraphs(a)[0]).toBe(lead);
    expect(paragraphs(a)).toHaveLength(4);
    // The results table: one paragraph, a line per result, the spacing inside a line kept.
    const pre = nodes(a, 'paragraph').at(-1)!;
    expect(pre.content?.filter((n) => n.type === 'hardBreak')).toHaveLength(3);
    expect(pre.content?.filter((n) => n.type === 'text').map((n) => n.text)).toEqual(['Final results', '1. Port Avery RC      6:02.4', '2. Ferry Workers BC   6:09.8', '3. Quay Academy       6:15.1']);
  });

  it('a lead_paragraph block that the full text does not repeat is kept', async () => {
    const xml = `<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><block class="lead_paragraph"><p>Only here.</p></block><block class="full_text"><p>Then this.</p></block></body.content></body></nitf>`;
    expect(paragraphs(await fromNitf(bytes(xml), 'lead.xml'))).toEqual(['Only here.', 'Then this.']);
  });

  it('agency code after a slash → outlet; "och" joins two names; placeholder and organisation are not reporters; a sentence byline becomes the deck; the declared Swedish is said to be changed', async () => {
    const a = await sample('copydesk-sv-wire-bylines.xml');
    expect(names(a)).toEqual(['Ines Okafor', 'Lena Berg', 'Olle Strand']);
    expect(a.content.byline.outlet).toBe('KNT');
    expect(a.content.deck).toEqual(['Arbetet börjar i september och ska vara klart till jul.']);
    expect(JSON.stringify(a.content.byline)).not.toMatch(/Staff|Kustnytt/);
    expect(a.content.language).toBe('en');
    expect(a.warnings).toContainEqual({ key: 'importLanguageGuessed', values: { lang: 'sv' } });
  });

  it('Korean: "A 및 B 기자" are two reporters, and a sentence in a byline element is the deck, not a reporter', async () => {
    const a = await sample('copydesk-ko-bylines.xml');
    expect(a.content.byline.reporters).toEqual([
      { name: '이서준', role: '기자', email: '' },
      { name: '한지우', role: '기자', email: '' },
    ]);
    expect(a.content.deck).toEqual(['재교육은 내년 3월부터 여섯 달 동안 진행된다.']);
    expect(a.content.byline.outlet).toBe('한빛경제');
    expect(a.warnings.map((w) => w.key)).not.toContain('importLanguageGuessed');
  });
});

describe.skipIf(skipConformance('agency NITF'))('conformance (../shared): fromNitf on real agency files', () => {
  it('imports every agency NITF sample', async () => {
    const files = corpusPresent ? readdirSync(AGENCY_NITF).filter((f) => f.endsWith('.xml')) : [];
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const file of files) {
      const a = await agency(file);
      expect(a.format).toBe('nitf');
      expect(a.content.headline, file).not.toBe('');
      expect(items(a).length, file).toBeGreaterThan(0);
    }
  });

  it('AP (NITF 3.4, no namespace): byline with byttl, distributor, dateline, block body', async () => {
    const a = await agency('ap-nitf.xml');
    expect(a.content.headline).toBe('Can trading pollution like stocks help fight climate change?');
    expect(a.content.deck).toEqual([]); // its hl2 only repeats the headline
    expect(a.content.byline.reporters).toEqual([{ name: 'BERNARD CONDON', role: 'AP Business Writer', email: '' }]);
    expect(a.content.byline.outlet).toBe('The Associated Press');
    expect(a.content.dateline).toBe('NEW YORK');
    expect(paragraphs(a)).toHaveLength(28);
    expect(paragraphs(a)[0]).toMatch(/^NEW YORK \(AP\) — The gas produced by hog manure/);
  });

  it('AP media text (namespaced 3.4): tables become one paragraph per row', async () => {
    const a = await agency('ap_media_text_nitf.xml');
    expect(a.content.headline).toBe('BC-BBN--Top Ten');
    expect(headings(a)).toEqual(['BC-BBN--Top Ten']);
    const rows = nodes(a, 'paragraph').map((p) => p.content?.map((t) => t.text).join(''));
    expect(rows).toContain('McNeil NYM | 72 | 271 | 37 | 95 | .351');
    expect(a.warnings.map((w) => w.key)).toContain('import.tablesAsText');
  });

  it('AAP: plain "By" byline, dateline city, empty paragraphs dropped, br as space', async () => {
    const a = await agency('aap.xml');
    expect(a.content.headline).toBe("The main stories on today's 1900 ABC TV news");
    expect(names(a)).toEqual(['John Doe']);
    expect(a.content.dateline).toBe('Sydney');
    expect(paragraphs(a)).toHaveLength(13);
    expect(paragraphs(a)[0]).toBe("The main stories on ABC television's 1900 news:");
    expect(paragraphs(a)[1]).toMatch(/^1A\) More extreme weather forecast over the next few days the fire situation/);
  });

  it('EFE (no XML declaration): deck from hl2, keywords, dateline with only a story date', async () => {
    const a = await agency('efe_nitf.xml');
    expect(a.content.headline).toBe('Honduran president announces Cabinet changes');
    expect(a.content.deck).toEqual(['HONDURAS GOVERNMENT']);
    expect(a.content.tags).toEqual(['HONDURAS GOVERNMENT']);
    expect(a.content.byline.outlet).toBe('Agencia EFE');
    expect(a.content.dateline).toBe('');
    expect(paragraphs(a)).toEqual(['Tegucigalpa, Jan 2 (EFE).- Test body.']);
  });

  it('IPTC fishing sample (DTD-era, DOCTYPE): series, person byline, media, subheads, lists; notes left out', async () => {
    const a = await agency('nitf-fishing.xml');
    expect(a.content.kicker).toBe('Tide Forecasts');
    expect(a.content.headline).toBe('Weather and Tide Updates for Norfolk');
    expect(a.content.deck).toEqual(['A sample, fictitious NITF article']);
    expect(a.content.byline.reporters).toEqual([{ name: 'Alan Karben', role: 'NITF Network News Online', email: '' }]);
    expect(a.content.byline.outlet).toBe('XML Team Solutions, Inc.');
    expect(a.content.dateline).toBe('Newport News, VA');
    expect(a.content.tags).toEqual(['fishing', 'lures', 'tides']);
    expect(items(a)[0]).toEqual({ type: 'figure', caption: 'The tides, captured on film late yesterday.', credit: 'Karben', alt: 'The tides are high.' });
    expect(headings(a)).toEqual(['The Tides are High', 'Local Nooks']);
    const list = nodes(a, 'bulletList');
    expect(list).toHaveLength(1);
    expect(list[0].content).toHaveLength(3);
    expect(nodes(a, 'text').find((t) => t.text === 'Deer Creek:')?.marks).toEqual([{ type: 'italic' }]);
    expect(JSON.stringify(a.content.body)).not.toContain('This sample article was created');
    expect(a.warnings).toContainEqual({ key: 'import.photosNotIncluded', values: { count: '1' } });
  });

  it('NTB fact check (declared ISO-8859-1): æøå from character references, subheads, links, lists', async () => {
    const a = await agency('nitf-ntb.xml');
    expect(a.content.headline).toBe('Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030');
    expect(a.content.byline).toMatchObject({ outlet: 'NTB', reporters: [{ name: 'Geir Molnes', role: 'Faktisk.no' }] });
    expect(a.content.dateline).toBe('Oslo');
    expect(headings(a).slice(0, 2)).toEqual(['Påstand', 'Konklusjon: Faktisk helt feil']);
    expect(paragraphs(a)).toContain('«[Dette dokumentet beskriver] FNs Agenda 21 og Agenda 2030»');
    expect(paragraphs(a).join(' ')).toContain('bærekraftig utvikling');
    expect(paragraphs(a).join(' ')).toContain('søke gjennom dokumentene');
    const list = nodes(a, 'bulletList');
    expect(list[0].content).toHaveLength(7);
    expect(JSON.stringify(list[0])).toContain('Én global verdensregjering');
    const links = nodes(a, 'text').flatMap((t) => t.marks ?? []).filter((m) => m.type === 'link');
    expect(links.map((l) => l.attrs?.href)).toContain('https://sustainabledevelopment.un.org/content/documents/Agenda21.pdf');
  });

  it('PA (NITF 3.1, ISO-8859-1): real Latin-1 bytes, mislabelled UTF-8, "By X, Outlet Title" bylines', async () => {
    const pa5 = await agency('pa5.xml');
    expect(pa5.content.headline).toBe('HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY');
    expect(paragraphs(pa5)[0]).toBe('Treasury coffers will take a £66 billion annual hit if Britain goes for a so-called hard Brexit, Cabinet ministers have been warned.');
    expect(pa5.content.byline.reporters).toEqual([{ name: 'Sam Lister', role: 'Press Association Political Correspondent', email: '' }]);
    const pa4 = await agency('pa4.xml');
    expect(pa4.content.byline.reporters).toEqual([{ name: 'Ian Jones', role: 'Press Association', email: '' }]);
    expect(paragraphs(pa4).join(' ')).toContain('a reported £25 million a year');
    expect(paragraphs(pa4)).toHaveLength(21);
    const pa1 = await agency('pa1.xml');
    expect(pa1.content.headline).toBe('PA SPORT TRIVIA (OCTOBER 14)');
    expect(pa1.content.byline.reporters).toEqual([]);
    expect(pa1.content.tags).toEqual(['Trivia (Oct 14)']);
    expect(paragraphs(pa1)).toHaveLength(43);
    expect(paragraphs(pa1)[2]).toMatch(/^1996: Mark Bosnich, then of Aston Villa/);
  });
});

describe('fromNitf: our own NITF back', () => {
  let lib: SampleLibrary;
  beforeAll(async () => {
    lib = await openSampleLibrary();
  });
  afterAll(() => lib.cleanup());

  const withoutPhotoIds = (s: ImportSummary): ImportSummary => ({
    ...s,
    body: s.body?.map((i) => (i.type === 'figure' ? { type: 'figure', caption: i.caption, credit: i.credit } : i)),
  });

  it('round-trips both sample stories to the same import summary (photos aside)', async () => {
    for (const article of [lib.ko, lib.en]) {
      const a = await lib.exportOf(article);
      const xml = toNitf(a, { now: new Date('2025-03-04T05:06:07Z'), photoHref: (p) => `photos/${p.fileName}` });
      const back = await fromNitf(bytes(xml), 'article.nitf.xml');
      expect(withoutPhotoIds(summary(back))).toEqual(withoutPhotoIds(toImportSummary(contentOf(article))));
      expect(back.content.byline.reporters.map((r) => r.role)).toEqual(article.byline.reporters.map((r) => r.role));
      expect(nodes(back, 'figure')).toHaveLength(2);
    }
  });

  it('brings an embargo back', async () => {
    const a = { ...(await lib.exportOf(lib.en)), embargo: '2099-05-01T09:00:00.000Z' };
    const back = await fromNitf(bytes(toNitf(a, { now: new Date('2025-03-04T05:06:07Z'), photoHref: () => 'p.jpg' })), 'e.xml');
    expect(back.content.embargo).toBe('2099-05-01T09:00:00.000Z');
  });
});

describe('fromNitf: hostile and wrong files', () => {
  it('refuses billion laughs and external entities, never showing the file they point at', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><nitf><body><body.head><hedline><hl1>&b;</hl1></hedline></body.head></body></nitf>`;
    expect((await refusal(() => fromNitf(bytes(laughs), 'lol.xml'))).reason).toBe('hostile');
    const xxe = `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body><body.head><hedline><hl1>&x;</hl1></hedline></body.head></body></nitf>`;
    const r = await refusal(() => fromNitf(bytes(xxe), 'xxe.xml'));
    expect(r.reason).toBe('hostile');
    expect(r.message).not.toContain('root:');
  });

  it('reads a file whose DOCTYPE points at a DTD URL without needing it', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.2//EN" "http://www.nitf.org/IPTC/NITF/3.2/dtd/nitf-3-2.dtd"><nitf><body><body.head><hedline><hl1>Old&nbsp;file</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>`;
    const a = await fromNitf(bytes(xml), 'dtd.xml');
    expect(a.content.headline).toBe('Old file'); // &nbsp; resolved, then spaced like any headline
    expect(paragraphs(a)).toEqual(['Text.']);
  });

  it('refuses malformed XML, XML that is not NITF, and NITF with nothing in it', async () => {
    expect((await refusal(() => fromNitf(bytes('<nitf><body><p>unclosed</body></nitf>'), 'bad.xml'))).reason).toBe('malformed');
    expect((await refusal(() => fromNitf(bytes('<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>'), 'feed.xml'))).reason).toBe('unknownFormat');
    expect((await refusal(() => fromNitf(bytes('<nitf><head/><body/></nitf>'), 'empty.xml'))).reason).toBe('empty');
  });
});
