/**
 * Segments: who a campaign reaches, answered by the D1 profile directory (a mirror of the
 * Profile objects; each Profile re-checks consent when it sends). This module is the one
 * entry point the campaign fan-out uses: it pages a segment's members by phone, so a segment
 * of any size is read in bounded pages and never loaded whole. The grammar is
 * schemas/segments.ts, its SQL compile.ts; docs/api.md ("Segments") documents both.
 */
import * as v from 'valibot';
import { type SegmentDefinition, SegmentDefinitionSchema } from '../../schemas/segments';
import type { AudienceBreakdown } from '../../schemas/segments-api';
import { HttpError, validationError } from '../errors';
import { builtinSegment } from './builtins';
import { compile, type Params } from './compile';

export type { AudienceBreakdown, ExclusionReason } from '../../schemas/segments-api';

export interface SavedSegment {
  id: string;
  name: string;
  /** The JSON definition (schemas/segments.ts). */
  definition: SegmentDefinition;
}

export interface MemberPage {
  /** E.164 numbers in ascending order. */
  phones: string[];
  /** Pass back as `after` for the next page; null when this was the last one. */
  next: string | null;
}

const WrappedDefinition = v.object({ definition: SegmentDefinitionSchema });

/** The definition checked against the grammar; a 400 naming the bad condition (`definition.all.2.value`) otherwise. */
export function parseDefinition(definition: unknown): SegmentDefinition {
  const result = v.safeParse(WrappedDefinition, { definition });
  if (!result.success) throw validationError(result.issues);
  return result.output.definition;
}

/** A definition as `WHERE` SQL over `profiles p` with its bound values (`now` anchors "in the last N days"). */
function where(definition: unknown, now: number): { sql: string; params: Params } {
  const { where: sql, params } = compile(parseDefinition(definition), now);
  return { sql, params };
}

/** A saved segment (or a built-in example), or null when there is no such id. */
export async function loadSegment(env: Env, id: string): Promise<SavedSegment | null> {
  const builtin = builtinSegment(id);
  if (builtin) return { ...builtin };
  const row = await env.DB.prepare('SELECT id, name, definition FROM segments WHERE id = ?')
    .bind(id)
    .first<{ id: string; name: string; definition: string }>();
  if (!row) return null;
  return { id: row.id, name: row.name, definition: parseDefinition(JSON.parse(row.definition)) };
}

/** One page of members with a phone greater than `after`, in phone order. */
export async function segmentPage(
  env: Env,
  definition: unknown,
  after: string | null,
  limit: number,
  now: number = Date.now(),
): Promise<MemberPage> {
  const { sql, params } = where(definition, now);
  const afterRef = params.ref(after ?? '');
  const limitRef = params.ref(limit + 1);
  const rows = await env.DB.prepare(
    `SELECT p.phone FROM profiles p WHERE p.phone > ${afterRef} AND ${sql} ORDER BY p.phone LIMIT ${limitRef}`,
  )
    .bind(...params.values)
    .all<{ phone: string }>();
  const phones = rows.results.slice(0, limit).map((r) => r.phone);
  return { phones, next: rows.results.length > limit ? (phones.at(-1) ?? null) : null };
}

/** How many profiles the definition matches now. */
export async function segmentCount(env: Env, definition: unknown, now: number = Date.now()): Promise<number> {
  const { sql, params } = where(definition, now);
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM profiles p WHERE ${sql}`)
    .bind(...params.values)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Up to `limit` members with their name, for the builder's live sample. */
export async function segmentSample(
  env: Env,
  definition: unknown,
  limit: number,
  now: number = Date.now(),
): Promise<{ phone: string; name: string | null }[]> {
  const { sql, params } = where(definition, now);
  const rows = await env.DB.prepare(
    `SELECT p.phone, p.first_name, p.last_name FROM profiles p WHERE ${sql} ORDER BY p.phone LIMIT ${params.ref(limit)}`,
  )
    .bind(...params.values)
    .all<{ phone: string; first_name: string | null; last_name: string | null }>();
  return rows.results.map((r) => ({ phone: r.phone, name: [r.first_name, r.last_name].filter(Boolean).join(' ') || null }));
}

/**
 * Who of a segment a send would reach, and why the others would not, as the directory sees
 * it (each Profile object re-checks at release). Marketing needs `subscribed`; transactional
 * only excludes `unsubscribed` (docs/compliance.md, "Purposes and consent states"). Shown
 * before a campaign is sent and in the segment builder.
 */
export async function audienceBreakdown(
  env: Env,
  definition: unknown,
  purpose: 'marketing' | 'transactional',
  now: number = Date.now(),
): Promise<AudienceBreakdown> {
  const { sql, params } = where(definition, now);
  // The column comes from this fixed choice, never from input.
  const col = purpose === 'marketing' ? 'p.marketing' : 'p.transactional';
  const row = await env.DB.prepare(
    `SELECT count(*) AS matched, total(${col} = 'unsubscribed') AS unsubscribed, total(${col} = 'never') AS never
     FROM profiles p WHERE ${sql}`,
  )
    .bind(...params.values)
    .first<{ matched: number; unsubscribed: number; never: number }>();
  const matched = row?.matched ?? 0;
  const unsubscribed = row?.unsubscribed ?? 0;
  const notSubscribed = purpose === 'marketing' ? (row?.never ?? 0) : 0;
  return { matched, reachable: matched - unsubscribed - notSubscribed, excluded: { unsubscribed, not_subscribed: notSubscribed } };
}

/** 404 for an unknown segment id (routes). */
export const noSuchSegment = () => new HttpError(404, 'not_found', 'No such segment.');
