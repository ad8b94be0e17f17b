/**
 * Companies whose names read like people's ("Wells Fargo", "Lehman Brothers") are organisations
 * the gazetteer knows, and a later mention by their first word alone is the same organisation.
 */
import { describe, expect, it } from 'vitest';
import { WRAPPED_WIRE } from '../support/wire.js';
import { analyze } from '../../src/pipeline.js';

const entities = (text: string) => analyze({ date: '2016-09-20', text }).entities.map((e) => ({ name: e.name, type: e.type, sector: e.sector, mentions: e.mentions.map((m) => m.text) }));

describe('companies named like people', () => {
  it('types Wells Fargo, Lehman Brothers and Eli Lilly as businesses, not people', () => {
    const got = entities('Senator Elizabeth Warren grilled Wells Fargo CEO John Stumpf. Lehman Brothers collapsed in 2008, and Eli Lilly raised prices.');
    for (const name of ['Wells Fargo', 'Lehman Brothers', 'Eli Lilly']) {
      expect(got).toContainEqual(expect.objectContaining({ name, type: 'ORG', sector: 'BUS' }));
    }
    expect(got).toContainEqual(expect.objectContaining({ name: 'John Stumpf', type: 'PERSON' }));
  });
  it('takes a later mention by the first word alone as the same organisation, unless a person has that name', () => {
    const got = entities('Wells Fargo was fined $185 million. “Why isn’t this crystal clear proof that an entity as big as Wells is too big to fail?” Warren asked.');
    const bank = got.find((e) => e.name === 'Wells Fargo')!;
    expect(bank.mentions).toEqual(['Wells Fargo', 'Wells']);
    expect(got.map((e) => e.name)).not.toContain('Wells');
    const withPerson = entities('Sarah Wells sued Wells Fargo. Wells said the bank had lied.');
    expect(withPerson.find((e) => e.name === 'Sarah Wells')!.mentions).toEqual(['Sarah Wells', 'Wells']);
  });
  it('takes a school\'s name alone for the school, even where the tagger reads it as a place ("at Hofstra")', () => {
    const got = entities('Jill Stein was escorted off the premises of Hofstra University on Monday. In 2012 she was arrested after entering the debate venue, which was also at Hofstra.');
    expect(got.find((e) => e.name === 'Hofstra University')?.mentions).toEqual(['Hofstra University', 'Hofstra']);
    expect(got.map((e) => e.name)).not.toContain('Hofstra');
  });
});

describe('people named by a first name alone', () => {
  it('takes "Hillary" for the one Hillary of the article, a known person too, and no "Donald" shared by two', () => {
    const got = entities('Hillary Clinton spoke in Ohio. If you are not voting for Trump, you are voting for Hillary.');
    expect(got.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.mentions])).toEqual([['Hillary Clinton', ['Hillary Clinton', 'Hillary']], ['Donald Trump', ['Trump']]]);
    const two = entities('Donald Trump and Donald Tusk spoke. Donald said the talks went well.');
    expect(two.find((e) => e.name === 'Donald Trump')?.mentions).not.toContain('Donald');
  });
  it('makes a person of a full name the tagger read as a place when its surname is a "who" ("Cruz, who …")', () => {
    const got = entities('Bernie Sanders and Ted Cruz both campaigned hard in Arizona. Cruz, who had the backing of the party, pulled almost 70 percent. Tim Hess, a developer in Virginia, who met him, agreed.');
    expect(got.find((e) => e.name === 'Ted Cruz')).toMatchObject({ type: 'PERSON', mentions: expect.arrayContaining(['Ted Cruz', 'Cruz']) });
    expect(got.find((e) => e.name === 'Virginia')?.type).toBe('GPE');
  });
  it('keeps a son named with a suffix apart from his father', () => {
    const got = entities('Donald Trump and Donald Trump Jr. spoke. Donald Trump Jr. said the rally went well.');
    expect(got.map((e) => [e.name, e.mentions.length])).toEqual([['Donald Trump', 1], ['Donald Trump Jr.', 2]]);
  });
});

