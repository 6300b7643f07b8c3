import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { listOrganisations } from "~/modules/organisations/organisations.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatNumber, useLang, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Organisations – Pacte" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "organisations:manage");
  return { organisations: await listOrganisations() };
}

export default function AdminOrganisationsRoute() {
  const { organisations } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();

  return (
    <>
      <h1>{t("admin.orgs.title")}</h1>
      <p className="lead">{t("admin.orgs.intro")}</p>
      <p>
        <Link to="/admin/organisations/new" className="button">
          {t("admin.orgs.new")}
        </Link>
      </p>
      {organisations.length ? (
        <div className="table-wrap">
          <table>
            <caption className="muted">{t("admin.orgs.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.orgs.acronym")}</th>
                <th scope="col">{t("admin.orgs.name")}</th>
                <th scope="col">{t("admin.orgs.kind")}</th>
                <th scope="col">{t("admin.orgs.status")}</th>
                <th scope="col" className="num">
                  {t("admin.orgs.users")}
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((organisation) => (
                <tr key={organisation.id}>
                  <th scope="row">
                    <Link to={`/admin/organisations/${organisation.id}`}>{organisation.acronym}</Link>
                  </th>
                  <td>{organisation.name}</td>
                  <td>{t(`orgKind.${organisation.kind}`)}</td>
                  <td>{organisation.active ? t("admin.orgs.active") : <strong>{t("admin.orgs.inactive")}</strong>}</td>
                  <td className="num">{formatNumber(lang, organisation.userCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("admin.orgs.empty")}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
