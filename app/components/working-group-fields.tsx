import { translateMessage, useLang, useT, type Translate } from "~/utils/i18n";
import { Field, type RegisterFields } from "./form";

type Objective = { number: number; titleFr: string; titleEn: string };
type WorkingGroupFieldName = "name" | "moderator" | "objectiveNumbers";

/** The labels of a working group's fields, for the fields and the error summary. */
export function workingGroupLabels(t: Translate): Record<WorkingGroupFieldName, string> {
  return {
    name: t("workshops.groups.name"),
    moderator: t("workshops.groups.moderator"),
    objectiveNumbers: t("workshops.groups.objectives"),
  };
}

/**
 * A working group's name, moderator and objectives; used to create and to edit a group.
 * The inputs also get their default values as HTML, so the form is refilled without JavaScript.
 */
export function WorkingGroupFields({
  register,
  errorFor,
  labels,
  defaults,
  objectives,
}: {
  register: RegisterFields<WorkingGroupFieldName>;
  errorFor: (name: string) => string | undefined;
  labels: Record<WorkingGroupFieldName, string>;
  /** The objective numbers are strings when typed, numbers when loaded. */
  defaults: { name: string; moderator: string; objectiveNumbers: (string | number)[] };
  objectives: Objective[];
}) {
  const t = useT();
  const lang = useLang();
  const objectivesError = errorFor("objectiveNumbers");
  const checked = defaults.objectiveNumbers.map(String);

  return (
    <>
      <Field name="name" label={labels.name} help={t("workshops.groups.nameHelp")} error={errorFor("name")} required>
        {(control) => <input type="text" {...control} {...register("name")} defaultValue={defaults.name} />}
      </Field>
      <Field name="moderator" label={labels.moderator} help={t("workshops.groups.moderatorHelp")} error={errorFor("moderator")}>
        {(control) => <input type="text" {...control} {...register("moderator")} defaultValue={defaults.moderator} />}
      </Field>
      <fieldset
        className="field choice-fieldset"
        id="field-objectiveNumbers"
        aria-describedby={objectivesError ? "field-objectiveNumbers-error" : undefined}
      >
        <legend>
          {labels.objectiveNumbers} <span className="required">({t("form.required")})</span>
        </legend>
        <span className="help">{t("workshops.groups.objectivesHelp")}</span>
        {objectives.map((objective) => (
          <label key={objective.number} className="checkbox">
            <input
              type="checkbox"
              value={String(objective.number)}
              {...register("objectiveNumbers")}
              defaultChecked={checked.includes(String(objective.number))}
            />
            <span>
              <span className="objective-number">{objective.number}.</span> {lang === "en" ? objective.titleEn : objective.titleFr}
            </span>
          </label>
        ))}
        {objectivesError ? (
          <p className="field-error" id="field-objectiveNumbers-error">
            {translateMessage(t, objectivesError)}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
