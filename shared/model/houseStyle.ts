// The house style's settings (issue 19): per language, the rule set in force — the one Copydesk
// ships, or one an admin imported (kept whole, as it was proven: the checker never proves it again)
// — with the rules the admin turned off; and the newsroom's word list, the words spelling accepts.
// Changing the set itself is `importHouseStyle` only, so no unproven pattern can reach the checker
// through a settings patch: a patch can turn rules off and on, go back to the default set, and edit
// the word list.
import { z } from 'zod';
import { RuleSetSchema, type RuleSet } from '../style/ruleSchema';

/** The newsroom's accepted words: one word each (no spaces), bounded so settings stay small. */
export const MAX_WORD_LIST = 5000;
export const WordSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^\S+$/u, 'one word, without spaces');

/** Rule ids as the rule schema spells them; bounded like a set's rules. */
const DisabledSchema = z.array(z.string().min(1).max(80)).max(2000);

export const HouseStyleLanguageSchema = z.object({
  /** null: the default set; else the set imported from a file, as it was proven then. */
  custom: z.object({ set: RuleSetSchema, importedAt: z.string().datetime(), name: z.string().max(255) }).nullable(),
  /** Ids of the rules turned off in the set in force (an id the set lacks is ignored). */
  disabled: DisabledSchema,
});
export type HouseStyleLanguage = z.infer<typeof HouseStyleLanguageSchema>;

const defaultLanguage = (): HouseStyleLanguage => ({ custom: null, disabled: [] });

/** Each word once, in the order first given. */
const uniqueWords = (words: string[]) => [...new Set(words)];

export const HouseStyleSettingsSchema = z.object({
  ko: HouseStyleLanguageSchema.default(defaultLanguage),
  en: HouseStyleLanguageSchema.default(defaultLanguage),
  wordList: z.array(WordSchema).max(MAX_WORD_LIST).default([]).transform(uniqueWords),
});
export type HouseStyleSettings = z.infer<typeof HouseStyleSettingsSchema>;

export function defaultHouseStyle(): HouseStyleSettings {
  return { ko: defaultLanguage(), en: defaultLanguage(), wordList: [] };
}

/**
 * What a settings patch may change in the house style. `useDefault` goes back to the shipped set
 * (and, unless `disabled` is given too, turns every rule back on). Languages left out are kept.
 */
const LanguagePatchSchema = z.object({ useDefault: z.literal(true).optional(), disabled: DisabledSchema.optional() }).strict();
export const HouseStylePatchSchema = z
  .object({
    ko: LanguagePatchSchema.optional(),
    en: LanguagePatchSchema.optional(),
    wordList: z.array(WordSchema).max(MAX_WORD_LIST).transform(uniqueWords).optional(),
  })
  .strict();
export type HouseStylePatch = z.infer<typeof HouseStylePatchSchema>;

/** The house style after a patch: pure, shared by the desktop's settings file and the server's settings row. */
export function patchHouseStyle(current: HouseStyleSettings, patch: HouseStylePatch): HouseStyleSettings {
  const language = (now: HouseStyleLanguage, p: z.infer<typeof LanguagePatchSchema> | undefined): HouseStyleLanguage => {
    if (!p) return now;
    const custom = p.useDefault ? null : now.custom;
    const disabled = p.disabled ?? (p.useDefault ? [] : now.disabled);
    return { custom, disabled: [...new Set(disabled)] };
  };
  return { ko: language(current.ko, patch.ko), en: language(current.en, patch.en), wordList: patch.wordList ?? current.wordList };
}

/** The house style with a proven set in force for its language, every rule of it on. */
export function withImportedSet(current: HouseStyleSettings, set: RuleSet, name: string, at: Date): HouseStyleSettings {
  return { ...current, [set.language]: { custom: { set, importedAt: at.toISOString(), name: name.slice(0, 255) }, disabled: [] } };
}
