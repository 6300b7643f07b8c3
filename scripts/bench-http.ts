/**
 * `npm run bench:http`: Pacte's main pages over HTTP, on 10× Mali data, next to their SQL floor.
 *
 *   npm run bench:http -- [--requests=20] [--port=3212] [--fresh] [--skip-build] [--write-docs]
 *
 * 1. Databases of its own on the test cluster (DATABASE_URL's server when set, otherwise an
 *    embedded one): `pacte_bench_http_10x` (and `_1x` for query counts), migrated, seeded and
 *    filled by scripts/generate-data.ts. They are kept and reused by later runs (migrations are
 *    applied again); `--fresh` generates them anew.
 * 2. Builds the app (unless --skip-build) and starts the production server (server.js) on it.
 * 3. Signs in over HTTP as a focal point of the busiest organisation and as a reviewer, then
 *    requests each page a few times to warm up and `--requests` times one after another,
 *    reading the whole body: p50 and p95 per page.
 * 4. The floor: the best single SQL query (or two) that computes the same figures, timed on
 *    a pg connection the same way. Ratio = page p50 / floor p50.
 * 5. SQL queries per request (Prisma query events, scripts/bench-http-count.ts) at 1× and 10×.
 *
 * Figures are printed, written as JSON to /tmp/pacte-bench/http.json, and with --write-docs
 * into docs/performance.md between its markers. Nothing is asserted.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import pg from "pg";
import { createDatabase, dropDatabase, migrate, projectRoot, run, seedDatabase, startDatabaseServer, type DatabaseServer } from "./database";
import { benchPages, BENCH_PASSWORD, floorQueries, loadBenchSubjects, type BenchSubjects } from "./bench-http-pages";

function option(name: string) {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const requests = Number(option("requests") ?? 20);
const warmup = 3;
const port = Number(option("port") ?? 3212);
const fresh = process.argv.includes("--fresh");
const skipBuild = process.argv.includes("--skip-build");
const writeDocs = process.argv.includes("--write-docs");

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function timings(runs: number, once: () => Promise<unknown>) {
  for (let index = 0; index < warmup; index++) await once();
  const durations: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await once();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p95: percentile(durations, 95) };
}

/** A database with generated data at `scale`, reused when an earlier run left it complete. */
async function prepareDatabase(server: DatabaseServer, scale: 1 | 10) {
  const name = `pacte_bench_http_${scale}x`;
  if (fresh) await dropDatabase(server, name);
  const url = await createDatabase(server, name);
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const generated = await client
    .query(`SELECT count(*)::int AS n FROM "ActionPlan" WHERE description LIKE '%scripts/generate-data.ts%'`)
    .then((result) => Number(result.rows[0]?.n ?? 0));
  if (generated === 1) {
    // Whatever password an earlier generation gave them, the bench signs in with its own.
    await client.query(`UPDATE "User" SET "passwordHash" = $1 WHERE email LIKE '%@generated.pacte.ml'`, [await bcrypt.hash(BENCH_PASSWORD, 10)]);
    await client.end();
    console.log(`${name}: données ${scale}× réutilisées / ${scale}× data reused`);
    return url;
  }
  await client.end();
  if (generated > 1) throw new Error(`${name} holds several generated plans: run with --fresh.`);
  await seedDatabase(url);
  // A process of its own: the app's Prisma client binds to one database per process.
  await run(process.execPath, [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/generate-data.ts", `--scale=${scale}`, `--password=${BENCH_PASSWORD}`], {
    env: { DATABASE_URL: url },
  });
  return url;
}

async function startServer(url: string) {
  const child = spawn(process.execPath, [path.join(projectRoot, "server.js")], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: url, SESSION_SECRET: "bench-http-session-secret-0123456789abcdef", COOKIE_SECURE: "false" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`The server did not answer on port ${port}.`);
}

async function signIn(base: string, email: string) {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("pacte_session="));
  if (response.status !== 302 || !session) throw new Error(`Sign-in as ${email} failed (${response.status}).`);
  return session.split(";")[0] ?? "";
}

/** Query counts per page from a child process on `url` (scripts/bench-http-count.ts). */
function countQueries(url: string) {
  return new Promise<Record<string, number>>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/bench-http-count.ts"], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url, SESSION_SECRET: "bench-http-session-secret-0123456789abcdef" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      const line = output.trim().split("\n").at(-1) ?? "";
      if (code === 0) resolve(JSON.parse(line) as Record<string, number>);
      else reject(new Error(`Counting queries failed (${code}): ${output}`));
    });
  });
}

type Row = { failed: number[]; page: string; path: string; p50: number; p95: number; floorP50: number; floorP95: number; ratio: number; queries1x?: number; queries10x?: number };

/** A count, or the HTTP status of a page that failed while counting. */
function queries(count: number | undefined) {
  return count === undefined ? "–" : count < 0 ? `échec ${-count}` : String(count);
}

function table(headers: string[], rows: string[][]) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

