import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary } from "~/components/form";
import { getAlignmentMatrix, saveAlignment } from "~/modules/alignment/alignment.server";
import { AlignmentSchema, cellKey } from "~/modules/alignment/schema";
import { requirePermission, requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { useLang, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { pageTitle } from "~/utils/meta";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.alignment");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "alignment:read");
  const matrix = await getAlignmentMatrix();
  if (!matrix) notFound();
  return { matrix, canEdit: can(user, "alignment:edit") };
}

// Single fetch skips reloading after a 4xx action; after a conflict the page must load the
// newer matrix's fingerprint, or every later save would be refused as a conflict too.
export const shouldRevalidate = revalidateAfterConflict;

function submittedCells(values: Record<string, string | string[]>) {
  const cells = values.cells;
  return cells === undefined ? [] : Array.isArray(cells) ? cells : [cells];
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "alignment:read");
  requirePermission(user, "alignment:edit");
  const parsed = parseForm(AlignmentSchema, await request.formData());
  if (!parsed.ok) {
    return data({ status: "invalid" as const, errors: parsed.errors, cells: submittedCells(parsed.values) }, { status: 400 });
  }
  const result = await saveAlignment(user.id, parsed.data);
  if (result.ok) return { status: "saved" as const, added: result.added, removed: result.removed };
  if (result.reason === "conflict") {
    return data(
      { status: "conflict" as const, errors: { form: "alignment.conflict" }, cells: result.merged, changedByOthers: result.changedByOthers },
      { status: 409 },
    );
  }
  return data(
    { status: "invalid" as const, errors: { form: "validation.alignmentUnknownCell" }, cells: parsed.data.cells },
    { status: 400 },
  );
}

export default function AlignmentRoute() {
  const { matrix, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  // After a refused save, show the editor's own choices rather than the stored matrix.
  const checked = new Set(actionData && "cells" in actionData ? actionData.cells : matrix.cells);
  const conflict = actionData?.status === "conflict" ? actionData : null;
  const changedByOthers = new Set(conflict?.changedByOthers ?? []);
  const errors = actionData?.status === "invalid" ? actionData.errors : undefined;
  const title = (item: { titleFr: string; titleEn: string }) => (lang === "en" ? item.titleEn : item.titleFr);

  return (
    <>
      <h1>{t("alignment.title")}</h1>
      <p className="lead">{t("alignment.intro")}</p>
      <p className="muted">{t("alignment.framework", { name: lang === "en" ? matrix.framework.nameEn : matrix.framework.nameFr })}</p>
      {!canEdit ? <p className="notice notice--warning">{t("alignment.readOnly")}</p> : null}
      {actionData?.status === "saved" ? (
        <p className="notice" role="status">
          {t("alignment.saved", { added: actionData.added, removed: actionData.removed })}
        </p>
      ) : null}
      {conflict ? (
        <div className="notice notice--warning" role="alert">
          <p>{t("alignment.conflict")}</p>
          {changedByOthers.size ? <p id="changed-legend">{t("alignment.changedByOthers", { count: changedByOthers.size })}</p> : null}
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{}} />
      <Form method="post" key={matrix.fingerprint}>
        <input type="hidden" name="frameworkId" value={matrix.framework.id} />
        <input type="hidden" name="fingerprint" value={matrix.fingerprint} />
        <input type="hidden" name="base" value={matrix.cells.join(",")} />
        <div className="table-wrap">
          <table className="matrix">
            <caption className="muted">{t("alignment.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("alignment.objective")}</th>
                {matrix.axes.map((axis) => (
                  <th scope="col" key={axis.id} title={title(axis)}>
                    <abbr title={title(axis)}>{t("axis.label", { number: axis.number })}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.objectives.map((objective) => (
                <tr key={objective.number}>
                  <th scope="row">
                    <span className="objective-number">{objective.number}.</span> {title(objective)}
                  </th>
                  {matrix.axes.map((axis) => {
                    const key = cellKey(objective.number, axis.id);
                    const label = t("alignment.cellLabel", { objective: objective.number, axis: axis.number });
                    const changed = changedByOthers.has(key);
                    return (
                      <td key={axis.id} className={changed ? "changed-by-others" : undefined}>
                        {canEdit ? (
                          <input
                            type="checkbox"
                            name="cells"
                            value={key}
                            defaultChecked={checked.has(key)}
                            aria-label={label}
                            aria-describedby={changed ? "changed-legend" : undefined}
                          />
                        ) : checked.has(key) ? (
                          <span className="mark" role="img" aria-label={label}>
                            ✓
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit ? (
          <div className="button-row">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? t("form.saving") : t("alignment.save")}
            </button>
          </div>
        ) : null}
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
