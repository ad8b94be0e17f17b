/**
 * The API's OpenAPI 3.1 description, written by hand next to the routes in ./app.ts.
 * test/serve/api.test.ts checks that every route the app registers is described here and back.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const arr = (items: Schema): Schema => ({ type: 'array', items });
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({ type: 'object', properties, required });

const span = obj({ start: int, end: int, text: str });

const schemas: Record<string, Schema> = {
  Error: obj({ error: { type: 'string', description: 'what went wrong, in one line' }, status: { type: 'integer', description: 'the HTTP status again' } }),
  Span: span,
  EntityRef: obj({ id: int, name: str, type: str, country: nullable(str), kbId: nullable(str), sector: nullable(str) }),
  Stats: obj({ articles: int, entities: int, mentions: int, quotes: int, events: int, stories: int, sources: int, descriptors: int, claims: int }),
  SearchRow: obj({
    id: str, title: nullable(str), date: nullable(str), publisher: nullable(str),
    score: { type: 'number', description: 'higher is better' }, snippet: { type: 'string', description: 'matched words in [brackets]' },
  }),
  ArticleSummary: obj({ id: str, title: nullable(str), date: nullable(str), publisher: nullable(str), tone: num, storyId: nullable(int), lead: str }),
  Analysis: {
    type: 'object',
    description: 'The analysis of one article, as `newsgraph analyze` prints it (../shared/CONTRACT.md section 1). All offsets are UTF-16 indexes, half-open, into `text`.',
    properties: {
      id: str, date: nullable(str), title: str, text: str,
      sentences: arr(span),
      entities: arr(obj({ id: str, name: str, type: str, country: str, kbId: str, sector: str, descriptors: arr(str), mentions: arr(obj({ start: int, end: int, text: str, via: str })) }, ['id', 'name', 'type', 'descriptors', 'mentions'])),
      quotes: arr(obj({ kind: { enum: ['direct', 'indirect', 'mixed', 'scare'] }, content: span, speaker: nullable(str), source: span, cue: span, rule: str, chain: arr(str), quoted: arr(span) }, ['kind', 'content', 'speaker', 'rule'])),
      times: arr(obj({ start: int, end: int, text: str, type: str, value: str, mod: str, rule: str, anchored: bool }, ['start', 'end', 'text', 'type', 'value'])),
      quantities: arr(obj({ start: int, end: int, text: str, value: num, unit: str, measure: str, period: str }, ['start', 'end', 'text', 'value', 'unit'])),
      events: arr(obj({
        type: { type: 'string', description: 'PLOVER event type' }, cameo: str, quadClass: int, source: nullable(str), target: nullable(str),
        location: nullable(str), date: nullable(str), dateFrom: { type: 'string', enum: ['sentence', 'context', 'article'] }, trigger: span, negated: bool, attributedTo: nullable(str), mood: str, rule: str,
      }, ['type', 'source', 'target', 'trigger'])),
      sources: arr(obj({ name: str, entity: str, role: { enum: ['publisher', 'cited'] }, citedBy: str }, ['name', 'role'])),
      tone: num,
    },
    required: ['date', 'text', 'sentences', 'entities', 'quotes', 'times', 'quantities', 'events', 'sources', 'tone'],
  },
  Article: obj({
    id: str, title: nullable(str), date: nullable(str), publisher: nullable(str), url: nullable(str), origin: nullable(str),
    tone: num, storyId: nullable(int), ingestedAt: str, analysis: ref('Analysis'),
    entityIds: { type: 'object', additionalProperties: int, description: "the analysis's entity ids (\"e4\") → knowledge-base entity ids (for /api/entities/{id})" },
  }),
  ArticleInput: obj({
    text: { type: 'string', description: 'the article text (a plain-text body may start with a "date YYYY-MM-DD" dateline)' },
    date: { type: ['string', 'null'], description: 'YYYY-MM-DD' },
    title: nullable(str), id: { type: 'string', description: "the article's own id; by default the first 16 hex digits of the text's hash" },
    publisher: nullable(str), url: nullable(str),
  }, ['text']),
  Located: obj({
    articleId: str, date: nullable(str), publisher: nullable(str), kind: str, speaker: nullable(str), speakerId: nullable(int),
    content: str, cue: nullable(str), chain: arr(str), quoted: arr(str), start: int, end: int,
  }),
  EntityEvent: obj({
    articleId: str, day: nullable(str), type: str, cameo: str, quadClass: nullable(int),
    source: nullable(obj({ id: int, name: str })), target: nullable(obj({ id: int, name: str })),
    trigger: str, start: int, end: int, negated: bool, mood: str,
  }),
  EntityProfile: obj({
    entity: ref('EntityRef'), otherMatches: arr(ref('EntityRef')), articles: int, mentions: int, firstDate: nullable(str), lastDate: nullable(str),
    surfaceForms: arr(obj({ text: str, via: str, count: int })),
    byMonth: arr(obj({ month: str, articles: int, mentions: int })),
    descriptors: arr(obj({ text: str, count: int, outlets: arr(str) })),
    cooccurring: arr(obj({ id: int, name: str, type: str, country: nullable(str), kbId: nullable(str), sector: nullable(str), articles: int })),
    quotesBy: int, events: obj({ asSource: int, asTarget: int }),
  }),
  EntityPage: obj({
    entity: ref('EntityRef'),
    profile: { ...ref('EntityProfile'), description: 'descriptors with the outlets using them, surface forms, mentions by month, entities named with it' },
    quotes: obj({ by: arr(ref('Located')), about: arr(ref('Located')) }),
    events: arr(ref('EntityEvent')),
    mentionsByDay: arr(obj({ day: str, articles: int, mentions: int })),
    articles: arr(obj({ id: str, title: nullable(str), date: nullable(str), publisher: nullable(str), mentions: int })),
  }),
  QuoteReport: obj({
    speaker: nullable(ref('EntityRef')), about: nullable(ref('EntityRef')),
    quotes: arr(obj({ articleId: str, date: nullable(str), publisher: nullable(str), kind: str, speaker: nullable(str), content: str, cue: nullable(str), chain: arr(str), quoted: arr(str) })),
  }),
  Relation: obj({
    a: ref('EntityRef'), b: ref('EntityRef'),
    events: arr(obj({
      day: nullable(str), articleId: str, publisher: nullable(str), direction: { enum: ['a->b', 'b->a'] }, source: str, target: str,
      type: { type: 'string', description: 'PLOVER event type' }, cameo: str,
      quadClass: { ...nullable(int), description: '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict' },
      trigger: str, negated: bool, mood: str,
    })),
    byType: arr(obj({ direction: str, type: str, quadClass: nullable(int), count: int })),
    byMonth: arr(obj({ month: str, quad: { type: 'array', items: int, minItems: 4, maxItems: 4 } })),
    cooperation: { type: 'integer', description: 'events of quad class 1 or 2, not negated' },
    conflict: { type: 'integer', description: 'events of quad class 3 or 4, not negated' },
  }),
  Sources: obj({
    citations: arr(obj({ citing: str, cited: str, articles: int })),
    publishers: arr(obj({ name: str, articles: int })),
    cited: arr(obj({ name: str, articles: int, citedBy: int })),
  }),
  ClaimGroup: obj({
    key: str, measure: str, period: nullable(str), unit: str, conflict: bool,
    values: arr(obj({ value: num, text: str, articleId: str, date: nullable(str), publisher: nullable(str), attributedTo: nullable(str), chain: arr(str) })),
  }),
  Story: obj({
    id: int, title: str, firstDate: nullable(str), lastDate: nullable(str), articleCount: int,
    articles: arr(obj({ id: str, title: nullable(str), publisher: nullable(str), date: nullable(str) })),
  }),
  Network: obj({
    nodes: arr(obj({ id: int, name: str, type: str, country: nullable(str), events: int })),
    edges: arr(obj({ source: int, target: int, weight: int, cooperation: int, conflict: int, types: arr(obj({ type: str, count: int })) })),
    omitted: { type: 'integer', description: 'actors left out (fewer events than the kept ones)' },
  }),
};

const json = (schema: Schema, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const qp = (name: string, description: string, schema: Schema = str, required = false) => ({ name, in: 'query', required, description, schema });
const pp = (name: string, description: string, schema: Schema = str) => ({ name, in: 'path', required: true, description, schema });
const limitParam = (max: number, fallback: number) => qp('limit', `at most this many (1–${max}, default ${fallback})`, { type: 'integer', minimum: 1, maximum: max, default: fallback });
const bad = { 400: error('a parameter is missing or malformed') };
const unknownName = { 404: error('no entity has that name') };
const flag: Schema = { enum: ['0', '1', 'true', 'false'] };

const paths: Record<string, Record<string, unknown>> = {
  '/api/health': { get: { summary: 'Liveness', operationId: 'health', responses: { 200: json(obj({ ok: { const: true } })) } } },
  '/api/openapi.json': { get: { summary: 'This description', operationId: 'openapi', responses: { 200: json({ type: 'object' }) } } },
  '/api/stats': { get: { summary: 'Counts of what the store holds', operationId: 'stats', responses: { 200: json(ref('Stats')) } } },
  '/api/search': {
    get: {
      summary: 'Full-text search over titles and texts, and entities by name',
      description: 'All words must match; "quoted phrases" stay together.',
      operationId: 'search',
      parameters: [qp('q', 'words to find', str, true), limitParam(100, 20)],
      responses: { 200: json(obj({ query: str, articles: arr(ref('SearchRow')), entities: arr(ref('EntityRef')) })), ...bad },
    },
  },
  '/api/articles': {
    get: {
      summary: 'Stored articles, newest first, a page at a time',
      operationId: 'listArticles',
      parameters: [limitParam(100, 20), qp('offset', 'skip this many (default 0)', { type: 'integer', minimum: 0, default: 0 })],
      responses: { 200: json(obj({ total: int, limit: int, offset: int, articles: arr(ref('ArticleSummary')) })), ...bad },
    },
    post: {
      summary: 'Analyse an article and store it',
      description: 'Needs `Authorization: Bearer TOKEN`, TOKEN being the NEWSGRAPH_TOKEN the server was started with; without NEWSGRAPH_TOKEN writes are refused (403). The body is JSON, an HTML page, or plain text with an optional "date YYYY-MM-DD" dateline; at most 2 MB by default.',
      operationId: 'addArticle',
      security: [{ bearer: [] }],
      parameters: [qp('date', 'YYYY-MM-DD: the article date, overriding the body\'s')],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: ref('ArticleInput') },
          'text/html': { schema: { type: 'string' } },
          'text/plain': { schema: { type: 'string' } },
        },
      },
      responses: {
        201: json(obj({
          id: str, status: { const: 'added' }, storyId: int,
          stats: obj({ entities: int, mentions: int, quotes: int, events: int, times: int, quantities: int, sources: int, tone: num }),
        }), 'analysed and stored'),
        200: json(obj({ id: str, status: { const: 'duplicate' } }), 'already stored (same id or same text): nothing changed'),
        400: error('the body is malformed, not text, or has a bad date'),
        401: error('no token, or the wrong one'),
        403: error('writes are disabled: the server has no NEWSGRAPH_TOKEN'),
        413: error('the body is too large'),
        415: error('the body is of a type other than JSON, HTML or plain text'),
      },
    },
  },
  '/api/articles/{id}': {
    get: {
      summary: 'One article with its full analysis',
      operationId: 'getArticle',
      parameters: [pp('id', "the article's id")],
      responses: { 200: json(ref('Article')), 404: error('no article with this id') },
    },
  },
  '/api/entities': {
    get: {
      summary: 'Entities matching a name (or the most mentioned, without q)',
      operationId: 'listEntities',
      parameters: [qp('q', 'a name as written ("Putin", "Xi", "SCO") or a gazetteer id'), limitParam(100, 30)],
      responses: { 200: json(obj({ query: nullable(str), entities: arr(ref('EntityRef')) })), ...bad },
    },
  },
  '/api/entities/{id}': {
    get: {
      summary: "An entity's profile: descriptors and the outlets using them, mentions over time, quotes by and about it, its events",
      operationId: 'getEntity',
      parameters: [pp('id', 'the entity id', { type: 'integer', minimum: 1 })],
      responses: { 200: json(ref('EntityPage')), 400: error('the id is not a positive whole number'), 404: error('no entity with this id') },
    },
  },
  '/api/quotes': {
    get: {
      summary: 'Quotes by a speaker, or about someone (the quoted words mention them)',
      operationId: 'quotes',
      parameters: [
        qp('speaker', 'who said it (a name or gazetteer id)'), qp('about', 'whom the quoted words mention'),
        qp('scare', 'include scare quotes', flag), limitParam(500, 100),
      ],
      responses: { 200: json(ref('QuoteReport')), 400: error('neither speaker nor about given'), ...unknownName },
    },
  },
  '/api/relation': {
    get: {
      summary: 'Events between two actors, both directions, over time, with PLOVER type and quad class',
      operationId: 'relation',
      parameters: [qp('a', 'first actor (a name or gazetteer id)', str, true), qp('b', 'second actor', str, true)],
      responses: { 200: json(ref('Relation')), ...bad, ...unknownName },
    },
  },
  '/api/sources': { get: { summary: 'Who cites whom: reporting chains counted across articles', operationId: 'sources', responses: { 200: json(ref('Sources')) } } },
  '/api/claims': {
    get: {
      summary: 'Numeric claims grouped by measure, period and unit; values that disagree across articles flagged',
      operationId: 'claims',
      parameters: [qp('conflicts', 'only claims whose values disagree by more than 1%', flag), qp('measure', 'only measures containing these words')],
      responses: { 200: json(obj({ claims: arr(ref('ClaimGroup')) })), ...bad },
    },
  },
  '/api/stories': {
    get: {
      summary: 'Stories: articles reporting the same story',
      operationId: 'stories',
      parameters: [limitParam(200, 20), qp('minArticles', 'only stories with at least this many articles', { type: 'integer', minimum: 1, default: 1 })],
      responses: { 200: json(obj({ stories: arr(ref('Story')) })), ...bad },
    },
  },
  '/api/graph': {
    get: {
      summary: 'The actor network: actors of events and one weighted edge per pair, split into cooperation and conflict',
      operationId: 'graph',
      parameters: [qp('max', 'at most this many actors, those with the most events (1–300, default 60)', { type: 'integer', minimum: 1, maximum: 300, default: 60 })],
      responses: { 200: json(ref('Network')), ...bad },
    },
  },
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsgraph',
      version: '1',
      description: 'Source-attributed knowledge graphs from dated news articles: the knowledge base as JSON. Errors are {"error": "...", "status": N}.',
    },
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the value of NEWSGRAPH_TOKEN' } },
    },
  };
}
