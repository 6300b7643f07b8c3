import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field } from "~/components/form";
import { requireDraftPlan } from "~/modules/plans/plans.server";
import { checkImport, readWorkbook, uploadProblem, writeImport, type FileProblem, type ImportPreview, type RowError } from "~/modules/spreadsheet/import.server";
import { parseRawImport } from "~/modules/spreadsheet/schema";
import { MAX_FILE_BYTES } from "~/modules/spreadsheet/layout";
import { requireUserWith } from "~/utils/auth.server";
import { badRequest } from "~/utils/http.server";
import { receiveUpload } from "~/utils/upload.server";
import { isMessageKey, useT, type Translate } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Importer un classeur – Pacte" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:edit");
  const plan = await requireDraftPlan(params.planId ?? "");
  return { plan: { id: plan.id, title: plan.title } };
}

const BAD_PAYLOAD: FileProblem = { message: "spreadsheet.badPayload" };

function notDraft(): never {
  throw new Response("Ce plan est adopté : commencez une nouvelle révision pour le modifier.", { status: 409 });
}

/*
 * Two steps, no server memory between them. The upload (multipart) is read and checked and
 * the preview returned with the rows, as read, in a hidden field of the confirm form. The
 * confirm (an ordinary form post) parses those rows again and runs the very same checks
 * before writing, so the hidden field is never trusted: altering it is no different from
 * uploading another workbook. This keeps working without JavaScript and without
 * re-sending the file.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "plan:edit");
  const plan = await requireDraftPlan(params.planId ?? "");

  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await receiveUpload(request, MAX_FILE_BYTES);
    if (!upload.ok) return badRequest({ status: "fileError" as const, problem: uploadProblem(upload.problem) });
    const read = await readWorkbook(upload.fileName, upload.content);
    if (!read.ok) return badRequest({ status: "fileError" as const, problem: read.problem });
    const { preview, valid } = await checkImport(plan, read.raw);
    const body = { status: "preview" as const, preview, payload: valid ? JSON.stringify(read.raw) : null };
    return data(body, { status: valid ? 200 : 400 });
  }

  const raw = parseRawImport((await request.formData()).get("payload"));
  if (!raw) return badRequest({ status: "fileError" as const, problem: BAD_PAYLOAD });
  const { preview, valid } = await checkImport(plan, raw);
  if (!valid) return badRequest({ status: "preview" as const, preview, payload: null });
  const result = await writeImport(user.id, plan.id, raw.fileName, valid);
  if (!result.ok && result.reason === "notDraft") notDraft();
  if (!result.ok) return badRequest({ status: "preview" as const, preview: { ...preview, errors: result.errors }, payload: null });
  throw redirect(`/plans/${plan.id}?notice=imported`);
}

const MAX_ERRORS_SHOWN = 300;
// Action codes such as "O01-01" read badly when split at the hyphen.
const NO_WRAP = { whiteSpace: "nowrap" } as const;

function rowErrorText(t: Translate, error: RowError) {
  return isMessageKey(error.message) ? t(error.message, error.params) : error.message;
}

function RowState({ errorCount }: { errorCount: number }) {
  const t = useT();
  return errorCount ? (
    <span className="status status--CANCELLED">✗ {t("spreadsheet.rowHasErrors", { count: errorCount })}</span>
  ) : (
    <span className="status status--COMPLETED">✓ {t("spreadsheet.rowOk")}</span>
  );
}

function Preview({ preview, payload }: { preview: ImportPreview; payload: string | null }) {
  const t = useT();
  const navigation = useNavigation();
  const alertRef = useRef<HTMLDivElement>(null);
  const confirming = navigation.state === "submitting" && navigation.formEncType !== "multipart/form-data";
  const { errors } = preview;
  useEffect(() => {
    if (errors.length) alertRef.current?.focus();
  }, [errors]);

  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t("spreadsheet.previewTitle", { fileName: preview.fileName })}</h2>
      <p>{t("spreadsheet.summary", { actions: preview.actions.length, indicators: preview.indicators.length })}</p>
      {errors.length ? (
        <>
          <div className="error-summary" role="alert" tabIndex={-1} ref={alertRef}>
            <p>
              <strong>{t("spreadsheet.rowErrors", { count: errors.length })}</strong>
            </p>
          </div>
          <h3 id="import-errors">{t("spreadsheet.errorsTitle")}</h3>
          <div className="table-wrap">
            <table aria-labelledby="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t("spreadsheet.sheet")}</th>
                  <th scope="col" className="num">
                    {t("spreadsheet.row")}
                  </th>
                  <th scope="col">{t("spreadsheet.column")}</th>
                  <th scope="col">{t("spreadsheet.value")}</th>
                  <th scope="col">{t("spreadsheet.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {errors.slice(0, MAX_ERRORS_SHOWN).map((error) => (
                  <tr key={`${error.sheet}-${error.row}-${error.column ?? ""}`}>
                    <td>{error.sheet}</td>
                    <td className="num">{error.row}</td>
                    <td style={NO_WRAP}>{error.column ?? t("common.none")}</td>
                    <td>{error.value || t("common.none")}</td>
                    <td>{rowErrorText(t, error)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {errors.length > MAX_ERRORS_SHOWN ? <p>{t("spreadsheet.moreErrors", { count: errors.length - MAX_ERRORS_SHOWN })}</p> : null}
        </>
      ) : (
        <>
          <p className="notice" role="status">
            {t("spreadsheet.ready")}
          </p>
          {payload ? (
            <Form method="post" className="button-row">
              <input type="hidden" name="payload" value={payload} />
              <button type="submit" className="button" disabled={confirming}>
                {confirming ? t("spreadsheet.importing") : t("spreadsheet.confirm", { actions: preview.actions.length, indicators: preview.indicators.length })}
              </button>
            </Form>
          ) : null}
        </>
      )}

      <h3 id="import-actions">{t("spreadsheet.actionsTable")}</h3>
      <div className="table-wrap">
        <table aria-labelledby="import-actions">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("spreadsheet.row")}
              </th>
              <th scope="col">{t("spreadsheet.code")}</th>
              <th scope="col">{t("spreadsheet.actionTitle")}</th>
              <th scope="col" className="num">
                {t("spreadsheet.objective")}
              </th>
              <th scope="col">{t("spreadsheet.lead")}</th>
              <th scope="col" className="num">
                {t("spreadsheet.indicatorCount")}
              </th>
              <th scope="col">{t("spreadsheet.state")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.actions.map((action) => (
              <tr key={action.row}>
                <td className="num">{action.row}</td>
                <td style={NO_WRAP}>{action.code || t("common.none")}</td>
                <td>{action.title || t("common.none")}</td>
                <td className="num">{action.mainObjective || t("common.none")}</td>
                <td>{action.lead || t("common.none")}</td>
                <td className="num">{action.indicatorCount}</td>
                <td>
                  <RowState errorCount={action.errorCount} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {preview.indicators.length ? (
        <>
          <h3 id="import-indicators">{t("spreadsheet.indicatorsTable")}</h3>
          <div className="table-wrap">
            <table aria-labelledby="import-indicators">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("spreadsheet.row")}
                  </th>
                  <th scope="col">{t("spreadsheet.code")}</th>
                  <th scope="col">{t("spreadsheet.indicator")}</th>
                  <th scope="col">{t("spreadsheet.kind")}</th>
                  <th scope="col">{t("spreadsheet.state")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.indicators.map((indicator) => (
                  <tr key={indicator.row}>
                    <td className="num">{indicator.row}</td>
                    <td style={NO_WRAP}>{indicator.actionCode || t("common.none")}</td>
                    <td>{indicator.name || t("common.none")}</td>
                    <td>{indicator.kind || t("common.none")}</td>
                    <td>
                      <RowState errorCount={indicator.errorCount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

export default function PlanImportRoute() {
  const { plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const uploading = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const problem = actionData?.status === "fileError" ? t(actionData.problem.message, actionData.problem.params) : undefined;

  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}`}>{t("spreadsheet.cancel")}</Link>
      </p>
      <h1>{t("spreadsheet.title")}</h1>
      <p className="muted">{plan.title}</p>
      <p className="lead">{t("spreadsheet.intro")}</p>
      <p>
        <a href={`/plans/${plan.id}/export.xlsx`} download>
          {t("spreadsheet.downloadTemplate")}
        </a>
      </p>
      <ErrorSummary errors={problem ? { file: problem } : undefined} labels={{ file: t("spreadsheet.file") }} />
      <Form method="post" encType="multipart/form-data" className="form">
        <Field name="file" label={t("spreadsheet.file")} help={t("spreadsheet.fileHelp")} error={problem} required>
          {(control) => (
            <input
              {...control}
              type="file"
              name="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={uploading}>
            {uploading ? t("spreadsheet.checking") : t("spreadsheet.preview")}
          </button>
        </div>
      </Form>
      {actionData?.status === "preview" ? <Preview preview={actionData.preview} payload={actionData.payload} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
