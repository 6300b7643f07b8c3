/**
 * Lets the Prisma 6.19 CLI (migrate dev / deploy / status) run with no network,
 * on its WASM schema engine and the `pg` driver. Why, and what else was tried:
 * docs/decisions/0001-prisma-offline.md.
 *
 * Three workarounds, kept here and nowhere else:
 * 1. The engine reads catalog columns of type `name` (oid 19) and `"char"` (oid 18),
 *    which @prisma/adapter-pg cannot map (prisma/orm#27403). The pg client below
 *    reports those columns as `text` (oid 25); their values are plain strings anyway.
 * 2. `migrate dev` needs a shadow database. The stock factory derives it from the
 *    main pool config, which points back at the real database when the config is
 *    a connection string. We build it from parsed fields with a distinct name.
 * 3. The shadow database must be dropped only after its pool is closed, or
 *    PostgreSQL refuses ("being accessed by other users").
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse } from "pg-connection-string";

const TEXT_OID = 25;
const CATALOG_OIDS_AS_TEXT = new Set([18, 19]);

function relabelCatalogTypes(result: unknown) {
  if (!result || typeof result !== "object" || !("fields" in result)) return;
  const fields = (result as { fields?: Array<{ dataTypeID: number }> }).fields;
  for (const field of fields ?? []) {
    if (CATALOG_OIDS_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
}

/** A pg client whose results describe `name` and `"char"` columns as `text`. */
class CatalogTextClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); we wrap them all.
  // @ts-expect-error -- one implementation for every overload
  override query(...args: unknown[]) {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        relabelCatalogTypes(result);
        return (last as (e: unknown, r: unknown) => void)(error, result);
      };
    }
    // @ts-expect-error -- forwarding the caller's own arguments
    const returned = super.query(...args);
    if (returned instanceof Promise) {
      return returned.then((result: unknown) => {
        relabelCatalogTypes(result);
        return result;
      });
    }
    return returned;
  }
}

export function connectionConfig(databaseUrl: string): pg.PoolConfig {
  const parsed = parse(databaseUrl);
  return {
    host: parsed.host ?? "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    // The CLI process otherwise lingers on idle connections after it is done.
    idleTimeoutMillis: 1000,
    allowExitOnIdle: true,
  };
}

function poolFor(config: pg.PoolConfig) {
  // pg types its Client option as the exact base class; the subclass only relabels results.
  return new pg.Pool({ ...config, Client: CatalogTextClient as unknown as typeof pg.Client });
}

async function runAdminStatement(config: pg.PoolConfig, sql: string) {
  const client = new pg.Client({ ...config, database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function offlineMigrationAdapter(databaseUrl: string) {
  const config = connectionConfig(databaseUrl);
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect() {
      return new PrismaPg(poolFor(config), { disposeExternalPool: true }).connect();
    },
    async connectToShadowDb() {
      const database = `pacte_shadow_${randomUUID().replaceAll("-", "")}`;
      await runAdminStatement(config, `CREATE DATABASE "${database}"`);
      const adapter = await new PrismaPg(poolFor({ ...config, database }), {
        disposeExternalPool: true,
      }).connect();
      const closePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await closePool();
        await runAdminStatement(config, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}
