import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { createOrganisation } from "~/modules/organisations/organisations.server";
import { CreateOrganisationSchema, ORGANISATION_KINDS, organisationValues } from "~/modules/organisations/schema";
import { requireUserWith } from "~/utils/auth.server";
import { handleDomainErrors } from "~/utils/domain-response.server";
import { parseForm } from "~/utils/forms";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Nouvelle organisation – Pacte" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "organisations:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "organisations:manage");
  const parsed = parseForm(CreateOrganisationSchema, await request.formData());
  const values = organisationValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  return handleDomainErrors(
    async () => {
      const created = await createOrganisation(user.id, parsed.data);
      return redirect(`/admin/organisations/${created.id}?notice=created`);
    },
    () => ({ values }),
  );
}

export default function NewOrganisationRoute() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const values = actionData?.values;
  // Also rendered as the inputs' default values, so the form is refilled without JavaScript.
  const defaults = {
    acronym: values?.acronym ?? "",
    name: values?.name ?? "",
    kind: values?.kind ?? "",
    note: values?.note ?? "",
  };
  const { form, onSubmit, errorFor } = useValidatedForm(CreateOrganisationSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  const labels = {
    acronym: t("admin.orgs.acronym"),
    name: t("admin.orgs.name"),
    kind: t("admin.orgs.kind"),
    note: t("admin.orgs.note"),
  };

  return (
    <>
      <p>
        <Link to="/admin/organisations">{t("admin.orgs.back")}</Link>
      </p>
      <h1>{t("admin.orgs.new")}</h1>
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
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
              <option value="">{t("admin.orgs.chooseKind")}</option>
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
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("admin.orgs.create")}
          </button>
          <Link to="/admin/organisations">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
