// The select shapes of progress reports, named once and shared by the reporting and review
// modules (and the lists that show reports).
import type { Prisma } from "~/generated/prisma/client";
import { organisationRefSelect } from "~/modules/organisations/fields";
import { personNameSelect } from "~/modules/users/fields";

export const periodSelect = { id: true, planId: true, label: true, startDate: true, endDate: true, dueDate: true, status: true } satisfies Prisma.ReportingPeriodSelect;

/** What reportAbilities needs to know about a report. */
export const reportFactsSelect = {
  organisationId: true,
  reviewState: true,
  reopenedAt: true,
  period: { select: { status: true } },
  action: { select: { partners: { select: { organisationId: true } } } },
} satisfies Prisma.ProgressReportSelect;

/** An indicator as a report's form asks for it and its read-only view shows it. */
export const indicatorFormSelect = {
  id: true,
  name: true,
  unit: true,
  kind: true,
  disaggregation: true,
  baselineValue: true,
  targetValue: true,
  currentValue: true,
} satisfies Prisma.IndicatorSelect;

/** A report's content: what the focal point writes and the reviewer reads. */
export const reportContentSelect = {
  id: true,
  status: true,
  statusReason: true,
  progress: true,
  narrative: true,
  challenges: true,
  nextSteps: true,
  evidenceLinks: true,
  reviewState: true,
  submittedAt: true,
  reviewedAt: true,
} satisfies Prisma.ProgressReportSelect;

export const contributionSelect = {
  id: true,
  note: true,
  createdAt: true,
  organisation: { select: { acronym: true, name: true } },
  author: { select: personNameSelect },
} satisfies Prisma.ReportContributionSelect;

export const commentSelect = {
  id: true,
  kind: true,
  body: true,
  createdAt: true,
  author: { select: personNameSelect },
} satisfies Prisma.ReviewCommentSelect;

/** Everything a report's page shows. */
export const reportPageSelect = {
  ...reportContentSelect,
  ...reportFactsSelect,
  version: true,
  createdAt: true,
  updatedAt: true,
  submittedBy: { select: personNameSelect },
  reviewedBy: { select: personNameSelect },
  organisation: { select: organisationRefSelect },
  action: {
    select: {
      id: true,
      code: true,
      title: true,
      planId: true,
      status: true,
      progress: true,
      partners: { select: { organisationId: true } },
      indicators: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: indicatorFormSelect },
    },
  },
  period: { select: periodSelect },
  values: { select: { indicatorId: true, value: true, disaggregation: true } },
  comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: commentSelect },
  contributions: { orderBy: { createdAt: "asc" }, select: contributionSelect },
} satisfies Prisma.ProgressReportSelect;
