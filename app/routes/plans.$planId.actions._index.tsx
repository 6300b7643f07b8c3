// The plan's actions: filters in the URL (a GET form, so it works without JavaScript), pages, sorting.
import type { LoaderFunctionArgs, MetaFunction, LinksFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/form";
import { OrganisationOptions } from "~/components/organisation-options";
import { listHref, Pagination } from "~/components/pagination";
import { StatusBadge } from "~/components/status-badge";
import { getActionChoices, listPlanActions } from "~/modules/actions/actions.server";
import { ACTION_STATUSES, actionFilters, type ActionFilters } from "~/modules/actions/schema";
import { getPlan } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatPercent, formatXof, useLang, useT, type MessageKey } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import actionsStyles from "~/styles/actions.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Actions – ${loaderData.plan.title} – Pacte` : "Actions – Pacte" },
];

const NOTICES = { deleted: "actions.deleted" } satisfies Record<string, MessageKey>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const plan = await getPlan(params.planId ?? "");
  if (!plan) notFound();
  const url = new URL(request.url);
  const filters = actionFilters(url.searchParams);
  const [list, choices] = await Promise.all([listPlanActions(plan.id, filters), getActionChoices()]);
  const notice = url.searchParams.get("notice") === "deleted" ? NOTICES.deleted : null;
  return {
    plan: { id: plan.id, title: plan.title, status: plan.status },
    ...list,
    filters: {
      q: filters.q,
      objective: filters.objective ? String(filters.objective) : "",
      axis: filters.axis ?? "",
      lead: filters.lead ?? "",
      status: filters.status ?? "",
      sort: filters.sort,
    },
    choices: { objectives: choices.objectives, axes: choices.axes, organisations: choices.organisations },
    canEdit: can(user, "plan:edit") && plan.status === "DRAFT",
    // A focal point's own organisation's actions are highlighted.
    ownOrganisation: user.role === "FOCAL_POINT" ? user.organisation : null,
    notice: notice ? { key: notice, code: (url.searchParams.get("code") ?? "").slice(0, 20) } : null,
  };
}

type ShownFilters = Omit<Record<keyof ActionFilters, string>, "page">;

/** The filters and sort as the list's address carries them: the default sort is left out. */
function listQuery({ q, objective, axis, lead, status, sort }: ShownFilters) {
  return { q, objective, axis, lead, status, sort: sort === "code" ? "" : sort };
}

function listLink(planId: string, filters: ShownFilters, changes: Partial<ShownFilters> = {}) {
  return listHref(`/plans/${planId}/actions`, listQuery({ ...filters, ...changes }));
}

/** A column header that sorts by it, and says how the list is sorted now. */
function SortHeader({ planId, filters, column, label }: { planId: string; filters: ShownFilters; column: "code" | "title"; label: string }) {
  const t = useT();
  const ascending = filters.sort === column;
  const descending = filters.sort === `-${column}`;
  const next = ascending ? `-${column}` : column;
  return (
    <th scope="col" aria-sort={ascending ? "ascending" : descending ? "descending" : undefined}>
      <Link to={listLink(planId, filters, { sort: next })} aria-label={t("actions.sortBy", { column: label })}>
        {label}
        <span aria-hidden="true">{ascending ? " ▲" : descending ? " ▼" : " ↕"}</span>
      </Link>
      {ascending || descending ? (
        <span className="visually-hidden"> ({t(ascending ? "actions.sortAscending" : "actions.sortDescending")})</span>
      ) : null}
    </th>
  );
}

