/**
 * Reported claims without quotation marks, and the cue lexicon learned from annotated data.
 * Sentences and documents written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';
import { learnedCueLexicon } from '../../src/resources/lexicons.js';
import { deriveCues, normaliseCue } from '../../scripts/derive-attribution-cues.js';
import { Facts } from '../support/analysis.js';

const facts = (text: string) => new Facts(analyze(readPlainText(`date 2024-03-05\n${text}`)));

describe('indirect attribution', () => {
  it('takes the whole sentence as the claim when the source is set into it', () => {
    const f = facts('The harbour was never dredged, Mayor Lena Ortiz said, until the storm of 1998 closed it.');
    const q = f.quote('The harbour was never dredged');
    expect(q).toMatchObject({ kind: 'indirect', rule: 'claim-inset-source' });
    expect(q?.content.text).toContain('until the storm of 1998 closed it');
    expect(q?.source?.text).toBe('Mayor Lena Ortiz');
    expect(q?.cue?.text).toBe('said');
  });
  it('reads a claim closed by ", said X, a …"', () => {
    const f = facts('The first ferry could sail next month, said Omar Haddad, a spokesman for the port authority.');
    const q = f.quote('The first ferry could sail');
    expect(q?.kind).toBe('indirect');
    expect(q?.content.text).toBe('The first ferry could sail next month');
    expect(q?.source?.text).toContain('Omar Haddad');
  });
  it('reads "X says" followed by a clause with no "that"', () => {
    const f = facts('Governor Ruth Adler says too much money is spent on consultants.');
    expect(f.quote('too much money is spent')).toMatchObject({ kind: 'indirect', cue: { text: 'says' } });
    expect(f.speakerOf('too much money is spent')).toBe('Ruth Adler');
  });
  it('reads what "told" reports after its addressee, whoever that is, once', () => {
    const f = facts('Prime Minister Yasuhiro Nakasone told a press conference the record rate underlines the need to pass the budget. Omar Haddad told reporters the ferry would sail. Ruth Adler told a meeting of Pacific Island leaders that few people understood the stakes. Ana Lutz told reporters Mr. Haddad would resign. Lena Ortiz told him the deal was off.');
    expect(f.quote('the record rate underlines')?.content.text).toBe('the record rate underlines the need to pass the budget');
    expect(f.speakerOf('the record rate underlines')).toBe('Yasuhiro Nakasone');
    expect(f.quote('the ferry would sail')?.content.text).toBe('the ferry would sail');
    expect(f.quote('few people understood')?.content.text).toBe('few people understood the stakes');
    expect(f.quote('Mr. Haddad would resign')?.content.text).toBe('Mr. Haddad would resign');
    expect(f.quote('the deal was off')?.content.text).toBe('the deal was off');
  });
  it('reads a claim closed by a source with an appositive or an "including" phrase before the cue', () => {
    const f = facts('The jobless rate will climb to 3.5 pct next year, senior economists, including Susumu Taketomi of the Industrial Bank of Japan, said. The plant will close next year, John Smith, a spokesman for the company, said. Nine countries will meet on March 11, the Minister of State for Foreign Affairs, Boutros Boutros Ghali, said.');
    expect(f.quote('The jobless rate will climb')).toMatchObject({ content: { text: 'The jobless rate will climb to 3.5 pct next year' }, source: { text: 'senior economists' } });
    expect(f.speakerOf('The plant will close')).toBe('John Smith');
    expect(f.speakerOf('Nine countries will meet')).toBe('Boutros Boutros Ghali');
  });
  it('takes "it" and "the company" before a reporting verb for the organisation last named as a subject', () => {
    const a = analyze(readPlainText('date 1987-03-02\nPall Corp said sales rose 17.5 pct in the quarter. For the first half, it said sales were up 16 pct. The company said orders rose. Toyota and the Bank of Japan met on Monday. The bank also said it expects rates to fall. The plan covers the whole state. "It says that everyone is covered," Ms. Lee said.'));
    const f = new Facts(a);
    expect(f.speakerOf('sales were up 16 pct')).toBe('Pall Corp');
    expect(f.speakerOf('orders rose')).toBe('Pall Corp');
    expect(f.speakerOf('it expects rates to fall')).toBe('Bank of Japan');
    // "it" inside a quotation is the speaker's word, and nobody's mention here
    expect(a.entities.flatMap((e) => e.mentions.map((m) => m.text))).not.toContain('It');
  });
  it('reads a claim in a relative clause (", which Apple says will …,") and no attribution of a quotation before it', () => {
    const f = facts('The Mac SE (SE stands for "system expansion"), which Apple says will operate 15-20 pct faster than the Mac Plus, goes on sale today. The plan, which officials said would cost 5 mln dlrs, was approved.');
    expect(f.quote('will operate 15-20 pct faster')).toMatchObject({ kind: 'indirect', content: { text: 'will operate 15-20 pct faster than the Mac Plus' }, cue: { text: 'says' } });
    expect(f.speakerOf('will operate 15-20 pct faster')).toBe('Apple');
    expect(f.quote('would cost 5 mln dlrs')?.source?.text).toBe('officials');
    expect(f.quote('system expansion')?.kind).toBe('scare');
  });
  it('takes "it said" after a claim closed by an organisation named with an appositive for that organisation', () => {
    const f = facts('The economy is in excellent condition, the Organisation for Economic Cooperation and Development, OECD, said. This reflected stable fiscal policies, it said.');
    expect(f.speakerOf('This reflected stable fiscal policies')).toBe(f.speakerOf('The economy is in excellent condition'));
    expect(f.speakerOf('This reflected stable fiscal policies')).toMatch(/OECD|Organisation/);
  });
  it('reads a clause in capitals after "reported," and no cue in "news reports and …"', () => {
    const f = facts('Michael Patrick Leahy previously reported, The Clinton Foundation refused to release the names of its donors. Multiple news reports and a detailed account reveal there was more than “one or two instances.”');
    expect(f.quote('The Clinton Foundation refused')).toMatchObject({ content: { text: 'The Clinton Foundation refused to release the names of its donors' }, cue: { text: 'reported' } });
    expect(f.speakerOf('The Clinton Foundation refused')).toBe('Michael Patrick Leahy');
    expect(f.a.quotes.filter((q) => q.cue?.text === 'reports')).toEqual([]);
  });
  it('takes the sentence\'s subject for a cue right after ", but"', () => {
    const f = facts('Hillary Clinton was defending the foundation against attacks from Donald Trump, but admitted “one or two instances” where donations may have “slipped through the cracks.”');
    expect(f.speakerOf('one or two instances')).toBe('Hillary Clinton');
  });
  it('takes "the ministry said" for the one ministry of the article, however far back it was named', () => {
    const f = facts('Switzerland recorded its first surplus since 1974, the Finance Ministry said. Revenues were higher than forecast. Expenditures were under forecast. Tax receipts were well above the 1985 figure. Income taxes ended above forecast. Taxes on consumption brought in more than planned, the ministry said.');
    expect(f.speakerOf('Taxes on consumption brought in')).toBe('Finance Ministry');
  });
  it('takes "the council said" and "it said" for a council, a ticker\'s company and a newspaper named with its kind', () => {
    const council = facts('The Atlantic Council released a report on trade ties. The council said the chief concerns included banking. It said other issues were defense.');
    expect(council.speakerOf('the chief concerns')).toBe('Atlantic Council');
    expect(council.speakerOf('other issues were defense')).toBe('Atlantic Council');
    const ticker = facts('<High Point Financial Corp> said it filed for an offering of 15 mln dlrs in stock.\n    It said the offering would be made by March.');
    expect(ticker.speakerOf('the offering would be made')).toBe('High Point Financial Corp');
    const dotted = facts('Comalco Ltd <CMAC.S> said its return to profit reflected reduced costs.\n    It said the earlier reported 57.1 mln dlr loss was cut.');
    expect(dotted.speakerOf('the earlier reported')).toBe('Comalco Ltd');
    const paper = facts('The Sunday Mail newspaper branded the budget political. It said in a front page commentary that the budget was bad for growth.');
    expect(paper.speakerOf('the budget was bad')).toBe('Sunday Mail');
  });
  it('reads "that" after a phrase of place, an addressee after "telling", and a question after an addressee', () => {
    const f = facts('Hillary Clinton says at a campaign stop in Toledo, Ohio, that the plan means nothing. Donald Trump was telling a veterans group that the military is depleted. Pat Caddell told Breitbart News Daily host Alex Marlow on Thursday how surprised he is.');
    expect(f.quote('the plan means nothing')?.content.text).toBe('the plan means nothing');
    expect(f.quote('the military is depleted')?.content.text).toBe('the military is depleted');
    expect(f.quote('how surprised he is')).toMatchObject({ content: { text: 'how surprised he is' }, cue: { text: 'told' } });
    expect(f.speakerOf('how surprised he is')).toBe('Pat Caddell');
  });
  it('reads what a poll, a study or figures show or found without "that", and nothing a film shows', () => {
    const f = facts('Polling averages show Clinton with a lead in the low single digits. One study found Trump would raise taxes on 8 million Americans. An arbitration panel in 2001 found the United States was in breach of the agreement. The film shows a man walking.');
    expect(f.quote('Clinton with a lead')).toMatchObject({ content: { text: 'Clinton with a lead in the low single digits' }, source: { text: 'Polling averages' } });
    expect(f.quote('Trump would raise taxes')?.source?.text).toBe('One study');
    expect(f.quote('the United States was in breach')?.cue?.text).toBe('found');
    expect(f.quote('a man walking')).toBeUndefined();
  });
  it('reads a demand made by someone: "called for", "called on X to", "urges X to"; not what a plan calls for, nor calling someone something', () => {
    const f = facts('In July, the NAACP called for a moratorium on charter schools. Palmieri called on Trump to stop attacking Machado. Trump urges supporters to monitor polling places. The plan calls for construction of a new plant. His surrogates called him a genius.');
    expect(f.quote('a moratorium on charter schools')).toMatchObject({ kind: 'indirect', rule: 'demand', cue: { text: 'called for' } });
    expect(f.speakerOf('a moratorium on charter schools')).toBe('NAACP');
    expect(f.quote('Trump to stop attacking Machado')?.cue?.text).toBe('called on');
    expect(f.quote('supporters to monitor polling places')?.cue?.text).toBe('urges');
    expect(f.quote('construction of a new plant')).toBeUndefined();
    expect(f.quote('him a genius')).toBeUndefined();
  });
  it('reads a clause after "said" that opens with "no", a noun read as a verb, or a short phrase of time', () => {
    const f = facts('David Schulz said no immediate decision had been made about an appeal. Trump said praise from Russian President Vladimir Putin would not affect his policy. Trump said after the convention he would not accept the endorsement.');
    expect(f.quote('no immediate decision had been made')?.cue?.text).toBe('said');
    expect(f.quote('praise from Russian President')?.content.text).toBe('praise from Russian President Vladimir Putin would not affect his policy');
    expect(f.quote('he would not accept the endorsement')?.content.text).toBe('he would not accept the endorsement');
  });
  it('reads a cue word before "that" after its subject as a verb, whatever the tagger made of it', () => {
    const f = facts('AROS argues that families still want their own neighborhood schools. Aaron Sharockman responded that the website cites many claims as inaccurate.');
    expect(f.quote('families still want')).toMatchObject({ cue: { text: 'argues' }, source: { text: 'AROS' } });
    expect(f.speakerOf('the website cites many claims')).toBe('Aaron Sharockman');
  });
  it('leaves a report inside a claim closed by its source to that source', () => {
    const f = facts('Clinton had told police officials that she did not want the escort, but the police overruled that request, the source added.');
    expect(f.quote('Clinton had told police officials')).toMatchObject({ kind: 'indirect', source: { text: 'the source' }, cue: { text: 'added' } });
  });
  it('reads a clause after "said" whose subject is long or opens with "those", but not "said this"', () => {
    const f = facts('Director Ana Lutz said those statements were wrong. He said the new agreement with the union over overtime pay is not good for the city. She said this on Monday.');
    expect(f.quote('those statements were wrong')).toMatchObject({ kind: 'indirect', rule: 'said-that', source: { text: 'Ana Lutz' } });
    expect(f.quote('the new agreement with the union')?.content.text).toBe('the new agreement with the union over overtime pay is not good for the city');
    expect(f.quote('this on Monday')).toBeUndefined();
  });
  it('leaves a time word opening the speaker\'s noun phrase out of it', () => {
    const f = facts('Current officials said the trial is casting a shadow over the case.');
    expect(f.quote('the trial is casting')).toMatchObject({ kind: 'indirect', source: { text: 'officials' } });
  });
  it('attributes a finding introduced by an evidence verb and "that" to its source', () => {
    const f = facts('A new survey of county voters shows that support for the levy has fallen below half. The audit found that the agency lost track of 300 laptops. The team found the keys.');
    expect(f.quote('support for the levy')).toMatchObject({ kind: 'indirect', cue: { text: 'shows' }, source: { text: 'A new survey of county voters' } });
    expect(f.quote('the agency lost track')).toMatchObject({ cue: { text: 'found' }, source: { text: 'The audit' } });
    expect(f.quote('the keys')).toBeUndefined();
  });
  it('reads a question reported through "asked", with its asker when the text names one', () => {
    const f = facts('During the interview, Chuck Todd asked Mike Pence whether the tax returns would be released before the election. Asked what he believed about the plan, the senator said he had no view.');
    expect(f.quote('whether the tax returns')).toMatchObject({ kind: 'indirect', rule: 'asked', content: { text: 'whether the tax returns would be released before the election' } });
    expect(f.speakerOf('whether the tax returns')).toBe('Chuck Todd');
    expect(f.quote('what he believed')).toMatchObject({ rule: 'asked', speaker: null, content: { text: 'what he believed about the plan' } });
    expect(f.quote('he had no view')).toMatchObject({ rule: 'said-that', source: { text: 'the senator' } });
  });
  it('attributes a headline or transcript line "Name: claim", but not a label such as "Note:"', () => {
    const f = facts('Harbor Watch: City hid the report on the bridge for years\n\nNote: this story was updated on Monday.\n\nSenator Ada Moreno: the budget is fine and balanced.');
    expect(f.quote('City hid the report')).toMatchObject({ kind: 'indirect', rule: 'name-colon', source: { text: 'Harbor Watch' }, cue: { text: ':' } });
    expect(f.quote('the budget is fine')).toMatchObject({ rule: 'name-colon', source: { text: 'Senator Ada Moreno' } });
    expect(f.quote('this story was updated')).toBeUndefined();
  });
  it('closes a claim with a plural source and "say"', () => {
    const f = facts('The new bridge will need repairs within a decade, engineers say.');
    expect(f.quote('The new bridge will need repairs')).toMatchObject({ kind: 'indirect', source: { text: 'engineers' } });
  });
  it('finds the claim around a scare quote, which stays a scare quote', () => {
    const f = facts('The "warm" ties between the two ports have helped both economies, officials said on Monday.');
    expect(f.quote('ties between the two ports')).toMatchObject({ kind: 'indirect', rule: 'claim-then-source', source: { text: 'officials' } });
    expect(f.a.quotes.find((q) => q.content.text === 'warm')?.kind).toBe('scare');
  });
  it('cites a nominal source of reported speech, but not an unresolved pronoun', () => {
    const f = facts('The flood barrier will hold until 2040, engineers say. They said the pumps were "older than anyone admits."');
    expect(f.source('engineers')).toMatchObject({ role: 'cited' });
    expect(f.a.sources.find((s) => /^they$/i.test(s.name))).toBeUndefined();
  });
  it('accepts any noun phrase after "according to"', () => {
    const f = facts('About 4,000 people attended the rally, according to the event organizers.');
    expect(f.quote('About 4,000 people attended')).toMatchObject({ kind: 'indirect', cue: { text: 'according to' } });
    expect(f.quote('About 4,000 people attended')?.source?.text).toContain('organizers');
  });
});

describe('the learned cue lexicon', () => {
  it('keeps words often and reliably annotated as cues, with where their content stands', () => {
    const doc = (text: string, cue: string, content: string) => {
      const c = text.indexOf(cue);
      const k = text.indexOf(content);
      return { cue: { spans: [[c, c + cue.length]] as [number, number][] }, content: { spans: [[k, k + content.length]] as [number, number][] } };
    };
    const texts = [
      'Ann remarked that rain was coming. Bob remarked that it was not.',
      'Cal remarked that the road was closed.',
      'Dee remarked that taxes would rise. The remarked item sold.',
    ];
    const docs = texts.map((text) => ({ text, attributions: [doc(text, 'remarked', text.slice(text.indexOf('that'), text.indexOf('.')))] }));
    docs[0]!.attributions.push(doc(texts[0]!, 'remarked that it', 'that it was not'));
    const cues = deriveCues(docs, 2, 0.5);
    const remarked = cues.find((c) => c.cue === 'remarked');
    expect(remarked).toMatchObject({ count: 3, before: 1, that: 1 });
    expect(remarked!.precision).toBeCloseTo(3 / 5, 3);
    expect(deriveCues(docs, 2, 0.7).find((c) => c.cue === 'remarked')).toBeUndefined();
  });
  it('normalises cue spans to words', () => {
    expect(normaliseCue('According  to')).toBe('according to');
    expect(normaliseCue(':')).toBe('');
    expect(normaliseCue('’s said')).toBe('said');
  });
  it('ships a lexicon whose clause and closing cues come from the data', () => {
    const l = learnedCueLexicon();
    expect(l.thatVerbs.has('noted')).toBe(true);
    expect(l.closing.has('said')).toBe(true);
    expect(l.speech.size).toBeGreaterThan(5);
  });
});

describe('a group that speaks again', () => {
  it('gives "they said" the group that spoke just before it in the chain of sources (by the body it speaks for)', () => {
    const f = facts('The meeting was extended by 24 hours, ICO officials said. The full council is to convene at 1900 gmt, they said.');
    expect(f.quote('The full council is to convene')?.chain?.at(-1)).toBe('ICO');
    const dealers = facts('Prices rose on Tuesday, dealers said. Stocks will fall, they said.');
    expect(dealers.quote('Stocks will fall')?.chain?.at(-1)).toBe('dealers');
    const impersonal = facts('Reuters reported, citing officials, that the talks went on. It is noted that the tariffs were imposed after the talks.');
    expect(impersonal.quote('the tariffs were imposed')?.chain ?? []).not.toContain('It');
    const named = facts('Prices rose, Kenneth Thomas said. Stocks will fall, they said.');
    expect(named.quote('Stocks will fall')?.chain?.at(-1)).not.toBe('Kenneth Thomas');
    const official = facts('The debt was cut by half, a company official said. Its borrowings rose, he said.');
    expect(official.quote('Its borrowings rose')?.chain?.at(-1)).toBe('a company official');
    const far = facts('Prices rose, dealers said. The crop was small. Rain fell. Farmers waited. Stocks were low. Exports will fall, they said.');
    expect(far.quote('Exports will fall')?.chain?.at(-1)).toBe('they');
  });
});
