import { expect, test } from "vitest";
import {
  createAction,
  createOrganisation,
  createPlan,
  createProposal,
  createWorkingGroup,
  createWorkshop,
  signedInAs,
} from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import { segouWorkshop } from "../../prisma/data/demo";
import type { Role } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { action as consolidateAction, loader as consolidateLoader } from "./workshops.$workshopId.consolidate";
import { action as editAction } from "./workshops.$workshopId.edit";
import { action as proposalAction, loader as groupLoader } from "./workshops.$workshopId.groups.$groupId";
import { action as newGroupAction } from "./workshops.$workshopId.groups.new";
import { loader as workshopLoader } from "./workshops.$workshopId._index";
import { action as mergeAction, loader as mergeLoader } from "./workshops.$workshopId.merge";
import { loader as listLoader } from "./workshops._index";
import { action as newWorkshopAction, loader as newWorkshopLoader } from "./workshops.new";

type Action = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

function post(fn: Action, path: string, params: Record<string, string>, fields: Record<string, string | string[]>, cookie?: string) {
  return call(() => fn({ request: postRequest(path, fields, { cookie }), params, context }));
}

function consolidate(workshopId: string, fields: Record<string, string | string[]>, cookie: string) {
  return post(consolidateAction, `/workshops/${workshopId}/consolidate`, { workshopId }, fields, cookie);
}

function merge(workshopId: string, fields: Record<string, string | string[]>, cookie: string) {
  return post(mergeAction, `/workshops/${workshopId}/merge`, { workshopId }, { intent: "merge", ...fields }, cookie);
}

/** Every table these pages write to: a refused request must leave them all as they were. */
async function writes() {
  const [workshops, groups, proposals, decided, actions, audits] = await Promise.all([
    prisma.workshop.count(),
    prisma.workingGroup.count(),
    prisma.actionProposal.count(),
    prisma.actionProposal.count({ where: { status: { not: "PENDING" } } }),
    prisma.action.count(),
    prisma.auditEvent.count(),
  ]);
  return { workshops, groups, proposals, decided, actions, audits };
}

/** A draft plan, a workshop feeding it, one working group (objectives 21, 22) and a lead organisation. */
async function draftSetup() {
  const plan = await createPlan();
  const workshop = await createWorkshop({ planId: plan.id });
  const group = await createWorkingGroup(workshop.id, { name: "Groupe 3 – Diaspora et développement" });
  const lead = await createOrganisation();
  return { plan, workshop, group, lead };
}

const validWorkshop = {
  title: "Atelier de validation du plan révisé",
  startDate: "2025-03-10",
  endDate: "12/03/2025",
  place: "Bamako",
  organisers: "MMEIA ; OIM Mali",
  notes: "",
};

