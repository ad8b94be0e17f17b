/**
 * `newsgraph serve [--db FILE | --pg URL] [--port 8080] [--host 127.0.0.1]` (../shared/CONTRACT.md
 * section 4), and `newsgraph start`, what `npm start` runs: build the web interface when it is
 * missing, store the bundled example article when the store is empty, then serve.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../stages/reading/errors.js';
import { packageRoot } from '../../resources/paths.js';
import type { Store } from '../../store/store.js';
import { addStoreOptions, type StoreOptions } from './shared.js';

interface ServeOptions extends StoreOptions {
  port?: string;
  host: string;
}

const DEFAULT_PORT = 8080;
const SEED_ID = 'seed-article';

function parsePort(value: string, what: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 0 || n > 65535) throw new InputError(`${what} must be a port number from 0 to 65535, not "${value}"`);
  return n;
}

/** --port, else PORT, else 8080. */
export function choosePort(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (flag !== undefined) return parsePort(flag, '--port');
  if (env.PORT?.trim()) return parsePort(env.PORT.trim(), 'PORT');
  return DEFAULT_PORT;
}

const HELP = `
Serves the web interface at / and the JSON API under /api/ (GET /api/health, the OpenAPI
description at GET /api/openapi.json). The port is --port, else PORT, else 8080.

Writes (POST /api/articles) need NEWSGRAPH_TOKEN set when the server starts, and the same value
sent as "Authorization: Bearer TOKEN"; without it the API is read-only.

Examples:
  newsgraph serve
  NEWSGRAPH_TOKEN=$(openssl rand -hex 16) newsgraph serve --db news.db --port 3000
  newsgraph serve --pg postgres://postgres@127.0.0.1:5432/news --host 0.0.0.0`;

/** Serve until SIGINT or SIGTERM, then close the server and the store. */
async function serveUntilStopped(opts: ServeOptions, before?: (store: Store) => Promise<void>): Promise<void> {
  const port = choosePort(opts.port);
  const { chooseStore, openStore } = await import('../../store/open.js');
  const { startServer, defaultWebRoot, webBuilt } = await import('../../serve/server.js');
  const store = await openStore(chooseStore(opts));
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    if (before) await before(store);
    const token = process.env.NEWSGRAPH_TOKEN?.trim() || undefined;
    try {
      server = await startServer({ store, token, webRoot: defaultWebRoot(), port, host: opts.host });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new InputError(`port ${port} on ${opts.host} is in use: choose another with --port or PORT`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InputError(`cannot listen on host "${opts.host}": not an address of this machine`);
      if (code === 'EACCES') throw new InputError(`not allowed to listen on port ${port}: choose one above 1023`);
      throw err;
    }
    process.stderr.write(
      `newsgraph: serving the ${store.kind} store ${store.location}; ` +
      `${token ? 'writes need the NEWSGRAPH_TOKEN bearer token' : 'read-only (set NEWSGRAPH_TOKEN to allow POST /api/articles)'}` +
      `${webBuilt() ? '' : '; the web interface is not built (npm run build:web)'}\n`,
    );
    process.stdout.write(`newsgraph: listening on ${server.url}\n`);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stderr.write(`newsgraph: ${signal}: shutting down\n`);
      void server.close().then(() => store.close()).finally(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Build web/dist with `npm run build:web` when it is missing; false when it could not be built. */
function buildWebIfMissing(): boolean {
  const root = packageRoot();
  if (existsSync(join(root, 'web', 'dist', 'index.html'))) return true;
  if (!existsSync(join(root, 'node_modules', 'vite'))) {
    process.stderr.write('newsgraph: the web interface is not built and vite is not installed (npm install installs it); serving the API only\n');
    return false;
  }
  process.stderr.write('newsgraph: building the web interface (npm run build:web)\n');
  const run = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    process.stderr.write('newsgraph: the web interface could not be built; serving the API only\n');
    return false;
  }
  return true;
}

export function registerServe(program: Command): void {
  addStoreOptions(
    program
      .command('serve')
      .description('serve the web interface at / and the JSON API under /api/ over a store'),
  )
    .option('--port <port>', `port to listen on (default: PORT, else ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .addHelpText('after', HELP)
    .action(async (opts: ServeOptions) => {
      await serveUntilStopped(opts);
    });

  addStoreOptions(
    program
      .command('start')
      .description('what npm start runs: build the web interface if missing, store the bundled example article when the store is empty, then serve (the analysis as text: newsgraph analyze examples/seed-article.txt --format text)'),
  )
    .option('--port <port>', `port to listen on (default: PORT, else ${DEFAULT_PORT})`)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: ServeOptions) => {
      buildWebIfMissing();
      await serveUntilStopped(opts, async (store) => {
        const { articles } = await store.stats();
        if (articles > 0) return;
        const file = join(packageRoot(), 'examples', 'seed-article.txt');
        const { readPlainText } = await import('../../stages/reading/index.js');
        const { analyze } = await import('../../pipeline.js');
        const input = readPlainText(readFileSync(file, 'utf8'), undefined, file);
        await store.ingestArticle(analyze({ id: SEED_ID, ...input }), { origin: 'examples/seed-article.txt' });
        process.stderr.write(`newsgraph: the store was empty: stored the example article ${file} as "${SEED_ID}"\n`);
      });
    });
}
