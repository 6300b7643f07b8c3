import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, useValidatedForm } from "~/components/form";
import { WorkingGroupFields, workingGroupLabels } from "~/components/working-group-fields";
import { listValue, textValue, WorkingGroupEditSchema } from "~/modules/workshops/schema";
import {
  deleteWorkingGroup,
  getWorkingGroupForEdit,
  listObjectiveChoices,
  updateWorkingGroup,
} from "~/modules/workshops/workshops.server";
import actionsStyles from "~/styles/actions.css";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { formatNumber, translator, useLang, useT, type Lang, type Translate } from "~/utils/i18n";
import { getLang } from "~/utils/language.server";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Modifier le groupe ${loaderData.group.name} – Pacte` : "Groupe de travail – Pacte" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  const [group, objectives] = await Promise.all([
    getWorkingGroupForEdit(params.workshopId ?? "", params.groupId ?? ""),
    listObjectiveChoices(),
  ]);
  if (!group) notFound();
  return { group, objectives };
}

// Single fetch skips reloading after a 4xx action: after a conflict the form needs the newer
// fingerprint, and after a refused deletion the page needs the group's current proposal count.
export const shouldRevalidate: ShouldRevalidateFunction = (args) => args.formData?.get("intent") === "delete" || revalidateAfterConflict(args);

function typed(values: FormValues) {
  return {
    name: textValue(values, "name"),
    moderator: textValue(values, "moderator"),
    objectiveNumbers: listValue(values, "objectiveNumbers"),
  };
}

/** Why a group cannot be deleted, with its number of proposals. */
function deleteRefused(t: Translate, lang: Lang, count: number) {
  return count === 1
    ? t("workshops.groups.deleteRefusedOne")
    : t("workshops.groups.deleteRefusedMany", { count: formatNumber(lang, count) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  const groupId = params.groupId ?? "";
  const formData = await request.formData();

  if (formData.get("intent") === "delete") {
    const result = await deleteWorkingGroup(user.id, workshopId, groupId);
    if (result.ok) throw redirect(`/workshops/${workshopId}?notice=groupDeleted&name=${encodeURIComponent(result.name)}`);
    if (result.reason === "notFound") notFound();
    const lang = await getLang(request, user);
    return data({ deleteError: deleteRefused(translator(lang), lang, result.count) }, { status: 400 });
  }

  const parsed = parseForm(WorkingGroupEditSchema, formData);
  const values = typed(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await updateWorkingGroup(user.id, workshopId, groupId, parsed.data);
  if (result.ok) throw redirect(`/workshops/${workshopId}/groups/${groupId}?notice=groupSaved`);
  if (result.reason === "notFound") notFound();
  return data({ errors: { form: "conflict.stale" }, values }, { status: 409 });
}

export default function EditWorkingGroupRoute() {
  const { group, objectives } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const submitted = actionData && "values" in actionData ? actionData : undefined;
  const saveErrors = submitted?.errors;
  const deleteError = actionData && "deleteError" in actionData ? actionData.deleteError : undefined;
  // What the editor typed wins over the stored group, even after a conflict; the fingerprint is always the latest.
  const defaults = { ...(submitted?.values ?? group), loaded: group.loaded };
  const { form, onSubmit, errorFor } = useValidatedForm(WorkingGroupEditSchema, { defaultValues: defaults, serverErrors: saveErrors });
  const labels = workingGroupLabels(t);
  const submitting = navigation.state === "submitting";
  const groupPage = `/workshops/${group.workshop.id}/groups/${group.id}`;

  return (
    <>
      <p>
        <Link to={groupPage}>← {group.name}</Link>
      </p>
      <h1>{t("workshops.groups.editTitle")}</h1>
      <p className="muted">{group.workshop.title}</p>
      <ErrorSummary errors={saveErrors} labels={labels} />
      {/* A new key after a conflict: the form takes the newer group's fingerprint. */}
      <Form method="post" noValidate onSubmit={onSubmit} className="form" key={group.loaded}>
        <input type="hidden" name="loaded" value={group.loaded} />
        <WorkingGroupFields register={form.register} errorFor={errorFor} labels={labels} defaults={defaults} objectives={objectives} />
        <div className="button-row">
          <button type="submit" className="button" disabled={submitting}>
            {submitting && navigation.formData?.get("intent") !== "delete" ? t("form.saving") : t("workshops.groups.save")}
          </button>
          <Link to={groupPage}>{t("form.cancel")}</Link>
        </div>
      </Form>

      <section aria-labelledby="delete-title" className="danger-zone">
        <h2 id="delete-title">{t("workshops.groups.deleteTitle")}</h2>
        {deleteError ? (
          <p className="field-error" role="alert">
            {deleteError}
          </p>
        ) : null}
        {group.proposalCount === 0 ? (
          <>
            <p>{t("workshops.groups.deleteHelp")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button button--danger" disabled={submitting}>
                {t("workshops.groups.delete")}
              </button>
            </Form>
          </>
        ) : deleteError ? null : (
          <p>{deleteRefused(t, lang, group.proposalCount)}</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
