#!/usr/bin/env node
// The `newsgraph` command: runs the compiled CLI in dist/ (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('newsgraph is not built: run npm install (or npm run build)\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
