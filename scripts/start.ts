/**
 * `npm start`: the app with demo data on http://localhost:3000.
 * Uses DATABASE_URL when set, otherwise an embedded PostgreSQL under .data/.
 * Applies migrations, runs the idempotent seed, builds, then serves.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, migrate, projectRoot, run, seedDatabase, startDatabaseServer } from "./database";

function persistentSessionSecret() {
  const file = path.join(projectRoot, ".data", "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const skipBuild = process.argv.includes("--skip-build");
const server = await startDatabaseServer("app");
const databaseUrl = process.env.DATABASE_URL ?? (await createDatabase(server, "pacte"));
console.log(server.embedded ? "PostgreSQL embarqué démarré (.data/postgres)." : "Base de données : DATABASE_URL.");

try {
  await migrate(databaseUrl);
  if (process.env.SEED !== "false") await seedDatabase(databaseUrl);
  if (!skipBuild) await run(process.execPath, [path.join(projectRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"]);
} catch (error) {
  await server.stop();
  throw error;
}

const app = spawn(process.execPath, [path.join(projectRoot, "server.js")], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? "production",
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: process.env.SESSION_SECRET ?? persistentSessionSecret(),
    // Plain http on localhost: a Secure cookie would not be sent by every browser.
    COOKIE_SECURE: process.env.COOKIE_SECURE ?? "false",
  },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => app.kill(signal));
}
app.on("exit", async (code) => {
  await server.stop();
  process.exit(code ?? 0);
});
