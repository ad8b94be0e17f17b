/**
 * 200 generated `analyze --jsonl` lines for the pool tests: short news items built from a few
 * templates, with bad records among them (malformed JSON, no text, a bad date, binary data, a
 * blank line) and records whose analysis a test hook makes throw (NEWSGRAPH_TEST_FAIL_IDS).
 */
const PEOPLE = ['Vladimir Putin', 'Xi Jinping', 'Emmanuel Macron', 'Olaf Scholz', 'Narendra Modi', 'Joe Biden', 'Rishi Sunak', 'Recep Tayyip Erdogan'];
const PLACES = ['Beijing', 'Moscow', 'Paris', 'Berlin', 'New Delhi', 'Washington', 'London', 'Ankara'];
const OUTLETS = ['Reuters', 'Bloomberg', 'the Associated Press', 'Xinhua', 'TASS'];
const VERBS = ['met', 'criticised', 'praised', 'threatened to sanction', 'signed a trade deal with'];

/** Ids whose analysis the test hook makes fail. */
export const FAIL_IDS = ['g-37', 'g-111', 'g-170'];

function text(i: number): string {
  const a = PEOPLE[i % PEOPLE.length]!;
  const b = PEOPLE[(i * 3 + 1) % PEOPLE.length]!;
  const place = PLACES[(i * 5) % PLACES.length]!;
  const outlet = OUTLETS[i % OUTLETS.length]!;
  const verb = VERBS[i % VERBS.length]!;
  const body = [
    `${a} ${verb} ${b} in ${place} on Tuesday, ${outlet} reported.`,
    `"We will not accept pressure from anyone," ${a.split(' ').pop()} told reporters after the talks.`,
    `Trade between the two countries rose ${(i % 17) + 2} percent to $${(i % 90) + 10} billion last year, according to official figures.`,
  ];
  // longer items now and then, so some records take longer than others and finish out of order
  if (i % 9 === 0) for (let k = 0; k < 12; k++) body.push(`Officials in ${PLACES[(i + k) % PLACES.length]} said on ${['Monday', 'Wednesday', 'Friday'][k % 3]} that ${PEOPLE[(i + k) % PEOPLE.length]} would visit next month.`);
  return body.join(' ');
}

export function generatedLines(n = 200): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `g-${i}`;
    const date = `2025-0${(i % 9) + 1}-1${i % 10}`;
    if (i % 23 === 4) lines.push(`{"id": "${id}", "date": "${date}", "text": "unterminated`);
    else if (i % 29 === 7) lines.push(JSON.stringify({ id, date, text: '   ' }));
    else if (i % 31 === 9) lines.push(JSON.stringify({ id, date: '2025-13-45', text: text(i) }));
    else if (i % 37 === 11) lines.push(JSON.stringify({ id, date, text: `binary\u0000data` }));
    else if (i % 41 === 13) lines.push('');
    else lines.push(JSON.stringify({ id, date, title: `Item ${i}`, text: text(i) }));
  }
  return lines;
}
