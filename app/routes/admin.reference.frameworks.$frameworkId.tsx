import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { addAxis, getFramework, removeAxis, setCurrentFramework, updateFramework } from "~/modules/reference/reference.server";
import {
  AddAxisSchema,
  addAxisValues,
  frameworkValues,
  MAX_AXIS_NUMBER,
  RemoveAxisSchema,
  UpdateFrameworkSchema,
  type AxisValues,
} from "~/modules/reference/schema";
import { requireUserWith } from "~/utils/auth.server";
import type { FieldErrors } from "~/utils/forms";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import type { CSSProperties, ReactNode } from "react";
import { translator, useLang, useT, type MessageKey } from "~/utils/i18n";
import { getLang } from "~/utils/language.server";
import { pageTitle } from "~/utils/meta";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) =>
  loaderData ? pageTitle(matches, { text: loaderData.framework.nameFr }) : pageTitle(matches, "reference.title");

// Remix skips reloading after a 4xx answer; after a conflict the page must show the stored
// framework (and its new updatedAt) so that saving again can succeed.
export const shouldRevalidate = revalidateAfterConflict;

const NOTICES = {
  created: "reference.created",
  saved: "reference.saved",
  axisAdded: "reference.axisAdded",
  axisRemoved: "reference.axisRemoved",
} satisfies Record<string, MessageKey>;

function noticeFrom(request: Request) {
  const notice = new URL(request.url).searchParams.get("notice");
  return Object.entries(NOTICES).find(([name]) => name === notice)?.[1] ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "reference:edit");
  const framework = await getFramework(params.frameworkId ?? "");
  if (!framework) notFound();
  return { framework, notice: noticeFrom(request) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "reference:edit");
  const frameworkId = params.frameworkId ?? "";
  const page = `/admin/reference/frameworks/${frameworkId}`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "save") {
    const parsed = parseForm(UpdateFrameworkSchema, formData);
    const values = frameworkValues(parsed.values);
    if (!parsed.ok) return data({ intent: "save" as const, errors: parsed.errors, values }, { status: 400 });
    const result = await updateFramework(user.id, frameworkId, parsed.data);
    if (result.ok) throw redirect(`${page}?notice=saved`);
    if (result.reason === "notFound") notFound();
    return data({ intent: "save" as const, errors: { form: "conflict.stale" }, values }, { status: 409 });
  }

  if (intent === "addAxis") {
    const parsed = parseForm(AddAxisSchema, formData);
    const values = addAxisValues(parsed.values);
    if (!parsed.ok) return data({ intent: "addAxis" as const, errors: parsed.errors, values }, { status: 400 });
    const result = await addAxis(user.id, frameworkId, parsed.data);
    if (result.ok) throw redirect(`${page}?notice=axisAdded#axes`);
    if (result.reason === "notFound") notFound();
    return data({ intent: "addAxis" as const, errors: result.errors, values }, { status: 400 });
  }

  if (intent === "removeAxis") {
    const parsed = parseForm(RemoveAxisSchema, formData);
    if (!parsed.ok) return data({ intent: "other" as const, errors: parsed.errors }, { status: 400 });
    const result = await removeAxis(user.id, frameworkId, parsed.data.axisId);
    if (result.ok) throw redirect(`${page}?notice=axisRemoved#axes`);
    if (result.reason === "notFound") notFound();
    // Counts in the message: built here, in the admin's language.
    const t = translator(await getLang(request, user));
    const message = t("reference.axisInUse", { number: result.number, actions: result.actions, alignments: result.alignments });
    return data({ intent: "other" as const, errors: { form: message } }, { status: 400 });
  }

  if (intent === "setCurrent") {
    const result = await setCurrentFramework(user.id, frameworkId);
    if (result.ok) throw redirect(`/admin/reference?current=${encodeURIComponent(frameworkId)}`);
    if (result.reason === "notFound") notFound();
    return data({ intent: "other" as const, errors: { form: "reference.noAxesCannotBeCurrent" } }, { status: 400 });
  }

  return data({ intent: "other" as const, errors: { form: "validation.invalidForm" } }, { status: 400 });
}

