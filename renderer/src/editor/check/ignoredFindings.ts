// "Ignore here": a finding the writer has looked at and kept. It is known by its rule, its text and
// a few characters either side, so it stays ignored while the paragraph around it is edited, and
// comes back if the same mistake is made elsewhere. Kept per article on this machine.
const CONTEXT = 8;
const LIMIT = 500;

export type IgnoredFindings = { has(key: string): boolean; add(key: string): void };

export function ignoreKey(ruleId: string, paragraph: string, offset: number, length: number): string {
  return [ruleId, paragraph.slice(Math.max(0, offset - CONTEXT), offset), paragraph.slice(offset, offset + length), paragraph.slice(offset + length, offset + length + CONTEXT)].join('\u0001');
}

/** Ignored findings of one article, kept in `storage` (localStorage in the app) under the article's id. */
export function storedIgnores(storage: Pick<Storage, 'getItem' | 'setItem'> | null, articleId: string): IgnoredFindings {
  const name = `copydesk.ignoredFindings.${articleId}`;
  let keys: string[] = [];
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(name) ?? '[]');
    if (Array.isArray(parsed)) keys = parsed.filter((k): k is string => typeof k === 'string');
  } catch {
    // A damaged entry only means nothing is ignored yet.
  }
  const set = new Set(keys);
  return {
    has: (key) => set.has(key),
    add(key) {
      set.add(key);
      // The oldest go first; an ignore is a convenience, not a record.
      const kept = [...set].slice(-LIMIT);
      try {
        storage?.setItem(name, JSON.stringify(kept));
      } catch {
        // Storage full or unavailable: ignored for this session only.
      }
    },
  };
}
