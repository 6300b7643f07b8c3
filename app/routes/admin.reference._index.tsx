import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary } from "~/components/form";
import { listFrameworks, listObjectiveTitles, listPrincipleTitles, setCurrentFramework } from "~/modules/reference/reference.server";
import { formRecordId } from "~/utils/forms";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formatNumber, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reference.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "reference:edit");
  const [frameworks, objectives, principles] = await Promise.all([listFrameworks(), listObjectiveTitles(), listPrincipleTitles()]);
  const current = new URL(request.url).searchParams.get("current");
  const madeCurrent = frameworks.find((framework) => framework.id === current && framework.isCurrent) ?? null;
  return { frameworks, objectives, principles, madeCurrent: madeCurrent ? { nameFr: madeCurrent.nameFr, nameEn: madeCurrent.nameEn } : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "reference:edit");
  const formData = await request.formData();
  const frameworkId = formRecordId(formData, "frameworkId");
  if (formData.get("intent") !== "setCurrent" || !frameworkId) {
    return data({ errors: { form: "validation.invalidForm" } }, { status: 400 });
  }
  const result = await setCurrentFramework(user.id, frameworkId);
  if (result.ok) throw redirect(`/admin/reference?current=${encodeURIComponent(frameworkId)}`);
  if (result.reason === "notFound") notFound();
  return data({ errors: { form: "reference.noAxesCannotBeCurrent" } }, { status: 400 });
}

export default function AdminReferenceRoute() {
  const { frameworks, objectives, principles, madeCurrent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const name = (item: { nameFr: string; nameEn: string }) => (lang === "en" ? item.nameEn : item.nameFr);

  return (
    <>
      <h1>{t("reference.title")}</h1>
      <ErrorSummary errors={actionData?.errors} labels={{}} />
      <p className="lead">{t("reference.intro")}</p>
      {madeCurrent && !actionData ? (
        <p className="notice" role="status">
          {t("reference.madeCurrent", { name: name(madeCurrent) })}
        </p>
      ) : null}

      <h2>{t("reference.frameworks")}</h2>
      <p>
        <Link to="/admin/reference/frameworks/new" className="button">
          {t("reference.newFramework")}
        </Link>
      </p>
      {frameworks.map((framework) => (
        <section key={framework.id} className="card card--spaced" aria-labelledby={`framework-${framework.id}`}>
          <h3 id={`framework-${framework.id}`}>
            {name(framework)}{" "}
            {framework.isCurrent ? (
              <span className="status status--COMPLETED">✓ {t("reference.current")}</span>
            ) : (
              <span className="status status--NOT_STARTED">{t("reference.otherVersion")}</span>
            )}
          </h3>
          <p className="muted">
            {t("reference.code")} : <code>{framework.code}</code> ·{" "}
            {framework.adoptedYear ? t("reference.adoptedIn", { year: framework.adoptedYear }) : t("reference.notAdopted")}
          </p>
          {framework.axes.length ? (
            <div className="table-wrap">
              <table>
                <caption className="muted">{t("reference.axesOf", { name: name(framework) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("reference.axisNumber")}
                    </th>
                    <th scope="col">{t("reference.titleFr")}</th>
                    <th scope="col">{t("reference.titleEn")}</th>
                    <th scope="col">{t("reference.confirmed")}</th>
                    <th scope="col">{t("reference.usage")}</th>
                  </tr>
                </thead>
                <tbody>
                  {framework.axes.map((axis) => (
                    <tr key={axis.id}>
                      <th scope="row" className="num">
                        {axis.number}
                      </th>
                      <td lang="fr">{axis.titleFr}</td>
                      <td lang="en">{axis.titleEn}</td>
                      <td>{axis.confirmed ? t("reference.confirmedYes") : <strong>{t("reference.toConfirm")}</strong>}</td>
                      <td>
                        {t("reference.usageCounts", {
                          actions: formatNumber(lang, axis.actionCount),
                          alignments: formatNumber(lang, axis.alignmentCount),
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t("reference.noAxes")}</p>
          )}
          <div className="button-row">
            <Link to={`/admin/reference/frameworks/${framework.id}`}>{t("reference.edit", { name: framework.code })}</Link>
            {!framework.isCurrent && framework.axes.length ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="setCurrent" />
                <input type="hidden" name="frameworkId" value={framework.id} />
                <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
                  {t("reference.setCurrent")}
                </button>
              </Form>
            ) : null}
          </div>
        </section>
      ))}

      <TitleTable
        heading={t("reference.objectives")}
        editTo="/admin/reference/objectives#objectives"
        label={(number) => t("objectives.number", { number })}
        rows={objectives}
      />
      <TitleTable
        heading={t("reference.principles")}
        editTo="/admin/reference/objectives#principles"
        label={(number) => t("reference.principleLegend", { number })}
        rows={principles}
      />
    </>
  );
}

function TitleTable({
  heading,
  editTo,
  label,
  rows,
}: {
  heading: string;
  editTo: string;
  label: (number: number) => string;
  rows: { number: number; titleFr: string; titleEn: string }[];
}) {
  const t = useT();
  return (
    <>
      <h2>{heading}</h2>
      <p>
        <Link to={editTo}>{t("reference.editTitles")}</Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption className="muted">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reference.number")}</th>
              <th scope="col">{t("reference.titleFr")}</th>
              <th scope="col">{t("reference.titleEn")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.number}>
                <th scope="row" style={{ whiteSpace: "nowrap" }}>
                  {label(row.number)}
                </th>
                <td lang="fr">{row.titleFr}</td>
                <td lang="en">{row.titleEn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
