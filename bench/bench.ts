// What a bench is: a name and a run, at full size (`npm run bench`) or at small sizes (`--quick`:
// every bench in a few minutes, run by `npm test` so a bench that no longer runs fails CI). Both
// print their figures beside a baseline measured in the same run.
export interface BenchOptions {
  quick: boolean;
}

export interface Bench {
  name: string;
  run(opts: BenchOptions): Promise<string[]>;
}

/** The full-run value, or the quick one. */
export function sized<T>(opts: BenchOptions, full: T, quick: T): T {
  return opts.quick ? quick : full;
}

/** Library sizes for the scale benches: COPYDESK_BENCH_SIZES (comma-separated) overrides both modes. */
export function scaleSizes(opts: BenchOptions, full: number[], quick: number[]): number[] {
  const env = process.env.COPYDESK_BENCH_SIZES;
  if (!env) return sized(opts, full, quick);
  return env.split(',').map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && n > 0);
}

/** A bench whose run went wrong (lost saves, failed imports) fails with the lines it measured as its reason. */
export function benchCheck(ok: boolean, lines: string[]): void {
  if (!ok) throw new Error(`the bench ran but what it measured is wrong:\n${lines.join('\n')}`);
}
