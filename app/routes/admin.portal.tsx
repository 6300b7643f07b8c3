import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary } from "~/components/form";
import { getPortalSetting, listPublishableBudgets, setInternalBudgets, setPortalEnabled } from "~/modules/portal/portal.server";
import { InternalBudgetsSchema, PortalSettingSchema } from "~/modules/portal/schema";
import dashboardStyles from "~/styles/dashboard.css";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { formatDateTime, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "portal.admin.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "portal:manage");
  const [setting, budgets] = await Promise.all([getPortalSetting(), listPublishableBudgets()]);
  return { ...setting, budgets, notice: new URL(request.url).searchParams.get("notice") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "portal:manage");
  const form = await request.formData();
  if (form.get("intent") === "budgets") {
    const budgets = parseForm(InternalBudgetsSchema, form);
    if (!budgets.ok) return data({ errors: budgets.errors }, { status: 400 });
    await setInternalBudgets(user.id, budgets.data.internal);
    throw redirect("/admin/portal?notice=budgets");
  }
  const parsed = parseForm(PortalSettingSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const enabled = parsed.data.enabled === "true";
  await setPortalEnabled(user.id, enabled);
  throw redirect(`/admin/portal?notice=${enabled ? "enabled" : "disabled"}`);
}

export default function AdminPortalRoute() {
  const { enabled, updatedAt, budgets, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  return (
    <div>
      <h1>{t("portal.admin.title")}</h1>
      <p className="lead">{t("portal.admin.intro")}</p>
      {notice === "enabled" || notice === "disabled" || notice === "budgets" ? (
        <p className="notice" role="status">
          {t(notice === "enabled" ? "portal.admin.enabledNotice" : notice === "disabled" ? "portal.admin.disabledNotice" : "portal.admin.budgetsNotice")}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} labels={{ enabled: t("portal.admin.state") }} />
      <dl className="portal-state">
        <dt>{t("portal.admin.state")}</dt>
        <dd>
          <strong>{t(enabled ? "portal.admin.on" : "portal.admin.off")}</strong>
          {updatedAt ? <span className="muted"> – {t("portal.admin.changedAt", { date: formatDateTime(lang, updatedAt) })}</span> : null}
        </dd>
      </dl>
      {enabled ? (
        <p>
          <Link to="/public">{t("portal.admin.open")}</Link>
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
        <button type="submit" className={enabled ? "button button--secondary" : "button"}>
          {t(enabled ? "portal.admin.disable" : "portal.admin.enable")}
        </button>
      </Form>
      <p className="muted small">{t("portal.admin.contentNote")}</p>

      <h2>{t("portal.admin.budgets")}</h2>
      <p>{t("portal.admin.budgetsHelp")}</p>
      {budgets.length === 0 ? (
        <p className="muted">{t("portal.admin.noBudget")}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="budgets" />
          <fieldset>
            <legend>{t("portal.admin.budgetsLegend")}</legend>
            {budgets.map((action) => (
              <label key={action.id} className="checkbox">
                <input type="checkbox" name="internal" value={action.id} defaultChecked={action.budgetInternal} />
                <span>
                  <strong>{action.code}</strong> {action.title} <span className="muted">({action.plan.title})</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("portal.admin.saveBudgets")}
          </button>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
