// Editing or removing one indicator of an action of a draft plan.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/components/delete-confirmation";
import { IndicatorForm } from "~/components/indicator-form";
import { ErrorPage, PLAN_NOT_DRAFT } from "~/components/error-page";
import { getActionSummary } from "~/modules/actions/actions.server";
import { rethrowPlanNotDraft } from "~/modules/actions/draft.server";
import { indicatorFormValues } from "~/modules/indicators/form-values";
import {
  deleteIndicator,
  getIndicator,
  storedIndicatorFormValues,
  unknownGlobalIndicators,
  updateIndicator,
} from "~/modules/indicators/indicators.server";
import { listGlobalIndicators } from "~/modules/indicators/monitoring.server";
import { IndicatorEditSchema } from "~/modules/indicators/schema";
import { requireDraftPlan } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import actionsStyles from "~/styles/actions.css";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction = () => [{ title: "Indicateur – Pacte" }];

async function editableAction(actionId: string) {
  const summary = await getActionSummary(actionId);
  if (!summary) notFound();
  await requireDraftPlan(summary.planId);
  return summary;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:edit");
  const summary = await editableAction(params.actionId ?? "");
  const indicator = await getIndicator(summary.id, params.indicatorId ?? "");
  if (!indicator) notFound();
  return {
    action: { id: summary.id, code: summary.code, title: summary.title },
    indicator: { id: indicator.id, name: indicator.name, version: indicator.version },
    values: storedIndicatorFormValues(indicator),
    globalIndicators: await listGlobalIndicators(),
  };
}

// After a conflict the page must load the newer version, or the next save would conflict too.
export const shouldRevalidate = revalidateAfterConflict;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:edit");
  const summary = await editableAction(params.actionId ?? "");
  const indicatorId = params.indicatorId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    if (formData.get("confirm") !== "on") {
      return data({ intent: "delete" as const, errors: { confirm: "validation.confirmRequired" }, values: null, changed: null }, { status: 400 });
    }
    const result = await deleteIndicator(user.id, summary.id, indicatorId).catch(rethrowPlanNotDraft);
    if (!result.ok) notFound();
    throw redirect(`/actions/${summary.id}?notice=indicatorDeleted`);
  }
  const parsed = parseForm(IndicatorEditSchema, formData);
  const values = indicatorFormValues(parsed.values);
  if (!parsed.ok) return data({ intent: "update" as const, errors: parsed.errors, values, changed: null }, { status: 400 });
  if ((await unknownGlobalIndicators(parsed.data.globalIndicators)).length) {
    return data({ intent: "update" as const, errors: { globalIndicators: "validation.unknownGlobalIndicator" }, values, changed: null }, { status: 400 });
  }
  const result = await updateIndicator(user.id, summary.id, indicatorId, parsed.data).catch(rethrowPlanNotDraft);
  if (result.ok) throw redirect(`/actions/${summary.id}?notice=indicatorSaved`);
  if (result.reason === "notFound") notFound();
  return data({ intent: "update" as const, errors: { form: "conflict.stale" }, values, changed: result.changed }, { status: 409 });
}

// The page's data is called `action` too: name the route action's type before it is shadowed.
type IndicatorAction = typeof action;

export default function IndicatorRoute() {
  const { action, indicator, values, globalIndicators } = useLoaderData<typeof loader>();
  const actionData = useActionData<IndicatorAction>();
  const t = useT();
  const updateResult = actionData?.intent === "update" ? actionData : undefined;
  const confirmError = actionData?.intent === "delete" ? actionData.errors.confirm : undefined;
  return (
    <>
      <p>
        <Link to={`/actions/${action.id}`}>{t("indicators.back", { code: action.code })}</Link>
      </p>
      <h1>{t("indicators.editTitle", { code: action.code })}</h1>
      <p className="muted">{action.title}</p>
      <IndicatorForm
        // A newer stored version (after a conflict) restarts the form, still from what was typed.
        key={indicator.version}
        defaults={updateResult?.values ?? values}
        errors={updateResult?.errors}
        conflict={updateResult?.changed ?? undefined}
        version={indicator.version}
        submitLabel={t("indicators.save")}
        cancelTo={`/actions/${action.id}`}
        globalIndicators={globalIndicators}
      />

      <DeleteConfirmation
        id="delete"
        title={t("indicators.delete")}
        help={t("indicators.deleteHelp")}
        confirmLabel={t("indicators.deleteConfirm")}
        buttonLabel={t("indicators.delete")}
        error={confirmError}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage conflict={PLAN_NOT_DRAFT} />;
}
