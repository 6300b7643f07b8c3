/**
 * `npm run load`: 200 signed-in focal points start, save and submit their progress reports for
 * about 60 s against the production build on loopback, while a reviewer sends each submitted
 * report back (so it can be saved and submitted again); /healthz is measured in the same run.
 * Afterwards SQL checks that every report exists exactly once, holds the last content the server
 * accepted, and carries one send-back comment per accepted send-back.
 *
 * `npm run load -- --restart`: the same, on an embedded PostgreSQL of the script's own that is
 * stopped and started again mid-run: requests in the gap must get 503 (never 500), the server
 * must recover by itself, and nothing may be lost or duplicated.
 *
 * Options: --duration=60 --focal-points=200 --restart-at=20 --gap=5 --no-docs.
 * Figures are printed and written into docs/performance.md ("## Load and faults"); never asserted.
 */
import autocannon from "autocannon";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createPrismaClient, type PrismaClient } from "../app/utils/prisma-client.server";
import { buildApp, signInOverHttp, startAppServer } from "./app-server";
import {
  createDatabase,
  dropDatabase,
  migrate,
  projectRoot,
  seedDatabase,
  startDatabaseServer,
  startEmbedded,
  usableDataDir,
  type DatabaseServer,
} from "./database";

const APP_PORT = 3220;
const RESTART_PG_PORT = 54330;
const PASSWORD = "charge-pacte-2026";
const REVIEWER = { email: "revue.oim@pacte.ml", password: "pacte-demo-2019" };
/** A request not answered in this long is counted lost and its focal point starts over. */
const LOST_AFTER_MS = 60_000;
const SERVER_LOG = ".data/load-server.log";

function option(name: string, fallback: number) {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  return raw === undefined ? fallback : Number(raw);
}
const restartMode = process.argv.includes("--restart");
const durationSeconds = option("duration", 60);
const focalPointCount = option("focal-points", 200);
const restartAtSeconds = option("restart-at", 20);
const gapSeconds = option("gap", 5);

// ---------------------------------------------------------------------------
// Data: the demo seed plus one organisation, focal point, action and indicator per load user
// ---------------------------------------------------------------------------

type LoadTarget = { email: string; actionId: string; periodId: string; indicatorId: string };

async function createFocalPoints(prisma: PrismaClient, count: number): Promise<LoadTarget[]> {
  const plan = await prisma.actionPlan.findFirstOrThrow({ where: { status: "ADOPTED" }, select: { id: true } });
  const period = await prisma.reportingPeriod.findFirstOrThrow({ where: { planId: plan.id, status: "OPEN" }, select: { id: true } });
  const passwordHash = await bcrypt.hash(PASSWORD, 10);
  const numbers = Array.from({ length: count }, (_, index) => String(index + 1).padStart(3, "0"));
  await prisma.organisation.createMany({
    data: numbers.map((n) => ({ acronym: `CHG${n}`, name: `Organisation de charge ${n}`, kind: "MINISTRY" as const })),
  });
  const organisations = await prisma.organisation.findMany({ where: { acronym: { startsWith: "CHG" } }, select: { id: true, acronym: true } });
  const organisationOf = new Map(organisations.map((organisation) => [organisation.acronym.slice(3), organisation.id]));
  const orgId = (n: string) => {
    const id = organisationOf.get(n);
    if (!id) throw new Error(`organisation CHG${n} missing`);
    return id;
  };
  await prisma.user.createMany({
    data: numbers.map((n) => ({ email: `pf.charge${n}@pacte.ml`, name: `Point focal ${n}`, passwordHash, role: "FOCAL_POINT" as const, organisationId: orgId(n) })),
  });
  const users = await prisma.user.findMany({ where: { email: { startsWith: "pf.charge" } }, select: { id: true, organisationId: true } });
  await prisma.focalPointAssignment.createMany({ data: users.flatMap((user) => (user.organisationId ? [{ userId: user.id, organisationId: user.organisationId }] : [])) });
  await prisma.action.createMany({
    data: numbers.map((n, index) => ({
      planId: plan.id,
      code: `CHG-${n}`,
      title: `Action de la charge ${n}`,
      mainObjectiveNumber: (index % 23) + 1,
      leadOrganisationId: orgId(n),
    })),
  });
  const actions = await prisma.action.findMany({ where: { planId: plan.id, code: { startsWith: "CHG-" } }, select: { id: true, code: true } });
  await prisma.indicator.createMany({ data: actions.map((action) => ({ actionId: action.id, name: "Personnes accompagnées", unit: "personnes", kind: "NUMBER" as const })) });
  const indicators = await prisma.indicator.findMany({ where: { actionId: { in: actions.map((action) => action.id) } }, select: { id: true, actionId: true } });
  const indicatorOf = new Map(indicators.map((indicator) => [indicator.actionId, indicator.id]));
  return actions
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((action) => ({
      email: `pf.charge${action.code.slice(4)}@pacte.ml`,
      actionId: action.id,
      periodId: period.id,
      indicatorId: indicatorOf.get(action.id) ?? "",
    }));
}

