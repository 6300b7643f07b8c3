import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/form";
import { Pagination } from "~/components/pagination";
import { userFilters } from "~/modules/users/schema";
import { listUsers } from "~/modules/users/users.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatDateTime, useLang, useT } from "~/utils/i18n";
import { ROLES } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Utilisateurs – Pacte" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "users:manage");
  const filters = userFilters(new URL(request.url).searchParams);
  const list = await listUsers(filters);
  return { ...list, filters: { q: filters.q, role: filters.role ?? "" } };
}

export default function AdminUsersRoute() {
  const { users, total, page, pageCount, filters } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const filtered = Boolean(filters.q || filters.role);

  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      <p className="lead">{t("admin.users.intro")}</p>
      <p>
        <Link to="/admin/users/new" className="button">
          {t("admin.users.new")}
        </Link>
      </p>

      <Form method="get" className="form" role="search" aria-label={t("admin.users.filters")}>
        <Field name="q" label={t("admin.users.search")}>
          {(control) => <input type="text" name="q" defaultValue={filters.q} {...control} />}
        </Field>
        <Field name="role" label={t("admin.users.role")}>
          {(control) => (
            <select name="role" defaultValue={filters.role} {...control}>
              <option value="">{t("admin.users.allRoles")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("admin.users.filter")}
          </button>
          {filtered ? <Link to="/admin/users">{t("admin.users.clearFilters")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("admin.users.count", { count: total })}
      </p>
      {users.length ? (
        <div className="table-wrap">
          <table>
            <caption className="muted">{t("admin.users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.users.name")}</th>
                <th scope="col">{t("admin.users.email")}</th>
                <th scope="col">{t("admin.users.role")}</th>
                <th scope="col">{t("admin.users.organisation")}</th>
                <th scope="col">{t("admin.users.status")}</th>
                <th scope="col">{t("admin.users.lastLogin")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                  </th>
                  <td>{user.email}</td>
                  <td>{t(`role.${user.role}`)}</td>
                  <td>{user.organisation ? <abbr title={user.organisation.name}>{user.organisation.acronym}</abbr> : t("common.none")}</td>
                  <td>
                    {user.active ? t("admin.users.active") : <strong>{t("admin.users.inactive")}</strong>}
                  </td>
                  <td>{user.lastLoginAt ? formatDateTime(lang, user.lastLoginAt) : t("admin.users.never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("admin.users.empty")}</p>
      )}

      <Pagination path="/admin/users" query={filters} page={page} pageCount={pageCount} label={t("admin.users.pagination")} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
