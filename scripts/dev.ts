/**
 * `npm run dev`: the app with live rebuilds on http://localhost:3000, on the same
 * database as `npm start` (embedded unless DATABASE_URL is set).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createDatabase, migrate, projectRoot, seedDatabase, startDatabaseServer } from "./database";

const server = await startDatabaseServer("app");
const databaseUrl = process.env.DATABASE_URL ?? (await createDatabase(server, "pacte"));
await migrate(databaseUrl);
await seedDatabase(databaseUrl);

const remix = spawn(
  process.execPath,
  [path.join(projectRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "dev", "--manual", "-c", "node --watch-path=build --watch-path=server.js server.js"],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: process.env.SESSION_SECRET ?? "development-only-session-secret",
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => remix.kill(signal));
remix.on("exit", async (code) => {
  await server.stop();
  process.exit(code ?? 0);
});
