// The plan's actions: listing, drafting, editing with conflict detection, and their audit trail.
import { Prisma } from "~/generated/prisma/client";
import { diffFields, fieldsChangedSince, recordAudit } from "~/modules/audit/audit.server";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import { getCurrentPlan } from "~/modules/plans/plans.server";
import { prisma } from "~/utils/db.server";
import { DomainError, isDomainError } from "~/utils/domain-error";
import type { FieldErrors } from "~/utils/forms";
import { nextActionCode } from "./code.server";
import { lockDraftPlan } from "./draft.server";
import { ACTION_AUDIT_FIELDS, type ActionAuditField, type ActionAuditFields } from "./audit-fields";
import type { ActionFormValues } from "./form-values";
import { ACTIONS_PAGE_SIZE, type ActionFilters, type ActionInput } from "./schema";
import { personNameSelect } from "~/modules/users/fields";
import { organisationRefSelect } from "~/modules/organisations/fields";

type Client = Prisma.TransactionClient;

/** The current plan's actions led by an organisation (a focal point's own actions). */
export async function listOrganisationActions(organisationId: string) {
  const plan = await getCurrentPlan();
  if (!plan) return [];
  return prisma.action.findMany({
    where: { planId: plan.id, leadOrganisationId: organisationId },
    orderBy: { code: "asc" },
    select: { id: true, code: true, title: true, status: true, progress: true, mainObjectiveNumber: true },
  });
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/**
 * The input refers to something that is not there (an organisation, an axis) or takes a
 * code already used in the plan. `errors` are catalogue keys by form field, ready for a 400.
 */
export function actionInputError(errors: FieldErrors) {
  return new DomainError("invalid", "actionInput", { fieldErrors: errors });
}

const CODE_TAKEN: FieldErrors = { code: "validation.actionCodeTaken" };

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Whether another action of the plan already uses `code`. */
export async function actionCodeTaken(client: Pick<Client, "action">, planId: string, code: string, exceptActionId?: string) {
  const found = await client.action.findUnique({ where: { planId_code: { planId, code } }, select: { id: true } });
  return found !== null && found.id !== exceptActionId;
}

function unique<T>(values: T[]) {
  return [...new Set(values)];
}
const toDate = (day: string | undefined) => (day ? new Date(`${day}T00:00:00Z`) : null);
const toAmount = (amount: number | undefined) => (amount === undefined ? null : BigInt(amount));

/** The links as they will be stored: no duplicates, no main objective among the others, no lead among partners. */
function normaliseLinks(input: ActionInput) {
  return {
    otherObjectives: unique(input.otherObjectives).filter((number) => number !== input.mainObjectiveNumber).sort((a, b) => a - b),
    axisIds: unique(input.axisIds),
    principleNumbers: unique(input.principleNumbers).sort((a, b) => a - b),
    partnerIds: unique(input.partnerIds).filter((id) => id !== input.leadOrganisationId),
  };
}

type Links = ReturnType<typeof normaliseLinks>;

/**
 * Checks the references and returns what the audit trail records for them (acronyms and
 * axis numbers, which stay readable if ids change). Organisations must be active unless the
 * action already had them (`keep`).
 */
async function resolveReferences(
  client: Client,
  input: ActionInput,
  links: Links,
  keep: { organisationIds: string[]; axisIds: string[] } = { organisationIds: [], axisIds: [] },
) {
  const organisationIds = unique([input.leadOrganisationId, ...links.partnerIds]);
  const organisations = await client.organisation.findMany({
    where: { id: { in: organisationIds } },
    select: { id: true, acronym: true, active: true },
  });
  const axes = links.axisIds.length
    ? await client.policyAxis.findMany({
        where: { id: { in: links.axisIds } },
        select: { id: true, number: true, framework: { select: { isCurrent: true } } },
      })
    : [];
  const usable = new Map(
    organisations.filter((org) => org.active || keep.organisationIds.includes(org.id)).map((org) => [org.id, org.acronym]),
  );
  const axisNumbers = new Map(
    axes.filter((axis) => axis.framework.isCurrent || keep.axisIds.includes(axis.id)).map((axis) => [axis.id, axis.number]),
  );
  const errors: FieldErrors = {};
  if (!usable.has(input.leadOrganisationId)) errors.leadOrganisationId = "validation.unknownOrganisation";
  if (links.partnerIds.some((id) => !usable.has(id))) errors.partnerIds = "validation.unknownOrganisation";
  if (links.axisIds.some((id) => !axisNumbers.has(id))) errors.axisIds = "validation.invalidChoice";
  if (Object.keys(errors).length) throw actionInputError(errors);
  return {
    leadOrganisation: usable.get(input.leadOrganisationId) ?? "",
    partners: links.partnerIds.map((id) => usable.get(id) ?? "").sort(),
    axes: links.axisIds.map((id) => axisNumbers.get(id) ?? 0).sort((a, b) => a - b),
  };
}

function auditFieldsOf(input: ActionInput, links: Links, references: Awaited<ReturnType<typeof resolveReferences>>): ActionAuditFields {
  return {
    code: input.code,
    title: input.title,
    description: input.description ?? null,
    expectedResult: input.expectedResult ?? null,
    mainObjectiveNumber: input.mainObjectiveNumber,
    otherObjectives: links.otherObjectives.join(", "),
    axes: references.axes.join(", "),
    principles: links.principleNumbers.join(", "),
    leadOrganisation: references.leadOrganisation,
    partners: references.partners.join(", "),
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    estimatedBudget: input.estimatedBudget ?? null,
    securedFunding: input.securedFunding ?? null,
    priority: input.priority,
  };
}

function scalarData(input: ActionInput) {
  return {
    code: input.code,
    title: input.title,
    description: input.description ?? null,
    expectedResult: input.expectedResult ?? null,
    mainObjectiveNumber: input.mainObjectiveNumber,
    leadOrganisationId: input.leadOrganisationId,
    startDate: toDate(input.startDate),
    endDate: toDate(input.endDate),
    estimatedBudget: toAmount(input.estimatedBudget),
    securedFunding: toAmount(input.securedFunding),
    priority: input.priority,
  };
}

// One after the other: a transaction is one connection, which runs one query at a time.
async function createLinks(client: Client, actionId: string, links: Links) {
  if (links.otherObjectives.length) {
    await client.actionObjective.createMany({ data: links.otherObjectives.map((objectiveNumber) => ({ actionId, objectiveNumber })) });
  }
  if (links.axisIds.length) await client.actionAxis.createMany({ data: links.axisIds.map((axisId) => ({ actionId, axisId })) });
  if (links.principleNumbers.length) {
    await client.actionPrinciple.createMany({ data: links.principleNumbers.map((principleNumber) => ({ actionId, principleNumber })) });
  }
  if (links.partnerIds.length) {
    await client.actionPartner.createMany({ data: links.partnerIds.map((organisationId) => ({ actionId, organisationId })) });
  }
}

/**
 * Creates an action with its links and an audit entry, inside the caller's transaction
 * (the spreadsheet import creates many in one). Throws a DomainError "actionInput" when the code is
 * already used in the plan or a reference is unknown; the caller's transaction then rolls back.
 */
export async function insertAction(
  tx: Prisma.TransactionClient,
  params: { actorId: string; planId: string; input: ActionInput },
): Promise<{ id: string; code: string }> {
  const { actorId, planId, input } = params;
  if (await actionCodeTaken(tx, planId, input.code)) throw actionInputError(CODE_TAKEN);
  const links = normaliseLinks(input);
  const references = await resolveReferences(tx, input, links);
  let action: { id: string; code: string };
  try {
    action = await tx.action.create({ data: { planId, ...scalarData(input) }, select: { id: true, code: true } });
  } catch (error) {
    // Two people creating the same code at once: the unique index decides.
    if (isUniqueViolation(error)) throw actionInputError(CODE_TAKEN);
    throw error;
  }
  await createLinks(tx, action.id, links);
  await recordAudit(
    { actorId, entityType: "Action", entityId: action.id, action: "create", changes: auditFieldsOf(input, links, references) },
    tx,
  );
  return action;
}

export type SaveActionResult = { ok: true; id: string; code: string } | { ok: false; errors: FieldErrors };

function inputErrorResult(error: unknown): SaveActionResult {
  if (isDomainError(error, "actionInput") && error.fieldErrors) return { ok: false, errors: error.fieldErrors };
  if (isUniqueViolation(error)) return { ok: false, errors: CODE_TAKEN };
  throw error;
}

/**
 * The create form's save: one transaction, field errors instead of exceptions. Throws
 * a DomainError "notDraft" (planStateError) if the plan was adopted meanwhile.
 */
export async function createAction(actorId: string, planId: string, input: ActionInput): Promise<SaveActionResult> {
  try {
    const action = await prisma.$transaction(async (tx) => {
      await lockDraftPlan(tx, planId);
      return insertAction(tx, { actorId, planId, input });
    });
    return { ok: true, ...action };
  } catch (error) {
    return inputErrorResult(error);
  }
}

const storedSelect = {
  id: true,
  planId: true,
  code: true,
  title: true,
  description: true,
  expectedResult: true,
  mainObjectiveNumber: true,
  leadOrganisationId: true,
  startDate: true,
  endDate: true,
  estimatedBudget: true,
  securedFunding: true,
  priority: true,
  version: true,
  leadOrganisation: { select: { acronym: true } },
  otherObjectives: { select: { objectiveNumber: true } },
  axes: { select: { axisId: true, axis: { select: { number: true } } } },
  principles: { select: { principleNumber: true } },
  partners: { select: { organisationId: true, organisation: { select: { acronym: true } } } },
} as const satisfies Prisma.ActionSelect;

type StoredAction = Prisma.ActionGetPayload<{ select: typeof storedSelect }>;

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const amount = (value: bigint | null) => (value === null ? null : Number(value));

function auditFieldsOfStored(action: StoredAction): ActionAuditFields {
  return {
    code: action.code,
    title: action.title,
    description: action.description,
    expectedResult: action.expectedResult,
    mainObjectiveNumber: action.mainObjectiveNumber,
    otherObjectives: action.otherObjectives.map((row) => row.objectiveNumber).sort((a, b) => a - b).join(", "),
    axes: action.axes.map((row) => row.axis.number).sort((a, b) => a - b).join(", "),
    principles: action.principles.map((row) => row.principleNumber).sort((a, b) => a - b).join(", "),
    leadOrganisation: action.leadOrganisation.acronym,
    partners: action.partners.map((row) => row.organisation.acronym).sort().join(", "),
    startDate: isoDay(action.startDate),
    endDate: isoDay(action.endDate),
    estimatedBudget: amount(action.estimatedBudget),
    securedFunding: amount(action.securedFunding),
    priority: action.priority,
  };
}

/** A field someone else changed, with the value now stored (as the audit trail records it). */
export type ConflictingField = { field: ActionAuditField; current: string | number | null };

export type UpdateActionResult =
  | { ok: true; id: string; code: string }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "invalid"; errors: FieldErrors }
  | { ok: false; reason: "conflict"; changed: ConflictingField[]; version: number };

