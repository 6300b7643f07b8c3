/**
 * SQL queries per request of the benchmarked pages, on DATABASE_URL's generated data:
 * the production build handles each request in this process, inside countQueries (Prisma
 * query events), so a count covers the root loader, the page's loader and the rendering.
 * Run by scripts/bench-http.ts after `remix build`; prints one JSON line { page: count }.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import pg from "pg";
import { countQueries } from "~/utils/query-count.server";
import { benchPages, BENCH_PASSWORD, loadBenchSubjects } from "./bench-http-pages";
import { projectRoot } from "./database";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL.");

const build = (await import(pathToFileURL(path.join(projectRoot, "build", "index.js")).href)) as ServerBuild;
const handle = createRequestHandler(build, "production");
const context = { clientAddress: "127.0.0.1" };
const base = "http://localhost:3000";

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const subjects = await loadBenchSubjects((sql, params) => client.query(sql, params).then((result) => result.rows));
await client.end();

async function signIn(email: string) {
  const response = await handle(
    new Request(`${base}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Host: "localhost:3000" },
      body: new URLSearchParams({ email, password: BENCH_PASSWORD }),
    }),
    context,
  );
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("pacte_session="));
  if (!session) throw new Error(`Sign-in as ${email} failed (${response.status}).`);
  return session.split(";")[0] ?? "";
}

const cookies = { focalPoint: await signIn(subjects.focalPointEmail), reviewer: await signIn(subjects.reviewerEmail) };
/** Queries per page; a page that did not answer 200 has minus its status instead. */
const counts: Record<string, number> = {};
for (const page of benchPages(subjects)) {
  const request = () => new Request(`${base}${page.path}`, { headers: { Cookie: cookies[page.as] } });
  // Once before counting: reminders created on a first visit are not part of every request.
  await handle(request(), context).then((response) => response.arrayBuffer());
  const { result: status, count } = await countQueries(async () => {
    const response = await handle(request(), context);
    await response.arrayBuffer();
    return response.status;
  });
  // A failing page is reported (its count marked by the status), not hidden.
  counts[page.name] = status === 200 ? count : -status;
  if (process.env.BENCH_VERBOSE) console.error(page.name, count, Math.round(performance.now()));
}
console.log(JSON.stringify(counts));
process.exit(0);
