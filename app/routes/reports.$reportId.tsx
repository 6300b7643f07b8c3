// A progress report: the lead organisation's focal point fills it in, saves drafts and
// submits it; once submitted it is read-only until a reviewer sends it back. Partners add
// contribution notes; everyone allowed to read it sees it read-only. Who may do what is
// reportAbilities' (modules/reporting/abilities.ts), asked by the module functions below.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary } from "~/components/form";
import { ReviewStateBadge } from "~/components/report-badges";
import { ReportForm, reportFormDefaults } from "~/components/report-form";
import { ContributionForm, ReplyForm } from "~/components/report-notes";
import { CommentList, ContributionList, ReportView } from "~/components/report-view";
import { isLate } from "~/modules/reporting/due";
import { addContribution, addReply, getReport, getReportIndicators, getReportVersion, saveReport } from "~/modules/reporting/reports.server";
import { ContributionSchema, reportContent, reportSchema, ReplySchema } from "~/modules/reporting/schema";
import actionsStyles from "~/styles/actions.css";
import reportingStyles from "~/styles/reporting.css";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { handleDomainErrors, loadOrRespond } from "~/utils/domain-response.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { formatDate, formatDateTime, useLang, useT, type MessageKey } from "~/utils/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: actionsStyles },
  { rel: "stylesheet", href: reportingStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: loaderData
      ? `Rapport ${loaderData.report.action.code} – ${loaderData.report.period.label} – Pacte`
      : "Rapport d'avancement – Pacte",
  },
];

const NOTICES = {
  saved: "reports.saved",
  submitted: "reports.submitted",
  replied: "reports.replied",
  contributed: "reports.contributed",
} satisfies Record<string, MessageKey>;

function noticeFrom(request: Request) {
  const notice = new URL(request.url).searchParams.get("notice");
  return Object.entries(NOTICES).find(([name]) => name === notice)?.[1] ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { report, abilities } = await loadOrRespond(() => getReport(user, params.reportId ?? ""));
  return {
    report,
    abilities,
    late: isLate({ dueDate: report.period.dueDate, submittedAt: report.submittedAt }, new Date()),
    notice: noticeFrom(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const reportId = params.reportId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/reports/${reportId}`;

  if (intent === "contribute") {
    requirePermission(user, "report:contribute");
    const parsed = parseForm(ContributionSchema, formData);
    if (!parsed.ok) return badRequest({ intent, errors: parsed.errors, values: parsed.values });
    return handleDomainErrors(
      async () => {
        await addContribution(user, reportId, parsed.data.note);
        return redirect(`${back}?notice=contributed`);
      },
      () => ({ intent, values: parsed.values }),
    );
  }

  if (intent === "reply") {
    requirePermission(user, "report:edit");
    const parsed = parseForm(ReplySchema, formData);
    if (!parsed.ok) return badRequest({ intent, errors: parsed.errors, values: parsed.values });
    return handleDomainErrors(
      async () => {
        await addReply(user, reportId, parsed.data.body);
        return redirect(`${back}?notice=replied`);
      },
      () => ({ intent, values: parsed.values }),
    );
  }

  if (intent !== "save" && intent !== "submit") return badRequest({ intent: null, errors: { form: "validation.invalidForm" }, values: {} });
  requirePermission(user, intent === "submit" ? "report:submit" : "report:edit");
  const indicators = await loadOrRespond(() => getReportIndicators(user, reportId, intent));
  const parsed = parseForm(reportSchema(indicators), formData);
  if (!parsed.ok) return badRequest({ intent, errors: parsed.errors, values: parsed.values });
  return handleDomainErrors(
    async () => {
      await saveReport(user, reportId, reportContent(parsed.data, indicators));
      return redirect(`${back}?notice=${intent === "submit" ? "submitted" : "saved"}`);
    },
    // The form keeps what was typed and, after a conflict, the latest version: the focal
    // point has been told, so saving again is a deliberate overwrite.
    async () => {
      const latest = await getReportVersion(user, reportId);
      return { intent, values: latest ? { ...parsed.values, version: String(latest.version) } : parsed.values };
    },
  );
}

export default function ReportRoute() {
  const { report, abilities, late, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const t = useT();
  const lang = useLang();
  const reportErrors = actionData && (actionData.intent === "save" || actionData.intent === "submit" || actionData.intent === null) ? actionData : undefined;
  const sentBack = report.reviewState === "CHANGES_REQUESTED";

  return (
    <>
      <p>
        <Link to="/my-actions">← {t("myActions.title")}</Link> · <Link to={`/reports/${report.id}/print`}>{t("offline.print")}</Link>
      </p>
      <h1>
        {t("reports.title")} – <span className="muted">{report.action.code}</span> {report.action.title}
      </h1>
      <p className="report-meta">
        <ReviewStateBadge state={report.reviewState} />{" "}
        <span>
          {report.period.label} ({formatDate(lang, report.period.startDate, { dateStyle: "short" })} –{" "}
          {formatDate(lang, report.period.endDate, { dateStyle: "short" })})
        </span>{" "}
        · <span>{t("reports.dueOn", { date: formatDate(lang, report.period.dueDate) })}</span>
        {late ? (
          <>
            {" "}
            <span className="status urgency urgency--late">
              <span aria-hidden="true">▲</span>
              {t(report.submittedAt ? "reports.submittedLate" : "myActions.urgency.late")}
            </span>
          </>
        ) : null}{" "}
        · <abbr title={report.organisation.name}>{report.organisation.acronym}</abbr>
      </p>
      {report.submittedAt ? (
        <p className="muted">
          {t("reports.submittedOn", { date: formatDateTime(lang, report.submittedAt), name: report.submittedBy?.name ?? "—" })}
        </p>
      ) : null}
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {abilities.blockedByClosedPeriod ? (
        <p className="notice notice--warning">{t("reports.closedPeriodHelp", { label: report.period.label })}</p>
      ) : null}

      {sentBack || (abilities.edit && report.comments.length) ? (
        <section aria-labelledby="comments-title" className="comments-panel">
          <h2 id="comments-title">{t("reports.reviewComments")}</h2>
          <CommentList comments={report.comments} />
          {abilities.reply ? (
            <ReplyForm
              key={location.key}
              errors={actionData?.intent === "reply" ? actionData.errors : undefined}
              values={actionData?.intent === "reply" ? actionData.values : undefined}
            />
          ) : null}
        </section>
      ) : null}

      {abilities.edit ? (
        <ReportForm
          reportId={report.id}
          version={report.version}
          indicators={report.action.indicators}
          defaultValues={reportFormDefaults({ ...report, indicators: report.action.indicators }, lang, reportErrors?.values)}
          canSubmit={abilities.submit}
          errors={reportErrors?.errors}
        />
      ) : (
        <>
          {reportErrors ? <ErrorSummary errors={reportErrors.errors} labels={{}} /> : null}
          <ReportView report={report} indicators={report.action.indicators} values={report.values} />
          {!sentBack && report.comments.length ? (
            <section aria-labelledby="comments-title">
              <h2 id="comments-title">{t("reports.reviewComments")}</h2>
              <CommentList comments={report.comments} />
            </section>
          ) : null}
        </>
      )}

      <section aria-labelledby="contributions-title">
        <h2 id="contributions-title">{t("reports.contributions")}</h2>
        <ContributionList contributions={report.contributions} />
        {abilities.contribute ? (
          <ContributionForm
            key={location.key}
            errors={actionData?.intent === "contribute" ? actionData.errors : undefined}
            values={actionData?.intent === "contribute" ? actionData.values : undefined}
          />
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
