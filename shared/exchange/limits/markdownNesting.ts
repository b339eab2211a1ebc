// How deep Markdown nests, and how much work that makes for marked, from the start of each line:
// `>` quote markers, list markers (`-`, `*`, `+`, `1.`, `1)`) and indentation (two columns a level,
// a tab to the next multiple of four). marked lexes the content of every nested block again at
// each level, so its time and memory grow with Σ line length × depth, the `work` returned here.
// A line that goes straight on from the line before (a lazy continuation) is as deep as that
// line; fenced code is as deep as its fence. Over-counting is harmless; under-counting is not.

export interface MarkdownNesting {
  depth: number;
  work: number;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Nesting of one line's start: indentation columns, quote and list markers. */
function lineDepth(line: string): { depth: number; blank: boolean; fence: boolean } {
  let i = 0;
  let columns = 0;
  let markers = 0;
  const n = line.length;
  for (;;) {
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4 - (columns % 4);
      else break;
      i++;
    }
    if (i >= n) break;
    if (line.charCodeAt(i) === 62 /* > */) {
      markers++;
      i++;
      if (line.charCodeAt(i) === 32) i++; // the space after '>' belongs to the marker
      continue;
    }
    // Only look at a short prefix: a marker is at most ten characters.
    const m = LIST_MARKER.exec(line.slice(i, i + 12));
    if (!m) break;
    markers++;
    i += m[0].length;
  }
  const rest = line.slice(i, i + 3);
  return { depth: markers + Math.floor(columns / 2), blank: i >= n, fence: rest === '```' || rest === '~~~' };
}

export function markdownNesting(text: string, stopAtDepth = Infinity, stopAtWork = Infinity): MarkdownNesting {
  let depth = 0;
  let work = 0;
  let previous = 0; // depth of the line before, 0 after a blank line
  let fence = -1; // depth of the open code fence, -1 outside one
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    at = end + 1;
    const own = lineDepth(line);
    let d: number;
    if (fence >= 0) {
      d = fence;
      if (own.fence) fence = -1;
    } else {
      d = own.blank ? 0 : Math.max(own.depth, previous);
      if (own.fence) fence = d;
    }
    previous = own.blank ? 0 : d;
    if (d > depth) depth = d;
    work += line.length * d;
    if (depth > stopAtDepth || work > stopAtWork) break;
    if (nl < 0) break;
  }
  return { depth, work };
}