test("a facilitator records a workshop with its participants and plan, and an audit entry is written", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const [first, second] = [await createOrganisation(), await createOrganisation()];
  const result = await post(newWorkshopAction, "/workshops/new", {}, {
    ...validWorkshop,
    planId: plan.id,
    participantIds: [first.id, second.id],
  }, cookie);

  const workshop = await prisma.workshop.findFirstOrThrow({
    where: { title: validWorkshop.title },
    select: { id: true, planId: true, startDate: true, endDate: true, notes: true, participants: { select: { organisationId: true } } },
  });
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/workshops/${workshop.id}?notice=created`);
  expect(workshop.planId).toBe(plan.id);
  expect(workshop.endDate.toISOString().slice(0, 10)).toBe("2025-03-12");
  expect(workshop.notes).toBeNull();
  expect(workshop.participants.map((participant) => participant.organisationId).sort()).toEqual([first.id, second.id].sort());
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Workshop", entityId: workshop.id, action: "create" } });
  expect(audit.actorId).toBe(user.id);
});

test("a workshop without a title gets 400 with validation.required, keeps what was typed and writes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const before = await writes();
  const result = await post(newWorkshopAction, "/workshops/new", {}, { ...validWorkshop, title: "  " }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { title: "validation.required" }, values: { place: "Bamako", organisers: "MMEIA ; OIM Mali" } });
  expect(await writes()).toEqual(before);
});

test("a workshop ending before it starts gets 400 with validation.endBeforeStart and writes nothing", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const before = await writes();
  const result = await post(newWorkshopAction, "/workshops/new", {}, { ...validWorkshop, startDate: "15/08/2019", endDate: "14/08/2019" }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { endDate: "validation.endBeforeStart" } });
  expect(await writes()).toEqual(before);
});

test("an unknown plan or an inactive organisation is refused with 400", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const inactive = await createOrganisation({ active: false });
  const before = await writes();
  const result = await post(newWorkshopAction, "/workshops/new", {}, {
    ...validWorkshop,
    planId: "nonexistentplan",
    participantIds: [inactive.id],
  }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { planId: "validation.invalidChoice", participantIds: "validation.unknownOrganisation" } });
  expect(await writes()).toEqual(before);
});

test("a facilitator adds two working groups with their objectives and lands on the proposal entry page", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const workshop = await createWorkshop();
  const path = `/workshops/${workshop.id}/groups/new`;
  const first = await post(newGroupAction, path, { workshopId: workshop.id }, { name: "Groupe 1 – Gouvernance", moderator: "MSPC", objectiveNumbers: ["1", "3", "11"] }, cookie);
  const second = await post(newGroupAction, path, { workshopId: workshop.id }, { name: "Groupe 2 – Protection", moderator: "", objectiveNumbers: "7" }, cookie);

  const groups = await prisma.workingGroup.findMany({
    where: { workshopId: workshop.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, moderator: true, objectives: { orderBy: { objectiveNumber: "asc" }, select: { objectiveNumber: true } } },
  });
  expect(groups).toHaveLength(2);
  expect(first.location).toBe(`/workshops/${workshop.id}/groups/${groups[0]?.id}?notice=groupCreated`);
  expect(second.status).toBe(302);
  expect(groups[0]?.objectives.map((link) => link.objectiveNumber)).toEqual([1, 3, 11]);
  expect(groups[1]).toMatchObject({ name: "Groupe 2 – Protection", moderator: null, objectives: [{ objectiveNumber: 7 }] });
});

test("a working group needs a name and at least one objective", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const workshop = await createWorkshop();
  const before = await writes();
  const result = await post(newGroupAction, `/workshops/${workshop.id}/groups/new`, { workshopId: workshop.id }, { name: "", moderator: "" }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { name: "validation.required", objectiveNumbers: "workshops.groups.objectivesRequired" } });
  expect(await writes()).toEqual(before);
});

test("a proposal is saved and the facilitator is sent back to the same form, keeping the objective", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const { workshop, group, lead } = await draftSetup();
  const path = `/workshops/${workshop.id}/groups/${group.id}`;
  const params = { workshopId: workshop.id, groupId: group.id };
  const first = await post(proposalAction, path, params, { title: "Créer un guichet unique pour la diaspora", objectiveNumber: "19", leadOrganisationId: lead.id, notes: "Avec le HCME." }, cookie);
  // Outside the group's objectives (21, 22): allowed, and no lead organisation yet.
  const second = await post(proposalAction, path, params, { title: "Mieux informer les candidats au départ", objectiveNumber: "3", leadOrganisationId: "", notes: "" }, cookie);

  expect(first.status).toBe(302);
  expect(first.location).toBe(`${path}?notice=proposalAdded&objective=19`);
  expect(second.location).toBe(`${path}?notice=proposalAdded&objective=3`);
  const proposals = await prisma.actionProposal.findMany({
    where: { workingGroupId: group.id },
    orderBy: { createdAt: "asc" },
    select: { title: true, objectiveNumber: true, leadOrganisationId: true, notes: true, status: true, createdById: true },
  });
  expect(proposals).toEqual([
    { title: "Créer un guichet unique pour la diaspora", objectiveNumber: 19, leadOrganisationId: lead.id, notes: "Avec le HCME.", status: "PENDING", createdById: user.id },
    { title: "Mieux informer les candidats au départ", objectiveNumber: 3, leadOrganisationId: null, notes: null, status: "PENDING", createdById: user.id },
  ]);

  const page = await call(() => groupLoader({ request: getRequest(`${path}?notice=proposalAdded&objective=3`, { cookie }), params, context }));
  expect(page.body).toMatchObject({ notice: "workshops.notice.proposalAdded", defaultObjective: "3", canEdit: true });
});

test("a proposal without a title or with an objective outside 1-23 gets 400 and writes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { workshop, group } = await draftSetup();
  const path = `/workshops/${workshop.id}/groups/${group.id}`;
  const params = { workshopId: workshop.id, groupId: group.id };
  const before = await writes();

  const untitled = await post(proposalAction, path, params, { title: "", objectiveNumber: "21" }, cookie);
  expect(untitled.status).toBe(400);
  expect(untitled.body).toMatchObject({ errors: { title: "validation.required" }, values: { objectiveNumber: "21" } });
  for (const objectiveNumber of ["0", "24", "abc", ""]) {
    const result = await post(proposalAction, path, params, { title: "Une action", objectiveNumber }, cookie);
    expect(result.status, objectiveNumber).toBe(400);
    expect(result.body).toMatchObject({ errors: { objectiveNumber: "validation.objectiveRequired" }, values: { title: "Une action" } });
  }
  expect(await writes()).toEqual(before);
});

test("a proposal for a group of another workshop is not found", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { group } = await draftSetup();
  const other = await createWorkshop();
  const result = await post(proposalAction, `/workshops/${other.id}/groups/${group.id}`, { workshopId: other.id, groupId: group.id }, { title: "Une action", objectiveNumber: "21" }, cookie);
  expect(result.status).toBe(404);
});

test("accepting a proposal creates the plan action, links the proposal to it and records both in the audit trail", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const { plan, workshop, group, lead } = await draftSetup();
  await createAction(plan.id, { code: "O21-01", mainObjectiveNumber: 21 });
  const proposal = await createProposal(group.id, { title: "Accompagner les migrants de retour", notes: "Priorité aux régions de Kayes et Gao." });

  const result = await consolidate(workshop.id, { intent: "accept", proposalId: proposal.id, leadOrganisationId: lead.id }, cookie);

  const stored = await prisma.actionProposal.findUniqueOrThrow({
    where: { id: proposal.id },
    select: { status: true, actionId: true, decidedById: true, decidedAt: true },
  });
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/workshops/${workshop.id}/consolidate?notice=accepted&action=${stored.actionId}`);
  expect(stored).toMatchObject({ status: "ACCEPTED", decidedById: user.id });
  expect(stored.decidedAt).toBeInstanceOf(Date);
  const created = await prisma.action.findUniqueOrThrow({
    where: { id: stored.actionId ?? "" },
    select: { planId: true, code: true, title: true, description: true, mainObjectiveNumber: true, leadOrganisationId: true, priority: true },
  });
  expect(created).toEqual({
    planId: plan.id,
    code: "O21-02",
    title: "Accompagner les migrants de retour",
    description: "Priorité aux régions de Kayes et Gao.",
    mainObjectiveNumber: 21,
    leadOrganisationId: lead.id,
    priority: "MEDIUM",
  });
  const audits = await prisma.auditEvent.findMany({
    where: { OR: [{ entityId: stored.actionId ?? "" }, { entityId: proposal.id }] },
    select: { entityType: true, action: true, actorId: true },
  });
  expect(audits).toEqual(
    expect.arrayContaining([
      { entityType: "Action", action: "create", actorId: user.id },
      { entityType: "ActionProposal", action: "accept", actorId: user.id },
    ]),
  );

  const page = await call(() =>
    consolidateLoader({ request: getRequest(result.location ?? "", { cookie }), params: { workshopId: workshop.id }, context }),
  );
  expect(page.body).toMatchObject({ notice: "workshops.notice.accepted", noticeAction: { id: stored.actionId, code: "O21-02" } });
});

