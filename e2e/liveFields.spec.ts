// The fields beside the body, live (issue 16, item 1): a reporter and an editor in one story, each
// on their own machine. The headline is a small editor on the story's document: the reporter
// composes Korean in it jamo by jamo while the editor types in the same headline, and neither loses
// a letter. Deck lines, the dateline and the note to the desk travel as they are typed; tags added
// by both at once are all kept, and the byline's outlet and desk changed by different people both
// stay. Nothing is saved the old way (no revision conflict); what both screens show is what the
// server holds, and the step's version holds the fields as they were typed.
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { Ime } from './support/ime';
import { liveFieldLines as lines, liveFieldText as text } from './support/editor';
import { open } from './support/desk';
import { REPORTER, reporterAndEditor, storyId, storyOnServer } from './support/newsroomDesk';

const SHOTS = 'test-results/shots/live-fields';

const field = (page: Page, id: string) => page.getByTestId(id);
async function stored(page: Page) {
  await expect(page.getByTestId('live-sync')).toHaveAttribute('data-stored', 'true');
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop > 0 && (el.scrollTop = 0)));
  await page.screenshot({ path: `${SHOTS}-${name}.png` });
}

/** Puts the caret at the end of a live field's last line. */
async function caretAtEnd(page: Page, id: string) {
  await field(page, id).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('End');
}

test('the fields beside the body, live: Korean composed in the headline while the other types there, deck, tags, byline and note merged, nothing saved twice', async ({ host, hostBrowser, uiLocale }) => {
  test.skip(host === 'electron', 'two machines are two browser hosts, each in its own browser context');
  test.setTimeout(180_000);
  const cleanups: (() => Promise<unknown>)[] = [];
  await mkdir('test-results/shots', { recursive: true });
  try {
    const desk = await reporterAndEditor(hostBrowser!, uiLocale, cleanups);
    const { server } = desk;
    const [reporter, editor] = [desk.reporter.page, desk.editor.page];

    // ——— The reporter starts a story; its headline reaches the server as typed, with no save. ———
    await reporter.getByTestId('new-article').click();
    await expect(field(reporter, 'field-headline')).toHaveAttribute('contenteditable', 'true');
    await field(reporter, 'field-headline').fill('수소버스 도입');
    await stored(reporter);
    const id = await storyId(server, 'kim', '수소버스 도입');
    await open(editor, '수소버스 도입');
    await expect(editor.getByTestId('live-person')).toHaveText([REPORTER.name]);
    await expect.poll(() => text(editor, 'field-headline')).toBe('수소버스 도입');

    // ——— Korean composed in the headline by the reporter while the editor types at its end. ———
    await field(reporter, 'field-headline').click();
    await reporter.keyboard.press('Home');
    const ime = await Ime.attach(reporter);
    await ime.settle();
    // What the headline went through, for the failure message.
    const imeLog = await Ime.record(field(reporter, 'field-headline'));
    await caretAtEnd(editor, 'field-headline');
    await ime.compose('ㅅ');
    await editor.keyboard.insertText(' 100대');
    await ime.compose('서');
    await ime.compose('서우');
    await editor.keyboard.insertText(' 내년까지');
    await ime.compose('서울');
    await ime.commit('서울');
    await ime.type('시 ');
    const headline = '서울시 수소버스 도입 100대 내년까지';
    await expect.poll(() => text(reporter, 'field-headline'), { message: `the headline; what it went through: ${await imeLog()}` }).toBe(headline);
    await expect.poll(() => text(editor, 'field-headline')).toBe(headline);
    await expect(editor.locator('.collaboration-carets__label')).toHaveText(REPORTER.name);
    await shot(editor, 'caret-in-the-headline');

    // ——— Deck lines, dateline and the note to the desk travel as typed. ———
    await field(editor, 'field-deck').click();
    await editor.keyboard.insertText('충전소 20곳 함께 짓는다');
    await editor.keyboard.press('Enter');
    await editor.keyboard.insertText('시의회 승인 남아');
    await expect.poll(() => lines(reporter, 'field-deck')).toEqual(['충전소 20곳 함께 짓는다', '시의회 승인 남아']);
    await field(reporter, 'field-dateline').fill('서울');
    await field(reporter, 'field-desk-note').click();
    await ime.type('사진은 오후에 보냅니다');
    await expect.poll(() => text(editor, 'field-desk-note')).toBe('사진은 오후에 보냅니다');
    await expect.poll(() => text(editor, 'field-dateline')).toBe('서울');

    // ——— Tags added by both at once, outlet and desk changed by different people: all kept. ———
    await reporter.getByTestId('tags-input').fill('수소');
    await editor.getByTestId('tags-input').fill('버스');
    await Promise.all([reporter.getByTestId('tags-input').press('Enter'), editor.getByTestId('tags-input').press('Enter')]);
    await reporter.getByTestId('field-outlet').fill('한빛일보');
    await editor.getByTestId('field-desk').fill('교통팀');
    for (const page of [reporter, editor]) {
      await expect.poll(async () => (await page.getByTestId('tag-chip').allInnerTexts()).map((t) => t.replace('×', '').trim()).sort()).toEqual(['버스', '수소']);
      await expect(page.getByTestId('field-outlet')).toHaveValue('한빛일보');
      await expect(page.getByTestId('field-desk')).toHaveValue('교통팀');
    }
    await stored(reporter);
    await stored(editor);
    await shot(reporter, 'two-in-the-headline');

    // ——— What both see is what the server holds; nothing was saved the old way. ———
    await expect
      .poll(async () => {
        const a = await storyOnServer(server, 'park', id);
        return { headline: a.headline, deck: a.deck, dateline: a.dateline, deskNote: a.deskNote, tags: [...a.tags].sort(), outlet: a.byline.outlet, desk: a.byline.desk };
      }, { timeout: 10_000 })
      .toEqual({ headline, deck: ['충전소 20곳 함께 짓는다', '시의회 승인 남아'], dateline: '서울', deskNote: '사진은 오후에 보냅니다', tags: ['버스', '수소'], outlet: '한빛일보', desk: '교통팀' });
    await expect(reporter.getByTestId('save-state')).toHaveCount(0);
    await expect(editor.getByTestId('save-state')).toHaveCount(0);

    // ——— Sent: the step's version holds the headline as typed a moment before. ———
    await caretAtEnd(reporter, 'field-headline');
    await reporter.keyboard.insertText('…');
    await reporter.getByTestId('action-send').click();
    await expect(reporter.getByTestId('article-status')).toHaveText(/출고|Sent/);
    const sent = await storyOnServer(server, 'park', id);
    expect(sent.headline).toBe(`${headline}…`);
    expect(sent.status).toBe('sent');

    // ——— In review: the reporter's fields turn read-only live, the editor's stay editable. ———
    await editor.getByTestId('action-review').click();
    await expect(field(reporter, 'field-headline')).toHaveAttribute('contenteditable', 'false');
    await expect(field(reporter, 'field-deck')).toHaveAttribute('contenteditable', 'false');
    await expect(reporter.getByTestId('tags-input')).toBeDisabled();
    await expect(field(editor, 'field-headline')).toHaveAttribute('contenteditable', 'true');
    await caretAtEnd(editor, 'field-headline');
    await editor.keyboard.press('Backspace');
    await expect.poll(() => text(reporter, 'field-headline')).toBe(headline);
    await shot(reporter, 'read-only-in-review');
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
