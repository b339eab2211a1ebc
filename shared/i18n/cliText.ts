// What the command-line entry points (`npm start`, `npm run start:browser`) print, in Korean or
// English. The app's own UI strings live in renderer/src/i18n; these are read in a terminal before
// any window exists, so they pick the language from the terminal's locale.
export type CliLanguage = 'ko' | 'en';

/** POSIX locale variables in their order of precedence, then the runtime's own locale. */
export function cliLanguage(env: Record<string, string | undefined>, fallback: string): CliLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || fallback;
  return /^ko\b|^ko[_-]/i.test(locale) ? 'ko' : 'en';
}

const text = {
  en: {
    downloading: 'Copydesk: downloading the Electron runtime (first start only)…',
    noElectron: (reason: string, download: string | null) =>
      `Copydesk cannot open its desktop window here: ${reason}, and it could not be downloaded ` +
      `(${download ? `the download said "${download}"; ` : ''}this machine may have no access to github.com, or ELECTRON_OVERRIDE_DIST_PATH points to the wrong place). ` +
      'Your library is untouched. Run `npm run start:browser` to use the same app in your web browser on this ' +
      'computer (it accepts the same --library <dir> option), or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding ' +
      'an Electron 45 runtime and run `npm start` again.',
    // The address comes last, on a line of its own: it is what the person needs from the terminal.
    running: (library: string, url: string) =>
      `Browser mode: only this machine can reach it; the token in the address is new every run. Ctrl+C stops it.\n  Library: ${library}\n\nCopydesk is running: ${url}`,
    locked: (library: string) =>
      `Copydesk: the library ${library} is already open in another Copydesk window or browser host. Close it, or choose another folder with --library <dir>.`,
    failed: (message: string) => `Copydesk could not start: ${message}`,
  },
  ko: {
    downloading: 'Copydesk: Electron 실행 파일을 내려받는 중입니다(처음 실행할 때만)…',
    noElectron: (reason: string, download: string | null) =>
      `Copydesk 데스크톱 창을 열 수 없습니다: ${reason}. 내려받기도 실패했습니다` +
      `(${download ? `오류: "${download}"; ` : ''}이 컴퓨터가 github.com에 접속할 수 없거나 ELECTRON_OVERRIDE_DIST_PATH가 잘못된 곳을 가리킵니다). ` +
      '기사 보관함은 그대로입니다. `npm run start:browser`를 실행하면 같은 앱을 이 컴퓨터의 웹 브라우저에서 쓸 수 있습니다' +
      '(--library <폴더> 옵션도 같습니다). 또는 Electron 45 실행 파일이 있는 폴더를 ELECTRON_OVERRIDE_DIST_PATH로 지정하고 ' +
      '`npm start`를 다시 실행하세요.',
    running: (library: string, url: string) =>
      `브라우저 모드: 이 컴퓨터에서만 접속할 수 있고, 주소의 토큰은 실행할 때마다 바뀝니다. Ctrl+C로 끝냅니다.\n  보관함: ${library}\n\nCopydesk 실행 중: ${url}`,
    locked: (library: string) =>
      `Copydesk: 보관함 ${library}이(가) 이미 다른 Copydesk 창이나 브라우저 모드에서 열려 있습니다. 그쪽을 닫거나 --library <폴더>로 다른 폴더를 고르세요.`,
    failed: (message: string) => `Copydesk를 시작하지 못했습니다: ${message}`,
  },
} satisfies Record<CliLanguage, unknown>;

export function cliText(language: CliLanguage) {
  return text[language];
}
