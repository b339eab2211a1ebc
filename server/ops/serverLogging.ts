// The server command's operations options (--log-level, --metrics-token and their environment
// variables), its pino logger on the error output, and the JSON lines for start and stop.
import { performance } from 'node:perf_hooks';
import type { ServerIo } from '../cli/serverIo';
import type { serverText } from '../cli/serverText';
import type { ServerHandle, ServerOptions } from '../openServer';
import { createLogger, isLoggerLevel, logLines, LOG_LEVELS } from './logger';

/** A token shorter than this is guessable: refused at start. */
export const MIN_METRICS_TOKEN = 16;

export interface ServerLogging {
  options: Pick<ServerOptions, 'log' | 'logger' | 'metricsToken'>;
  started(server: ServerHandle): void;
  /** Logs the stop around `close` (the graceful one: see openServer's close). */
  stopping(server: ServerHandle, close: () => Promise<void>): Promise<void>;
}

/** The logging and metrics options, or what is wrong with them (a usage error). */
export function serverLogging(values: { 'log-level'?: string; 'metrics-token'?: string }, io: Pick<ServerIo, 'env' | 'err'>, say: ReturnType<typeof serverText>): ServerLogging | string {
  const level = values['log-level'] ?? io.env.COPYDESK_LOG_LEVEL ?? 'info';
  if (!isLoggerLevel(level)) return say.badLogLevel(level, LOG_LEVELS.join(', '));
  const metricsToken = values['metrics-token'] ?? (io.env.COPYDESK_METRICS_TOKEN || undefined);
  if (metricsToken !== undefined && (metricsToken.length < MIN_METRICS_TOKEN || /\s/.test(metricsToken))) return say.badMetricsToken(MIN_METRICS_TOKEN);
  const logger = createLogger(level, io.err);
  return {
    options: { log: logLines(logger), logger, metricsToken },
    started(server) {
      logger.info({ url: server.url, database: server.db.kind, pid: process.pid, metrics: metricsToken ? 'token' : 'loopback' }, 'listening');
    },
    async stopping(server, close) {
      const started = performance.now();
      logger.info({ liveDocuments: server.collab.hocuspocus.getDocumentsCount(), websockets: server.collab.openSockets }, 'stopping');
      await close();
      logger.info({ ms: Math.round(performance.now() - started) }, 'stopped');
    },
  };
}
