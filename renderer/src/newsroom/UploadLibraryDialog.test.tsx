// @vitest-environment jsdom
// The upload dialog: the account, a confirm that names what goes where, the job's progress with
// Cancel (the core is asked to stop that job), then the summary in words; a refusal (an account
// that is not the newsroom's admin) goes back to the account with the reason, password cleared.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { ApiError } from '../../../shared/contract/apiError';
import type { UploadSummary } from '../../../shared/contract/libraryUpload';

const calls: { method: string; input: Record<string, unknown> }[] = [];
let finish: (answer: UploadSummary | Error) => void = () => undefined;
vi.mock('../api', () => ({
  call: async (method: string, input: Record<string, unknown>) => {
    calls.push({ method, input });
    if (method === 'jobProgress') return { done: 5, total: 12, current: '출고된 기사' };
    if (method === 'cancelJob') return { cancelled: true };
    if (method === 'uploadLibraryToNewsroom') {
      return new Promise((resolve, reject) => (finish = (answer) => (answer instanceof Error ? reject(answer) : resolve(answer))));
    }
    return null;
  },
  onEvent: () => () => undefined,
}));
const { UploadLibraryDialog } = await import('./UploadLibraryDialog');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en }, ko: { translation: ko } }, interpolation: { escapeValue: false }, showSupportNotice: false });

let root: Root | null = null;
afterEach(async () => {
  act(() => root?.unmount());
  root = null;
  calls.length = 0;
  await i18n.changeLanguage('en');
});

const $ = (host: HTMLElement, id: string) => host.querySelector(`[data-testid=${id}]`) as HTMLElement | null;
function type(input: HTMLElement | null, value: string) {
  const el = input as HTMLInputElement;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function dialog(onClose: () => void = () => undefined): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<UploadLibraryDialog stories={12} onClose={onClose} />));
  return host;
}

async function fillAndConfirm(host: HTMLElement) {
  act(() => {
    type($(host, 'upload-server'), 'https://newsroom.example.org');
    type($(host, 'upload-login'), 'admin');
    type($(host, 'upload-password'), 'admin password');
  });
  await act(async () => $(host, 'upload-next')!.closest('form')!.requestSubmit());
}

