// One headless client's typing in the load run: it owns one paragraph of its story (its index
// among the story's clients) and types there about 5 times a second, keeping the paragraph near
// its starting size by deleting where it grows past it. Some Korean comes as an IME would send
// it: a jamo, then, next keystroke, the jamo replaced by the syllable. Nobody else touches the
// paragraph, so `expected` (what it typed, in order) is exactly what every replica and the
// database must hold there at the end: any difference is a lost edit.
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/live/bodyFragment';
import type { CollabClient } from '../../server/testing/collabClient';
import type { EditClock } from '../collab/editClock';

const SYLLABLES = '폐배터리에서리튬을캐는도시광산재활용경쟁이불붙었다';
// The first jamo of each syllable above (what the IME shows before the vowel comes).
const JAMO = 'ㅍㅂㅌㄹㅇㅅㄹㅌㅇㅋㄴㄷㅅㄱㅅㅈㅎㅇㄱㅈㅇㅂㅂㅇㄷ';
const LATIN = 'the quick brown fox jumps over a lazy dog ';

/** The paragraphs a story starts with: one per client, `size` characters each. */
export function seedStory(client: CollabClient, paragraphs: number, size: number): void {
  const fragment = client.doc.getXmlFragment(BODY_FRAGMENT);
  client.doc.transact(() => {
    fragment.delete(0, fragment.length);
    for (let k = 0; k < paragraphs; k++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(startingText(k, size))]);
      fragment.insert(k, [paragraph]);
    }
  });
}

export function startingText(k: number, size: number): string {
  let text = '';
  for (let i = k; text.length < size; i++) text += SYLLABLES[i % SYLLABLES.length];
  return text;
}

/** The text of paragraph `k` in a replica ('' where it is missing). */
export function paragraphText(doc: Y.Doc, k: number): string {
  const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(k);
  if (!(paragraph instanceof Y.XmlElement)) return '';
  return paragraph
    .toArray()
    .map((run) => (run instanceof Y.XmlText ? run.toString() : ''))
    .join('');
}

export class Typist {
  expected: string;
  edits = 0;
  private composing: { at: number; syllable: string } | null = null;

  constructor(
    readonly client: CollabClient,
    readonly k: number,
    readonly size: number,
    private readonly rand: () => number,
  ) {
    this.expected = startingText(k, size);
  }

  private run(): Y.XmlText {
    const paragraph = this.client.doc.getXmlFragment(BODY_FRAGMENT).get(this.k) as Y.XmlElement;
    return paragraph.get(0) as Y.XmlText;
  }

  /** One keystroke, timed by `clock`. */
  stroke(clock: EditClock): void {
    const run = this.run();
    const rand = this.rand;
    if (this.composing) {
      const { at, syllable } = this.composing;
      this.composing = null;
      clock.edit(this.client, () =>
        this.client.doc.transact(() => {
          run.delete(at, 1);
          run.insert(at, syllable);
        }),
      );
      this.expected = this.expected.slice(0, at) + syllable + this.expected.slice(at + 1);
    } else if (this.expected.length > this.size) {
      const at = Math.floor(rand() * this.expected.length);
      clock.edit(this.client, () => run.delete(at, 1));
      this.expected = this.expected.slice(0, at) + this.expected.slice(at + 1);
    } else {
      const at = this.expected.length;
      const i = Math.floor(rand() * SYLLABLES.length);
      const roll = rand();
      // A third composed Korean, a third whole syllables, a third Latin letters and spaces.
      const text = roll < 1 / 3 ? JAMO[i] : roll < 2 / 3 ? SYLLABLES[i] : LATIN[Math.floor(rand() * LATIN.length)];
      if (roll < 1 / 3) this.composing = { at, syllable: SYLLABLES[i] };
      clock.edit(this.client, () => run.insert(at, text));
      this.expected += text;
    }
    this.edits += 1;
  }

  /** Characters that differ between what it typed and what `doc` holds in its paragraph (0: nothing lost). */
  lostIn(doc: Y.Doc): number {
    const actual = paragraphText(doc, this.k);
    if (actual === this.expected) return 0;
    let start = 0;
    while (start < actual.length && start < this.expected.length && actual[start] === this.expected[start]) start++;
    let end = 0;
    while (end < actual.length - start && end < this.expected.length - start && actual[actual.length - 1 - end] === this.expected[this.expected.length - 1 - end]) end++;
    return Math.max(1, Math.max(actual.length, this.expected.length) - start - end);
  }
}
