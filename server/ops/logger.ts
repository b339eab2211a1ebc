// The server command's log: JSON lines through pino (level, time, msg and fields), one a line, on
// the command's error output (standard output keeps the lines people and scripts read, such as
// "listening on …"). Nothing secret goes in: the server logs no bodies or headers, the fields
// that could hold one are redacted, and a message is scrubbed of passwords in URLs and tokens.
import pino, { type Logger } from 'pino';
import type { LogLevel, ServerLog } from './serverLog';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LoggerLevel = (typeof LOG_LEVELS)[number];

export function isLoggerLevel(value: string): value is LoggerLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** A password in a URL, a bearer token, a token or password in a query string or JSON. */
export function scrub(text: string): string {
  return text
    .replace(/(\/\/[^:@/\s]*):[^@/\s]*@/g, '$1:***@')
    .replace(/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer ***')
    .replace(/\b(password|token|secret)(["']?\s*[=:]\s*["']?)[^\s"'&,}]+/gi, '$1$2***');
}

const REDACT = ['password', 'token', 'authorization', 'cookie', '*.password', '*.token', '*.authorization', '*.cookie', 'headers.*'];

export function createLogger(level: LoggerLevel, write: (line: string) => void): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than 30: readable without pino's tools.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '***' },
    },
    { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) },
  );
}

/** ServerOptions.log for a pino logger: each line at its level (an error unless said), scrubbed. */
export function logLines(logger: Pick<Logger, LogLevel>): ServerLog {
  return (line, level = 'error') => logger[level](scrub(line));
}