// French and English titles side by side where the screen is wide enough, stacked on a phone.
const SIDE_BY_SIDE = { display: "grid", gap: "0 1rem", gridTemplateColumns: "repeat(auto-fit, minmax(15rem, 1fr))" } satisfies CSSProperties;
const IN_A_ROW = { display: "flex", flexWrap: "wrap", gap: "0 1.5rem", alignItems: "flex-end" } satisfies CSSProperties;
// Lines the checkbox up with the number input beside it rather than with its label.
const BESIDE_INPUT = { paddingBottom: "0.5rem" } satisfies CSSProperties;

type Framework = ReturnType<typeof useLoaderData<typeof loader>>["framework"];

export default function AdminFrameworkRoute() {
  const { framework, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const name = lang === "en" ? framework.nameEn : framework.nameFr;
  // After adding or removing an axis the page opens at the axes: the notice goes there.
  const axesNotice = notice === "reference.axisAdded" || notice === "reference.axisRemoved" ? notice : null;
  const nextNumber = Math.min(MAX_AXIS_NUMBER, Math.max(0, ...framework.axes.map((axis) => axis.number)) + 1);
  const currentness = framework.isCurrent ? (
    <p>{t("reference.currentNote")}</p>
  ) : framework.axes.length ? (
    <Form method="post" className="card card--spaced">
      <input type="hidden" name="intent" value="setCurrent" />
      <p className="muted" id="set-current-help" style={{ marginTop: 0 }}>
        {t("reference.setCurrentHelp")}
      </p>
      <button type="submit" className="button button--secondary" aria-describedby="set-current-help" disabled={navigation.state === "submitting"}>
        {t("reference.setCurrent")}
      </button>
    </Form>
  ) : null;

  return (
    <>
      <p>
        <Link to="/admin/reference">{t("reference.back")}</Link>
      </p>
      <h1>
        {name}{" "}
        {framework.isCurrent ? (
          <span className="status status--COMPLETED">✓ {t("reference.current")}</span>
        ) : (
          <span className="status status--NOT_STARTED">{t("reference.otherVersion")}</span>
        )}
      </h1>
      <p className="muted">
        {t("reference.code")} : <code>{framework.code}</code>
      </p>
      {notice && !axesNotice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {actionData?.intent === "other" ? <ErrorSummary errors={actionData.errors} labels={{}} /> : null}
      {/* At the top, where the page opens after a refused post without JavaScript; the fields are further down. */}
      {actionData?.intent === "addAxis" ? (
        <ErrorSummary
          errors={actionData.errors}
          labels={{
            number: `${t("reference.newAxisLegend")} – ${t("reference.number")}`,
            titleFr: `${t("reference.newAxisLegend")} – ${t("reference.titleFr")}`,
            titleEn: `${t("reference.newAxisLegend")} – ${t("reference.titleEn")}`,
          }}
        />
      ) : null}

      <FrameworkForm
        // A new updatedAt (saved here or elsewhere) starts the form afresh from what was stored.
        key={framework.updatedAt}
        framework={framework}
        submitted={actionData?.intent === "save" ? actionData : undefined}
        notice={axesNotice && !actionData ? t(axesNotice) : null}
        intro={currentness}
      />
      {framework.axes
        .filter((axis) => axis.actionCount === 0 && axis.alignmentCount === 0)
        .map((axis) => (
          // Outside the edit form (forms cannot nest); each axis's remove button points here.
          <Form method="post" id={`remove-axis-${axis.id}`} key={axis.id} hidden>
            <input type="hidden" name="intent" value="removeAxis" />
            <input type="hidden" name="axisId" value={axis.id} />
          </Form>
        ))}
      <AddAxisForm key={`add-${framework.updatedAt}`} nextNumber={nextNumber} submitted={actionData?.intent === "addAxis" ? actionData : undefined} />
    </>
  );
}

type FrameworkSubmission = { errors: FieldErrors; values: ReturnType<typeof frameworkValues> };

type FrameworkFormProps = {
  framework: Framework;
  submitted?: FrameworkSubmission;
  /** Shown under the axes heading: the page opens there after an axis was added or removed. */
  notice: string | null;
  /** Shown between the error summary (kept at the top) and the form. */
  intro: ReactNode;
};

function FrameworkForm({ framework, submitted, notice, intro }: FrameworkFormProps) {
  const t = useT();
  const navigation = useNavigation();
  // After a refused save the form shows what the admin typed, axis by axis, over what is stored.
  const typed = new Map((submitted?.values.axes ?? []).map((axis) => [axis.id, axis]));
  const axes: (AxisValues & { actionCount: number; alignmentCount: number; storedNumber: number })[] = framework.axes.map((axis) => ({
    id: axis.id,
    number: String(axis.number),
    titleFr: axis.titleFr,
    titleEn: axis.titleEn,
    confirmed: axis.confirmed,
    ...typed.get(axis.id),
    actionCount: axis.actionCount,
    alignmentCount: axis.alignmentCount,
    storedNumber: axis.number,
  }));
  const defaults = {
    nameFr: submitted?.values.nameFr ?? framework.nameFr,
    nameEn: submitted?.values.nameEn ?? framework.nameEn,
    adoptedYear: submitted?.values.adoptedYear ?? (framework.adoptedYear === null ? "" : String(framework.adoptedYear)),
  };
  const { form, onSubmit, errorFor } = useValidatedForm(UpdateFrameworkSchema, {
    defaultValues: {
      ...defaults,
      updatedAt: framework.updatedAt,
      axes: axes.map(({ id, number, titleFr, titleEn, confirmed }) => ({ id, number, titleFr, titleEn, confirmed })),
    },
    serverErrors: submitted?.errors,
  });
  const labels: Record<string, string> = {
    nameFr: t("reference.nameFr"),
    nameEn: t("reference.nameEn"),
    adoptedYear: t("reference.adoptedYear"),
  };
  axes.forEach((axis, index) => {
    const legend = t("reference.axisLegend", { number: axis.storedNumber });
    labels[`axes.${index}.number`] = `${legend} – ${t("reference.number")}`;
    labels[`axes.${index}.titleFr`] = `${legend} – ${t("reference.titleFr")}`;
    labels[`axes.${index}.titleEn`] = `${legend} – ${t("reference.titleEn")}`;
  });

  return (
    <>
      <ErrorSummary errors={submitted?.errors} labels={labels} />
      {intro}
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="updatedAt" value={framework.updatedAt} />
        <div className="form">
          <Field name="nameFr" label={labels.nameFr ?? ""} error={errorFor("nameFr")} required>
            {(control) => <input type="text" lang="fr" autoComplete="off" {...control} {...form.register("nameFr")} defaultValue={defaults.nameFr} />}
          </Field>
          <Field name="nameEn" label={labels.nameEn ?? ""} error={errorFor("nameEn")} required>
            {(control) => <input type="text" lang="en" autoComplete="off" {...control} {...form.register("nameEn")} defaultValue={defaults.nameEn} />}
          </Field>
          <Field name="adoptedYear" label={labels.adoptedYear ?? ""} help={t("reference.yearHelp")} error={errorFor("adoptedYear")}>
            {(control) => (
              <input
                type="text"
                inputMode="numeric"
                autoComplete="off"
                style={{ maxWidth: "8rem" }}
                {...control}
                {...form.register("adoptedYear")}
                defaultValue={defaults.adoptedYear}
              />
            )}
          </Field>
        </div>

        <h2 id="axes">{t("reference.axes")}</h2>
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        {axes.length ? (
          <>
            <p className="muted" id="axes-confirmed-help">
              {t("reference.confirmedHelp")}
            </p>
            <p className="muted">{t("reference.saveFirst")}</p>
          </>
        ) : (
          <p>{t("reference.noAxes")}</p>
        )}
        {axes.map((axis, index) => {
          const field = (name: string) => `axes.${index}.${name}`;
          const inUse = axis.actionCount > 0 || axis.alignmentCount > 0;
          return (
            <fieldset key={axis.id} className="card card--spaced">
              <legend>
                <strong>{t("reference.axisLegend", { number: axis.storedNumber })}</strong>
              </legend>
              <input type="hidden" name={field("id")} value={axis.id} />
              <div style={IN_A_ROW}>
                <Field name={field("number")} label={t("reference.number")} error={errorFor(field("number"))} required>
                  {(control) => (
                    <input
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      style={{ maxWidth: "6rem" }}
                      {...control}
                      {...form.register(field("number"))}
                      defaultValue={axis.number}
                    />
                  )}
                </Field>
                <div className="field" style={BESIDE_INPUT}>
                  <label className="checkbox" htmlFor={`field-${field("confirmed")}`}>
                    <input
                      type="checkbox"
                      id={`field-${field("confirmed")}`}
                      aria-describedby="axes-confirmed-help"
                      {...form.register(field("confirmed"))}
                      defaultChecked={axis.confirmed}
                    />
                    {t("reference.confirmed")}
                  </label>
                </div>
              </div>
              <div style={SIDE_BY_SIDE}>
                <Field name={field("titleFr")} label={t("reference.titleFr")} error={errorFor(field("titleFr"))} required>
                  {(control) => <textarea rows={2} lang="fr" {...control} {...form.register(field("titleFr"))} defaultValue={axis.titleFr} />}
                </Field>
                <Field name={field("titleEn")} label={t("reference.titleEn")} error={errorFor(field("titleEn"))} required>
                  {(control) => <textarea rows={2} lang="en" {...control} {...form.register(field("titleEn"))} defaultValue={axis.titleEn} />}
                </Field>
              </div>
              {inUse ? (
                <p className="muted">{t("reference.usedBy", { actions: axis.actionCount, alignments: axis.alignmentCount })}</p>
              ) : (
                <div className="button-row">
                  <span className="muted">{t("reference.unused")}</span>
                  <button type="submit" form={`remove-axis-${axis.id}`} className="button button--secondary" disabled={navigation.state === "submitting"}>
                    {t("reference.removeAxis", { number: axis.storedNumber })}
                  </button>
                </div>
              )}
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("reference.save")}
          </button>
          <Link to="/admin/reference">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

type AddAxisSubmission = { errors: FieldErrors; values: ReturnType<typeof addAxisValues> };

function AddAxisForm({ nextNumber, submitted }: { nextNumber: number; submitted?: AddAxisSubmission }) {
  const t = useT();
  const navigation = useNavigation();
  const defaults = submitted?.values ?? { number: String(nextNumber), titleFr: "", titleEn: "", confirmed: true };
  const { form, onSubmit, errorFor } = useValidatedForm(AddAxisSchema, { defaultValues: defaults, serverErrors: submitted?.errors });
  const labels = { number: t("reference.number"), titleFr: t("reference.titleFr"), titleEn: t("reference.titleEn") };

  return (
    <section aria-labelledby="add-axis">
      <h2 id="add-axis">{t("reference.addAxis")}</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="card">
        <input type="hidden" name="intent" value="addAxis" />
        <div style={IN_A_ROW}>
          <Field name="number" label={labels.number} error={errorFor("number")} required>
            {(control) => (
              <input
                type="text"
                inputMode="numeric"
                autoComplete="off"
                style={{ maxWidth: "6rem" }}
                {...control}
                {...form.register("number")}
                defaultValue={defaults.number}
              />
            )}
          </Field>
          <div className="field" style={BESIDE_INPUT}>
            <label className="checkbox" htmlFor="field-confirmed">
              <input type="checkbox" id="field-confirmed" aria-describedby="field-confirmed-help" {...form.register("confirmed")} defaultChecked={defaults.confirmed} />
              {t("reference.confirmed")}
            </label>
          </div>
        </div>
        <p className="muted" id="field-confirmed-help">
          {t("reference.confirmedHelp")}
        </p>
        <div style={SIDE_BY_SIDE}>
          <Field name="titleFr" label={labels.titleFr} error={errorFor("titleFr")} required>
            {(control) => <textarea rows={2} lang="fr" {...control} {...form.register("titleFr")} defaultValue={defaults.titleFr} />}
          </Field>
          <Field name="titleEn" label={labels.titleEn} error={errorFor("titleEn")} required>
            {(control) => <textarea rows={2} lang="en" {...control} {...form.register("titleEn")} defaultValue={defaults.titleEn} />}
          </Field>
        </div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("reference.addAxisSubmit")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
