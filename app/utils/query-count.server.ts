// Counts the SQL statements Prisma sends while a piece of work runs (Prisma query events),
// so tests and benchmarks can prove a page's number of queries does not grow with the data.
import { AsyncLocalStorage } from "node:async_hooks";
import { singleton } from "./singleton.server";

type Tally = { count: number; statements: string[] };

// One store per process, shared by the app bundle and scripts that import this file directly.
const store = singleton("queryCount", () => new AsyncLocalStorage<Tally>());

/** Called for every query the Prisma client runs; counts it for the work in progress, if any. */
export function recordQuery(sql: string) {
  const tally = store.getStore();
  if (!tally) return;
  tally.count += 1;
  tally.statements.push(sql);
}

/** Runs `work` and returns what it returned with the statements it sent (including those of work it started). */
export async function countQueries<T>(work: () => Promise<T>) {
  const tally: Tally = { count: 0, statements: [] };
  const result = await store.run(tally, work);
  return { result, count: tally.count, statements: tally.statements };
}
