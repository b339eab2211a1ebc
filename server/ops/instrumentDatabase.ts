// Database latency for /metrics: each statement and each transaction timed around the store's own
// calls. Two clock reads and one bucket increment per call (no labels hashed), so the overhead is
// well under a microsecond beside queries that take tens of them.
import { performance } from 'node:perf_hooks';
import type { Database, Queryable } from '../db/Database';

interface Timer {
  observe(seconds: number): void;
}

async function timed<T>(timer: Timer, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    timer.observe((performance.now() - started) / 1000);
  }
}

function queryable(q: Queryable, query: Timer): Queryable {
  return {
    query: <R,>(sql: string, params?: unknown[]) => timed(query, () => q.query<R>(sql, params)),
    exec: (sql) => timed(query, () => q.exec(sql)),
  };
}

export function instrumentDatabase(db: Database, timers: { query: Timer; transaction: Timer }): Database {
  return {
    kind: db.kind,
    ...queryable(db, timers.query),
    transaction: (fn) => timed(timers.transaction, () => db.transaction((tx) => fn(queryable(tx, timers.query)))),
    close: () => db.close(),
  };
}
