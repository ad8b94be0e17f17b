/**
 * CoNLL-2003 files: one token a line (token in the first column), blank lines between sentences,
 * `-DOCSTART-` lines between articles. The reader keeps every line so `tag --conll` can write
 * them back unchanged; only the first column (and, for training and scoring, the last) is read.
 */

export interface ConllSentence {
  tokens: string[];
  /** the last column of each token line (the gold tag, when the file has one) */
  last: string[];
  /** index of each token's line in ConllFile.lines */
  lines: number[];
}

export interface ConllDoc {
  sentences: ConllSentence[];
}

export interface ConllFile {
  lines: string[];
  /** whether the text ended with a line break (kept when writing it back) */
  finalNewline: boolean;
  docs: ConllDoc[];
}

const SPLIT = /\s+/;

export function isDocStart(line: string): boolean {
  return line.trimStart().startsWith('-DOCSTART-');
}

export function parseConll(text: string): ConllFile {
  const lines = text.split('\n');
  // a final newline ends the last line; it does not start an empty one
  const finalNewline = text.endsWith('\n');
  if (finalNewline) lines.pop();
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let sent: ConllSentence = { tokens: [], last: [], lines: [] };
  const endSentence = () => {
    if (sent.tokens.length) doc.sentences.push(sent);
    sent = { tokens: [], last: [], lines: [] };
  };
  const endDoc = () => {
    endSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [] };
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!.replace(/\r$/, '');
    const cols = line.trim().split(SPLIT);
    if (!line.trim()) { endSentence(); continue; }
    if (cols[0] === '-DOCSTART-') { endDoc(); continue; }
    sent.tokens.push(cols[0]!);
    sent.last.push(cols[cols.length - 1]!);
    sent.lines.push(k);
  }
  endDoc();
  return { lines, finalNewline, docs };
}