export default function PlanActionsRoute() {
  const { plan, actions, total, page, pageCount, filters, choices, canEdit, ownOrganisation, notice } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const filtered = Boolean(filters.q || filters.objective || filters.axis || filters.lead || filters.status);
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);

  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}`}>{t("actions.plan", { title: plan.title })}</Link>
      </p>
      <h1>{t("actions.title")}</h1>
      <p className="lead">{t("actions.intro")}</p>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.key, { code: notice.code })}
        </p>
      ) : null}
      {canEdit ? (
        <p>
          <Link to={`/plans/${plan.id}/actions/new${filters.objective ? `?objective=${filters.objective}` : ""}`} className="button">
            {t("actions.new")}
          </Link>
        </p>
      ) : null}

      <Form method="get" className="filters" role="search" aria-label={t("actions.filters")}>
        {filters.sort !== "code" ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        <Field name="q" label={t("actions.search")}>
          {(control) => <input type="search" name="q" defaultValue={filters.q} {...control} />}
        </Field>
        <Field name="objective" label={t("actions.filterObjective")}>
          {(control) => (
            <select name="objective" defaultValue={filters.objective} {...control}>
              <option value="">{t("actions.allObjectives")}</option>
              {choices.objectives.map((objective) => (
                <option key={objective.number} value={objective.number}>
                  {objective.number}. {title(objective)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="axis" label={t("actions.filterAxis")}>
          {(control) => (
            <select name="axis" defaultValue={filters.axis} {...control}>
              <option value="">{t("actions.allAxes")}</option>
              {choices.axes.map((axis) => (
                <option key={axis.id} value={axis.id}>
                  {t("axis.label", { number: axis.number })} – {title(axis)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="lead" label={t("actions.filterLead")}>
          {(control) => (
            <select name="lead" defaultValue={filters.lead} {...control}>
              <OrganisationOptions organisations={choices.organisations} emptyLabel={t("actions.allLeads")} />
            </select>
          )}
        </Field>
        <Field name="status" label={t("actions.filterStatus")}>
          {(control) => (
            <select name="status" defaultValue={filters.status} {...control}>
              <option value="">{t("actions.allStatuses")}</option>
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`actionStatus.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("actions.filter")}
          </button>
          {filtered ? <Link to={listLink(plan.id, { q: "", objective: "", axis: "", lead: "", status: "", sort: filters.sort })}>{t("actions.clearFilters")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("actions.count", { count: total })}
      </p>
      {ownOrganisation ? <p className="muted">{t("actions.ownHighlighted", { organisation: ownOrganisation.acronym })}</p> : null}
      {actions.length ? (
        <div className="table-wrap table-wrap--tall">
          <table className="actions-table">
            <caption className="visually-hidden">{t("actions.title")}</caption>
            <thead>
              <tr>
                <SortHeader planId={plan.id} filters={filters} column="code" label={t("actions.col.code")} />
                <SortHeader planId={plan.id} filters={filters} column="title" label={t("actions.col.title")} />
                <th scope="col">{t("actions.col.objective")}</th>
                <th scope="col">{t("actions.col.lead")}</th>
                <th scope="col">{t("actions.col.status")}</th>
                <th scope="col" className="num">
                  {t("actions.col.progress")}
                </th>
                <th scope="col" className="num">
                  {t("actions.col.budget")}
                </th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => {
                const own = ownOrganisation !== null && action.leadOrganisation.id === ownOrganisation.id;
                return (
                  <tr key={action.id} className={own ? "highlight" : undefined}>
                    <td className="nowrap">{action.code}</td>
                    <th scope="row">
                      <Link to={`/actions/${action.id}`}>{action.title}</Link>
                      {own ? <span className="tag tag--own">{t("actions.yourOrganisation")}</span> : null}
                    </th>
                    <td>
                      <span className="objective-number">{action.mainObjective.number}</span>
                      <span className="clamp muted">{title(action.mainObjective)}</span>
                    </td>
                    <td>
                      <abbr title={action.leadOrganisation.name}>{action.leadOrganisation.acronym}</abbr>
                    </td>
                    <td>
                      <StatusBadge status={action.status} />
                    </td>
                    <td className="num nowrap">{formatPercent(lang, action.progress)}</td>
                    <td className="num nowrap">{action.estimatedBudget === null ? t("common.none") : formatXof(lang, action.estimatedBudget)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("actions.empty")}</p>
      )}

      <Pagination path={`/plans/${plan.id}/actions`} query={listQuery(filters)} page={page} pageCount={pageCount} label={t("actions.pagination")} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
