// The public portal: off until an admin turns it on (one row, audited). Its pages read the
// public review document (review-report.server.ts, audience "public"), so they show what the
// report shows to the public and nothing else: the latest adopted version of a plan, approved
// reports only, no budgets marked internal, no people.
import { recordAudit } from "~/modules/audit/audit.server";
import { buildReviewDocument } from "~/modules/review-report/review-report.server";
import { getOptionalUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { notFoundError } from "~/utils/domain-error";
import type { Lang } from "~/utils/i18n";
import { getLang } from "~/utils/language.server";

const SETTING_ID = 1;

export async function getPortalSetting() {
  const row = await prisma.portalSetting.findUnique({ where: { id: SETTING_ID }, select: { enabled: true, updatedAt: true } });
  return row ?? { enabled: false, updatedAt: null };
}

/** Turns the portal on or off; the change is audited. Returns whether anything changed. */
export async function setPortalEnabled(actorId: string, enabled: boolean) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.portalSetting.findUnique({ where: { id: SETTING_ID }, select: { enabled: true } });
    const was = before?.enabled ?? false;
    if (was === enabled) return false;
    await tx.portalSetting.upsert({
      where: { id: SETTING_ID },
      create: { id: SETTING_ID, enabled, updatedById: actorId },
      update: { enabled, updatedById: actorId },
    });
    await recordAudit(
      { actorId, entityType: "PortalSetting", entityId: String(SETTING_ID), action: enabled ? "enable" : "disable", changes: { enabled: { from: was, to: enabled } } },
      tx,
    );
    return true;
  });
}

/** Every portal loader starts here: while the portal is off, each of its addresses is not found (404). */
export async function requirePortalOpen() {
  const setting = await getPortalSetting();
  if (!setting.enabled) throw notFoundError("portalClosed");
}

/** The plans the public may see: those with an adopted version, newest adoption first. */
export async function listPublicPlans() {
  const plans = await prisma.actionPlan.findMany({
    where: { versions: { some: {} } },
    select: {
      id: true,
      title: true,
      startDate: true,
      endDate: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, adoptedAt: true } },
    },
  });
  return plans
    .flatMap((plan) => {
      const version = plan.versions[0];
      return version ? [{ id: plan.id, title: plan.title, startDate: plan.startDate, endDate: plan.endDate, version }] : [];
    })
    .sort((a, b) => b.version.adoptedAt.getTime() - a.version.adoptedAt.getTime());
}

/** The public document of a plan (all its periods, up to today), or a 404. */
export async function getPublicDocument(planId: string, lang: Lang) {
  const result = await buildReviewDocument({ planId, lang, audience: "public" });
  if (result.kind !== "ok") throw notFoundError("planNotPublic");
  return result.document;
}

/** The visitor's language: a signed-in reader keeps theirs, anyone else has the language cookie. */
export async function portalLang(request: Request) {
  return getLang(request, await getOptionalUser(request));
}

/** The actions of adopted plans that have a budget, and whether it stays internal (off the portal). */
export async function listPublishableBudgets() {
  return prisma.action.findMany({
    where: { plan: { versions: { some: {} } }, OR: [{ estimatedBudget: { not: null } }, { securedFunding: { not: null } }] },
    orderBy: [{ plan: { title: "asc" } }, { code: "asc" }],
    select: { id: true, code: true, title: true, budgetInternal: true, plan: { select: { id: true, title: true } } },
  });
}

/**
 * Marks the budgets of `internalIds` internal and every other listed budget public, in one
 * transaction; each change is audited with the portal's setting. Returns how many changed.
 */
export async function setInternalBudgets(actorId: string, internalIds: string[]) {
  const wanted = new Set(internalIds);
  return prisma.$transaction(async (tx) => {
    const actions = await tx.action.findMany({
      where: { plan: { versions: { some: {} } }, OR: [{ estimatedBudget: { not: null } }, { securedFunding: { not: null } }] },
      select: { id: true, code: true, planId: true, budgetInternal: true },
    });
    const changed = actions.filter((action) => action.budgetInternal !== wanted.has(action.id));
    for (const action of changed) {
      const internal = wanted.has(action.id);
      await tx.action.update({ where: { id: action.id }, data: { budgetInternal: internal } });
      await recordAudit(
        {
          actorId,
          entityType: "PortalSetting",
          entityId: String(SETTING_ID),
          action: internal ? "budgetInternal" : "budgetPublic",
          changes: { actionId: action.id, code: action.code, planId: action.planId, budgetInternal: { from: !internal, to: internal } },
        },
        tx,
      );
    }
    return changed.length;
  });
}
