/**
 * Quotation marks: which are speech quoted directly, which are quoted words inside the writer's
 * own sentence (mixed), and which are names or titles (scare). Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';
import { Facts } from '../support/analysis.js';

const facts = (text: string) => new Facts(analyze(readPlainText(`date 2024-03-05\n${text}`)));

describe('direct, mixed and scare quotes', () => {
  it('calls a quotation inside the writer\'s own sentence mixed, even with a cue after it', () => {
    const f = facts('With hundreds of polling sites open, "no single outage can stop the count," Mayor Jane Holloway said on Tuesday.');
    expect(f.quote('no single outage')?.kind).toBe('mixed');
    expect(f.quote('no single outage')?.source?.text).toContain('Holloway');
  });
  it('keeps a quotation that is a sentence of its own direct', () => {
    const f = facts('"No single outage can stop the count," Mayor Jane Holloway said on Tuesday.');
    expect(f.quote('No single outage')?.kind).toBe('direct');
  });
  it('keeps a quotation set off by a colon direct', () => {
    const f = facts('Mayor Jane Holloway gave the crowd a warning: "The count will go on all night."');
    expect(f.quote('The count will go on')?.kind).toBe('direct');
  });
  it('does not join quoted fragments of two paragraphs into one direct quote', () => {
    const f = facts('Senator Paul Ortega urged voters to "stay in line" and then "bring a friend next time."\n\nHe is claiming that turnout is "the best in decades" and that "nobody saw it coming."');
    expect(f.quote('the best in decades')?.kind).toBe('mixed');
    expect(f.quote('nobody saw it coming')?.kind).toBe('mixed');
    expect(f.quote('bring a friend next time')?.kind).toBe('mixed');
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
  it('finds the cue after a question that ends its sentence inside the marks', () => {
    const f = facts('"Why was nobody told about the leak?" Representative Omar Bakri demanded.');
    expect(f.quote('Why was nobody told')?.source?.text).toContain('Bakri');
    expect(f.quote('Why was nobody told')?.cue?.text).toBe('demanded');
  });
});
