/**
 * BenchBaseline: the benchmark's yardstick (`npm run bench`). A Durable Object with SQLite
 * storage that does exactly one insert per call, so the ingest benchmark can compare the
 * full inbound path against "one Worker request → one DO SQLite write" in the same process.
 * Part of the bench build only (worker/bench/index.ts): `/bench/baseline`, `/bench/in-process`.
 */
import { DurableObject } from 'cloudflare:workers';

export class BenchBaseline extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS writes (id TEXT PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)');
  }

  /** One SQLite insert; returns the row count so the caller knows it landed. */
  async insert(id: string, body: string): Promise<number> {
    this.ctx.storage.sql.exec('INSERT OR IGNORE INTO writes (id, body, at) VALUES (?, ?, ?)', id, body, new Date().toISOString());
    return this.ctx.storage.sql.exec<{ n: number }>('SELECT count(*) AS n FROM writes').one().n;
  }
}