test("accepting a proposal that has no lead organisation asks for one: 400 and nothing written", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { workshop, group } = await draftSetup();
  const proposal = await createProposal(group.id);
  const before = await writes();
  const result = await consolidate(workshop.id, { intent: "accept", proposalId: proposal.id, leadOrganisationId: "" }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ intent: "accept", proposalId: proposal.id, errors: { leadOrganisationId: "validation.required" } });
  expect(await writes()).toEqual(before);
});

test("deciding a proposal that is already decided gets 409 and changes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { workshop, group, lead } = await draftSetup();
  const proposal = await createProposal(group.id, { leadOrganisationId: lead.id });
  const other = await createProposal(group.id);
  await consolidate(workshop.id, { intent: "accept", proposalId: proposal.id, leadOrganisationId: lead.id }, cookie);
  const before = await writes();

  const again = await consolidate(workshop.id, { intent: "accept", proposalId: proposal.id, leadOrganisationId: lead.id }, cookie);
  const rejected = await consolidate(workshop.id, { intent: "reject", proposalId: proposal.id, rejectionReason: "Doublon" }, cookie);
  const merged = await merge(workshop.id, { proposalIds: [proposal.id, other.id], target: "new", title: "Fusion", objectiveNumber: "21", leadOrganisationId: lead.id }, cookie);
  for (const result of [again, rejected, merged]) {
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ errors: { form: "workshops.consolidate.alreadyDecided" } });
  }
  expect(await writes()).toEqual(before);
  expect(await prisma.actionProposal.findUniqueOrThrow({ where: { id: other.id }, select: { status: true } })).toEqual({ status: "PENDING" });
});

