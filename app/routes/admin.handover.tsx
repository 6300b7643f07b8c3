import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, Field, useValidatedForm } from "~/components/form";
import { OrganisationOptions } from "~/components/organisation-options";
import { getHandoverOverview, handOverFocalPoint } from "~/modules/handover/handover.server";
import { HandoverSchema } from "~/modules/handover/schema";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import reviewsStyles from "~/styles/reviews.css";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { handleDomainErrors } from "~/utils/domain-response.server";
import { notFound } from "~/utils/http.server";
import { formatDate, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "handover.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewsStyles }];

// After a conflict (someone handed over first) the page must show who is focal point now.
export const shouldRevalidate = revalidateAfterConflict;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "focalPoint:handover");
  const params = new URL(request.url).searchParams;
  const organisationId = params.get("organisation")?.trim() ?? "";
  const [organisations, overview] = await Promise.all([
    listOrganisationChoices(),
    organisationId ? getHandoverOverview(organisationId) : null,
  ]);
  if (organisationId && !overview) notFound();
  return { organisations, overview, done: params.get("notice") === "done" };
}

function text(values: Record<string, string | string[]>, name: string) {
  const value = values[name];
  return typeof value === "string" ? value : "";
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "focalPoint:handover");
  const parsed = parseForm(HandoverSchema, await request.formData());
  const values = {
    fromUserId: text(parsed.values, "fromUserId"),
    toUserId: text(parsed.values, "toUserId"),
    deactivateFrom: text(parsed.values, "deactivateFrom") !== "",
  };
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const input = parsed.data;
  return handleDomainErrors(
    async () => {
      await handOverFocalPoint(user.id, input);
      return redirect(`/admin/handover?organisation=${encodeURIComponent(input.organisationId)}&notice=done`);
    },
    () => ({ values }),
  );
}

export default function HandoverRoute() {
  const { organisations, overview, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();

  return (
    <>
      <p>
        <Link to="/admin/organisations">{t("admin.orgs.back")}</Link>
      </p>
      <h1>{t("handover.title")}</h1>
      <p className="lead">{t("handover.intro")}</p>

      <Form method="get" className="filters" aria-label={t("handover.chooseOrganisation")}>
        <Field name="organisation" label={t("handover.organisation")}>
          {(control) => (
            <select name="organisation" defaultValue={overview?.organisation.id ?? ""} {...control}>
              <OrganisationOptions organisations={organisations} emptyLabel={t("handover.chooseOrganisation")} />
            </select>
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("handover.show")}
          </button>
        </div>
      </Form>

      {overview ? (
        <>
          <h2>
            {overview.organisation.acronym} – {overview.organisation.name}
          </h2>
          {done && !actionData ? (
            <p className="notice" role="status">
              {t("handover.done")}
            </p>
          ) : null}
          <section aria-labelledby="current">
            <h3 id="current">{t("handover.current")}</h3>
            {overview.current.length ? (
              <ul>
                {overview.current.map((focalPoint) => (
                  <li key={focalPoint.id}>
                    {focalPoint.name} – <a href={`mailto:${focalPoint.email}`}>{focalPoint.email}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p>
                <strong>{t("handover.noCurrent")}</strong>
              </p>
            )}
          </section>

          <HandoverForm
            key={overview.current.map((focalPoint) => focalPoint.id).join(",")}
            organisationId={overview.organisation.id}
            current={overview.current}
            candidates={overview.candidates}
            submitted={actionData}
          />

          <section aria-labelledby="history">
            <h3 id="history">{t("handover.history")}</h3>
            {overview.history.length ? (
              <div className="table-wrap">
                <table>
                  <caption className="muted">{t("handover.historyCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("handover.person")}</th>
                      <th scope="col">{t("handover.startedAt")}</th>
                      <th scope="col">{t("handover.endedAt")}</th>
                      <th scope="col">{t("handover.assignedBy")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.history.map((assignment) => (
                      <tr key={assignment.id}>
                        <th scope="row">
                          {assignment.user.name} <span className="muted">({assignment.user.email})</span>
                          {assignment.user.active ? null : <span className="muted"> · {t("admin.users.inactive")}</span>}
                        </th>
                        <td>{formatDate(lang, assignment.startedAt)}</td>
                        <td>{assignment.endedAt ? formatDate(lang, assignment.endedAt) : <strong>{t("handover.ongoing")}</strong>}</td>
                        <td>{assignment.assignedBy?.name ?? t("common.none")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted">{t("handover.noHistory")}</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

type Person = { id: string; name: string; email: string };
type Candidate = Person & { role: "ADMIN" | "FACILITATOR" | "FOCAL_POINT" | "REVIEWER" | "OBSERVER"; organisation: { acronym: string } | null };
type Submitted = { errors: FieldErrors; values: { fromUserId: string; toUserId: string; deactivateFrom: boolean } };

function HandoverForm({
  organisationId,
  current,
  candidates,
  submitted,
}: {
  organisationId: string;
  current: Person[];
  candidates: Candidate[];
  submitted?: Submitted;
}) {
  const t = useT();
  const navigation = useNavigation();
  const defaults = submitted?.values ?? { fromUserId: current[0]?.id ?? "", toUserId: "", deactivateFrom: false };
  const { form, onSubmit, errorFor } = useValidatedForm(HandoverSchema, {
    defaultValues: { organisationId, ...defaults },
    serverErrors: submitted?.errors,
  });
  const labels = { fromUserId: t("handover.from"), toUserId: t("handover.to"), deactivateFrom: t("handover.deactivate") };
  return (
    <section aria-labelledby="handover-form" className="card form">
      <h3 id="handover-form">{t(current.length ? "handover.formTitle" : "handover.assignTitle")}</h3>
      <ErrorSummary errors={submitted?.errors} labels={labels} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="organisationId" value={organisationId} />
        {current.length ? (
          <Field name="fromUserId" label={labels.fromUserId} error={errorFor("fromUserId")} required>
            {(control) => (
              <select {...control} {...form.register("fromUserId")} defaultValue={defaults.fromUserId}>
                {current.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name} ({person.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field name="toUserId" label={labels.toUserId} help={t("handover.toHelp")} error={errorFor("toUserId")} required>
          {(control) => (
            <select {...control} {...form.register("toUserId")} defaultValue={defaults.toUserId}>
              <option value="">{t("handover.choosePerson")}</option>
              {candidates.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.email}) – {t(`role.${person.role}`)}
                  {person.organisation ? ` · ${person.organisation.acronym}` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        {current.length ? (
          <div className="field">
            <label className="checkbox" htmlFor="field-deactivateFrom">
              <input
                type="checkbox"
                id="field-deactivateFrom"
                aria-describedby="field-deactivateFrom-help"
                {...form.register("deactivateFrom")}
                defaultChecked={defaults.deactivateFrom}
              />
              {labels.deactivateFrom}
            </label>
            <span className="help" id="field-deactivateFrom-help">
              {t("handover.deactivateHelp")}
            </span>
          </div>
        ) : null}
        <p className="muted">{t("handover.keeps")}</p>
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t(current.length ? "handover.submit" : "handover.assign")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
