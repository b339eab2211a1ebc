// The server's own log lines, as ServerOptions.log takes them: a function of the line, so a test
// can collect them in an array. The level is optional (a problem, unless said): the server
// command hands them to pino at that level, and /metrics counts the errors.
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export type ServerLog = (line: string, level?: LogLevel) => void;

/**
 * Structured events (requests, start and stop), as pino's logger takes them: fields first, then
 * the message. The server command passes pino's; tests may pass any object of this shape.
 */
export interface OpsLogger {
  error(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  info(fields: object, msg: string): void;
  debug(fields: object, msg: string): void;
}