test("rejecting needs a reason; a rejected proposal is kept with its reason", async () => {
  const { cookie, user } = await signedInAs("ADMIN");
  const { workshop, group } = await draftSetup();
  const proposal = await createProposal(group.id, { title: "Construire des centres d'hébergement" });
  const before = await writes();

  const missing = await consolidate(workshop.id, { intent: "reject", proposalId: proposal.id, rejectionReason: " " }, cookie);
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ intent: "reject", errors: { rejectionReason: "validation.required" } });
  expect(await writes()).toEqual(before);

  const result = await consolidate(workshop.id, { intent: "reject", proposalId: proposal.id, rejectionReason: "Coût hors de portée du plan." }, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/workshops/${workshop.id}/consolidate?notice=rejected`);
  expect(await prisma.actionProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
    title: "Construire des centres d'hébergement",
    status: "REJECTED",
    rejectionReason: "Coût hors de portée du plan.",
    actionId: null,
    decidedById: user.id,
  });
  expect(await prisma.auditEvent.count({ where: { entityType: "ActionProposal", entityId: proposal.id, action: "reject" } })).toBe(1);
});

test("merging proposals of two groups makes one new action that every proposal links to", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { plan, workshop, group, lead } = await draftSetup();
  const otherGroup = await createWorkingGroup(workshop.id, { name: "Groupe 1 – Données", objectiveNumbers: [1] });
  const emop = await createProposal(otherGroup.id, { title: "Module migration dans l'EMOP", objectiveNumber: 1, notes: "Avec l'INSTAT." });
  const observatory = await createProposal(group.id, { title: "Observatoire des migrations", objectiveNumber: 21, notes: "Rattaché au ministère." });
  const untouched = await createProposal(group.id);

  const selection = await call(() =>
    mergeLoader({
      request: getRequest(`/workshops/${workshop.id}/merge?proposalIds=${emop.id}&proposalIds=${observatory.id}`, { cookie }),
      params: { workshopId: workshop.id },
      context,
    }),
  );
  expect(selection.body).toMatchObject({ proposals: [{ id: emop.id }, { id: observatory.id }], leftOut: 0 });

  const result = await merge(workshop.id, {
    proposalIds: [emop.id, observatory.id],
    target: "new",
    title: "Créer un système national de données sur les migrations",
    objectiveNumber: "1",
    leadOrganisationId: lead.id,
  }, cookie);

  expect(result.status).toBe(302);
  const proposals = await prisma.actionProposal.findMany({
    where: { id: { in: [emop.id, observatory.id, untouched.id] } },
    select: { id: true, status: true, actionId: true },
  });
  const actionId = proposals.find((proposal) => proposal.id === emop.id)?.actionId ?? "";
  expect(result.location).toBe(`/workshops/${workshop.id}/consolidate?notice=merged&action=${actionId}`);
  expect(proposals).toEqual(
    expect.arrayContaining([
      { id: emop.id, status: "MERGED", actionId },
      { id: observatory.id, status: "MERGED", actionId },
      { id: untouched.id, status: "PENDING", actionId: null },
    ]),
  );
  const created = await prisma.action.findUniqueOrThrow({ where: { id: actionId }, select: { planId: true, code: true, title: true, description: true, mainObjectiveNumber: true } });
  expect(created).toMatchObject({ planId: plan.id, code: "O01-01", title: "Créer un système national de données sur les migrations", mainObjectiveNumber: 1 });
  expect(created.description).toBe(
    "Groupe 1 – Données – « Module migration dans l'EMOP » : Avec l'INSTAT.\n\n" +
      "Groupe 3 – Diaspora et développement – « Observatoire des migrations » : Rattaché au ministère.",
  );
  expect(await prisma.auditEvent.count({ where: { entityType: "ActionProposal", action: "merge", entityId: { in: [emop.id, observatory.id] } } })).toBe(2);
});

test("a merge into a new action needs two proposals and an objective among theirs", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { workshop, group, lead } = await draftSetup();
  const [first, second] = [await createProposal(group.id, { objectiveNumber: 21 }), await createProposal(group.id, { objectiveNumber: 22 })];
  const before = await writes();
  const fields = { target: "new", title: "Action commune", leadOrganisationId: lead.id };

  const alone = await merge(workshop.id, { ...fields, proposalIds: [first.id], objectiveNumber: "21" }, cookie);
  expect(alone.status).toBe(400);
  expect(alone.body).toMatchObject({ errors: { proposalIds: "workshops.merge.tooFew" } });
  const foreignObjective = await merge(workshop.id, { ...fields, proposalIds: [first.id, second.id], objectiveNumber: "5" }, cookie);
  expect(foreignObjective.status).toBe(400);
  expect(foreignObjective.body).toMatchObject({ errors: { objectiveNumber: "workshops.merge.objectiveNotAmong" } });
  const noLead = await merge(workshop.id, { ...fields, proposalIds: [first.id, second.id], objectiveNumber: "22", leadOrganisationId: "" }, cookie);
  expect(noLead.status).toBe(400);
  expect(noLead.body).toMatchObject({ errors: { leadOrganisationId: "validation.required" } });
  expect(await writes()).toEqual(before);
});

test("proposals of another workshop cannot be merged in", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { workshop, group, lead } = await draftSetup();
  const elsewhere = await draftSetup();
  const mine = await createProposal(group.id);
  const theirs = await createProposal(elsewhere.group.id);
  const before = await writes();
  const result = await merge(workshop.id, { proposalIds: [mine.id, theirs.id], target: "new", title: "Fusion", objectiveNumber: "21", leadOrganisationId: lead.id }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ errors: { proposalIds: "workshops.merge.unknownProposal" } });
  expect(await writes()).toEqual(before);
});

test("proposals can be merged into an action already in the plan, but not into another plan's", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { plan, workshop, group } = await draftSetup();
  const existing = await createAction(plan.id, { code: "O21-01" });
  const foreign = await createAction((await createPlan()).id);
  const [first, second] = [await createProposal(group.id), await createProposal(group.id)];

  const refused = await merge(workshop.id, { proposalIds: [first.id, second.id], target: "existing", actionId: foreign.id }, cookie);
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ errors: { actionId: "validation.invalidChoice" } });

  const actionsBefore = await prisma.action.count();
  const result = await merge(workshop.id, { proposalIds: [first.id, second.id], target: "existing", actionId: existing.id }, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/workshops/${workshop.id}/consolidate?notice=merged&action=${existing.id}`);
  expect(await prisma.action.count()).toBe(actionsBefore);
  const stored = await prisma.actionProposal.findMany({ where: { id: { in: [first.id, second.id] } }, select: { status: true, actionId: true } });
  expect(stored).toEqual([
    { status: "MERGED", actionId: existing.id },
    { status: "MERGED", actionId: existing.id },
  ]);
});

