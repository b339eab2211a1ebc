// `copydesk check`: house style and spelling on files, in-process with a fake terminal. Every fixture
// is our own text, written into a temp folder; offsets are counted by hand from the text below. A run
// with spelling loads the Korean dictionary (about 1.6 s, more on a busy machine): tests about house
// style alone pass --no-spelling, and those with spelling get a generous timeout.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, runCli, type CliIo } from './runCli';
import type { CheckFileJson } from './runCheck';
import { tempDir } from '../core/testing/tempLibrary';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.cleanup());

function io(language: 'ko' | 'en' = 'ko'): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, cwd: tmp.dir, home: tmp.dir, language };
}

const write = (name: string, text: string) => writeFileSync(join(tmp.dir, name), text);

/** Clean Korean copy in house style (Markdown: headline, deck, two paragraphs). */
const CLEAN_KO = `---
lang: ko
deck: 무인 크레인 12대가 24시간 컨테이너를 옮긴다
---
# 부산항 자동화 부두 첫 가동

부산항의 첫 완전 자동화 부두가 4일 문을 열었다. 하역 속도는 기존 부두의 두 배라고 항만공사는 밝혔다.

노조는 일자리가 줄어들 것을 우려하며 재교육 계획을 먼저 내놓으라고 요구했다.
`;

/**
 * Web-page text (.txt) with known mistakes: 몇일 in the headline (offset 0); in body paragraph 2,
 * 몇일 after "위원회는 " (offset 5) and 금새 after "위원회는 몇일 전부터 준비했다. 소문은 " (offset 22).
 */
const DIRTY_KO = `몇일 만에 다시 열린 예산 회의

[한빛경제=경제부 김하늘 기자]

예산결산특별위원회 회의가 7일 오후 3시 국회에서 다시 열렸다. 위원들은 안건을 차례로 검토했다.

위원회는 몇일 전부터 준비했다. 소문은 금새 퍼졌다.
`;

/** NITF with a mistake in the deck (역활, offset 4) and one in the photo caption (컨퍼런스, offset 10). */
const DIRTY_NITF = `<?xml version="1.0" encoding="UTF-8"?>
<nitf xml:lang="ko">
  <head><title>개발자 행사</title></head>
  <body>
    <body.head>
      <hedline><hl1>부산서 개발자 행사 개막</hl1><hl2>업계의 역활 분담 논의</hl2></hedline>
    </body.head>
    <body.content>
      <p>부산에서 개발자 행사가 4일 개막해 사흘 동안 이어진다. 참가자는 지난해보다 늘었다.</p>
      <media media-type="image">
        <media-reference source="hall.jpg" mime-type="image/jpeg" alternate-text="행사장"/>
        <media-caption>4일 부산 개발자 컨퍼런스에서 참가자들이 발표를 듣고 있다.</media-caption>
      </media>
    </body.content>
  </body>
</nitf>
`;

/** English copy: towards (body 1, offset 19) and cancelled (body 2, offset 14). */
const DIRTY_EN = `---
lang: en
---
# Harbour council approves budget

The council walked towards a deal on Monday after long talks.

The match was cancelled after heavy rain flooded the ground.
`;

/** Korean copy whose only mistakes are for the dictionary: 대퉁령은 (body 1, offset 0) and 짐길 (body 1, offset 10, a company's name). */
const SPELLING_KO = `---
lang: ko
---
# 부산항 자동화 부두 첫 가동

대퉁령은 물류기업 짐길 관계자들과 부두를 둘러봤다.
`;

/** Spelling on: each test loads a dictionary. */
const SPELLING = { timeout: 120_000 };

type Line = { where: string; ruleId: string };
/** `FILE:PART:OFFSET [rule]` of each finding line. */
const located = (lines: string[]): Line[] =>
  lines.map((line) => {
    const m = /^(\S+?:[^:]+:\d+) \[([a-z0-9-]+)\] /.exec(line);
    if (!m) throw new Error(`not a finding line: ${line}`);
    return { where: m[1], ruleId: m[2] };
  });

