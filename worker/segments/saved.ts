/**
 * Saved segments in D1 (`segments`, migration 0009) next to the built-in examples, as the API
 * and the console answer them: each with a count taken when answering. Built-ins are
 * read-only; a marketer edits a copy.
 */
import type { SegmentDefinition } from '../../schemas/segments';
import type { Segment, SegmentCreate, SegmentPatch } from '../../schemas/segments-api';
import { HttpError } from '../errors';
import { BUILTIN_SEGMENTS, builtinSegment } from './builtins';
import { noSuchSegment, parseDefinition, segmentCount } from './index';

/** Saved segments listed per request (a brand keeps a few dozen; the list is not paged). */
export const MAX_SAVED_SEGMENTS = 200;

interface Row {
  id: string;
  name: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

/** When the built-ins were introduced: they have no row of their own. */
const BUILTIN_SINCE = '2026-01-01T00:00:00.000Z';

async function answer(
  env: Env,
  s: { id: string; name: string; definition: SegmentDefinition; created_at: string; updated_at: string },
  builtin: boolean,
): Promise<Segment> {
  return { ...s, count: await segmentCount(env, s.definition), builtin };
}

const fromRow = (r: Row) => ({ ...r, definition: parseDefinition(JSON.parse(r.definition)) });

export async function getSegment(env: Env, id: string): Promise<Segment> {
  const builtin = builtinSegment(id);
  if (builtin) return answer(env, { ...builtin, created_at: BUILTIN_SINCE, updated_at: BUILTIN_SINCE }, true);
  const row = await env.DB.prepare('SELECT id, name, definition, created_at, updated_at FROM segments WHERE id = ?').bind(id).first<Row>();
  if (!row) throw noSuchSegment();
  return answer(env, fromRow(row), false);
}

/** Built-ins first, then saved segments by name; counts run side by side. */
export async function listSegments(env: Env): Promise<Segment[]> {
  const { results } = await env.DB.prepare(
    'SELECT id, name, definition, created_at, updated_at FROM segments ORDER BY name COLLATE NOCASE, id LIMIT ?',
  )
    .bind(MAX_SAVED_SEGMENTS)
    .all<Row>();
  return Promise.all([
    ...BUILTIN_SEGMENTS.map((b) => answer(env, { ...b, created_at: BUILTIN_SINCE, updated_at: BUILTIN_SINCE }, true)),
    ...results.map((r) => answer(env, fromRow(r), false)),
  ]);
}

export async function createSegment(env: Env, input: SegmentCreate, createdBy: string | null): Promise<Segment> {
  const now = new Date().toISOString();
  const id = `seg_${crypto.randomUUID().replaceAll('-', '')}`;
  await env.DB.prepare('INSERT INTO segments (id, name, definition, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(id, input.name, JSON.stringify(input.definition), createdBy, now, now)
    .run();
  return answer(env, { id, name: input.name, definition: input.definition, created_at: now, updated_at: now }, false);
}

const readOnly = () =>
  new HttpError(409, 'builtin_segment', 'Built-in segments cannot be changed: save a copy under a new name.', [
    { path: 'id', message: 'is a built-in segment' },
  ]);

export async function updateSegment(env: Env, id: string, patch: SegmentPatch): Promise<Segment> {
  if (builtinSegment(id)) throw readOnly();
  const res = await env.DB.prepare(
    'UPDATE segments SET name = coalesce(?, name), definition = coalesce(?, definition), updated_at = ? WHERE id = ?',
  )
    .bind(patch.name ?? null, patch.definition ? JSON.stringify(patch.definition) : null, new Date().toISOString(), id)
    .run();
  if (!res.meta.changes) throw noSuchSegment();
  return getSegment(env, id);
}

export async function deleteSegment(env: Env, id: string): Promise<void> {
  if (builtinSegment(id)) throw readOnly();
  const res = await env.DB.prepare('DELETE FROM segments WHERE id = ?').bind(id).run();
  if (!res.meta.changes) throw noSuchSegment();
}
