// A receiver's record of each sender's numbered signals: a copy is dropped, a gap is counted, a
// signal of the gap arriving late is still applied (once), a new boot starts over, a beacon shows
// the signals missed at the end of a burst, a gap the subscription's return mended already is not
// counted again, and what is kept stays bounded.
import { describe, expect, it } from 'vitest';
import { HeardSignals } from './heardSignals';

describe('HeardSignals', () => {
  it('applies each number once and drops copies, in any order', () => {
    const heard = new HeardSignals();
    expect(heard.note('a', 'boot1', 1)).toEqual({ fresh: true, unheard: 0 });
    expect(heard.note('a', 'boot1', 2)).toEqual({ fresh: true, unheard: 0 });
    expect(heard.note('a', 'boot1', 2)).toEqual({ fresh: false, unheard: 0 });
    expect(heard.note('a', 'boot1', 1)).toEqual({ fresh: false, unheard: 0 });
    // Another sender's numbers are its own.
    expect(heard.note('b', 'boot9', 2)).toEqual({ fresh: true, unheard: 0 });
  });

  it('counts a gap, and applies a signal of it that arrives late once', () => {
    const heard = new HeardSignals();
    heard.note('a', 'boot1', 1);
    expect(heard.note('a', 'boot1', 4)).toEqual({ fresh: true, unheard: 2 });
    expect(heard.note('a', 'boot1', 3)).toEqual({ fresh: true, unheard: 0 });
    expect(heard.note('a', 'boot1', 3)).toEqual({ fresh: false, unheard: 0 });
    expect(heard.note('a', 'boot1', 4)).toEqual({ fresh: false, unheard: 0 });
  });

  it('starts over with a sender that started again (a new boot)', () => {
    const heard = new HeardSignals();
    heard.note('a', 'boot1', 7);
    expect(heard.note('a', 'boot2', 1)).toEqual({ fresh: true, unheard: 0 });
    expect(heard.note('a', 'boot2', 2)).toEqual({ fresh: true, unheard: 0 });
  });

  it('takes a beacon as the last number published: the ones not heard up to it are a gap, applied if they come', () => {
    const heard = new HeardSignals();
    heard.note('a', 'boot1', 1);
    expect(heard.note('a', 'boot1', 1, false)).toEqual({ fresh: false, unheard: 0 });
    expect(heard.note('a', 'boot1', 3, false)).toEqual({ fresh: false, unheard: 2 });
    expect(heard.note('a', 'boot1', 3)).toEqual({ fresh: true, unheard: 0 });
    expect(heard.note('a', 'boot1', 4)).toEqual({ fresh: true, unheard: 0 });
  });

  it('does not count again a gap from before the subscription came back (mended then), but applies its signals if they come', () => {
    const heard = new HeardSignals();
    heard.note('a', 'boot1', 1);
    heard.note('b', 'boot1', 1);
    heard.cover();
    expect(heard.note('a', 'boot1', 4)).toEqual({ fresh: true, unheard: 0 });
    expect(heard.note('b', 'boot1', 3, false)).toEqual({ fresh: false, unheard: 0 });
    expect(heard.note('a', 'boot1', 2)).toEqual({ fresh: true, unheard: 0 });
    // Covered once: the next gap counts.
    expect(heard.note('a', 'boot1', 6)).toEqual({ fresh: true, unheard: 1 });
    expect(heard.note('b', 'boot1', 5)).toEqual({ fresh: true, unheard: 1 });
  });

  it('keeps a bounded list of missing numbers: a huge gap is counted whole, only its last thousand kept', () => {
    const heard = new HeardSignals();
    heard.note('a', 'boot1', 1);
    expect(heard.note('a', 'boot1', 1_000_002)).toEqual({ fresh: true, unheard: 1_000_000 });
    expect(heard.note('a', 'boot1', 1_000_001).fresh).toBe(true);
    expect(heard.note('a', 'boot1', 1_000_000 - 999).fresh).toBe(false);
  });

  it('forgets the sender heard least recently past a hundred', () => {
    const heard = new HeardSignals();
    heard.note('first', 'boot', 1);
    for (let i = 0; i < 100; i++) heard.note(`other${i}`, 'boot', 1);
    // Forgotten: its next number is taken as a first one, no gap.
    expect(heard.note('first', 'boot', 5)).toEqual({ fresh: true, unheard: 0 });
    expect(heard.note('other99', 'boot', 3)).toEqual({ fresh: true, unheard: 1 });
  });
});
