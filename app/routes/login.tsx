import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { LoginSchema } from "~/modules/auth/schema";
import { getOptionalUser, LOGIN_WINDOW_MINUTES, login, safeRedirect } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { useT } from "~/utils/i18n";
import { getLang, languageCookie } from "~/utils/language.server";
import { translator } from "~/utils/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (user) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await request.formData());
  const values = { email: typeof parsed.values.email === "string" ? parsed.values.email : "" };
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });

  const result = await login({
    email: parsed.data.email,
    password: parsed.data.password,
    ipAddress: typeof context.clientAddress === "string" ? context.clientAddress : "unknown",
    userAgent: request.headers.get("User-Agent"),
  });
  if (!result.ok) {
    const t = translator(await getLang(request));
    const message =
      result.reason === "rateLimited" ? t("auth.rateLimited", { minutes: LOGIN_WINDOW_MINUTES }) : "auth.invalid";
    return data({ errors: { form: message }, values }, { status: result.reason === "rateLimited" ? 429 : 401 });
  }

  const headers = new Headers();
  headers.append("Set-Cookie", result.cookie);
  headers.append("Set-Cookie", await languageCookie.serialize(result.user.language === "EN" ? "en" : "fr"));
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers });
}

export default function LoginRoute() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm(LoginSchema, {
    defaultValues: { email: actionData?.values.email ?? "", password: "", redirectTo },
    serverErrors: actionData?.errors,
  });
  const formError = actionData?.errors && "form" in actionData.errors ? actionData.errors.form : undefined;

  return (
    <section className="auth-panel">
      <h1>{t("auth.title")}</h1>
      <p className="muted">{t("auth.intro")}</p>
      <ErrorSummary
        errors={formError ? { form: formError } : undefined}
        labels={{}}
      />
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        {/* react-hook-form fills its fields only once JavaScript runs: the server writes the values too. */}
        <input type="hidden" defaultValue={redirectTo} {...form.register("redirectTo")} />
        <Field name="email" label={t("auth.email")} error={errorFor("email")} required>
          {(control) => (
            <input
              type="email"
              autoComplete="username"
              defaultValue={actionData?.values.email ?? ""}
              {...control}
              {...form.register("email")}
            />
          )}
        </Field>
        <Field name="password" label={t("auth.password")} error={errorFor("password")} required>
          {(control) => (
            <input type="password" autoComplete="current-password" {...control} {...form.register("password")} />
          )}
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.submit")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
