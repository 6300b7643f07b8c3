/**
 * What `npm run bench:http` requests, as whom, and each page's floor: the best single SQL
 * query (or two) that computes the same figures the page shows. Shared by the timing run
 * (scripts/bench-http.ts) and the query counts (scripts/bench-http-count.ts).
 */

/** The generated users' password on the benchmark databases (never a real server's). */
export const BENCH_PASSWORD = "pacte-bench-2026";

export type BenchSubjects = {
  planId: string;
  organisationId: string;
  focalPointEmail: string;
  reviewerEmail: string;
  /** A report of the focal point's organisation in the open period. */
  reportId: string;
  reportActionId: string;
  openPeriodId: string;
};

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function one(query: Query, sql: string, params: unknown[] = []) {
  const [row] = await query(sql, params);
  if (!row) throw new Error(`Nothing found for: ${sql}`);
  return row;
}

const text = (value: unknown) => (typeof value === "string" ? value : String(value));

/** The generated plan, the busiest organisation's focal point, a reviewer and a report to open. */
export async function loadBenchSubjects(query: Query): Promise<BenchSubjects> {
  const plan = await one(query, `SELECT id FROM "ActionPlan" WHERE description LIKE '%scripts/generate-data.ts%'`);
  const planId = text(plan.id);
  const period = await one(query, `SELECT id FROM "ReportingPeriod" WHERE "planId" = $1 AND status = 'OPEN' ORDER BY "startDate" DESC LIMIT 1`, [planId]);
  const focalPoint = await one(
    query,
    `SELECT u.email, u."organisationId" FROM "User" u
     JOIN "Action" a ON a."leadOrganisationId" = u."organisationId" AND a."planId" = $1
     WHERE u.role = 'FOCAL_POINT' AND u.email LIKE '%@generated.pacte.ml'
     GROUP BY u.id ORDER BY count(*) DESC, u.email LIMIT 1`,
    [planId],
  );
  const reviewer = await one(query, `SELECT email FROM "User" WHERE role = 'REVIEWER' AND email LIKE '%@generated.pacte.ml' ORDER BY email LIMIT 1`);
  const report = await one(
    query,
    `SELECT pr.id, pr."actionId" FROM "ProgressReport" pr WHERE pr."periodId" = $1 AND pr."organisationId" = $2 ORDER BY pr.id LIMIT 1`,
    [period.id, focalPoint.organisationId],
  );
  return {
    planId,
    organisationId: text(focalPoint.organisationId),
    focalPointEmail: text(focalPoint.email),
    reviewerEmail: text(reviewer.email),
    reportId: text(report.id),
    reportActionId: text(report.actionId),
    openPeriodId: text(period.id),
  };
}

export type BenchPage = { name: string; label: string; path: string; as: "focalPoint" | "reviewer"; heavy?: boolean };

export function benchPages(subjects: BenchSubjects): BenchPage[] {
  const plan = subjects.planId;
  return [
    { name: "dashboard", label: "Tableau de bord", path: `/dashboard?plan=${plan}`, as: "reviewer" },
    { name: "objectives", label: "Objectifs", path: "/objectives", as: "reviewer" },
    { name: "objective", label: "Objectif 21", path: "/objectives/21", as: "reviewer" },
    { name: "planOverview", label: "Vue d'ensemble du plan", path: `/plans/${plan}`, as: "reviewer" },
    { name: "reviewQueue", label: "File de revue", path: "/reviews", as: "reviewer" },
    { name: "compliance", label: "Suivi de la remise", path: `/compliance?plan=${plan}`, as: "reviewer" },
    { name: "focalPointHome", label: "Accueil du point focal", path: "/", as: "focalPoint" },
    { name: "myActions", label: "Mes actions", path: "/my-actions", as: "focalPoint" },
    { name: "report", label: "Rapport d'avancement", path: `/reports/${subjects.reportId}`, as: "focalPoint" },
    { name: "reviewReport", label: "Rapport pour l'examen volontaire", path: `/plans/${plan}/review-report`, as: "reviewer", heavy: true },
    { name: "xlsx", label: "Export XLSX", path: `/plans/${plan}/export.xlsx`, as: "reviewer", heavy: true },
  ];
}

type Floor = { sql: string; params: unknown[] }[];

/** Actions of the plan that owe a report for the open periods (isReportExpected, in SQL). */
const EXPECTED = `a.status NOT IN ('COMPLETED', 'CANCELLED') AND (a."startDate" IS NULL OR a."startDate" <= p."endDate")`;

