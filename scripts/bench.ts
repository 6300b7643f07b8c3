/**
 * `npm run bench`: times Pacte's main read paths on a large generated data set.
 *
 *   npm run bench -- [--iterations=20] [--actions=600] [--out <file>] [--keep]
 *
 * Creates a fresh database on the test cluster (DATABASE_URL's server when set, otherwise the
 * embedded one in .data/postgres-test), migrates and seeds it, adds one large plan
 * (scripts/generate-data.ts), then runs each measured function a few times to warm up and
 * `--iterations` times for the record. Prints median and p95 per function, memory before and
 * after, and writes everything as JSON (default /tmp/pacte-bench/latest.json). Timings are
 * printed, never asserted. The database is dropped at the end unless --keep is given.
 * Heap figures include uncollected garbage unless node runs with --expose-gc
 * (`npx tsx --expose-gc scripts/bench.ts`), in which case memory is read after a collection.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDatabase, dropDatabase, migrate, seedDatabase, startDatabaseServer } from "./database";

function option(name: string): string | undefined {
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = process.argv.indexOf(`--${name}`);
  const next = index >= 0 ? process.argv[index + 1] : undefined;
  return next && !next.startsWith("--") ? next : undefined;
}

const iterations = Number(option("iterations") ?? 20);
const warmup = 3;
const actionCount = Number(option("actions") ?? 600);
const outFile = path.resolve(option("out") ?? path.join(os.tmpdir(), "pacte-bench", "latest.json"));
const keep = process.argv.includes("--keep");

type Memory = { rssMb: number; heapUsedMb: number };
type Result = {
  name: string;
  label: string;
  iterations: number;
  rows: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
  memoryBefore: Memory;
  memoryAfter: Memory;
};

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** Collects garbage first when node runs with --expose-gc. */
function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function measure(
  name: string,
  label: string,
  run: () => Promise<unknown>,
  options: { iterations?: number } = {},
): Promise<Result> {
  // Heavy measures (whole-plan exports) take fewer runs.
  const runs = options.iterations ?? iterations;
  for (let index = 0; index < warmup; index++) await run();
  const memoryBefore = memory();
  const durations: number[] = [];
  let rows = 0;
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    const result = await run();
    durations.push(performance.now() - started);
    rows = countRows(result);
  }
  const memoryAfter = memory();
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    name,
    label,
    iterations: runs,
    rows,
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    minMs: round(sorted[0] ?? Number.NaN),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
    meanMs: round(durations.reduce((sum, value) => sum + value, 0) / durations.length),
    memoryBefore,
    memoryAfter,
  };
}

/** The main list a function returned, to show how much data each call carries. */
function countRows(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (!result || typeof result !== "object") return result ? 1 : 0;
  for (const key of ["actions", "objectives", "cells"]) {
    const value: unknown = (result as Record<string, unknown>)[key];
    if (Array.isArray(value)) return value.length;
  }
  return 1;
}

