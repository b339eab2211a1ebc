// GET /readyz: whether this instance should get traffic. The database always answers `SELECT 1`
// within a short time; other checks (Redis between instances) join the list by name. Liveness
// stays /healthz: a server whose database is away is alive and waiting, not to be restarted.
import type { Queryable } from '../db/Database';
import type { ServerLog } from './serverLog';

export interface ReadyCheck {
  /** Named in /readyz's answer (e.g. "database", "redis"): no address, no secret. */
  name: string;
  /** Resolves when the dependency answers; rejects (or outlasts the timeout) when it does not. */
  check(): Promise<unknown>;
}

export interface Readiness {
  ready: boolean;
  /** Each check by name: "ok", or "failed" (the reason goes to the log, not to whoever asks). */
  checks: Record<string, 'ok' | 'failed' | 'stopping'>;
}

export const READY_TIMEOUT_MS = 2000;

export function databaseCheck(db: Queryable): ReadyCheck {
  return { name: 'database', check: () => db.query('SELECT 1') };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The checks run together; a failure is logged when the instance turns unready (not on every poll), and again when it is back. */
export class ReadinessProbe {
  /** Open to additions (the Redis check is added where Redis is set up). */
  readonly checks: ReadyCheck[];
  private stopping = false;
  private failing = new Set<string>();

  constructor(
    checks: readonly ReadyCheck[],
    private readonly log?: ServerLog,
    private readonly timeoutMs = READY_TIMEOUT_MS,
  ) {
    this.checks = [...checks];
  }

  /** From the start of a graceful shutdown: unready, so a load balancer sends no one new. */
  stop(): void {
    this.stopping = true;
  }

  async run(): Promise<Readiness> {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await within(Promise.resolve().then(() => c.check()), this.timeoutMs);
          return [c.name, null] as const;
        } catch (err) {
          return [c.name, (err as Error).message ?? String(err)] as const;
        }
      }),
    );
    const checks: Readiness['checks'] = {};
    const failing = new Set<string>();
    for (const [name, error] of results) {
      checks[name] = error === null ? 'ok' : 'failed';
      if (error !== null) {
        failing.add(name);
        if (!this.failing.has(name)) this.log?.(`not ready: ${name} check failed: ${error}`, 'warn');
      } else if (this.failing.has(name)) this.log?.(`ready again: ${name} answers`, 'info');
    }
    this.failing = failing;
    if (this.stopping) checks.server = 'stopping';
    return { ready: failing.size === 0 && !this.stopping, checks };
  }
}
