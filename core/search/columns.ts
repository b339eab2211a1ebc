// Building blocks of the list table's columns (ListTable.ts): strings that repeat across articles
// (desks, outlets, kickers, people, tag and byline lists) kept once and referred to by number,
// and dates kept as numbers. One object per article costs about a kilobyte at 100,000 articles;
// numbers in typed arrays cost a few bytes each.

/** Each distinct string once, by code. Codes are never reused: the pool holds what the library has seen this session. */
export class StringPool {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [];

  code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(s);
      this.codes.set(s, c);
    }
    return c;
  }

  /** The code of a string already in the pool, or -1. */
  find(s: string): number {
    return this.codes.get(s) ?? -1;
  }

  value(code: number): string {
    return this.values[code];
  }

  /** -1 for null. */
  nullable(s: string | null): number {
    return s === null ? -1 : this.code(s);
  }

  valueOrNull(code: number): string | null {
    return code === -1 ? null : this.values[code];
  }
}

/**
 * Each distinct list (of tags, of reporters) once, by code. The stored lists are shared by every
 * row that has them and never handed out to be changed: readers get copies (`ListTable.entry`)
 * or read-only views.
 */
export class ListPool<T> {
  private readonly codes = new Map<string, number>();
  private readonly values: (readonly T[])[] = [];

  constructor(private readonly key: (list: readonly T[]) => string) {
    this.code([]); // code 0: the empty list, most rows' tags or byline
  }

  code(list: readonly T[]): number {
    if (list.length === 0 && this.values.length > 0) return 0;
    const k = this.key(list);
    let c = this.codes.get(k);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(Object.freeze([...list]));
      this.codes.set(k, c);
    }
    return c;
  }

  value(code: number): readonly T[] {
    return this.values[code];
  }
}

/**
 * A date column: the time in a Float64Array (what sorting and filtering read), and the text only
 * where the time alone would not give it back exactly (not in `toISOString`'s form, or no valid
 * date at all). Null is NaN with no text.
 */
export class DateColumn {
  ms = new Float64Array(1024);
  private readonly odd = new Map<number, string | null>();

  grow(size: number): void {
    if (size <= this.ms.length) return;
    const next = new Float64Array(size);
    next.set(this.ms);
    this.ms = next;
  }

  set(slot: number, s: string | null): void {
    if (this.odd.size > 0) this.odd.delete(slot);
    if (s === null) {
      this.ms[slot] = NaN;
      return;
    }
    const ms = Date.parse(s);
    this.ms[slot] = ms;
    if (!Number.isFinite(ms) || !isCanonical(s, ms)) this.odd.set(slot, s);
  }

  get(slot: number): string | null {
    const odd = this.odd.get(slot);
    if (odd !== undefined) return odd;
    const ms = this.ms[slot];
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }

  clear(slot: number): void {
    if (this.odd.size > 0) this.odd.delete(slot);
    this.ms[slot] = NaN;
  }
}

const DIGIT = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const two = (s: string, i: number) => DIGIT(s, i) * 10 + DIGIT(s, i + 1);

/**
 * Whether `toISOString` of `ms` (what `s` parsed to) gives back `s` itself. Checked on the text's
 * shape (YYYY-MM-DDTHH:mm:ss.sssZ, each part in range) without formatting the date, which costs
 * more than the rest of a row at 100,000 rows; only a day past the 28th is checked by formatting.
 */
function isCanonical(s: string, ms: number): boolean {
  if (s.length !== 24 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.' || s[23] !== 'Z') return false;
  const month = two(s, 5);
  const day = two(s, 8);
  if (!(two(s, 0) >= 0 && two(s, 2) >= 0 && month >= 1 && month <= 12 && day >= 1 && two(s, 11) <= 23 && two(s, 14) <= 59 && two(s, 17) <= 59 && two(s, 20) >= 0 && DIGIT(s, 22) >= 0)) return false;
  return day <= 28 || new Date(ms).toISOString() === s;
}

/** A copy of `a` `size` long (at least), same type, contents kept. */
export function grown<T extends Uint8Array | Int32Array | Float64Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}

/**
 * A list of slots in a typed array, changed in place: inserting or removing one moves the rest
 * with copyWithin. A plain array of 100,000 numbers gets a new backing store on a splice, each
 * one a large object that only a full collection frees: three standing orders, two splices a
 * save, hundreds of megabytes of garbage over a few dozen saves.
 */
export class SlotList {
  private data = new Int32Array(1024);
  length = 0;

  static of(slots: readonly number[]): SlotList {
    const list = new SlotList();
    list.data = Int32Array.from(slots);
    list.length = slots.length;
    return list;
  }

  at(i: number): number {
    return this.data[i];
  }

  /** The slots, as a view (valid until the next change). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  insert(i: number, slot: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1);
    this.data.copyWithin(i + 1, i, this.length);
    this.data[i] = slot;
    this.length++;
  }

  removeAt(i: number): void {
    this.data.copyWithin(i, i + 1, this.length);
    this.length--;
  }

  indexOf(slot: number): number {
    return this.view().indexOf(slot);
  }
}
