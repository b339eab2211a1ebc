// The house style's place in settings: files from before it get the defaults (and keep the rest),
// a patch turns rules off and on, goes back to the default set and edits the word list, and never
// carries a rule set (only importHouseStyle, which proves it, can); activeRuleSets leaves out the
// rules turned off, without proving anything again.
import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, SettingsPatchSchema, SettingsSchema } from './settings';
import { withImportedSet } from './houseStyle';
import { activeRuleSets } from '../style/activeRuleSets';
import { defaultRuleSets } from '../style/checkArticle';
import { RuleSetSchema } from '../style/ruleSchema';

const goodRule = {
  id: 'loanword-message',
  category: 'loanword',
  check: { pattern: '메세지', replace: '메시지' },
  message: { ko: '‘메시지’로 씁니다.', en: 'Write 메시지.' },
  flags: ['신년 메세지'],
  passes: ['신년 메시지'],
};
const oneRule = RuleSetSchema.parse({ version: 1, language: 'ko', rules: [goodRule] });

describe('house style settings', () => {
  it('a settings file from before house style gets the defaults and keeps the rest', () => {
    const { houseStyle: _h, ...old } = { ...defaultSettings(), outlet: '한빛경제' };
    const read = SettingsSchema.parse(old);
    expect(read.outlet).toBe('한빛경제');
    expect(read.houseStyle).toEqual({ ko: { custom: null, disabled: [] }, en: { custom: null, disabled: [] }, wordList: [] });
    // Half a house style (a word list only) gets the rest.
    expect(SettingsSchema.parse({ ...old, houseStyle: { wordList: ['카카오페이'] } }).houseStyle.ko).toEqual({ custom: null, disabled: [] });
  });

  it('patches rules off, the word list and the default set back; other keys and languages are kept', () => {
    const imported = { ...defaultSettings(), houseStyle: withImportedSet(defaultSettings().houseStyle, oneRule, 'ours.json', new Date('2026-12-07T10:00:00Z')) };
    const off = applySettingsPatch(imported, SettingsPatchSchema.parse({ houseStyle: { en: { disabled: ['x', 'x'] }, wordList: ['가', '가', '나'] } }));
    expect(off.houseStyle.en.disabled).toEqual(['x']);
    expect(off.houseStyle.wordList).toEqual(['가', '나']);
    expect(off.houseStyle.ko.custom?.set.rules).toHaveLength(1);
    const outlet = applySettingsPatch(off, SettingsPatchSchema.parse({ outlet: '한빛경제' }));
    expect(outlet.houseStyle).toEqual(off.houseStyle);
    const back = applySettingsPatch(outlet, SettingsPatchSchema.parse({ houseStyle: { ko: { useDefault: true } } }));
    expect(back.houseStyle.ko).toEqual({ custom: null, disabled: [] });
    expect(back.houseStyle.en.disabled).toEqual(['x']);
  });

  it('refuses a patch carrying a set, a word with spaces, and a list past its bound', () => {
    expect(SettingsPatchSchema.safeParse({ houseStyle: { ko: { custom: { set: oneRule } } } }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ houseStyle: { wordList: ['두 단어'] } }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ houseStyle: { wordList: Array.from({ length: 5001 }, (_, i) => `w${i}`) } }).success).toBe(false);
  });

  it('activeRuleSets: the set in force less the rules turned off, the same object while settings are unchanged', () => {
    const ids = defaultRuleSets().ko.rules.slice(0, 3).map((r) => r.id);
    const settings = applySettingsPatch(defaultSettings(), SettingsPatchSchema.parse({ houseStyle: { ko: { disabled: ids } } }));
    const active = activeRuleSets(settings);
    expect(active.ko.rules.length).toBe(defaultRuleSets().ko.rules.length - 3);
    expect(active.ko.rules.some((r) => ids.includes(r.id))).toBe(false);
    expect(active.en).toBe(defaultRuleSets().en);
    expect(activeRuleSets(settings).ko).toBe(active.ko);
  });
});
