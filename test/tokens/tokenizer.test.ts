import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findParagraphs, tokenize } from '../../src/stages/tokens/index.js';
import { WRAPPED_WIRE } from '../support/wire.js';
import { isSpaceCode, trimSpan } from '../../src/doc/span.js';
import { tokenizeRaw } from '../../src/stages/tokens/tokenizer.js';
import { normal, posModel, tagIds, tagIdsFast } from '../../src/stages/tokens/pos.js';

const words = (text: string): string[] => tokenize(text).tokens.map((t) => t.text);
const kinds = (text: string): string[] => tokenize(text).tokens.map((t) => `${t.text}/${t.kind}`);
const sentences = (text: string): string[] => tokenize(text).sentences.map((s) => s.text);
const tags = (text: string): string => tokenize(text).tokens.map((t) => `${t.text}/${t.pos}`).join(' ');

describe('tokenizer', () => {
  it('splits English clitics', () => {
    expect(words("They don't know, can't tell and won't say.")).toEqual(['They', 'do', "n't", 'know', ',', 'ca', "n't", 'tell', 'and', 'wo', "n't", 'say', '.']);
    expect(words("Rosneft's chief said he's sure we've won, I'm told")).toEqual(['Rosneft', "'s", 'chief', 'said', 'he', "'s", 'sure', 'we', "'ve", 'won', ',', 'I', "'m", 'told']);
    expect(words('Analysts’ views: the firm’s shares')).toEqual(['Analysts', '’', 'views', ':', 'the', 'firm', '’s', 'shares']);
    expect(words("the 1985's level, Qantas 747-300's and <Acme Corp>'s unit")).toEqual(['the', '1985', "'s", 'level', ',', 'Qantas', '747-300', "'s", 'and', '<', 'Acme', 'Corp', '>', "'s", 'unit']);
    expect(words('You cannot go. O’Neill and rock\'n\'roll stay whole.')).toEqual(['You', 'can', 'not', 'go', '.', 'O’Neill', 'and', "rock'n'roll", 'stay', 'whole', '.']);
  });

  it('reads numbers, money and percentages', () => {
    expect(kinds('Exports rose to $245 billion, 1,200.5 tonnes or 68% in 1987-88')).toEqual([
      'Exports/word', 'rose/word', 'to/word', '$/currency', '245/number', 'billion/word', ',/punctuation', '1,200.5/number', 'tonnes/word',
      'or/word', '68/number', '%/symbol', 'in/word', '1987-88/number',
    ]);
    expect(kinds('at 10:30 on the 22nd, -3 pct, 3-1/2 pts in the 1980s; US$5 and 27.5p')).toEqual([
      'at/word', '10:30/number', 'on/word', 'the/word', '22nd/ordinal', ',/punctuation', '-3/number', 'pct/word', ',/punctuation',
      '3-1/2/number', 'pts/word', 'in/word', 'the/word', '1980s/decade', ';/punctuation', 'US$/currency', '5/number', 'and/word',
      '27.5/number', 'p/word',
    ]);
  });

  it('keeps abbreviations and initials, and splits a plain full stop', () => {
    expect(words('Mr. J. Smith of the U.S. Agriculture Dept, Acme Inc. and Jan. 5 a.m. e.g. this.')).toEqual([
      'Mr.', 'J.', 'Smith', 'of', 'the', 'U.S.', 'Agriculture', 'Dept', ',', 'Acme', 'Inc.', 'and', 'Jan.', '5', 'a.m.', 'e.g.', 'this', '.',
    ]);
    // the possessive of a word ending the sentence is no initial
    expect(words("rated by Standard and Poor's.")).toEqual(['rated', 'by', 'Standard', 'and', 'Poor', "'s", '.']);
    // a unit at the end of a sentence is no abbreviation
    expect(words('It rose 5 pct. Shares fell.')).toEqual(['It', 'rose', '5', 'pct', '.', 'Shares', 'fell', '.']);
    // state abbreviations only with their capital
    expect(words('Based in Elkhart, Ind., it fell ill.')).toEqual(['Based', 'in', 'Elkhart', ',', 'Ind.', ',', 'it', 'fell', 'ill', '.']);
  });

  it('splits hyphenated words but keeps prefixes and codes whole', () => {
    expect(words('a well-known U.K.-based co-operation by anti-apartheid groups in mid-1987')).toEqual([
      'a', 'well', '-', 'known', 'U.K.', '-', 'based', 'co-operation', 'by', 'anti-apartheid', 'groups', 'in', 'mid-1987',
    ]);
    expect(words('the M-1 money supply, MD-11 jets and over-the-counter trade')).toEqual(['the', 'M-1', 'money', 'supply', ',', 'MD-11', 'jets', 'and', 'over-the-counter', 'trade']);
  });

  it('reads URLs, e-mail addresses, hashtags and mentions as one token', () => {
    expect(kinds('See https://example.org/a?b=1, write to john.smith@example.co.uk or #energy @Reuters.')).toEqual([
      'See/word', 'https://example.org/a?b=1/url', ',/punctuation', 'write/word', 'to/word', 'john.smith@example.co.uk/email', 'or/word',
      '#energy/hashtag', '@Reuters/mention', './punctuation',
    ]);
  });

  it('cuts quotes and dashes off words, curly or straight', () => {
    expect(words('“We won,” he said — ‘really’ -- "yes" (maybe)...')).toEqual([
      '“', 'We', 'won', ',', '”', 'he', 'said', '—', '‘', 'really', '’', '--', '"', 'yes', '"', '(', 'maybe', ')', '...',
    ]);
  });

  it('keeps offsets exact and covers every character but white space, on any text', () => {
    const alphabet = [...'aZ9 .,\'’"“”-–—$%&/:@#()\n\t…é'].concat(['U.S.', "n't", 'Mr.', '1,2', 'http://x.y', '😀', 'co-', 'pct.']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const { tokens, sentences: sents } = tokenize(text);
        let last = 0;
        const covered = new Uint8Array(text.length);
        for (const t of tokens) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(/\s/.test(t.text)).toBe(false);
          for (let k = t.start; k < t.end; k++) covered[k] = 1;
          last = t.end;
        }
        for (let k = 0; k < text.length; k++) if (!/\s/.test(text[k]!)) expect(covered[k]).toBe(1);
        // sentences tile the tokens in order
        let next = 0;
        for (const s of sents) {
          expect(s.tokenStart).toBe(next);
          expect(s.start).toBe(tokens[s.tokenStart]!.start);
          expect(s.end).toBe(tokens[s.tokenEnd - 1]!.end);
          for (let k = s.tokenStart; k < s.tokenEnd; k++) expect(tokens[k]!.sentence).toBe(s.index);
          next = s.tokenEnd;
        }
        expect(next).toBe(tokens.length);
      }),
      { numRuns: 400, seed: 9 },
    );
  });

  it('takes linear time on long runs without white space', () => {
    const runs = ['a-'.repeat(100_000), '('.repeat(200_000), '.'.repeat(200_000), "'s".repeat(100_000), 'U.S.'.repeat(50_000), 'x@y.'.repeat(50_000), '#a'.repeat(100_000), '1-a-'.repeat(50_000), '$1a'.repeat(60_000)];
    const t0 = performance.now();
    for (const r of runs) expect(tokenizeRaw(r).starts.length).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('white space and paragraphs', () => {
  it('reads white space as a regex\'s \\s does, for every code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
  it('trims paragraphs and spans of any white space, no-break and ideographic spaces included', () => {
    expect(findParagraphs('\u00a0 First line.\u3000\n\n\t\ufeffSecond.\u2029 ').map((p) => p.text)).toEqual(['First line.', 'Second.']);
    expect(trimSpan('«\u202f Bonjour \u202f»', 0, 13, '«»').text).toBe('Bonjour');
  });
  it('reads each line of a text without blank lines as a paragraph when its lines were not wrapped', () => {
    const text = 'Putin arrives in Beijing for talks\nXi Jinping welcomed his "old friend" on Tuesday, state media said.\nThe two leaders signed a statement.';
    expect(findParagraphs(text).map((p) => p.text)).toEqual(text.split('\n'));
  });
  it('reads a hard-wrapped text as its paragraphs: a break where the next line is indented or its first word would have fitted', () => {
    // the Reuters-21578 layout: no blank line, paragraphs indented, the dateline cut off the first line
    const wire = WRAPPED_WIRE.replace('\n    \n', '\n');
    const paragraphs = findParagraphs(wire).map((p) => p.text.replace(/\s+/g, ' '));
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toBe('Shares of Harbor Lights Media rose almost three points on Tuesday after its vice chairman and an investment group said they would raise their offer for the company.');
    expect(paragraphs[5]).toBe('Reuter');
    // wrapped at 60 columns with no indentation: a short line ending a sentence ends its paragraph
    const mail = [
      'The committee met on Monday to discuss the budget for next',
      'year, and its chairman said they went well.',
      'Members will vote on the plan in March, after the public has',
      'had six weeks to comment on it.',
      'Nothing was said about the school closures that parents had',
      'protested against in January.',
    ].join('\n');
    expect(findParagraphs(mail).map((p) => p.text.replace(/\n/g, ' '))).toEqual([
      'The committee met on Monday to discuss the budget for next year, and its chairman said they went well.',
      'Members will vote on the plan in March, after the public has had six weeks to comment on it.',
      'Nothing was said about the school closures that parents had protested against in January.',
    ]);
    // and every sentence is whole, not a line
    expect(tokenize(mail).sentences.map((s) => s.text.split(' ')[0])).toEqual(['The', 'Members', 'Nothing']);
  });
  it('reads a table of even lines as one row a line, and a wrapped line going on with a figure as going on', () => {
    const table = 'Shr profit three cts vs loss two cts\n    Net profit 363,000 vs loss 197,000\n    Revs 3,761,000 vs 2,666,000\n    Year\n    Shr profit one cent vs loss 37 cts\n    Net profit 129,000 vs loss 1,715,000\n Reuter';
    expect(findParagraphs(table).map((p) => p.text)).toEqual(table.split('\n').map((l) => l.trim()));
    const wire = 'Harbor Lights Bank said it filed an application with the\nregulator in an effort to create the largest banking network\nin the county.\n    The bank said the network would link 31 banks having\n13.5 billion dlrs in assets and 7.5 billion dlrs in deposits.\n Reuter';
    expect(findParagraphs(wire).map((p) => p.text.replace(/\s+/g, ' '))).toEqual([
      'Harbor Lights Bank said it filed an application with the regulator in an effort to create the largest banking network in the county.',
      'The bank said the network would link 31 banks having 13.5 billion dlrs in assets and 7.5 billion dlrs in deposits.',
      'Reuter',
    ]);
  });
  it('keeps a wrapped paragraph whole where a short line goes on in lower case, and breaks blank-line paragraphs as before', () => {
    const text = 'Shares in the company rose sharply on Monday after it said\nits profits had doubled in the year to March, and analysts\nsaid the rise would last. Its chief executive, Ann Lee, said\nthat was\nonly the start.';
    expect(findParagraphs(text)).toHaveLength(1);
    expect(findParagraphs('One paragraph\nwith a soft break.\n\nAnother.').map((p) => p.text)).toEqual(['One paragraph\nwith a soft break.', 'Another.']);
  });
});

describe('sentences', () => {
  it('ends sentences at full stops, with the closing quote, but not after titles and initials', () => {
    expect(sentences('He said "it is over." Then J. Smith left. Mr. Brown stayed!')).toEqual(['He said "it is over."', 'Then J. Smith left.', 'Mr. Brown stayed!']);
    expect(sentences('It was sold in the U.S. The company said so. U.S. officials agreed.')).toEqual(['It was sold in the U.S.', 'The company said so.', 'U.S. officials agreed.']);
    expect(sentences('“Done.” Next, ‘one’ more? Yes.')).toEqual(['“Done.”', 'Next, ‘one’ more?', 'Yes.']);
  });
  it('does not end a sentence at the full stop of a wire\'s ticker ("<CMAC.S>"), set between two words', () => {
    expect(sentences('Comalco Ltd <CMAC.S> said its return to profit reflected reduced costs. It said the loss was cut.')).toEqual(['Comalco Ltd <CMAC.S> said its return to profit reflected reduced costs.', 'It said the loss was cut.']);
  });
  it('never reads across a paragraph break, and joins fragments as mergeFragments did', () => {
    expect(sentences('First paragraph without a stop\n\nSecond one. Two sentences.')).toEqual(['First paragraph without a stop', 'Second one.', 'Two sentences.']);
    expect(sentences('"We won," he said. "They lost." said Smith.')).toEqual(['"We won," he said.', '"They lost." said Smith.']);
  });
});

describe('part of speech', () => {
  it('tags plain sentences in Universal tags', () => {
    expect(tags('The company said it will buy the shares.')).toBe('The/DET company/NOUN said/VERB it/PRON will/AUX buy/VERB the/DET shares/NOUN ./PUNCT');
    expect(tags('Reagan has not met Gorbachev in Moscow.')).toBe('Reagan/PROPN has/AUX not/PART met/VERB Gorbachev/PROPN in/ADP Moscow/PROPN ./PUNCT');
    expect(tags('Exports rose 5 pct to 1.2 billion dlrs.')).toBe('Exports/NOUN rose/VERB 5/NUM pct/NOUN to/ADP 1.2/NUM billion/NUM dlrs/NOUN ./PUNCT');
  });
});

describe('the cached tagger', () => {
  it('tags as the plain one, on short and long sentences', () => {
    const m = posModel();
    const texts = ['Hi', 'He left', 'Oil prices rose', 'The U.S. Treasury said on Tuesday it would sell 9.75 billion dlrs of notes, as analysts had expected.',
      'Shr 12 cts vs 10 cts Net 1,234,000 vs 987,000 Revs 5.6 mln vs 4.3 mln', '"We won\'t," said Smith — and left for Paris.'];
    for (const text of texts) {
      const r = tokenizeRaw(text);
      const raw = r.starts.map((s, k) => text.slice(s, r.ends[k]));
      expect([...tagIdsFast(m, raw, raw.map(normal))]).toEqual([...tagIds(m, raw, raw.map(normal))]);
    }
  });
});

describe('determinism', () => {
  it('gives an article the same tokens whatever was read before', () => {
    const article = 'Zyxcorp Inc said its unit, Qwertronics, won a 42.5 mln dlr contract from the U.S. Navy. "It\'s a big deal," said Mr. Olafsdottir.\n\nShares of Zyxcorp rose 3/8 to 27-1/4.';
    const first = tokenize(article);
    // read unseen words first: a tokenizer that learns its vocabulary as it reads would change
    for (let k = 0; k < 300; k++) tokenize(`Frobnic${k}ation-${k} of Blorg${k}'s co-${k}venture, at ${k}.5 pct, via www.site${k}.com and Mr${k}. Q${k}-${k}.`);
    expect(tokenize(article)).toEqual(first);
  });
});
