import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { getOrganisation, updateOrganisation } from "~/modules/organisations/organisations.server";
import { ORGANISATION_KINDS, organisationValues, UpdateOrganisationSchema } from "~/modules/organisations/schema";
import { requireUserWith } from "~/utils/auth.server";
import { handleDomainErrors } from "~/utils/domain-response.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { useT, type MessageKey } from "~/utils/i18n";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.organisation.acronym} – Organisations – Pacte` : "Organisation – Pacte" },
];

// Remix skips reloading after a 4xx answer; after a conflict the page must show the
// stored record (and its new version) so that saving again can succeed.
export const shouldRevalidate = revalidateAfterConflict;

const NOTICES = { created: "admin.orgs.created", saved: "admin.orgs.saved" } satisfies Record<string, MessageKey>;

function noticeFrom(request: Request) {
  const notice = new URL(request.url).searchParams.get("notice");
  return Object.entries(NOTICES).find(([name]) => name === notice)?.[1] ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "organisations:manage");
  const organisation = await getOrganisation(params.organisationId ?? "");
  if (!organisation) notFound();
  return { organisation, notice: noticeFrom(request) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "organisations:manage");
  const organisationId = params.organisationId ?? "";
  const parsed = parseForm(UpdateOrganisationSchema, await request.formData());
  const values = organisationValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  return handleDomainErrors(
    async () => {
      await updateOrganisation(user.id, organisationId, parsed.data);
      return redirect(`/admin/organisations/${organisationId}?notice=saved`);
    },
    () => ({ values }),
  );
}

export default function AdminOrganisationRoute() {
  const { organisation, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/admin/organisations">{t("admin.orgs.back")}</Link>
      </p>
      <h1>
        {organisation.acronym} – {organisation.name}
      </h1>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <OrganisationForm
        // A new version (saved here or elsewhere) starts the form afresh from what was stored.
        key={organisation.version}
        organisation={organisation}
        submitted={actionData}
      />
    </>
  );
}

type Submitted = { errors: Record<string, string>; values: ReturnType<typeof organisationValues> };

function OrganisationForm({
  organisation,
  submitted,
}: {
  organisation: { acronym: string; name: string; kind: string; note: string | null; active: boolean; version: number };
  submitted?: Submitted;
}) {
  const t = useT();
  const navigation = useNavigation();
  // After a refused save, the form shows what the admin typed, not what is stored.
  const defaults = submitted?.values ?? {
    acronym: organisation.acronym,
    name: organisation.name,
    kind: organisation.kind,
    note: organisation.note ?? "",
    active: organisation.active,
  };
  const { form, onSubmit, errorFor } = useValidatedForm(UpdateOrganisationSchema, {
    defaultValues: { ...defaults, version: String(organisation.version) },
    serverErrors: submitted?.errors,
  });
  const labels = {
    acronym: t("admin.orgs.acronym"),
    name: t("admin.orgs.name"),
    kind: t("admin.orgs.kind"),
    note: t("admin.orgs.note"),
    active: t("admin.orgs.activeLabel"),
  };

  return (
    <>
      <ErrorSummary errors={submitted?.errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <input type="hidden" name="version" value={organisation.version} />
        <Field name="acronym" label={labels.acronym} help={t("admin.orgs.acronymHelp")} error={errorFor("acronym")} required>
          {(control) => (
            <input type="text" autoComplete="off" {...control} {...form.register("acronym")} defaultValue={defaults.acronym} />
          )}
        </Field>
        <Field name="name" label={labels.name} error={errorFor("name")} required>
          {(control) => <input type="text" autoComplete="off" {...control} {...form.register("name")} defaultValue={defaults.name} />}
        </Field>
        <Field name="kind" label={labels.kind} error={errorFor("kind")} required>
          {(control) => (
            <select {...control} {...form.register("kind")} defaultValue={defaults.kind}>
              {ORGANISATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`orgKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="note" label={labels.note} error={errorFor("note")}>
          {(control) => <textarea rows={4} {...control} {...form.register("note")} defaultValue={defaults.note} />}
        </Field>
        <div className="field">
          <label className="checkbox" htmlFor="field-active">
            <input type="checkbox" id="field-active" aria-describedby="field-active-help" {...form.register("active")} defaultChecked={defaults.active} />
            {labels.active}
          </label>
          <span className="help" id="field-active-help">
            {t("admin.orgs.activeHelp")}
          </span>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("admin.orgs.save")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
