import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import type { OrganisationChoice } from "~/components/organisation-options";
import { UserFields } from "~/components/user-fields";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import { profileValues, ResetPasswordSchema, SetActiveSchema, UpdateUserSchema } from "~/modules/users/schema";
import { getUser, resetUserPassword, setUserActive, updateUser } from "~/modules/users/users.server";
import { requireUserWith } from "~/utils/auth.server";
import { handleDomainErrors } from "~/utils/domain-response.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { formatDateTime, useLang, useT, type MessageKey } from "~/utils/i18n";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.account.name} – Utilisateurs – Pacte` : "Utilisateur – Pacte" },
];

// Remix skips reloading after a 4xx answer; after a conflict the page must show the
// stored record (and its new version) so that saving again can succeed.
export const shouldRevalidate = revalidateAfterConflict;

const NOTICES = {
  created: "admin.users.created",
  saved: "admin.users.saved",
  deactivated: "admin.users.deactivated",
  reactivated: "admin.users.reactivated",
  passwordReset: "admin.users.passwordReset",
} satisfies Record<string, MessageKey>;

function noticeFrom(request: Request) {
  const notice = new URL(request.url).searchParams.get("notice");
  return Object.entries(NOTICES).find(([name]) => name === notice)?.[1] ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireUserWith(request, "users:manage");
  const account = await getUser(params.userId ?? "");
  if (!account) notFound();
  const organisations = await listOrganisationChoices(account.organisationId);
  return { account, organisations, isSelf: account.id === admin.id, notice: noticeFrom(request) };
}

type Intent = "update" | "deactivate" | "reactivate" | "resetPassword";

function refused(intent: Intent | null, errors: FieldErrors, values: ReturnType<typeof profileValues>, status = 400) {
  return data({ intent, errors, values }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUserWith(request, "users:manage");
  const userId = params.userId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const done = (notice: keyof typeof NOTICES) => redirect(`/admin/users/${userId}?notice=${notice}`);

  if (intent === "update") {
    const parsed = parseForm(UpdateUserSchema, formData);
    const values = profileValues(parsed.values);
    if (!parsed.ok) return refused(intent, parsed.errors, values);
    return handleDomainErrors(
      async () => {
        await updateUser(admin.id, userId, parsed.data);
        return done("saved");
      },
      () => ({ intent, values }),
    );
  }

  if (intent === "deactivate" || intent === "reactivate") {
    const parsed = parseForm(SetActiveSchema, formData);
    if (!parsed.ok) return refused(intent, parsed.errors, profileValues({}));
    const reactivate = parsed.data.intent === "reactivate";
    return handleDomainErrors(
      async () => {
        await setUserActive(admin.id, userId, reactivate);
        return done(reactivate ? "reactivated" : "deactivated");
      },
      () => ({ intent, values: profileValues({}) }),
    );
  }

  if (intent === "resetPassword") {
    // The password is never sent back, whatever happens.
    const parsed = parseForm(ResetPasswordSchema, formData);
    if (!parsed.ok) return refused(intent, parsed.errors, profileValues({}));
    const { password } = parsed.data;
    return handleDomainErrors(
      async () => {
        await resetUserPassword(admin.id, userId, password);
        return done("passwordReset");
      },
      () => ({ intent, values: profileValues({}) }),
    );
  }

  return refused(null, { form: "validation.invalidForm" }, profileValues({}));
}

export default function AdminUserRoute() {
  const { account, organisations, isSelf, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const labels = {
    name: t("admin.users.name"),
    role: t("admin.users.role"),
    organisationId: t("admin.users.organisation"),
    language: t("admin.users.language"),
    password: t("admin.users.newPassword"),
  };

  return (
    <>
      <p>
        <Link to="/admin/users">{t("admin.users.back")}</Link>
      </p>
      <h1>{account.name}</h1>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      <dl>
        <dt>{t("admin.users.email")}</dt>
        <dd>{account.email}</dd>
        <dt>{t("admin.users.status")}</dt>
        <dd>{account.active ? t("admin.users.active") : <strong>{t("admin.users.inactive")}</strong>}</dd>
        <dt>{t("admin.users.lastLogin")}</dt>
        <dd>{account.lastLoginAt ? formatDateTime(lang, account.lastLoginAt) : t("admin.users.never")}</dd>
        <dt>{t("admin.users.passwordChangedAt")}</dt>
        <dd>{formatDateTime(lang, account.passwordChangedAt)}</dd>
      </dl>

      <ProfileForm
        // A new version (saved here or elsewhere) starts the form afresh from what was stored.
        key={account.version}
        account={account}
        organisations={organisations}
        labels={labels}
        submitted={actionData?.intent === "update" ? actionData : undefined}
      />

      <section aria-labelledby="access-title">
        <h2 id="access-title">{t("admin.users.access")}</h2>
        {account.active ? (
          isSelf ? (
            <p className="muted">{t("admin.users.cannotDeactivateSelf")}</p>
          ) : (
            <Form method="post">
              <p className="muted">{t("admin.users.deactivateHelp")}</p>
              <input type="hidden" name="intent" value="deactivate" />
              <button type="submit" className="button button--danger">
                {t("admin.users.deactivate")}
              </button>
            </Form>
          )
        ) : (
          <Form method="post">
            <p className="muted">{t("admin.users.reactivateHelp")}</p>
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="button">
              {t("admin.users.reactivate")}
            </button>
          </Form>
        )}
      </section>

      <ResetPasswordForm
        label={labels.password}
        serverErrors={actionData?.intent === "resetPassword" ? actionData.errors : undefined}
      />
    </>
  );
}

type Account = {
  name: string;
  role: string;
  organisationId: string | null;
  language: string;
  version: number;
};

function ProfileForm({
  account,
  organisations,
  labels,
  submitted,
}: {
  account: Account;
  organisations: OrganisationChoice[];
  labels: Record<"name" | "role" | "organisationId" | "language", string>;
  submitted?: { errors: FieldErrors; values: ReturnType<typeof profileValues> };
}) {
  const t = useT();
  const navigation = useNavigation();
  // After a refused save, the form shows what the admin typed, not what is stored.
  const defaults = submitted?.values ?? {
    name: account.name,
    role: account.role,
    organisationId: account.organisationId ?? "",
    language: account.language,
  };
  const { form, onSubmit, errorFor } = useValidatedForm(UpdateUserSchema, {
    defaultValues: { intent: "update", version: String(account.version), ...defaults },
    serverErrors: submitted?.errors,
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "update";

  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t("admin.users.profile")}</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={account.version} />
        <UserFields register={form.register} errorFor={errorFor} labels={labels} defaults={defaults} organisations={organisations} />
        <div className="button-row">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t("form.saving") : t("admin.users.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function ResetPasswordForm({ label, serverErrors }: { label: string; serverErrors?: FieldErrors }) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm(ResetPasswordSchema, {
    defaultValues: { intent: "resetPassword", password: "" },
    serverErrors,
  });
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t("admin.users.resetPassword")}</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <input type="hidden" name="intent" value="resetPassword" />
        <Field name="password" label={label} help={t("admin.users.resetPasswordHelp")} error={errorFor("password")} required>
          {(control) => <input type="password" autoComplete="new-password" {...control} {...form.register("password")} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("admin.users.resetPassword")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
