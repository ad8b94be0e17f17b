import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, checkDate, idOfLine, isIsoDate, readJsonlRecord, readPlainText } from '../../src/stages/reading/index.js';
import { readHtml } from '../../src/stages/reading/html.js';
import { datelineEnd } from '../../src/doc/dateline.js';

/** Runs f and returns the InputError it throws; fails the test when it throws nothing or something else. */
function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.message).not.toBe('');
    expect(e.message).not.toMatch(/\n/); // one line, fit for stderr
    return e;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

describe('isIsoDate / checkDate', () => {
  it.each([
    ['2025-09-02', true],
    ['2024-02-29', true], // leap year
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-9-2', false],
    ['2025-09-02T10:00:00Z', false],
    ['yesterday', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });

  it('checkDate returns a good date and names what was bad', () => {
    expect(checkDate('2025-09-02')).toBe('2025-09-02');
    expect(inputError(() => checkDate('2025-02-30', '--date')).message).toContain('--date');
  });
});

describe('readPlainText', () => {
  it('reads the seed article: dateline on the same line as the text', () => {
    const raw = readFileSync(new URL('../../../shared/seed/article.txt', import.meta.url), 'utf8');
    const a = readPlainText(raw);
    expect(a.date).toBe('2025-09-02');
    expect(a.text.startsWith('The meeting between')).toBe(true);
    expect(raw.endsWith(a.text)).toBe(true); // the text is the raw text after the header, unchanged
  });

  it.each([
    ['header on its own line', 'date 2024-01-05\nText of the story.', '2024-01-05', 'Text of the story.'],
    ['header then a blank line', 'date 2024-01-05\n\nText of the story.', '2024-01-05', 'Text of the story.'],
    ['header with Windows newline', 'date 2024-01-05\r\nText of the story.', '2024-01-05', 'Text of the story.'],
    ['header on the same line', 'date 2024-01-05 Text of the story.', '2024-01-05', 'Text of the story.'],
    ['tab after "date"', 'date\t2024-01-05\nText of the story.', '2024-01-05', 'Text of the story.'],
    ['leading spaces', '   date 2024-01-05\nText of the story.', '2024-01-05', 'Text of the story.'],
    ['leading blank lines', '\n\n  date 2024-01-05\nText of the story.', '2024-01-05', 'Text of the story.'],
    ['byte-order mark', '\uFEFFdate 2024-01-05\nText of the story.', '2024-01-05', 'Text of the story.'],
    ['header only', 'date 2024-01-05', '2024-01-05', ''],
  ])('%s', (_name, raw, date, text) => {
    expect(readPlainText(raw)).toEqual({ date, text });
  });

  it.each([
    ['no header', 'Text of the story.\nSecond line.'],
    ['text starting with "dated"', 'dated letters show the deal was struck in 1998.'],
    ['text starting with "date" the word', 'date night is back, say restaurant owners.'],
    ['"Date" capitalised', 'Date 2024-01-05 was chosen for the vote.'],
    ['date glued to a word', 'date 2024-01-05x is not a dateline'],
    ['header not at the start', 'Text first.\ndate 2024-01-05\nmore text'],
    ['empty', ''],
  ])('%s: date null, text unchanged', (_name, raw) => {
    expect(readPlainText(raw)).toEqual({ date: null, text: raw });
  });

  it.each([
    ['over a header', 'date 2024-01-05\nText.', 'Text.'],
    ['with no header', 'Text.', 'Text.'],
  ])('--date wins %s', (_name, raw, text) => {
    expect(readPlainText(raw, '2023-03-03')).toEqual({ date: '2023-03-03', text });
  });

  it.each([
    ['dateline 2025-02-30', 'date 2025-02-30\nText.', undefined],
    ['dateline 2025-13-01', 'date 2025-13-01\nText.', undefined],
    ['dateline 2025-02-29 (not a leap year)', 'date 2025-02-29 Text.', undefined],
    ['--date yesterday', 'Text.', 'yesterday'],
    ['--date 2025-02-30', 'date 2024-01-05\nText.', '2025-02-30'],
    ['--date 2025-13-01', 'Text.', '2025-13-01'],
    ['--date 2025-9-2', 'Text.', '2025-9-2'],
  ])('bad date (%s) throws a one-line InputError', (_name, raw, override) => {
    const e = inputError(() => readPlainText(raw, override));
    expect(e.message).toMatch(/date/);
  });

  it.each([
    ['NUL byte', 'date 2024-01-05\nText\u0000with a NUL.'],
    ['NUL bytes only', '\u0000\u0000\u0000\u0000'],
    ['control characters', Array.from({ length: 200 }, (_, i) => String.fromCharCode(i % 8 + 1)).join('')],
    ['replacement characters of undecodable bytes', 'PK\u0003\u0004' + '\uFFFD'.repeat(100) + 'abc'],
  ])('binary data (%s) throws', (_name, raw) => {
    expect(inputError(() => readPlainText(raw, undefined, 'some.bin')).message).toMatch(/binary/);
  });

  it('names the input in the binary-data message', () => {
    expect(inputError(() => readPlainText('a\u0000b', undefined, 'photo.jpg')).message).toContain('photo.jpg');
  });

  it('accepts form feeds, tabs and CRLF as text', () => {
    const raw = 'Line one.\r\n\tLine two.\fPage two.';
    expect(readPlainText(raw).text).toBe(raw);
  });
});

describe('readJsonlRecord', () => {
  it('good record: numeric id becomes a string, title and publisher kept', () => {
    const line = JSON.stringify({ id: 42, date: '2025-09-02', text: 'Xi welcomed Putin.', title: 'Xi and Putin', publisher: 'UNN' });
    expect(readJsonlRecord(line)).toEqual({ id: '42', date: '2025-09-02', text: 'Xi welcomed Putin.', title: 'Xi and Putin', publisher: 'UNN' });
  });

  it('keeps the text exactly as given (white space, newlines, quotes)', () => {
    const text = '  BERLIN (Reuters) - "Hi," he said.\r\n\r\nSecond paragraph.  ';
    expect(readJsonlRecord(JSON.stringify({ id: 'a', date: '2025-01-01', text })).text).toBe(text);
  });

  it.each([
    ['string id', { id: 'abc-1', date: '2025-09-02', text: 't' }, { id: 'abc-1', date: '2025-09-02', text: 't' }],
    ['no id', { date: '2025-09-02', text: 't' }, { date: '2025-09-02', text: 't' }],
    ['no date', { id: '1', text: 't' }, { id: '1', date: null, text: 't' }],
    ['null date', { id: '1', date: null, text: 't' }, { id: '1', date: null, text: 't' }],
    ['date with a time part', { id: '1', date: '2025-09-02T10:00:00Z', text: 't' }, { id: '1', date: '2025-09-02', text: 't' }],
    ['date with a space before the time', { id: '1', date: '2025-09-02 10:00:00', text: 't' }, { id: '1', date: '2025-09-02', text: 't' }],
    ['date with an offset', { id: '1', date: '2025-09-02T23:30:00+03:00', text: 't' }, { id: '1', date: '2025-09-02', text: 't' }],
    ['null title dropped', { id: '1', date: '2025-09-02', text: 't', title: null }, { id: '1', date: '2025-09-02', text: 't' }],
    ['unknown fields ignored', { id: '1', date: '2025-09-02', text: 't', url: 'http://x' }, { id: '1', date: '2025-09-02', text: 't' }],
  ])('%s', (_name, record, expected) => {
    expect(readJsonlRecord(JSON.stringify(record))).toEqual(expected);
  });

  it('--date overrides the record date', () => {
    expect(readJsonlRecord(JSON.stringify({ id: '1', date: '2025-09-02', text: 't' }), '2020-01-01').date).toBe('2020-01-01');
  });

  it.each([
    ['missing text', '{"id":"1","date":"2025-09-02"}', /text/],
    ['text not a string', '{"id":"1","date":"2025-09-02","text":5}', /text/],
    ['text null', '{"id":"1","date":"2025-09-02","text":null}', /text/],
    ['malformed JSON', '{"id":"1","date":"2025-09-02","text":"t"', /^malformed JSON line$/],
    ['not JSON at all', 'date 2025-09-02 some text', /^malformed JSON line$/],
    ['empty line', '', /^malformed JSON line$/],
    ['JSON null', 'null', /record/],
    ['JSON array', '[{"text":"t"}]', /record/],
    ['JSON string', '"just a string"', /record/],
    ['id an object', '{"id":{"a":1},"text":"t"}', /id/],
    ['bad date 2025-02-30', '{"id":"1","date":"2025-02-30","text":"t"}', /date/],
    ['bad date 2025-13-01', '{"id":"1","date":"2025-13-01","text":"t"}', /date/],
    ['bad date yesterday', '{"id":"1","date":"yesterday","text":"t"}', /date/],
    ['bad date 2025-9-2', '{"id":"1","date":"2025-9-2","text":"t"}', /date/],
    ['bad date with trailing junk', '{"id":"1","date":"2025-09-02junk","text":"t"}', /date/],
    ['date a number', '{"id":"1","date":20250902,"text":"t"}', /date/],
    ['binary text', JSON.stringify({ id: '1', date: '2025-09-02', text: 'a\u0000b' }), /binary/],
  ])('%s → one-line InputError', (_name, line, message) => {
    expect(inputError(() => readJsonlRecord(line)).message).toMatch(message);
  });

  it('a bad --date throws even when the record date is good', () => {
    inputError(() => readJsonlRecord('{"id":"1","date":"2025-09-02","text":"t"}', '2025-02-30'));
  });

  it.each([
    ['good line, string id', '{"id":"a1","text":"t"}', 'a1'],
    ['good line, numeric id', '{"id":7,"text":"t"}', '7'],
    ['id zero', '{"id":0,"text":"t"}', '0'],
    ['record with a bad date still has its id', '{"id":"x9","date":"2025-02-30","text":"t"}', 'x9'],
    ['record without text still has its id', '{"id":"x9"}', 'x9'],
    ['no id', '{"text":"t"}', undefined],
    ['id an object', '{"id":{"a":1}}', undefined],
    ['malformed JSON', '{"id":"a1","text":', undefined],
    ['JSON null', 'null', undefined],
    ['empty line', '', undefined],
  ])('idOfLine: %s', (_name, line, id) => {
    expect(idOfLine(line)).toBe(id);
  });
});

// A realistic news page: chrome (nav, ads, aside, footer, scripts) around a four-paragraph article.
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour Council Approves Flood Wall | The Coastal Ledger</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta property="og:site_name" content="The Coastal Ledger">
  <meta property="og:title" content="Harbour council approves flood wall">
  <meta property="article:published_time" content="2024-11-19T08:30:00+00:00">
  <script>window.dataLayer = [{ page: 'article', tracker: 'SCRIPTMARKER' }];</script>
  <style>.ad { display: none } /* STYLEMARKER */</style>
</head>
<body>
  <header class="masthead">
    <nav><ul><li><a href="/">Home</a></li><li><a href="/politics">NAVMARKER Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <div class="ad banner" id="ad-top">ADMARKER Buy one get one free at Harbour Sofas</div>
  <main>
    <article>
      <h1>Harbour council approves flood wall</h1>
      <p class="byline">By Jane Doe · <time datetime="2024-11-19T08:30:00Z">November 19, 2024</time></p>
      <p>The harbour council voted 7 to 2 on Monday night to build a 1.2-kilometre flood wall along the old quay, ending three years of debate over how to protect the lower town from winter storms.</p>
      <p>&#8220;We cannot keep pumping out basements every January,&#8221; said council leader Maria Okafor, who proposed the plan. She said the wall would cost about &pound;14 million, with half of the money coming from a national resilience fund.</p>
      <div class="ad inline-ad">ADMARKER2 Advertisement</div>
      <p>Opponents, including the Quay Traders &amp; Fishermen Association, argued that the wall would cut the harbour off from the town centre and hurt tourism. Its chair, Tom Reilly, called the vote &quot;a sad day for the waterfront.&quot;</p>
      <p>Construction is expected to begin in the spring and take two years. The council said it would publish detailed drawings before Christmas and hold public meetings in each ward.</p>
    </article>
  </main>
  <aside><h3>Most read</h3><ul><li>ASIDEMARKER Local bakery wins award</li><li>School run chaos</li></ul></aside>
  <footer><p>FOOTERMARKER &copy; 2024 The Coastal Ledger. All rights reserved.</p><p>Contact us | Privacy</p></footer>
  <script src="/app.js"></script>
  <script>console.log("SCRIPTMARKER2")</script>
</body>
</html>`;

describe('readHtml', () => {
  const a = readHtml(PAGE);
  const paragraphs = a.text.split('\n\n');

  it('title, date and publisher from the page', () => {
    expect(a.title).toBe('Harbour council approves flood wall');
    expect(a.date).toBe('2024-11-19');
    expect(a.publisher).toBe('The Coastal Ledger');
  });

  it('the four paragraphs, in order, separated by blank lines', () => {
    const bodies = paragraphs.filter((p) => p.length > 80);
    expect(bodies).toHaveLength(4);
    expect(bodies[0]!.startsWith('The harbour council voted 7 to 2')).toBe(true);
    expect(bodies[1]!.startsWith('“We cannot keep')).toBe(true);
    expect(bodies[2]!.startsWith('Opponents, including')).toBe(true);
    expect(bodies[3]!.startsWith('Construction is expected')).toBe(true);
    expect(a.text.endsWith('in each ward.')).toBe(true);
    for (const p of paragraphs) {
      expect(p).toBe(p.trim());
      expect(p).not.toMatch(/\n|\s{2,}/); // a paragraph is one line, white space collapsed
    }
  });

  it.each(['NAVMARKER', 'ADMARKER', 'ASIDEMARKER', 'FOOTERMARKER', 'SCRIPTMARKER', 'STYLEMARKER', 'window.dataLayer', 'console.log', 'All rights reserved', '<', '>'])(
    'leaves out page chrome and markup: %s',
    (marker) => {
      expect(a.text).not.toContain(marker);
    },
  );

  it.each([
    ['&#8220; &#8221;', '“We cannot keep pumping out basements every January,”'],
    ['&amp;', 'Quay Traders & Fishermen Association'],
    ['&pound;', '£14 million'],
    ['&quot;', '"a sad day for the waterfront."'],
  ])('decodes %s', (_entity, decoded) => {
    expect(a.text).toContain(decoded);
    expect(a.text).not.toMatch(/&[#a-z0-9]+;/i);
  });

  it('date from <time datetime> when there is no meta date', () => {
    const page = PAGE.replace(/<meta property="article:published_time"[^>]*>/, '');
    expect(page).not.toContain('published_time');
    expect(readHtml(page).date).toBe('2024-11-19');
  });

  it.each([
    ['datePublished meta', '<meta itemprop="datePublished" content="2023-05-06">', '2023-05-06'],
    ['name="date" meta', '<meta name="date" content="2023-05-06T12:00:00Z">', '2023-05-06'],
    ['impossible meta date ignored', '<meta property="article:published_time" content="2023-02-30">', null],
    ['no date anywhere', '', null],
  ])('%s', (_name, meta, date) => {
    const page = `<html><head><title>T</title>${meta}</head><body><article><p>${'A plain paragraph of story text. '.repeat(8)}</p></article></body></html>`;
    expect(readHtml(page).date).toBe(date);
  });

  it('--date overrides the page date, and is checked', () => {
    expect(readHtml(PAGE, '2020-02-02').date).toBe('2020-02-02');
    inputError(() => readHtml(PAGE, 'yesterday'));
    inputError(() => readHtml(PAGE, '2025-02-30'));
  });

  it('an ad class on the story container does not drop the story', () => {
    const story = 'The port authority confirmed the closure of the northern terminal on Tuesday after an inspection found cracks. '.repeat(4);
    const page = `<html><head><title>Port closes terminal</title></head><body><div class="article-body has-ads"><p>${story}</p><p>${story}</p><div class="ad-slot">Advertisement</div><p>Advertisement</p></div></body></html>`;
    const got = readHtml(page);
    expect(got.text.split('\n\n')).toEqual([story.trim(), story.trim()]);
  });

  it('no og:site_name → no publisher', () => {
    expect(readHtml(PAGE.replace(/<meta property="og:site_name"[^>]*>/, '')).publisher).toBeUndefined();
  });

  it.each([
    [
      'unclosed <p>, <b>, <div>',
      '<html><head><title>Broken page</title></head><body><div><p>First paragraph of a broken page, with an unclosed div and paragraph tag, long enough to count as text.<p>Second paragraph <b>bold never closed and <i>italic too</body>',
      ['First paragraph of a broken page', 'Second paragraph bold never closed and italic too'],
    ],
    ['no <html> or <body>', '<p>Just a paragraph &amp; nothing else.</p><p>And another one.', ['Just a paragraph & nothing else.', 'And another one.']],
    ['truncated mid-tag', '<html><body><article><p>The mayor resigned on Friday.</p><p>Her deputy takes over</di', ['The mayor resigned on Friday.', 'Her deputy takes over']],
    [
      'short page: chrome still left out',
      '<html><head><title>Short</title></head><body><header><nav><ul><li>Home</li><li>World</li></ul></nav></header><p>Tiny story text.</p><footer><p>Copyright</p></footer><script>var x = 1;</script></body></html>',
      ['Tiny story text.'],
    ],
  ])('malformed or minimal HTML still yields its text: %s', (_name, html, expected) => {
    const got = readHtml(html);
    for (const part of expected) expect(got.text).toContain(part);
    expect(got.text).not.toMatch(/[<>]|Home|Copyright|var x/);
  });

  it.each([
    ['empty string', ''],
    ['white space', '  \n\t '],
    ['empty document', '<html><head></head><body></body></html>'],
    ['only a title', '<html><head><title>Nothing here</title></head><body></body></html>'],
    ['only chrome and scripts', '<html><head><title>T</title></head><body><nav><a href="/">Home</a></nav><script>var a = 1;</script><style>p{}</style></body></html>'],
  ])('a page with no article text throws InputError: %s', (_name, html) => {
    inputError(() => readHtml(html));
  });

  it('binary data throws', () => {
    expect(inputError(() => readHtml('<html>\u0000\u0000</html>', undefined, 'x.html')).message).toMatch(/binary/);
  });
});

describe('datelineEnd', () => {
  it.each([
    ['BERLIN (Reuters) - German Chancellor Friedrich Merz said', 'German Chancellor'],
    ['KYIV, Feb 26 (AP) — Russian forces launched', 'Russian forces'],
    ['KYIV (AP) - Russian forces launched', 'Russian forces'],
    ['TOKYO - Japan\'s exports to China fell', 'Japan\'s exports'],
    ['WASHINGTON — The Senate voted', 'The Senate'],
    ['NEW YORK, Feb. 3 (Reuters) -- Stocks rose', 'Stocks rose'],
    ['RIO DE JANEIRO (AFP) – Brazil said', 'Brazil said'],
  ])('%j → the text after the dateline', (text, after) => {
    const end = datelineEnd(text);
    expect(end).toBeGreaterThan(0);
    expect(text.slice(end).startsWith(after)).toBe(true);
  });

  it('finds nothing past the head of the text', () => {
    expect(datelineEnd('BERLIN (Reuters) - Text')).toBe('BERLIN (Reuters) - '.length);
  });

  it.each([
    'The meeting - Putin added.',
    'US - China talks resumed on Monday.',
    'NATO - Russia relations soured.',
    'Xi welcomed Putin',
    'US President Donald Trump - said',
    'Berlin (Reuters) - lowercase place is prose',
    'A - b',
    'I - think',
    '',
    '- leading dash',
    'The "warm" relations - quoted',
    'Text without any dash at all, even though it is long enough to be checked by the pattern.',
  ])('no dateline: %j', (text) => {
    expect(datelineEnd(text)).toBe(0);
  });
});

describe('article size', () => {
  it('refuses articles over MAX_ARTICLE_CHARS in every reader, with a one-line reason', async () => {
    const { MAX_ARTICLE_CHARS, readJsonlRecord: record, readPlainText: plain } = await import('../../src/stages/reading/index.js');
    const { readHtml: html } = await import('../../src/stages/reading/html.js');
    const long = 'word '.repeat(MAX_ARTICLE_CHARS / 5 + 1);
    expect(() => plain(long, undefined, 'big.txt')).toThrow(/^big\.txt is 2\.0 million characters; .*split it/);
    expect(() => record(JSON.stringify({ id: 'x', date: '2025-01-01', text: long }))).toThrow(/million characters/);
    expect(() => html(`<html><body><article><p>${long}</p></article></body></html>`, undefined, 'big.html')).toThrow(/million characters/);
    expect(plain('word '.repeat(1000)).text.length).toBe(5000);
  });
});