test("consolidating into an adopted plan is refused with 409, as for the Ségou workshop", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const segou = await prisma.workshop.findFirstOrThrow({
    where: { title: segouWorkshop.title },
    select: { id: true, plan: { select: { status: true } }, workingGroups: { select: { proposals: { where: { status: "PENDING" }, select: { id: true, leadOrganisationId: true } } } } },
  });
  expect(segou.plan?.status).toBe("ADOPTED");
  const [first, second] = segou.workingGroups.flatMap((group) => group.proposals);
  const lead = await createOrganisation();
  const before = await writes();

  const accepted = await consolidate(segou.id, { intent: "accept", proposalId: first?.id ?? "", leadOrganisationId: lead.id }, cookie);
  const rejected = await consolidate(segou.id, { intent: "reject", proposalId: first?.id ?? "", rejectionReason: "Hors sujet" }, cookie);
  const merged = await merge(segou.id, { proposalIds: [first?.id ?? "", second?.id ?? ""], target: "new", title: "Fusion", objectiveNumber: "13", leadOrganisationId: lead.id }, cookie);
  for (const result of [accepted, rejected, merged]) expect(result.status).toBe(409);
  expect(await writes()).toEqual(before);

  const page = await call(() => consolidateLoader({ request: getRequest(`/workshops/${segou.id}/consolidate`, { cookie }), params: { workshopId: segou.id }, context }));
  expect(page.status).toBe(200);
  expect(page.body).toMatchObject({ workshop: { plan: { status: "ADOPTED" } } });
});