function table(headers: string[], rows: string[][], alignRight: boolean[]) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (alignRight[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

// ---------------------------------------------------------------------------

const started = performance.now();
const server = await startDatabaseServer("test");
const database = `pacte_bench_${randomBytes(4).toString("hex")}`;
let dropOnExit = !keep;

try {
  const url = await createDatabase(server, database);
  console.log(`Base de données / database: ${database}${server.embedded ? " (PostgreSQL embarqué / embedded)" : ""}`);
  await migrate(url);
  await seedDatabase(url);

  // The app's modules read these when first imported.
  process.env.DATABASE_URL = url;
  process.env.SESSION_SECRET ??= "bench-session-secret-0123456789abcdef";
  process.env.NODE_ENV ??= "production";

  const { prisma } = await import("~/utils/db.server");
  const { generateLargeDataset } = await import("./generate-data");
  const { listObjectives, getObjective } = await import("~/modules/objectives/objectives.server");
  const { getAlignmentMatrix } = await import("~/modules/alignment/alignment.server");
  const { listOrganisationActions } = await import("~/modules/actions/actions.server");
  const { getOptionalUser } = await import("~/utils/auth.server");
  const { createSession } = await import("~/utils/session.server");
  const { getPlanOverview } = await import("~/modules/plans/plans.server");
  const { loadPlanSnapshot } = await import("~/modules/plans/snapshot.server");
  const { listPlanActions } = await import("~/modules/actions/actions.server");
  const { actionFilters } = await import("~/modules/actions/schema");
  const { getDashboard } = await import("~/modules/dashboard/dashboard.server");
  const { buildReviewDocument } = await import("~/modules/review-report/review-report.server");
  const { renderReviewDocx } = await import("~/modules/review-report/docx.server");
  const { registerServerCatalogues } = await import("~/locales/catalogues.server");
  registerServerCatalogues();
  const { getCompliance } = await import("~/modules/compliance/compliance.server");
  const { listFocalPointWork } = await import("~/modules/reporting/reports.server");
  const { listReviewQueue } = await import("~/modules/reviews/reviews.server");
  const { reviewFilters } = await import("~/modules/reviews/schema");
  const { exportPlanWorkbook } = await import("~/modules/spreadsheet/export.server");

  const memoryAtStart = memory();
  const generationStarted = performance.now();
  const generated = await generateLargeDataset(prisma, { actions: actionCount });
  const generationMs = Math.round(performance.now() - generationStarted);
  await prisma.$executeRawUnsafe("ANALYZE");
  const memoryAfterGeneration = memory();
  console.log(
    `Données générées en ${(generationMs / 1000).toFixed(1)} s / data generated in ${(generationMs / 1000).toFixed(1)} s:`,
    Object.entries(generated.counts)
      .map(([name, count]) => `${name} ${count}`)
      .join(", "),
  );

  const session = await createSession(generated.focalPoint.id, { ipAddress: "127.0.0.1", userAgent: "pacte-bench" });
  const cookie = session.cookie.split(";")[0] ?? "";
  const request = () => new Request("http://localhost/", { headers: { Cookie: cookie } });
  const organisation = await prisma.organisation.findUniqueOrThrow({
    where: { id: generated.busiestOrganisationId },
    select: { acronym: true },
  });

  const results: Result[] = [];
  results.push(await measure("listObjectives", "Liste des objectifs / objectives list", () => listObjectives()));
  results.push(await measure("getObjective(21)", "Page de l'objectif 21 / objective 21 page", () => getObjective(21)));
  results.push(await measure("getAlignmentMatrix", "Matrice d'alignement / alignment matrix", () => getAlignmentMatrix()));
  results.push(
    await measure(
      `listOrganisationActions(${organisation.acronym})`,
      `Actions de ${organisation.acronym} / ${organisation.acronym}'s actions`,
      () => listOrganisationActions(generated.busiestOrganisationId),
    ),
  );
  results.push(
    await measure("getOptionalUser", "Session → utilisateur / session lookup", async () => {
      const user = await getOptionalUser(request());
      if (!user) throw new Error("The bench session was not recognised.");
      return user;
    }),
  );
  // The plan, drafting and monitoring pages on the same data.
  const planId = generated.planId;
  const plan = await prisma.actionPlan.findUniqueOrThrow({ where: { id: planId }, select: { id: true, title: true } });
  results.push(await measure("getPlanOverview", "Vue d'ensemble du plan / plan overview", () => getPlanOverview(planId)));
  results.push(
    await measure("listPlanActions(q)", "Liste des actions filtrée / filtered action list", () =>
      listPlanActions(planId, actionFilters(new URLSearchParams("q=migrants&objective=21"))),
    ),
  );
  results.push(await measure("loadPlanSnapshot", "Instantané pour l'adoption / adoption snapshot", () => loadPlanSnapshot(prisma, planId)));
  results.push(await measure("exportPlanWorkbook", "Export XLSX du plan / plan XLSX export", () => exportPlanWorkbook(plan), { iterations: 5 }));
  results.push(await measure("getDashboard", "Tableau de bord / dashboard", () => getDashboard({ planId })));
  const reviewDocument = () => buildReviewDocument({ planId, lang: "fr", audience: "internal" });
  results.push(await measure("buildReviewDocument(plan)", "Rapport pour l'examen volontaire / review report", reviewDocument, { iterations: 5 }));
  results.push(
    await measure("renderReviewDocx(plan)", "Rapport pour l'examen volontaire en DOCX / review report as DOCX", async () => {
      const built = await reviewDocument();
      if (built.kind !== "ok") throw new Error("review document expected");
      return renderReviewDocx(built.document);
    }, { iterations: 2 }),
  );
  results.push(await measure("getCompliance", "Suivi de la remise des rapports / compliance", () => getCompliance({ planId })));
  results.push(
    await measure("listFocalPointWork", "Mes actions du point focal / focal point's to-do", () =>
      listFocalPointWork(generated.busiestOrganisationId),
    ),
  );
  results.push(await measure("listReviewQueue", "File de revue / review queue", () => listReviewQueue(reviewFilters(new URLSearchParams()))));
  const memoryAtEnd = memory();

  console.log(
    `\n${iterations} mesures après ${warmup} d'échauffement / ${iterations} timed runs after ${warmup} warm-up runs (ms)\n`,
  );
  console.log(
    table(
      ["Mesure / Measure", "Lignes / rows", "Médiane / median", "p95", "min", "max", "Tas / heap MB (avant→après)", "RSS MB (avant→après)"],
      results.map((result) => [
        result.label,
        String(result.rows),
        result.medianMs.toFixed(2),
        result.p95Ms.toFixed(2),
        result.minMs.toFixed(2),
        result.maxMs.toFixed(2),
        `${result.memoryBefore.heapUsedMb} → ${result.memoryAfter.heapUsedMb}`,
        `${result.memoryBefore.rssMb} → ${result.memoryAfter.rssMb}`,
      ]),
      [false, true, true, true, true, true, true, true],
    ),
  );
  console.log(
    `\nMémoire du processus / process memory (MB): avant génération / before generation rss ${memoryAtStart.rssMb}, heap ${memoryAtStart.heapUsedMb}; ` +
      `après / after rss ${memoryAfterGeneration.rssMb}, heap ${memoryAfterGeneration.heapUsedMb}; ` +
      `fin / end rss ${memoryAtEnd.rssMb}, heap ${memoryAtEnd.heapUsedMb}.`,
  );

  const postgres = await prisma.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
  const report = {
    at: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    postgres: postgres[0]?.server_version ?? null,
    embeddedPostgres: server.embedded,
    database: keep ? url : database,
    iterations,
    warmup,
    generation: { ms: generationMs, counts: generated.counts },
    memory: { beforeGeneration: memoryAtStart, afterGeneration: memoryAfterGeneration, end: memoryAtEnd },
    results,
  };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nRésultats / results: ${outFile}`);
  if (keep) console.log(`Base conservée / database kept: ${url}`);

  await prisma.$disconnect();
} catch (error) {
  dropOnExit = true;
  throw error;
} finally {
  if (dropOnExit) await dropDatabase(server, database).catch(() => {});
  await server.stop();
  console.log(`Durée totale / total time: ${Math.round((performance.now() - started) / 1000)} s`);
}