async function loadStored(client: Client, actionId: string) {
  return client.action.findUnique({ where: { id: actionId }, select: storedSelect });
}

/**
 * Saves the edit form if nobody else saved the action since `input.version` was read; the
 * link tables are replaced in the same transaction. On a conflict nothing is written and the
 * result says which fields the other person changed.
 */
export async function updateAction(
  actorId: string,
  actionId: string,
  input: ActionInput & { version: number },
): Promise<UpdateActionResult> {
  try {
    return await prisma.$transaction(async (tx): Promise<UpdateActionResult> => {
      const before = await loadStored(tx, actionId);
      if (!before) return { ok: false, reason: "notFound" };
      await lockDraftPlan(tx, before.planId);
      const links = normaliseLinks(input);
      const conflict = async (): Promise<UpdateActionResult> => {
        // Unknown references must not hide the conflict: list against the raw input then.
        const submitted = await resolveReferences(tx, input, links, keepOf(before)).then(
          (references) => auditFieldsOf(input, links, references),
          () => auditFieldsOf(input, links, { leadOrganisation: "", partners: [], axes: [] }),
        );
        const fresh = (await loadStored(tx, actionId)) ?? before;
        const changed = await fieldsChangedSince(
          tx,
          { entityType: "Action", entityId: fresh.id, version: input.version },
          ACTION_AUDIT_FIELDS,
          { stored: auditFieldsOfStored(fresh), submitted },
        );
        return { ok: false, reason: "conflict", changed, version: fresh.version };
      };
      if (before.version !== input.version) return conflict();
      if (input.code !== before.code && (await actionCodeTaken(tx, before.planId, input.code, actionId))) {
        return { ok: false, reason: "invalid", errors: CODE_TAKEN };
      }
      const references = await resolveReferences(tx, input, links, keepOf(before));
      const updated = await tx.action.updateMany({
        where: { id: actionId, version: input.version },
        data: { ...scalarData(input), version: { increment: 1 } },
      });
      if (updated.count === 0) return conflict();
      await tx.actionObjective.deleteMany({ where: { actionId } });
      await tx.actionAxis.deleteMany({ where: { actionId } });
      await tx.actionPrinciple.deleteMany({ where: { actionId } });
      await tx.actionPartner.deleteMany({ where: { actionId } });
      await createLinks(tx, actionId, links);
      const changes = diffFields(
        { ...auditFieldsOfStored(before), version: before.version },
        { ...auditFieldsOf(input, links, references), version: before.version + 1 },
      );
      // The version alone means nothing was changed; such a save still bumps it, but is not worth a line.
      if (Object.keys(changes).some((key) => key !== "version")) {
        await recordAudit({ actorId, entityType: "Action", entityId: actionId, action: "update", changes }, tx);
      }
      return { ok: true, id: actionId, code: input.code };
    });
  } catch (error) {
    const result = inputErrorResult(error);
    return result.ok ? result : { ok: false, reason: "invalid", errors: result.errors };
  }
}

