import path from "node:path";
import { defineConfig } from "prisma/config";
import { offlineMigrationAdapter } from "./prisma/offline-migration-adapter";

// The CLI runs on Prisma's WASM schema engine through the pg driver, so it needs
// no binary download (docs/decisions/0001-prisma-offline.md).
const databaseUrl = process.env.DATABASE_URL;
// Reading the schema (generate, validate) resolves env("DATABASE_URL") but never
// connects; without a value the CLI falls back to downloading a native engine.
process.env.DATABASE_URL ??= "postgresql://unset@localhost:5432/unset";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (!databaseUrl) {
      throw new Error(
        "DATABASE_URL is not set. Use `npm run prisma -- <command>` (embedded PostgreSQL) or set DATABASE_URL.",
      );
    }
    return offlineMigrationAdapter(databaseUrl);
  },
});
