import { expect, test } from "vitest";
import { createAction, createOrganisation, createPlan, createProposal, createWorkingGroup, createWorkshop, signedInAs } from "../../tests/factories";
import { call, context, getRequest, postRequest } from "../../tests/requests";
import type { Role } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { loader as groupLoader } from "./workshops.$workshopId.groups.$groupId";
import { action as groupEditAction, loader as groupEditLoader } from "./workshops.$workshopId.groups.$groupId_.edit";
import { action as proposalEditAction, loader as proposalEditLoader } from "./workshops.$workshopId.groups.$groupId_.proposals.$proposalId.edit";

type Group = { id: string; workshopId: string };

/** Every table these pages write to: a refused request must leave them all as they were. */
async function writes() {
  const [groups, objectives, proposals, audits] = await Promise.all([
    prisma.workingGroup.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, moderator: true } }),
    prisma.workingGroupObjective.count(),
    prisma.actionProposal.findMany({
      orderBy: { id: "asc" },
      select: { id: true, title: true, objectiveNumber: true, leadOrganisationId: true, notes: true, status: true },
    }),
    prisma.auditEvent.count(),
  ]);
  return { groups, objectives, proposals, audits };
}

async function setup() {
  const workshop = await createWorkshop();
  const group = await createWorkingGroup(workshop.id, { name: "Groupe 2 – Protection", objectiveNumbers: [21, 22] });
  return { workshop, group };
}

function groupParams(group: Group) {
  return { workshopId: group.workshopId, groupId: group.id };
}

function groupEditPath(group: Group) {
  return `/workshops/${group.workshopId}/groups/${group.id}/edit`;
}

function proposalEditPath(group: Group, proposalId: string) {
  return `/workshops/${group.workshopId}/groups/${group.id}/proposals/${proposalId}/edit`;
}

function postGroupEdit(group: Group, fields: Record<string, string | string[]>, cookie?: string) {
  return call(() => groupEditAction({ request: postRequest(groupEditPath(group), fields, { cookie }), params: groupParams(group), context }));
}

function loadGroupEdit(group: Group, cookie?: string) {
  return call(() => groupEditLoader({ request: getRequest(groupEditPath(group), { cookie }), params: groupParams(group), context }));
}

function postProposalEdit(group: Group, proposalId: string, fields: Record<string, string | string[]>, cookie?: string) {
  return call(() =>
    proposalEditAction({
      request: postRequest(proposalEditPath(group, proposalId), fields, { cookie }),
      params: { ...groupParams(group), proposalId },
      context,
    }),
  );
}

function loadProposalEdit(group: Group, proposalId: string, cookie?: string) {
  return call(() =>
    proposalEditLoader({
      request: getRequest(proposalEditPath(group, proposalId), { cookie }),
      params: { ...groupParams(group), proposalId },
      context,
    }),
  );
}

/** The fingerprint the group's edit page puts in its hidden "loaded" field. */
async function groupToken(group: Group, cookie: string) {
  const page = await loadGroupEdit(group, cookie);
  expect(page.status).toBe(200);
  const body = page.body;
  if (body && typeof body === "object" && "group" in body && body.group && typeof body.group === "object" && "loaded" in body.group) {
    return String(body.group.loaded);
  }
  throw new Error("the group edit page gave no fingerprint");
}

/** The same for a proposal's edit page. */
async function proposalToken(group: Group, proposalId: string, cookie: string) {
  const page = await loadProposalEdit(group, proposalId, cookie);
  expect(page.status).toBe(200);
  const body = page.body;
  if (body && typeof body === "object" && "proposal" in body && body.proposal && typeof body.proposal === "object" && "loaded" in body.proposal) {
    return String(body.proposal.loaded);
  }
  throw new Error("the proposal edit page gave no fingerprint");
}

// ---------------------------------------------------------------------------
// Working groups
// ---------------------------------------------------------------------------

