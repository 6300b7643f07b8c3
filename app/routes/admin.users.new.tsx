import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { UserFields } from "~/components/user-fields";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import { CreateUserSchema, profileValues } from "~/modules/users/schema";
import { createUser } from "~/modules/users/users.server";
import { requireUserWith } from "~/utils/auth.server";
import { handleDomainErrors } from "~/utils/domain-response.server";
import { parseForm } from "~/utils/forms";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Nouvel utilisateur – Pacte" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "users:manage");
  return { organisations: await listOrganisationChoices() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "users:manage");
  const parsed = parseForm(CreateUserSchema, await request.formData());
  const values = profileValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  return handleDomainErrors(
    async () => {
      const created = await createUser(user.id, parsed.data);
      return redirect(`/admin/users/${created.id}?notice=created`);
    },
    () => ({ values }),
  );
}

export default function NewUserRoute() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const values = actionData?.values;
  // Also rendered as the inputs' default values, so the form is refilled without JavaScript.
  const defaults = {
    name: values?.name ?? "",
    email: values?.email ?? "",
    role: values?.role ?? "",
    organisationId: values?.organisationId ?? "",
    language: values?.language || "FR",
  };
  const { form, onSubmit, errorFor } = useValidatedForm(CreateUserSchema, {
    defaultValues: { ...defaults, password: "" },
    serverErrors: actionData?.errors,
  });
  const labels = {
    name: t("admin.users.name"),
    email: t("admin.users.email"),
    role: t("admin.users.role"),
    organisationId: t("admin.users.organisation"),
    language: t("admin.users.language"),
    password: t("admin.users.password"),
  };

  return (
    <>
      <p>
        <Link to="/admin/users">{t("admin.users.back")}</Link>
      </p>
      <h1>{t("admin.users.new")}</h1>
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <UserFields
          register={form.register}
          errorFor={errorFor}
          labels={labels}
          defaults={defaults}
          organisations={organisations}
          chooseRole
          emailField={
            <Field name="email" label={labels.email} help={t("admin.users.emailHelp")} error={errorFor("email")} required>
              {(control) => <input type="email" autoComplete="off" {...control} {...form.register("email")} defaultValue={defaults.email} />}
            </Field>
          }
        />
        <Field name="password" label={labels.password} help={t("admin.users.passwordHelp")} error={errorFor("password")} required>
          {(control) => <input type="password" autoComplete="new-password" {...control} {...form.register("password")} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("admin.users.create")}
          </button>
          <Link to="/admin/users">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
