// An action's indicators: what will show it worked, from a baseline to a target.
import type { Prisma } from "~/generated/prisma/client";
import { lockDraftPlan } from "~/modules/actions/draft.server";
import { diffFields, fieldsChangedSince, recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { INDICATOR_AUDIT_FIELDS, type IndicatorAuditField, type IndicatorAuditFields } from "./audit-fields";
import type { IndicatorFormValues } from "./form-values";
import type { IndicatorInput } from "./schema";

type Client = Prisma.TransactionClient;

const toDate = (day: string | undefined) => (day ? new Date(`${day}T00:00:00Z`) : null);
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function dataOf(input: IndicatorInput) {
  return {
    name: input.name,
    definition: input.definition ?? null,
    unit: input.unit ?? null,
    kind: input.kind,
    baselineValue: input.baselineValue ?? null,
    baselineDate: toDate(input.baselineDate),
    targetValue: input.targetValue ?? null,
    targetDate: toDate(input.targetDate),
    frequency: input.frequency,
    dataSource: input.dataSource ?? null,
    verificationMeans: input.verificationMeans ?? null,
    disaggregation: [...new Set(input.disaggregation)],
  };
}

/** The global indicators picked, each once, in a stable order (the audit trail compares them). */
function globalIdsOf(input: IndicatorInput) {
  return [...new Set(input.globalIndicators)].sort();
}

type IndicatorData = Omit<ReturnType<typeof dataOf>, "disaggregation"> & { disaggregation: string[]; globalIndicators: string[] };

/** What the audit trail records: flat values, days as "AAAA-MM-JJ", dimensions joined. */
function auditFieldsOf(data: IndicatorData): IndicatorAuditFields {
  return {
    name: data.name,
    definition: data.definition,
    unit: data.unit,
    kind: data.kind,
    baselineValue: data.baselineValue,
    baselineDate: isoDay(data.baselineDate),
    targetValue: data.targetValue,
    targetDate: isoDay(data.targetDate),
    frequency: data.frequency,
    dataSource: data.dataSource,
    verificationMeans: data.verificationMeans,
    disaggregation: data.disaggregation.join(", "),
    globalIndicators: data.globalIndicators.join(", "),
  };
}

/** The ids among `ids` that name no global indicator: the form refuses them with a 400. */
export async function unknownGlobalIndicators(ids: string[]) {
  if (ids.length === 0) return [];
  const found = await prisma.globalIndicator.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

/**
 * Creates an indicator and its audit entry inside the caller's transaction (the spreadsheet
 * import adds many at once). Without `position` it goes after the action's last indicator.
 */
export async function insertIndicator(
  tx: Prisma.TransactionClient,
  params: { actorId: string; actionId: string; input: IndicatorInput; position?: number },
): Promise<{ id: string }> {
  const { actorId, actionId, input } = params;
  const position =
    params.position ??
    ((await tx.indicator.aggregate({ where: { actionId }, _max: { position: true } }))._max.position ?? -1) + 1;
  const data = dataOf(input);
  const globalIndicators = globalIdsOf(input);
  const indicator = await tx.indicator.create({
    data: { actionId, position, ...data, globalLinks: { create: globalIndicators.map((globalIndicatorId) => ({ globalIndicatorId })) } },
    select: { id: true },
  });
  await recordAudit(
    // The action's id lets the action page show the history of indicators removed since.
    { actorId, entityType: "Indicator", entityId: indicator.id, action: "create", changes: { actionId, ...auditFieldsOf({ ...data, globalIndicators }) } },
    tx,
  );
  return indicator;
}

/** The action's plan must still be a draft (a DomainError "notDraft" otherwise); null when the action is gone. */
async function lockActionPlan(tx: Client, actionId: string) {
  const action = await tx.action.findUnique({ where: { id: actionId }, select: { planId: true } });
  if (action) await lockDraftPlan(tx, action.planId);
  return action;
}

/** The add form's save; null when the action no longer exists. */
export async function createIndicator(actorId: string, actionId: string, input: IndicatorInput) {
  return prisma.$transaction(async (tx) => {
    if (!(await lockActionPlan(tx, actionId))) return null;
    return insertIndicator(tx, { actorId, actionId, input });
  });
}

const storedSelect = {
  id: true,
  actionId: true,
  name: true,
  definition: true,
  unit: true,
  kind: true,
  baselineValue: true,
  baselineDate: true,
  targetValue: true,
  targetDate: true,
  frequency: true,
  dataSource: true,
  verificationMeans: true,
  disaggregation: true,
  globalLinks: { orderBy: { globalIndicatorId: "asc" }, select: { globalIndicatorId: true } },
  version: true,
} as const satisfies Prisma.IndicatorSelect;

/** The indicator, if it belongs to the action (ids in the URL are not trusted to match). */
export async function getIndicator(actionId: string, indicatorId: string) {
  const indicator = await prisma.indicator.findFirst({ where: { id: indicatorId, actionId }, select: storedSelect });
  if (!indicator) return null;
  const { globalLinks, ...fields } = indicator;
  return {
    ...fields,
    globalIndicators: globalLinks.map((link) => link.globalIndicatorId),
    baselineDate: isoDay(indicator.baselineDate),
    targetDate: isoDay(indicator.targetDate),
  };
}

/** The stored indicator as the form's values. */
export function storedIndicatorFormValues(indicator: NonNullable<Awaited<ReturnType<typeof getIndicator>>>): IndicatorFormValues {
  return {
    name: indicator.name,
    definition: indicator.definition ?? "",
    unit: indicator.unit ?? "",
    kind: indicator.kind,
    baselineValue: indicator.baselineValue === null ? "" : String(indicator.baselineValue),
    baselineDate: indicator.baselineDate ?? "",
    targetValue: indicator.targetValue === null ? "" : String(indicator.targetValue),
    targetDate: indicator.targetDate ?? "",
    frequency: indicator.frequency,
    dataSource: indicator.dataSource ?? "",
    verificationMeans: indicator.verificationMeans ?? "",
    disaggregation: indicator.disaggregation,
    globalIndicators: indicator.globalIndicators,
  };
}

type StoredIndicator = Prisma.IndicatorGetPayload<{ select: typeof storedSelect }>;

function auditFieldsOfStored(indicator: StoredIndicator) {
  return auditFieldsOf({ ...indicator, globalIndicators: indicator.globalLinks.map((link) => link.globalIndicatorId) });
}

export type IndicatorConflict = { field: IndicatorAuditField; current: string | number | null };

export type UpdateIndicatorResult =
  | { ok: true }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "conflict"; changed: IndicatorConflict[]; version: number };

/** Saves the indicator if nobody else saved it since `input.version` was read. */
export async function updateIndicator(
  actorId: string,
  actionId: string,
  indicatorId: string,
  input: IndicatorInput & { version: number },
): Promise<UpdateIndicatorResult> {
  return prisma.$transaction(async (tx: Client): Promise<UpdateIndicatorResult> => {
    const before = await tx.indicator.findFirst({ where: { id: indicatorId, actionId }, select: storedSelect });
    if (!before) return { ok: false, reason: "notFound" };
    await lockActionPlan(tx, actionId);
    const data = dataOf(input);
    const globalIndicators = globalIdsOf(input);
    const updated =
      before.version === input.version
        ? await tx.indicator.updateMany({ where: { id: indicatorId, version: input.version }, data: { ...data, version: { increment: 1 } } })
        : { count: 0 };
    if (updated.count === 0) {
      const fresh = (await tx.indicator.findFirst({ where: { id: indicatorId }, select: storedSelect })) ?? before;
      const changed = await fieldsChangedSince(
        tx,
        { entityType: "Indicator", entityId: fresh.id, version: input.version },
        INDICATOR_AUDIT_FIELDS,
        { stored: auditFieldsOfStored(fresh), submitted: auditFieldsOf({ ...data, globalIndicators }) },
      );
      return { ok: false, reason: "conflict", changed, version: fresh.version };
    }
    await tx.indicatorGlobalLink.deleteMany({ where: { indicatorId, globalIndicatorId: { notIn: globalIndicators } } });
    await tx.indicatorGlobalLink.createMany({
      data: globalIndicators.map((globalIndicatorId) => ({ indicatorId, globalIndicatorId })),
      skipDuplicates: true,
    });
    const changes = diffFields(
      { ...auditFieldsOfStored(before), version: before.version },
      { ...auditFieldsOf({ ...data, globalIndicators }), version: before.version + 1 },
    );
    if (Object.keys(changes).some((key) => key !== "version")) {
      await recordAudit(
        { actorId, entityType: "Indicator", entityId: indicatorId, action: "update", changes: { actionId, ...changes } },
        tx,
      );
    }
    return { ok: true };
  });
}

/** Removes the indicator and records what it was. */
export async function deleteIndicator(actorId: string, actionId: string, indicatorId: string): Promise<{ ok: boolean }> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.indicator.findFirst({ where: { id: indicatorId, actionId }, select: storedSelect });
    if (!before) return { ok: false };
    await lockActionPlan(tx, actionId);
    await tx.indicator.delete({ where: { id: indicatorId } });
    await recordAudit(
      { actorId, entityType: "Indicator", entityId: indicatorId, action: "delete", changes: { actionId, ...auditFieldsOfStored(before) } },
      tx,
    );
    return { ok: true };
  });
}
