// The application menu, shaped the way each platform expects (the app menu on macOS, Quit in
// File elsewhere), labelled in Korean or English, with ⌘/Ctrl accelerators.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract/bridge';

const LABELS = {
  ko: { file: '파일', newArticle: '새 기사', library: '기사 목록', save: '지금 저장', importFiles: '가져오기…', exportArticles: '내보내기…', settings: '설정…', close: '창 닫기', quit: '종료', edit: '편집', view: '보기', window: '창', help: '도움말', about: 'Copydesk 정보' },
  en: { file: 'File', newArticle: 'New Article', library: 'Library', save: 'Save Now', importFiles: 'Import…', exportArticles: 'Export…', settings: 'Settings…', close: 'Close Window', quit: 'Quit', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', about: 'About Copydesk' },
};

export function menuTemplate(opts: { platform: string; locale: string; isPackaged: boolean; send(command: MenuCommand): void }): MenuItemConstructorOptions[] {
  const l = opts.locale.toLowerCase().startsWith('ko') ? LABELS.ko : LABELS.en;
  const mac = opts.platform === 'darwin';
  const settings: MenuItemConstructorOptions = { label: l.settings, accelerator: 'CmdOrCtrl+,', click: () => opts.send('showSettings') };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Copydesk',
      submenu: [{ role: 'about', label: l.about }, { type: 'separator' }, settings, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit', label: l.quit }],
    });
  }
  template.push(
    {
      label: l.file,
      submenu: [
        { label: l.newArticle, accelerator: 'CmdOrCtrl+N', click: () => opts.send('newArticle') },
        { label: l.library, accelerator: 'CmdOrCtrl+Shift+L', click: () => opts.send('showLibrary') },
        { label: l.save, accelerator: 'CmdOrCtrl+S', click: () => opts.send('save') },
        { type: 'separator' },
        { label: l.importFiles, accelerator: 'CmdOrCtrl+Shift+O', click: () => opts.send('importFiles') },
        { label: l.exportArticles, accelerator: 'CmdOrCtrl+Shift+E', click: () => opts.send('exportArticles') },
        { type: 'separator' },
        ...(mac ? [] : [settings, { type: 'separator' } as MenuItemConstructorOptions]),
        { role: 'close', label: l.close },
        ...(mac ? [] : [{ role: 'quit', label: l.quit, accelerator: 'Ctrl+Q' } as MenuItemConstructorOptions]),
      ],
    },
    { label: l.edit, submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: l.view,
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...(opts.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions])],
    },
    { label: l.window, submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }] },
    { label: l.help, role: 'help', submenu: mac ? [] : [{ role: 'about', label: l.about }] },
  );
  return template;
}