function keepOf(action: StoredAction) {
  return {
    organisationIds: [action.leadOrganisationId, ...action.partners.map((row) => row.organisationId)],
    axisIds: action.axes.map((row) => row.axisId),
  };
}

/** Deletes the action (its indicators and links go with it) and records what it was. */
export async function deleteAction(actorId: string, actionId: string): Promise<{ ok: boolean }> {
  return prisma.$transaction(async (tx) => {
    const before = await loadStored(tx, actionId);
    if (!before) return { ok: false };
    await lockDraftPlan(tx, before.planId);
    await tx.action.delete({ where: { id: actionId } });
    await recordAudit(
      { actorId, entityType: "Action", entityId: actionId, action: "delete", changes: auditFieldsOfStored(before) },
      tx,
    );
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

const SORTS = {
  code: [{ code: "asc" }],
  "-code": [{ code: "desc" }],
  title: [{ title: "asc" }, { code: "asc" }],
  "-title": [{ title: "desc" }, { code: "asc" }],
} as const satisfies Record<ActionFilters["sort"], Prisma.ActionOrderByWithRelationInput[]>;

/** One page of a plan's actions, filtered as the list's query string says. */
export async function listPlanActions(planId: string, filters: ActionFilters) {
  const conditions: Prisma.ActionWhereInput[] = [{ planId }];
  if (filters.objective) {
    conditions.push({
      OR: [{ mainObjectiveNumber: filters.objective }, { otherObjectives: { some: { objectiveNumber: filters.objective } } }],
    });
  }
  if (filters.axis) conditions.push({ axes: { some: { axisId: filters.axis } } });
  if (filters.lead) conditions.push({ leadOrganisationId: filters.lead });
  if (filters.status) conditions.push({ status: filters.status });
  if (filters.q) {
    conditions.push({
      OR: [
        { code: { contains: filters.q, mode: "insensitive" } },
        { title: { contains: filters.q, mode: "insensitive" } },
        { description: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  }
  const where: Prisma.ActionWhereInput = { AND: conditions };
  const [total, actions] = await Promise.all([
    prisma.action.count({ where }),
    prisma.action.findMany({
      where,
      orderBy: [...SORTS[filters.sort]],
      skip: (filters.page - 1) * ACTIONS_PAGE_SIZE,
      take: ACTIONS_PAGE_SIZE,
      select: {
        id: true,
        code: true,
        title: true,
        status: true,
        progress: true,
        estimatedBudget: true,
        mainObjective: { select: { number: true, titleFr: true, titleEn: true } },
        leadOrganisation: { select: organisationRefSelect },
      },
    }),
  ]);
  return {
    actions: actions.map(({ estimatedBudget, ...action }) => ({ ...action, estimatedBudget: amount(estimatedBudget) })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE)),
  };
}

/** The choices the list's filters and the action form offer. */
export async function getActionChoices(options: { includeOrganisationIds?: string[]; includeAxisIds?: string[] } = {}) {
  const keepOrgs = options.includeOrganisationIds ?? [];
  const keepAxes = options.includeAxisIds ?? [];
  const [objectives, axes, principles, organisations] = await Promise.all([
    prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } }),
    prisma.policyAxis.findMany({
      where: { OR: [{ framework: { isCurrent: true } }, { id: { in: keepAxes } }] },
      orderBy: [{ framework: { isCurrent: "desc" } }, { number: "asc" }],
      select: { id: true, number: true, titleFr: true, titleEn: true },
    }),
    prisma.guidingPrinciple.findMany({ orderBy: { number: "asc" }, select: { number: true, titleFr: true, titleEn: true } }),
    listOrganisationChoices(...keepOrgs),
  ]);
  return { objectives, axes, principles, organisations };
}

/** Everything the action page shows, with amounts as numbers and days as "AAAA-MM-JJ". */
export async function getAction(actionId: string) {
  const action = await prisma.action.findUnique({
    where: { id: actionId },
    select: {
      id: true,
      planId: true,
      code: true,
      title: true,
      description: true,
      expectedResult: true,
      startDate: true,
      endDate: true,
      estimatedBudget: true,
      securedFunding: true,
      priority: true,
      status: true,
      progress: true,
      version: true,
      plan: { select: { id: true, title: true, status: true, startDate: true, endDate: true } },
      mainObjective: { select: { number: true, titleFr: true, titleEn: true } },
      leadOrganisation: { select: organisationRefSelect },
      otherObjectives: {
        orderBy: { objectiveNumber: "asc" },
        select: { objective: { select: { number: true, titleFr: true, titleEn: true } } },
      },
      axes: {
        orderBy: { axis: { number: "asc" } },
        select: { axis: { select: { id: true, number: true, titleFr: true, titleEn: true } } },
      },
      principles: {
        orderBy: { principleNumber: "asc" },
        select: { principle: { select: { number: true, titleFr: true, titleEn: true } } },
      },
      partners: {
        orderBy: { organisation: { acronym: "asc" } },
        select: { organisation: { select: organisationRefSelect } },
      },
      indicators: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
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
          currentValue: true,
        },
      },
    },
  });
  if (!action) return null;
  return {
    ...action,
    startDate: isoDay(action.startDate),
    endDate: isoDay(action.endDate),
    estimatedBudget: amount(action.estimatedBudget),
    securedFunding: amount(action.securedFunding),
    otherObjectives: action.otherObjectives.map((row) => row.objective),
    axes: action.axes.map((row) => row.axis),
    principles: action.principles.map((row) => row.principle),
    partners: action.partners.map((row) => row.organisation),
    indicators: action.indicators.map((indicator) => ({
      ...indicator,
      baselineDate: isoDay(indicator.baselineDate),
      targetDate: isoDay(indicator.targetDate),
    })),
  };
}

/** "1 500 000": grouped as people type amounts (the schema accepts the spaces). */
function amountText(value: bigint | null) {
  return value === null ? "" : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** The stored action as the edit form's values (strings, as the browser sends them). */
export async function getActionFormValues(actionId: string) {
  const action = await prisma.action.findUnique({ where: { id: actionId }, select: storedSelect });
  if (!action) return null;
  return {
    planId: action.planId,
    version: action.version,
    organisationIds: keepOf(action).organisationIds,
    axisIds: keepOf(action).axisIds,
    values: {
      code: action.code,
      title: action.title,
      description: action.description ?? "",
      expectedResult: action.expectedResult ?? "",
      mainObjectiveNumber: String(action.mainObjectiveNumber),
      otherObjectives: action.otherObjectives.map((row) => String(row.objectiveNumber)),
      axisIds: action.axes.map((row) => row.axisId),
      principleNumbers: action.principles.map((row) => String(row.principleNumber)),
      leadOrganisationId: action.leadOrganisationId,
      partnerIds: action.partners.map((row) => row.organisationId),
      startDate: isoDay(action.startDate) ?? "",
      endDate: isoDay(action.endDate) ?? "",
      estimatedBudget: amountText(action.estimatedBudget),
      securedFunding: amountText(action.securedFunding),
      priority: action.priority,
    } satisfies ActionFormValues,
  };
}

/** The audit entries of the action and of its indicators (including removed ones), newest first. */
export async function listActionHistory(actionId: string) {
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Action", entityId: actionId },
        { entityType: "Indicator", changes: { path: ["actionId"], equals: actionId } },
      ],
    },
    orderBy: { at: "desc" },
    take: 200,
    select: { id: true, at: true, entityType: true, entityId: true, action: true, changes: true, actor: { select: personNameSelect } },
  });
  return events;
}

/** The code each objective's next action would get, to pre-fill the create form. */
export async function suggestActionCodes(planId: string) {
  const objectives = await prisma.gcmObjective.findMany({ orderBy: { number: "asc" }, select: { number: true } });
  const codes = await Promise.all(objectives.map(async ({ number }) => [number, await nextActionCode(prisma, planId, number)] as const));
  return Object.fromEntries(codes);
}

/** The few fields a page about the action needs in its heading and guards. */
export async function getActionSummary(actionId: string) {
  return prisma.action.findUnique({
    where: { id: actionId },
    select: { id: true, code: true, title: true, planId: true, plan: { select: { status: true } } },
  });
}
