// The pre-approval checklist: what must be true before an editor approves. Which items apply is
// a library setting; the core runs this on `approve` and refuses with the list of what is missing
// unless an editor overrides (and the override is recorded).
import { z } from 'zod';
import type { ArticleContent, Language } from '../model/article';
import type { HouseStyleSettings } from '../model/houseStyle';
import { blockTexts, countBlocks } from '../counting/countBody';
import { lengthProgress } from '../counting/sheets';
import { activeRuleSets } from '../style/activeRuleSets';
import type { RuleSet } from '../style/ruleSchema';
import { houseStylePlaces, type StyleCheckedContent } from './houseStylePlaces';
import { figurePlaces, openMarkPlaces, type ProblemPlace } from './places';

export const ChecklistItemSchema = z.enum(['headline', 'byline', 'photo', 'photoCaption', 'photoCredit', 'photoAlt', 'openNotes', 'houseStyle', 'length', 'embargo']);
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
export const CHECKLIST_ITEMS = ChecklistItemSchema.options;

export const ChecklistSettingsSchema = z.object({
  // An item missing here (added in a later version) is on.
  items: z.partialRecord(ChecklistItemSchema, z.boolean()),
  /** How far from the length target (in %, either way) still counts as on target. */
  lengthTolerancePct: z.number().int().min(0).max(100),
  /** Tags that mean "this story must carry an embargo time" (엠바고 기사). */
  embargoTags: z.array(z.string().min(1).max(100)).max(20),
});
export type ChecklistSettings = z.infer<typeof ChecklistSettingsSchema>;

export function defaultChecklist(): ChecklistSettings {
  return {
    items: Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i, true])) as Record<ChecklistItem, boolean>,
    lengthTolerancePct: 10,
    embargoTags: ['엠바고', 'embargo'],
  };
}

/** What the checklist reads of the settings: the settings model is built from this file's schema, so this file names only the parts it reads. */
export type ChecklistSettingsOf = { workflow: { checklist: ChecklistSettings }; houseStyle: Pick<HouseStyleSettings, Language> };

/** The enabled items this article fails, in checklist order. */
export function missingForApproval(content: ArticleContent, settings: ChecklistSettingsOf): ChecklistItem[] {
  const { items, lengthTolerancePct, embargoTags } = settings.workflow.checklist;
  const sets = activeRuleSets(settings);
  // The body's items fail exactly where checklistPlaces points, so the list and its places agree.
  const inBody = (item: ChecklistItem) => () => checklistPlaces(item, content, sets).length > 0;
  const failed: Record<ChecklistItem, () => boolean> = {
    headline: () => content.headline.trim() === '',
    byline: () => !content.byline.reporters.some((r) => r.name.trim() !== ''),
    photo: inBody('photo'),
    photoCaption: inBody('photoCaption'),
    photoCredit: inBody('photoCredit'),
    photoAlt: inBody('photoAlt'),
    openNotes: inBody('openNotes'),
    houseStyle: inBody('houseStyle'),
    length: () => {
      const progress = lengthProgress(countBlocks(blockTexts(content.body).body), content.lengthTarget);
      return progress !== null && Math.abs(progress - 1) * 100 > lengthTolerancePct;
    },
    embargo: () => content.embargo === null && content.tags.some((t) => embargoTags.includes(t.trim().toLowerCase()) || embargoTags.includes(t.trim())),
  };
  return CHECKLIST_ITEMS.filter((item) => items[item] !== false && failed[item]());
}

/**
 * Where to fix a failed item: each photo missing the field, each open note and TK, each house-style
 * finding nobody kept (under `sets`, the rules in force), or the field beside the body that is
 * wrong (the length item points at the length target).
 */
export function checklistPlaces(item: ChecklistItem, content: StyleCheckedContent, sets: Partial<Record<Language, RuleSet>>): ProblemPlace[] {
  const { body } = content;
  switch (item) {
    case 'photo':
      return figurePlaces(body, 'photo');
    case 'photoCaption':
      return figurePlaces(body, 'caption');
    case 'photoCredit':
      return figurePlaces(body, 'credit');
    case 'photoAlt':
      return figurePlaces(body, 'alt');
    case 'openNotes':
      return openMarkPlaces(body);
    case 'houseStyle':
      return houseStylePlaces(content, sets);
    case 'headline':
    case 'byline':
    case 'embargo':
      return [{ kind: 'field', field: item }];
    case 'length':
      return [{ kind: 'field', field: 'lengthTarget' }];
  }
}

/** True while an embargo holds the article back. */
export function isEmbargoed(content: Pick<ArticleContent, 'embargo'>, now: Date): boolean {
  return content.embargo !== null && Date.parse(content.embargo) > now.getTime();
}
