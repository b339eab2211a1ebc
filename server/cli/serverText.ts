// What `copydesk server` prints, in Korean or English (the terminal's locale, as the rest of the
// CLI). The `listening on …` line is fixed English: scripts and tests read the address from it.
import type { CliLanguage } from '../../shared/i18n/cliText';

const text = {
  en: {
    help: `copydesk server — the newsroom server: one shared library with accounts

Usage:
  copydesk server [--data DIR] [--port N] [--host ADDRESS] [--database URL]
                  [--cert FILE --key FILE] [--allow-origin URL]

--data DIR        Its folder (locked while it runs): the embedded database lives here unless
                  --database is given. Default: COPYDESK_SERVER_DATA, else ~/copydesk-newsroom.
--port N          Port to listen on (default 4410; 0 picks a free one).
--host ADDRESS    Address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for all).
--database URL    A PostgreSQL server (postgres://user:pass@host/db), else DATABASE_URL, else
                  the embedded one in --data.
--cert FILE       Serve HTTPS with this certificate (PEM) and --key FILE its private key.
                  Without them, plain HTTP: on one machine, or behind a reverse proxy that
                  holds the certificate (see the README).
--allow-origin URL  A web page origin allowed to call the server from a browser (repeat, or
                  separate with commas). The Copydesk app needs none.
--behind-proxy    A reverse proxy on this machine forwards the clients' addresses
                  (X-Forwarded-For), so failed sign-ins are held back per client, not per proxy.

It prints "listening on http://HOST:PORT"; GET /healthz answers without signing in.`,
    usage: (detail: string) => `copydesk server: ${detail}\nRun \`copydesk server --help\` for usage.`,
    badPort: (value: string) => `--port must be a whole number from 0 to 65535, not "${value}"`,
    certAndKey: '--cert and --key go together: give both (HTTPS) or neither (HTTP)',
    store: (dataDir: string, database: string | null) => `data: ${dataDir}\ndatabase: ${database ?? 'embedded (PGlite in the data folder)'}`,
    setup: (code: string, url: string) =>
      `No one has an account yet. Make the first admin with this one-time setup code (it works once; a restart before it is used prints a new one):\n  ${code}\n  curl -X POST ${url}/api/setup -H 'content-type: application/json' -d '{"code":"${code}","login":"admin","password":"…","person":{"name":"…","desk":"","email":"","bylineName":"…","bylineRole":""}}'`,
    locked: (dataDir: string) => `copydesk server: ${dataDir} is in use by another running server. Stop it, or choose another folder with --data DIR.`,
    failed: (message: string) => `copydesk server could not start: ${message}`,
  },
  ko: {
    help: `copydesk server — 뉴스룸 서버: 계정으로 함께 쓰는 하나의 보관함

사용법:
  copydesk server [--data 폴더] [--port 번호] [--host 주소] [--database URL]
                  [--cert 파일 --key 파일] [--allow-origin URL]

--data 폴더       서버의 폴더(실행 중에는 잠김). --database가 없으면 내장 데이터베이스가 여기에
                  있습니다. 기본값: COPYDESK_SERVER_DATA, 없으면 ~/copydesk-newsroom.
--port 번호       받을 포트(기본 4410, 0이면 빈 포트를 고릅니다).
--host 주소       받을 주소(기본 127.0.0.1: 이 컴퓨터만. 모두에게는 0.0.0.0).
--database URL    PostgreSQL 서버(postgres://사용자:암호@호스트/DB), 없으면 DATABASE_URL,
                  그것도 없으면 --data 안의 내장 데이터베이스.
--cert 파일       이 인증서(PEM)와 --key 파일의 개인 키로 HTTPS를 엽니다. 없으면 일반 HTTP:
                  한 컴퓨터 안에서 쓰거나, 인증서를 가진 리버스 프록시 뒤에 둡니다(README 참고).
--allow-origin URL  브라우저에서 서버를 부를 수 있는 웹 페이지 주소(여러 번 쓰거나 쉼표로 구분).
                  Copydesk 앱에는 필요 없습니다.
--behind-proxy    이 컴퓨터의 리버스 프록시가 접속자 주소(X-Forwarded-For)를 넘겨줍니다. 로그인
                  실패 제한이 프록시가 아닌 접속자마다 걸립니다.

"listening on http://HOST:PORT"를 출력합니다. GET /healthz는 로그인 없이 답합니다.`,
    usage: (detail: string) => `copydesk server: ${detail}\n사용법은 \`copydesk server --help\`를 보세요.`,
    badPort: (value: string) => `--port는 0에서 65535 사이의 정수여야 합니다("${value}")`,
    certAndKey: '--cert와 --key는 함께 씁니다: 둘 다 주면 HTTPS, 둘 다 없으면 HTTP입니다',
    store: (dataDir: string, database: string | null) => `데이터: ${dataDir}\n데이터베이스: ${database ?? '내장(데이터 폴더 안의 PGlite)'}`,
    setup: (code: string, url: string) =>
      `아직 계정이 없습니다. 이 일회용 설정 코드로 첫 관리자를 만드세요(한 번만 쓸 수 있고, 쓰기 전에 다시 시작하면 새 코드가 나옵니다):\n  ${code}\n  curl -X POST ${url}/api/setup -H 'content-type: application/json' -d '{"code":"${code}","login":"admin","password":"…","person":{"name":"…","desk":"","email":"","bylineName":"…","bylineRole":""}}'`,
    locked: (dataDir: string) => `copydesk server: ${dataDir} 폴더를 이미 실행 중인 다른 서버가 쓰고 있습니다. 그 서버를 멈추거나 --data 폴더로 다른 폴더를 고르세요.`,
    failed: (message: string) => `copydesk server를 시작하지 못했습니다: ${message}`,
  },
};

export function serverText(language: CliLanguage) {
  return text[language];
}