describe('upload this library to a newsroom', () => {
  it('asks to confirm, shows progress with Cancel, then says what came of it', async () => {
    let closed = 0;
    const host = await dialog(() => closed++);
    expect(($(host, 'upload-next') as HTMLButtonElement).disabled).toBe(true);
    await fillAndConfirm(host);
    expect($(host, 'upload-confirm')?.textContent).toContain('Upload 12 stories');
    expect($(host, 'upload-confirm')?.textContent).toContain('newsroom.example.org as admin');
    expect(calls.some((c) => c.method === 'uploadLibraryToNewsroom')).toBe(false);

    await act(async () => $(host, 'upload-start')!.click());
    const started = calls.find((c) => c.method === 'uploadLibraryToNewsroom')!;
    expect(started.input).toMatchObject({ server: 'https://newsroom.example.org', login: 'admin', password: 'admin password' });
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect($(host, 'job-progress')?.textContent).toContain('5');
    expect($(host, 'job-progress')?.textContent).toContain('출고된 기사');
    await act(async () => $(host, 'job-cancel')!.click());
    expect(calls.find((c) => c.method === 'cancelJob')?.input).toMatchObject({ jobId: started.input.jobId });

    await act(async () =>
      finish({ imported: 3, skipped: 2, failed: [{ id: 'story-0001-aaaa', label: 'Battery plant breaks ground', code: 'tooLarge', reason: 'request body over 67108864 bytes' }], photos: { uploaded: 4, existed: 1, failed: [] }, people: { matched: 1, created: 3 }, cancelled: true }),
    );
    const summary = $(host, 'upload-summary')!.textContent!;
    expect($(host, 'upload-stopped')).not.toBeNull();
    expect(summary).toContain('3 stories uploaded, 2 already on the newsroom');
    expect(summary).toContain('Photos: 4 uploaded, 1 already there');
    expect(summary).toContain('People: 1 matched to accounts, 3 new accounts');
    // The failure in words by its code; the English detail only as the line's tooltip.
    const failure = $(host, 'upload-failed-stories')!.querySelector('li')!;
    // Named by its headline; its id goes to the tooltip with the detail.
    expect(failure.textContent).toBe(`Battery plant breaks ground: ${en.newsroom.upload.why.tooLarge}`);
    expect(failure.getAttribute('title')).toBe('story-0001-aaaa: request body over 67108864 bytes');
    expect($(host, 'upload-failed-photos')).toBeNull();
    await act(async () => $(host, 'upload-close')!.click());
    expect(closed).toBe(1);
  });

  it('stopped part-way by the server: the summary of what got there, and why the rest did not', async () => {
    await act(async () => void (await i18n.changeLanguage('en')));
    const host = await dialog();
    await fillAndConfirm(host);
    await act(async () => $(host, 'upload-start')!.click());
    const gone = new ApiError('offline', 'the newsroom server cannot be reached', { server: 'https://newsroom.example.org' }).toJSON();
    await act(async () => finish({ imported: 7, skipped: 0, failed: [], photos: { uploaded: 2, existed: 0, failed: [] }, people: { matched: 0, created: 1 }, cancelled: true, stoppedBy: gone }));
    const stopped = $(host, 'upload-stopped')!;
    expect(stopped.getAttribute('role')).toBe('alert');
    expect(stopped.textContent).toContain('The upload stopped part-way:');
    expect(stopped.textContent).toContain('newsroom.example.org');
    expect($(host, 'upload-summary')!.textContent).toContain('7 stories uploaded');
    // Still the summary, not the account form.
    expect($(host, 'upload-server')).toBeNull();
  });

  it('a story and a photo that did not get there: why in Korean, with what to do, the English detail only as the tooltip', async () => {
    await act(async () => void (await i18n.changeLanguage('ko')));
    const host = await dialog();
    await fillAndConfirm(host);
    await act(async () => $(host, 'upload-start')!.click());
    const photo = 'a'.repeat(64);
    await act(async () =>
      finish({
        imported: 1,
        skipped: 0,
        failed: [{ id: 'story-0002-bbbb', code: 'serverFull', reason: 'could not extend file "base/16384/2619": No space left on device' }],
        photos: { uploaded: 0, existed: 0, failed: [{ id: photo, code: 'photoUnreadable', reason: 'its files are incomplete' }] },
        people: { matched: 1, created: 0 },
        cancelled: false,
      }),
    );
    const story = $(host, 'upload-failed-stories')!;
    expect(story.textContent).toContain('올리지 못한 기사 1개');
    expect(story.querySelector('li')!.textContent).toBe(`story-0002-bbbb: ${ko.newsroom.upload.why.serverFull}`);
    expect(story.querySelector('li')!.textContent).toContain('디스크가 가득 찼습니다');
    expect(story.querySelector('li')!.getAttribute('title')).toContain('No space left on device');
    const photoLine = $(host, 'upload-failed-photos')!.querySelector('li')!;
    expect(photoLine.textContent).toBe(`${photo}: ${ko.newsroom.upload.why.photoUnreadable}`);
    expect($(host, 'upload-summary')!.textContent).not.toMatch(/No space left|files are incomplete/);
  });

  it('an account that is not the newsroom’s admin: back to the account, the reason in Korean, the password cleared', async () => {
    await act(async () => void (await i18n.changeLanguage('ko')));
    const host = await dialog();
    await fillAndConfirm(host);
    expect($(host, 'upload-confirm')?.textContent).toContain('기사 12개');
    await act(async () => $(host, 'upload-start')!.click());
    await act(async () => finish(new ApiError('forbidden', 'only an admin of the newsroom may upload a library to it', { reason: 'role', role: 'reporter' })));
    expect($(host, 'upload-error')?.textContent).toBe(ko.errors.forbiddenReason.role);
    expect(($(host, 'upload-password') as HTMLInputElement).value).toBe('');
    expect(($(host, 'upload-server') as HTMLInputElement).value).toBe('https://newsroom.example.org');
  });
});
