import { expect, test } from "vitest";
import { createAction, createOrganisation, createPlan, uniqueSuffix } from "../../../tests/factories";
import { insertIndicator } from "~/modules/indicators/indicators.server";
import { IndicatorSchema } from "~/modules/indicators/schema";
import { prisma } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { createAction as saveNewAction, deleteAction, insertAction, updateAction } from "./actions.server";
import { describeHistory } from "./history";
import { actionSchema, type ActionInput } from "./schema";

async function actor() {
  return prisma.user.create({
    data: { email: `actor-${uniqueSuffix()}@test.ml`, name: "Awa Traoré", passwordHash: "x", role: "FACILITATOR" },
    select: { id: true },
  });
}

async function input(overrides: Partial<ActionInput> = {}): Promise<ActionInput> {
  const lead = await createOrganisation();
  return {
    code: "O21-01",
    title: "Réinsertion des migrants de retour",
    mainObjectiveNumber: 21,
    otherObjectives: [],
    axisIds: [],
    principleNumbers: [],
    leadOrganisationId: lead.id,
    partnerIds: [],
    priority: "MEDIUM",
    ...overrides,
  };
}

test("insertAction works inside the caller's transaction: several actions and indicators commit together", async () => {
  const { id: actorId } = await actor();
  const plan = await createPlan();
  const first = await input({ code: "O21-01" });
  const second = await input({ code: "O21-02" });
  const indicator = IndicatorSchema.parse({ name: "Migrants accompagnés", kind: "NUMBER", frequency: "ANNUAL", targetValue: "100" });
  const created = await prisma.$transaction(async (tx) => {
    const a = await insertAction(tx, { actorId, planId: plan.id, input: first });
    const b = await insertAction(tx, { actorId, planId: plan.id, input: second });
    await insertIndicator(tx, { actorId, actionId: a.id, input: indicator, position: 4 });
    await insertIndicator(tx, { actorId, actionId: a.id, input: indicator });
    return [a, b];
  });
  expect(created.map((action) => action.code)).toEqual(["O21-01", "O21-02"]);
  const positions = await prisma.indicator.findMany({ where: { actionId: created[0]?.id }, orderBy: { position: "asc" }, select: { position: true } });
  expect(positions).toEqual([{ position: 4 }, { position: 5 }]);
  expect(await prisma.auditEvent.count({ where: { actorId } })).toBe(4);
});

test("insertAction throws a DomainError (invalid action input) on a code already in the plan, and the caller's transaction writes nothing", async () => {
  const { id: actorId } = await actor();
  const plan = await createPlan();
  await createAction(plan.id, { code: "O21-01" });
  const other = await input({ code: "O21-02" });
  const duplicate = await input({ code: "O21-01" });
  const attempt = prisma.$transaction(async (tx) => {
    await insertAction(tx, { actorId, planId: plan.id, input: other });
    await insertAction(tx, { actorId, planId: plan.id, input: duplicate });
  });
  await expect(attempt).rejects.toMatchObject({ kind: "invalid", reason: "actionInput", fieldErrors: { code: "validation.actionCodeTaken" } });
  expect(await prisma.action.count({ where: { planId: plan.id } })).toBe(1);
  expect(await prisma.auditEvent.count({ where: { actorId } })).toBe(0);
});

test("two saves of the same new code at once: one wins, the other gets validation.actionCodeTaken", async () => {
  const { id: actorId } = await actor();
  const plan = await createPlan();
  const [a, b] = await Promise.all([input(), input()]);
  const results = await Promise.all([saveNewAction(actorId, plan.id, a), saveNewAction(actorId, plan.id, b)]);
  expect(results.filter((result) => result.ok)).toHaveLength(1);
  expect(results.find((result) => !result.ok)).toEqual({ ok: false, errors: { code: "validation.actionCodeTaken" } });
});

test("links are stored without duplicates, without the main objective among the others and without the lead among partners", async () => {
  const { id: actorId } = await actor();
  const plan = await createPlan();
  const partner = await createOrganisation();
  const base = await input();
  const axis = await prisma.policyAxis.findFirstOrThrow({ where: { framework: { isCurrent: true } }, select: { id: true } });
  const created = await saveNewAction(actorId, plan.id, {
    ...base,
    otherObjectives: [21, 3, 3],
    axisIds: [axis.id, axis.id],
    principleNumbers: [2, 2],
    partnerIds: [partner.id, base.leadOrganisationId, partner.id],
  });
  if (!created.ok) throw new Error("not created");
  const stored = await prisma.action.findUniqueOrThrow({
    where: { id: created.id },
    select: { otherObjectives: { select: { objectiveNumber: true } }, axes: true, principles: true, partners: { select: { organisationId: true } } },
  });
  expect(stored.otherObjectives).toEqual([{ objectiveNumber: 3 }]);
  expect(stored.axes).toHaveLength(1);
  expect(stored.principles).toHaveLength(1);
  expect(stored.partners).toEqual([{ organisationId: partner.id }]);
});

