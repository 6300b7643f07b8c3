// When PostgreSQL cannot be reached (restarting, overloaded, network cut), every page answers
// 503 with a French explanation and a Retry-After, instead of a 500 that reads as a bug. The
// pool reconnects by itself on the next request, so the app needs no restart.
import type { ServerBuild } from "@remix-run/node";

/** Seconds a client should wait before trying again (a PostgreSQL restart takes a few). */
export const RETRY_AFTER_SECONDS = 5;

// Prisma's codes for "cannot reach / lost the server / waited too long for a connection".
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// The driver adapter's error kinds (DriverAdapterError.cause.kind) that mean the same.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Socket errors from node:net.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
// SQLSTATEs: admin/crash shutdown, starting up, too many connections (class 08 is tested apart).
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// pg's own messages when a connection ends or the pool waits too long.
// The last one is Prisma's P2028 when no connection freed up within maxWait: the server is saturated.
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Unable to start a transaction in the given time/i;

function field(value: object, name: string): unknown {
  return name in value ? Reflect.get(value, name) : undefined;
}

function isOutageCode(code: unknown) {
  if (typeof code !== "string") return false;
  return PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * Whether an error (from Prisma, its pg adapter or pg itself) means the database is out of
 * reach rather than that the query was wrong. Follows `cause` and Prisma's `meta` links.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  if (field(error, "name") === "PrismaClientInitializationError") return true;
  if (isOutageCode(field(error, "code")) || isOutageCode(field(error, "originalCode"))) return true;
  const kind = field(error, "kind");
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  const message = field(error, "message");
  if (typeof message === "string" && PG_MESSAGES.test(message)) return true;
  // Raw queries carry the adapter's error under meta.driverAdapterError; it names the SQLSTATE.
  const meta = field(error, "meta");
  const linked = [field(error, "cause"), meta && typeof meta === "object" ? field(meta, "driverAdapterError") : undefined];
  return linked.some((next) => next !== error && isDatabaseUnavailable(next, depth + 1));
}

/** The response for a request that could not reach the database. */
export function serviceUnavailable() {
  return new Response("Service momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques secondes.", {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}

let lastWarning = 0;

/** One line in the log per outage burst, not one per request. */
function warnOnce(error: unknown) {
  const now = Date.now();
  if (now - lastWarning < 10_000) return;
  lastWarning = now;
  const message = error instanceof Error ? error.message.trim().split("\n").pop() : String(error);
  console.warn(`Base de données injoignable, réponses 503 : ${message}`);
}

type Handler<Args, Result> = (args: Args) => Result;

function guard<Args, Result>(handler: Handler<Args, Result>) {
  return async (args: Args): Promise<Awaited<Result>> => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      warnOnce(error);
      throw serviceUnavailable();
    }
  };
}

/**
 * The server build with every loader and action guarded: a database outage thrown anywhere
 * below them becomes a thrown 503 response, which each route's ErrorBoundary explains.
 * The one place where database errors are classified; server.js applies it.
 */
export function guardDatabaseOutages<Build extends Pick<ServerBuild, "routes">>(build: Build): Build {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: { ...route.module, ...(loader ? { loader: guard(loader) } : {}), ...(action ? { action: guard(action) } : {}) },
    };
  }
  return { ...build, routes };
}
