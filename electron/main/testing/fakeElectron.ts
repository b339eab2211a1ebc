// A stand-in for the `electron` module, so the glue that cannot run here (no Electron binary) is
// still exercised: it records what the glue registers and lets tests fire the events Electron would.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string | null = null;
  destroyed = false;
  focused = 0;
  restored = 0;
  minimized = false;
  closeCalls = 0;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  show() {}
  focus() {
    this.focused++;
  }
  restore() {
    this.restored++;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.closeCalls++;
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroyed = true;
  }
}

export function fakeElectron(opts: { singleInstance?: boolean } = {}) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => opts.singleInstance ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    getVersion: () => '0.0.0-test',
    getLocale: () => 'ko',
    getPath: (name: string) => `/tmp/copydesk-fake-${name}`,
    isPackaged: false,
    readyResolve: null as null | (() => void),
    whenReady: vi.fn(function (this: unknown) {
      return new Promise<void>((ok) => (app.readyResolve = ok));
    }),
  });
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setSpellCheckerDictionaryDownloadURL: vi.fn() } };
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: vi.fn((channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => ipcHandlers.set(channel, fn)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session,
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined), showItemInFolder: vi.fn((_path: string) => undefined) },
    dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn((_win: unknown, _opts: unknown) => 0) },
  };
  return { electron, ipcHandlers };
}
