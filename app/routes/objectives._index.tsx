import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { listObjectives } from "~/modules/objectives/objectives.server";
import { requireUserWith } from "~/utils/auth.server";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.objectives");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:read");
  return listObjectives();
}

export default function ObjectivesRoute() {
  const { objectives } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("objectives.title")}</h1>
      <p className="lead">{t("objectives.intro")}</p>
      <ol className="objective-list">
        {objectives.map((objective) => (
          <li key={objective.number}>
            <h2>
              <Link to={`/objectives/${objective.number}`}>
                <span className="objective-number">{t("objectives.number", { number: objective.number })}</span>
                {" – "}
                {lang === "en" ? objective.titleEn : objective.titleFr}
              </Link>
            </h2>
            <p className="muted">{t("objectives.actionsCount", { count: objective.actionCount })}</p>
            {objective.axes.length ? (
              <ul className="tags" aria-label={t("objectives.axes")}>
                {objective.axes.map((axis) => (
                  <li key={axis.id} className="tag" title={lang === "en" ? axis.titleEn : axis.titleFr}>
                    {t("axis.label", { number: axis.number })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("objectives.noAxis")}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