describe('copydesk check', () => {
  it('exits 0 on clean Korean copy and prints no findings (spelling on, as by default)', SPELLING, async () => {
    write('clean.md', CLEAN_KO);
    const t = io();
    expect(await runCli(['check', 'clean.md'], t)).toBe(EXIT.ok);
    expect(t.stdout).toEqual([]);
    expect(t.stderr.join('\n')).toContain('파일 1개 검사: 지적 0건');
  });

  it('exits 1 and names each finding by rule id, part, paragraph and offset, with the fix and the message in Korean', SPELLING, async () => {
    write('story.txt', DIRTY_KO);
    const t = io('ko');
    expect(await runCli(['check', 'story.txt'], t)).toBe(EXIT.partial);
    expect(located(t.stdout)).toEqual([
      { where: 'story.txt:제목:0', ruleId: 'spelling-myeochil' },
      { where: 'story.txt:본문 2:5', ruleId: 'spelling-myeochil' },
      { where: 'story.txt:본문 2:22', ruleId: 'spelling-geumse' },
    ]);
    expect(t.stdout[1]).toBe('story.txt:본문 2:5 [spelling-myeochil] 몇일 → 며칠 — 맞춤법: ‘며칠’(‘몇일’ 아님)');
    expect(t.stderr.join('\n')).toContain('파일 1개 검사: 지적 3건');
  });

  it('checks the deck and photo captions of an NITF file, and prints in English for an English terminal', SPELLING, async () => {
    write('wire.xml', DIRTY_NITF);
    const t = io('en');
    expect(await runCli(['check', 'wire.xml'], t)).toBe(EXIT.partial);
    expect(located(t.stdout)).toEqual([
      { where: 'wire.xml:deck 1:4', ruleId: 'spelling-yeokhal' },
      { where: 'wire.xml:caption 1:10', ruleId: 'loanword-conference' },
    ]);
    expect(t.stdout[1]).toBe('wire.xml:caption 1:10 [loanword-conference] 컨퍼런스 → 콘퍼런스 — Loanword spelling: 콘퍼런스, not 컨퍼런스');
  });

  it('--json prints one document with the same findings and stable fields', async () => {
    write('story.txt', DIRTY_KO);
    write('clean.md', CLEAN_KO);
    const human = io();
    await runCli(['check', 'story.txt', 'clean.md', '--no-spelling'], human);
    const t = io();
    expect(await runCli(['check', 'story.txt', 'clean.md', '--json', '--no-spelling'], t)).toBe(EXIT.partial);
    const doc = JSON.parse(t.stdout.join('\n')) as CheckFileJson[];
    expect(doc.map((f) => [f.file, f.format, f.language, f.rules, f.error])).toEqual([
      ['story.txt', 'web-copy', 'ko', 'default', null],
      ['clean.md', 'markdown', 'ko', 'default', null],
    ]);
    expect(doc[1].findings).toEqual([]);
    expect(doc[0].findings[1]).toEqual({
      checker: 'style',
      ruleId: 'spelling-myeochil',
      part: 'body',
      paragraph: 2,
      offset: 5,
      length: 2,
      text: '몇일',
      fix: '며칠',
      message: { ko: '맞춤법: ‘며칠’(‘몇일’ 아님)', en: 'Spelling: 며칠, not 몇일' },
    });
    const labels = { headline: '제목', deck: '부제', body: '본문', caption: '사진설명' } as const;
    const fromJson = doc[0].findings.map((f) => ({ where: `story.txt:${f.part === 'headline' ? labels.headline : `${labels[f.part]} ${f.paragraph}`}:${f.offset}`, ruleId: f.ruleId }));
    expect(fromJson).toEqual(located(human.stdout));
  });

  it('uses the English set and the US dictionary for an English file', SPELLING, async () => {
    write('match.md', DIRTY_EN);
    const t = io('en');
    expect(await runCli(['check', 'match.md'], t)).toBe(EXIT.partial);
    expect(located(t.stdout)).toEqual([
      { where: 'match.md:headline:0', ruleId: 'spelling' },
      { where: 'match.md:body 1:19', ruleId: 'spelling-toward' },
      { where: 'match.md:body 2:14', ruleId: 'spelling-canceled' },
    ]);
    // Hunspell's first suggestion is its own (Barbour, then Harbor): the message names it and what to do.
    expect(t.stdout[0]).toMatch(/^match\.md:headline:0 \[spelling\] Harbour → (\S+) — Not in the dictionary: “Harbour”\. Did you mean “\1”\? If the word is right \(a name, say\), add it to the newsroom word list\.$/);
    expect(t.stdout[1]).toContain('towards → toward — Spelling: toward, not towards');
  });

  it('spells Korean by default: exit 1 with the dictionary’s suggestion; --words makes it clean (exit 0); --no-spelling turns it off', SPELLING, async () => {
    write('port.md', SPELLING_KO);
    const t = io('ko');
    expect(await runCli(['check', 'port.md'], t)).toBe(EXIT.partial);
    expect(located(t.stdout)).toEqual([
      { where: 'port.md:본문 1:0', ruleId: 'spelling' },
      { where: 'port.md:본문 1:10', ruleId: 'spelling' },
    ]);
    expect(t.stdout[0]).toBe('port.md:본문 1:0 [spelling] 대퉁령은 → 대통령은 — 사전에 없는 말입니다: ‘대퉁령은’. ‘대통령은’이(가) 맞는지 확인하세요. 맞는 말(이름·고유명사)이면 사내 단어장에 추가하세요.');

    // The word list: one word a line, comments and blank lines left out, a BOM dropped.
    write('words.txt', '\uFEFF# 사내 단어장\n\n짐길\r\n대퉁령\n');
    const listed = io('ko');
    expect(await runCli(['check', 'port.md', '--words', 'words.txt', '--json'], listed)).toBe(EXIT.ok);
    const [file] = JSON.parse(listed.stdout.join('\n')) as CheckFileJson[];
    expect(file).toMatchObject({ file: 'port.md', language: 'ko', findings: [], notChecked: [] });

    const off = io('ko');
    expect(await runCli(['check', 'port.md', '--no-spelling'], off)).toBe(EXIT.ok);
    expect(off.stdout).toEqual([]);
  });

  it('spells Korean with the project’s supplement: place names and loanwords the dictionary lacks pass (노원 is not “fixed” to 농원), misspellings do not', SPELLING, async () => {
    write('places.md', '---\nlang: ko\n---\n# 노원 집값\n\n노원과 도봉에서 스타트업이 늘었다. 대퉁령은 홍천군을 찾았다.\n');
    const t = io('ko');
    expect(await runCli(['check', 'places.md'], t)).toBe(EXIT.partial);
    expect(t.stdout).toEqual([expect.stringMatching(/^places\.md:본문 1:20 \[spelling\] 대퉁령은 → 대통령은 — /)]);
  });

  it('reports a file it cannot read, in the terminal’s language, and still checks the others', async () => {
    write('story.txt', DIRTY_KO);
    write('memo.docx', 'not a word file');
    const t = io('ko');
    expect(await runCli(['check', 'missing.txt', 'memo.docx', 'story.txt', '--json', '--no-spelling'], t)).toBe(EXIT.partial);
    const doc = JSON.parse(t.stdout.join('\n')) as CheckFileJson[];
    expect(doc.map((f) => f.error?.message ?? null)).toEqual(['파일이 없습니다(경로를 확인하세요)', '이름은 .docx지만 Word 문서가 아닙니다', null]);
    expect(doc[2].findings).toHaveLength(3);

    write('clean.md', CLEAN_KO);
    const h = io('en');
    // Clean copy, but one file could not be checked: not a clean run.
    expect(await runCli(['check', 'clean.md', 'missing.txt', '--no-spelling'], h)).toBe(EXIT.partial);
    expect(h.stderr.join('\n')).toContain('copydesk: missing.txt: no such file (check the path)');
    expect(h.stderr.join('\n')).toContain('checked 2 files: 0 findings; 1 could not be read');
  });

  it('refuses bad usage with exit code 2', async () => {
    const cases: Array<[string[], string]> = [
      [['check'], 'name at least one file to check'],
      [['check', 'story.txt', '--frobnicate'], "Unknown option '--frobnicate'"],
      [['check', 'story.txt', '--library', 'lib'], '--library does not apply to check'],
      [['import', 'story.txt', '--rules', 'house.json'], '--rules only works with check'],
      [['check', 'story.txt', '--rules', 'nowhere.json'], 'cannot read the rules file nowhere.json: no such file'],
      [['import', 'story.txt', '--words', 'words.txt'], '--words only works with check'],
      [['export', 'story.txt', '--format', 'html', '--no-spelling'], '--no-spelling only works with check'],
      [['check', 'story.txt', '--words', 'nowhere.txt'], 'cannot read the word list nowhere.txt: no such file'],
      [['check', 'story.txt', '--words', 'words.txt', '--no-spelling'], '--words is a word list for spelling: drop --no-spelling, or drop --words'],
    ];
    write('story.txt', DIRTY_KO);
    write('words.txt', '짐길\n');
    for (const [argv, said] of cases) {
      const t = io('en');
      expect(await runCli(argv, t), argv.join(' ')).toBe(EXIT.usage);
      expect(t.stderr.join('\n')).toContain(said);
      expect(t.stdout).toEqual([]);
    }
    const h = io('ko');
    expect(await runCli(['--help'], h)).toBe(EXIT.ok);
    expect(h.stdout.join('\n')).toContain('copydesk check 파일… [--rules 파일] [--words 파일] [--no-spelling] [--json]');
  });

  it('--rules with an unsafe pattern exits 2 naming the rule, in the terminal’s language, and checks nothing', async () => {
    write('story.txt', DIRTY_KO);
    const unsafe = {
      version: 1,
      language: 'ko',
      rules: [
        {
          id: 'nested-repeat',
          category: 'style',
          check: { pattern: '(가+)+나', replace: '나' },
          message: { ko: '반복', en: 'repeat' },
          flags: ['가가나'],
          passes: ['다'],
        },
      ],
    };
    write('unsafe.json', JSON.stringify(unsafe));
    const t = io('ko');
    expect(await runCli(['check', 'story.txt', '--rules', 'unsafe.json'], t)).toBe(EXIT.usage);
    expect(t.stdout).toEqual([]);
    expect(t.stderr.join('\n')).toContain('규칙 파일 unsafe.json을(를) 받지 않아');
    expect(t.stderr.join('\n')).toContain('규칙 “nested-repeat”을(를) 받지 않았습니다');
  });

  it('--rules replaces the default rules: only its own rules, and only on copy in its language', async () => {
    const house = {
      version: 1,
      language: 'ko',
      outlet: '한빛경제',
      rules: [
        {
          id: 'house-meeting',
          category: 'style',
          check: { pattern: '예산 회의', replace: '예산심사 회의' },
          message: { ko: '사내 표기: ‘예산심사 회의’', en: 'House term: 예산심사 회의' },
          flags: ['예산 회의가 열렸다.'],
          passes: ['예산심사 회의가 열렸다.'],
        },
      ],
    };
    write('house.json', JSON.stringify(house));
    write('story.txt', DIRTY_KO);
    write('match.md', DIRTY_EN);
    const t = io('en');
    expect(await runCli(['check', 'story.txt', 'match.md', '--rules', 'house.json', '--no-spelling'], t)).toBe(EXIT.partial);
    // 몇일 and 금새 are the default set's business, not this file's.
    expect(located(t.stdout)).toEqual([{ where: 'story.txt:headline:12', ruleId: 'house-meeting' }]);
    expect(t.stderr.join('\n')).toContain('copydesk: match.md: the article is in English and the rules file is for Korean copy; house style not checked');

    const only = io('en');
    expect(await runCli(['check', 'match.md', '--rules', 'house.json', '--json', '--no-spelling'], only)).toBe(EXIT.ok);
    const [file] = JSON.parse(only.stdout.join('\n')) as CheckFileJson[];
    expect(file).toMatchObject({ file: 'match.md', language: 'en', rules: 'house.json', findings: [], notChecked: ['style'] });
  });
});
