import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, useValidatedForm } from "~/components/form";
import { ProposalFields, proposalLabels } from "~/components/proposal-fields";
import { ProposalStatusBadge } from "~/components/proposal-status-badge";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import { ProposalSchema, textValue } from "~/modules/workshops/schema";
import { createProposal, getWorkingGroup, listObjectiveChoices } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { formatDateTime, formatNumber, useLang, useT, type MessageKey } from "~/utils/i18n";
import { can } from "~/utils/permissions";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.group.name} – Propositions – Pacte` : "Groupe de travail – Pacte" },
];

const NOTICES = {
  groupCreated: "workshops.notice.groupCreated",
  proposalAdded: "workshops.notice.proposalAdded",
  groupSaved: "workshops.notice.groupSaved",
  proposalSaved: "workshops.notice.proposalSaved",
} satisfies Record<string, MessageKey>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const canEdit = can(user, "workshop:edit");
  const [group, objectives, organisations] = await Promise.all([
    getWorkingGroup(params.workshopId ?? "", params.groupId ?? ""),
    listObjectiveChoices(),
    canEdit ? listOrganisationChoices() : [],
  ]);
  if (!group) notFound();
  const search = new URL(request.url).searchParams;
  const notice = Object.entries(NOTICES).find(([name]) => name === search.get("notice"))?.[1] ?? null;
  // The objective of the proposal just saved: the next one is often about the same.
  const lastObjective = Number(search.get("objective"));
  const defaultObjective =
    Number.isInteger(lastObjective) && lastObjective >= 1 && lastObjective <= 23 ? lastObjective : group.objectiveNumbers[0];
  // The proposal just corrected, to name it in the notice and highlight it.
  const savedProposalId = notice === "workshops.notice.proposalSaved" ? search.get("proposal") : null;
  return {
    group,
    objectives,
    organisations,
    canEdit,
    notice,
    savedProposalId,
    defaultObjective: defaultObjective ? String(defaultObjective) : "",
  };
}

function typed(values: FormValues) {
  return {
    title: textValue(values, "title"),
    objectiveNumber: textValue(values, "objectiveNumber"),
    leadOrganisationId: textValue(values, "leadOrganisationId"),
    notes: textValue(values, "notes"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  const groupId = params.groupId ?? "";
  const parsed = parseForm(ProposalSchema, await request.formData());
  const values = typed(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createProposal(user.id, workshopId, groupId, parsed.data);
  if (result.ok) {
    throw redirect(`/workshops/${workshopId}/groups/${groupId}?notice=proposalAdded&objective=${parsed.data.objectiveNumber}`);
  }
  if (result.reason === "notFound") notFound();
  return data({ errors: result.errors, values }, { status: 400 });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function ProposalForm({
  loaderData,
  values,
  errors,
  focus,
}: {
  loaderData: Data;
  values?: ReturnType<typeof typed>;
  errors?: FieldErrors;
  focus: boolean;
}) {
  const { group, objectives, organisations, defaultObjective } = loaderData;
  const navigation = useNavigation();
  const t = useT();
  const defaults = values ?? { title: "", objectiveNumber: defaultObjective, leadOrganisationId: "", notes: "" };
  const { form, onSubmit, errorFor } = useValidatedForm(ProposalSchema, { defaultValues: defaults, serverErrors: errors });
  const labels = proposalLabels(t);
  const saving = navigation.state !== "idle" && navigation.formMethod === "POST";

  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit} className="form" aria-labelledby="new-proposal">
        <ProposalFields
          register={form.register}
          errorFor={errorFor}
          labels={labels}
          defaults={defaults}
          objectives={objectives}
          groupObjectiveNumbers={group.objectiveNumbers}
          organisations={organisations}
          // Focus returns to the title after each save, so the next proposal can be typed at once.
          autoFocus={focus}
          notesRows={3}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t("form.saving") : t("workshops.proposals.save")}
          </button>
        </div>
      </Form>
    </>
  );
}

export default function WorkingGroupRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const { group, objectives, canEdit, notice, savedProposalId } = loaderData;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const objectiveTitle = new Map(objectives.map((objective) => [objective.number, lang === "en" ? objective.titleEn : objective.titleFr]));
  const latest = group.proposals[0];
  const saved = group.proposals.find((proposal) => proposal.id === savedProposalId);
  const highlighted = notice === "workshops.notice.proposalAdded" ? latest : saved;
  const noticeTitle = notice === "workshops.notice.proposalAdded" ? latest?.title : saved?.title;
  const groupPath = `/workshops/${group.workshop.id}/groups/${group.id}`;

  return (
    <>
      <p>
        <Link to={`/workshops/${group.workshop.id}`}>← {group.workshop.title}</Link>
      </p>
      <h1>{group.name}</h1>
      <p className="muted">
        {group.moderator ? `${t("workshops.groups.moderatedBy", { moderator: group.moderator })} · ` : ""}
        {t("workshops.groups.objectivesList", { numbers: group.objectiveNumbers.join(", ") })}
        {canEdit ? (
          <>
            {" · "}
            <Link to={`${groupPath}/edit`} aria-label={t("workshops.groups.editLabel", { name: group.name })}>
              {t("workshops.groups.edit")}
            </Link>
          </>
        ) : null}
      </p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice, { title: noticeTitle ?? "" })}
        </p>
      ) : null}

      {canEdit ? (
        <section aria-labelledby="new-proposal">
          <h2 id="new-proposal">{t("workshops.proposals.new")}</h2>
          {/* A new key after each save empties the form; focus goes back to the title. */}
          <ProposalForm
            key={actionData ? "retry" : `after-${group.proposals.length}`}
            loaderData={loaderData}
            values={actionData?.values}
            errors={actionData?.errors}
            focus={notice === "workshops.notice.proposalAdded" && !actionData}
          />
        </section>
      ) : null}

      <h2>{t("workshops.groups.proposals", { count: formatNumber(lang, group.proposals.length) })}</h2>
      {group.proposals.length ? (
        <>
          <p className="muted">{t("workshops.proposals.latestFirst")}</p>
          {/* A list rather than a table: read on a phone in the room, nothing hides off-screen. */}
          <ol className="objective-list">
            {group.proposals.map((proposal) => (
              <li
                key={proposal.id}
                className={proposal.id === highlighted?.id ? "highlight" : undefined}
              >
                <p className="proposal-head">
                  <strong>{proposal.title}</strong>
                  <span>
                    <ProposalStatusBadge status={proposal.status} />
                    {/* Decided proposals are linked to a plan action or carry a decision: not corrected here. */}
                    {canEdit && proposal.status === "PENDING" ? (
                      <>
                        {" · "}
                        <Link
                          to={`${groupPath}/proposals/${proposal.id}/edit`}
                          aria-label={t("workshops.proposals.editLabel", { title: proposal.title })}
                        >
                          {t("workshops.proposals.edit")}
                        </Link>
                      </>
                    ) : null}
                  </span>
                </p>
                <p className="muted proposal-meta">
                  <abbr title={objectiveTitle.get(proposal.objectiveNumber)}>
                    {t("workshops.objectiveShort", { number: proposal.objectiveNumber })}
                  </abbr>
                  {" · "}
                  {proposal.leadOrganisation ? (
                    <abbr title={proposal.leadOrganisation.name}>{proposal.leadOrganisation.acronym}</abbr>
                  ) : (
                    t("workshops.leadToBeDefined")
                  )}
                  {" · "}
                  {formatDateTime(lang, proposal.createdAt)}
                </p>
                {proposal.notes ? <p className="proposal-notes">{proposal.notes}</p> : null}
                {proposal.rejectionReason ? (
                  <p className="muted proposal-meta">
                    {t("workshops.rejectionReason", { reason: proposal.rejectionReason })}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">{t("workshops.groups.noProposal")}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
