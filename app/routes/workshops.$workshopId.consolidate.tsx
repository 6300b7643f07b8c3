import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CONSOLIDATION_PLAN_NOT_DRAFT, ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { OrganisationOptions } from "~/components/organisation-options";
import { ProposalStatusBadge } from "~/components/proposal-status-badge";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import {
  acceptProposal,
  getConsolidation,
  planNotDraft,
  rejectProposal,
  requireConsolidationPlan,
  type DecisionResult,
} from "~/modules/workshops/consolidation.server";
import { AcceptProposalSchema, RejectProposalSchema, textValue } from "~/modules/workshops/schema";
import { listObjectiveChoices } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { loadOrRespond } from "~/utils/domain-response.server";
import { notFound } from "~/utils/http.server";
import { formatNumber, useLang, useT, type MessageKey } from "~/utils/i18n";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Consolidation – ${loaderData.workshop.title} – Pacte` : "Consolidation – Pacte" },
];

const NOTICES = {
  accepted: "workshops.notice.accepted",
  merged: "workshops.notice.merged",
  rejected: "workshops.notice.rejected",
} satisfies Record<string, MessageKey>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  const [consolidation, organisations, objectives] = await Promise.all([
    getConsolidation(params.workshopId ?? ""),
    listOrganisationChoices(),
    listObjectiveChoices(),
  ]);
  if (!consolidation) notFound();
  const search = new URL(request.url).searchParams;
  const notice = Object.entries(NOTICES).find(([name]) => name === search.get("notice"))?.[1] ?? null;
  // Only an action of this plan can be named in the notice.
  const noticeAction = consolidation.actions.find((action) => action.id === search.get("action")) ?? null;
  return { ...consolidation, organisations, objectives, notice, noticeAction };
}

// Single fetch skips reloading after a 4xx action; after a 409 the lists must show who decided first.
export const shouldRevalidate = revalidateAfterConflict;

type Intent = "accept" | "reject";

function refused(intent: Intent | null, proposalId: string, errors: FieldErrors, values: Record<string, string>, status = 400) {
  return data({ intent, proposalId, errors, values }, { status });
}

function outcome(
  result: DecisionResult,
  intent: Intent,
  proposalId: string,
  values: Record<string, string>,
  workshopId: string,
) {
  if (result.ok) {
    const notice = intent === "accept" ? "accepted" : "rejected";
    const action = result.actionId ? `&action=${result.actionId}` : "";
    throw redirect(`/workshops/${workshopId}/consolidate?notice=${notice}${action}`);
  }
  if (result.reason === "notFound") notFound();
  if (result.reason === "planNotDraft") planNotDraft();
  if (result.reason === "alreadyDecided") {
    return refused(intent, proposalId, { form: "workshops.consolidate.alreadyDecided" }, values, 409);
  }
  return refused(intent, proposalId, result.errors, values);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  // A workshop without a draft plan to write into: the ErrorBoundary explains the 409.
  await loadOrRespond(() => requireConsolidationPlan(workshopId));
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "accept") {
    const parsed = parseForm(AcceptProposalSchema, formData);
    const proposalId = textValue(parsed.values, "proposalId");
    const values = { leadOrganisationId: textValue(parsed.values, "leadOrganisationId") };
    if (!parsed.ok) return refused(intent, proposalId, parsed.errors, values);
    return outcome(await acceptProposal(user.id, workshopId, parsed.data), intent, proposalId, values, workshopId);
  }

  if (intent === "reject") {
    const parsed = parseForm(RejectProposalSchema, formData);
    const proposalId = textValue(parsed.values, "proposalId");
    const values = { rejectionReason: textValue(parsed.values, "rejectionReason") };
    if (!parsed.ok) return refused(intent, proposalId, parsed.errors, values);
    return outcome(await rejectProposal(user.id, workshopId, parsed.data), intent, proposalId, values, workshopId);
  }

  return refused(null, "", { form: "validation.invalidForm" }, {});
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Proposal = LoaderData["groups"][number]["pending"][number];
type Organisation = LoaderData["organisations"][number];

function AcceptForm({
  proposal,
  organisations,
  values,
  errors,
}: {
  proposal: Proposal;
  organisations: Organisation[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = useT();
  const navigation = useNavigation();
  const lead = values?.leadOrganisationId ?? proposal.leadOrganisation?.id ?? "";
  const { form, onSubmit, errorFor } = useValidatedForm(AcceptProposalSchema, {
    defaultValues: { intent: "accept", proposalId: proposal.id, leadOrganisationId: lead },
    serverErrors: errors,
  });
  const busy = navigation.state !== "idle" && navigation.formData?.get("proposalId") === proposal.id;
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" {...form.register("intent")} defaultValue="accept" />
      <input type="hidden" {...form.register("proposalId")} defaultValue={proposal.id} />
      <Field
        name={`accept-${proposal.id}-lead`}
        label={t("workshops.consolidate.lead")}
        help={proposal.leadOrganisation ? t("workshops.consolidate.leadProposed") : t("workshops.consolidate.leadMissing")}
        error={errorFor("leadOrganisationId")}
        required
      >
        {(control) => (
          <select {...control} {...form.register("leadOrganisationId")} defaultValue={lead}>
            <OrganisationOptions organisations={organisations} emptyLabel={t("workshops.consolidate.chooseLead")} />
          </select>
        )}
      </Field>
      <button type="submit" className="button" disabled={busy}>
        {t("workshops.consolidate.accept")}
      </button>
    </Form>
  );
}

function RejectForm({ proposal, values, errors }: { proposal: Proposal; values?: Record<string, string>; errors?: FieldErrors }) {
  const t = useT();
  const navigation = useNavigation();
  const { form, onSubmit, errorFor } = useValidatedForm(RejectProposalSchema, {
    defaultValues: { intent: "reject", proposalId: proposal.id, rejectionReason: values?.rejectionReason ?? "" },
    serverErrors: errors,
  });
  const error = errorFor("rejectionReason");
  const busy = navigation.state !== "idle" && navigation.formData?.get("proposalId") === proposal.id;
  return (
    <details open={Boolean(errors) || undefined}>
      <summary>{t("workshops.consolidate.rejectOpen")}</summary>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" {...form.register("intent")} defaultValue="reject" />
        <input type="hidden" {...form.register("proposalId")} defaultValue={proposal.id} />
        <Field
          name={`reject-${proposal.id}-reason`}
          label={t("workshops.consolidate.reason")}
          help={t("workshops.consolidate.reasonHelp")}
          error={error}
          required
        >
          {(control) => <textarea rows={2} {...control} {...form.register("rejectionReason")} defaultValue={values?.rejectionReason ?? ""} />}
        </Field>
        <button type="submit" className="button button--danger" disabled={busy}>
          {t("workshops.consolidate.reject")}
        </button>
      </Form>
    </details>
  );
}

export default function ConsolidateRoute() {
  const { workshop, groups, decided, pendingCount, organisations, objectives, notice, noticeAction } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const objectiveTitle = new Map(objectives.map((objective) => [objective.number, lang === "en" ? objective.titleEn : objective.titleFr]));
  const plan = workshop.plan;
  const open = plan?.status === "DRAFT";

  // The summary links to the field of the proposal the error is about.
  const summaryErrors: FieldErrors = {};
  const summaryLabels: Record<string, string> = {};
  for (const [name, message] of Object.entries(actionData?.errors ?? {})) {
    const key =
      name === "leadOrganisationId"
        ? `accept-${actionData?.proposalId}-lead`
        : name === "rejectionReason"
          ? `reject-${actionData?.proposalId}-reason`
          : name;
    summaryErrors[key] = message;
    if (key !== name) {
      const label = t(name === "leadOrganisationId" ? "workshops.consolidate.lead" : "workshops.consolidate.reason");
      const proposal = groups.flatMap((group) => group.pending).find((pending) => pending.id === actionData?.proposalId);
      summaryLabels[key] = proposal ? `${label} (« ${proposal.title} »)` : label;
    }
  }
  const forProposal = (proposal: Proposal, intent: Intent) =>
    actionData && actionData.proposalId === proposal.id && actionData.intent === intent ? actionData : undefined;

  return (
    <>
      <p>
        <Link to={`/workshops/${workshop.id}`}>← {workshop.title}</Link>
      </p>
      <h1>{t("workshops.consolidate.title")}</h1>
      <p className="lead">{t("workshops.consolidate.intro")}</p>
      <p>
        {t("workshops.plan")} :{" "}
        {plan ? (
          <>
            <strong>{plan.title}</strong> ({t(`workshops.planStatus.${plan.status}`)})
          </>
        ) : (
          <strong>{t("workshops.noPlan")}</strong>
        )}
      </p>
      {notice && !actionData ? (
        <div className="notice notice--stacked" role="status">
          <p>
            {noticeAction
              ? t(notice, { code: noticeAction.code, title: noticeAction.title })
              : t(notice === NOTICES.rejected ? notice : "workshops.notice.decided")}
          </p>
          {noticeAction ? (
            <p>
              <Link to={`/actions/${noticeAction.id}/edit`}>{t("workshops.consolidate.completeAction", { code: noticeAction.code })}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {!plan ? (
        <p className="notice notice--warning">
          {t("workshops.consolidate.noPlan")} <Link to={`/workshops/${workshop.id}/edit`}>{t("workshops.edit")}</Link>
        </p>
      ) : !open ? (
        <p className="notice notice--warning">{t("workshops.consolidate.planNotDraft")}</p>
      ) : null}
      <ErrorSummary errors={actionData ? summaryErrors : undefined} labels={summaryLabels} />

      <h2>{t("workshops.consolidate.pending", { count: formatNumber(lang, pendingCount) })}</h2>
      {pendingCount === 0 ? <p>{t("workshops.consolidate.nothingPending")}</p> : null}
      {open && pendingCount > 0 ? (
        <form id="merge-form" method="get" action={`/workshops/${workshop.id}/merge`} className="todo merge-bar">
          <p id="merge-help">
            {t("workshops.consolidate.mergeHelp")}
          </p>
          <button type="submit" className="button button--secondary">
            {t("workshops.consolidate.mergeSelected")}
          </button>
        </form>
      ) : null}

      {groups
        .filter((group) => group.pending.length > 0)
        .map((group) => (
          <section key={group.id} aria-labelledby={`group-${group.id}`}>
            <h3 id={`group-${group.id}`}>
              {group.name} <span className="muted">({t("workshops.pendingCount", { count: formatNumber(lang, group.pending.length) })})</span>
            </h3>
            <ul className="objective-list">
              {group.pending.map((proposal) => (
                <li key={proposal.id}>
                  {open ? (
                    <label className="checkbox proposal-title">
                      <input
                        type="checkbox"
                        name="proposalIds"
                        value={proposal.id}
                        form="merge-form"
                        aria-describedby="merge-help"
                      />
                      <span>{proposal.title}</span>
                    </label>
                  ) : (
                    <p className="proposal-title">{proposal.title}</p>
                  )}
                  <p className="muted proposal-meta">
                    <abbr title={objectiveTitle.get(proposal.objectiveNumber)}>
                      {t("workshops.objectiveShort", { number: proposal.objectiveNumber })}
                    </abbr>{" "}
                    – {objectiveTitle.get(proposal.objectiveNumber)} ·{" "}
                    {proposal.leadOrganisation
                      ? t("workshops.consolidate.proposedBy", { lead: proposal.leadOrganisation.acronym })
                      : t("workshops.leadToBeDefined")}
                  </p>
                  {proposal.notes ? <p className="proposal-notes">{proposal.notes}</p> : null}
                  {open ? (
                    <div className="proposal-decisions">
                      <AcceptForm
                        proposal={proposal}
                        organisations={organisations}
                        values={forProposal(proposal, "accept")?.values}
                        errors={forProposal(proposal, "accept")?.errors}
                      />
                      <RejectForm
                        proposal={proposal}
                        values={forProposal(proposal, "reject")?.values}
                        errors={forProposal(proposal, "reject")?.errors}
                      />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      {open && pendingCount > 1 ? (
        <p className="button-row">
          {/* Outside the form, like the checkboxes: ticked far down the page, merged from here. */}
          <button type="submit" form="merge-form" className="button button--secondary">
            {t("workshops.consolidate.mergeSelected")}
          </button>
        </p>
      ) : null}

      <h2>{t("workshops.consolidate.decided", { count: formatNumber(lang, decided.length) })}</h2>
      {decided.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("workshops.proposal")}</th>
                <th scope="col">{t("workshops.groups.group")}</th>
                <th scope="col">{t("workshops.status")}</th>
                <th scope="col">{t("workshops.planAction")}</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((proposal) => (
                <tr key={proposal.id}>
                  <td>{proposal.title}</td>
                  <td>{proposal.groupName}</td>
                  <td>
                    <ProposalStatusBadge status={proposal.status} />
                  </td>
                  <td>
                    {proposal.action ? (
                      <Link to={`/actions/${proposal.action.id}/edit`}>
                        {proposal.action.code} – {proposal.action.title}
                      </Link>
                    ) : proposal.rejectionReason ? (
                      t("workshops.rejectionReason", { reason: proposal.rejectionReason })
                    ) : (
                      t("common.none")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("workshops.consolidate.noneDecided")}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage conflict={CONSOLIDATION_PLAN_NOT_DRAFT} />;
}