test("a facilitator renames a working group, clears its moderator and replaces its objectives, with an audit entry", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const { group } = await setup();
  const page = await loadGroupEdit(group, cookie);
  expect(page.body).toMatchObject({ group: { name: "Groupe 2 – Protection", moderator: "MMEIA", objectiveNumbers: [21, 22], proposalCount: 0 } });

  const loaded = await groupToken(group, cookie);
  const result = await postGroupEdit(group, { name: "Groupe 2 – Protection et assistance", moderator: "", objectiveNumbers: ["7", "21"], loaded }, cookie);

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/workshops/${group.workshopId}/groups/${group.id}?notice=groupSaved`);
  const stored = await prisma.workingGroup.findUniqueOrThrow({
    where: { id: group.id },
    select: { name: true, moderator: true, objectives: { orderBy: { objectiveNumber: "asc" }, select: { objectiveNumber: true } } },
  });
  expect(stored).toEqual({ name: "Groupe 2 – Protection et assistance", moderator: null, objectives: [{ objectiveNumber: 7 }, { objectiveNumber: 21 }] });
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "WorkingGroup", entityId: group.id, action: "update" } });
  expect(audit.actorId).toBe(user.id);
  expect(audit.changes).toEqual({
    name: { from: "Groupe 2 – Protection", to: "Groupe 2 – Protection et assistance" },
    moderator: { from: "MMEIA", to: null },
    objectiveNumbers: { from: [21, 22], to: [7, 21] },
  });
});

test("a working group edit without a name or objectives gets 400, keeps what was typed and writes nothing", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const { group } = await setup();
  const loaded = await groupToken(group, cookie);
  const before = await writes();
  const result = await postGroupEdit(group, { name: " ", moderator: "OIM Mali", loaded }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({
    errors: { name: "validation.required", objectiveNumbers: "workshops.groups.objectivesRequired" },
    values: { moderator: "OIM Mali", objectiveNumbers: [] },
  });
  const outOfRange = await postGroupEdit(group, { name: "Groupe", objectiveNumbers: ["24"], loaded }, cookie);
  expect(outOfRange.status).toBe(400);
  expect(await writes()).toEqual(before);
});

test("a working group edit based on an outdated page gets 409 and keeps the editor's values", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { group } = await setup();
  const loaded = await groupToken(group, cookie);
  const first = await postGroupEdit(group, { name: "Groupe 2 – Droits", moderator: "MMEIA", objectiveNumbers: ["21", "22"], loaded }, cookie);
  expect(first.status).toBe(302);
  const before = await writes();

  const stale = await postGroupEdit(group, { name: "Groupe 2 – Assistance", moderator: "MMEIA", objectiveNumbers: ["21"], loaded }, cookie);
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ errors: { form: "conflict.stale" }, values: { name: "Groupe 2 – Assistance", objectiveNumbers: ["21"] } });
  expect(await writes()).toEqual(before);
});

test("an empty working group is deleted with its objectives and an audit entry", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const { workshop, group } = await setup();
  const result = await postGroupEdit(group, { intent: "delete" }, cookie);
  expect(result.status).toBe(302);
  expect(result.location).toBe(`/workshops/${workshop.id}?notice=groupDeleted&name=${encodeURIComponent("Groupe 2 – Protection")}`);
  expect(await prisma.workingGroup.count({ where: { id: group.id } })).toBe(0);
  expect(await prisma.workingGroupObjective.count({ where: { workingGroupId: group.id } })).toBe(0);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "WorkingGroup", entityId: group.id, action: "delete" } });
  expect(audit).toMatchObject({ actorId: user.id, changes: { workshopId: workshop.id, name: "Groupe 2 – Protection", objectiveNumbers: [21, 22] } });
});

test("a working group holding proposals cannot be deleted: 400 saying how many, nothing deleted", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { group } = await setup();
  await createProposal(group.id);
  await createProposal(group.id);
  const before = await writes();
  const result = await postGroupEdit(group, { intent: "delete" }, cookie);
  expect(result.status).toBe(400);
  expect(result.body).toEqual({ deleteError: expect.stringContaining("Ce groupe contient 2 propositions : il ne peut pas être supprimé") });
  expect(await writes()).toEqual(before);

  const page = await loadGroupEdit(group, cookie);
  expect(page.body).toMatchObject({ group: { proposalCount: 2 } });
});

test("a working group of another workshop is not found", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { group } = await setup();
  const other = await createWorkshop();
  const elsewhere = { id: group.id, workshopId: other.id };
  expect((await loadGroupEdit(elsewhere, cookie)).status).toBe(404);
  expect((await postGroupEdit(elsewhere, { intent: "delete" }, cookie)).status).toBe(404);
  expect(await prisma.workingGroup.count({ where: { id: group.id } })).toBe(1);
});

// ---------------------------------------------------------------------------
// Proposals
// ---------------------------------------------------------------------------

test("a facilitator corrects a pending proposal; the audit entry holds only the changed fields", async () => {
  const { cookie, user } = await signedInAs("FACILITATOR");
  const { group } = await setup();
  const lead = await createOrganisation();
  const proposal = await createProposal(group.id, { title: "Fromer les agents des postes frontières", notes: "Avec l'OIM." });
  const loaded = await proposalToken(group, proposal.id, cookie);

  const result = await postProposalEdit(
    group,
    proposal.id,
    { title: "Former les agents des postes frontières", objectiveNumber: "11", leadOrganisationId: lead.id, notes: "Avec l'OIM.", loaded },
    cookie,
  );

  expect(result.status).toBe(302);
  expect(result.location).toBe(`/workshops/${group.workshopId}/groups/${group.id}?notice=proposalSaved&proposal=${proposal.id}`);
  expect(await prisma.actionProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
    title: "Former les agents des postes frontières",
    objectiveNumber: 11,
    leadOrganisationId: lead.id,
    notes: "Avec l'OIM.",
    status: "PENDING",
  });
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "ActionProposal", entityId: proposal.id, action: "update" } });
  expect(audit.actorId).toBe(user.id);
  expect(audit.changes).toEqual({
    title: { from: "Fromer les agents des postes frontières", to: "Former les agents des postes frontières" },
    objectiveNumber: { from: 21, to: 11 },
    leadOrganisationId: { from: null, to: lead.id },
  });

  const page = await call(() =>
    groupLoader({ request: getRequest(result.location ?? "", { cookie }), params: groupParams(group), context }),
  );
  expect(page.body).toMatchObject({ notice: "workshops.notice.proposalSaved", savedProposalId: proposal.id, canEdit: true });
});

test("accepted, merged and rejected proposals cannot be edited: 409 and nothing changed", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const plan = await createPlan();
  const workshop = await createWorkshop({ planId: plan.id });
  const group = await createWorkingGroup(workshop.id);
  const planAction = await createAction(plan.id);
  const decisions = [
    { status: "ACCEPTED", actionId: planAction.id },
    { status: "MERGED", actionId: planAction.id },
    { status: "REJECTED", rejectionReason: "Déjà couvert par l'action O21-01." },
  ] as const;
  const proposals = [];
  for (const decision of decisions) {
    const proposal = await createProposal(group.id, { title: "Titre décidé" });
    await prisma.actionProposal.update({ where: { id: proposal.id }, data: { ...decision, decidedAt: new Date() } });
    proposals.push(proposal);
  }
  const before = await writes();

  for (const proposal of proposals) {
    const page = await loadProposalEdit(group, proposal.id, cookie);
    expect(page.status).toBe(409);
    expect(page.body).toEqual(expect.stringContaining("ne peut plus être modifiée"));
    const result = await postProposalEdit(group, proposal.id, { title: "Nouveau titre", objectiveNumber: "21", loaded: "anything" }, cookie);
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ errors: { form: "workshops.proposals.decided" }, values: { title: "Nouveau titre" } });
  }
  expect(await writes()).toEqual(before);
});

test("a proposal decided after the editor opened it gets 409 rather than a silent change", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { group } = await setup();
  const proposal = await createProposal(group.id);
  const loaded = await proposalToken(group, proposal.id, cookie);
  await prisma.actionProposal.update({ where: { id: proposal.id }, data: { status: "REJECTED", rejectionReason: "Hors sujet", decidedAt: new Date() } });
  const before = await writes();
  const result = await postProposalEdit(group, proposal.id, { title: "Corrigé", objectiveNumber: "21", loaded }, cookie);
  expect(result.status).toBe(409);
  expect(result.body).toMatchObject({ errors: { form: "workshops.proposals.decided" } });
  expect(await writes()).toEqual(before);
});

test("a proposal edit based on an outdated page gets 409 conflict.stale, keeps the input and changes nothing", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { group } = await setup();
  const proposal = await createProposal(group.id, { title: "Créer un guichet unique", notes: "Note du groupe" });
  const loaded = await proposalToken(group, proposal.id, cookie);
  const first = await postProposalEdit(group, proposal.id, { title: "Créer un guichet unique pour la diaspora", objectiveNumber: "21", notes: "Note du groupe", loaded }, cookie);
  expect(first.status).toBe(302);
  const before = await writes();

  const typed = { title: "Ouvrir un guichet unique", objectiveNumber: "19", leadOrganisationId: "", notes: "Autre note", loaded };
  const stale = await postProposalEdit(group, proposal.id, typed, cookie);
  expect(stale.status).toBe(409);
  expect(stale.body).toEqual({
    reason: "stale",
    errors: { form: "conflict.stale" },
    values: { title: "Ouvrir un guichet unique", objectiveNumber: "19", leadOrganisationId: "", notes: "Autre note" },
  });
  expect(await writes()).toEqual(before);

  // Reloaded, the page has the newer fingerprint and the correction goes through.
  const fresh = await postProposalEdit(group, proposal.id, { ...typed, loaded: await proposalToken(group, proposal.id, cookie) }, cookie);
  expect(fresh.status).toBe(302);
});

test("a proposal correction without a title, with an objective outside 1-23 or an unknown lead gets 400 and writes nothing", async () => {
  const { cookie } = await signedInAs("ADMIN");
  const { group } = await setup();
  const proposal = await createProposal(group.id);
  const inactive = await createOrganisation({ active: false });
  const loaded = await proposalToken(group, proposal.id, cookie);
  const before = await writes();

  const untitled = await postProposalEdit(group, proposal.id, { title: "", objectiveNumber: "21", notes: "Gardée", loaded }, cookie);
  expect(untitled.status).toBe(400);
  expect(untitled.body).toMatchObject({ errors: { title: "validation.required" }, values: { notes: "Gardée", objectiveNumber: "21" } });
  for (const objectiveNumber of ["0", "24", "abc"]) {
    const result = await postProposalEdit(group, proposal.id, { title: "Une action", objectiveNumber, loaded }, cookie);
    expect(result.status, objectiveNumber).toBe(400);
    expect(result.body).toMatchObject({ errors: { objectiveNumber: "validation.objectiveRequired" } });
  }
  const noFingerprint = await postProposalEdit(group, proposal.id, { title: "Une action", objectiveNumber: "21" }, cookie);
  expect(noFingerprint.status).toBe(400);
  expect(noFingerprint.body).toMatchObject({ errors: { loaded: "validation.invalidForm" } });
  const unknownLead = await postProposalEdit(group, proposal.id, { title: "Une action", objectiveNumber: "21", leadOrganisationId: inactive.id, loaded }, cookie);
  expect(unknownLead.status).toBe(400);
  expect(unknownLead.body).toMatchObject({ errors: { leadOrganisationId: "validation.unknownOrganisation" } });
  expect(await writes()).toEqual(before);
});

test("a proposal of another working group is not found", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { workshop, group } = await setup();
  const otherGroup = await createWorkingGroup(workshop.id);
  const proposal = await createProposal(otherGroup.id);
  expect((await loadProposalEdit(group, proposal.id, cookie)).status).toBe(404);
  const result = await postProposalEdit(group, proposal.id, { title: "Une action", objectiveNumber: "21", loaded: "x" }, cookie);
  expect(result.status).toBe(404);
});

// ---------------------------------------------------------------------------
// Who may correct
// ---------------------------------------------------------------------------

test("focal points, reviewers and observers get 403 on every correction page and write nothing", async () => {
  const { group } = await setup();
  const empty = await createWorkingGroup(group.workshopId);
  const proposal = await createProposal(group.id);
  const fields = { title: "Une action", objectiveNumber: "21", loaded: "x" };
  const before = await writes();
  for (const role of ["FOCAL_POINT", "REVIEWER", "OBSERVER"] satisfies Role[]) {
    const { cookie } = await signedInAs(role);
    const attempts = [
      await loadGroupEdit(group, cookie),
      await postGroupEdit(group, { name: "Groupe", objectiveNumbers: "1", loaded: "x" }, cookie),
      await postGroupEdit(empty, { intent: "delete" }, cookie),
      await loadProposalEdit(group, proposal.id, cookie),
      await postProposalEdit(group, proposal.id, fields, cookie),
    ];
    expect(attempts.map((attempt) => attempt.status), role).toEqual([403, 403, 403, 403, 403]);
    const page = await call(() => groupLoader({ request: getRequest(`/workshops/${group.workshopId}/groups/${group.id}`, { cookie }), params: groupParams(group), context }));
    expect(page.body, role).toMatchObject({ canEdit: false });
  }
  expect(await writes()).toEqual(before);
});

test("signed out, the correction pages redirect to the login page and write nothing", async () => {
  const { group } = await setup();
  const proposal = await createProposal(group.id);
  const before = await writes();
  const attempts = [
    await loadGroupEdit(group),
    await postGroupEdit(group, { intent: "delete" }),
    await loadProposalEdit(group, proposal.id),
    await postProposalEdit(group, proposal.id, { title: "Une action", objectiveNumber: "21", loaded: "x" }),
  ];
  expect(attempts.map((attempt) => attempt.status)).toEqual([302, 302, 302, 302]);
  expect(attempts[0]?.location).toBe(`/login?redirectTo=${encodeURIComponent(groupEditPath(group))}`);
  expect(attempts[2]?.location).toBe(`/login?redirectTo=${encodeURIComponent(proposalEditPath(group, proposal.id))}`);
  expect(await writes()).toEqual(before);
});

test("two facilitators correcting the same proposal at once: one is saved, the other gets 409", async () => {
  const { cookie } = await signedInAs("FACILITATOR");
  const { group } = await setup();
  const proposal = await createProposal(group.id, { title: "Titre mal saisi" });
  const loaded = await proposalToken(group, proposal.id, cookie);
  const results = await Promise.all(
    ["Première correction", "Seconde correction"].map((title) => postProposalEdit(group, proposal.id, { title, objectiveNumber: "21", loaded }, cookie)),
  );
  expect(results.map((result) => result.status).sort()).toEqual([302, 409]);
  expect(await prisma.auditEvent.count({ where: { entityType: "ActionProposal", entityId: proposal.id, action: "update" } })).toBe(1);
});
