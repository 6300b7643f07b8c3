import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary } from "~/components/form";
import { PlanStatusBadge } from "~/components/plan-status-badge";
import { StatusBadge } from "~/components/status-badge";
import {
  adoptPlan,
  archivePlan,
  getPlan,
  getPlanOverview,
  listVersions,
  startRevision,
} from "~/modules/plans/plans.server";
import { planAbilities } from "~/modules/plans/abilities";
import { PlanTransitionSchema } from "~/modules/plans/schema";
import { requireUserWith } from "~/utils/auth.server";
import { handleDomainErrors } from "~/utils/domain-response.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { formatDate, formatPercent, formatXof, useLang, useT, type MessageKey } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? { text: data.plan.title } : "error.404.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const plan = await getPlan(params.planId ?? "");
  if (!plan) notFound();
  const [overview, versions] = await Promise.all([getPlanOverview(plan.id), listVersions(plan.id)]);
  return {
    plan,
    overview,
    versions,
    abilities: planAbilities(user, plan),
    viewerOrganisationId: user.organisationId,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:adopt");
  const planId = params.planId ?? "";
  if (!(await getPlan(planId))) notFound();
  const parsed = parseForm(PlanTransitionSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const { intent, version, note } = parsed.data;
  return handleDomainErrors(
    async () => {
      if (intent === "adopt") {
        const adopted = await adoptPlan(user.id, planId, { version, note });
        return redirect(`/plans/${planId}?notice=adopted&number=${adopted.number}`);
      }
      if (intent === "revise") {
        const revised = await startRevision(user.id, planId, { version });
        return redirect(`/plans/${planId}?notice=revised&number=${revised.revision}`);
      }
      await archivePlan(user.id, planId, { version });
      return redirect(`/plans/${planId}?notice=archived`);
    },
    () => ({}),
  );
}

const NOTICES: Record<string, MessageKey> = {
  created: "plans.created",
  saved: "plans.saved",
  adopted: "plans.adopted",
  revised: "plans.revised",
  archived: "plans.archived",
  imported: "spreadsheet.imported",
};

export default function PlanRoute() {
  const { plan, overview, versions, abilities, viewerOrganisationId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const notice = NOTICES[searchParams.get("notice") ?? ""];
  const isDraft = plan.status === "DRAFT";
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);
  const securedShare = overview.estimatedBudget > 0 ? (overview.securedFunding / overview.estimatedBudget) * 100 : 0;

  return (
    <>
      <p>
        <Link to="/plans">← {t("plans.allPlans")}</Link>
      </p>
      <h1>{plan.title}</h1>
      <p>
        <PlanStatusBadge status={plan.status} /> · {t("plans.revision", { number: plan.revision })} ·{" "}
        {t("plans.periodValue", { start: formatDate(lang, plan.startDate), end: formatDate(lang, plan.endDate) })}
      </p>
      {plan.adoptedAt && plan.status !== "DRAFT" ? (
        <p className="muted">{t("plans.adoptedOn", { date: formatDate(lang, plan.adoptedAt), name: plan.adoptedBy?.name ?? "—" })}</p>
      ) : null}
      {plan.description ? <p className="lead">{plan.description}</p> : null}
      {notice ? (
        <p className="notice" role="status">
          {t(notice, { number: searchParams.get("number") ?? "" })}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} labels={{}} />

      <div className="button-row">
        <Link to={`/plans/${plan.id}/actions`} className="button button--secondary">
          {t("plans.actions")}
        </Link>
        {abilities.edit ? (
          <>
            <Link to={`/plans/${plan.id}/actions/new`} className="button">
              {t("plans.addAction")}
            </Link>
            <Link to={`/plans/${plan.id}/edit`} className="button button--secondary">
              {t("plans.edit")}
            </Link>
            <Link to={`/plans/${plan.id}/import`} className="button button--secondary">
              {t("plans.import")}
            </Link>
          </>
        ) : null}
        {plan.status !== "DRAFT" ? (
          <Link to={`/plans/${plan.id}/periods`} className="button button--secondary">
            {t("plans.periods")}
          </Link>
        ) : null}
        <a href={`/plans/${plan.id}/export.xlsx`} className="button button--secondary" download>
          {t("plans.export")}
        </a>
        <a href={`/plans/${plan.id}/export.csv`} className="button button--secondary" download>
          {t("plans.exportCsv")}
        </a>
        <Link to={`/plans/${plan.id}/review-report`} className="button button--secondary">{t("reviewReport.link")}</Link>
      </div>

      <section aria-labelledby="totals">
        <h2 id="totals">{t("plans.totals")}</h2>
        <ul className="card-grid">
          <li className="card">
            <span className="stat">{overview.actionCount}</span> {t("home.stats.actions")}
          </li>
          <li className="card">
            <span className="stat">{formatXof(lang, overview.estimatedBudget)}</span> {t("plans.estimatedBudget")}
          </li>
          <li className="card">
            <span className="stat">{formatXof(lang, overview.securedFunding)}</span> {t("plans.securedFunding")} (
            {formatPercent(lang, securedShare)})
          </li>
        </ul>
      </section>

      <section aria-labelledby="coverage">
        <h2 id="coverage">{t("plans.coverage")}</h2>
        <p className="muted">{t("plans.coverageIntro")}</p>
        <h3>{t("plans.coverageObjectives", { covered: 23 - overview.objectivesWithoutAction.length, total: 23 })}</h3>
        <ul className="coverage-grid">
          {overview.byObjective.map((objective) => (
            <li key={objective.number} className={objective.actions.length ? "covered" : "gap"}>
              <Link to={`/objectives/${objective.number}`} title={title(objective)}>
                <strong>{objective.number}</strong>
                <span>{objective.actions.length ? t("plans.actionsCount", { count: objective.actions.length }) : `⚠ ${t("plans.noAction")}`}</span>
              </Link>
            </li>
          ))}
        </ul>
        <h3>{t("plans.coverageAxes", { covered: overview.byAxis.length - overview.axesWithoutAction.length, total: overview.byAxis.length })}</h3>
        <div className="table-wrap">
          <table>
            <caption className="muted">{t("plans.byAxis")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field.axes")}</th>
                <th scope="col" className="num">{t("plans.count")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.byAxis.map((axis) => (
                <tr key={axis.id} className={axis.actionCount ? undefined : "gap-row"}>
                  <th scope="row">
                    {t("axis.label", { number: axis.number })} – {title(axis)}
                  </th>
                  <td className="num">{axis.actionCount ? axis.actionCount : `⚠ ${t("plans.noAction")}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="by-lead">
        <h2 id="by-lead">{t("plans.byLead")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("plans.organisation")}</th>
                <th scope="col" className="num">{t("plans.count")}</th>
                <th scope="col" className="num">{t("plans.estimatedBudget")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.byLead.map((lead) => (
                <tr key={lead.id} className={lead.id === viewerOrganisationId ? "highlight" : undefined}>
                  <th scope="row">
                    <abbr title={lead.name}>{lead.acronym}</abbr> – {lead.name}
                  </th>
                  <td className="num">{lead.actionCount}</td>
                  <td className="num">{formatXof(lang, lead.estimatedBudget)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="by-objective">
        <h2 id="by-objective">{t("plans.byObjective")}</h2>
        {overview.byObjective
          .filter((objective) => objective.actions.length > 0)
          .map((objective) => (
            <section key={objective.number} aria-labelledby={`objective-${objective.number}`}>
              <h3 id={`objective-${objective.number}`}>
                {t("objectives.number", { number: objective.number })} – {title(objective)}
              </h3>
              <ul className="action-list">
                {objective.actions.map((action) => (
                  <li key={action.id} className={action.leadOrganisation.id === viewerOrganisationId ? "highlight" : undefined}>
                    <Link to={`/actions/${action.id}`}>
                      <strong>{action.code}</strong> {action.title}
                    </Link>{" "}
                    <span className="muted">· {action.leadOrganisation.acronym}</span> <StatusBadge status={action.status} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </section>

      <section aria-labelledby="versions">
        <h2 id="versions">{t("plans.versions")}</h2>
        {versions.length === 0 ? (
          <p>{t("plans.noVersion")}</p>
        ) : (
          <ul>
            {versions.map((version) => (
              <li key={version.id}>
                <Link to={`/plans/${plan.id}/versions/${version.number}`}>{t("plans.version", { number: version.number })}</Link> –{" "}
                {t("plans.versionAdopted", { date: formatDate(lang, version.adoptedAt), name: version.adoptedBy?.name ?? "—" })}
                {version.note ? <span className="muted"> – {version.note}</span> : null} ·{" "}
                <Link to={`/plans/${plan.id}/diff?from=${version.number}&to=current`}>{t("plans.compareWithCurrent")}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {abilities.manageLifecycle ? (
        <section aria-labelledby="lifecycle" className="card">
          {isDraft ? (
            <Form method="post">
              <h2 id="lifecycle">{t("plans.adopt")}</h2>
              <p className="muted">{t("plans.adoptHelp")}</p>
              <input type="hidden" name="intent" value="adopt" />
              <input type="hidden" name="version" value={plan.version} />
              <div className="field">
                <label htmlFor="adopt-note">{t("plans.adoptNote")}</label>
                <textarea id="adopt-note" name="note" rows={2} />
              </div>
              <button type="submit" className="button">
                {t("plans.adopt")}
              </button>
            </Form>
          ) : plan.status === "ADOPTED" ? (
            <>
              <h2 id="lifecycle">{t("plans.revise")}</h2>
              <p className="muted">{t("plans.reviseHelp")}</p>
              <div className="button-row">
                <Form method="post">
                  <input type="hidden" name="intent" value="revise" />
                  <input type="hidden" name="version" value={plan.version} />
                  <button type="submit" className="button">
                    {t("plans.revise")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="archive" />
                  <input type="hidden" name="version" value={plan.version} />
                  <button type="submit" className="button button--secondary">
                    {t("plans.archive")}
                  </button>
                </Form>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