test("an axis of a framework that is not the current one is refused on axisIds", async () => {
  const { id: actorId } = await actor();
  const plan = await createPlan();
  const old = await prisma.policyFramework.create({
    data: { code: `OLD-${uniqueSuffix()}`, nameFr: "Ancien cadre", nameEn: "Old framework", axes: { create: { number: 1, titleFr: "Axe", titleEn: "Axis" } } },
    select: { axes: { select: { id: true } } },
  });
  const result = await saveNewAction(actorId, plan.id, await input({ axisIds: [old.axes[0]?.id ?? ""] }));
  expect(result).toEqual({ ok: false, errors: { axisIds: "validation.invalidChoice" } });
});

test("writes refuse a plan that stopped being a draft after the route checked it", async () => {
  const { id: actorId } = await actor();
  const plan = await createPlan();
  const action = await createAction(plan.id, { code: "O21-01" });
  await prisma.actionPlan.update({ where: { id: plan.id }, data: { status: "ADOPTED" } });
  await expect(saveNewAction(actorId, plan.id, await input({ code: "O21-02" }))).rejects.toMatchObject({ kind: "conflict", reason: "notDraft" });
  await expect(updateAction(actorId, action.id, { ...(await input()), version: 1 })).rejects.toMatchObject({ kind: "conflict", reason: "notDraft" });
  await expect(deleteAction(actorId, action.id)).rejects.toMatchObject({ kind: "conflict", reason: "notDraft" });
  expect(await prisma.action.count({ where: { planId: plan.id } })).toBe(1);
});

test("the schema's plan period and the stored dates agree: a day is stored at midnight UTC", async () => {
  const { id: actorId } = await actor();
  const plan = await createPlan({ startDate: "2025-01-01", endDate: "2027-12-31" });
  const parsed = actionSchema({ startDate: "2025-01-01", endDate: "2027-12-31" }).parse({
    code: "o21-05",
    title: "Action",
    mainObjectiveNumber: "21",
    leadOrganisationId: (await createOrganisation()).id,
    priority: "LOW",
    startDate: "01/01/2025",
    endDate: "31/12/2027",
  });
  const created = await saveNewAction(actorId, plan.id, parsed);
  if (!created.ok) throw new Error("not created");
  const stored = await prisma.action.findUniqueOrThrow({ where: { id: created.id }, select: { startDate: true, endDate: true, code: true } });
  expect(stored.code).toBe("O21-05");
  expect(stored.startDate?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
  expect(stored.endDate?.toISOString()).toBe("2027-12-31T00:00:00.000Z");
});

test("the history reads in French: who did what, and each field's change with formatted values", () => {
  const t = translator("fr");
  const lines = describeHistory(
    t,
    "fr",
    [
      {
        id: "2",
        at: "2025-02-01T10:00:00Z",
        entityType: "Indicator",
        entityId: "ind1",
        action: "update",
        changes: { actionId: "a1", kind: { from: "NUMBER", to: "PERCENTAGE" }, version: { from: 1, to: 2 } },
        actor: null,
      },
      {
        id: "1",
        at: "2025-01-15T09:30:00Z",
        entityType: "Action",
        entityId: "a1",
        action: "update",
        changes: {
          estimatedBudget: { from: 1_500_000, to: 2_000_000 },
          startDate: { from: null, to: "2025-03-01" },
          priority: { from: "MEDIUM", to: "HIGH" },
          version: { from: 1, to: 2 },
        },
        actor: { name: "Awa Traoré" },
      },
    ],
    [{ id: "ind1", name: "Taux de scolarisation" }],
  );
  expect(lines[0]).toMatchObject({ who: "Un utilisateur supprimé", summary: "a modifié l'indicateur « Taux de scolarisation »", details: ["Type de valeur : Nombre → Pourcentage"] });
  expect(lines[1]?.summary).toBe("a modifié l'action");
  // French groups digits with narrow no-break spaces.
  expect(lines[1]?.details.map((line) => line.replace(/[\u202f\u00a0]/g, " "))).toEqual([
    "Budget estimé : 1 500 000 FCFA → 2 000 000 FCFA",
    "Date de début : (vide) → 1 mars 2025",
    "Priorité : Moyenne → Haute",
  ]);
});