describe('what looks like a name and is none', () => {
  it('takes no month abbreviation, "TV" or a member\'s party and state for an entity', () => {
    const got = entities('Rep. Jason Chaffetz (R-Utah) said on Sept. 11 that the TV ad was false. Sen. Elijah Cummings, D-Md., answered Nov. 3.');
    expect(got.map((e) => e.name).sort()).toEqual(['Elijah Cummings', 'Jason Chaffetz']);
  });
  it('takes no abbreviation of lower-case words for an organisation ("money market certificates (MMCs)"), and keeps the named ones', () => {
    const got = entities('The Bank of Japan raised the ceiling on money market certificates (MMCs) and liquefied natural gas (LNG) imports. The MMCs will change. The International Monetary Fund (IMF) agreed.');
    expect(got.map((e) => e.name)).toEqual(['Bank of Japan', 'International Monetary Fund']);
    expect(got.find((e) => e.name === 'International Monetary Fund')?.mentions).toEqual(['International Monetary Fund', 'IMF']);
  });
  it('takes no economic measure or currency for an entity ("Gross Domestic Product", "GDP", "the Swiss Franc")', () => {
    const got = entities('The study forecast a decline in Gross Domestic Product growth, and GDP will grow less than the Swiss Franc rises, the OECD said.');
    // (the currency's country stays, as a people: "Swiss")
    expect(got.map((e) => [e.name, e.type])).toEqual([['Swiss', 'NORP'], ['OECD', 'ORG']]);
  });
  it('takes no archive section label ("ABSTRACT.", "FULL TEXT.") for an entity', () => {
    const got = entities('Trump holds spotlight.\n\nABSTRACT.\n\nDonald Trump took to the talk shows.\n\nFULL TEXT.\n\nDonald Trump took to the talk shows on Sunday.');
    expect(got.map((e) => e.name)).toEqual(['Donald Trump']);
    const labelled = analyze({ date: '2016-05-19', text: 'EXCLUSIVE: In memo to Congress, Saudis insist they are fighting terror.\n\nSaudi Arabia is distributing a white paper.' });
    expect(labelled.entities.map((e) => e.name)).not.toContain('EXCLUSIVE');
    expect(labelled.quotes.filter((q) => q.rule === 'name-colon')).toEqual([]);
  });
  it('cuts a date the tagger ran into a name off it ("endorsed Cruz Wednesday")', () => {
    const got = entities('Jeb Bush endorsed Cruz Wednesday in Miami.');
    expect(got.flatMap((e) => e.mentions)).not.toContain('Cruz Wednesday');
  });
  it('names nothing inside a date the time stage read ("Super" of "Super Tuesday", "Election Day")', () => {
    const got = entities('Bernie Sanders hopes to win states on Super Tuesday, long before Election Day.');
    expect(got.map((e) => e.name)).toEqual(['Bernie Sanders']);
  });
  it('knows US groups as groups ("Hispanics", "African-Americans", "Latino")', () => {
    const got = entities('Hispanics and African-Americans backed her, while Latino voters in Florida split.');
    for (const name of ['Hispanics', 'African Americans', 'Latinos']) expect(got).toContainEqual(expect.objectContaining({ name, type: 'NORP' }));
  });
  it('knows party committees and pollsters as organisations', () => {
    const got = entities('The Democratic National Committee cited a Morning Consult poll and a Quinnipiac survey.');
    for (const name of ['Democratic National Committee', 'Morning Consult', 'Quinnipiac University']) {
      expect(got).toContainEqual(expect.objectContaining({ name, type: 'ORG' }));
    }
  });
  it('drops guesses from the capitals of a title-case headline, keeping the names the article repeats', () => {
    const text = 'Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics. '
      + 'Hillary Clinton was headed to the emergency room after her health scare, but aides diverted her car to avoid bad optics, sources said.';
    expect(entities(text).map((e) => e.name)).toEqual(['Hillary Clinton']);
  });
  it('leaves a credit line of names alone', () => {
    const got = entities('The court will rule soon. (Reporting by Valerie Volcovici; additional reporting by Lawrence Hurley; editing by Will Dunham)');
    expect(got.map((e) => e.name)).toEqual(expect.arrayContaining(['Valerie Volcovici', 'Lawrence Hurley', 'Will Dunham']));
  });
  it('reads "the Times" after "The New York Times" as the New York paper, and "the Post" as the Washington one', () => {
    const got = entities('The New York Times reported it obtained 72 emails. The Times said Cook provided a statement, the Times added. The Washington Post and the Post agreed.');
    expect(got.find((e) => e.name === 'The New York Times')?.mentions.length).toBe(3);
    expect(got.find((e) => e.name === 'The Washington Post')?.mentions.length).toBe(2);
    expect(got.filter((e) => e.name === 'The Times' || e.name === 'Times')).toEqual([]);
  });
  it('types a law as MISC, not as an organisation', () => {
    expect(entities('The emails were released under the Freedom of Information Act on Monday.').find((e) => e.name.endsWith('Act'))?.type).toBe('MISC');
  });
  it('reads a committee named with "on" and its remit as one organisation', () => {
    const got = entities('The House Select Committee on Benghazi released its report. The Senate Committee on Foreign Relations met on Monday.');
    expect(got.map((e) => [e.name, e.type])).toEqual([['House Select Committee on Benghazi', 'ORG'], ['Senate Committee on Foreign Relations', 'ORG']]);
  });
  it('names an organisation broken over two lines of a hard-wrapped wire once, on one line', () => {
    const text = WRAPPED_WIRE;
    const got = entities(text).filter((e) => e.name.startsWith('Brightwater'));
    expect(got.map((e) => e.name)).toEqual(['Brightwater Partners Inc']);
  });
  it('reads a bank or party named after a generic one as another body, and a ministry as no party', () => {
    const got = entities('Takashi Kiuchi of the Long-Term Credit Bank of Japan and Susumu Taketomi of Industrial Bank of Japan met the Bank of Japan. A Labour Ministry official said the Labour Party and the Social Democratic Party disagreed. The Manhattan Supreme Court ruled, and so did the Supreme Court.');
    const orgs = got.filter((e) => e.type === 'ORG').map((e) => e.name);
    expect(orgs).toEqual(expect.arrayContaining(['Long-Term Credit Bank of Japan', 'Industrial Bank of Japan', 'Bank of Japan', 'Labour Ministry', 'Labour Party', 'Social Democratic Party', 'Manhattan Supreme Court', 'US Supreme Court']));
    expect(got.find((e) => e.name === 'Bank of Japan')?.mentions).toEqual(['Bank of Japan']);
    expect(got.find((e) => e.name === 'Labour Party')?.mentions).toEqual(['Labour Party']);
  });
  it("reads a wire's sign-off on the last line as the agency that published it, not a person named Reuter", () => {
    for (const text of [WRAPPED_WIRE, WRAPPED_WIRE.replace(' Reuter', ' REUTER...'), 'Exports rose 5 pct in March, the ministry said.\n -- AP']) {
      const a = analyze({ date: '1987-03-02', text });
      const agency = a.entities.filter((e) => /^(Reuter|REUTER|AP|Associated)/.test(e.name));
      expect(agency.map((e) => [e.name, e.type])).toEqual([[text.endsWith('AP') ? 'Associated Press' : 'Reuters', 'ORG']]);
      expect(a.sources.filter((s) => s.role === 'publisher').map((s) => s.name)).toEqual([agency[0]!.name]);
    }
    // a surname on the last line is still a person's
    expect(entities('The prize went to the historian Ernst Reuter').map((e) => [e.name, e.type])).toEqual([['Ernst Reuter', 'PERSON']]);
  });
});

