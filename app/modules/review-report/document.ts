// The document model of the report for the GCM voluntary national review: one plain,
// serialisable object rendered by the HTML page, the PDF and the DOCX alike. Pure types
// and helpers, shared by server and browser; the data assembly is in review-report.server.ts.
import type { Lang } from "~/utils/i18n";

export type ActionStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DELAYED" | "CANCELLED";
export const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DELAYED", "CANCELLED"] as const satisfies readonly ActionStatus[];

/** Who reads the document: signed-in users, or anyone on the public portal (no internal budgets). */
export type ReportAudience = "internal" | "public";

export type OrganisationRef = { acronym: string; name: string };
export type Dated = { period: string; text: string };

export type DocIndicatorValue = {
  periodId: string;
  period: string;
  value: number | null;
  /** Break-down of the value, e.g. {"SEX": {"F": 12, "M": 30}}. */
  breakdown: Record<string, Record<string, number>> | null;
};

export type DocIndicator = {
  /** The live indicator, for links inside Pacte; null when it no longer exists. */
  id: string | null;
  name: string;
  unit: string | null;
  kind: "NUMBER" | "PERCENTAGE" | "YES_NO";
  baseline: number | null;
  baselineDate: string | null;
  target: number | null;
  targetDate: string | null;
  /** Approved values of the periods covered, oldest first. */
  values: DocIndicatorValue[];
  latest: { value: number; period: string } | null;
  /** Share of the way from baseline to target (0-100, may exceed 100), null when it cannot be computed. */
  towardsTarget: number | null;
};

export type DocAction = {
  /** The live action, for links inside Pacte; null when it no longer exists. */
  id: string | null;
  code: string;
  title: string;
  mainObjectiveNumber: number;
  otherObjectives: number[];
  axes: number[];
  principles: number[];
  lead: OrganisationRef;
  partners: OrganisationRef[];
  startDate: string | null;
  endDate: string | null;
  /** Status and progress of the latest approved report of the periods covered; null: not reported. */
  status: ActionStatus | null;
  progress: number | null;
  reportedPeriod: string | null;
  /** null when the budget is internal and the document is public. */
  budget: { estimated: number | null; secured: number | null } | null;
  indicators: DocIndicator[];
  narrative: Dated | null;
  challenges: Dated | null;
  nextSteps: Dated | null;
};

export type ReviewDocument = {
  lang: Lang;
  audience: ReportAudience;
  plan: { id: string; title: string; startDate: string; endDate: string };
  /** The adopted version the plan's content comes from; null: the plan was never adopted (draft content). */
  version: { number: number; adoptedAt: string } | null;
  /** Approved data up to the end of this day (UTC) only. */
  cutOff: string;
  generatedAt: string;
  periods: { id: string; label: string; startDate: string; endDate: string; approvedReports: number }[];
  /** Every period of the plan, to choose the range from. */
  allPeriods: { id: string; label: string }[];
  range: { from: string | null; to: string | null };
  summary: {
    actionCount: number;
    byStatus: Record<ActionStatus, number>;
    notReported: number;
    averageProgress: number | null;
    estimatedBudget: number;
    securedFunding: number;
    budgetsWithheld: number;
    indicatorCount: number;
    indicatorsWithValue: number;
    objectivesCovered: number;
    objectiveCount: number;
    approvedReports: number;
  };
  reporters: (OrganisationRef & { approvedReports: number })[];
  policy: {
    framework: string | null;
    axes: { number: number; title: string; objectives: number[]; actionCount: number }[];
  };
  objectives: {
    number: number;
    title: string;
    axes: number[];
    actions: DocAction[];
    alsoServedBy: string[];
    averageProgress: number | null;
  }[];
  principles: { number: number; title: string; actions: { code: string; title: string; status: ActionStatus | null }[] }[];
  means: {
    byObjective: { number: number; estimated: number; secured: number }[];
    partners: (OrganisationRef & { actionCount: number })[];
  };
  nextSteps: (Dated & { code: string; title: string })[];
  annex: { indicators: (DocIndicator & { actionCode: string; objectiveNumber: number })[] };
};

/**
 * How far the latest value has gone from the baseline towards the target, in percent:
 * (latest − baseline) ÷ (target − baseline) × 100. Null without the three values or when
 * baseline and target are equal.
 */
export function towardsTarget(baseline: number | null, latest: number | null, target: number | null) {
  if (baseline === null || latest === null || target === null || target === baseline) return null;
  return ((latest - baseline) / (target - baseline)) * 100;
}

/** Mean progress (0-100) of reported actions that are not cancelled; null when there are none. */
export function averageProgress(actions: Pick<DocAction, "status" | "progress">[]) {
  const counted = actions.filter((action) => action.status !== null && action.status !== "CANCELLED" && action.progress !== null);
  if (counted.length === 0) return null;
  return counted.reduce((sum, action) => sum + (action.progress ?? 0), 0) / counted.length;
}
