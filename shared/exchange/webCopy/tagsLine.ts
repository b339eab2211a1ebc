// The topics line at the foot of a page: `Related topics: a, b, c`, `관련 태그: a, b`,
// `Tags: a | b`, `키워드 : a·b`, or hashtags (`#배터리 #재활용`); or a topics heading with one topic
// a line under it (`Explore more on these topics`, `관련 태그`). Tags are kept as the page lists
// them, without duplicates and within the article's limits.

const LABELLED = /^(related topics|topics|tags|tagged|tagged with|keywords|관련 태그|관련태그|태그|키워드|관련 키워드|주제어)\s*[:：]\s*(.+)$/i;
const HASHTAGS = /^(#[^\s#]{1,100}\s*)+$/u;
/** The article model's limits (ArticleContentSchema.tags). */
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;

/** A heading whose list of topics follows, one a line. */
const TOPICS_HEADING = /^(explore more on (these|this) topics?|more on (these|this) topics?|related topics|topics|tags|keywords|관련 ?태그|태그|키워드|관련 ?키워드|주제어)\s*[:：]?$/i;
/** A topic on a line of its own: short, a label not a sentence. */
const TOPIC = /^(?!.*[.!?。:：]$).{1,40}$/u;

export const isTopicsHeading = (line: string): boolean => TOPICS_HEADING.test(line);

/** One line of a topics list, or null when the line is no topic (the list has ended). */
export function parseTopicLine(line: string): string | null {
  const topic = line.replace(/^[•·▪◦‣∙-]\s*|^#/u, '').trim();
  return topic && TOPIC.test(topic) ? topic : null;
}

/** The tags on a tags line, or null when the line is not one. */
export function parseTagsLine(line: string): string[] | null {
  const labelled = LABELLED.exec(line);
  const items = labelled ? labelled[2].split(/\s*[,，、|·ㆍ;]\s*|\s+(?=#)/) : HASHTAGS.test(line) ? line.split(/\s+/) : null;
  if (!items) return null;
  const tags = items.map((t) => t.replace(/^#/, '').trim()).filter((t) => t && t.length <= MAX_TAG_LENGTH);
  return tags.length ? tags : null;
}

export function addTags(into: string[], tags: readonly string[]): void {
  for (const tag of tags) if (!into.includes(tag) && into.length < MAX_TAGS) into.push(tag);
}
