/**
 * Flow settings (D1 `flows`): which flows are on, their content and delay. Read by the Profile
 * when an event arrives (and again when a delayed send is due, so switching a flow off stops
 * what is waiting) and by `/api/flows`.
 */
import type { FlowKey, FlowPatch } from '../../schemas/flows';
import { FLOWS, flowKeys } from './definitions';

export interface FlowConfig {
  key: FlowKey;
  enabled: boolean;
  /** As written, Liquid included. */
  content: Record<string, unknown>;
  delayMinutes: number | null;
}

interface FlowRow {
  key: string;
  enabled: number;
  content: string | null;
  delay_minutes: number | null;
}

function configOf(key: FlowKey, row: FlowRow | undefined): FlowConfig {
  const def = FLOWS[key];
  let content = def.content as unknown as Record<string, unknown>;
  if (row?.content) {
    try {
      content = JSON.parse(row.content) as Record<string, unknown>;
    } catch {
      console.warn(`flow ${key}: stored content is not JSON; using the default`);
    }
  }
  return {
    key,
    enabled: row?.enabled === 1,
    content,
    delayMinutes: def.delayMinutes === null ? null : (row?.delay_minutes ?? def.delayMinutes),
  };
}

/** Every flow's settings (defaults, off, for a flow never saved). */
export async function loadFlows(env: Env): Promise<Map<FlowKey, FlowConfig>> {
  const { results } = await env.DB.prepare('SELECT key, enabled, content, delay_minutes FROM flows').all<FlowRow>();
  const rows = new Map(results.map((r) => [r.key, r]));
  return new Map(flowKeys.map((k) => [k, configOf(k, rows.get(k))]));
}

export async function loadFlow(env: Env, key: FlowKey): Promise<FlowConfig> {
  const row = await env.DB.prepare('SELECT key, enabled, content, delay_minutes FROM flows WHERE key = ?').bind(key).first<FlowRow>();
  return configOf(key, row ?? undefined);
}

/**
 * Applies a patch (fields left out keep their value) and returns the flow as now stored. Content
 * is stored only once edited: until then the flow follows its built-in default.
 */
export async function saveFlow(env: Env, key: FlowKey, patch: FlowPatch, actor: string): Promise<FlowConfig> {
  const current = await loadFlow(env, key);
  const enabled = patch.enabled ?? current.enabled;
  const delay = current.delayMinutes === null ? null : (patch.delay_minutes ?? current.delayMinutes);
  await env.DB.prepare(
    `INSERT INTO flows (key, enabled, content, delay_minutes, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET enabled = excluded.enabled, content = COALESCE(excluded.content, flows.content),
       delay_minutes = excluded.delay_minutes, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  )
    .bind(key, enabled ? 1 : 0, patch.content === undefined ? null : JSON.stringify(patch.content), delay, new Date().toISOString(), actor)
    .run();
  return loadFlow(env, key);
}