describe('a state\'s institution named without its state', () => {
  const linked = (text: string, name: RegExp) => analyze({ date: '1987-03-03', text }).entities.find((e) => name.test(e.name));
  it('takes "the Treasury" of a British story for Britain\'s, and of an American one for America\'s', () => {
    expect(linked('Britain\'s reserves rose 287 mln dlrs in February, the Treasury said. The Bank of England bought dollars.', /Treasury/)?.kbId).toBe('org:hm-treasury');
    expect(linked('The United States will sell 9 billion dlrs of notes, the Treasury said.', /Treasury/)?.kbId).toBe('org:us-treasury');
  });
  it('links "Congress" of a Philippine story to no American body, but keeps the default where the story names its country once', () => {
    const philippine = linked('President Corazon Aquino told Filipino farmers that the Philippines would wait for the Congress to convene.', /Congress/);
    expect(philippine?.kbId).toBeUndefined();
    expect(linked('The Senate passed a bill on China tariffs.', /Senate/)?.kbId).toBe('org:us-senate');
  });
});

describe('states that no longer exist', () => {
  it('links the Soviet Union, West Germany and Zaire to their continuators, keeping the words written', () => {
    const got = analyze({ date: '1987-03-02', text: 'The Soviet Union and West Germany signed a grain deal. Soviet officials met Zaire\'s minister.' }).entities;
    const of = (name: string) => got.find((e) => e.mentions.some((m) => m.text === name));
    expect(of('Soviet Union')?.country).toBe('RUS');
    expect(of('West Germany')?.country).toBe('DEU');
    expect(of('Zaire')?.country).toBe('COD');
    expect(of('Soviet')?.type).toBe('NORP');
  });
});

