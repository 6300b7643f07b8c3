// The coordination's list: a plan's indicators off track or not reported (or any standing), by
// GCM objective and by lead ministry, filtered by plan, objective, ministry and global indicator
// (all in the URL, a GET form that works before JavaScript loads).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { JudgementBadge } from "~/components/judgement-badge";
import { formatIndicatorValue } from "~/utils/indicator-value";
import { indicatorFiltersFrom, LIST_SHOWS } from "~/modules/indicators/filters";
import { listIndicatorFilterChoices, listIndicatorStatuses } from "~/modules/indicators/monitoring.server";
import { JUDGEMENTS } from "~/modules/indicators/progress";
import { listPlans } from "~/modules/plans/plans.server";
import indicatorsStyles from "~/styles/indicators.css";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatPercent, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "indicatorList.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: indicatorsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "indicator:followUp");
  const filters = indicatorFiltersFrom(new URL(request.url));
  const [list, plans] = await Promise.all([listIndicatorStatuses(filters), listPlans()]);
  if (filters.planId && !list) notFound();
  const choices = list ? await listIndicatorFilterChoices(list.plan.id) : null;
  return {
    list,
    choices,
    plans: plans.map(({ id, title }) => ({ id, title })),
    filters: {
      plan: list?.plan.id ?? "",
      objective: filters.objective ? String(filters.objective) : "",
      lead: filters.organisationId ?? "",
      global: filters.globalIndicatorId ?? "",
      show: filters.show ?? "attention",
    },
  };
}

