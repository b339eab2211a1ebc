// After an export, the way to the files: in the desktop app "Show in folder" (the system's file
// manager, through the core); in the browser host, which has none, "Copy path" — to the clipboard,
// or, where the browser refuses that, the path selected on screen for Ctrl/⌘+C.
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { errorText } from '../errorText';

type Host = 'electron' | 'browser';

let hostOnce: Promise<Host> | null = null;
function appHost(): Promise<Host> {
  hostOnce ??= call('getAppInfo', {}).then((info) => info.host, () => 'browser' as const);
  return hostOnce;
}

export function OpenFolder(props: { path: string; /** The path as shown, selected when the clipboard is refused. */ shown: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const [host, setHost] = useState<Host | null>(null);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  useEffect(() => {
    void appHost().then(setHost);
  }, []);

  const select = () => {
    const el = props.shown.current;
    if (!el) return;
    window.getSelection()?.selectAllChildren(el);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.path);
      setStatus({ text: t('exchange.pathCopied'), failed: false });
    } catch {
      select();
      setStatus({ text: t('exchange.pathSelected'), failed: false });
    }
  };
  const show = async () => {
    try {
      const { shown } = await call('showInFolder', { path: props.path });
      if (!shown) setHost('browser'); // no file manager after all: offer the path instead
      setStatus(null);
    } catch (err) {
      setStatus({ text: errorText(t, err), failed: true });
    }
  };

  if (!host) return null;
  return (
    <div className="open-folder">
      {host === 'electron' ? (
        <button type="button" data-testid="export-show-folder" onClick={() => void show()}>{t('exchange.showInFolder')}</button>
      ) : (
        <button type="button" data-testid="export-copy-path" onClick={() => void copy()}>{t('exchange.copyPath')}</button>
      )}
      {status && (
        <span className={status.failed ? 'field-error' : 'muted'} role={status.failed ? 'alert' : 'status'} data-testid="open-folder-status">
          {status.text}
        </span>
      )}
    </div>
  );
}
