// The Electron glue, checked without Electron: a stand-in module records what main.ts wires up.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, methods } from '../../shared/contract/api';
import type { Handlers } from '../../shared/contract/dispatch';
import { APP_ORIGIN, appResponse, registerAppScheme, resolveAppPath } from './appProtocol';
import { mediaResponse } from './mediaProtocol';
import { mainWindowOptions } from './createMainWindow';
import { hardenContents, hardenSession, SPELLCHECK_DICTIONARY_URL } from './hardenContents';
import { registerIpc } from './registerIpc';
import { menuTemplate } from './buildMenu';
import { holdCloseForFlush, unsavedCloseDialog } from './closeFlow';
import { FakeBrowserWindow, FakeWebContents, fakeElectron } from './testing/fakeElectron';

const appFrame = { url: 'app://copydesk/index.html', parent: null };

describe('registerIpc', () => {
  const getAppInfo = vi.fn(async () => ({ version: '1', platform: 'linux', host: 'electron' as const, systemLocale: 'ko', mediaBase: 'media://photo/' }));
  const listArticles = vi.fn(async () => []);
  const handlers = { getAppInfo, listArticles } as unknown as Handlers;
  const ours = new FakeWebContents();
  const setup = () => {
    const { electron, ipcHandlers } = fakeElectron();
    registerIpc(electron.ipcMain as never, handlers, (c) => c === (ours as never));
    return ipcHandlers;
  };
  beforeEach(() => vi.clearAllMocks());

  it('registers every contract channel exactly once', () => {
    const ipc = setup();
    expect([...ipc.keys()].sort()).toEqual(methods.map(channelOf).sort());
  });

  it('refuses foreign senders without calling the core', async () => {
    const ipc = setup();
    const call = ipc.get(channelOf('getAppInfo'))!;
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null }, sender: ours },
      { senderFrame: { url: 'app://copydesk/index.html', parent: appFrame }, sender: ours },
      { senderFrame: null, sender: ours },
      { senderFrame: appFrame, sender: new FakeWebContents() },
    ]) {
      expect(await call(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('validates payloads, then answers our window', async () => {
    const ipc = setup();
    const list = ipc.get(channelOf('listArticles'))!;
    expect(await list({ senderFrame: appFrame, sender: ours }, { scope: '../../' })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(listArticles).not.toHaveBeenCalled();
    expect(await list({ senderFrame: appFrame, sender: ours }, { actor: '00000000-0000-4000-8000-00000000000a', scope: 'active' })).toEqual({ ok: true, value: [] });
  });
});

describe('window and contents security', () => {
  it('uses secure webPreferences', () => {
    expect(mainWindowOptions('/p/preload.cjs').webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, preload: '/p/preload.cjs',
    });
  });

  it('refuses navigation, redirects, new windows and webviews; opens web links outside', () => {
    const contents = new FakeWebContents();
    const shell = { openExternal: vi.fn(async () => undefined) };
    hardenContents(contents as never, shell);
    const event = () => ({ prevented: false, preventDefault() { this.prevented = true; } });
    const away = event();
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.prevented).toBe(true);
    const redirect = event();
    contents.emit('will-redirect', redirect, 'file:///etc/passwd');
    expect(redirect.prevented).toBe(true);
    const inApp = event();
    contents.emit('will-navigate', inApp, 'app://copydesk/index.html');
    expect(inApp.prevented).toBe(false);
    const webview = event();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://news.example/a' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://news.example/a']]);
  });

  it('denies every permission request', () => {
    const { electron } = fakeElectron();
    hardenSession(electron.session.defaultSession as never);
    const request = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0][0] as (...a: unknown[]) => void;
    const callback = vi.fn();
    request(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const check = electron.session.defaultSession.setPermissionCheckHandler.mock.calls[0][0] as () => boolean;
    expect(check()).toBe(false);
  });

  it('keeps the spellchecker from downloading dictionaries: its download address is inside the app', () => {
    const { electron } = fakeElectron();
    hardenSession(electron.session.defaultSession as never);
    const set = electron.session.defaultSession.setSpellCheckerDictionaryDownloadURL;
    expect(set).toHaveBeenCalledTimes(1);
    const url = new URL(set.mock.calls[0][0] as string);
    expect(url.protocol).toBe('app:'); // not http(s): nothing leaves the machine
    expect(`${url.protocol}//${url.host}`).toBe(APP_ORIGIN);
    expect(SPELLCHECK_DICTIONARY_URL.endsWith('/')).toBe(true); // Electron appends the file name
  });

  it('the main window checks spelling, with the system dictionaries', () => {
    expect(mainWindowOptions('/p/preload.cjs').webPreferences?.spellcheck).toBe(true);
  });
});

describe('app:// protocol', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'copydesk-proto-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'a.js'), 'x');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('serves the renderer with the CSP header and the right MIME type', async () => {
    const res = await appResponse(root, 'app://copydesk/assets/a.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await appResponse(root, 'app://copydesk/')).headers.get('content-type')).toContain('text/html');
  });

  it('refuses paths that leave the renderer folder and foreign hosts', async () => {
    for (const url of ['app://copydesk/../../etc/passwd', 'app://copydesk/%2e%2e/%2e%2e/etc/passwd', 'app://copydesk/assets/..%2f..%2f..%2fetc%2fpasswd', 'app://other/index.html', 'app://copydesk/..%5c..%5cwin.ini']) {
      const res = await appResponse(root, url);
      expect([403, 404]).toContain(res.status);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY); // error pages too
    }
    // The URL parser folds encoded dot segments, so they can only ever name a file inside the root.
    expect(resolveAppPath(root, 'app://copydesk/%2e%2e/x')).toBe(join(root, 'x'));
    expect(resolveAppPath(root, 'app://copydesk/a%00b')).toBeNull();
  });

  it('has no dictionary where the spellchecker would look for one', async () => {
    expect((await appResponse(root, `${SPELLCHECK_DICTIONARY_URL}ko-3-0.bdic`)).status).toBe(404);
  });
});

