// The number of SQL queries behind each main page must not grow with the data: a count that
// follows the number of periods, actions or reports is an N+1. Counts, never timings.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { loader as rootLoader } from "~/root";
import { prisma } from "~/utils/db.server";
import { countQueries } from "~/utils/query-count.server";
import { createSession } from "~/utils/session.server";
import { generateLargeDataset, type GenerateOptions } from "../../scripts/generate-data";
import { createUser } from "../../tests/factories";
import { context, getRequest } from "../../tests/requests";
import { loader as complianceLoader } from "./compliance";
import { loader as dashboardLoader } from "./dashboard";
import { loader as homeLoader } from "./_index";
import { loader as myActionsLoader } from "./my-actions";
import { loader as notificationsLoader } from "./notifications";
import { loader as objectiveLoader } from "./objectives.$number";
import { loader as objectivesLoader } from "./objectives._index";
import { loader as planLoader } from "./plans.$planId._index";
import { loader as xlsxLoader } from "./plans.$planId.export[.]xlsx";
import { loader as periodsLoader } from "./plans.$planId.periods";
import { loader as reviewReportLoader } from "./plans.$planId.review-report";
import { loader as reportLoader } from "./reports.$reportId";
import { loader as reviewLoader } from "./reviews.$reportId";
import { loader as queueLoader } from "./reviews._index";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

async function cookieFor(userId: string) {
  const session = await createSession(userId, { ipAddress: "127.0.0.1" });
  return session.cookie.split(";")[0] ?? "";
}

/** A generated plan with all its periods open (the root loader and Mes actions work per open period). */
async function generate(options: GenerateOptions) {
  const data = await generateLargeDataset(prisma, { users: 40, auditEvents: 100, frequency: "QUARTERLY", ...options });
  await prisma.reportingPeriod.updateMany({ where: { planId: data.planId }, data: { status: "OPEN", closedAt: null } });
  const report = await prisma.progressReport.findFirstOrThrow({
    where: { organisationId: data.focalPoint.organisationId, period: { planId: data.planId } },
    orderBy: { period: { startDate: "desc" } },
    select: { id: true },
  });
  const reviewer = await createUser({ role: "REVIEWER" });
  return { ...data, reportId: report.id, focalPointCookie: await cookieFor(data.focalPoint.id), reviewerCookie: await cookieFor(reviewer.id) };
}

/** Queries of one page as Remix serves it: the root loader and the page's loader, side by side. */
async function pageQueries(loader: Loader, path: string, params: Record<string, string>, cookie: string) {
  const args = () => ({ request: getRequest(path, { cookie }), params, context });
  const { count } = await countQueries(async () => {
    const settled = await Promise.allSettled([rootLoader(args()), loader(args())]);
    for (const outcome of settled) {
      // A redirect or an error response would count the wrong work.
      if (outcome.status === "rejected") throw outcome.reason instanceof Response ? new Error(`${path}: ${outcome.reason.status}`) : outcome.reason;
    }
  });
  return count;
}

async function countPages(data: Awaited<ReturnType<typeof generate>>) {
  const plan = data.planId;
  const pages: [string, Loader, string, Record<string, string>, string][] = [
    ["focal point's home", homeLoader, "/", {}, data.focalPointCookie],
    ["Mes actions", myActionsLoader, "/my-actions", {}, data.focalPointCookie],
    ["notifications", notificationsLoader, "/notifications", {}, data.focalPointCookie],
    ["report", reportLoader, `/reports/${data.reportId}`, { reportId: data.reportId }, data.focalPointCookie],
    ["reviewer's home", homeLoader, "/", {}, data.reviewerCookie],
    ["review queue", queueLoader, "/reviews", {}, data.reviewerCookie],
    ["review of a report", reviewLoader, `/reviews/${data.reportId}`, { reportId: data.reportId }, data.reviewerCookie],
    ["dashboard", dashboardLoader, `/dashboard?plan=${plan}`, {}, data.reviewerCookie],
    ["compliance", complianceLoader, `/compliance?plan=${plan}`, {}, data.reviewerCookie],
    ["objectives", objectivesLoader, "/objectives", {}, data.reviewerCookie],
    ["objective 21", objectiveLoader, "/objectives/21", { number: "21" }, data.reviewerCookie],
    ["plan overview", planLoader, `/plans/${plan}`, { planId: plan }, data.reviewerCookie],
    ["periods", periodsLoader, `/plans/${plan}/periods`, { planId: plan }, data.reviewerCookie],
    ["review report", reviewReportLoader, `/plans/${plan}/review-report`, { planId: plan }, data.reviewerCookie],
    ["XLSX export", xlsxLoader, `/plans/${plan}/export.xlsx`, { planId: plan }, data.reviewerCookie],
  ];
  const counts: Record<string, number> = {};
  for (const [name, loader, path, params, cookie] of pages) counts[name] = await pageQueries(loader, path, params, cookie);
  return counts;
}

test("the main pages send as many SQL queries with four times the periods, actions and reports", async () => {
  const small = await generate({ seed: 1, actions: 20, periods: 2, now: new Date("2026-12-01T00:00:00Z") });
  const smallCounts = await countPages(small);
  // A newer, larger plan: more periods open, more actions per organisation, more reports everywhere.
  const large = await generate({ seed: 2, actions: 80, periods: 8, now: new Date("2026-12-02T00:00:00Z") });
  const largeCounts = await countPages(large);
  expect(Object.values(smallCounts).every((count) => count > 0)).toBe(true);
  expect(largeCounts).toEqual(smallCounts);
}, 120_000);