describe('a surname alone, by the article\'s date', () => {
  const linked = (date: string, text: string, surface: string) => analyze({ date, text }).entities.find((e) => e.mentions.some((m) => m.text === surface))?.kbId;
  it('takes "Marcos" for the father in 1987 and the son in 2024', () => {
    expect(linked('1987-03-02', 'President Corazon Aquino spoke in Manila. Marcos stayed in Hawaii.', 'Marcos')).toBe('person:ferdinand-marcos');
    expect(linked('2024-03-02', 'Joe Biden met Marcos in Washington.', 'Marcos')).toBe('person:ferdinand-marcos-jr');
  });
  it('takes "Bush" for the elder in 1987, the younger in 2005, Jeb in 2016 and none in 2020; "Clinton" for Bill in 1996 and Hillary in 2016', () => {
    expect(linked('1987-03-02', 'Bush met Corazon Aquino in Manila.', 'Bush')).toBe('person:george-h-w-bush');
    expect(linked('2005-03-02', 'Bush met Tony Blair in London.', 'Bush')).toBe('person:george-w-bush');
    expect(linked('2016-03-02', 'Bush won no delegates in Iowa.', 'Bush')).toBe('person:jeb-bush');
    expect(linked('2020-03-02', 'Bush spoke at the library in Dallas.', 'Bush')).toBeUndefined();
    expect(linked('1996-09-02', 'Clinton signed the welfare bill.', 'Clinton')).toBe('person:bill-clinton');
    expect(linked('2016-09-02', 'Clinton leads in Ohio, a new poll shows.', 'Clinton')).toBe('person:hillary-clinton');
  });
  it('reads a Spanish double surname by the father\'s name: "Cruz" is not Manuel Marrero Cruz', () => {
    expect(linked('2024-03-02', 'Cruz campaigned in Texas on Monday.', 'Cruz')).toBe('person:ted-cruz');
    expect(linked('2024-03-02', 'Cuba\'s prime minister, Marrero, spoke in Havana.', 'Marrero')).toBe('person:manuel-marrero-cruz');
  });
});