test("a workshop that feeds no plan cannot be consolidated (409)", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const workshop = await createWorkshop();
  const group = await createWorkingGroup(workshop.id);
  const proposal = await createProposal(group.id);
  const result = await consolidate(workshop.id, { intent: "reject", proposalId: proposal.id, rejectionReason: "Hors sujet" }, cookie);
  expect(result.status).toBe(409);
  expect(await prisma.actionProposal.findUniqueOrThrow({ where: { id: proposal.id }, select: { status: true } })).toEqual({ status: "PENDING" });
});

test("an edit based on an outdated workshop gets 409 and keeps the editor's values; a fresh one links the plan", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const workshop = await createWorkshop();
  const plan = await createPlan();
  const fields = { ...validWorkshop, planId: plan.id, participantIds: [] };
  const params = { workshopId: workshop.id };
  const path = `/workshops/${workshop.id}/edit`;

  const stale = await post(editAction, path, params, { ...fields, updatedAt: "2020-01-01T00:00:00.000Z" }, cookie);
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ errors: { form: "conflict.stale" }, values: { title: validWorkshop.title } });

  const fresh = await post(editAction, path, params, { ...fields, updatedAt: workshop.updatedAt.toISOString() }, cookie);
  expect(fresh.status).toBe(302);
  expect(fresh.location).toBe(`/workshops/${workshop.id}?notice=saved`);
  const stored = await prisma.workshop.findUniqueOrThrow({ where: { id: workshop.id }, select: { planId: true, title: true, participants: true } });
  expect(stored).toEqual({ planId: plan.id, title: validWorkshop.title, participants: [] });
  expect(await prisma.auditEvent.count({ where: { entityType: "Workshop", entityId: workshop.id, action: "update" } })).toBe(1);
});

