/** `newsgraph export --format jsonl|gdelt|graphml [--out FILE]`. */
import { Option, type Command } from 'commander';
import { addStoreOptions, withStore, writeAll, type StoreOptions } from './shared.js';

const HELP = `
Formats:
  jsonl    one stored analysis a line (../shared/CONTRACT.md section 1), plus publisher, url, story
  gdelt    GDELT 2.0-style events, tab-separated with a header line: GLOBALEVENTID, SQLDATE,
           Actor1Name, Actor1CountryCode, Actor2Name, Actor2CountryCode, EventCode, EventRootCode,
           QuadClass, ActionGeo_FullName, SOURCEURL (or the article id), then the PLOVER type and
           the trigger's text and offsets
  graphml  actors (nodes: label, type, country) and events (directed edges: plover, cameo,
           quadClass, date, weight = number of events), for Gephi, yEd or networkx

Examples:
  newsgraph export --format gdelt --out events.tsv
  newsgraph export --format graphml --out actors.graphml`;

export function registerExport(program: Command): void {
  addStoreOptions(program.command('export').description('export the knowledge base: analyses as JSON lines, events as GDELT-style TSV, actors and events as GraphML'))
    .addOption(new Option('--format <format>', 'export format').choices(['jsonl', 'gdelt', 'graphml']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText('after', HELP)
    .action(async (opts: StoreOptions & { format: 'jsonl' | 'gdelt' | 'graphml'; out?: string }) => {
      const { exportStream } = await import('../../export/formats.js');
      await withStore(opts, (store) => writeAll(exportStream(store, opts.format), opts.out));
    });
}