// ---------------------------------------------------------------------------
// The workload: each focal point goes round start → page → save → submit → sent back
// ---------------------------------------------------------------------------

const STEPS = ["start", "page", "save", "submit", "sendBack"] as const;
type Step = (typeof STEPS)[number];
type Content = { narrative: string; progress: number; value: number };

type FocalPoint = LoadTarget & {
  cookie: string;
  step: Step;
  reportId?: string;
  version?: number;
  round: number;
  /** What the server last accepted (a redirect after save or submit). */
  accepted?: Content;
  /** Writes answered 503: they may or may not have been committed before the connection broke. */
  uncertain: Content[];
  sendBacks: number;
  uncertainSendBacks: number;
};

type Flight = { focalPoint: FocalPoint; step: Step; content?: Content; sentAt: number };

type Tally = { durations: number[]; statuses: Map<number, number>; unexpected: number };

function newTally(): Tally {
  return { durations: [], statuses: new Map(), unexpected: 0 };
}

function percentile(values: number[], p: number) {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function header(headers: Record<string, unknown> | undefined, name: string) {
  if (!headers) return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return typeof value === "string" ? value : undefined;
}

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString();
}

class Workload {
  readonly tallies = new Map<Step, Tally>(STEPS.map((step) => [step, newTally()]));
  /** Every answer: seconds since the start, step, status (for the restart timeline). */
  readonly timeline: { at: number; step: Step; status: number }[] = [];
  readonly samples: string[] = [];
  lost = 0;
  private ready: FocalPoint[];
  private flights = new WeakMap<object, Flight>();
  private inFlight = new Set<Flight>();
  private startedAt = performance.now();

  constructor(
    readonly focalPoints: FocalPoint[],
    private origin: string,
    private reviewerCookie: string,
  ) {
    this.ready = [...focalPoints];
  }

  begin() {
    this.startedAt = performance.now();
  }

  private take(): FocalPoint {
    const next = this.ready.shift();
    if (next) return next;
    // Every focal point is waiting on an answer: reclaim the one waiting longest, if it is lost.
    const oldest = [...this.inFlight].sort((a, b) => a.sentAt - b.sentAt)[0];
    if (!oldest || performance.now() - oldest.sentAt < LOST_AFTER_MS) throw new Error("more connections than focal points");
    this.inFlight.delete(oldest);
    this.lost += 1;
    oldest.focalPoint.step = "start";
    return oldest.focalPoint;
  }

