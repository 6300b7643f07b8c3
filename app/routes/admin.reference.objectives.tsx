import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { listObjectiveTitles, listPrincipleTitles, saveTitles } from "~/modules/reference/reference.server";
import { isTitleList, titlesSchema, titleValues, type TitleList, type TitleValues } from "~/modules/reference/schema";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import type { CSSProperties } from "react";
import { useT, type MessageKey } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reference.titlesTitle");

// French and English titles side by side where the screen is wide enough, stacked on a phone.
const SIDE_BY_SIDE = { display: "grid", gap: "0 1rem", gridTemplateColumns: "repeat(auto-fit, minmax(15rem, 1fr))" } satisfies CSSProperties;

const NOTICES = { objectives: "reference.objectivesSaved", principles: "reference.principlesSaved" } satisfies Record<TitleList, MessageKey>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "reference:edit");
  const [objectives, principles] = await Promise.all([listObjectiveTitles(), listPrincipleTitles()]);
  const saved = new URL(request.url).searchParams.get("saved");
  return { objectives, principles, notice: isTitleList(saved) ? NOTICES[saved] : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "reference:edit");
  const formData = await request.formData();
  const list = formData.get("list");
  if (!isTitleList(list)) return data({ list: null, errors: { form: "validation.invalidForm" }, values: [] }, { status: 400 });
  const parsed = parseForm(titlesSchema(list), formData);
  const values = titleValues(parsed.values, list);
  if (!parsed.ok) return data({ list, errors: parsed.errors, values }, { status: 400 });
  const items = parsed.data[list];
  if (!items) return data({ list, errors: { form: "validation.invalidForm" }, values }, { status: 400 });
  const result = await saveTitles(user.id, list, items);
  if (!result.ok) return data({ list, errors: result.errors, values }, { status: 400 });
  throw redirect(`/admin/reference/objectives?saved=${list}#${list}`);
}

export default function AdminReferenceTitlesRoute() {
  const { objectives, principles, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();

  return (
    <>
      <p>
        <Link to="/admin/reference">{t("reference.back")}</Link>
      </p>
      <h1>{t("reference.titlesTitle")}</h1>
      {/* At the top, where the page opens after a refused save without JavaScript. */}
      {actionData ? (
        <ErrorSummary
          errors={actionData.errors}
          labels={
            actionData.list === "objectives"
              ? titleLabels(actionData.list, objectives, t)
              : actionData.list === "principles"
                ? titleLabels(actionData.list, principles, t)
                : {}
          }
        />
      ) : null}
      <p className="lead">{t("reference.titlesIntro")}</p>
      <p className="muted">{t("reference.titlesNote")}</p>
      <TitlesForm
        list="objectives"
        heading={t("reference.objectives")}
        legend={(number) => t("objectives.number", { number })}
        submitLabel={t("reference.saveObjectives")}
        rows={objectives}
        submitted={actionData?.list === "objectives" ? actionData : undefined}
        notice={notice === "reference.objectivesSaved" && !actionData ? t(notice) : null}
      />
      <TitlesForm
        list="principles"
        heading={t("reference.principles")}
        legend={(number) => t("reference.principleLegend", { number })}
        submitLabel={t("reference.savePrinciples")}
        rows={principles}
        submitted={actionData?.list === "principles" ? actionData : undefined}
        notice={notice === "reference.principlesSaved" && !actionData ? t(notice) : null}
      />
    </>
  );
}

/** "Objectif 18 – Intitulé en français" for each row, in the order the form has them. */
function titleLabels(list: TitleList, rows: { number: number }[], t: ReturnType<typeof useT>) {
  const labels: Record<string, string> = {};
  rows.forEach((row, index) => {
    const name = list === "objectives" ? t("objectives.number", { number: row.number }) : t("reference.principleLegend", { number: row.number });
    labels[`${list}.${index}.titleFr`] = `${name} – ${t("reference.titleFr")}`;
    labels[`${list}.${index}.titleEn`] = `${name} – ${t("reference.titleEn")}`;
  });
  return labels;
}

type TitlesFormProps = {
  list: TitleList;
  heading: string;
  legend: (number: number) => string;
  submitLabel: string;
  rows: { number: number; titleFr: string; titleEn: string }[];
  submitted?: { errors: FieldErrors; values: TitleValues[] };
  /** Shown under the heading: the page opens there after a save. */
  notice: string | null;
};

function TitlesForm({ list, heading, legend, submitLabel, rows, submitted, notice }: TitlesFormProps) {
  const t = useT();
  const navigation = useNavigation();
  // After a refused save, what the admin typed; otherwise what is stored. `loaded*` stay
  // what the form first showed, so the server writes only the titles changed here.
  const typed = new Map((submitted?.values ?? []).map((row) => [row.number, row]));
  const values: TitleValues[] = rows.map((row) => {
    const stored = { number: String(row.number), titleFr: row.titleFr, titleEn: row.titleEn, loadedFr: row.titleFr, loadedEn: row.titleEn };
    return { ...stored, ...typed.get(String(row.number)) };
  });
  const { form, onSubmit, errorFor } = useValidatedForm(titlesSchema(list), {
    defaultValues: { [list]: values },
    serverErrors: submitted?.errors,
  });

  return (
    <section aria-labelledby={list}>
      <h2 id={list}>{heading}</h2>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="list" value={list} />
        {values.map((row, index) => {
          const field = (name: string) => `${list}.${index}.${name}`;
          return (
            <fieldset key={row.number} className="card card--spaced">
              <legend>
                <strong>{legend(Number(row.number))}</strong>
              </legend>
              <input type="hidden" name={field("number")} value={row.number} />
              <input type="hidden" name={field("loadedFr")} value={row.loadedFr} />
              <input type="hidden" name={field("loadedEn")} value={row.loadedEn} />
              <div style={SIDE_BY_SIDE}>
                <Field name={field("titleFr")} label={t("reference.titleFr")} error={errorFor(field("titleFr"))} required>
                  {(control) => <textarea rows={3} lang="fr" {...control} {...form.register(field("titleFr"))} defaultValue={row.titleFr} />}
                </Field>
                <Field name={field("titleEn")} label={t("reference.titleEn")} error={errorFor(field("titleEn"))} required>
                  {(control) => <textarea rows={3} lang="en" {...control} {...form.register(field("titleEn"))} defaultValue={row.titleEn} />}
                </Field>
              </div>
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : submitLabel}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
