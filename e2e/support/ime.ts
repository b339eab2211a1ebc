// Korean IME input through the Chrome DevTools Protocol: each syllable is composed jamo by jamo
// with Input.imeSetComposition and committed with Input.insertText, which is what a real IME
// sends. `keyboard.type` would skip composition entirely and prove nothing.
import type { CDPSession, Page } from '@playwright/test';
import { compositionSteps } from './hangul';

/** ProseMirror moves its selection asynchronously after a commit; keys sent sooner land at the old caret. */
export const SETTLE_MS = 120;

export class Ime {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<Ime> {
    return new Ime(page, await page.context().newCDPSession(page));
  }

  /** Shows `text` as the open composition, caret at its end. */
  async compose(text: string): Promise<void> {
    await this.cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  }

  async commit(text: string): Promise<void> {
    await this.cdp.send('Input.insertText', { text });
  }

  /** Cancelling a composition = an empty composition, then an empty commit. */
  async cancel(): Promise<void> {
    await this.compose('');
    await this.commit('');
  }

  /** Types Hangul (and spaces/punctuation) syllable by syllable through composition. */
  async type(text: string): Promise<void> {
    for (const ch of text) {
      const steps = compositionSteps(ch);
      if (steps.length === 1 && steps[0] === ch && !/[\uac00-\ud7a3]/.test(ch)) {
        await this.commit(ch);
        continue;
      }
      for (const step of steps) await this.compose(step);
      await this.commit(ch);
    }
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.page.waitForTimeout(SETTLE_MS);
  }
}
