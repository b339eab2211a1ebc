// Screens and app-wide behaviour: which screen shows, the UI language, shortcuts and menu
// commands. Leaving an article always saves it first. A library bound to a newsroom acts as the
// signed-in account (no picker) and shows the connection; connecting or signing out starts the
// app again on the folder as it then is.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract/api';
import type { Notice } from '../../shared/contract/errors';
import type { Settings, SettingsPatch, UiLanguage } from '../../shared/model/settings';
import type { MenuCommand } from '../../shared/contract/bridge';
import { call, onCommand } from './api';
import { AppHeader } from './AppHeader';
import type { ArticleScreenHandle } from './article/ArticleScreen';
import { errorText } from './errorText';
import { resolveLanguage, setLanguage } from './i18n/i18n';
import { LibraryScreen } from './library/LibraryScreen';
import { matchesShortcut } from './shortcuts';
import type { Person } from '../../shared/model/person';
import { IdentityScreen } from './people/IdentityScreen';
import { MeContext, type MeValue } from './people/MeContext';
import { rememberedActivePerson, rememberPerson, setCurrentPerson } from './people/identity';
import type { ExchangeRequest } from './exchange/exchangeRequest';
import { rememberArticle, rememberedArticle } from './openArticleMemory';
import { useBackOnline, useConnectionState } from './newsroom/useCoreEvents';
import { OutboxBanner } from './newsroom/OutboxBanner';
import { SignedOutBanner } from './newsroom/SignedOutBanner';

/** Connected or signed out: the folder is another library now, so the app starts again on it (the browser host's cookie carries the reload). */
const startAgain = () => window.location.reload();

/** The browser host has no menu bar, so the menu's shortcuts are handled here too (Electron's menu sends the same commands). */
const SHORTCUTS = { newArticle: 'Mod+N', save: 'Mod+S', showLibrary: 'Mod+Shift+L', importFiles: 'Mod+Shift+O', exportArticles: 'Mod+Shift+E' } as const;

