// Action plans: drafting, adoption into frozen versions, revisions, and their overview.
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit, diffFields } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFoundError } from "~/utils/domain-error";
import { notFound } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import type { PlanInput } from "./schema";
import { diffSnapshots, readSnapshot, type PlanSnapshot } from "./snapshot";
import { loadPlanSnapshot } from "./snapshot.server";
import { personNameSelect } from "~/modules/users/fields";
import { organisationRefSelect } from "~/modules/organisations/fields";

const planSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  startDate: true,
  endDate: true,
  revision: true,
  version: true,
  adoptedAt: true,
  adoptedBy: { select: personNameSelect },
} as const;

const day = (value: string) => new Date(`${value}T00:00:00Z`);

/** The plan people follow: the latest adopted one, else the latest draft. */
export async function getCurrentPlan() {
  const select = { id: true, title: true, status: true, startDate: true, endDate: true } as const;
  return (
    (await prisma.actionPlan.findFirst({ where: { status: "ADOPTED" }, orderBy: { adoptedAt: "desc" }, select })) ??
    (await prisma.actionPlan.findFirst({ where: { status: "DRAFT" }, orderBy: { createdAt: "desc" }, select }))
  );
}

export async function listPlans() {
  return prisma.actionPlan.findMany({
    orderBy: [{ status: "asc" }, { startDate: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      startDate: true,
      endDate: true,
      revision: true,
      adoptedAt: true,
      _count: { select: { actions: true, versions: true } },
    },
  });
}

export async function getPlan(planId: string) {
  return prisma.actionPlan.findUnique({ where: { id: planId }, select: planSelect });
}

/** The plan's period as form schemas want it ("AAAA-MM-JJ"). */
export function planPeriod(plan: { startDate: Date; endDate: Date }) {
  return { startDate: plan.startDate.toISOString().slice(0, 10), endDate: plan.endDate.toISOString().slice(0, 10) };
}

/** Why a plan's state refuses a change, each with the message the page shows. */
const PLAN_REFUSALS = {
  notDraft: "plans.notDraft",
  notAdopted: "plans.notAdopted",
  stale: "conflict.stale",
  actionsOutsidePeriod: "plans.actionsOutsidePeriod",
} as const satisfies Record<string, MessageKey>;
export type PlanRefusal = keyof typeof PLAN_REFUSALS;

/** The DomainError for a refused plan change: a conflict, or (actions outside the new period) invalid input on the start date. */
export function planStateError(reason: PlanRefusal) {
  if (reason === "actionsOutsidePeriod") return new DomainError("invalid", reason, { messageKey: PLAN_REFUSALS[reason], field: "startDate" });
  return new DomainError("conflict", reason, { messageKey: PLAN_REFUSALS[reason] });
}

/**
 * The plan, if its content may change now: 404 when it does not exist, 409 when it is
 * adopted or archived (a new draft revision must be started first).
 */
export async function requireDraftPlan(planId: string) {
  const plan = await getPlan(planId);
  if (!plan) notFound();
  if (plan.status !== "DRAFT") {
    throw new Response("Ce plan est adopté : commencez une nouvelle révision pour le modifier.", {
      status: 409,
      statusText: "Plan not in draft",
    });
  }
  return plan;
}

export async function createPlan(actorId: string, input: PlanInput) {
  return prisma.$transaction(async (tx) => {
    const plan = await tx.actionPlan.create({
      data: {
        title: input.title,
        description: input.description ?? null,
        startDate: day(input.startDate),
        endDate: day(input.endDate),
        createdById: actorId,
      },
      select: { id: true },
    });
    await recordAudit(
      { actorId, entityType: "ActionPlan", entityId: plan.id, action: "create", changes: { title: input.title } },
      tx,
    );
    return plan;
  });
}

/** Updates a draft's title, description and period; refused when stale or when actions would fall outside. */
export async function updatePlan(actorId: string, planId: string, input: PlanInput & { version: number }) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.actionPlan.findUnique({
      where: { id: planId },
      select: { title: true, description: true, startDate: true, endDate: true, status: true, version: true },
    });
    if (!before) throw notFoundError();
    if (before.status !== "DRAFT") throw planStateError("notDraft");
    const outside = await tx.action.count({
      where: {
        planId,
        OR: [{ startDate: { lt: day(input.startDate) } }, { endDate: { gt: day(input.endDate) } }],
      },
    });
    if (outside > 0) throw planStateError("actionsOutsidePeriod");
    const after = {
      title: input.title,
      description: input.description ?? null,
      startDate: day(input.startDate),
      endDate: day(input.endDate),
    };
    const updated = await tx.actionPlan.updateMany({
      where: { id: planId, version: input.version },
      data: { ...after, version: { increment: 1 } },
    });
    if (updated.count === 0) throw planStateError("stale");
    const changes = diffFields(before, after);
    await recordAudit({ actorId, entityType: "ActionPlan", entityId: planId, action: "update", changes }, tx);
  });
}

async function lockPlan(tx: Prisma.TransactionClient, planId: string, version: number) {
  const plan = await tx.actionPlan.findUnique({ where: { id: planId }, select: { status: true, version: true } });
  if (!plan) throw notFoundError();
  const bumped = await tx.actionPlan.updateMany({ where: { id: planId, version }, data: { version: { increment: 1 } } });
  if (bumped.count === 0) throw planStateError("stale");
  return plan;
}