  private request(focalPoint: FocalPoint, content: Content | undefined): autocannon.Request {
    const cookie = { Cookie: focalPoint.cookie, Origin: this.origin };
    const posted = { ...cookie, "Content-Type": "application/x-www-form-urlencoded" };
    const reportPath = `/reports/${focalPoint.reportId ?? ""}`;
    switch (focalPoint.step) {
      case "start":
        return { method: "POST", path: "/reports/new", headers: posted, body: form({ actionId: focalPoint.actionId, periodId: focalPoint.periodId }) };
      case "page":
        return { method: "GET", path: reportPath, headers: cookie };
      case "save":
      case "submit":
        return {
          method: "POST",
          path: reportPath,
          headers: posted,
          body: form({
            intent: focalPoint.step,
            version: String(focalPoint.version ?? 0),
            status: "IN_PROGRESS",
            progress: String(content?.progress ?? 0),
            narrative: content?.narrative ?? "",
            statusReason: "",
            challenges: "",
            nextSteps: "",
            evidenceLinks: "",
            [`value-${focalPoint.indicatorId}`]: String(content?.value ?? 0),
          }),
        };
      case "sendBack":
        return {
          method: "POST",
          path: `/reviews/${focalPoint.reportId ?? ""}`,
          headers: { Cookie: this.reviewerCookie, Origin: this.origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: form({ intent: "requestChanges", version: String(focalPoint.version ?? 0), comment: `Précisez le tour ${focalPoint.round}.` }),
        };
    }
  }

  setup = (request: autocannon.Request, context: object): autocannon.Request => {
    const focalPoint = this.take();
    const writes = focalPoint.step === "save" || focalPoint.step === "submit";
    focalPoint.round += writes && focalPoint.step === "save" ? 1 : 0;
    const content = writes
      ? {
          narrative: `${focalPoint.email} – tour ${focalPoint.round} – ${focalPoint.step === "save" ? "brouillon" : "soumis"}`,
          progress: (focalPoint.round * 7) % 101,
          value: focalPoint.round * 10 + (focalPoint.step === "submit" ? 1 : 0),
        }
      : undefined;
    const flight: Flight = { focalPoint, step: focalPoint.step, content, sentAt: performance.now() };
    this.flights.set(context, flight);
    this.inFlight.add(flight);
    return { ...request, ...this.request(focalPoint, content) };
  };

  answer = (status: number, body: string, context: object, headers: autocannon.Request["headers"]) => {
    const flight = this.flights.get(context);
    if (!flight || !this.inFlight.has(flight)) return;
    this.inFlight.delete(flight);
    this.flights.delete(context);
    const tally = this.tallies.get(flight.step) ?? newTally();
    tally.durations.push(performance.now() - flight.sentAt);
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    this.timeline.push({ at: (performance.now() - this.startedAt) / 1000, step: flight.step, status });
    const ok = this.advance(flight, status, body, header(headers, "location"));
    if (!ok) {
      tally.unexpected += 1;
      if (status === 503) {
        if (flight.content) flight.focalPoint.uncertain.push(flight.content);
        if (flight.step === "sendBack") flight.focalPoint.uncertainSendBacks += 1;
      } else if (this.samples.length < 10) {
        this.samples.push(`${flight.step} → ${status} ${header(headers, "location") ?? ""} ${body.slice(0, 200).replace(/\s+/g, " ")}`);
      }
      flight.focalPoint.step = "start";
    }
    this.ready.push(flight.focalPoint);
  };

  /** Moves the focal point to its next step; false when the answer was not the expected one. */
  private advance(flight: Flight, status: number, body: string, location: string | undefined) {
    const focalPoint = flight.focalPoint;
    switch (flight.step) {
      case "start": {
        const id = status === 302 ? /^\/reports\/([^/?]+)$/.exec(location ?? "")?.[1] : undefined;
        if (!id) return false;
        focalPoint.reportId = id;
        focalPoint.step = "page";
        return true;
      }
      case "page": {
        const version = status === 200 ? /name="version" value="(\d+)"/.exec(body)?.[1] : undefined;
        if (!version) return false;
        focalPoint.version = Number(version);
        focalPoint.step = "save";
        return true;
      }
      case "save":
      case "submit": {
        const notice = flight.step === "save" ? "saved" : "submitted";
        if (status !== 302 || !location?.endsWith(`?notice=${notice}`)) return false;
        focalPoint.accepted = flight.content;
        focalPoint.version = (focalPoint.version ?? 0) + 1;
        focalPoint.step = flight.step === "save" ? "submit" : "sendBack";
        return true;
      }
      case "sendBack": {
        if (status !== 302 || !location?.endsWith("?notice=requestChanges")) return false;
        focalPoint.sendBacks += 1;
        focalPoint.step = "page";
        return true;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Checking the database afterwards
// ---------------------------------------------------------------------------

type Verdict = { reports: number; missing: number; duplicated: number; wrongContent: number; committedDespite503: number; sendBackMismatch: number; valueRows: number };

async function verify(prisma: PrismaClient, focalPoints: FocalPoint[]): Promise<Verdict> {
  const periodId = focalPoints[0]?.periodId ?? "";
  const reports = await prisma.progressReport.findMany({
    where: { periodId, actionId: { in: focalPoints.map((focalPoint) => focalPoint.actionId) } },
    select: {
      actionId: true,
      narrative: true,
      progress: true,
      values: { select: { value: true } },
      _count: { select: { comments: { where: { kind: "CHANGES_REQUESTED" } } } },
    },
  });
  const verdict: Verdict = { reports: reports.length, missing: 0, duplicated: 0, wrongContent: 0, committedDespite503: 0, sendBackMismatch: 0, valueRows: 0 };
  for (const focalPoint of focalPoints) {
    const rows = reports.filter((report) => report.actionId === focalPoint.actionId);
    if (rows.length === 0) verdict.missing += 1;
    if (rows.length > 1) verdict.duplicated += 1;
    const row = rows[0];
    if (!row) continue;
    verdict.valueRows += row.values.length;
    if (row.values.length > 1) verdict.duplicated += 1;
    const stored = { narrative: row.narrative, progress: row.progress, value: row.values[0]?.value };
    const same = (content: Content | undefined) =>
      content ? stored.narrative === content.narrative && stored.progress === content.progress && stored.value === content.value : stored.narrative === null;
    if (!same(focalPoint.accepted)) {
      // A write answered 503 may still have committed; anything else is a lost write.
      if (focalPoint.uncertain.some(same)) verdict.committedDespite503 += 1;
      else verdict.wrongContent += 1;
    }
    const comments = row._count.comments;
    if (comments < focalPoint.sendBacks || comments > focalPoint.sendBacks + focalPoint.uncertainSendBacks) verdict.sendBackMismatch += 1;
  }
  return verdict;
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

function runAutocannon(options: autocannon.Options, onInstance: (instance: autocannon.Instance) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    onInstance(instance);
  });
}

async function signInAll(origin: string, targets: LoadTarget[]) {
  const cookies: string[] = [];
  for (let index = 0; index < targets.length; index += 8) {
    const batch = targets.slice(index, index + 8);
    cookies.push(...(await Promise.all(batch.map((target) => signInOverHttp(origin, target.email, PASSWORD)))));
  }
  return cookies;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "—");

async function main() {
  const started = Date.now();
  const restartDir = path.join(projectRoot, ".data", `load-restart-${process.pid}`);
  const startRestartable = () => startEmbedded({ dataDir: restartDir, port: RESTART_PG_PORT });
  let database: DatabaseServer | undefined = restartMode ? await startRestartable() : await startDatabaseServer("test");
  const name = `pacte_load_${randomBytes(4).toString("hex")}`;
  const databaseUrl = await createDatabase(database, name);
  let prisma: PrismaClient | undefined;
  let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
  try {
    console.log(`Base ${name}${restartMode ? ` (PostgreSQL embarqué, port ${RESTART_PG_PORT})` : ""} : migrations et données de démonstration…`);
    await migrate(databaseUrl);
    await seedDatabase(databaseUrl);
    prisma = createPrismaClient(databaseUrl);
    const targets = await createFocalPoints(prisma, focalPointCount);
    await prisma.$disconnect();
    console.log(`${targets.length} points focaux créés ; construction de l'application…`);
    await buildApp({ reuse: process.argv.includes("--reuse-build") });
    app = await startAppServer({ port: APP_PORT, databaseUrl });
    const cookies = await signInAll(app.origin, targets);
    const reviewerCookie = await signInOverHttp(app.origin, REVIEWER.email, REVIEWER.password);
    const focalPoints: FocalPoint[] = targets.map((target, index) => ({
      ...target,
      cookie: cookies[index] ?? "",
      step: "start",
      round: 0,
      uncertain: [],
      sendBacks: 0,
      uncertainSendBacks: 0,
    }));
    const workload = new Workload(focalPoints, app.origin, reviewerCookie);
    const healthz = newTally();
    console.log(`Charge : ${focalPoints.length} connexions pendant ${durationSeconds} s${restartMode ? `, PostgreSQL arrêté à ${restartAtSeconds} s pendant ${gapSeconds} s` : ""}…`);

    const gap = { stoppedAt: Number.NaN, startedAgainAt: Number.NaN };
    const t0 = performance.now();
    workload.begin();
    const restart = restartMode
      ? (async () => {
          await new Promise((resolve) => setTimeout(resolve, restartAtSeconds * 1000));
          gap.stoppedAt = (performance.now() - t0) / 1000;
          await database?.stop();
          database = undefined;
          await new Promise((resolve) => setTimeout(resolve, gapSeconds * 1000));
          database = await startRestartable();
          gap.startedAgainAt = (performance.now() - t0) / 1000;
        })()
      : Promise.resolve();
    const [main, health] = await Promise.all([
      runAutocannon(
        {
          url: app.origin,
          connections: focalPoints.length,
          duration: durationSeconds,
          timeout: LOST_AFTER_MS / 1000,
          requests: [{ setupRequest: workload.setup, onResponse: workload.answer }],
        },
        () => {},
      ),
      runAutocannon({ url: `${app.origin}/healthz`, connections: 2, duration: durationSeconds, timeout: LOST_AFTER_MS / 1000 }, (instance) =>
        instance.on("response", (_client, status, _bytes, time) => {
          healthz.durations.push(time);
          healthz.statuses.set(status, (healthz.statuses.get(status) ?? 0) + 1);
        }),
      ),
      restart,
    ]);

    prisma = createPrismaClient(databaseUrl);
    const verdict = await verify(prisma, focalPoints);
    writeFileSync(path.join(projectRoot, SERVER_LOG), app.output());
    const report = summarise({ workload, healthz, main, health, verdict, gap, serverOutput: app.output() });
    console.log(report.text);
    if (!process.argv.includes("--no-docs")) writeDocs(restartMode ? "PostgreSQL restarted under load" : `${focalPoints.length} focal points at once`, report.markdown);
  } finally {
    await prisma?.$disconnect();
    await app?.stop();
    if (database) await dropDatabase(database, name).catch(() => {});
    await database?.stop();
    if (restartMode) rmSync(usableDataDir(restartDir), { recursive: true, force: true });
    console.log(`Terminé en ${Math.round((Date.now() - started) / 1000)} s.`);
  }
}

type Summary = {
  workload: Workload;
  healthz: Tally;
  main: autocannon.Result;
  health: autocannon.Result;
  verdict: Verdict;
  gap: { stoppedAt: number; startedAgainAt: number };
  serverOutput: string;
};

const STEP_LABELS: Record<Step, string> = {
  start: "start report (POST /reports/new)",
  page: "report page (GET /reports/:id)",
  save: "save draft (POST)",
  submit: "submit (POST)",
  sendBack: "reviewer sends back (POST /reviews/:id)",
};

function statusList(statuses: Map<number, number>) {
  return [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(", ");
}

function summarise({ workload, healthz, main, health, verdict, gap, serverOutput }: Summary) {
  const rows = STEPS.map((step) => {
    const tally = workload.tallies.get(step) ?? newTally();
    return { label: STEP_LABELS[step], count: tally.durations.length, p50: percentile(tally.durations, 50), p95: percentile(tally.durations, 95), statuses: statusList(tally.statuses), unexpected: tally.unexpected };
  });
  rows.push({ label: "/healthz (2 connections, same run)", count: healthz.durations.length, p50: percentile(healthz.durations, 50), p95: percentile(healthz.durations, 95), statuses: statusList(healthz.statuses), unexpected: healthz.durations.length - (healthz.statuses.get(200) ?? 0) });
  const submitP95 = percentile(workload.tallies.get("submit")?.durations ?? [], 95);
  const healthP95 = percentile(healthz.durations, 95);
  const unexpected = rows.reduce((sum, row) => sum + row.unexpected, 0);
  const transportErrors = main.errors + main.timeouts + health.errors + health.timeouts + workload.lost;
  const all = workload.timeline;
  const fiveHundreds = all.filter((entry) => entry.status === 500).length;
  const unavailable = all.filter((entry) => entry.status === 503);
  const firstOkAfter = all.find((entry) => entry.at > gap.startedAgainAt && entry.status < 400)?.at;
  const lines = [
    `| Request | Count | p50 | p95 | Statuses | Unexpected |`,
    `|---|---:|---:|---:|---|---:|`,
    ...rows.map((row) => `| ${row.label} | ${row.count} | ${ms(row.p50)} | ${ms(row.p95)} | ${row.statuses} | ${row.unexpected} |`),
  ];
  const facts = [
    `- Run: ${workload.focalPoints.length} focal points on ${workload.focalPoints.length} connections for ${durationSeconds} s, production build, one instance, loopback, ${availableParallelism()} cores shared with other work (load average ${loadavg()[0]?.toFixed(1)} at the end); ${main.requests.total} workload requests (${Math.round(main.requests.average)} req/s).`,
    `- Errors: ${transportErrors} connection errors, timeouts or lost requests; ${unexpected} answers other than the expected one.`,
    `- Submit p95 ${ms(submitP95)} against /healthz p95 ${ms(healthP95)}: ratio ${(submitP95 / healthP95).toFixed(1)} (goal ≤ 10).`,
    `- Database afterwards: ${verdict.reports} reports for ${workload.focalPoints.length} focal points; ${verdict.missing} missing, ${verdict.duplicated} duplicated (report or indicator value), ${verdict.wrongContent} not holding the last accepted content, ${verdict.sendBackMismatch} with a send-back count that differs from the accepted send-backs; ${verdict.valueRows} indicator values.`,
  ];
  if (restartMode) {
    facts.push(
      `- PostgreSQL stopped at ${gap.stoppedAt.toFixed(1)} s, started again at ${gap.startedAgainAt.toFixed(1)} s; ${unavailable.length} answers were 503 (from ${unavailable[0]?.at.toFixed(1) ?? "—"} s to ${unavailable.at(-1)?.at.toFixed(1) ?? "—"} s), ${fiveHundreds} were 500; first success after the restart at ${firstOkAfter?.toFixed(1) ?? "—"} s, same server process (no restart). ${verdict.committedDespite503} writes answered 503 had in fact been committed (the connection broke after COMMIT), which the next round read back.`,
    );
  }
  const errorLines = serverOutput.split("\n").filter((line) => /Error/.test(line) && !line.startsWith("    at "));
  facts.push(`- Server log (${SERVER_LOG}): ${errorLines.length ? `${errorLines.length} error lines, first: \`${errorLines[0]?.slice(0, 200)}\`` : "no errors"}.`);
  if (workload.samples.length) facts.push(`- First unexpected answers: ${workload.samples.map((sample) => `\`${sample}\``).join("; ")}`);
  const markdown = [...lines, "", ...facts].join("\n");
  return { text: `\n${markdown}\n`, markdown };
}

/** Replaces this run's subsection of "## Load and faults" in docs/performance.md, adding what is missing. */
function writeDocs(title: string, body: string) {
  const file = path.join(projectRoot, "docs", "performance.md");
  let text = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  const section = "## Load and faults";
  if (!text.includes(`\n${section}\n`)) {
    text = `${text.trimEnd()}\n\n${section}\n\nMeasured by \`npm run load\` (and \`npm run load -- --restart\`), written here by the script itself. Figures only: nothing here is asserted by a test.\n`;
  }
  const start = text.indexOf(`\n${section}\n`) + 1;
  const nextSection = text.indexOf("\n## ", start + section.length);
  const sectionEnd = nextSection === -1 ? text.length : nextSection + 1;
  let sectionText = text.slice(start, sectionEnd);
  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  const block = `### ${title}\n\n_Last run: ${date} UTC._\n\n${body}\n`;
  const heading = `### ${title}\n`;
  const at = sectionText.indexOf(heading);
  if (at === -1) {
    sectionText = `${sectionText.trimEnd()}\n\n${block}`;
  } else {
    const after = sectionText.indexOf("\n### ", at + heading.length);
    sectionText = `${sectionText.slice(0, at)}${block}${after === -1 ? "" : sectionText.slice(after + 1)}`;
  }
  text = `${text.slice(0, start)}${sectionText.trimEnd()}\n${nextSection === -1 ? "" : `\n${text.slice(sectionEnd)}`}`;
  writeFileSync(file, text);
  console.log(`Écrit dans docs/performance.md (${title}).`);
}

await main();
