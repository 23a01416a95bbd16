/**
 * The one schema-migration runner of the Durable Objects (Profile, Inbox): an ordered list of
 * SQL scripts, each applied once, in order, with the applied count kept in a one-row table.
 * Run it from the constructor under `blockConcurrencyWhile`. Never edit a shipped migration:
 * append a new one.
 */
export function migrate(sql: SqlStorage, migrations: readonly string[], versionTable: string): void {
  // The table name is a constant of the caller, never input.
  sql.exec(`CREATE TABLE IF NOT EXISTS ${versionTable} (version INTEGER NOT NULL)`);
  const row = sql.exec<{ version: number }>(`SELECT version FROM ${versionTable}`).toArray()[0];
  if (!row) sql.exec(`INSERT INTO ${versionTable} (version) VALUES (0)`);
  for (let version = row?.version ?? 0; version < migrations.length; version++) {
    const script = migrations[version];
    if (script) sql.exec(script);
    sql.exec(`UPDATE ${versionTable} SET version = ?`, version + 1);
  }
}
