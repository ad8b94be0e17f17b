/** A temporary SQLite store holding the seed article and a second small article, for the serve tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';
import type { Store } from '../../src/store/store.js';
import { BACKENDS, type Backend } from '../store/backends.js';

export const SEED_FILE = fileURLToPath(new URL('../../examples/seed-article.txt', import.meta.url));
export const SEED_ID = 'seed-article';
export const SECOND_ID = 'kyiv-independent-sco';
export const SCRIPT_ID = 'script-in-text';

/** A later report from another outlet, naming Putin the same way. */
export const SECOND_TEXT =
  'Russian dictator Vladimir Putin left Tianjin on Wednesday after talks with Chinese leader Xi Jinping, ' +
  'the Kyiv Independent reports. Ukrainian President Volodymyr Zelensky condemned the visit. ' +
  '"Putin is trying to buy time," Zelensky said.';

/** Markup in the text itself: the interface must show it as text. */
export const SCRIPT_TEXT =
  'A reader wrote to the editors of the Kyiv Independent on Thursday. ' +
  'The letter contained the words <script>alert(1)</script> and <img src=x onerror=alert(2)> in the middle of a sentence. ' +
  'Olena Kovalenko, an economist, said the markup was "just text".';

export interface SeededStore {
  store: Store;
  dispose(): Promise<void>;
}

/** A fresh store (SQLite in a temporary file unless another backend is given) with the articles above. */
export async function seededStore(opts: { withScript?: boolean; backend?: Backend } = {}): Promise<SeededStore> {
  const t = await (opts.backend ?? BACKENDS[0]!).create();
  const store = t.store;
  const seed = readPlainText(readFileSync(SEED_FILE, 'utf8'), undefined, SEED_FILE);
  await store.ingestArticle(analyze({ id: SEED_ID, ...seed }), { origin: 'examples/seed-article.txt' });
  await store.ingestArticle(analyze({ id: SECOND_ID, date: '2025-09-03', title: 'Putin leaves China', text: SECOND_TEXT }), { publisher: 'Kyiv Independent' });
  if (opts.withScript) {
    await store.ingestArticle(analyze({ id: SCRIPT_ID, date: '2025-09-04', title: 'A letter with <script> in it', text: SCRIPT_TEXT }), { publisher: 'Kyiv Independent' });
  }
  return { store, dispose: () => t.dispose() };
}
