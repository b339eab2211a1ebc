// Precision on clean copy: the default sets run over stories written for this purpose (our own
// words, house style as documented in rules/defaultKo.ts and rules/defaultEn.ts) and must flag at
// most one finding per 2,000 characters. A dirty copy, each rule's own mistake seeded into a story
// paragraph, must be flagged by that rule in context.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RuleSetSchema, type RuleSet } from './ruleSchema';
import { runRules, runRulesOnParagraph, type Finding } from './runRules';
import { defaultKoRuleSet } from './rules/defaultKo';
import { defaultEnRuleSet } from './rules/defaultEn';

type Story = { name: string; text: string; paragraphs: string[] };

function readCorpus(language: 'ko' | 'en'): Story[] {
  const dir = fileURLToPath(new URL(`./corpus/${language}/`, import.meta.url));
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(`${dir}${name}`, 'utf8');
      return { name, text, paragraphs: text.split('\n').filter((line) => line.trim() !== '') };
    });
}

/** Characters as a reader counts them (code points), line breaks left out. */
const charCount = (text: string) => [...text.replace(/\n/g, '')].length;

/** The paragraph with an example put in after its first sentence, so the example sits in running text. */
function seed(paragraph: string, example: string): string {
  const cut = paragraph.indexOf('. ');
  return cut < 0 ? `${paragraph} ${example}` : `${paragraph.slice(0, cut + 2)}${example} ${paragraph.slice(cut + 2)}`;
}

const cases: Array<[language: 'ko' | 'en', set: RuleSet, minimumStories: number]> = [
  ['ko', RuleSetSchema.parse(defaultKoRuleSet), 30],
  ['en', RuleSetSchema.parse(defaultEnRuleSet), 10],
];

for (const [language, set, minimumStories] of cases) {
  describe(`${language} corpus`, () => {
    const stories = readCorpus(language);

    it(`has at least ${minimumStories} stories of 600–1,500 characters`, () => {
      expect(stories.length).toBeGreaterThanOrEqual(minimumStories);
      for (const story of stories) expect([story.name, charCount(story.text) >= 600 && charCount(story.text) <= 1500]).toEqual([story.name, true]);
    });

    it('clean copy: at most one finding per 2,000 characters', () => {
      const findings: Array<Finding & { story: string }> = stories.flatMap((story) => runRules(set, story.paragraphs).map((f) => ({ ...f, story: story.name })));
      const characters = stories.reduce((sum, story) => sum + charCount(story.text), 0);
      const per2000 = (findings.length * 2000) / characters;
      console.log(
        `[house style ${language}] ${set.rules.length} rules, ${stories.length} stories, ${characters} characters: ${findings.length} findings = ${per2000.toFixed(3)} per 2,000 characters` +
          findings.map((f) => `\n  ${f.story} ¶${f.paragraph} ${f.ruleId}: “${f.text}”`).join(''),
      );
      expect(per2000).toBeLessThanOrEqual(1);
    });

    it("dirty copy: each rule's own mistake, seeded into a story paragraph, is flagged there by that rule", () => {
      const paragraphs = stories.flatMap((story) => story.paragraphs.filter((p) => charCount(p) > 80));
      const missed: string[] = [];
      set.rules.forEach((rule, index) => {
        const example = rule.flags[0];
        const dirty = seed(paragraphs[index % paragraphs.length], example);
        const found = runRulesOnParagraph(set, dirty).filter((f) => f.ruleId === rule.id);
        if (found.length === 0) missed.push(`${rule.id}: ${dirty}`);
      });
      expect(missed).toEqual([]);
    });

    it('dirty copy of a few stories: every seeded mistake adds findings', () => {
      const few = stories.slice(0, 5);
      const clean = few.flatMap((s) => runRules(set, s.paragraphs)).length;
      let seeded = 0;
      const dirty = few.map((story, s) =>
        story.paragraphs.map((p, i) => {
          if (charCount(p) <= 80) return p;
          const rule = set.rules[(s * 7 + i * 13) % set.rules.length];
          seeded++;
          return seed(p, rule.flags[0]);
        }),
      );
      const found = dirty.flatMap((paragraphs) => runRules(set, paragraphs)).length;
      expect(seeded).toBeGreaterThanOrEqual(10);
      expect(found).toBeGreaterThanOrEqual(clean + seeded);
    });
  });
}
