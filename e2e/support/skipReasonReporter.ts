// Prints why specs were skipped (e.g. "no Electron binary on this machine"), once per reason, so a
// skipped Electron run is never mistaken for a passing one.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    const key = `[${test.parent.project()?.name ?? '?'}] ${reason}`;
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
  }

  onEnd(): void {
    for (const [reason, count] of this.reasons) console.log(`\n  SKIPPED ${count} spec${count === 1 ? '' : 's'} ${reason}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
