import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CONSOLIDATION_PLAN_NOT_DRAFT, ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { OrganisationOptions } from "~/components/organisation-options";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import {
  getMergeSelection,
  listPlanActionChoices,
  mergedDescription,
  mergeProposals,
  planNotDraft,
  requireConsolidationPlan,
} from "~/modules/workshops/consolidation.server";
import { listValue, MergeProposalsSchema, textValue } from "~/modules/workshops/schema";
import { getWorkshopSummary, listObjectiveChoices } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { loadOrRespond } from "~/utils/domain-response.server";
import { notFound } from "~/utils/http.server";
import { formatNumber, translateMessage, useLang, useT } from "~/utils/i18n";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction = () => [{ title: "Fusionner des propositions – Pacte" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  const workshop = await getWorkshopSummary(workshopId);
  if (!workshop) notFound();
  const ids = new URL(request.url).searchParams.getAll("proposalIds");
  const [selection, organisations, objectives, actions] = await Promise.all([
    getMergeSelection(workshopId, ids),
    listOrganisationChoices(),
    listObjectiveChoices(),
    workshop.plan ? listPlanActionChoices(workshop.plan.id) : [],
  ]);
  return {
    workshop,
    ...selection,
    organisations,
    objectives,
    actions,
    description: mergedDescription(selection.proposals),
  };
}

// Single fetch skips reloading after a 4xx action; after a 409 the selection must drop what was decided.
export const shouldRevalidate = revalidateAfterConflict;

function typed(values: FormValues) {
  return {
    target: textValue(values, "target"),
    title: textValue(values, "title"),
    objectiveNumber: textValue(values, "objectiveNumber"),
    leadOrganisationId: textValue(values, "leadOrganisationId"),
    actionId: textValue(values, "actionId"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  // A workshop without a draft plan to write into: the ErrorBoundary explains the 409.
  await loadOrRespond(() => requireConsolidationPlan(workshopId));
  const parsed = parseForm(MergeProposalsSchema, await request.formData());
  const values = typed(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values, proposalIds: listValue(parsed.values, "proposalIds") }, { status: 400 });
  const result = await mergeProposals(user.id, workshopId, parsed.data);
  if (result.ok) throw redirect(`/workshops/${workshopId}/consolidate?notice=merged&action=${result.actionId}`);
  if (result.reason === "notFound") notFound();
  if (result.reason === "planNotDraft") planNotDraft();
  if (result.reason === "alreadyDecided") {
    return data({ errors: { form: "workshops.consolidate.alreadyDecided" }, values, proposalIds: parsed.data.proposalIds }, { status: 409 });
  }
  return data({ errors: result.errors, values, proposalIds: parsed.data.proposalIds }, { status: 400 });
}

export default function MergeRoute() {
  const { workshop, proposals, leftOut, organisations, objectives, actions, description } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const objectiveTitle = new Map(objectives.map((objective) => [objective.number, lang === "en" ? objective.titleEn : objective.titleFr]));
  const theirObjectives = [...new Set(proposals.map((proposal) => proposal.objectiveNumber))];
  const canCreate = proposals.length >= 2;
  const open = workshop.plan?.status === "DRAFT";
  const first = proposals[0];
  const defaults = actionData?.values ?? {
    target: canCreate ? "new" : "existing",
    title: first?.title ?? "",
    objectiveNumber: first ? String(first.objectiveNumber) : "",
    leadOrganisationId: proposals.find((proposal) => proposal.leadOrganisation)?.leadOrganisation?.id ?? "",
    actionId: "",
  };
  const { form, onSubmit, errorFor } = useValidatedForm(MergeProposalsSchema, {
    defaultValues: { ...defaults, intent: "merge", proposalIds: proposals.map((proposal) => proposal.id) },
    serverErrors: actionData?.errors,
  });
  const labels = {
    proposalIds: t("workshops.merge.selected", { count: formatNumber(lang, proposals.length) }),
    target: t("workshops.merge.target"),
    title: t("workshops.merge.actionTitle"),
    objectiveNumber: t("workshops.objective"),
    leadOrganisationId: t("workshops.consolidate.lead"),
    actionId: t("workshops.merge.existingAction"),
  };
  const selectionError = errorFor("proposalIds");
  const back = `/workshops/${workshop.id}/consolidate`;

  return (
    <>
      <p>
        <Link to={back}>← {t("workshops.merge.back")}</Link>
      </p>
      <h1>{t("workshops.merge.title")}</h1>
      <p className="lead">{t("workshops.merge.intro")}</p>
      {!open ? <p className="notice notice--warning">{workshop.plan ? t("workshops.consolidate.planNotDraft") : t("workshops.consolidate.noPlan")}</p> : null}
      {leftOut > 0 ? <p className="notice notice--warning">{t("workshops.merge.leftOut", { count: formatNumber(lang, leftOut) })}</p> : null}
      <ErrorSummary errors={actionData?.errors} labels={labels} />

      <h2 id="field-proposalIds">{labels.proposalIds}</h2>
      {selectionError ? <p className="field-error">{translateMessage(t, selectionError)}</p> : null}
      {proposals.length === 0 ? (
        <p>
          {t("workshops.merge.noneSelected")} <Link to={back}>{t("workshops.merge.back")}</Link>
        </p>
      ) : (
        <ol className="objective-list">
          {proposals.map((proposal) => (
            <li key={proposal.id}>
              <strong>{proposal.title}</strong>
              <br />
              <span className="muted">
                {proposal.groupName} ·{" "}
                <abbr title={objectiveTitle.get(proposal.objectiveNumber)}>
                  {t("workshops.objectiveShort", { number: proposal.objectiveNumber })}
                </abbr>{" "}
                ·{" "}
                {proposal.leadOrganisation
                  ? t("workshops.consolidate.proposedBy", { lead: proposal.leadOrganisation.acronym })
                  : t("workshops.leadToBeDefined")}
              </span>
              {proposal.notes ? <p className="proposal-notes">{proposal.notes}</p> : null}
            </li>
          ))}
        </ol>
      )}

      {open && proposals.length > 0 ? (
        <Form method="post" noValidate onSubmit={onSubmit} className="form merge-target-form">
          <input type="hidden" {...form.register("intent")} defaultValue="merge" />
          {proposals.map((proposal) => (
            <input key={proposal.id} type="hidden" name="proposalIds" value={proposal.id} />
          ))}
          <fieldset className="field choice-fieldset">
            <legend>
              {labels.target} <span className="required">({t("form.required")})</span>
            </legend>
            <label className="checkbox">
              <input type="radio" value="new" {...form.register("target")} defaultChecked={defaults.target === "new"} disabled={!canCreate} />
              {t("workshops.merge.targetNew")}
            </label>
            {!canCreate ? <span className="help">{t("workshops.merge.tooFew")}</span> : null}
            <label className="checkbox">
              <input
                type="radio"
                value="existing"
                {...form.register("target")}
                defaultChecked={defaults.target === "existing"}
                disabled={actions.length === 0}
              />
              {t("workshops.merge.targetExisting")}
            </label>
            {errorFor("target") ? <p className="field-error">{translateMessage(t, errorFor("target") ?? "")}</p> : null}
          </fieldset>

          {canCreate ? (
            <fieldset className="card card--spaced">
              <legend>
                <strong>{t("workshops.merge.targetNew")}</strong>
              </legend>
              <Field name="title" label={labels.title} help={t("workshops.merge.titleHelp")} error={errorFor("title")} required>
                {(control) => <input type="text" {...control} {...form.register("title")} defaultValue={defaults.title} />}
              </Field>
              <Field name="objectiveNumber" label={labels.objectiveNumber} help={t("workshops.merge.objectiveHelp")} error={errorFor("objectiveNumber")} required>
                {(control) => (
                  <select {...control} {...form.register("objectiveNumber")} defaultValue={defaults.objectiveNumber}>
                    {theirObjectives.map((number) => (
                      <option key={number} value={String(number)}>
                        {number}. {objectiveTitle.get(number)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="leadOrganisationId" label={labels.leadOrganisationId} error={errorFor("leadOrganisationId")} required>
                {(control) => (
                  <select {...control} {...form.register("leadOrganisationId")} defaultValue={defaults.leadOrganisationId}>
                    <OrganisationOptions organisations={organisations} emptyLabel={t("workshops.consolidate.chooseLead")} />
                  </select>
                )}
              </Field>
              <p className="merged-description-label">{t("workshops.merge.description")}</p>
              <p className="help muted merged-description-help">
                {t("workshops.merge.descriptionHelp")}
              </p>
              <blockquote className="merged-description">
                {description}
              </blockquote>
            </fieldset>
          ) : null}

          <fieldset className="card card--spaced">
            <legend>
              <strong>{t("workshops.merge.targetExisting")}</strong>
            </legend>
            {actions.length ? (
              <Field name="actionId" label={labels.actionId} error={errorFor("actionId")} required>
                {(control) => (
                  <select {...control} {...form.register("actionId")} defaultValue={defaults.actionId}>
                    <option value="">{t("workshops.merge.chooseAction")}</option>
                    {actions.map((action) => (
                      <option key={action.id} value={action.id}>
                        {action.code} – {action.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <p className="muted">{t("workshops.merge.noAction")}</p>
            )}
          </fieldset>

          <div className="button-row">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? t("form.saving") : t("workshops.merge.submit")}
            </button>
            <Link to={back}>{t("form.cancel")}</Link>
          </div>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage conflict={CONSOLIDATION_PLAN_NOT_DRAFT} />;
}
