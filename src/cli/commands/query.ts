/** `newsgraph query …`: questions across the knowledge base, as tables or --format json. */
import type { Command } from 'commander';
import { InputError } from '../../stages/reading/errors.js';
import type { Store } from '../../store/store.js';
import { addStoreOptions, addTableJsonFormat, parsePositiveInt, printJson, withStore, writeOut, type StoreOptions } from './shared.js';

type Options = StoreOptions & { format: 'table' | 'json' };

/** Run a query and print its result as JSON or as the renderer's table. */
async function answer<T>(opts: Options, ask: (store: Store) => Promise<T>, render: (result: T, width: number) => string): Promise<void> {
  const { terminalWidth } = await import('../../query/table.js');
  await withStore(opts, async (store) => {
    const result = await ask(store);
    if (opts.format === 'json') return printJson(result);
    return writeOut(process.stdout, render(result, terminalWidth()));
  });
}

const render = () => import('../../query/render.js');

const EXAMPLES = `
Examples:
  newsgraph query entity Putin
  newsgraph query quotes --speaker "Xi Jinping"
  newsgraph query quotes --about Ukraine --format json
  newsgraph query relation "United States" China
  newsgraph query sources
  newsgraph query search "retaliatory tariffs"
  newsgraph query claims --conflicts
  newsgraph query stories --min-articles 2`;

export function registerQuery(program: Command): void {
  const query = program.command('query').description('ask the knowledge base: entities, quotes, relations, sources, search, claims, stories').addHelpText('after', EXAMPLES);
  const sub = (name: string, description: string) => addTableJsonFormat(addStoreOptions(query.command(name).description(description)));

  sub('entity', 'profile of an entity: type, country, mentions by month, descriptors and the outlets using them, entities named with it')
    .argument('<name>', 'a name as written ("Putin", "Xi", "SCO") or a gazetteer id ("person:vladimir-putin")')
    .action(async (name: string, opts: Options) => {
      const { renderEntity } = await render();
      await answer(opts, (s) => s.entity(name), renderEntity);
    });

  sub('quotes', 'quotes by a speaker, or about someone (the quoted words mention them)')
    .option('--speaker <name>', 'who said it')
    .option('--about <name>', 'whom the quoted words mention')
    .option('--scare', 'include scare quotes (quotation marks that are not speech)')
    .option('--limit <n>', 'at most this many quotes', '100')
    .action(async (opts: Options & { speaker?: string; about?: string; scare?: boolean; limit: string }) => {
      if (!opts.speaker && !opts.about) throw new InputError('query quotes needs --speaker NAME or --about NAME');
      const limit = parsePositiveInt(opts.limit, '--limit');
      const { renderQuotes } = await render();
      await answer(opts, (s) => s.quotes({
        ...(opts.speaker ? { speaker: opts.speaker } : {}),
        ...(opts.about ? { about: opts.about } : {}),
        includeScare: !!opts.scare,
        limit,
      }), renderQuotes);
    });

  sub('relation', 'events between two actors, both directions, over time, with PLOVER type and quad class')
    .argument('<a>', 'first actor')
    .argument('<b>', 'second actor')
    .action(async (a: string, b: string, opts: Options) => {
      const { renderRelation } = await render();
      await answer(opts, (s) => s.relation(a, b), renderRelation);
    });

  sub('sources', 'who cites whom: reporting chains counted across articles')
    .action(async (opts: Options) => {
      const { renderSources } = await render();
      await answer(opts, (s) => s.sources(), renderSources);
    });

  sub('search', 'full-text search over titles and texts (all words must match; "quoted phrases" kept together)')
    .argument('<text...>', 'words to find')
    .option('--limit <n>', 'at most this many articles', '20')
    .action(async (words: string[], opts: Options & { limit: string }) => {
      const limit = parsePositiveInt(opts.limit, '--limit');
      const { renderSearch } = await render();
      await answer(opts, (s) => s.search(words.join(' '), limit), renderSearch);
    });

  sub('claims', 'numeric claims grouped by measure, period and unit; values that disagree across articles flagged')
    .option('--conflicts', 'only claims whose values disagree by more than 1% across articles')
    .option('--measure <words>', 'only measures containing these words ("trade")')
    .action(async (opts: Options & { conflicts?: boolean; measure?: string }) => {
      const { renderClaims } = await render();
      await answer(opts, (s) => s.claims({ conflictsOnly: !!opts.conflicts, ...(opts.measure ? { measure: opts.measure } : {}) }), renderClaims);
    });

  sub('stories', 'stories: articles reporting the same story (reprints, near-duplicates, the same event)')
    .option('--limit <n>', 'at most this many stories', '20')
    .option('--min-articles <n>', 'only stories with at least this many articles', '1')
    .action(async (opts: Options & { limit: string; minArticles: string }) => {
      const limit = parsePositiveInt(opts.limit, '--limit');
      const minArticles = parsePositiveInt(opts.minArticles, '--min-articles');
      const { renderStories } = await render();
      await answer(opts, (s) => s.stories({ limit, minArticles }), renderStories);
    });
}
