import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { createFramework, listFrameworkChoices } from "~/modules/reference/reference.server";
import { CreateFrameworkSchema, createFrameworkValues } from "~/modules/reference/schema";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reference.newFramework");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "reference:edit");
  const frameworks = await listFrameworkChoices();
  return {
    frameworks: frameworks.map(({ _count, ...framework }) => ({ ...framework, axisCount: _count.axes })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "reference:edit");
  const parsed = parseForm(CreateFrameworkSchema, await request.formData());
  const values = createFrameworkValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createFramework(user.id, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw redirect(`/admin/reference/frameworks/${result.id}?notice=created`);
}

export default function NewFrameworkRoute() {
  const { frameworks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const values = actionData?.values;
  // Also rendered as the inputs' default values, so the form is refilled without JavaScript.
  const defaults = {
    code: values?.code ?? "",
    nameFr: values?.nameFr ?? "",
    nameEn: values?.nameEn ?? "",
    adoptedYear: values?.adoptedYear ?? "",
    copyFromId: values?.copyFromId ?? "",
  };
  const { form, onSubmit, errorFor } = useValidatedForm(CreateFrameworkSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  const labels = {
    code: t("reference.code"),
    nameFr: t("reference.nameFr"),
    nameEn: t("reference.nameEn"),
    adoptedYear: t("reference.adoptedYear"),
    copyFromId: t("reference.copyFrom"),
  };

  return (
    <>
      <p>
        <Link to="/admin/reference">{t("reference.back")}</Link>
      </p>
      <h1>{t("reference.newFramework")}</h1>
      <p className="lead">{t("reference.newIntro")}</p>
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <Field name="code" label={labels.code} help={t("reference.codeHelp")} error={errorFor("code")} required>
          {(control) => <input type="text" autoComplete="off" {...control} {...form.register("code")} defaultValue={defaults.code} />}
        </Field>
        <Field name="nameFr" label={labels.nameFr} help={t("reference.nameFrHelp")} error={errorFor("nameFr")} required>
          {(control) => (
            <input type="text" lang="fr" autoComplete="off" {...control} {...form.register("nameFr")} defaultValue={defaults.nameFr} />
          )}
        </Field>
        <Field name="nameEn" label={labels.nameEn} error={errorFor("nameEn")} required>
          {(control) => (
            <input type="text" lang="en" autoComplete="off" {...control} {...form.register("nameEn")} defaultValue={defaults.nameEn} />
          )}
        </Field>
        <Field name="adoptedYear" label={labels.adoptedYear} help={t("reference.yearHelp")} error={errorFor("adoptedYear")}>
          {(control) => (
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              style={{ maxWidth: "8rem" }}
              {...control}
              {...form.register("adoptedYear")}
              defaultValue={defaults.adoptedYear}
            />
          )}
        </Field>
        <Field name="copyFromId" label={labels.copyFromId} help={t("reference.copyHelp")} error={errorFor("copyFromId")}>
          {(control) => (
            <select {...control} {...form.register("copyFromId")} defaultValue={defaults.copyFromId}>
              <option value="">{t("reference.copyNone")}</option>
              {frameworks.map((framework) => (
                <option key={framework.id} value={framework.id}>
                  {t("reference.copyOption", { count: framework.axisCount, name: lang === "en" ? framework.nameEn : framework.nameFr })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("reference.create")}
          </button>
          <Link to="/admin/reference">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
