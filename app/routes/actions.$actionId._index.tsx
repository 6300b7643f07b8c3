// One action: everything about it, its indicators and its history; deleting it from a draft plan.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/components/delete-confirmation";
import { ErrorPage, PLAN_NOT_DRAFT } from "~/components/error-page";
import { StatusBadge } from "~/components/status-badge";
import { actionAbilities } from "~/modules/actions/abilities";
import { deleteAction, getAction, getActionSummary, listActionHistory } from "~/modules/actions/actions.server";
import { rethrowPlanNotDraft } from "~/modules/actions/draft.server";
import { describeHistory } from "~/modules/actions/history";
import { DISAGGREGATIONS } from "~/modules/indicators/schema";
import { requireDraftPlan } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatDate, formatDateTime, formatNumber, formatPercent, formatXof, useLang, useT, type Lang, type MessageKey, type Translate } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import actionsStyles from "~/styles/actions.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.action.code} – ${loaderData.action.title} – Pacte` : "Action – Pacte" },
];

const NOTICES = {
  created: "actions.created",
  saved: "actions.saved",
  indicatorCreated: "indicators.created",
  indicatorSaved: "indicators.saved",
  indicatorDeleted: "indicators.deleted",
} satisfies Record<string, MessageKey>;

function noticeFrom(request: Request) {
  const notice = new URL(request.url).searchParams.get("notice");
  return Object.entries(NOTICES).find(([name]) => name === notice)?.[1] ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const action = await getAction(params.actionId ?? "");
  if (!action) notFound();
  const canReadHistory = can(user, "audit:read");
  const abilities = actionAbilities(user, action);
  return {
    action,
    canEdit: abilities.edit,
    own: abilities.own,
    history: canReadHistory ? await listActionHistory(action.id) : null,
    notice: noticeFrom(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:edit");
  const actionId = params.actionId ?? "";
  const summary = await getActionSummary(actionId);
  if (!summary) notFound();
  await requireDraftPlan(summary.planId);
  const formData = await request.formData();
  if (formData.get("intent") !== "delete") return data({ errors: { form: "validation.invalidForm" } }, { status: 400 });
  if (formData.get("confirm") !== "on") return data({ errors: { confirm: "validation.confirmRequired" } }, { status: 400 });
  const result = await deleteAction(user.id, actionId).catch(rethrowPlanNotDraft);
  if (!result.ok) notFound();
  throw redirect(`/plans/${summary.planId}/actions?notice=deleted&code=${encodeURIComponent(summary.code)}`);
}

// The page's data is called `action` too: name the route action's type before it is shadowed.
type DeleteAction = typeof action;

function day(lang: Lang, value: string | null) {
  return value ? formatDate(lang, `${value}T00:00:00Z`) : null;
}

function indicatorValue(t: Translate, lang: Lang, indicator: { kind: string; unit: string | null }, value: number | null, date: string | null) {
  if (value === null) return t("common.none");
  const number =
    indicator.kind === "YES_NO"
      ? t(value === 1 ? "common.yes" : "common.no")
      : indicator.kind === "PERCENTAGE"
        ? formatPercent(lang, value)
        : indicator.unit
          ? t("indicators.valueWithUnit", { value: formatNumber(lang, value), unit: indicator.unit })
          : formatNumber(lang, value);
  return date ? t("indicators.valueOn", { value: number, date: day(lang, date) ?? "" }) : number;
}

export default function ActionRoute() {
  const { action, canEdit, own, history, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<DeleteAction>();
  const t = useT();
  const lang = useLang();
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);
  const notSet = <span className="muted">{t("actions.notSet")}</span>;
  const lines = history ? describeHistory(t, lang, history, action.indicators) : null;
  const confirmError = actionData?.errors && "confirm" in actionData.errors ? actionData.errors.confirm : undefined;

  return (
    <>
      <p>
        <Link to={`/plans/${action.plan.id}/actions`}>{t("actions.back")}</Link>
      </p>
      <h1>
        <span className="muted">{action.code}</span> {action.title}
      </h1>
      <p className="muted">
        {t("actions.plan", { title: action.plan.title })}
        {own ? <span className="tag tag--own">{t("actions.yourOrganisation")}</span> : null}
      </p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {canEdit ? (
        <p className="button-row">
          <Link to={`/actions/${action.id}/edit`} className="button">
            {t("actions.edit")}
          </Link>
          <Link to={`/actions/${action.id}/indicators/new`} className="button button--secondary">
            {t("indicators.new")}
          </Link>
        </p>
      ) : null}

      <dl className="details-list details-list--grid">
        <div>
          <dt>{t("actions.field.status")}</dt>
          <dd>
            <StatusBadge status={action.status} /> <span className="nowrap">{formatPercent(lang, action.progress)}</span>{" "}
            <progress value={action.progress} max={100} aria-label={t("actions.field.progress")} />
          </dd>
        </div>
        <div>
          <dt>{t("actions.field.priority")}</dt>
          <dd>{t(`priority.${action.priority}`)}</dd>
        </div>
        <div>
          <dt>{t("actions.field.mainObjectiveNumber")}</dt>
          <dd>
            <Link to={`/objectives/${action.mainObjective.number}`}>
              {t("actions.objectiveValue", { number: action.mainObjective.number, title: title(action.mainObjective) })}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t("actions.field.otherObjectives")}</dt>
          <dd>
            {action.otherObjectives.length ? (
              <ul className="plain-list">
                {action.otherObjectives.map((objective) => (
                  <li key={objective.number}>{t("actions.objectiveValue", { number: objective.number, title: title(objective) })}</li>
                ))}
              </ul>
            ) : (
              notSet
            )}
          </dd>
        </div>
        <div>
          <dt>{t("actions.field.axes")}</dt>
          <dd>
            {action.axes.length ? (
              <ul className="plain-list">
                {action.axes.map((axis) => (
                  <li key={axis.id}>
                    {t("axis.label", { number: axis.number })} – {title(axis)}
                  </li>
                ))}
              </ul>
            ) : (
              notSet
            )}
          </dd>
        </div>
        <div>
          <dt>{t("actions.field.principles")}</dt>
          <dd>
            {action.principles.length ? (
              <ul className="plain-list">
                {action.principles.map((principle) => (
                  <li key={principle.number}>
                    {principle.number}. {title(principle)}
                  </li>
                ))}
              </ul>
            ) : (
              notSet
            )}
          </dd>
        </div>
        <div>
          <dt>{t("actions.field.leadOrganisation")}</dt>
          <dd>
            {action.leadOrganisation.name} ({action.leadOrganisation.acronym})
          </dd>
        </div>
        <div>
          <dt>{t("actions.field.partners")}</dt>
          <dd>
            {action.partners.length ? (
              <ul className="plain-list">
                {action.partners.map((partner) => (
                  <li key={partner.id}>
                    {partner.name} ({partner.acronym})
                  </li>
                ))}
              </ul>
            ) : (
              notSet
            )}
          </dd>
        </div>
        <div>
          <dt>{t("actions.field.startDate")}</dt>
          <dd>{day(lang, action.startDate) ?? notSet}</dd>
        </div>
        <div>
          <dt>{t("actions.field.endDate")}</dt>
          <dd>{day(lang, action.endDate) ?? notSet}</dd>
        </div>
        <div>
          <dt>{t("actions.field.estimatedBudget")}</dt>
          <dd className="nowrap">{action.estimatedBudget === null ? notSet : formatXof(lang, action.estimatedBudget)}</dd>
        </div>
        <div>
          <dt>{t("actions.field.securedFunding")}</dt>
          <dd className="nowrap">{action.securedFunding === null ? notSet : formatXof(lang, action.securedFunding)}</dd>
        </div>
      </dl>

      <h2>{t("actions.field.description")}</h2>
      {action.description ? <p className="prose">{action.description}</p> : <p>{notSet}</p>}
      <h2>{t("actions.field.expectedResult")}</h2>
      {action.expectedResult ? <p className="prose">{action.expectedResult}</p> : <p>{notSet}</p>}

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t("actions.indicators")}</h2>
        {action.indicators.length ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("actions.indicators")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicators.field.name")}</th>
                  <th scope="col">{t("indicators.field.unit")}</th>
                  <th scope="col">{t("indicators.field.kind")}</th>
                  <th scope="col" className="num">
                    {t("indicators.col.baseline")}
                  </th>
                  <th scope="col" className="num">
                    {t("indicators.col.target")}
                  </th>
                  <th scope="col" className="num">
                    {t("indicators.col.current")}
                  </th>
                  <th scope="col">{t("indicators.field.frequency")}</th>
                  <th scope="col">{t("indicators.field.disaggregation")}</th>
                  {canEdit ? <th scope="col">{t("indicators.col.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {action.indicators.map((indicator) => (
                  <tr key={indicator.id}>
                    <th scope="row">
                      <Link to={`/indicators/${indicator.id}`}>
                        {indicator.name}
                      </Link>
                      {indicator.definition ? <span className="indicator-definition">{indicator.definition}</span> : null}
                    </th>
                    <td>{indicator.unit ?? t("common.none")}</td>
                    <td>{t(`indicatorKind.${indicator.kind}`)}</td>
                    <td className="num">{indicatorValue(t, lang, indicator, indicator.baselineValue, indicator.baselineDate)}</td>
                    <td className="num">{indicatorValue(t, lang, indicator, indicator.targetValue, indicator.targetDate)}</td>
                    <td className="num">{indicatorValue(t, lang, indicator, indicator.currentValue, null)}</td>
                    <td>{t(`frequency.${indicator.frequency}`)}</td>
                    <td>
                      {indicator.disaggregation.length
                        ? indicator.disaggregation.map((dimension) => disaggregationLabel(t, dimension)).join(", ")
                        : t("common.none")}
                    </td>
                    {canEdit ? (
                      <td className="nowrap">
                        <Link to={`/actions/${action.id}/indicators/${indicator.id}`} aria-label={t("indicators.editLabel", { name: indicator.name })}>
                          {t("indicators.edit")}
                        </Link>
                        {" · "}
                        <Link
                          to={`/actions/${action.id}/indicators/${indicator.id}#delete`}
                          aria-label={t("indicators.removeLabel", { name: indicator.name })}
                        >
                          {t("indicators.remove")}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("actions.noIndicator")}</p>
        )}
      </section>

      {lines ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("actions.history")}</h2>
          {lines.length ? (
            <ol className="history">
              {lines.map((line) => (
                <li key={line.id}>
                  <p>
                    <time dateTime={new Date(line.at).toISOString()}>{formatDateTime(lang, line.at)}</time> –{" "}
                    <strong>{line.who}</strong> {line.summary}
                  </p>
                  {line.details.length ? (
                    <ul>
                      {line.details.map((detail, index) => (
                        <li key={index}>{detail}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("actions.noHistory")}</p>
          )}
        </section>
      ) : null}

      {canEdit ? (
        <DeleteConfirmation
          title={t("actions.deleteTitle")}
          help={t("actions.deleteHelp")}
          confirmLabel={t("actions.deleteConfirm")}
          buttonLabel={t("actions.delete")}
          error={confirmError}
        />
      ) : null}
    </>
  );
}

function disaggregationLabel(t: Translate, dimension: string) {
  const known = DISAGGREGATIONS.find((candidate) => candidate === dimension);
  return known ? t(`disaggregation.${known}`) : dimension;
}

export function ErrorBoundary() {
  return <ErrorPage conflict={PLAN_NOT_DRAFT} />;
}
