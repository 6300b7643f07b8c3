import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ProposalStatusBadge } from "~/components/proposal-status-badge";
import { getWorkshop, listObjectiveChoices } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatDate, formatNumber, useLang, useT, type MessageKey } from "~/utils/i18n";
import { can } from "~/utils/permissions";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.workshop.title} – Ateliers – Pacte` : "Atelier – Pacte" },
];

const NOTICES = {
  created: "workshops.notice.created",
  saved: "workshops.notice.saved",
  groupDeleted: "workshops.notice.groupDeleted",
} satisfies Record<string, MessageKey>;

function noticeFrom(request: Request) {
  const notice = new URL(request.url).searchParams.get("notice");
  return Object.entries(NOTICES).find(([name]) => name === notice)?.[1] ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const [workshop, objectives] = await Promise.all([getWorkshop(params.workshopId ?? ""), listObjectiveChoices()]);
  if (!workshop) notFound();
  // The deleted group's name, for the notice: it is no longer in the workshop to look up.
  const deletedName = new URL(request.url).searchParams.get("name")?.slice(0, 200) ?? "";
  return { workshop, objectives, canEdit: can(user, "workshop:edit"), notice: noticeFrom(request), deletedName };
}

export default function WorkshopRoute() {
  const { workshop, objectives, canEdit, notice, deletedName } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);
  const objectiveTitle = new Map(objectives.map((objective) => [objective.number, title(objective)]));
  const sameDay = workshop.startDate.getTime() === workshop.endDate.getTime();
  const proposals = workshop.workingGroups.flatMap((group) => group.proposals);
  const pendingCount = proposals.filter((proposal) => proposal.status === "PENDING").length;

  return (
    <>
      <p>
        <Link to="/workshops">← {t("workshops.back")}</Link>
      </p>
      <h1>{workshop.title}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice, { name: deletedName })}
        </p>
      ) : null}
      <dl>
        <dt>{t("workshops.dates")}</dt>
        <dd>
          {sameDay
            ? formatDate(lang, workshop.startDate)
            : `${formatDate(lang, workshop.startDate)} – ${formatDate(lang, workshop.endDate)}`}
        </dd>
        <dt>{t("workshops.place")}</dt>
        <dd>{workshop.place}</dd>
        <dt>{t("workshops.field.organisers")}</dt>
        <dd>{workshop.organisers}</dd>
        <dt>{t("workshops.plan")}</dt>
        <dd>
          {workshop.plan ? (
            <>
              {workshop.plan.title} <span className="muted">({t(`workshops.planStatus.${workshop.plan.status}`)})</span>
            </>
          ) : (
            <span className="muted">{t("workshops.noPlan")}</span>
          )}
        </dd>
      </dl>
      {canEdit ? (
        <div className="button-row">
          <Link to={`/workshops/${workshop.id}/consolidate`} className="button">
            {t("workshops.consolidate.link", { count: formatNumber(lang, pendingCount) })}
          </Link>
          <Link to={`/workshops/${workshop.id}/groups/new`} className="button button--secondary">
            {t("workshops.groups.new")}
          </Link>
          <Link to={`/workshops/${workshop.id}/edit`} className="button button--secondary">
            {t("workshops.edit")}
          </Link>
        </div>
      ) : null}

      <h2>{t("workshops.participants", { count: formatNumber(lang, workshop.participants.length) })}</h2>
      {workshop.participants.length ? (
        <ul className="tags">
          {workshop.participants.map((organisation) => (
            <li key={organisation.id} className="tag">
              <abbr title={organisation.name}>{organisation.acronym}</abbr>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("workshops.noParticipants")}</p>
      )}

      {workshop.notes ? (
        <>
          <h2>{t("workshops.field.notes")}</h2>
          {workshop.notes.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index} className="workshop-notes">
              {paragraph}
            </p>
          ))}
        </>
      ) : null}

      <h2>{t("workshops.groups.title", { count: formatNumber(lang, workshop.workingGroups.length) })}</h2>
      {workshop.workingGroups.length === 0 ? <p>{t("workshops.groups.empty")}</p> : null}
      {workshop.workingGroups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`} className="card card--spaced">
          <h3 id={`group-${group.id}`}>{group.name}</h3>
          <p className="muted">
            {group.moderator ? t("workshops.groups.moderatedBy", { moderator: group.moderator }) : t("workshops.groups.noModerator")}
          </p>
          <p>{t("workshops.groups.objectives")}</p>
          <ul className="tags">
            {group.objectives.map((objective) => (
              <li key={objective.number} className="tag">
                <Link to={`/objectives/${objective.number}`}>
                  <abbr title={title(objective)}>{t("workshops.objectiveShort", { number: objective.number })}</abbr>
                </Link>
              </li>
            ))}
          </ul>
          <h4>{t("workshops.groups.proposals", { count: formatNumber(lang, group.proposals.length) })}</h4>
          {group.proposals.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("workshops.proposal")}</th>
                    <th scope="col">{t("workshops.objective")}</th>
                    <th scope="col">{t("workshops.proposedLead")}</th>
                    <th scope="col">{t("workshops.status")}</th>
                    <th scope="col">{t("workshops.planAction")}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.proposals.map((proposal) => (
                    <tr key={proposal.id}>
                      <td>
                        {proposal.title}
                        {proposal.rejectionReason ? (
                          <>
                            <br />
                            <span className="muted">{t("workshops.rejectionReason", { reason: proposal.rejectionReason })}</span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        <abbr title={objectiveTitle.get(proposal.objectiveNumber)}>
                          {t("workshops.objectiveShort", { number: proposal.objectiveNumber })}
                        </abbr>
                      </td>
                      <td>
                        {proposal.leadOrganisation ? (
                          <abbr title={proposal.leadOrganisation.name}>{proposal.leadOrganisation.acronym}</abbr>
                        ) : (
                          <span className="muted">{t("workshops.leadToBeDefined")}</span>
                        )}
                      </td>
                      <td>
                        <ProposalStatusBadge status={proposal.status} />
                      </td>
                      <td>
                        {proposal.action ? (
                          canEdit ? (
                            <Link to={`/actions/${proposal.action.id}/edit`}>{proposal.action.code}</Link>
                          ) : (
                            <abbr title={proposal.action.title}>{proposal.action.code}</abbr>
                          )
                        ) : (
                          <span className="muted">{t("common.none")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("workshops.groups.noProposal")}</p>
          )}
          <p>
            <Link to={`/workshops/${workshop.id}/groups/${group.id}`}>
              {canEdit ? t("workshops.groups.enterProposals") : t("workshops.groups.open")}
            </Link>
          </p>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
