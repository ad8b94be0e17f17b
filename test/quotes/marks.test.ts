/**
 * Quotation marks: which are speech quoted directly, which are quoted words inside reported
 * speech (an indirect attribution that lists them as `quoted`, as PARC/PolNeAR count them), and
 * which are names or titles (scare). Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';
import { Facts } from '../support/analysis.js';
import { violations } from '../support/invariants.js';

const facts = (text: string) => new Facts(analyze(readPlainText(`date 2024-03-05\n${text}`)));
const quotedTexts = (f: Facts, sub: string) => f.quote(sub)?.quoted?.map((q) => q.text);

describe('direct, partial and scare quotes', () => {
  it('reads a quotation inside the writer\'s own sentence as reported speech, even with a cue after it', () => {
    const f = facts('With hundreds of polling sites open, "no single outage can stop the count," Mayor Jane Holloway said on Tuesday.');
    const q = f.quote('no single outage');
    expect(q).toMatchObject({ kind: 'indirect', rule: 'marks+cue-after+partial-quote', cue: { text: 'said' } });
    expect(q?.content.text).toBe('With hundreds of polling sites open, "no single outage can stop the count,"');
    expect(quotedTexts(f, 'no single outage')).toEqual(['no single outage can stop the count']);
    expect(q?.source?.text).toContain('Holloway');
  });
  it('keeps a quotation that is a sentence of its own direct', () => {
    const f = facts('"No single outage can stop the count," Mayor Jane Holloway said on Tuesday.');
    expect(f.quote('No single outage')?.kind).toBe('direct');
  });
  it('keeps a quotation set off by a colon direct', () => {
    const f = facts('Mayor Jane Holloway gave the crowd a warning: "The count will go on all night."');
    expect(f.quote('The count will go on')?.kind).toBe('direct');
  });
  it('keeps the quoted fragments of one reported clause in one attribution, and two paragraphs apart', () => {
    const f = facts('Senator Paul Ortega urged voters to "stay in line" and then "bring a friend next time."\n\nHe is claiming that turnout is "the best in decades" and that "nobody saw it coming."');
    const urged = f.quote('stay in line');
    expect(urged).toMatchObject({ kind: 'indirect', cue: { text: 'urged' }, content: { text: 'voters to "stay in line" and then "bring a friend next time."' } });
    expect(quotedTexts(f, 'stay in line')).toEqual(['stay in line', 'bring a friend next time']);
    expect(f.speakerOf('stay in line')).toBe('Paul Ortega');
    const claiming = f.quote('the best in decades');
    expect(claiming).toMatchObject({ kind: 'indirect', cue: { text: 'claiming' }, source: { text: 'He' } });
    expect(claiming?.content.text).toBe('turnout is "the best in decades" and that "nobody saw it coming."');
    expect(quotedTexts(f, 'the best in decades')).toEqual(['the best in decades', 'nobody saw it coming']);
    expect(f.a.quotes.filter((q) => q.kind !== 'scare')).toHaveLength(2);
  });
  it('takes the whole clause after "stated that" as the content, the quoted words inside it', () => {
    const text = 'The minister stated that the flooding was caused by a "decade of neglect in the capital," and not by the rain.';
    const f = facts(text);
    const q = f.quote('decade of neglect');
    expect(q).toMatchObject({ kind: 'indirect', rule: 'marks+cue-before+partial-quote', cue: { text: 'stated' }, source: { text: 'The minister' } });
    expect(q?.content.text).toBe('the flooding was caused by a "decade of neglect in the capital," and not by the rain');
    expect(quotedTexts(f, 'decade of neglect')).toEqual(['decade of neglect in the capital']);
    expect(violations(f.a, f.a.text)).toEqual([]);
  });
  it('ends the reported clause where a new one starts', () => {
    const f = facts('Governor Ruth Adler called the levy "a tax on hope" - a phrase her rivals mocked all week.');
    expect(f.quote('a tax on hope')?.content.text).toBe('the levy "a tax on hope"');
    const g = facts('Mayor Ben Osei said the budget was "balanced at last" and added that the deficit was gone.');
    expect(g.quote('balanced at last')?.content.text).toBe('the budget was "balanced at last"');
  });
  it('starts the clause after "that" and the addressee of "told", and after the source of "according to"', () => {
    const f = facts('Dr. Ana Ruiz told reporters on Friday that the clinic had "run out of everything."');
    expect(f.quote('run out of everything')?.content.text).toBe('the clinic had "run out of everything."');
    expect(f.speakerOf('run out of everything')).toBe('Ana Ruiz');
    const g = facts('According to the union, the managers had run a "campaign of fear" for months.');
    expect(g.quote('campaign of fear')).toMatchObject({ kind: 'indirect', cue: { text: 'According to' }, source: { text: 'the union' } });
    expect(g.quote('campaign of fear')?.content.text).toBe('the managers had run a "campaign of fear" for months');
  });
  it('gives a clause that is the quotation alone as its words, without the marks', () => {
    const f = facts('The minister added that "the reforms will not be reversed" and left the room.');
    expect(f.quote('reforms will not')).toMatchObject({ kind: 'indirect', content: { text: 'the reforms will not be reversed' } });
    expect(quotedTexts(f, 'reforms will not')).toEqual(['the reforms will not be reversed']);
  });
  it('keeps quoted words with no cue as reported speech of someone unnamed, not a neighbour\'s', () => {
    const f = facts('"We are ready," said Karl Jensen, the coach.\n\nRival clubs branded the club a "closed shop for insiders and their friends."');
    const q = f.quote('closed shop for insiders');
    expect(q).toMatchObject({ kind: 'indirect', speaker: null, rule: 'marks-no-speaker+partial-quote' });
    expect(quotedTexts(f, 'closed shop')).toEqual(['closed shop for insiders and their friends']);
  });
  it('calls a title in quotation marks a scare quote, not speech', () => {
    const f = facts('On Sunday\'s broadcast of "Meet the Voters," Governor Ruth Adler said the budget was balanced. She also praised the documentary "Rivers of Salt" as honest work.');
    expect(f.quote('Meet the Voters')?.kind).toBe('scare');
    expect(f.quote('Rivers of Salt')?.kind).toBe('scare');
  });
  it('calls a nickname inside a name a scare quote', () => {
    const f = facts('Council member Thomas "Tommy" Reyes voted against the plan on Monday.');
    expect(f.quote('Tommy')?.kind).toBe('scare');
  });
});

describe('pairing and cues', () => {
  it('closes a straight opening mark with a curly closing one', () => {
    const f = facts('"The bridge is safe for now,” said Carla Menendez, an engineer at the state transport agency. “We will inspect it again in May.”');
    expect(f.quote('The bridge is safe')?.content.text).toBe('The bridge is safe for now,');
    expect(f.quote('The bridge is safe')?.source?.text).toContain('Carla Menendez');
    expect(f.quote('We will inspect it')?.source?.text).toContain('Carla Menendez');
  });
  it('reads an opening curly mark typed where the closing one belongs', () => {
    const f = facts('“Nobody expected the vote to be this close,“ said Jim Ortega, a county clerk.');
    expect(f.quote('Nobody expected')).toMatchObject({ kind: 'direct', content: { text: 'Nobody expected the vote to be this close,' } });
    expect(f.speakerOf('Nobody expected')).toBe('Jim Ortega');
  });
  it('quotes directly a whole sentence set off by a comma after its cue, even lower-case, unless the cue is set into the writer\'s sentence', () => {
    const f = facts('The mayor spoke briefly. She added, “frankly, nobody expected the vote to be this close.”');
    expect(f.quote('frankly, nobody')).toMatchObject({ kind: 'direct', cue: { text: 'added' }, source: { text: 'She' } });
    const g = facts('If the levy passes, she said, “the schools will finally get new roofs.”');
    const q = g.quote('the schools will finally');
    expect(q).toMatchObject({ kind: 'indirect', cue: { text: 'said' } });
    expect(q?.content.text).toBe('If the levy passes, she said, “the schools will finally get new roofs.”');
    expect(q?.quoted?.map((w) => w.text)).toEqual(['the schools will finally get new roofs']);
  });
  it('quotes directly a whole sentence that is the object of a verb of saying, but not one in a relative clause', () => {
    const f = facts('The governor spoke at the fair. She says "we worked hard to keep the county schools open all year."');
    expect(f.quote('we worked hard')).toMatchObject({ kind: 'direct', source: { text: 'She' }, cue: { text: 'says' } });
    const g = facts('The choir mourned a teacher that said "kindness is the greatest power a person can have."');
    expect(g.quote('kindness is the greatest')?.kind).toBe('indirect');
  });
  it('does not read "States" in "the United States" as a cue', () => {
    const f = facts('Senator Ada Moreno said the United States "must do more to help the farmers who lost everything."');
    const q = f.quote('must do more');
    expect(q?.cue?.text).toBe('said');
    expect(q?.content.text).toBe('the United States "must do more to help the farmers who lost everything."');
  });
  it('starts the clause after a cue that is followed by its object, whatever opens the sentence', () => {
    const f = facts('After a late meeting, the council issued a statement calling the vote "a clear violation of the charter" of the city.');
    expect(f.quote('a clear violation')?.content.text).toBe('the vote "a clear violation of the charter" of the city');
  });
  it('reads a capitalised quotation right after its cue as partial when the clause goes on after it', () => {
    const f = facts('The auditor claimed "Nobody checks the books" the way the law requires. The mayor said "We will appeal."');
    expect(f.quote('Nobody checks the books')).toMatchObject({ kind: 'indirect', content: { text: '"Nobody checks the books" the way the law requires' } });
    expect(f.quote('We will appeal')?.kind).toBe('direct');
  });
  it('finds the cue after a question that ends its sentence inside the marks', () => {
    const f = facts('"Why was nobody told about the leak?" Representative Omar Bakri demanded.');
    expect(f.quote('Why was nobody told')?.source?.text).toContain('Bakri');
    expect(f.quote('Why was nobody told')?.cue?.text).toBe('demanded');
  });
});

describe('the wire\'s two-character marks', () => {
  it('reads ``…\'\' (AP\'s plain text) as quotation marks, over several quotations', () => {
    const f = facts("``It was definitely a bomb,'' said Mayor Jane Holloway. ``You can see a huge crater behind the building,'' she said.");
    expect(f.quote('It was definitely a bomb')).toMatchObject({ kind: 'direct', content: { text: 'It was definitely a bomb,' } });
    expect(f.speakerOf('It was definitely a bomb')).toBe('Jane Holloway');
    expect(f.quote('You can see a huge crater')?.kind).toBe('direct');
    expect(violations(f.a, f.a.text)).toEqual([]);
  });
  it('leaves two apostrophes alone where no quotation opens with backquotes, as PolNeAR scores them', () => {
    const f = facts("''You have all these people,'' said Brian Baker, an adviser.");
    expect(f.quote('You have all these people')).toBeUndefined();
  });
});

describe('marks typed without spaces', () => {
  it('closes a quotation at a straight mark run into the next word (\'audiences,"Katie Packer said\')', () => {
    const f = facts('"Trump says different things to different audiences,"Katie Packer, the group\'s chairman, said in a statement. "He is a chameleon."');
    expect(f.quote('different audiences')?.content.text).toBe('Trump says different things to different audiences,');
    expect(f.quote('He is a chameleon')?.kind).toBe('direct');
  });
});

describe('straight marks typed for apostrophes', () => {
  it('reads "don"t" and "country"s" (as Reuters-21578 prints them) as words, not as quotation marks', () => {
    const f = facts('"We don"t believe there is going to be a problem," Ongpin said. The country"s advisory committee meets on Tuesday.');
    const q = f.quote('We don');
    expect(q?.content.text).toBe('We don"t believe there is going to be a problem,');
    expect(f.speakerOf('We don')).toBe('Ongpin');
    expect(f.quote('advisory committee')).toBeUndefined();
  });
});

describe('"that\'s" after a cue', () => {
  it('keeps "that\'s" as the reported clause\'s subject, not its complementiser', () => {
    const f = facts('As House Speaker Paul Ryan has pointed out, that’s basically the “textbook definition” of racism.');
    expect(f.quote('textbook definition')?.content.text).toBe('that’s basically the “textbook definition” of racism');
  });
});
