// main.ts end to end against the stand-in electron: single-instance lock, scheme, hardening, IPC
// for every channel, the window, the menu, and the core opened on the library folder.
import { mkdtemp, mkdir, rm, access, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, methods } from '../../shared/contract/api';
import { FakeBrowserWindow, fakeElectron } from './testing/fakeElectron';

let fake: ReturnType<typeof fakeElectron>;
// doMock per test (not a hoisted vi.mock) so each fresh import of main.ts sees its own stand-in.
function useFake(f: ReturnType<typeof fakeElectron>) {
  fake = f;
  vi.doMock('electron', () => f.electron);
}

let library: string;
beforeEach(async () => {
  vi.resetModules();
  FakeBrowserWindow.instances = [];
  library = await mkdtemp(join(tmpdir(), 'copydesk-main-'));
  process.env.COPYDESK_LIBRARY = library;
});
afterEach(async () => {
  delete process.env.COPYDESK_LIBRARY;
  await rm(library, { recursive: true, force: true });
});

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('main.ts', () => {
  it('quits when another instance holds the lock, before touching anything', async () => {
    useFake(fakeElectron({ singleInstance: false }));
    await import('./main');
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('wires everything on ready and focuses itself when a second instance starts', async () => {
    useFake(fakeElectron());
    await import('./main');
    const { app, protocol, ipcMain, Menu, session } = fake.electron;
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) }),
      expect.objectContaining({ scheme: 'media', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    app.readyResolve!();
    await until(() => FakeBrowserWindow.instances.length === 1);
    const win = FakeBrowserWindow.instances[0];
    expect(win.loaded).toBe('app://copydesk/index.html');
    expect((win.options.webPreferences as Record<string, unknown>).sandbox).toBe(true);
    expect(String((win.options.webPreferences as Record<string, unknown>).preload)).toMatch(/preload\.cjs$/);
    expect(ipcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual(methods.map(channelOf).sort());
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(protocol.handle).toHaveBeenCalledWith('media', expect.any(Function));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    // The spellchecker's download address is moved before any page is served or window made.
    const spell = session.defaultSession.setSpellCheckerDictionaryDownloadURL;
    expect(spell).toHaveBeenCalledWith(expect.stringMatching(/^app:\/\/copydesk\//));
    expect(spell.mock.invocationCallOrder[0]).toBeLessThan(protocol.handle.mock.invocationCallOrder[0]);
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    await access(join(library, 'copydesk-library.json')); // the core opened the chosen library

    win.minimized = true;
    app.emit('second-instance');
    expect(win.restored).toBe(1);
    expect(win.focused).toBe(1);

    // The renderer refused to unload (edits it could not save): asked natively; "close without saving" closes.
    const { dialog } = fake.electron;
    const stay = { preventDefault: vi.fn() };
    win.webContents.emit('will-prevent-unload', stay);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(win, expect.objectContaining({ buttons: expect.arrayContaining(['저장하지 않고 닫기']) }));
    expect(stay.preventDefault).not.toHaveBeenCalled();
    dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const discard = { preventDefault: vi.fn() };
    win.webContents.emit('will-prevent-unload', discard);
    expect(discard.preventDefault).toHaveBeenCalled();

    // Quitting closes the core (releasing the library lock) before exiting.
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await until(() => app.exit.mock.calls.length > 0);
    await expect(access(join(library, '.lock'))).rejects.toThrow();
  });

  it('shows an exported folder in the file manager through the shell, and refuses paths outside the export folder and the library', async () => {
    useFake(fakeElectron());
    await import('./main');
    const { app, ipcMain, shell } = fake.electron;
    app.readyResolve!();
    await until(() => FakeBrowserWindow.instances.length === 1);
    const win = FakeBrowserWindow.instances[0];
    const invoke = (method: string, payload: unknown) => {
      const handler = ipcMain.handle.mock.calls.find((c) => c[0] === `copydesk:${method}`)![1];
      return handler({ senderFrame: { url: 'app://copydesk/index.html', parent: null }, sender: win.webContents }, payload) as Promise<{ ok: boolean; value?: never; error?: { code: string; params: Record<string, string> } }>;
    };
    const admin = await invoke('savePerson', { actor: null, person: { name: '관리자', role: 'admin', desk: '', email: '', bylineName: '관리자', bylineRole: '', active: true } });
    const actor = (admin.value as unknown as { id: string }).id;
    const exports = await mkdtemp(join(tmpdir(), 'copydesk-main-exports-'));
    const outside = await mkdtemp(join(tmpdir(), 'copydesk-main-outside-'));
    try {
      expect(await invoke('updateSettings', { actor, exportDir: exports })).toMatchObject({ ok: true });
      const story = join(exports, '2026-12-06 기사');
      await mkdir(story);
      expect(await invoke('showInFolder', { actor, path: story })).toEqual({ ok: true, value: { shown: true } });
      expect(shell.showItemInFolder.mock.calls).toEqual([[await realpath(story)]]);
      // The library folder itself (where exports go when no folder is set) may be shown too.
      expect(await invoke('showInFolder', { actor, path: library })).toEqual({ ok: true, value: { shown: true } });
      expect(shell.showItemInFolder).toHaveBeenCalledTimes(2);

      for (const path of [outside, join(exports, '..', 'copydesk-main-outside-x'), `${exports}-other`, 'relative/story']) {
        const refused = await invoke('showInFolder', { actor, path });
        expect(refused.ok, path).toBe(false);
      }
      expect(await invoke('showInFolder', { actor, path: outside })).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'outsideFolders' } } });
      // Nobody named: refused at the gate.
      expect(await invoke('showInFolder', { actor: '00000000-0000-4000-8000-00000000000f', path: story })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(shell.showItemInFolder).toHaveBeenCalledTimes(2);
    } finally {
      app.emit('will-quit', { preventDefault: vi.fn() });
      await until(() => app.exit.mock.calls.length > 0);
      await rm(exports, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });
});
