// Test data made to measure: each test creates what it needs, with unique values.
import { randomBytes } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { hashPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";

export const TEST_PASSWORD = "correct-horse-battery";
const passwordHash = hashPassword(TEST_PASSWORD);

export function uniqueSuffix() {
  return randomBytes(4).toString("hex");
}

export async function createOrganisation(overrides: { acronym?: string; name?: string; active?: boolean } = {}) {
  const suffix = uniqueSuffix().toUpperCase();
  return prisma.organisation.create({
    data: {
      acronym: overrides.acronym ?? `ORG-${suffix}`,
      name: overrides.name ?? `Ministère de test ${suffix}`,
      kind: "MINISTRY",
      active: overrides.active ?? true,
    },
    select: { id: true, acronym: true, name: true, version: true },
  });
}

export async function createUser(overrides: { role?: Role; organisationId?: string | null; active?: boolean; email?: string } = {}) {
  const role = overrides.role ?? "OBSERVER";
  const organisationId =
    overrides.organisationId !== undefined
      ? overrides.organisationId
      : role === "FOCAL_POINT"
        ? (await createOrganisation()).id
        : null;
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${uniqueSuffix()}@test.ml`,
      name: `Utilisateur ${role.toLowerCase()}`,
      passwordHash: await passwordHash,
      role,
      organisationId,
      active: overrides.active ?? true,
    },
    select: { id: true, email: true, role: true, organisationId: true },
  });
}

/** A user with a live session: the Cookie header to send with requests. */
export async function signedInAs(role: Role, overrides: { organisationId?: string | null } = {}) {
  const user = await createUser({ role, ...overrides });
  const session = await createSession(user.id, { ipAddress: "127.0.0.1" });
  return { user, sessionId: session.id, cookie: session.cookie.split(";")[0] ?? "" };
}

/** A plan with its period; DRAFT unless told otherwise. */
export async function createPlan(
  overrides: { status?: "DRAFT" | "ADOPTED" | "ARCHIVED"; startDate?: string; endDate?: string; title?: string } = {},
) {
  return prisma.actionPlan.create({
    data: {
      title: overrides.title ?? `Plan de test ${uniqueSuffix()}`,
      startDate: new Date(`${overrides.startDate ?? "2025-01-01"}T00:00:00Z`),
      endDate: new Date(`${overrides.endDate ?? "2027-12-31"}T00:00:00Z`),
      status: overrides.status ?? "DRAFT",
    },
    select: { id: true, version: true, startDate: true, endDate: true },
  });
}

/** An action in a plan, led by `leadOrganisationId` (a new organisation when not given), with one indicator. */
export async function createAction(
  planId: string,
  overrides: { code?: string; title?: string; mainObjectiveNumber?: number; leadOrganisationId?: string; estimatedBudget?: number } = {},
) {
  const leadOrganisationId = overrides.leadOrganisationId ?? (await createOrganisation()).id;
  return prisma.action.create({
    data: {
      planId,
      code: overrides.code ?? `T${uniqueSuffix().toUpperCase()}`,
      title: overrides.title ?? "Action de test",
      mainObjectiveNumber: overrides.mainObjectiveNumber ?? 21,
      leadOrganisationId,
      estimatedBudget: overrides.estimatedBudget === undefined ? null : BigInt(overrides.estimatedBudget),
      indicators: { create: { name: "Indicateur de test", kind: "NUMBER", baselineValue: 0, targetValue: 100 } },
    },
    select: { id: true, code: true, version: true, leadOrganisationId: true, planId: true },
  });
}

/** A workshop, feeding `planId` when given, with a participating organisation. */
export async function createWorkshop(overrides: { planId?: string | null; title?: string } = {}) {
  const organisation = await createOrganisation();
  return prisma.workshop.create({
    data: {
      planId: overrides.planId ?? null,
      title: overrides.title ?? `Atelier de test ${uniqueSuffix()}`,
      startDate: new Date("2025-03-10T00:00:00Z"),
      endDate: new Date("2025-03-11T00:00:00Z"),
      place: "Kayes",
      organisers: "Ministère des Maliens de l'Extérieur ; OIM Mali",
      participants: { create: { organisationId: organisation.id } },
    },
    select: { id: true, planId: true, updatedAt: true },
  });
}

/** A working group of a workshop, covering objectives 21 and 22 unless told otherwise. */
export async function createWorkingGroup(workshopId: string, overrides: { name?: string; objectiveNumbers?: number[] } = {}) {
  return prisma.workingGroup.create({
    data: {
      workshopId,
      name: overrides.name ?? `Groupe de test ${uniqueSuffix()}`,
      moderator: "MMEIA",
      objectives: { create: (overrides.objectiveNumbers ?? [21, 22]).map((objectiveNumber) => ({ objectiveNumber })) },
    },
    select: { id: true, workshopId: true, name: true },
  });
}

/** A pending proposal of a working group (objective 21, no lead organisation, unless told otherwise). */
export async function createProposal(
  workingGroupId: string,
  overrides: { title?: string; objectiveNumber?: number; leadOrganisationId?: string | null; notes?: string | null } = {},
) {
  return prisma.actionProposal.create({
    data: {
      workingGroupId,
      title: overrides.title ?? `Proposition de test ${uniqueSuffix()}`,
      objectiveNumber: overrides.objectiveNumber ?? 21,
      leadOrganisationId: overrides.leadOrganisationId ?? null,
      notes: overrides.notes ?? null,
    },
    select: { id: true, title: true, objectiveNumber: true, leadOrganisationId: true, notes: true },
  });
}

/** A reporting period of a plan (OPEN, 2026-07-01 → 2026-12-31, due 2027-01-31, unless told otherwise). */
export async function createReportingPeriod(
  planId: string,
  overrides: { label?: string; startDate?: string; endDate?: string; dueDate?: string; status?: "OPEN" | "CLOSED" } = {},
) {
  const status = overrides.status ?? "OPEN";
  return prisma.reportingPeriod.create({
    data: {
      planId,
      label: overrides.label ?? `Période de test ${uniqueSuffix()}`,
      startDate: new Date(`${overrides.startDate ?? "2026-07-01"}T00:00:00Z`),
      endDate: new Date(`${overrides.endDate ?? "2026-12-31"}T00:00:00Z`),
      dueDate: new Date(`${overrides.dueDate ?? "2027-01-31"}T00:00:00Z`),
      status,
      closedAt: status === "CLOSED" ? new Date() : null,
    },
    select: { id: true, planId: true, startDate: true, endDate: true, dueDate: true, status: true },
  });
}

/** An indicator of an action: a number without break-down unless told otherwise. */
export async function createIndicator(
  actionId: string,
  overrides: { name?: string; kind?: "NUMBER" | "PERCENTAGE" | "YES_NO"; unit?: string | null; disaggregation?: string[] } = {},
) {
  return prisma.indicator.create({
    data: {
      actionId,
      name: overrides.name ?? `Indicateur ${uniqueSuffix()}`,
      kind: overrides.kind ?? "NUMBER",
      unit: overrides.unit === undefined ? null : overrides.unit,
      disaggregation: overrides.disaggregation ?? [],
    },
    select: { id: true, name: true, kind: true, disaggregation: true },
  });
}

/** Makes an organisation a partner of an action. */
export async function addActionPartner(actionId: string, organisationId: string) {
  await prisma.actionPartner.create({ data: { actionId, organisationId } });
}

/**
 * A progress report of an action for a period, written directly (not through the report
 * form): DRAFT unless told otherwise; a submitted or reviewed one gets a submission date.
 */
export async function createProgressReport(
  actionId: string,
  periodId: string,
  overrides: {
    state?: "DRAFT" | "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED";
    submittedAt?: Date | null;
    status?: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DELAYED" | "CANCELLED";
    progress?: number;
    narrative?: string;
    evidenceLinks?: string[];
    /** Indicator values, with an optional break-down such as {"SEX": {"F": 12, "M": 30}}. */
    values?: { indicatorId: string; value: number | null; disaggregation?: Record<string, Record<string, number>> }[];
  } = {},
) {
  const action = await prisma.action.findUniqueOrThrow({ where: { id: actionId }, select: { leadOrganisationId: true } });
  const reviewState = overrides.state ?? "DRAFT";
  const submittedAt = overrides.submittedAt !== undefined ? overrides.submittedAt : reviewState === "DRAFT" ? null : new Date();
  return prisma.progressReport.create({
    data: {
      actionId,
      periodId,
      organisationId: action.leadOrganisationId,
      reviewState,
      submittedAt,
      status: overrides.status ?? "IN_PROGRESS",
      progress: overrides.progress ?? 40,
      narrative: overrides.narrative ?? "Ateliers de sensibilisation tenus à Kayes et Sikasso.",
      evidenceLinks: overrides.evidenceLinks ?? [],
      reviewedAt: reviewState === "APPROVED" || reviewState === "CHANGES_REQUESTED" ? new Date() : null,
      values: overrides.values
        ? { create: overrides.values.map((value) => ({ indicatorId: value.indicatorId, value: value.value, disaggregation: value.disaggregation })) }
        : undefined,
    },
    select: { id: true, version: true, organisationId: true, actionId: true, periodId: true, reviewState: true },
  });
}

/** Records `userId` as focal point of `organisationId` from now on, as an admin would. */
export async function assignFocalPoint(userId: string, organisationId: string) {
  return prisma.focalPointAssignment.create({ data: { userId, organisationId }, select: { id: true } });
}
