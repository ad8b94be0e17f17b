/**
 * Options of the training and data scripts, read strictly (node:util parseArgs): an unknown or
 * misspelt option is refused with the usage, instead of being ignored while a long run starts with
 * the defaults and overwrites a committed model; `--help` prints the usage and exits.
 */
import { parseArgs } from 'node:util';

export type ScriptOptions = Record<string, { type: 'string' | 'boolean' }>;

/** The options' values by name (a string, true, or undefined when not given). */
export function scriptArgs(usage: string, options: ScriptOptions): Record<string, string | boolean | undefined> {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${usage.trim()}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  return values as Record<string, string | boolean | undefined>;
}

/** Options of these names, each taking a value (`--epochs 10`). */
export const valueOptions = (...names: string[]): ScriptOptions => Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
/** Options of these names, each a flag (`--two-pass`). */
export const flagOptions = (...names: string[]): ScriptOptions => Object.fromEntries(names.map((n) => [n, { type: 'boolean' as const }]));