function markdown(rows: Row[], facts: Record<string, string>) {
  const ms = (value: number) => value.toFixed(1).replace(".", ",");
  return [
    `Mesuré le ${facts.date} sur ${facts.machine} ; ${facts.postgres} ; ${facts.requests} requêtes séquentielles par page après ${warmup} d'échauffement.`,
    "",
    "| Page | p50 (ms) | p95 (ms) | Plancher SQL p50 (ms) | Rapport p50 / plancher | Requêtes SQL 1× | Requêtes SQL 10× |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (row) =>
        `| ${row.page} (\`${row.path}\`)${row.failed.length ? ` **échec : ${row.failed.join(", ")}**` : ""} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.floorP50)} | ${row.ratio.toFixed(1).replace(".", ",")} | ${queries(row.queries1x)} | ${queries(row.queries10x)} |`,
    ),
  ].join("\n");
}

// ---------------------------------------------------------------------------

const started = performance.now();
const server = await startDatabaseServer("test");
let app: ReturnType<typeof spawn> | null = null;
try {
  const url10 = await prepareDatabase(server, 10);
  const url1 = await prepareDatabase(server, 1);
  if (!skipBuild) await run(process.execPath, [path.join(projectRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"]);

  const client = new pg.Client({ connectionString: url10 });
  await client.connect();
  const subjects: BenchSubjects = await loadBenchSubjects((sql, params) => client.query(sql, params).then((result) => result.rows));
  const counts10 = await countQueries(url10);
  const counts1 = await countQueries(url1);

  app = await startServer(url10);
  const base = `http://127.0.0.1:${port}`;
  const cookies = { focalPoint: await signIn(base, subjects.focalPointEmail), reviewer: await signIn(base, subjects.reviewerEmail) };

  const rows: Row[] = [];
  for (const page of benchPages(subjects)) {
    const cookie = cookies[page.as];
    const statuses = new Set<number>();
    const http = await timings(page.heavy ? Math.max(5, Math.round(requests / 2)) : requests, async () => {
      const response = await fetch(`${base}${page.path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      await response.arrayBuffer();
      statuses.add(response.status);
    });
    const floors = floorQueries(page.name, subjects);
    const floor = await timings(requests, async () => {
      for (const query of floors) await client.query(query.sql, query.params);
    });
    rows.push({
      page: page.label,
      path: page.path.replace(/c[a-z0-9]{20,}/g, ":id"),
      p50: http.p50,
      p95: http.p95,
      floorP50: floor.p50,
      floorP95: floor.p95,
      ratio: http.p50 / floor.p50,
      failed: [...statuses].filter((status) => status !== 200),
      queries1x: counts1[page.name],
      queries10x: counts10[page.name],
    });
    if (statuses.size > 1 || !statuses.has(200)) console.log(`  ${page.label}: statuts / statuses ${[...statuses].join(", ")}`);
    console.log(`  ${page.label}: p50 ${http.p50.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms, plancher / floor ${floor.p50.toFixed(1)} ms`);
  }
  const postgres = await client.query<{ server_version: string }>("SHOW server_version").then((result) => result.rows[0]?.server_version ?? "?");
  await client.end();

  console.log(`\n${requests} requêtes par page / requests per page (ms)\n`);
  console.log(
    table(
      ["Page", "p50", "p95", "plancher p50 / floor p50", "rapport / ratio", "requêtes 1× / queries 1×", "requêtes 10× / queries 10×"],
      rows.map((row) => [
        row.failed.length ? `${row.page} (ÉCHEC / FAILED ${row.failed.join(", ")})` : row.page,
        row.p50.toFixed(1),
        row.p95.toFixed(1),
        row.floorP50.toFixed(1),
        row.ratio.toFixed(1),
        queries(row.queries1x),
        queries(row.queries10x),
      ]),
    ),
  );
  const facts = {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    machine: `${os.cpus().length} cœurs ${os.cpus()[0]?.model ?? ""}, ${Math.round(os.totalmem() / 2 ** 30)} Go, Node ${process.version}`,
    postgres: `PostgreSQL ${postgres}${server.embedded ? " (embarqué)" : ""}`,
    requests: String(requests),
  };
  const out = path.join(os.tmpdir(), "pacte-bench", "http.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...facts, warmup, rows, counts1, counts10 }, null, 2)}\n`);
  console.log(`\nRésultats / results: ${out}`);
  if (writeDocs) {
    const docs = path.join(projectRoot, "docs", "performance.md");
    const text = readFileSync(docs, "utf8");
    const begin = "<!-- bench:http:start -->";
    const end = "<!-- bench:http:end -->";
    const at = text.indexOf(begin);
    const until = text.indexOf(end);
    if (at < 0 || until < at) throw new Error(`docs/performance.md lacks the ${begin} … ${end} markers.`);
    writeFileSync(docs, `${text.slice(0, at + begin.length)}\n${markdown(rows, facts)}\n${text.slice(until)}`);
    console.log(`Écrit dans / written to ${docs}`);
  }
} finally {
  if (app) {
    const exited = new Promise((resolve) => app?.on("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await server.stop();
  console.log(`Durée totale / total time: ${Math.round((performance.now() - started) / 1000)} s`);
}
