// What the `copydesk` command prints, in Korean or English (picked from the terminal's locale, as
// for `npm start`). Errors name the file and say what to do, like the app's own messages.
import type { CliLanguage } from './cliText';
import { EXPORT_FORMATS } from '../exchange/types';

const FORMATS = EXPORT_FORMATS.join('|');

const text = {
  en: {
    help: `copydesk — import, export and check Copydesk articles without the window

Usage:
  copydesk import FILE… [--library DIR] [--as PERSON] [--json]
  copydesk import FILE… --dry-run --summary
  copydesk export ID|FILE… --format ${FORMATS}[,…] [--out DIR] [--library DIR] [--as PERSON]
                            [--override --note TEXT] [--json]
  copydesk check FILE… [--rules FILE] [--words FILE] [--no-spelling] [--json]
  copydesk server [--data DIR] [--port N] [--host ADDRESS] [--database URL]

import     Reads web-page text (.txt), saved web pages (.html), Word (.docx), Markdown (.md),
           IPTC NITF (.xml), ninjs (.json) and Copydesk packages (.zip); each file becomes a draft.
           Prints the new article ids, one per line (with --json, one result object per file).
  --dry-run --summary   Save nothing; print each article as JSON in the fixtures' summary shape.
export     Writes each article (a library id, or a file to convert) in the given formats, one
           folder per article, into --out (default: the current directory).
  --override --note     Export embargoed copy anyway (allowed roles only); the reason is logged.
check      Reads any file import reads and checks its headline, deck, body and captions against
           the house style rules for its language (Korean or English) and its spelling (Hunspell,
           offline), with no library. One line per finding: FILE:PART:OFFSET [rule id] text → fix
           — message (OFFSET counts the characters before the finding in that headline, deck line,
           paragraph or caption; spelling findings have the rule id "spelling").
  --rules FILE   Check with an exported rule set file instead of the default rules (copy in the
                 other language is then not checked); refused (exit 2) if any rule is unsafe or
                 fails its own examples.
  --words FILE   A word list for spelling: one accepted word a line (names, places, the
                 newsroom's own terms); blank lines and lines starting with # are left out.
  --no-spelling  House style only.
  --json         One JSON document: each file with its findings.
--library DIR   The library folder (default: COPYDESK_LIBRARY or the app's own library).
--as PERSON     Act as this person (name or id); default: the library's first active admin.
            A new, empty library gets an admin named after your login.

Exit codes: 0 all done · 1 some files or articles failed (each is reported), or check found
something · 2 bad usage · 3 the library could not be opened. \`copydesk server --help\` explains the newsroom server.`,
    usage: (detail: string) => `copydesk: ${detail}\nRun \`copydesk --help\` for usage.`,
    unknownCommand: (cmd: string) => `unknown command "${cmd}" (use import, export, check or server)`,
    noFiles: 'name at least one file or article id',
    noFormat: `--format is required: ${FORMATS}`,
    badFormat: (f: string) => `unknown format "${f}"; use ${FORMATS}`,
    summaryNeedsDryRun: '--summary only works with --dry-run',
    failedFile: (file: string, why: string) => `copydesk: ${file}: ${why}`,
    created: (id: string, headline: string, file: string) => `${id}\t${headline}\t(${file})`,
    exported: (folder: string) => `wrote ${folder}`,
    libraryFailed: (dir: string, why: string) => `copydesk: cannot open the library ${dir}: ${why}`,
    noPerson: (who: string) => `no active person "${who}" in this library; see Settings → People`,
    peopleLost: 'this library has had people, but its people file (people.json) is missing or damaged; put it back from a copy or backup of the library folder',
    reasons: {
      unknownFormat: 'not a format Copydesk reads (txt, html, docx, md, xml, json, zip)',
      empty: 'nothing in it looks like an article',
      malformed: 'the file is broken and cannot be read',
      hostile: 'refused: it holds an entity bomb, external reference, zip bomb or path trick',
      tooLarge: 'too large to import',
      ruleSetTooSlow: 'a house-style rule file not proven in time (split it or simplify its patterns)',
      tooDeep: 'lists, quotes or tags nested deeper than any article, so it was not read',
      tooSlow: 'this web page took too long to read; copy the article text into a .txt file and import that',
      notDocx: 'named .docx but not a Word document',
      badPackage: 'not a Copydesk package, or damaged (checksums do not match)',
      schema: 'its content does not follow the format’s rules',
      encoding: 'unknown text encoding; save it as UTF-8',
      embargoed: (until: string) => `under embargo until ${until}; use --override --note "reason" if you may`,
      missing: 'no such file (check the path)',
      other: (message: string) => message,
    },
    /** What a refused file lacks (ApiError params.lacking), added to the reason. */
    lacking: {
      identifier: 'it has no identifier (uri, guid or id)',
      newsItem: 'it has no headline, body or other field of a news item',
    },
  },
  ko: {
    help: `copydesk — 창 없이 Copydesk 기사를 가져오고 내보내고 검사합니다

사용법:
  copydesk import 파일… [--library 폴더] [--as 사람] [--json]
  copydesk import 파일… --dry-run --summary
  copydesk export ID|파일… --format ${FORMATS}[,…] [--out 폴더] [--library 폴더] [--as 사람]
                            [--override --note 사유] [--json]
  copydesk check 파일… [--rules 파일] [--words 파일] [--no-spelling] [--json]
  copydesk server [--data 폴더] [--port 번호] [--host 주소] [--database URL]

import     웹 기사 텍스트(.txt), 저장한 웹페이지(.html), Word(.docx), 마크다운(.md), IPTC NITF(.xml),
           ninjs(.json), Copydesk 꾸러미(.zip)를 읽어 파일마다 작성중 기사를 만듭니다.
           새 기사 ID를 한 줄에 하나씩 출력합니다(--json이면 파일마다 결과 객체).
  --dry-run --summary   아무것도 저장하지 않고, 기사를 예시 파일(*.expected.json) 모양의 JSON으로 출력합니다.
export     기사(보관함 ID 또는 변환할 파일)를 지정한 형식으로 기사마다 폴더 하나에 씁니다.
           위치는 --out(기본: 현재 폴더).
  --override --note     엠바고 중인 기사도 내보냅니다(권한 있는 역할만). 사유가 기록됩니다.
check      import가 읽는 파일을 보관함 없이 읽어 제목·부제·본문·사진설명을 기사 언어(한국어 또는 영어)의
           표기 원칙 규칙과 맞춤법 사전(Hunspell, 오프라인)으로 검사합니다. 지적마다 한 줄:
           파일:부분:위치 [규칙 id] 원문 → 고칠 말 — 설명 (위치는 그 제목·부제·문단·사진설명에서 지적
           앞에 있는 글자 수, 맞춤법 지적의 규칙 id는 "spelling").
  --rules 파일   기본 규칙 대신 내보낸 규칙 파일로 검사합니다(다른 언어의 기사는 검사하지 않음).
                 안전하지 않거나 자기 예문을 통과하지 못하는 규칙이 있으면 받지 않습니다(종료 코드 2).
  --words 파일   맞춤법 검사에 쓸 단어장: 한 줄에 맞는 말 하나(이름, 지명, 사내 용어).
                 빈 줄과 #으로 시작하는 줄은 읽지 않습니다.
  --no-spelling  표기 원칙만 검사합니다.
  --json         JSON 문서 하나로 출력합니다: 파일마다 지적 목록.
--library 폴더   보관함 폴더(기본: COPYDESK_LIBRARY 또는 앱의 보관함).
--as 사람        이 사람(이름 또는 ID)으로 작업합니다. 기본: 보관함의 첫 활성 관리자.
            빈 보관함에는 로그인 이름으로 관리자를 만듭니다.

종료 코드: 0 모두 완료 · 1 일부 파일/기사 실패(각각 출력) 또는 check의 지적 있음 · 2 잘못된 사용 · 3 보관함을 열 수 없음. 뉴스룸 서버는 \`copydesk server --help\`를 보세요.`,
    usage: (detail: string) => `copydesk: ${detail}\n사용법은 \`copydesk --help\`를 보세요.`,
    unknownCommand: (cmd: string) => `알 수 없는 명령 "${cmd}"(import, export, check 또는 server)`,
    noFiles: '파일이나 기사 ID를 하나 이상 적어 주세요',
    noFormat: `--format이 필요합니다: ${FORMATS}`,
    badFormat: (f: string) => `알 수 없는 형식 "${f}". ${FORMATS} 중에서 고르세요`,
    summaryNeedsDryRun: '--summary는 --dry-run과 함께만 씁니다',
    failedFile: (file: string, why: string) => `copydesk: ${file}: ${why}`,
    created: (id: string, headline: string, file: string) => `${id}\t${headline}\t(${file})`,
    exported: (folder: string) => `저장: ${folder}`,
    libraryFailed: (dir: string, why: string) => `copydesk: 보관함 ${dir}을(를) 열 수 없습니다: ${why}`,
    noPerson: (who: string) => `이 보관함에 활성 사용자 "${who}"가 없습니다. 설정 → 사람에서 확인하세요`,
    peopleLost: '이 보관함에는 사람이 등록되어 있었지만 사람 목록 파일(people.json)이 없거나 손상되었습니다. 보관함 폴더의 사본이나 백업에서 되돌려 놓으세요',
    reasons: {
      unknownFormat: 'Copydesk가 읽는 형식이 아닙니다(txt, html, docx, md, xml, json, zip)',
      empty: '기사로 보이는 내용이 없습니다',
      malformed: '파일 구조가 깨져 읽을 수 없습니다',
      hostile: '엔티티 폭탄·외부 참조·압축 폭탄·경로 조작이 있어 읽지 않았습니다',
      tooLarge: '너무 커서 가져오지 않았습니다',
      ruleSetTooSlow: '표기 원칙 규칙 파일을 제시간에 검증하지 못했습니다(파일을 나누거나 패턴을 단순하게 고치세요)',
      tooDeep: '목록·인용·태그가 기사로 볼 수 없을 만큼 깊이 겹쳐 있어 읽지 않았습니다',
      tooSlow: '이 웹 페이지는 읽는 데 너무 오래 걸립니다. 기사 본문을 복사해 .txt 파일로 가져오세요',
      notDocx: '이름은 .docx지만 Word 문서가 아닙니다',
      badPackage: 'Copydesk 꾸러미가 아니거나 손상됐습니다(체크섬 불일치)',
      schema: '내용이 형식 규칙에 맞지 않습니다',
      encoding: '문자 인코딩을 알 수 없습니다. UTF-8로 저장해 주세요',
      embargoed: (until: string) => `${until}까지 엠바고입니다. 권한이 있으면 --override --note "사유"를 쓰세요`,
      missing: '파일이 없습니다(경로를 확인하세요)',
      other: (message: string) => message,
    },
    lacking: {
      identifier: '식별자(uri, guid 또는 id)가 없습니다',
      newsItem: '제목·본문 등 기사 항목이 하나도 없습니다',
    },
  },
} satisfies Record<CliLanguage, unknown>;

export function cliExchangeText(language: CliLanguage) {
  return text[language];
}