export default function IndicatorListRoute() {
  const { list, choices, plans, filters } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);
  const exportQuery = new URLSearchParams({ plan: filters.plan });

  return (
    <div className="indicator-list-page">
      <h1>{t("indicatorList.title")}</h1>
      <p className="lead">{t("indicatorList.intro")}</p>

      <Form method="get" className="filters" role="search" aria-label={t("indicatorList.filters")}>
        <div className="field">
          <label htmlFor="filter-plan">{t("dashboard.plan")}</label>
          <select id="filter-plan" name="plan" defaultValue={filters.plan}>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-show">{t("indicatorList.show")}</label>
          <select id="filter-show" name="show" defaultValue={filters.show}>
            {LIST_SHOWS.map((show) => (
              <option key={show} value={show}>
                {t(`indicatorList.show.${show}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-objective">{t("dashboard.colObjective")}</label>
          <select id="filter-objective" name="objective" defaultValue={filters.objective}>
            <option value="">{t("indicatorList.any")}</option>
            {choices?.objectives.map((objective) => (
              <option key={objective.number} value={objective.number}>
                {t("objectives.number", { number: objective.number })} – {title(objective)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-lead">{t("dashboard.colLead")}</label>
          <select id="filter-lead" name="lead" defaultValue={filters.lead}>
            <option value="">{t("indicatorList.any")}</option>
            {choices?.organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.acronym} – {organisation.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-global">{t("indicatorList.global")}</label>
          <select id="filter-global" name="global" defaultValue={filters.global}>
            <option value="">{t("indicatorList.any")}</option>
            {choices?.globalIndicators.map((item) => (
              <option key={item.id} value={item.id}>
                {t(`globalFramework.${item.framework}`)} {item.code} – {title(item)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("indicatorList.apply")}
        </button>
      </Form>

      {!list ? (
        <p>{t("dashboard.noPlan")}</p>
      ) : (
        <>
          <p className="muted">
            {list.lastDuePeriod
              ? t("indicatorList.lastDue", { period: list.lastDuePeriod.label })
              : t("indicatorList.noneDue")}
          </p>
          <p className="button-row">
            <a href={`/dashboard/export?${new URLSearchParams({ ...Object.fromEntries(exportQuery), table: "indicators", format: "xlsx" })}`} className="button button--secondary" download>
              {t("exports.indicatorsXlsx")}
            </a>
            <a href={`/dashboard/export?${new URLSearchParams({ ...Object.fromEntries(exportQuery), table: "indicators", format: "csv" })}`} className="button button--secondary" download>
              {t("exports.indicatorsCsv")}
            </a>
          </p>

          <section aria-labelledby="list-title">
            <h2 id="list-title">{t("indicatorList.count", { count: list.rows.length })}</h2>
            {list.rows.length ? (
              <div className="table-wrap" role="region" aria-label={t("indicatorList.tableCaption")} tabIndex={0}>
                <table>
                  <caption className="visually-hidden">{t("indicatorList.tableCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("indicators.field.name")}</th>
                      <th scope="col">{t("indicatorList.action")}</th>
                      <th scope="col">{t("dashboard.colObjective")}</th>
                      <th scope="col">{t("dashboard.colLead")}</th>
                      <th scope="col" className="num">
                        {t("indicatorPage.latest")}
                      </th>
                      <th scope="col" className="num">
                        {t("indicatorPage.progress")}
                      </th>
                      <th scope="col">{t("indicatorPage.judgement")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.rows.map((row) => (
                      <tr key={row.id}>
                        <th scope="row">
                          <Link to={`/indicators/${row.id}`}>{row.name}</Link>
                          {row.globalIndicators.length ? (
                            <span className="tags">
                              {row.globalIndicators.map((item) => (
                                <span key={item.id} className="tag" title={title(item)}>
                                  {t(`globalFramework.${item.framework}`)} {item.code}
                                </span>
                              ))}
                            </span>
                          ) : null}
                        </th>
                        <td>
                          <Link to={`/actions/${row.action.id}`}>{row.action.code}</Link>
                        </td>
                        <td className="nowrap">{t("dashboard.objectiveShort", { number: row.action.mainObjectiveNumber })}</td>
                        <td>
                          <abbr title={row.action.leadOrganisation.name}>{row.action.leadOrganisation.acronym}</abbr>
                        </td>
                        <td className="num">{row.status.latest ? formatIndicatorValue(t, lang, row, row.status.latest.value) : t("common.none")}</td>
                        <td className="num">{row.status.progress === null ? t("common.none") : formatPercent(lang, row.status.progress)}</td>
                        <td>
                          <JudgementBadge judgement={row.status.judgement} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="notice">{t("indicatorList.empty")}</p>
            )}
          </section>

          <section aria-labelledby="by-objective-title">
            <h2 id="by-objective-title">{t("indicatorList.byObjective")}</h2>
            <CountsTable
              caption={t("indicatorList.byObjective")}
              head={t("dashboard.colObjective")}
              rows={list.byObjective.map((item) => ({
                key: String(item.number),
                label: t("objectives.number", { number: item.number }),
                to: `?${new URLSearchParams({ ...filters, objective: String(item.number) })}`,
                counts: item.counts,
              }))}
            />
          </section>
          <section aria-labelledby="by-lead-title">
            <h2 id="by-lead-title">{t("indicatorList.byLead")}</h2>
            <CountsTable
              caption={t("indicatorList.byLead")}
              head={t("dashboard.colLead")}
              rows={list.byOrganisation.map((item) => ({
                key: item.id,
                label: `${item.acronym} – ${item.name}`,
                to: `?${new URLSearchParams({ ...filters, lead: item.id })}`,
                counts: item.counts,
              }))}
            />
          </section>
        </>
      )}
    </div>
  );
}

type Counts = { offTrack: number; notReported: number; onTrack: number; noTarget: number; total: number };

function CountsTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; label: string; to: string; counts: Counts }[] }) {
  const t = useT();
  if (rows.length === 0) return <p>{t("indicatorList.empty")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {JUDGEMENTS.map((judgement) => (
              <th key={judgement} scope="col" className="num">
                <JudgementBadge judgement={judgement} />
              </th>
            ))}
            <th scope="col" className="num">
              {t("dashboard.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <Link to={row.to}>{row.label}</Link>
              </th>
              {JUDGEMENTS.map((judgement) => (
                <td key={judgement} className={row.counts[judgement] ? "num" : "num zero"}>
                  {row.counts[judgement]}
                </td>
              ))}
              <td className="num">{row.counts.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
