/**
 * Redis for the article queue: where it is (REDIS_URL, default redis://127.0.0.1:6379), the queue
 * name, and a reachability check that turns "not running" into one line naming what to start.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { InputError } from '../stages/reading/errors.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE = 'newsgraph-articles';
/** Every key newsgraph's queues use starts with this (BullMQ's "prefix"). */
export const QUEUE_PREFIX = 'newsgraph';

export class RedisUnavailableError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

export function redisUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDIS_URL?.trim() || DEFAULT_REDIS_URL;
}

/** A queue name BullMQ accepts as part of its keys: letters, digits, - _ . */
export function checkQueueName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name)) throw new InputError(`--queue-name must be letters, digits, "-", "_" or "." (at most 100), not "${name}"`);
  return name;
}

/** host:port, for messages (never the password). */
export function redisWhere(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || '127.0.0.1'}:${u.port || '6379'}`;
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

/** redis://[user:password@]host[:port][/db] and rediss:// (TLS) → ioredis options. */
export function redisOptions(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError(`REDIS_URL is not a URL: expected redis://host:6379, not "${url}"`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new InputError(`REDIS_URL must start with redis:// or rediss://, not "${u.protocol}//"`);
  const db = Number(u.pathname.slice(1) || 0);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Connect once, without retrying, and ping: Redis not running (or refusing the login) is one
 * line saying so, before BullMQ's own connections, which retry for ever, are made.
 */
export async function checkRedis(url: string): Promise<void> {
  const options = redisOptions(url);
  const where = redisWhere(url);
  const probe = new Redis({ ...options, lazyConnect: true, connectTimeout: 5_000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  probe.on('error', () => undefined); // reported below
  try {
    await probe.connect();
    await probe.ping();
    await probe.quit();
  } catch (err) {
    // a connection that never opened needs no disconnect (whose 2 s timer would hold the exit)
    if (probe.status !== 'end') probe.disconnect();
    const message = err instanceof Error ? err.message : String(err);
    if (/NOAUTH|WRONGPASS|invalid password|invalid username/i.test(message)) {
      throw new RedisUnavailableError(`Redis at ${where} refused the login: check the user and password in REDIS_URL`);
    }
    throw new RedisUnavailableError(`cannot reach Redis at ${where}: is it running? (start redis-server, or set REDIS_URL)`);
  }
}

/** An error from a Redis connection that went away (as opposed to a bad command or job). */
export function isRedisConnectionError(err: unknown): boolean {
  const text = `${String((err as { code?: unknown })?.code ?? '')} ${err instanceof Error ? err.message : String(err)}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|max retries per request|Stream isn't writeable/i.test(text);
}
