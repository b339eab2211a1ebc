// A person's caret colour in a live story: the same on every machine (from their id), readable as
// a caret and as a selection tint on white, and never the app's own accent or error red.
const PALETTE = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#ff7f0e', '#3b5b92', '#6a8e23'];

export function personColour(personId: string): string {
  let hash = 0;
  for (const ch of personId) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
