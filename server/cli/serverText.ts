// What `copydesk server` prints, in Korean or English (the terminal's locale, as the rest of the
// CLI). The `listening on …` line is fixed English: scripts and tests read the address from it.
import type { CliLanguage } from '../../shared/i18n/cliText';

const text = {
  en: {
    help: `copydesk server — the newsroom server: one shared library with accounts

Usage:
  copydesk server [--data DIR] [--port N] [--host ADDRESS] [--database URL]
                  [--cert FILE --key FILE] [--allow-origin URL] [--redis URL]
                  [--behind-proxy] [--trust-proxy LIST]
                  [--log-level LEVEL] [--metrics-token TOKEN]

  copydesk server import-library DIR [--data DIR] [--database URL]
                  Brings a local Copydesk library into the server's database (see
                  \`copydesk server import-library --help\`).

  copydesk server snapshot OUT.tar.gz [--data DIR]
  copydesk server restore OUT.tar.gz --data NEWDIR
                  A backup of the embedded database (server stopped), and a new data folder
                  from one (see \`copydesk server snapshot --help\`).

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
--behind-proxy    A reverse proxy on this machine (loopback) forwards the clients' addresses
                  (X-Forwarded-For), so failed sign-ins are held back per client, not per proxy.
--trust-proxy LIST  The same for a proxy elsewhere, e.g. on a container network: X-Forwarded-For
                  is trusted from these peers, IP addresses and subnets separated by commas
                  (172.16.0.0/12,10.0.0.5,fd00::/8). Else COPYDESK_TRUST_PROXY. Alone it trusts
                  only these; with --behind-proxy, loopback too.
--log-level LEVEL The log's detail: fatal, error, warn, info (default), debug, trace or silent.
                  Else COPYDESK_LOG_LEVEL. The log is JSON lines on the error output.
--metrics-token TOKEN  GET /metrics answers whoever sends "Authorization: Bearer TOKEN" (at least
                  16 characters; better COPYDESK_METRICS_TOKEN, which \`ps\` does not show).
                  Without one, /metrics answers only requests made on this machine.
--redis URL       One of several instances behind one address (redis://host:6379), else
                  REDIS_URL: live documents and pushes go between them through this Redis.
                  Needs --database (a real PostgreSQL shared by all); each its own --data.

It prints "listening on http://HOST:PORT". Without signing in: GET /healthz (the process is up),
GET /readyz (200 when the database answers, else 503 naming what failed) and GET /metrics
(Prometheus). SIGTERM or Ctrl+C stops it gracefully: no new connections, every live story
stored, then exit 0; a second signal stops it at once.`,
    usage: (detail: string) => `copydesk server: ${detail}\nRun \`copydesk server --help\` for usage.`,
    badPort: (value: string) => `--port must be a whole number from 0 to 65535, not "${value}"`,
    certAndKey: '--cert and --key go together: give both (HTTPS) or neither (HTTP)',
    badLogLevel: (value: string, levels: string) => `--log-level must be one of ${levels}, not "${value}"`,
    badTrustProxy: (entry: string) => `--trust-proxy (or COPYDESK_TRUST_PROXY) takes IP addresses and CIDR subnets separated by commas (e.g. 172.16.0.0/12,10.0.0.5,fd00::/8), not "${entry}"`,
    badMetricsToken: (min: number) => `the metrics token (--metrics-token or COPYDESK_METRICS_TOKEN) must be at least ${min} characters with no spaces`,
    instance: (redis: string, id: string) => `one of several instances: ${id}, through Redis at ${redis}`,
    redisNeedsPostgres: '--redis (several instances) needs --database: a real PostgreSQL they all share; the embedded database belongs to one process',
    store: (dataDir: string, database: string | null) => `data: ${dataDir}\ndatabase: ${database ?? 'embedded (PGlite in the data folder)'}`,
    setup: (code: string, url: string) =>
      `No one has an account yet. Make the first admin with this one-time setup code (it works once, while this server runs; a restart before it is used prints a new one):\n  ${code}\n  curl -X POST ${url}/api/setup -H 'content-type: application/json' -d '{"code":"${code}","login":"admin","password":"…","person":{"name":"…","desk":"","email":"","bylineName":"…","bylineRole":""}}'`,
    locked: (dataDir: string) => `copydesk server: ${dataDir} is in use by another running server. Stop it, or choose another folder with --data DIR.`,
    failed: (message: string) => `copydesk server could not start: ${message}`,
    importLibrary: {
      help: `copydesk server import-library — bring a local Copydesk library into the newsroom server

Usage:
  copydesk server import-library DIR [--data DIR] [--database URL]

DIR               The library folder (the app must not have it open).
--data, --database  The server's store, as for \`copydesk server\`. The server must not be running
                  on --data while this runs (the folder is locked by one of them at a time).

Comes along: every story (the trash's too) with its state, versions and audit log, and the photos
with what the library knows of each. People are matched to accounts by e-mail; the others become
accounts with no password: an admin sets one (Reset password) before they can sign in.
Each story is written whole or not at all. A story the server already has (same id) is skipped
and reported, so running it again after a stop (Ctrl+C) carries on where it stopped.
Exit codes: 0 done, 1 some stories or photos could not be read (or came from a last good copy), 2 bad usage or not a library,
3 the library or the server's folder is in use or the store failed, 130 stopped.`,
      usage: (detail: string) => `copydesk server import-library: ${detail}\nRun \`copydesk server import-library --help\` for usage.`,
      noDir: 'name the library folder to import: copydesk server import-library DIR',
      notLibrary: (dir: string) => `copydesk server import-library: ${dir} is not a Copydesk library (no copydesk-library.json, no articles folder). Nothing was imported.`,
      libraryLocked: (dir: string) => `copydesk server import-library: the library ${dir} is open in Copydesk. Close it there, then run this again. Nothing was imported.`,
      serverLocked: (dir: string) => `copydesk server import-library: ${dir} is in use by a running server. Stop it, import, then start it again. Nothing was imported.`,
      failed: (message: string) => `copydesk server import-library failed: ${message}`,
      start: (dir: string, store: string) => `importing ${dir} into ${store}`,
      progress: (phase: 'photos' | 'articles', done: number, total: number) => `${phase === 'photos' ? 'photos' : 'stories'}: ${done} of ${total}`,
      storyFailed: (id: string, reason: string) => `not imported: story ${id}: ${reason}`,
      recovered: (id: string, reason: string) => `story ${id}: its file was damaged (${reason}); its last good copy (the one before its last save) was imported`,
      photoFailed: (id: string, reason: string) => `not imported: photo ${id}: ${reason}`,
      missingPhoto: (id: string) => `a story shows photo ${id}, which the library did not have either`,
      ownerless: (id: string) => `story ${id}: its owner is not in the library's people; imported with no owner`,
      created: (name: string, login: string) => `account made: ${name} (login ${login}): no password yet, an admin must set one`,
      summary: (s: { imported: number; skipped: number; failed: number; versions: number; audit: number; photos: number; photosHad: number; matched: number; created: number }) =>
        `imported: ${s.imported} stories, ${s.versions} versions, ${s.audit} audit entries, ${s.photos} photos (${s.photosHad} the server had)\n` +
        `people: ${s.matched} matched to accounts, ${s.created} accounts made (no password)\n` +
        `skipped: ${s.skipped} already on the server (imported before; left as they are there)` +
        (s.failed ? `\nnot imported: ${s.failed} (named above)` : ''),
      interrupted: 'stopped: every story listed as imported is stored whole; run the same command again to import the rest.',
    },
  },
  ko: {
    help: `copydesk server — 뉴스룸 서버: 계정으로 함께 쓰는 하나의 보관함

사용법:
  copydesk server [--data 폴더] [--port 번호] [--host 주소] [--database URL]
                  [--cert 파일 --key 파일] [--allow-origin URL] [--redis URL]
                  [--behind-proxy] [--trust-proxy 목록]
                  [--log-level 수준] [--metrics-token 토큰]

  copydesk server import-library 폴더 [--data 폴더] [--database URL]
                  로컬 Copydesk 보관함을 서버 데이터베이스로 가져옵니다
                  (\`copydesk server import-library --help\` 참고).

  copydesk server snapshot 파일.tar.gz [--data 폴더]
  copydesk server restore 파일.tar.gz --data 새폴더
                  내장 데이터베이스 백업(서버를 멈춘 채)과 그 백업으로 새 데이터 폴더 만들기
                  (\`copydesk server snapshot --help\` 참고).

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
--behind-proxy    이 컴퓨터(루프백)의 리버스 프록시가 접속자 주소(X-Forwarded-For)를 넘겨줍니다. 로그인
                  실패 제한이 프록시가 아닌 접속자마다 걸립니다.
--trust-proxy 목록  다른 곳(예: 컨테이너 네트워크)의 프록시도 같게: 이 주소들에서 온
                  X-Forwarded-For를 믿습니다. 쉼표로 구분한 IP 주소와 서브넷
                  (172.16.0.0/12,10.0.0.5,fd00::/8). 없으면 COPYDESK_TRUST_PROXY. 이것만 주면
                  이 주소들만, --behind-proxy와 함께 주면 루프백도 믿습니다.
--log-level 수준  로그의 자세함: fatal, error, warn, info(기본), debug, trace, silent.
                  없으면 COPYDESK_LOG_LEVEL. 로그는 오류 출력에 한 줄씩 JSON으로 씁니다.
--metrics-token 토큰  "Authorization: Bearer 토큰"을 보내는 요청에 GET /metrics가 답합니다(16자
                  이상. \`ps\`에 보이지 않는 COPYDESK_METRICS_TOKEN이 더 안전합니다). 없으면
                  /metrics는 이 컴퓨터에서 온 요청에만 답합니다.
--redis URL       한 주소 뒤에서 여러 인스턴스 중 하나로 실행(redis://호스트:6379), 없으면
                  REDIS_URL: 실시간 문서와 알림이 이 Redis를 거쳐 인스턴스 사이를 오갑니다.
                  --database(모두가 함께 쓰는 PostgreSQL)가 필요하고, --data는 각자 따로.

"listening on http://HOST:PORT"를 출력합니다. 로그인 없이 답하는 것: GET /healthz(프로세스가 살아 있음),
GET /readyz(데이터베이스가 답하면 200, 아니면 무엇이 실패했는지와 함께 503), GET /metrics(Prometheus).
SIGTERM이나 Ctrl+C로 차분히 멈춥니다: 새 연결을 받지 않고, 실시간 기사를 모두 저장한 뒤 종료 코드 0으로
끝납니다. 신호를 한 번 더 보내면 바로 멈춥니다.`,
    usage: (detail: string) => `copydesk server: ${detail}\n사용법은 \`copydesk server --help\`를 보세요.`,
    badPort: (value: string) => `--port는 0에서 65535 사이의 정수여야 합니다("${value}")`,
    certAndKey: '--cert와 --key는 함께 씁니다: 둘 다 주면 HTTPS, 둘 다 없으면 HTTP입니다',
    badLogLevel: (value: string, levels: string) => `--log-level은 ${levels} 중 하나여야 합니다("${value}")`,
    badTrustProxy: (entry: string) => `--trust-proxy(또는 COPYDESK_TRUST_PROXY)는 쉼표로 구분한 IP 주소와 CIDR 서브넷이어야 합니다(예: 172.16.0.0/12,10.0.0.5,fd00::/8): "${entry}"은(는) 아닙니다`,
    badMetricsToken: (min: number) => `메트릭 토큰(--metrics-token 또는 COPYDESK_METRICS_TOKEN)은 공백 없이 ${min}자 이상이어야 합니다`,
    instance: (redis: string, id: string) => `여러 인스턴스 중 하나: ${id}, Redis ${redis}를 거칩니다`,
    redisNeedsPostgres: '--redis(여러 인스턴스)에는 --database가 필요합니다: 모두가 함께 쓰는 PostgreSQL. 내장 데이터베이스는 한 프로세스만 씁니다',
    store: (dataDir: string, database: string | null) => `데이터: ${dataDir}\n데이터베이스: ${database ?? '내장(데이터 폴더 안의 PGlite)'}`,
    setup: (code: string, url: string) =>
      `아직 계정이 없습니다. 이 일회용 설정 코드로 첫 관리자를 만드세요(이 서버가 실행 중일 때 한 번만 쓸 수 있고, 쓰기 전에 다시 시작하면 새 코드가 나옵니다):\n  ${code}\n  curl -X POST ${url}/api/setup -H 'content-type: application/json' -d '{"code":"${code}","login":"admin","password":"…","person":{"name":"…","desk":"","email":"","bylineName":"…","bylineRole":""}}'`,
    locked: (dataDir: string) => `copydesk server: ${dataDir} 폴더를 이미 실행 중인 다른 서버가 쓰고 있습니다. 그 서버를 멈추거나 --data 폴더로 다른 폴더를 고르세요.`,
    failed: (message: string) => `copydesk server를 시작하지 못했습니다: ${message}`,
    importLibrary: {
      help: `copydesk server import-library — 로컬 Copydesk 보관함을 뉴스룸 서버로 가져오기

사용법:
  copydesk server import-library 폴더 [--data 폴더] [--database URL]

폴더              가져올 보관함 폴더(앱에서 열려 있으면 안 됩니다).
--data, --database  서버의 저장소(\`copydesk server\`와 같습니다). 가져오는 동안 그 --data로 서버가
                  실행 중이면 안 됩니다(폴더는 한 번에 하나만 잠급니다).

가져오는 것: 모든 기사(휴지통 포함)와 그 상태·버전·감사 기록, 사진과 보관함이 아는 사진 정보.
사람은 이메일로 계정과 맞춥니다. 맞는 계정이 없으면 암호 없는 계정을 만듭니다: 관리자가 암호를
정해 주어야(암호 재설정) 로그인할 수 있습니다.
기사는 하나씩 통째로 저장되거나 전혀 저장되지 않습니다. 서버에 이미 있는 기사(같은 id)는 건너뛰고
알려 주므로, 멈춘 뒤(Ctrl+C) 다시 실행하면 멈춘 곳부터 이어 갑니다.
종료 코드: 0 완료, 1 읽지 못한(또는 마지막 정상 사본에서 가져온) 기사나 사진이 있음, 2 잘못된 사용법이나 보관함이 아님,
3 보관함이나 서버 폴더가 사용 중이거나 저장소 오류, 130 멈춤.`,
      usage: (detail: string) => `copydesk server import-library: ${detail}\n사용법은 \`copydesk server import-library --help\`를 보세요.`,
      noDir: '가져올 보관함 폴더를 적어 주세요: copydesk server import-library 폴더',
      notLibrary: (dir: string) => `copydesk server import-library: ${dir}은(는) Copydesk 보관함이 아닙니다(copydesk-library.json도 articles 폴더도 없습니다). 아무것도 가져오지 않았습니다.`,
      libraryLocked: (dir: string) => `copydesk server import-library: 보관함 ${dir}이(가) Copydesk에서 열려 있습니다. 앱에서 닫은 뒤 다시 실행하세요. 아무것도 가져오지 않았습니다.`,
      serverLocked: (dir: string) => `copydesk server import-library: ${dir} 폴더를 실행 중인 서버가 쓰고 있습니다. 서버를 멈추고 가져온 뒤 다시 시작하세요. 아무것도 가져오지 않았습니다.`,
      failed: (message: string) => `copydesk server import-library 실패: ${message}`,
      start: (dir: string, store: string) => `${dir}을(를) ${store}(으)로 가져오는 중`,
      progress: (phase: 'photos' | 'articles', done: number, total: number) => `${phase === 'photos' ? '사진' : '기사'}: ${total}개 중 ${done}개`,
      storyFailed: (id: string, reason: string) => `가져오지 못함: 기사 ${id}: ${reason}`,
      recovered: (id: string, reason: string) => `기사 ${id}: 파일이 손상되어(${reason}) 마지막 정상 사본(마지막 저장 직전본)을 가져왔습니다`,
      photoFailed: (id: string, reason: string) => `가져오지 못함: 사진 ${id}: ${reason}`,
      missingPhoto: (id: string) => `기사에 있는 사진 ${id}이(가) 보관함에도 없습니다`,
      ownerless: (id: string) => `기사 ${id}: 작성자가 보관함의 사람 목록에 없어 작성자 없이 가져왔습니다`,
      created: (name: string, login: string) => `계정을 만들었습니다: ${name}(로그인 ${login}). 암호가 없으니 관리자가 정해 주어야 합니다`,
      summary: (s: { imported: number; skipped: number; failed: number; versions: number; audit: number; photos: number; photosHad: number; matched: number; created: number }) =>
        `가져옴: 기사 ${s.imported}개, 버전 ${s.versions}개, 감사 기록 ${s.audit}개, 사진 ${s.photos}개(서버에 이미 있던 사진 ${s.photosHad}개)\n` +
        `사람: 계정과 맞춤 ${s.matched}명, 새 계정(암호 없음) ${s.created}명\n` +
        `건너뜀: 서버에 이미 있는 기사 ${s.skipped}개(이전에 가져옴, 서버의 것을 그대로 둠)` +
        (s.failed ? `\n가져오지 못함: ${s.failed}개(위에 적음)` : ''),
      interrupted: '멈췄습니다: 가져옴으로 적힌 기사는 모두 통째로 저장되었습니다. 같은 명령을 다시 실행하면 나머지를 가져옵니다.',
    },
  },
};

export function serverText(language: CliLanguage) {
  return text[language];
}
