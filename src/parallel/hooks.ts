/**
 * Test-only hooks, read from the environment. They exist so the tests can make an article fail
 * or a job slow on purpose; nothing in normal use sets them.
 *   NEWSGRAPH_TEST_FAIL_IDS=a,b  analysis of the articles with these ids throws (an internal error)
 *   NEWSGRAPH_TEST_SLOW_MS=N     each queue job waits N ms before its analysis (to kill a worker mid-job)
 *   NEWSGRAPH_TEST_CRASH_IDS=a,b an analysis thread of the pool that meets these ids exits (a thread crash)
 */
import type { Analysis } from '../analysis.js';
import type { ArticleInput } from '../doc/types.js';

export interface TestHooks {
  failIds: ReadonlySet<string>;
  slowMs: number;
}

export function testHooksFromEnv(env: NodeJS.ProcessEnv = process.env): TestHooks {
  const failIds = new Set((env.NEWSGRAPH_TEST_FAIL_IDS ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  const slow = Number(env.NEWSGRAPH_TEST_SLOW_MS ?? 0);
  return { failIds, slowMs: Number.isFinite(slow) && slow > 0 ? slow : 0 };
}

export class InjectedFailure extends Error {
  constructor(id: string) {
    super(`analysis failed on purpose for article ${id} (NEWSGRAPH_TEST_FAIL_IDS, a test hook)`);
    this.name = 'InjectedFailure';
  }
}

/** `analyze` itself when no hook is set; otherwise a wrapper that throws for the listed ids. */
export function withTestHooks(analyze: (input: ArticleInput) => Analysis, hooks: TestHooks = testHooksFromEnv()): (input: ArticleInput) => Analysis {
  if (hooks.failIds.size === 0) return analyze;
  return (input) => {
    if (input.id !== undefined && hooks.failIds.has(input.id)) throw new InjectedFailure(input.id);
    return analyze(input);
  };
}

/** In a pool thread only: exit the thread (as a crash would) on the ids NEWSGRAPH_TEST_CRASH_IDS lists. */
export function withThreadCrashHook(analyze: (input: ArticleInput) => Analysis, env: NodeJS.ProcessEnv = process.env): (input: ArticleInput) => Analysis {
  const crashIds = new Set((env.NEWSGRAPH_TEST_CRASH_IDS ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  if (crashIds.size === 0) return analyze;
  return (input) => {
    if (input.id !== undefined && crashIds.has(input.id)) process.exit(70);
    return analyze(input);
  };
}
