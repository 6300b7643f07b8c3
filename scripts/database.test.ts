import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test } from "vitest";
import { createDatabase, projectRoot, startEmbedded, usableDataDir } from "./database";

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

// `git clone … /root/pacte && npm ci && npm start` as root: the checkout (binaries and all)
// sits in a folder only root can enter, yet PostgreSQL runs as the `postgres` user.
test("from a clone in a 0700 folder, the embedded PostgreSQL initialises and serves a database", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "pacte-clone-"));
  // A temporary directory of its own, so the binaries are really copied out of the checkout.
  const scratch = mkdtempSync(path.join(tmpdir(), "pacte-clone-tmp-"));
  try {
    chmodSync(root, 0o700);
    chmodSync(scratch, 0o755);
    const checkout = path.join(root, "pacte");
    execFileSync("git", ["clone", "--quiet", projectRoot, checkout]);
    // The code under test, committed or not.
    copyFileSync(path.join(projectRoot, "scripts", "database.ts"), path.join(checkout, "scripts", "database.ts"));
    // What `npm ci` would install, as hard links (same files, inside the private folder).
    execFileSync("cp", ["-al", path.join(projectRoot, "node_modules"), path.join(checkout, "node_modules")]);
    writeFileSync(
      path.join(checkout, "scripts", "private-check.ts"),
      [
        'import path from "node:path";',
        'import pg from "pg";',
        'import { createDatabase, freePort, projectRoot, startEmbedded } from "./database";',
        'const dataDir = path.join(projectRoot, ".data", "postgres");',
        "const server = await startEmbedded({ dataDir, port: await freePort(), ephemeral: true });",
        'const client = new pg.Client({ connectionString: await createDatabase(server, "pacte_private_check") });',
        "await client.connect();",
        'const { rows } = await client.query("SHOW server_version");',
        "await client.end();",
        "await server.stop();",
        "console.log(JSON.stringify(rows[0]));",
      ].join("\n"),
    );
    const output = execFileSync(path.join(checkout, "node_modules", ".bin", "tsx"), ["scripts/private-check.ts"], {
      cwd: checkout,
      env: { ...process.env, TMPDIR: scratch, DATABASE_URL: "" },
      encoding: "utf8",
    });
    expect(JSON.parse(output.trim().split("\n").at(-1) ?? "{}")).toMatchObject({ server_version: expect.stringMatching(/^17\./) });
    if (process.getuid?.() === 0) expect(readdirSync(scratch).some((name) => name.startsWith("pacte-embedded-postgres-"))).toBe(true);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}, 120_000);
