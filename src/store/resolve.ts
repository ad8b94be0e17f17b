/** Map an article's analysis entities onto the canonical entities of the store (rules in ./entities.ts). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { aliasesOf, entityKey, loneSurname, normaliseName, surnameOf, type AnalysisEntity } from './entities.js';
import { insertMany } from './sql.js';

interface Known {
  id: number;
  country: string | null;
  sector: string | null;
}

const compatible = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a === b;

interface Candidate extends Known {
  key: string;
  type: string;
  name_norm: string;
  surname: string | null;
}

/**
 * Earlier entities that entities without a gazetteer id may stand for, fetched in one query:
 * the same normalised name, or (for "Kovalenko" alone) the same surname.
 */
async function nameCandidates(db: Kysely<Database>, entities: readonly AnalysisEntity[]): Promise<Candidate[]> {
  const names = new Set<string>();
  const surnames = new Set<string>();
  for (const e of entities) {
    names.add(normaliseName(e.name));
    const s = loneSurname(e);
    if (s) {
      surnames.add(s);
      names.add(s);
    }
  }
  if (names.size === 0) return [];
  return db
    .selectFrom('entities')
    .select(['id', 'key', 'type', 'name_norm', 'surname', 'country', 'sector'])
    .where((eb) => eb.or([eb('name_norm', 'in', [...names]), ...(surnames.size ? [eb('surname', 'in', [...surnames])] : [])]))
    .execute();
}

/** The one candidate this name-only entity stands for, when exactly one fits; else undefined. */
function pickByName(e: AnalysisEntity, candidates: readonly Candidate[]): Known | undefined {
  const key = entityKey(e);
  const norm = normaliseName(e.name);
  const surname = loneSurname(e);
  const fitting = candidates.filter((c) =>
    c.type === e.type && c.key !== key && compatible(c.country, e.country) &&
    // "Ms Kovalenko": the one known Kovalenko, whether first seen in full or by surname alone
    (c.name_norm === norm || (surname !== null && (c.surname === surname || c.name_norm === surname))));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/**
 * Returns analysis entity id → canonical entity id, creating the entities not known yet and
 * recording the names each is called by. Runs inside the article's transaction.
 */
export async function resolveEntities(db: Kysely<Database>, entities: readonly AnalysisEntity[], maxParameters: number): Promise<Map<string, number>> {
  const byLocal = new Map<string, number>();
  if (entities.length === 0) return byLocal;
  const keys = [...new Set(entities.map(entityKey))];
  const known = new Map<string, Known>();
  for (const row of await db.selectFrom('entities').select(['id', 'key', 'country', 'sector']).where('key', 'in', keys).execute()) known.set(row.key, row);

  const candidates = await nameCandidates(db, entities.filter((e) => !e.kbId && !known.has(entityKey(e))));
  const toCreate = new Map<string, AnalysisEntity>();
  const toFill: { id: number; country?: string; sector?: string }[] = [];
  for (const e of entities) {
    const key = entityKey(e);
    const found = known.get(key) ?? (e.kbId ? undefined : pickByName(e, candidates));
    if (!found) {
      if (!toCreate.has(key)) toCreate.set(key, e);
      continue;
    }
    known.set(key, found);
    byLocal.set(e.id, found.id);
    // a later article may know what an earlier one did not
    if ((e.country && !found.country) || (e.sector && !found.sector)) {
      toFill.push({ id: found.id, ...(e.country && !found.country ? { country: e.country } : {}), ...(e.sector && !found.sector ? { sector: e.sector } : {}) });
      found.country ??= e.country ?? null;
      found.sector ??= e.sector ?? null;
    }
  }

  if (toCreate.size) {
    const rows = [...toCreate].map(([key, e]) => ({
      key,
      kb_id: e.kbId ?? null,
      name: e.name,
      name_norm: normaliseName(e.name),
      type: e.type,
      country: e.country ?? null,
      sector: e.sector ?? null,
      surname: surnameOf(e),
    }));
    const created = await db
      .insertInto('entities')
      .values(rows)
      .onConflict((oc) => oc.column('key').doNothing())
      .returning(['id', 'key', 'country', 'sector'])
      .execute();
    for (const row of created) known.set(row.key, row);
    // another writer created some meanwhile (PostgreSQL): read their ids
    const raced = [...toCreate.keys()].filter((k) => !known.has(k));
    if (raced.length) for (const row of await db.selectFrom('entities').select(['id', 'key', 'country', 'sector']).where('key', 'in', raced).execute()) known.set(row.key, row);
    for (const e of entities) if (!byLocal.has(e.id)) byLocal.set(e.id, known.get(entityKey(e))!.id);
  }

  for (const fill of toFill) {
    await db.updateTable('entities')
      .set({ ...(fill.country ? { country: fill.country } : {}), ...(fill.sector ? { sector: fill.sector } : {}) })
      .where('id', '=', fill.id)
      .execute();
  }

  const aliases = new Map<string, { entity_id: number; alias: string }>();
  for (const e of entities) {
    const id = byLocal.get(e.id)!;
    for (const alias of aliasesOf(e)) aliases.set(`${id}\u0000${alias}`, { entity_id: id, alias });
  }
  await insertMany(db, 'entity_aliases', [...aliases.values()], maxParameters, (q) => q.onConflict((oc) => oc.doNothing()));
  return byLocal;
}
