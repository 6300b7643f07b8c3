import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { listWorkshops } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatDate, formatNumber, useLang, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Ateliers – Pacte" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  return { workshops: await listWorkshops(), canEdit: can(user, "workshop:edit") };
}

export default function WorkshopsRoute() {
  const { workshops, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const days = (start: Date, end: Date) =>
    start.getTime() === end.getTime() ? formatDate(lang, start) : `${formatDate(lang, start)} – ${formatDate(lang, end)}`;

  return (
    <>
      <h1>{t("workshops.title")}</h1>
      <p className="lead">{t("workshops.intro")}</p>
      {canEdit ? (
        <p>
          <Link to="/workshops/new" className="button">
            {t("workshops.new")}
          </Link>
        </p>
      ) : null}
      {workshops.length ? (
        <div className="table-wrap">
          <table>
            <caption className="muted">{t("workshops.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("workshops.workshop")}</th>
                <th scope="col">{t("workshops.dates")}</th>
                <th scope="col">{t("workshops.place")}</th>
                <th scope="col">{t("workshops.plan")}</th>
                <th scope="col" className="num">
                  {t("workshops.groups")}
                </th>
                <th scope="col" className="num">
                  {t("workshops.proposals")}
                </th>
              </tr>
            </thead>
            <tbody>
              {workshops.map((workshop) => (
                <tr key={workshop.id}>
                  <th scope="row">
                    <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link>
                  </th>
                  <td>{days(workshop.startDate, workshop.endDate)}</td>
                  <td>{workshop.place}</td>
                  <td>
                    {workshop.plan ? (
                      <>
                        {workshop.plan.title} <span className="muted">({t(`workshops.planStatus.${workshop.plan.status}`)})</span>
                      </>
                    ) : (
                      <span className="muted">{t("workshops.noPlan")}</span>
                    )}
                  </td>
                  <td className="num">{formatNumber(lang, workshop.groupCount)}</td>
                  <td className="num">
                    {formatNumber(lang, workshop.proposalCount)}
                    {workshop.pendingCount ? (
                      <>
                        <br />
                        <strong>{t("workshops.pendingCount", { count: formatNumber(lang, workshop.pendingCount) })}</strong>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("workshops.empty")}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
