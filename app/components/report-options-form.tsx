// The tools above the voluntary review report: which periods, cut-off day and language (a GET
// form, so the address says what is shown), and the PDF and Word downloads of the same choice.
import { Form, Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ErrorSummary, Field } from "~/components/form";
import { reportQuery } from "~/modules/review-report/schema";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { useT } from "~/utils/i18n";

/** Works once the page's script has loaded; before that (and always) Ctrl+P prints the same page. */
function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

export function ReportOptionsForm({
  path,
  periods,
  values,
  errors,
  back,
  downloads,
}: {
  /** The report page; the downloads are `path.pdf` and `path.docx` with the same query. */
  path: string;
  periods: { id: string; label: string }[];
  values: FormValues;
  errors: FieldErrors;
  back?: { to: string; label: string };
  /** False when the options are wrong: nothing to download yet. */
  downloads: boolean;
}) {
  const t = useT();
  const chosen = { from: single(values.from), to: single(values.to), cutoff: single(values.cutoff), lang: single(values.lang) };
  const query = reportQuery(chosen);
  const labels = { from: t("reviewDoc.from"), to: t("reviewDoc.to"), cutoff: t("reviewDoc.cutoffLabel"), lang: t("reviewDoc.langLabel") };
  return (
    <div className="report-tools">
      {back ? <Link to={back.to}>← {back.label}</Link> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="get" action={path} className="dashboard-filters report-options" aria-label={t("reviewDoc.options")}>
        <Field name="from" label={labels.from} error={errors.from}>
          {(control) => (
            <select {...control} name="from" defaultValue={chosen.from}>
              {periods.map((period) => (
                <option key={period.id} value={period.id}>
                  {period.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="to" label={labels.to} error={errors.to}>
          {(control) => (
            <select {...control} name="to" defaultValue={chosen.to}>
              {periods.map((period) => (
                <option key={period.id} value={period.id}>
                  {period.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="cutoff" label={labels.cutoff} error={errors.cutoff} help={t("reviewDoc.cutoffHelp")}>
          {(control) => <input {...control} name="cutoff" type="date" defaultValue={chosen.cutoff} />}
        </Field>
        <Field name="lang" label={labels.lang} error={errors.lang}>
          {(control) => (
            <select {...control} name="lang" defaultValue={chosen.lang}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <button type="submit" className="button">
          {t("reviewDoc.apply")}
        </button>
      </Form>
      {downloads ? (
        <p className="button-row">
          <a className="button button--secondary" href={`${path}.pdf${query}`} download>
            {t("reviewDoc.downloadPdf")}
          </a>
          <a className="button button--secondary" href={`${path}.docx${query}`} download>
            {t("reviewDoc.downloadDocx")}
          </a>
          <PrintButton label={t("reviewReport.print")} />
        </p>
      ) : null}
      <p className="muted">{t("reviewReport.printHelp")}</p>
    </div>
  );
}
