/**
 * Who speaks: noun phrases and pronouns before the cue, titles read as verbs, long appositives.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';
import { Facts } from '../support/analysis.js';
import { WRAPPED_WIRE } from '../support/wire.js';

const facts = (text: string) => new Facts(analyze(readPlainText(`date 2024-03-05\n${text}`)));

describe('speakers of quotations', () => {
  it('takes a whole noun phrase set off before the cue, not an earlier name', () => {
    const f = facts('Maria Lopez said the grant was too small, and when asked about the delay, the 51-year-old mother of three replied, "We waited two years for this."');
    expect(f.quote('We waited two years')?.source?.text).toBe('the 51-year-old mother of three');
  });
  it('takes no party or nationality modifying a possessor for the speaker ("the Democratic nominee\'s campaign")', () => {
    const f = facts("Barack Obama will campaign in Ohio in September, the Democratic nominee's campaign announced Friday.");
    expect(f.quote('Barack Obama will campaign')?.source?.text).toBe("the Democratic nominee's campaign");
    expect(f.quote('Barack Obama will campaign')?.speaker).toBeNull();
  });
  it('takes a subject opening with a participle, not a place in an opening phrase ("In Virginia, elected officials … say")', () => {
    const f = facts('In Virginia, elected officials from both parties say he has forged a reputation as a hard worker. Bernie Sanders told MSNBC\'s "Morning Joe" that nobody would question her intelligence.');
    expect(f.quote('he has forged a reputation')?.source?.text).toBe('elected officials');
    expect(f.quote('he has forged a reputation')?.speaker).toBeNull();
    expect(f.speakerOf('nobody would question her intelligence')).toBe('Bernie Sanders');
  });
  it('reads a present form of saying after a quotation and its subject as the cue ("…," the Saudis state)', () => {
    const f = facts('"The kingdom is one of the leading nations in combating terrorism," the Saudis state in the white paper.');
    expect(f.quote('The kingdom is one of the leading nations')).toMatchObject({ kind: 'direct', cue: { text: 'state' }, source: { text: 'the Saudis' } });
  });
  it('takes the person before an appositive, not a name inside it', () => {
    const f = facts('Board chairman John Tower, a longtime Reagan supporter and former senator from Texas, told a press conference, "The president did not understand the operation."');
    expect(f.speakerOf('The president did not understand')).toBe('John Tower');
  });
  it('takes the subject opening the clause, not a name after its verb', () => {
    const f = facts('At the picnic, the choir director invited Republican donors to the stage, singing "Home at Last."');
    expect(f.quote('Home at Last')?.source?.text).toBe('the choir director');
  });
  it('takes a first-person narrator after an opening adverbial', () => {
    const f = facts('Once, I laughed and said, "Nobody reads the fine print."');
    expect(f.quote('Nobody reads')?.source?.text).toBe('I');
  });
  it('leaves an adverb out of a nominal speaker after the quote', () => {
    const f = facts('"The river keeps its own calendar," my grandmother often said.');
    expect(f.quote('The river keeps')?.source?.text).toBe('my grandmother');
  });
  it('reads a title such as "press secretary" as part of the speaker, not as a verb', () => {
    const f = facts('"We expect a vote this week," City Hall press secretary Ana Brandt said on Monday.');
    expect(f.quote('We expect a vote')?.source?.text).toContain('Ana Brandt');
  });
  it('finds the cue after a name with a long appositive', () => {
    const f = facts('"The water is clean again," Peter Novak, the chief chemist at the county laboratory who also ran the survey last spring, told reporters.');
    expect(f.quote('The water is clean')?.source?.text).toContain('Peter Novak');
    expect(f.quote('The water is clean')?.cue?.text).toBe('told');
  });
  it('does not take an earlier quotation as the subject of a later cue', () => {
    // (an unlisted verb after the name: the clause goes on from the first quotation's attribution)
    const f = facts('"Keep the lights on," Rosa Delgado turned to the mayor before asking him, "Where do we go from here?"');
    expect(f.quote('Keep the lights on')?.source?.text).toBe('Rosa Delgado');
    expect(f.quote('Where do we go')?.source?.text).toBe('Rosa Delgado');
  });
  it('does not read a subordinate clause after a quotation as its attribution', () => {
    const f = facts('The advert ends with footage from the debate. "That makes me careful with your money," when Senator Hugh Grant blasted the moderator.');
    const q = f.quote('That makes me careful');
    expect(q?.cue?.text).not.toBe('blasted');
    expect(q?.source?.text ?? '').not.toMatch(/^when/);
  });
  it('reads an unlisted past-tense verb after a quotation ending in a comma as its cue', () => {
    const f = facts('"If they were serious, they would have called a vote," Senator Ada Moreno fumed on Tuesday.');
    expect(f.quote('If they were serious')).toMatchObject({ cue: { text: 'fumed' } });
    expect(f.speakerOf('If they were serious')).toBe('Ada Moreno');
  });
  it('takes a name followed by a colon as the speaker of the quotation after it', () => {
    const f = facts('The result did not surprise the pollster Ivan Petrov: "Unknown candidates always get a boost early on."');
    expect(f.quote('Unknown candidates')).toMatchObject({ kind: 'direct', rule: 'marks+name-colon' });
    expect(f.speakerOf('Unknown candidates')).toBe('Ivan Petrov');
  });
  it('keeps the speaker named before a quotation when an unlisted verb follows it', () => {
    const f = facts('Two weeks after the mayor lost her temper at a rally, pointing at a reporter as she angrily said, "I am tired of these stories about the budget," the council voted again.');
    const q = f.quote('I am tired of these stories');
    expect(q?.cue?.text).toBe('said');
    expect(q?.source?.text).toBe('she');
  });

  it('takes the subject of a clause ending in a colon as the speaker, with no reporting verb', () => {
    const f = facts('The council met on Monday. Ines Okafor, the mayor, then turned to the crowd: "We will rebuild the bridge by spring."');
    expect(f.quote('We will rebuild')).toMatchObject({ kind: 'direct', rule: 'marks+colon-intro' });
    expect(f.speakerOf('We will rebuild')).toBe('Ines Okafor');
    const g = facts('The agency issued the following statement:\n\n"We regret the delay and will refund every passenger."');
    expect(g.quote('We regret the delay')?.source?.text).toBe('The agency');
  });
  it('does not make a speaker of a colon-introduced clause that names nobody', () => {
    const f = facts('The rules were simple: "Arrive early, leave late and never argue with the referee."');
    expect(f.quote('Arrive early')?.speaker ?? null).toBeNull();
    expect(f.quote('Arrive early')?.source).toBeUndefined();
  });
  it('finds the cue at the end of a sentence that goes on after the quotation', () => {
    const f = facts('"We are delighted" by the verdict, said Tom Reyes, a lawyer for the families.');
    expect(f.quote('We are delighted')).toMatchObject({ kind: 'direct', rule: 'marks+cue-at-sentence-end', cue: { text: 'said' } });
    expect(f.speakerOf('We are delighted')).toBe('Tom Reyes');
  });
  it('reads "according to" after a quotation, and a newspaper named "the Times"', () => {
    const f = facts('"The port will reopen within a week," according to the harbour authority. "The budget is balanced," the Times wrote.');
    expect(f.quote('The port will reopen')).toMatchObject({ cue: { text: 'according to' }, source: { text: 'the harbour authority' } });
    expect(f.quote('The budget is balanced')?.source?.text).toBe('the Times');
  });
  it('takes a name after a dash in the next paragraph, and a short "X said." sentence, as the speaker', () => {
    const f = facts('Critics were not convinced.\n\n"Nobody has explained where the money went."\n\n- Senator Clara Voss.');
    expect(f.quote('Nobody has explained')).toMatchObject({ rule: 'marks+dash-name' });
    expect(f.speakerOf('Nobody has explained')).toBe('Clara Voss');
    const g = facts('"We found no trace of the missing files". Judge Amos Kerr said.');
    expect(g.speakerOf('We found no trace')).toBe('Amos Kerr');
  });

  it('does not take the object of a preposition before the cue as its subject', () => {
    const f = facts('Another intelligence source speaking to Fox News said, "The agents are looking at the donations."');
    expect(f.quote('The agents are looking')?.source?.text).toBe('Another intelligence source');
  });
  it('lets a relative pronoun before the cue speak for the name before it', () => {
    const f = facts('Critics mocked the plan, among them a post from Rikkie Wells, who tweeted, "Nobody follows these rules."');
    expect(f.quote('Nobody follows these rules')?.source?.text).toBe('Rikkie Wells');
  });
  it('reads "shot back" as a cue, not an earlier reporting verb', () => {
    const f = facts('After Governor Jerry Brown criticized the bill during a debate, Hillary Clinton shot back, "I chose to fulfil my profession."');
    expect(f.quote('I chose to fulfil')).toMatchObject({ cue: { text: 'shot back' } });
    expect(f.speakerOf('I chose to fulfil')).toBe('Hillary Clinton');
  });
  it('gives "…, X said, adding: \"…\"" the speaker of "said", not a name inside the quotation before it', () => {
    const f = facts('"I have tremendous respect for Governor Mike Pence. He has been a fine leader for the state," Senator Ted Cruz said, adding: "I would welcome his support."');
    expect(f.quote('I would welcome his support')).toMatchObject({ cue: { text: 'adding' } });
    expect(f.speakerOf('I would welcome his support')).toBe('Ted Cruz');
  });

  it('reads a speaker whose name starts with a word the times stage reads as a period ("Daily")', () => {
    const f = facts('“We won’t be running his columns in the future,” Daily News opinion editor Josh Greenman told a reporter.');
    expect(f.speakerOf('We won’t be running')).toBe('Josh Greenman');
  });
  it('reads "X has said" and "X shot back" after a quotation, and the name after a comma before the cue', () => {
    const f = facts('“A wise judge would reach a better conclusion,” Maria Ortiz has said in speeches. “They are all here for the free food,” Jim Bennett shot back.');
    expect(f.quote('A wise judge')?.source?.text).toBe('Maria Ortiz');
    expect(f.quote('They are all here')).toMatchObject({ cue: { text: 'shot back' }, source: { text: 'Jim Bennett' } });
    const g = facts('“The mood is like the 1960s,” the dawn of the movement, Brent Bozell says.');
    expect(g.speakerOf('The mood is like')).toBe('Brent Bozell');
  });

  it('reads any past-tense verb after a question closed by its mark as the cue, and verbs with a particle', () => {
    const f = facts('“Would the fees be negotiable?” Hannity pressed. “Maybe some people could stay?”\n\n“You know, it happens, right?” Trump went on. “Some of us thought it might work,” Bozell points out.');
    expect(f.quote('Would the fees')).toMatchObject({ cue: { text: 'pressed' }, source: { text: 'Hannity' } });
    expect(f.quote('Maybe some people')?.source?.text).toBe('Hannity');
    expect(f.quote('You know, it happens')).toMatchObject({ cue: { text: 'went on' }, source: { text: 'Trump' } });
    expect(f.quote('Some of us thought')).toMatchObject({ cue: { text: 'points out' }, source: { text: 'Bozell' } });
  });
});

describe('epithets for the person just named', () => {
  it('gives "the South Carolina Republican admitted" to the congressman named before', () => {
    const f = facts('Rep. Trey Gowdy released a statement on Wednesday. The South Carolina Republican admitted that the server was never central to the inquiry.');
    expect(f.speakerOf('the server was never central')).toBe('Trey Gowdy');
    // the party's name inside the epithet is the person's, not a mention of the party
    expect(f.entity('Republican Party')).toBeUndefined();
  });
  it('prefers the person whose title carries the epithet\'s words, then the one most named, over the last named', () => {
    const f = facts('Senate Republican leader Robert Dole, a key Reagan ally, told reporters that Reagan had erred. Reagan spoke to Congress. "Some people should step aside," the Kansas Republican said.');
    expect(f.speakerOf('Some people should step aside')).toBe('Robert Dole');
  });
  it('keeps gendered epithets to people of that gender', () => {
    const f = facts('Donald Trump attacked Hillary Clinton on trade. Clinton answered in Ohio. "We need change," the New York businessman said.');
    expect(f.speakerOf('We need change')).toBe('Donald Trump');
  });
  it('leaves an epithet that is a title before a name, or a plural group, alone', () => {
    const f = facts('Donald Trump spoke on Monday. The Republican nominee Mike Pence said he agreed. Republicans said they would fight.');
    expect(f.speakerOf('he agreed')).toBe('Mike Pence');
    expect(f.speakerOf('they would fight')).toBe('Republican Party');
  });
});

describe('pronouns after a quotation', () => {
  it('gives "He" of the next sentence to the writer of the quotation, not to a name inside it', () => {
    const f = facts('“I devoted many columns to criticizing Donald Trump. His nomination caused me grief,” writes Dennis Prager.\n\nHe admits that the critics are good people.');
    expect(f.speakerOf('the critics are good people')).toBe('Dennis Prager');
  });
  it('gives "he said" after a quotation to the one named before it, not to a name inside it', () => {
    const f = facts('Barack Obama dismissed the criticism as the voice of a client. "You know, I love Larry," he said.');
    expect(f.speakerOf('I love Larry')).toBe('Barack Obama');
  });
  it('keeps a pronoun inside a quotation for the one spoken of', () => {
    const f = facts('Mike Pence debated on Tuesday. “Nobody expected that,” said MSNBC host Chris Matthews. “He looked like a grown-up,” Matthews added.');
    const a = f.a;
    const pence = a.entities.find((e) => e.name === 'Mike Pence')!;
    expect(pence.mentions.some((m) => m.text === 'He')).toBe(true);
  });
});

describe('a headline in title case', () => {
  it('does not read a common word the body writes in lower case as a party', () => {
    const f = facts('Prager Tells Conservatives They Need To Change Course.\n\nMany conservatives have said they will not vote for Donald Trump.');
    expect(f.entity('Conservative Party')).toBeUndefined();
  });
});

describe('who speaks, not whose', () => {
  it('gives "Carter\'s press secretary, Peter Cook, told" to Cook, and an unnamed aide to no one', () => {
    const f = facts("Carter's press secretary, Peter Cook, told the Times that Carter believed it was a mistake. Trump's campaign manager said the poll was wrong.");
    expect(f.speakerOf('Carter believed it was a mistake')).toBe('Peter Cook');
    expect(f.quote('the poll was wrong')?.source?.text).toBe("Trump's campaign manager");
    expect(f.speakerOf('the poll was wrong')).toBeUndefined();
  });
  it("lets a country's ministry speak for the country", () => {
    expect(facts("Russia's foreign ministry said the talks had failed.").speakerOf('the talks had failed')).toBe('Russia');
  });
  it('does not take the credit of a dateline under the headline as the speaker', () => {
    const f = new Facts(analyze(readPlainText('date 2015-12-16\nNewspaper: Defense secretary used personal email\n\nWASHINGTON (AP) — A news report published Wednesday said Defense Secretary Ash Carter used a personal email account.')));
    expect(f.quote('used a personal email account')?.source?.text).toBe('A news report');
  });
});

describe('claims that are none', () => {
  it('does not make a headline clause before a colon the speaker ("Clinton Cash Debunks Hillary: …")', () => {
    const f = facts('Clinton Cash Debunks Hillary: Only two instances where donations slipped through.\n\nJudicial Watch: State Department hid key email.');
    expect(f.quote('Only two instances')).toBeUndefined();
    expect(f.speakerOf('State Department hid key email')).toBe('Judicial Watch');
  });
  it('reads "confirmed that observation, reporting:" and "news reports and …" as no reported clause', () => {
    const f = facts('The New York Times confirmed that observation, reporting: the deal was bad. Multiple news reports and a detailed account reveal there was more.');
    expect(f.quote('observation')).toBeUndefined();
    expect(f.quote('and a detailed account')).toBeUndefined();
  });
});

describe('the clause a cue belongs to', () => {
  it('does not take a name in an opening subordinate clause, or before ", though", as the subject', () => {
    const f = facts('When John Kasich is matched against Hillary Clinton, 45 percent of voters said they would vote for him. Clinton trails, though 32 percent said they had no opinion of her.');
    expect(f.speakerOf('they would vote for him')).toBeUndefined();
    expect(f.quote('they would vote for him')?.source?.text).toBe('45 percent of voters');
    expect(f.speakerOf('they had no opinion')).toBeUndefined();
  });
  it('keeps a sentence-opening "But" and "as well" out of it', () => {
    const f = facts('But Megan Hester, a senior associate at the institute, said parents want neighborhood schools. Attorney General Roy Cooper called for releasing the videos, as well, saying that transparency brings progress.');
    expect(f.speakerOf('parents want neighborhood schools')).toBe('Megan Hester');
    expect(f.speakerOf('transparency brings progress')).toBe('Roy Cooper');
  });
});

describe('the speaker after a possessive', () => {
  it('gives "he said" to the one who said the sentence before, not to a possessor opening it', () => {
    const f = facts('Donald Trump\'s misinformation may be "strategic," said Jeffery Hemsley, a professor. "Each candidate is talking to their base," he said.');
    expect(f.speakerOf('Each candidate is talking')).toBe('Jeffery Hemsley');
  });
});

describe('a hard-wrapped wire', () => {
  it('reads "X, an analyst with Y, said\\nhe had …" as X reporting, not as a claim closed by "said he"', () => {
    const text = WRAPPED_WIRE;
    const f = new Facts(analyze(readPlainText(`date 1987-03-17\n${text}`)));
    expect(f.quote('Peter Lowell, an analyst')).toBeUndefined();
    expect(f.speakerOf('he had expected a higher bid')).toBe('Peter Lowell');
  });
});

describe('headlines that name a speaker and a topic', () => {
  it('attributes "Obama on Climate Change: …" and "Clinton to Planned Parenthood: …" to the person, not a heading', () => {
    const f = facts('Obama on Climate Change: The trends are terrifying.\n\nHillary Clinton to Planned Parenthood: We will fight for you.\n\nLimited Tools to Fight Terrorism: The United Nations was set up long ago.');
    expect(f.speakerOf('The trends are terrifying')).toBe('Barack Obama');
    expect(f.speakerOf('We will fight for you')).toBe('Hillary Clinton');
    expect(f.quote('The United Nations was set up')).toBeUndefined();
  });
});
