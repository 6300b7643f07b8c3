// Workshop forms: the workshop, its working groups, the actions proposed in the room,
// and the facilitator's consolidation decisions. Shared by react-hook-form and the server.
import * as z from "zod/mini";
import type { FormValues } from "~/utils/forms";
import { arrayOf, choice, intInRange, optionalText, plainString, requiredDay, requiredText } from "~/utils/validation";

/** A record id sent by a form (cuid). */
function recordId() {
  return plainString(40).check(z.minLength(1, "validation.invalidForm"));
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: unknown): value is string => typeof value === "string" && ISO_DAY.test(value);

// Runs once both dates passed their own checks, so one mistake gives one message.
const endNotBeforeStart = z.superRefine((value: { startDate: string; endDate: string }, ctx) => {
  if (isDay(value.startDate) && isDay(value.endDate) && value.endDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.endBeforeStart", input: value.endDate });
  }
});

const workshopFields = {
  title: requiredText(300),
  startDate: requiredDay(),
  endDate: requiredDay(),
  place: requiredText(200),
  organisers: requiredText(500),
  participantIds: arrayOf(recordId()),
  /** The plan the workshop feeds; empty while it is not known yet. */
  planId: optionalText(40),
  notes: optionalText(8000),
};

export const WorkshopSchema = z.object(workshopFields).check(endNotBeforeStart);
export type WorkshopInput = z.output<typeof WorkshopSchema>;

/** The edit form: the same, plus when the editor loaded it (Workshop has no version column). */
export const WorkshopEditSchema = z.object({ ...workshopFields, updatedAt: requiredText(40) }).check(endNotBeforeStart);
export type WorkshopEditInput = z.output<typeof WorkshopEditSchema>;

/** The workshop form's fields as typed (all of them empty for a new workshop), to fill it again after an error. */
export function workshopFormValues(values: FormValues) {
  const text = (name: string) => textValue(values, name);
  return {
    title: text("title"),
    startDate: text("startDate"),
    endDate: text("endDate"),
    place: text("place"),
    organisers: text("organisers"),
    planId: text("planId"),
    notes: text("notes"),
    participantIds: listValue(values, "participantIds"),
  };
}
export type WorkshopFormValues = ReturnType<typeof workshopFormValues>;

export const WorkingGroupSchema = z.object({
  name: requiredText(200),
  moderator: optionalText(200),
  objectiveNumbers: arrayOf(intInRange(1, 23)).check(z.minLength(1, "workshops.groups.objectivesRequired")),
});
export type WorkingGroupInput = z.output<typeof WorkingGroupSchema>;

/**
 * A fingerprint of a record as the editor loaded it: WorkingGroup and ActionProposal have no
 * version column, so the edit forms post it back and a stale one gets a 409.
 */
function loadedField() {
  return plainString(100).check(z.minLength(1, "validation.invalidForm"));
}

/** The group's edit form: the same fields, plus the group as loaded. */
export const WorkingGroupEditSchema = z.object({ ...WorkingGroupSchema.shape, loaded: loadedField() });
export type WorkingGroupEditInput = z.output<typeof WorkingGroupEditSchema>;

/** Typed in the room, so as short as possible: only the title and the objective are required. */
export const ProposalSchema = z.object({
  title: requiredText(300),
  objectiveNumber: intInRange(1, 23, "validation.objectiveRequired"),
  leadOrganisationId: optionalText(40),
  notes: optionalText(4000),
});
export type ProposalInput = z.output<typeof ProposalSchema>;

/** Correcting a pending proposal: the same fields, plus the proposal as loaded. */
export const ProposalEditSchema = z.object({ ...ProposalSchema.shape, loaded: loadedField() });
export type ProposalEditInput = z.output<typeof ProposalEditSchema>;

// ---------------------------------------------------------------------------
// Consolidation
// ---------------------------------------------------------------------------

/** Accepting makes a plan action, and every action has a lead organisation: asked here if the room left it open. */
export const AcceptProposalSchema = z.object({
  intent: z.literal("accept"),
  proposalId: recordId(),
  leadOrganisationId: requiredText(40),
});
export type AcceptProposalInput = z.output<typeof AcceptProposalSchema>;

export const RejectProposalSchema = z.object({
  intent: z.literal("reject"),
  proposalId: recordId(),
  rejectionReason: requiredText(1000),
});
export type RejectProposalInput = z.output<typeof RejectProposalSchema>;

export const MERGE_TARGETS = ["new", "existing"] as const;

function optionalObjective() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = typeof value === "string" ? value.trim() : value;
      if (trimmed === "" || trimmed === undefined) return undefined;
      return typeof trimmed === "string" && /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    }),
    z.optional(
      z
        .number({ error: "validation.objectiveRequired" })
        .check(z.int("validation.objectiveRequired"), z.gte(1, "validation.objectiveRequired"), z.lte(23, "validation.objectiveRequired")),
    ),
  );
}

type MergeFields = {
  proposalIds: string[];
  target: (typeof MERGE_TARGETS)[number];
  title?: string;
  objectiveNumber?: number;
  leadOrganisationId?: string;
  actionId?: string;
};

// A new action needs what every action needs; an existing one only needs choosing.
const mergeRules = z.superRefine((value: MergeFields, ctx) => {
  const count = new Set(value.proposalIds).size;
  const issue = (path: keyof MergeFields, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message, input: value[path] });
  if (value.target === "new") {
    if (count < 2) issue("proposalIds", "workshops.merge.tooFew");
    if (!value.title) issue("title", "validation.required");
    if (value.objectiveNumber === undefined) issue("objectiveNumber", "validation.objectiveRequired");
    if (!value.leadOrganisationId) issue("leadOrganisationId", "validation.required");
  } else {
    if (count < 1) issue("proposalIds", "workshops.merge.noneSelected");
    if (!value.actionId) issue("actionId", "validation.required");
  }
});

export const MergeProposalsSchema = z
  .object({
    intent: z.literal("merge"),
    proposalIds: arrayOf(recordId()),
    target: choice(MERGE_TARGETS),
    title: optionalText(300),
    objectiveNumber: optionalObjective(),
    leadOrganisationId: optionalText(40),
    actionId: optionalText(40),
  })
  .check(mergeRules);
export type MergeProposalsInput = z.output<typeof MergeProposalsSchema>;

// ---------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------

export const PROPOSAL_STATUSES = ["PENDING", "ACCEPTED", "MERGED", "REJECTED"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A field as typed, to fill a form again after an error. */
export function textValue(values: FormValues, name: string) {
  const value = values[name];
  return typeof value === "string" ? value : "";
}

/** A repeated field (checkboxes) as typed. */
export function listValue(values: FormValues, name: string) {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
