// What `copydesk server snapshot` and `copydesk server restore` print, in Korean or English.
import type { CliLanguage } from '../../shared/i18n/cliText';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const text = {
  en: {
    snapshot: {
      help: `copydesk server snapshot — a backup of the newsroom's embedded database

Usage:
  copydesk server snapshot OUT.tar.gz [--data DIR]

Writes one file holding everything the server keeps in --data: stories with their versions,
audit and live documents, accounts, and photos (their bytes are in the database). The server
must be stopped on --data while this runs (the folder is locked by one of them at a time);
the file appears whole or not at all, and an existing OUT is never overwritten.
With a real PostgreSQL (--database, DATABASE_URL) use pg_dump instead (see the README): it
copies a running server.
Put it back with \`copydesk server restore OUT.tar.gz --data NEWDIR\`.
Exit codes: 0 done, 1 failed (nothing written), 2 bad usage, 3 a server is running on --data.`,
      usage: (detail: string) => `copydesk server snapshot: ${detail}\nRun \`copydesk server snapshot --help\` for usage.`,
      noOut: 'name the file to write: copydesk server snapshot OUT.tar.gz --data DIR',
      realPostgres: 'this newsroom uses a PostgreSQL server (--database or DATABASE_URL): back it up with pg_dump -Fc (see the README), not with snapshot',
      noDatabase: (dir: string) => `copydesk server snapshot: there is no embedded database in ${dir}. Name the server's folder with --data DIR. Nothing was written.`,
      outExists: (file: string) => `copydesk server snapshot: ${file} already exists; choose a new name (a backup is never overwritten). Nothing was written.`,
      locked: (dir: string) => `copydesk server snapshot: ${dir} is in use by a running server. Stop it, take the snapshot, then start it again. Nothing was written.`,
      failed: (message: string) => `copydesk server snapshot failed: ${message}. Nothing was written.`,
      done: (file: string, stories: number, photos: number, bytes: number, seconds: number) => `snapshot written: ${file} (${stories} stories, ${photos} photos, ${mb(bytes)} MB, ${seconds.toFixed(1)} s)`,
    },
    restore: {
      help: `copydesk server restore — a new server data folder from a snapshot

Usage:
  copydesk server restore SNAPSHOT.tar.gz --data NEWDIR

Makes NEWDIR (new, or an empty folder) the data folder of a server holding what the snapshot
held. A folder with anything in it is refused. The snapshot is checked whole before anything is
written; a damaged or incomplete one is refused and leaves no folder behind.
Then: copydesk server --data NEWDIR.
Exit codes: 0 done, 1 the snapshot is damaged or not a snapshot, or the restore failed (nothing
made), 2 bad usage (no snapshot named or found, NEWDIR not empty).`,
      usage: (detail: string) => `copydesk server restore: ${detail}\nRun \`copydesk server restore --help\` for usage.`,
      noFile: 'name the snapshot to restore: copydesk server restore SNAPSHOT.tar.gz --data NEWDIR',
      noSnapshot: (file: string) => `copydesk server restore: there is no file ${file}. Nothing was restored.`,
      notEmpty: (dir: string) => `copydesk server restore: ${dir} is not empty. Restore into a new or empty folder (a newsroom is never overwritten). Nothing was restored.`,
      notGzip: (file: string) => `copydesk server restore: ${file} is not a snapshot (not a gzip file). Nothing was restored.`,
      damaged: (file: string, detail: string) => `copydesk server restore: ${file} is damaged or incomplete (${detail}). Nothing was restored; use another copy.`,
      notSnapshot: (file: string) => `copydesk server restore: ${file} is not a Copydesk server snapshot. Nothing was restored.`,
      failed: (message: string) => `copydesk server restore failed: ${message}. Nothing was restored.`,
      done: (dir: string, stories: number, photos: number, seconds: number) => `restored: ${stories} stories, ${photos} photos into ${dir} (${seconds.toFixed(1)} s)\nstart it with: copydesk server --data ${dir}`,
    },
  },
  ko: {
    snapshot: {
      help: `copydesk server snapshot — 뉴스룸 내장 데이터베이스 백업

사용법:
  copydesk server snapshot 파일.tar.gz [--data 폴더]

--data에 서버가 보관하는 모든 것을 파일 하나에 씁니다: 기사와 그 버전·감사 기록·실시간 문서,
계정, 사진(사진 바이트도 데이터베이스에 있습니다). 그 --data로 서버가 실행 중이면 안 됩니다(폴더는
한 번에 하나만 잠급니다). 파일은 통째로 생기거나 전혀 생기지 않으며, 이미 있는 파일은 덮어쓰지 않습니다.
PostgreSQL 서버(--database, DATABASE_URL)를 쓴다면 pg_dump를 쓰세요(README 참고). 실행 중에도
복사할 수 있습니다.
되돌리기: \`copydesk server restore 파일.tar.gz --data 새폴더\`.
종료 코드: 0 완료, 1 실패(아무것도 쓰지 않음), 2 잘못된 사용법, 3 --data로 서버가 실행 중.`,
      usage: (detail: string) => `copydesk server snapshot: ${detail}\n사용법은 \`copydesk server snapshot --help\`를 보세요.`,
      noOut: '쓸 파일 이름을 적어 주세요: copydesk server snapshot 파일.tar.gz --data 폴더',
      realPostgres: '이 뉴스룸은 PostgreSQL 서버(--database 또는 DATABASE_URL)를 씁니다: snapshot이 아니라 pg_dump -Fc로 백업하세요(README 참고)',
      noDatabase: (dir: string) => `copydesk server snapshot: ${dir}에 내장 데이터베이스가 없습니다. 서버 폴더를 --data 폴더로 적어 주세요. 아무것도 쓰지 않았습니다.`,
      outExists: (file: string) => `copydesk server snapshot: ${file}이(가) 이미 있습니다. 새 이름을 고르세요(백업은 덮어쓰지 않습니다). 아무것도 쓰지 않았습니다.`,
      locked: (dir: string) => `copydesk server snapshot: ${dir} 폴더를 실행 중인 서버가 쓰고 있습니다. 서버를 멈추고 스냅숏을 만든 뒤 다시 시작하세요. 아무것도 쓰지 않았습니다.`,
      failed: (message: string) => `copydesk server snapshot 실패: ${message}. 아무것도 쓰지 않았습니다.`,
      done: (file: string, stories: number, photos: number, bytes: number, seconds: number) => `스냅숏을 썼습니다: ${file}(기사 ${stories}개, 사진 ${photos}개, ${mb(bytes)} MB, ${seconds.toFixed(1)}초)`,
    },
    restore: {
      help: `copydesk server restore — 스냅숏으로 새 서버 데이터 폴더 만들기

사용법:
  copydesk server restore 스냅숏.tar.gz --data 새폴더

새폴더(없는 폴더나 빈 폴더)를 스냅숏이 담은 것을 가진 서버의 데이터 폴더로 만듭니다. 무엇이든
들어 있는 폴더는 거부합니다. 쓰기 전에 스냅숏 전체를 검사하며, 손상되었거나 잘린 스냅숏은 거부하고
폴더를 남기지 않습니다.
그다음: copydesk server --data 새폴더.
종료 코드: 0 완료, 1 스냅숏이 손상되었거나 스냅숏이 아님, 또는 복원 실패(아무것도 만들지 않음),
2 잘못된 사용법(스냅숏을 적지 않았거나 없음, 새폴더가 비어 있지 않음).`,
      usage: (detail: string) => `copydesk server restore: ${detail}\n사용법은 \`copydesk server restore --help\`를 보세요.`,
      noFile: '복원할 스냅숏을 적어 주세요: copydesk server restore 스냅숏.tar.gz --data 새폴더',
      noSnapshot: (file: string) => `copydesk server restore: ${file} 파일이 없습니다. 아무것도 복원하지 않았습니다.`,
      notEmpty: (dir: string) => `copydesk server restore: ${dir}이(가) 비어 있지 않습니다. 새 폴더나 빈 폴더로 복원하세요(뉴스룸을 덮어쓰지 않습니다). 아무것도 복원하지 않았습니다.`,
      notGzip: (file: string) => `copydesk server restore: ${file}은(는) 스냅숏이 아닙니다(gzip 파일이 아님). 아무것도 복원하지 않았습니다.`,
      damaged: (file: string, detail: string) => `copydesk server restore: ${file}이(가) 손상되었거나 잘렸습니다(${detail}). 아무것도 복원하지 않았습니다. 다른 사본을 쓰세요.`,
      notSnapshot: (file: string) => `copydesk server restore: ${file}은(는) Copydesk 서버 스냅숏이 아닙니다. 아무것도 복원하지 않았습니다.`,
      failed: (message: string) => `copydesk server restore 실패: ${message}. 아무것도 복원하지 않았습니다.`,
      done: (dir: string, stories: number, photos: number, seconds: number) => `복원했습니다: 기사 ${stories}개, 사진 ${photos}개를 ${dir}에(${seconds.toFixed(1)}초)\n시작: copydesk server --data ${dir}`,
    },
  },
};

export function backupText(language: CliLanguage) {
  return text[language];
}
