import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test } from "vitest";
import { createDatabase, startEmbedded, usableDataDir } from "./database";

// The path `npm start` and `npm test` take on a machine with no PostgreSQL at all.
test("the embedded PostgreSQL starts, serves a database and keeps its data across a restart", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "pacte-embedded-"));
  chmodSync(root, 0o755);
  const dataDir = path.join(root, "data");
  const port = 54399;
  try {
    const first = await startEmbedded({ dataDir, port });
    const url = await createDatabase(first, "pacte_embedded_check");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE TABLE kept (value text)");
    await client.query("INSERT INTO kept VALUES ('Ségou')");
    const version = await client.query<{ server_version: string }>("SHOW server_version");
    await client.end();
    await first.stop();
    expect(version.rows[0]?.server_version).toMatch(/^17\./);

    const second = await startEmbedded({ dataDir, port });
    const again = new pg.Client({ connectionString: second.urlFor("pacte_embedded_check") });
    await again.connect();
    const rows = await again.query<{ value: string }>("SELECT value FROM kept");
    await again.end();
    await second.stop();
    expect(rows.rows.map((row) => row.value)).toEqual(["Ségou"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 60_000);

test("as root, a data folder under a private folder moves to one PostgreSQL can reach", () => {
  const root = mkdtempSync(path.join(tmpdir(), "pacte-private-"));
  try {
    chmodSync(root, 0o700);
    const preferred = path.join(root, ".data", "postgres");
    const chosen = usableDataDir(preferred);
    if (process.getuid?.() === 0) {
      expect(chosen.startsWith(tmpdir())).toBe(true);
      expect(chosen.startsWith(root)).toBe(false);
    } else {
      expect(chosen).toBe(preferred);
    }
    chmodSync(root, 0o755);
    expect(usableDataDir(preferred)).toBe(preferred);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