/** Adopts a draft: freezes every action and indicator into a new immutable version. */
export async function adoptPlan(actorId: string, planId: string, params: { version: number; note?: string }) {
  return prisma.$transaction(async (tx) => {
    const plan = await lockPlan(tx, planId, params.version);
    if (plan.status !== "DRAFT") throw planStateError("notDraft");
    const last = await tx.planVersion.aggregate({ where: { planId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const adoptedAt = new Date();
    const snapshot = await loadPlanSnapshot(tx, planId);
    await tx.planVersion.create({
      data: { planId, number, adoptedAt, adoptedById: actorId, note: params.note ?? null, snapshot },
    });
    await tx.actionPlan.update({
      where: { id: planId },
      data: { status: "ADOPTED", revision: number, adoptedAt, adoptedById: actorId },
    });
    await recordAudit(
      { actorId, entityType: "ActionPlan", entityId: planId, action: "adopt", changes: { version: number, actions: snapshot.actions.length } },
      tx,
    );
    return { number };
  });
}

/** Starts a new draft revision of an adopted plan; the adopted versions stay as they were. */
export async function startRevision(actorId: string, planId: string, params: { version: number }) {
  return prisma.$transaction(async (tx) => {
    const plan = await lockPlan(tx, planId, params.version);
    if (plan.status !== "ADOPTED") throw planStateError("notAdopted");
    const last = await tx.planVersion.aggregate({ where: { planId }, _max: { number: true } });
    const revision = (last._max.number ?? 0) + 1;
    await tx.actionPlan.update({ where: { id: planId }, data: { status: "DRAFT", revision } });
    await recordAudit({ actorId, entityType: "ActionPlan", entityId: planId, action: "revise", changes: { revision } }, tx);
    return { revision };
  });
}

export async function archivePlan(actorId: string, planId: string, params: { version: number }) {
  return prisma.$transaction(async (tx) => {
    const plan = await lockPlan(tx, planId, params.version);
    if (plan.status !== "ADOPTED") throw planStateError("notAdopted");
    await tx.actionPlan.update({ where: { id: planId }, data: { status: "ARCHIVED" } });
    // An archived plan collects no more reports.
    const closed = await tx.reportingPeriod.updateMany({ where: { planId, status: "OPEN" }, data: { status: "CLOSED", closedAt: new Date() } });
    await recordAudit({ actorId, entityType: "ActionPlan", entityId: planId, action: "archive", changes: { periodsClosed: closed.count } }, tx);
  });
}

export async function listVersions(planId: string) {
  return prisma.planVersion.findMany({
    where: { planId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, adoptedAt: true, note: true, adoptedBy: { select: personNameSelect } },
  });
}

export async function getVersion(planId: string, number: number) {
  const version = await prisma.planVersion.findUnique({
    where: { planId_number: { planId, number } },
    select: { number: true, adoptedAt: true, note: true, snapshot: true, adoptedBy: { select: personNameSelect } },
  });
  if (!version) return null;
  return { ...version, snapshot: readSnapshot(version.snapshot) };
}

/** "current" is the plan as it stands; a number is a frozen version. */
export type VersionRef = number | "current";

async function snapshotOf(planId: string, ref: VersionRef): Promise<PlanSnapshot | null> {
  if (ref === "current") return loadPlanSnapshot(prisma, planId);
  return (await getVersion(planId, ref))?.snapshot ?? null;
}

export async function comparePlanVersions(planId: string, from: VersionRef, to: VersionRef) {
  const [before, after] = await Promise.all([snapshotOf(planId, from), snapshotOf(planId, to)]);
  if (!before || !after) return null;
  return diffSnapshots(before, after);
}

/** The plan at a glance: actions by objective, counts by lead organisation and axis, money, gaps. */
export async function getPlanOverview(planId: string) {
  const [actions, objectives, axes] = await Promise.all([
    prisma.action.findMany({
      where: { planId },
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        title: true,
        status: true,
        progress: true,
        mainObjectiveNumber: true,
        estimatedBudget: true,
        securedFunding: true,
        leadOrganisation: { select: organisationRefSelect },
        axes: { select: { axisId: true } },
      },
    }),
    prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } }),
    prisma.policyAxis.findMany({
      where: { framework: { isCurrent: true } },
      orderBy: { number: "asc" },
      select: { id: true, number: true, titleFr: true, titleEn: true },
    }),
  ]);

  const byObjective = objectives.map((objective) => ({
    ...objective,
    actions: actions
      .filter((action) => action.mainObjectiveNumber === objective.number)
      .map(({ id, code, title, status, progress, leadOrganisation }) => ({ id, code, title, status, progress, leadOrganisation })),
  }));

  const byAxis = axes.map((axis) => ({
    ...axis,
    actionCount: actions.filter((action) => action.axes.some((link) => link.axisId === axis.id)).length,
  }));

  const leads = new Map<string, { id: string; acronym: string; name: string; actionCount: number; estimatedBudget: number }>();
  for (const action of actions) {
    const lead = leads.get(action.leadOrganisation.id) ?? { ...action.leadOrganisation, actionCount: 0, estimatedBudget: 0 };
    lead.actionCount += 1;
    lead.estimatedBudget += Number(action.estimatedBudget ?? 0);
    leads.set(lead.id, lead);
  }

  const estimatedBudget = actions.reduce((sum, action) => sum + Number(action.estimatedBudget ?? 0), 0);
  const securedFunding = actions.reduce((sum, action) => sum + Number(action.securedFunding ?? 0), 0);

  return {
    actionCount: actions.length,
    estimatedBudget,
    securedFunding,
    byObjective,
    byAxis,
    byLead: [...leads.values()].sort((a, b) => b.actionCount - a.actionCount || a.acronym.localeCompare(b.acronym)),
    objectivesWithoutAction: byObjective.filter((objective) => objective.actions.length === 0).map((objective) => objective.number),
    axesWithoutAction: byAxis.filter((axis) => axis.actionCount === 0).map((axis) => axis.number),
  };
}