describe('media:// protocol', () => {
  const id = 'c'.repeat(64);
  const core = { mediaFile: vi.fn(async (i: string, v: string) => (i === id && v === 'preview' ? { path: __filename, type: 'image/jpeg' } : null)) };

  it('serves a stored photo by id with the CSP, and caches it for good', async () => {
    const res = await mediaResponse(core, `media://photo/${id}/preview`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses anything that is not an id and a variant, without touching the disk', async () => {
    core.mediaFile.mockClear();
    for (const url of [`media://photo/../../etc/passwd`, `media://photo/${id}/../../x`, `media://other/${id}/preview`, `media://photo/${id.slice(1)}/preview`, `media://photo/${id}/raw`]) {
      expect((await mediaResponse(core, url)).status).toBe(403);
    }
    expect(core.mediaFile).not.toHaveBeenCalled();
    expect((await mediaResponse(core, `media://photo/${'d'.repeat(64)}/original`)).status).toBe(404);
  });

  it('is registered as a privileged scheme together with app://', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol as never);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged.mock.calls[0][0].map((s: { scheme: string }) => s.scheme)).toEqual(['app', 'media']);
  });
});

describe('menu', () => {
  const send = vi.fn();
  it('has the macOS app menu only on macOS, Quit in File elsewhere', () => {
    const mac = menuTemplate({ platform: 'darwin', locale: 'en-US', isPackaged: true, send });
    const linux = menuTemplate({ platform: 'linux', locale: 'en-US', isPackaged: true, send });
    expect(mac[0].label).toBe('Copydesk');
    expect(linux[0].label).toBe('File');
    const fileItems = (linux[0].submenu as { role?: string }[]).map((i) => i.role);
    expect(fileItems).toContain('quit');
    expect((mac[1].submenu as { role?: string }[]).map((i) => i.role)).not.toContain('quit');
  });

  it('uses CmdOrCtrl accelerators, Korean labels for a Korean locale, and sends commands', () => {
    const ko = menuTemplate({ platform: 'win32', locale: 'ko', isPackaged: false, send });
    expect(ko[0].label).toBe('파일');
    const newArticle = (ko[0].submenu as { label?: string; accelerator?: string; click?: () => void }[])[0];
    expect(newArticle).toMatchObject({ label: '새 기사', accelerator: 'CmdOrCtrl+N' });
    newArticle.click!();
    expect(send).toHaveBeenCalledWith('newArticle');
    const view = ko.find((m) => m.label === '보기')!.submenu as { role?: string }[];
    expect(view.map((i) => i.role)).toContain('toggleDevTools');
    const packaged = menuTemplate({ platform: 'win32', locale: 'ko', isPackaged: true, send });
    expect((packaged.find((m) => m.label === '보기')!.submenu as { role?: string }[]).map((i) => i.role)).not.toContain('toggleDevTools');
  });
});

describe('close flow', () => {
  it('holds the first close, asks the renderer to flush, then closes once IPC is idle', async () => {
    vi.useFakeTimers();
    const win = new FakeBrowserWindow({});
    let idle!: () => void;
    holdCloseForFlush(win as never, { idle: () => new Promise<void>((ok) => (idle = ok)) }, () => true, 5000);
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.sent).toEqual([['copydesk:command', 'flush']]);
    await vi.advanceTimersByTimeAsync(200);
    expect(win.destroyed).toBe(false);
    idle();
    await vi.advanceTimersByTimeAsync(0);
    expect(win.destroyed).toBe(true);
    vi.useRealTimers();
  });

  it('after the flush, edits the renderer could not save are not closed over silently: it asks, and staying keeps the window', async () => {
    vi.useFakeTimers();
    const win = new FakeBrowserWindow({});
    const ask = vi.fn(() => false);
    holdCloseForFlush(win as never, { idle: async () => undefined }, ask, 5000);
    // What Electron does when the page's beforeunload refuses the close: emits this on its contents.
    const refuse = () => {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      win.webContents.emit('will-prevent-unload', event);
      return event.defaultPrevented;
    };
    win.close();
    await vi.advanceTimersByTimeAsync(200); // flushed, closing again…
    expect(win.closeCalls).toBe(2);
    expect(refuse()).toBe(false); // …the renderer refused; the person chose to stay
    expect(ask).toHaveBeenCalledTimes(1);
    // Staying re-arms the flush: the next close flushes again before asking again.
    win.destroyed = false;
    win.webContents.sent = [];
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.sent).toEqual([['copydesk:command', 'flush']]);
    await vi.advanceTimersByTimeAsync(200);
    ask.mockReturnValueOnce(true);
    expect(refuse()).toBe(true); // close without saving: the refusal is overridden
    expect(ask).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it('asks in the system language, with staying as the safe default', () => {
    expect(unsavedCloseDialog('ko-KR')).toMatchObject({ buttons: ['머물기', '저장하지 않고 닫기'], defaultId: 0, cancelId: 0 });
    expect(unsavedCloseDialog('en-US')).toMatchObject({ buttons: ['Stay', 'Close without saving'], defaultId: 0, cancelId: 0 });
  });
});