// The screens past the library load on first use, each in its own chunk: the library's first rows
// wait for none of the editor (TipTap, ProseMirror), history, backups or settings code.
const ArticleScreen = lazy(() => import('./article/ArticleScreen').then((m) => ({ default: m.ArticleScreen })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const BackupsScreen = lazy(() => import('./backups/BackupsScreen').then((m) => ({ default: m.BackupsScreen })));

type Screen = { kind: 'library' } | { kind: 'article'; id: string } | { kind: 'settings' } | { kind: 'backups' };

export interface Boot {
  appInfo: Output<'getAppInfo'>;
  settings: Settings;
  library: Output<'getLibraryInfo'>;
  people: Person[];
  systemLocale: string;
}

export function App({ boot }: { boot: Boot }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState(boot.settings);
  const [screen, setScreen] = useState<Screen>({ kind: 'library' });
  // The article open when the window last closed: checked before anything shows, then reopened (or forgotten).
  const [reopening, setReopening] = useState(() => rememberedArticle(boot.library.path));
  const [notices, setNotices] = useState<Notice[]>(boot.library.notices);
  const [error, setError] = useState<unknown>(null);
  const [request, setRequest] = useState<ExchangeRequest | null>(null);
  const article = useRef<ArticleScreenHandle | null>(null);
  /** Set when leaving the open article discarded it (a new article nobody touched). */
  const discarded = useRef(false);
  const platform = boot.appInfo.platform;
  const [people, setPeople] = useState(boot.people);
  const newsroom = boot.library.newsroom;
  const [connection, syncConnection] = useConnectionState(newsroom);
  const [meId, setMeId] = useState<string | null>(() => (newsroom ? newsroom.person.id : rememberedActivePerson(boot.library.path, boot.people)));
  // Connected: the account signed in is who acts (as the server knows them now, when it could say).
  const me = newsroom ? (people.find((p) => p.id === newsroom.person.id) ?? newsroom.person) : (people.find((p) => p.id === meId && p.active) ?? null);
  const connected = newsroom !== null;
  const meValue = useMemo<MeValue | null>(() => (me ? { me, people, permissions: settings.workflow.permissions, connected } : null), [me, people, settings.workflow.permissions, connected]);
  const meRef = useRef(me);
  meRef.current = me;
  // Set while rendering, so the requests of this render's screens (their effects run after it) name this person.
  setCurrentPerson(me?.id ?? null);

  const pickPerson = (person: Person) => {
    setSwitchingFrom(null);
    setPeople((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]));
    rememberPerson(boot.library.path, person.id);
    setMeId(person.id);
    setScreen({ kind: 'library' });
  };
  // Who was working when 사용자 바꾸기 was pressed: Cancel (or Esc) on the picker goes back to them, on the same screen.
  const [switchingFrom, setSwitchingFrom] = useState<string | null>(null);
  const switchPerson = async () => {
    // Leaving the open article: saved first, and asked about when its edits cannot be saved (false: the person stays).
    discarded.current = false;
    if (article.current && !(await article.current.leave())) return;
    // An untouched new article was discarded on leaving: Cancel on the picker comes back to the library, not to it.
    if (discarded.current) setScreen({ kind: 'library' });
    setSwitchingFrom(meId);
    rememberPerson(boot.library.path, null);
    setCurrentPerson(null);
    setPeople(await call('listPeople', {}).catch(() => people));
    setMeId(null);
  };
  const signOut = async () => {
    discarded.current = false;
    if (article.current && !(await article.current.leave())) return;
    try {
      await call('disconnectNewsroom', {});
    } catch (err) {
      setError(err);
      return;
    }
    startAgain();
  };
  const switchBack = people.find((p) => p.id === switchingFrom && p.active) ?? null;
  const cancelSwitch = () => {
    if (!switchBack) return;
    rememberPerson(boot.library.path, switchBack.id);
    setMeId(switchBack.id);
    setSwitchingFrom(null);
  };

  // The web font once the first screen is up and drawn, when the page is next idle (webFont.ts says why).
  useEffect(() => {
    const idle = requestIdleCallback(() => void import('./webFont'), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, []);

  useEffect(() => {
    if (!reopening || !me) return;
    let gone = false;
    // Gone, in the trash or not this person's to read: the library shows instead, without an error.
    call('getArticle', { id: reopening }).then(
      (a) => !gone && a.trashedAt === null && setScreen({ kind: 'article', id: a.id }),
      () => undefined,
    ).finally(() => !gone && setReopening(null));
    return () => {
      gone = true;
    };
  }, [reopening, me]);
  useEffect(() => {
    if (!reopening) rememberArticle(boot.library.path, screen.kind === 'article' ? screen.id : null);
  }, [screen, reopening, boot.library.path]);

  const go = useCallback(async (next: Screen) => {
    if (article.current && !(await article.current.leave())) return;
    setScreen(next);
  }, []);

  const newArticle = useCallback(async () => {
    try {
      if (article.current && !(await article.current.leave())) return;
      if (!meRef.current) return;
      const created = await call('createArticle', { actor: meRef.current.id });
      setScreen({ kind: 'article', id: created.id });
    } catch (err) {
      setError(err);
    }
  }, []);

  // Back online (after a start without the server, or signing in again): the newsroom's settings
  // and people, which start-up could only guess, are read again.
  useBackOnline(newsroom !== null, () => {
    call('getSettings', {}).then(setSettings, () => undefined);
    call('listPeople', {}).then(setPeople, () => undefined);
  });

  // Rejects when the core refuses or fails: the settings section that asked shows why.
  const saveSettings = async (patch: SettingsPatch) => {
    setSettings(await call('updateSettings', patch));
  };

  const changeLanguage = async (uiLanguage: UiLanguage) => {
    await setLanguage(resolveLanguage(uiLanguage, boot.systemLocale));
    // Connected, the core keeps the language on this machine (MACHINE_SETTINGS), not in the newsroom's settings.
    await saveSettings({ uiLanguage }).catch(setError);
  };

  useEffect(() => {
    const run = (command: MenuCommand) => {
      if (command === 'newArticle') void newArticle();
      else if (command === 'showLibrary') void go({ kind: 'library' });
      else if (command === 'showSettings') void go({ kind: 'settings' });
      else if (command === 'importFiles' || command === 'exportArticles') {
        const kind = command === 'importFiles' ? 'import' : 'export';
        // Import happens on the library; export works on the open article or the library's selection.
        if (kind === 'import') void go({ kind: 'library' });
        setRequest((r) => ({ kind, n: (r?.n ?? 0) + 1 }));
      }
      // Only the closing window sends `flush` (electron/main/closeFlow.ts): an untouched new article goes with it.
      else if (command === 'flush') void article.current?.closing();
      else void article.current?.flush(); // save
    };
    const onKey = (e: KeyboardEvent) => {
      const hit = (Object.keys(SHORTCUTS) as (keyof typeof SHORTCUTS)[]).find((c) => matchesShortcut(e, SHORTCUTS[c], platform));
      if (!hit) return;
      e.preventDefault();
      run(hit);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = onCommand(run);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [go, newArticle, platform]);

  if (!meValue) {
    return (
      <div className="app">
        <IdentityScreen people={people} peopleLost={boot.library.peopleLost} onPick={pickPerson} onConnected={startAgain} back={switchBack ? { person: switchBack, onCancel: cancelSwitch } : undefined} />
      </div>
    );
  }

  const screenLoading = <div className="screen-message" role="status">{t('app.loading')}</div>;
  return (
    <MeContext.Provider value={meValue}>
      <div className="app">
        <AppHeader
          me={meValue.me}
          onSwitchPerson={() => void switchPerson()}
          newsroom={newsroom && connection ? { server: newsroom.server, state: connection, onSignOut: () => void signOut() } : null}
          uiLanguage={settings.uiLanguage}
          onLanguage={(l) => void changeLanguage(l)}
          onSettings={() => void go({ kind: 'settings' })}
          onBackups={() => void go({ kind: 'backups' })}
          onLibrary={() => void go({ kind: 'library' })}
          libraryPath={boot.library.path}
        />
        {newsroom && connection === 'signedOut' && <SignedOutBanner server={newsroom.server} onSignedIn={syncConnection} />}
        {newsroom && <OutboxBanner initial={newsroom.outbox} />}
        {newsroom && connection === 'offline' && (
          <div className="banner banner--warning" role="status" data-testid="offline-banner">
            {t('newsroom.offline', { server: newsroom.server })}
          </div>
        )}
        {error !== null && (
          <div className="banner banner--error" role="alert">
            {errorText(t, error)} <button type="button" onClick={() => setError(null)}>{t('library.dismiss')}</button>
          </div>
        )}
        {screen.kind === 'library' && !reopening && (
          <LibraryScreen platform={platform} request={request} settings={settings} onOpen={(id) => setScreen({ kind: 'article', id })} onNew={() => void newArticle()} notices={notices} onDismissNotices={() => setNotices([])} />
        )}
        {screen.kind === 'article' && (
          // The article screen's own words while it loads its data too, so opening reads as one step.
          <Suspense fallback={<div className="screen-message" role="status">{t('article.loading')}</div>}>
            <ArticleScreen
              key={screen.id}
              id={screen.id}
              settings={settings}
              onSaveSettings={saveSettings}
              platform={platform}
              mediaBase={boot.appInfo.mediaBase}
              onBack={() => void go({ kind: 'library' })}
              onOpen={(id) => setScreen({ kind: 'article', id })}
              onDiscarded={() => (discarded.current = true)}
              register={(handle) => (article.current = handle)}
              request={request}
            />
          </Suspense>
        )}
        {screen.kind === 'backups' && (
          <Suspense fallback={screenLoading}>
            <BackupsScreen settings={settings} onSave={saveSettings} onClose={() => setScreen({ kind: 'library' })} onOpen={(id) => setScreen({ kind: 'article', id })} />
          </Suspense>
        )}
        {screen.kind === 'settings' && (
          <Suspense fallback={screenLoading}>
            <SettingsScreen settings={settings} onSave={saveSettings} onSettings={setSettings} onClose={() => setScreen({ kind: 'library' })} onPeopleChanged={setPeople} />
          </Suspense>
        )}
      </div>
    </MeContext.Provider>
  );
}
