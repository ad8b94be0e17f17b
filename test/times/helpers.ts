/** What the time tests compare: the stage run on one text, and the fields a row expects. */
import { tokenize } from '../../src/stages/tokens/index.js';
import { findTimes } from '../../src/stages/times/index.js';
import type { TimeRecord } from '../../src/doc/types.js';

export interface Expected {
  text: string;
  type: TimeRecord['type'];
  value: string;
  mod?: string;
}

export function times(text: string, date: string | null): TimeRecord[] {
  const { tokens, sentences } = tokenize(text);
  return findTimes(text, tokens, sentences, date);
}

export const pick = (t: TimeRecord): Expected => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) });