/** The single SQL query (or two) computing what each page shows. */
export function floorQueries(page: string, subjects: BenchSubjects): Floor {
  const plan = [subjects.planId];
  switch (page) {
    case "dashboard":
      // Status, progress and money per objective, lead and axis; then reports expected, submitted
      // and approved for the open periods along the same three groupings.
      return [
        {
          sql: `WITH a AS (SELECT a.*, ax."axisId" FROM "Action" a LEFT JOIN "ActionAxis" ax ON ax."actionId" = a.id WHERE a."planId" = $1)
                SELECT "mainObjectiveNumber", "leadOrganisationId", "axisId", status, count(DISTINCT id), avg(progress), sum("estimatedBudget"), sum("securedFunding")
                FROM a GROUP BY GROUPING SETS (("mainObjectiveNumber", status), ("leadOrganisationId", status), ("axisId", status))`,
          params: plan,
        },
        {
          sql: `SELECT a."mainObjectiveNumber", a."leadOrganisationId", count(*) FILTER (WHERE ${EXPECTED}) AS expected,
                       count(pr.id) FILTER (WHERE pr."reviewState" IN ('SUBMITTED', 'APPROVED')) AS submitted,
                       count(pr.id) FILTER (WHERE pr."reviewState" = 'APPROVED') AS approved
                FROM "ReportingPeriod" p JOIN "Action" a ON a."planId" = p."planId"
                LEFT JOIN "ProgressReport" pr ON pr."actionId" = a.id AND pr."periodId" = p.id
                WHERE p."planId" = $1 AND p.status = 'OPEN'
                GROUP BY GROUPING SETS ((a."mainObjectiveNumber"), (a."leadOrganisationId"))`,
          params: plan,
        },
      ];
    case "objectives":
      return [
        {
          sql: `SELECT o.number, o."titleFr", (SELECT count(*) FROM "Action" a WHERE a."mainObjectiveNumber" = o.number AND a."planId" = $1) AS actions,
                       (SELECT array_agg(x.number ORDER BY x.number) FROM "ObjectiveAxisAlignment" al JOIN "PolicyAxis" x ON x.id = al."axisId"
                        JOIN "PolicyFramework" f ON f.id = x."frameworkId" AND f."isCurrent" WHERE al."objectiveNumber" = o.number) AS axes
                FROM "GcmObjective" o ORDER BY o.number`,
          params: plan,
        },
      ];
    case "objective":
      return [
        {
          sql: `SELECT a.id, a.code, a.title, a.status, a.progress, o.acronym, o.name FROM "Action" a JOIN "Organisation" o ON o.id = a."leadOrganisationId"
                WHERE a."planId" = $1 AND (a."mainObjectiveNumber" = 21 OR EXISTS (SELECT 1 FROM "ActionObjective" ao WHERE ao."actionId" = a.id AND ao."objectiveNumber" = 21))
                ORDER BY a.code`,
          params: plan,
        },
      ];
    case "planOverview":
      return [
        {
          sql: `SELECT a.id, a.code, a.title, a.status, a.progress, a."mainObjectiveNumber", a."estimatedBudget", a."securedFunding", o.acronym, o.name,
                       (SELECT array_agg(ax."axisId") FROM "ActionAxis" ax WHERE ax."actionId" = a.id) AS axes
                FROM "Action" a JOIN "Organisation" o ON o.id = a."leadOrganisationId" WHERE a."planId" = $1 ORDER BY a.code`,
          params: plan,
        },
      ];
    case "reviewQueue":
      return [
        {
          sql: `SELECT pr.id, pr."submittedAt", pr.status, pr.progress, a.code, a.title, o.acronym, p.label, p."dueDate", u.name, count(*) OVER () AS total
                FROM "ProgressReport" pr JOIN "Action" a ON a.id = pr."actionId" JOIN "Organisation" o ON o.id = pr."organisationId"
                JOIN "ReportingPeriod" p ON p.id = pr."periodId" LEFT JOIN "User" u ON u.id = pr."submittedById"
                WHERE pr."reviewState" = 'SUBMITTED' ORDER BY pr."submittedAt", pr.id LIMIT 25`,
          params: [],
        },
      ];
    case "compliance":
      // Due, on time, late, missing and approved per organisation and period of the plan.
      return [
        {
          sql: `SELECT p.id, a."leadOrganisationId", count(*) FILTER (WHERE ${EXPECTED}) AS due,
                       count(pr.id) FILTER (WHERE pr."submittedAt"::date <= p."dueDate") AS on_time,
                       count(*) FILTER (WHERE pr."submittedAt"::date > p."dueDate" OR (pr."submittedAt" IS NULL AND p."dueDate" < now())) AS late,
                       count(*) FILTER (WHERE pr.id IS NULL) AS missing,
                       count(pr.id) FILTER (WHERE pr."reviewState" = 'APPROVED') AS approved
                FROM "ReportingPeriod" p JOIN "Action" a ON a."planId" = p."planId"
                LEFT JOIN "ProgressReport" pr ON pr."actionId" = a.id AND pr."periodId" = p.id
                WHERE p."planId" = $1 AND (pr.id IS NOT NULL OR ${EXPECTED})
                GROUP BY p.id, a."leadOrganisationId"`,
          params: plan,
        },
      ];
    case "focalPointHome":
    case "myActions":
      // Every open period's expected action of the organisation with its report, if any.
      return [
        {
          sql: `SELECT a.id, a.code, a.title, p.id AS period, p.label, p."dueDate", pr.id AS report, pr."reviewState", pr."submittedAt"
                FROM "ReportingPeriod" p JOIN "ActionPlan" pl ON pl.id = p."planId" AND pl.status <> 'ARCHIVED'
                JOIN "Action" a ON a."planId" = p."planId" AND a."leadOrganisationId" = $1
                LEFT JOIN "ProgressReport" pr ON pr."actionId" = a.id AND pr."periodId" = p.id
                WHERE p.status = 'OPEN' AND p."startDate" <= now() AND (pr.id IS NOT NULL OR ${EXPECTED})`,
          params: [subjects.organisationId],
        },
      ];
    case "report":
      return [
        {
          sql: `SELECT pr.*, a.code, a.title, p.label, p."dueDate", p.status AS period_status FROM "ProgressReport" pr
                JOIN "Action" a ON a.id = pr."actionId" JOIN "ReportingPeriod" p ON p.id = pr."periodId" WHERE pr.id = $1`,
          params: [subjects.reportId],
        },
        {
          sql: `SELECT i.*, v.value, v.disaggregation FROM "Indicator" i LEFT JOIN "IndicatorValue" v ON v."indicatorId" = i.id AND v."reportId" = $1
                WHERE i."actionId" = $2 ORDER BY i.position`,
          params: [subjects.reportId, subjects.reportActionId],
        },
      ];
    case "reviewReport":
      // Every action with its indicators, then each action's latest approved narrative.
      return [
        {
          sql: `SELECT a.id, a.code, a.title, a."mainObjectiveNumber", a.status, a.progress, i.name, i."baselineValue", i."currentValue", i."targetValue", i.unit
                FROM "Action" a LEFT JOIN "Indicator" i ON i."actionId" = a.id WHERE a."planId" = $1 ORDER BY a."mainObjectiveNumber", a.code, i.position`,
          params: plan,
        },
        {
          sql: `SELECT DISTINCT ON (pr."actionId") pr."actionId", pr.narrative, pr.progress, p.label FROM "ProgressReport" pr
                JOIN "ReportingPeriod" p ON p.id = pr."periodId" WHERE p."planId" = $1 AND pr."reviewState" = 'APPROVED'
                ORDER BY pr."actionId", p."startDate" DESC`,
          params: plan,
        },
      ];
    case "xlsx":
      // The two sheets: actions with their links, indicators.
      return [
        {
          sql: `SELECT a.*, o.acronym,
                       (SELECT array_agg(ao."objectiveNumber") FROM "ActionObjective" ao WHERE ao."actionId" = a.id) AS objectives,
                       (SELECT array_agg(x.number) FROM "ActionAxis" ax JOIN "PolicyAxis" x ON x.id = ax."axisId" WHERE ax."actionId" = a.id) AS axes,
                       (SELECT array_agg(pa."principleNumber") FROM "ActionPrinciple" pa WHERE pa."actionId" = a.id) AS principles,
                       (SELECT array_agg(po.acronym) FROM "ActionPartner" ap JOIN "Organisation" po ON po.id = ap."organisationId" WHERE ap."actionId" = a.id) AS partners
                FROM "Action" a JOIN "Organisation" o ON o.id = a."leadOrganisationId" WHERE a."planId" = $1 ORDER BY a.code`,
          params: plan,
        },
        {
          sql: `SELECT a.code, i.* FROM "Indicator" i JOIN "Action" a ON a.id = i."actionId" WHERE a."planId" = $1 ORDER BY a.code, i.position`,
          params: plan,
        },
      ];
    default:
      throw new Error(`No floor for ${page}`);
  }
}
