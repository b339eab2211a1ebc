// Search matches shown as <mark> inside a headline or snippet. The core sends [start, end)
// offsets; they are clipped, sorted and merged here so a bad range can never drop or repeat text.
import { Fragment } from 'react';
import type { Mark } from '../../../shared/search/query';

export interface Segment {
  text: string;
  marked: boolean;
}

/** `text` cut into plain and marked runs that join back to exactly `text`. */
export function markSegments(text: string, marks: readonly Mark[]): Segment[] {
  const ranges = marks
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (e <= at) continue; // inside the previous mark
    const start = Math.max(s, at);
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    const last = out[out.length - 1];
    if (last?.marked && start === at) last.text += text.slice(start, e);
    else out.push({ text: text.slice(start, e), marked: true });
    at = e;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), marked: false });
  return out.filter((s) => s.text !== '');
}

export function Marked({ text, marks }: { text: string; marks: readonly Mark[] }) {
  return (
    <>
      {markSegments(text, marks).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </>
  );
}
