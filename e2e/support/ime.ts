// Korean IME input through the Chrome DevTools Protocol: each syllable is composed jamo by jamo
// with Input.imeSetComposition and committed with Input.insertText, which is what a real IME
// sends. `keyboard.type` would skip composition entirely and prove nothing.
import type { CDPSession, Locator, Page } from '@playwright/test';
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

  /**
   * Starts recording what `target` goes through (composition events, focus, and its text after each
   * DOM change), so a failed expectation can say where a composition broke.
   */
  static async record(target: Locator): Promise<() => Promise<string>> {
    await target.evaluate((el) => {
      const log: string[] = [];
      (el as HTMLElement & { __imeLog?: string[] }).__imeLog = log;
      const at = () => performance.now().toFixed(0);
      for (const type of ['compositionstart', 'compositionupdate', 'compositionend', 'blur', 'focus']) {
        el.addEventListener(type, (e) => log.push(`${at()} ${type} ${(e as CompositionEvent).data ?? ''}`), true);
      }
      new MutationObserver((records) => log.push(`${at()} mutation ${records.map((r) => r.type).join(',')} → ${el.textContent}`)).observe(el, { childList: true, subtree: true, characterData: true });
    });
    return () => target.evaluate((el) => ((el as HTMLElement & { __imeLog?: string[] }).__imeLog ?? []).join(' | '));
  }

  async settle(): Promise<void> {
    await this.page.waitForTimeout(SETTLE_MS);
  }
}
