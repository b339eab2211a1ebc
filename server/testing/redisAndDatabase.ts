// The several-instance tests' shared stores: a redis-server of the test's own and a throwaway
// PostgreSQL database, both or neither (the Redis is stopped when no database is reachable).
import { throwawayDatabase, type ThrowawayDatabase } from './realPostgres';
import { startTestRedis, type TestRedis } from './testRedis';

export async function redisAndDatabase(): Promise<{ redis: TestRedis; db: ThrowawayDatabase } | { skip: string }> {
  const redis = await startTestRedis();
  if ('skip' in redis) return redis;
  const db = await throwawayDatabase();
  if ('skip' in db) {
    await redis.stop();
    return db;
  }
  return { redis, db };
}