test("focal points, reviewers and observers can read workshops but every write is refused with 403", async () => {
  const { workshop, group, lead } = await draftSetup();
  const proposal = await createProposal(group.id, { leadOrganisationId: lead.id });
  const second = await createProposal(group.id);
  const before = await writes();
  const workshopId = workshop.id;
  for (const role of ["FOCAL_POINT", "REVIEWER", "OBSERVER"] satisfies Role[]) {
    const { cookie } = await signedInAs(role);
    const attempts = [
      await post(newWorkshopAction, "/workshops/new", {}, validWorkshop, cookie),
      await post(editAction, `/workshops/${workshopId}/edit`, { workshopId }, { ...validWorkshop, updatedAt: workshop.updatedAt.toISOString() }, cookie),
      await post(newGroupAction, `/workshops/${workshopId}/groups/new`, { workshopId }, { name: "Groupe", objectiveNumbers: "1" }, cookie),
      await post(proposalAction, `/workshops/${workshopId}/groups/${group.id}`, { workshopId, groupId: group.id }, { title: "Action", objectiveNumber: "21" }, cookie),
      await consolidate(workshopId, { intent: "accept", proposalId: proposal.id, leadOrganisationId: lead.id }, cookie),
      await consolidate(workshopId, { intent: "reject", proposalId: proposal.id, rejectionReason: "Non" }, cookie),
      await merge(workshopId, { proposalIds: [proposal.id, second.id], target: "new", title: "Fusion", objectiveNumber: "21", leadOrganisationId: lead.id }, cookie),
      await call(() => newWorkshopLoader({ request: getRequest("/workshops/new", { cookie }), params: {}, context })),
      await call(() => consolidateLoader({ request: getRequest(`/workshops/${workshopId}/consolidate`, { cookie }), params: { workshopId }, context })),
    ];
    expect(attempts.map((attempt) => attempt.status), role).toEqual(attempts.map(() => 403));

    const list = await call(() => listLoader({ request: getRequest("/workshops", { cookie }), params: {}, context }));
    const page = await call(() => workshopLoader({ request: getRequest(`/workshops/${workshopId}`, { cookie }), params: { workshopId }, context }));
    const groupPage = await call(() => groupLoader({ request: getRequest(`/workshops/${workshopId}/groups/${group.id}`, { cookie }), params: { workshopId, groupId: group.id }, context }));
    expect([list.status, page.status, groupPage.status], role).toEqual([200, 200, 200]);
    expect(list.body).toMatchObject({ canEdit: false });
    expect(groupPage.body).toMatchObject({ canEdit: false, organisations: [] });
  }
  expect(await writes()).toEqual(before);
});

test("everyone signed in sees the Ségou workshop with its three working groups and their proposals", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const segou = await prisma.workshop.findFirstOrThrow({ where: { title: segouWorkshop.title }, select: { id: true } });
  const result = await call(() => workshopLoader({ request: getRequest(`/workshops/${segou.id}`, { cookie }), params: { workshopId: segou.id }, context }));
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({
    canEdit: false,
    workshop: { place: "Ségou", workingGroups: [{ name: expect.stringContaining("Groupe 1") }, { name: expect.stringContaining("Groupe 2") }, { name: expect.stringContaining("Groupe 3") }] },
  });
});

test("signed out, workshop pages redirect to the login page and writes are not made", async () => {
  const { workshop } = await draftSetup();
  const before = await writes();
  const list = await call(() => listLoader({ request: getRequest("/workshops"), params: {}, context }));
  expect(list.status).toBe(302);
  expect(list.location).toBe("/login?redirectTo=%2Fworkshops");
  const consolidation = await call(() =>
    consolidateLoader({ request: getRequest(`/workshops/${workshop.id}/consolidate`), params: { workshopId: workshop.id }, context }),
  );
  expect(consolidation.location).toBe(`/login?redirectTo=%2Fworkshops%2F${workshop.id}%2Fconsolidate`);
  const created = await post(newWorkshopAction, "/workshops/new", {}, validWorkshop);
  expect(created.status).toBe(302);
  expect(created.location).toBe("/login?redirectTo=%2Fworkshops%2Fnew");
  expect(await writes()).toEqual(before);
});

test("an unknown workshop is not found", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const result = await call(() => workshopLoader({ request: getRequest("/workshops/nope", { cookie }), params: { workshopId: "nope" }, context }));
  expect(result.status).toBe(404);
  const consolidation = await consolidate("nope", { intent: "reject", proposalId: "x", rejectionReason: "Non" }, cookie);
  expect(consolidation.status).toBe(404);
});
