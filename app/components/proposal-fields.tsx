import { useLang, useT, type Translate } from "~/utils/i18n";
import { Field, type RegisterFields } from "./form";
import { OrganisationOptions, type OrganisationChoice } from "./organisation-options";

type Objective = { number: number; titleFr: string; titleEn: string };
type ProposalFieldName = "title" | "objectiveNumber" | "leadOrganisationId" | "notes";

/** The labels of a proposal's fields, for the fields and the error summary. */
export function proposalLabels(t: Translate): Record<ProposalFieldName, string> {
  return {
    title: t("workshops.proposals.title"),
    objectiveNumber: t("workshops.objective"),
    leadOrganisationId: t("workshops.proposedLead"),
    notes: t("workshops.proposals.notes"),
  };
}

/**
 * A proposal's title, objective, proposed lead and notes; used to enter and to correct a proposal.
 * The group's own objectives come first. The inputs also get their default values as HTML,
 * so the form is refilled without JavaScript.
 */
export function ProposalFields({
  register,
  errorFor,
  labels,
  defaults,
  objectives,
  groupObjectiveNumbers,
  organisations,
  autoFocus,
  notesRows,
}: {
  register: RegisterFields<ProposalFieldName>;
  errorFor: (name: string) => string | undefined;
  labels: Record<ProposalFieldName, string>;
  defaults: Record<ProposalFieldName, string>;
  objectives: Objective[];
  groupObjectiveNumbers: number[];
  organisations: OrganisationChoice[];
  autoFocus?: boolean;
  notesRows: number;
}) {
  const t = useT();
  const lang = useLang();
  const title = (objective: Objective) => (lang === "en" ? objective.titleEn : objective.titleFr);
  const ofGroup = objectives.filter((objective) => groupObjectiveNumbers.includes(objective.number));
  const others = objectives.filter((objective) => !groupObjectiveNumbers.includes(objective.number));

  return (
    <>
      <Field name="title" label={labels.title} help={t("workshops.proposals.titleHelp")} error={errorFor("title")} required>
        {(control) => (
          <input type="text" autoFocus={autoFocus} autoComplete="off" {...control} {...register("title")} defaultValue={defaults.title} />
        )}
      </Field>
      <Field
        name="objectiveNumber"
        label={labels.objectiveNumber}
        help={t("workshops.proposals.objectiveHelp")}
        error={errorFor("objectiveNumber")}
        required
      >
        {(control) => (
          <select {...control} {...register("objectiveNumber")} defaultValue={defaults.objectiveNumber}>
            {defaults.objectiveNumber === "" ? <option value="">{t("workshops.proposals.chooseObjective")}</option> : null}
            <optgroup label={t("workshops.proposals.groupObjectives")}>
              {ofGroup.map((objective) => (
                <option key={objective.number} value={String(objective.number)}>
                  {objective.number}. {title(objective)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("workshops.proposals.otherObjectives")}>
              {others.map((objective) => (
                <option key={objective.number} value={String(objective.number)}>
                  {objective.number}. {title(objective)}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <Field
        name="leadOrganisationId"
        label={labels.leadOrganisationId}
        help={t("workshops.proposals.leadHelp")}
        error={errorFor("leadOrganisationId")}
      >
        {(control) => (
          <select {...control} {...register("leadOrganisationId")} defaultValue={defaults.leadOrganisationId}>
            <OrganisationOptions organisations={organisations} emptyLabel={t("workshops.leadToBeDefined")} />
          </select>
        )}
      </Field>
      <Field name="notes" label={labels.notes} help={t("workshops.proposals.notesHelp")} error={errorFor("notes")}>
        {(control) => <textarea rows={notesRows} {...control} {...register("notes")} defaultValue={defaults.notes} />}
      </Field>
    </>
  );
}
