import { expect, test } from "vitest";
import { createOrganisation, createPlan, createProposal, createWorkingGroup, createWorkshop, createUser } from "../../../tests/factories";
import { prisma } from "~/utils/db.server";
import { acceptProposal, listProposalsForAction, mergedDescription, mergeProposals } from "./consolidation.server";
import { MergeProposalsSchema, ProposalSchema, WorkshopSchema } from "./schema";

test("workshop dates are read as JJ/MM/AAAA or AAAA-MM-JJ, and a one-day workshop is fine", () => {
  const fields = { title: "Atelier", place: "Ségou", organisers: "MMEIA ; OIM", participantIds: "abc" };
  const parsed = WorkshopSchema.safeParse({ ...fields, startDate: "15/08/2019", endDate: "2019-08-15" });
  expect(parsed.success && parsed.data).toMatchObject({ startDate: "2019-08-15", endDate: "2019-08-15", participantIds: ["abc"] });
  const reversed = WorkshopSchema.safeParse({ ...fields, startDate: "16/08/2019", endDate: "15/08/2019" });
  expect(reversed.error?.issues).toMatchObject([{ path: ["endDate"], message: "validation.endBeforeStart" }]);
});

test("a proposal's objective is a whole number from 1 to 23", () => {
  for (const objectiveNumber of ["1", "23", " 7 "]) {
    expect(ProposalSchema.safeParse({ title: "Action", objectiveNumber }).success, objectiveNumber).toBe(true);
  }
  for (const objectiveNumber of ["0", "24", "2.5", "-3", "abc", undefined]) {
    const parsed = ProposalSchema.safeParse({ title: "Action", objectiveNumber });
    expect(parsed.error?.issues[0]?.message, String(objectiveNumber)).toBe("validation.objectiveRequired");
  }
});

test("a merge into an existing action needs only the action; into a new one, a title, objective and lead", () => {
  const existing = MergeProposalsSchema.safeParse({ intent: "merge", proposalIds: "p1", target: "existing", actionId: "a1" });
  expect(existing.success).toBe(true);
  const incomplete = MergeProposalsSchema.safeParse({ intent: "merge", proposalIds: ["p1", "p2"], target: "new", title: "" });
  expect(incomplete.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
    ["title", "validation.required"],
    ["objectiveNumber", "validation.objectiveRequired"],
    ["leadOrganisationId", "validation.required"],
  ]);
});

test("a merged action's description keeps every proposal with its working group and notes", () => {
  expect(
    mergedDescription([
      { title: "Module EMOP", notes: "Avec l'INSTAT.", groupName: "Groupe 1" },
      { title: "Observatoire", notes: null, groupName: "Groupe 3" },
    ]),
  ).toBe("Groupe 1 – « Module EMOP » : Avec l'INSTAT.\n\nGroupe 3 – « Observatoire »");
});

test("two facilitators accepting the same proposal at once: one wins, the other is told it is decided", async () => {
  const [first, second] = [await createUser({ role: "FACILITATOR" }), await createUser({ role: "FACILITATOR" })];
  const plan = await createPlan();
  const workshop = await createWorkshop({ planId: plan.id });
  const group = await createWorkingGroup(workshop.id);
  const lead = await createOrganisation();
  const proposal = await createProposal(group.id, { leadOrganisationId: lead.id });

  const results = await Promise.all([
    acceptProposal(first.id, workshop.id, { intent: "accept", proposalId: proposal.id, leadOrganisationId: lead.id }),
    acceptProposal(second.id, workshop.id, { intent: "accept", proposalId: proposal.id, leadOrganisationId: lead.id }),
  ]);
  expect(results.filter((result) => result.ok)).toHaveLength(1);
  expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "alreadyDecided" }]);
  expect(await prisma.action.count({ where: { planId: plan.id } })).toBe(1);
});

test("proposals accepted at the same moment under one objective get distinct action codes", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  const plan = await createPlan();
  const workshop = await createWorkshop({ planId: plan.id });
  const group = await createWorkingGroup(workshop.id);
  const lead = await createOrganisation();
  const proposals = await Promise.all([1, 2, 3].map(() => createProposal(group.id, { objectiveNumber: 22 })));

  const results = await Promise.all(
    proposals.map((proposal) =>
      acceptProposal(facilitator.id, workshop.id, { intent: "accept", proposalId: proposal.id, leadOrganisationId: lead.id }),
    ),
  );
  expect(results.every((result) => result.ok)).toBe(true);
  const codes = await prisma.action.findMany({ where: { planId: plan.id }, orderBy: { code: "asc" }, select: { code: true } });
  expect(codes.map((action) => action.code)).toEqual(["O22-01", "O22-02", "O22-03"]);
});

test("an action lists the proposals it came from, with their workshop and working group", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  const plan = await createPlan();
  const workshop = await createWorkshop({ planId: plan.id, title: "Atelier de Kayes" });
  const group = await createWorkingGroup(workshop.id, { name: "Groupe diaspora" });
  const lead = await createOrganisation();
  const [first, second] = [
    await createProposal(group.id, { title: "Guichet diaspora" }),
    await createProposal(group.id, { title: "Fonds de garantie" }),
  ];
  const result = await mergeProposals(facilitator.id, workshop.id, {
    intent: "merge",
    proposalIds: [first.id, second.id],
    target: "new",
    title: "Appuyer l'investissement de la diaspora",
    objectiveNumber: 21,
    leadOrganisationId: lead.id,
  });
  if (!result.ok || !result.actionId) throw new Error("the merge failed");

  const origin = await listProposalsForAction(result.actionId);
  expect(origin).toMatchObject([
    { title: "Guichet diaspora", status: "MERGED", decidedBy: { name: expect.any(String) }, workingGroup: { name: "Groupe diaspora" }, workshop: { id: workshop.id, title: "Atelier de Kayes" } },
    { title: "Fonds de garantie", status: "MERGED", workshop: { id: workshop.id } },
  ]);
  expect(await listProposalsForAction("no-such-action")).toEqual([]);
});
