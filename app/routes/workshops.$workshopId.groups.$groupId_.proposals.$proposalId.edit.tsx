import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { ErrorSummary, useValidatedForm } from "~/components/form";
import { ProposalFields, proposalLabels } from "~/components/proposal-fields";
import { listOrganisationChoices } from "~/modules/organisations/organisations.server";
import { ProposalEditSchema, textValue } from "~/modules/workshops/schema";
import { getProposalForEdit, listObjectiveChoices, updateProposal } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm, type FormValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { useLang, useT } from "~/utils/i18n";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Corriger la proposition ${loaderData.proposal.title} – Pacte` : "Proposition – Pacte" },
];

/** The 409 for a proposal already accepted, merged or set aside. */
function decidedProposal(): never {
  throw new Response(
    "Cette proposition a déjà été retenue, fusionnée ou écartée : elle est liée à une action du plan ou porte une décision, et ne peut plus être modifiée.",
    { status: 409, statusText: "Proposal already decided" },
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  const proposal = await getProposalForEdit(params.workshopId ?? "", params.groupId ?? "", params.proposalId ?? "");
  if (!proposal) notFound();
  if (proposal.status !== "PENDING") decidedProposal();
  const [objectives, organisations] = await Promise.all([listObjectiveChoices(), listOrganisationChoices(proposal.leadOrganisationId)]);
  return { proposal, objectives, organisations };
}

function isStale(result: unknown) {
  return typeof result === "object" && result !== null && "reason" in result && result.reason === "stale";
}

// Single fetch skips reloading after a 4xx action. After a conflict the form needs the newer
// fingerprint and the page shows what was saved meanwhile; after a decision the loader would
// answer 409 and hide what the editor typed, so the page stays as it is.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  isStale(actionResult) || defaultShouldRevalidate;

function typed(values: FormValues) {
  return {
    title: textValue(values, "title"),
    objectiveNumber: textValue(values, "objectiveNumber"),
    leadOrganisationId: textValue(values, "leadOrganisationId"),
    notes: textValue(values, "notes"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  const groupId = params.groupId ?? "";
  const proposalId = params.proposalId ?? "";
  const parsed = parseForm(ProposalEditSchema, await request.formData());
  const values = typed(parsed.values);
  if (!parsed.ok) return data({ reason: "invalid", errors: parsed.errors, values }, { status: 400 });
  const result = await updateProposal(user.id, workshopId, groupId, proposalId, parsed.data);
  if (result.ok) throw redirect(`/workshops/${workshopId}/groups/${groupId}?notice=proposalSaved&proposal=${proposalId}`);
  switch (result.reason) {
    case "notFound":
      return notFound();
    case "decided":
      return data({ reason: "decided", errors: { form: "workshops.proposals.decided" }, values }, { status: 409 });
    case "conflict":
      return data({ reason: "stale", errors: { form: "conflict.stale" }, values }, { status: 409 });
    case "invalid":
      return data({ reason: "invalid", errors: result.errors, values }, { status: 400 });
  }
}

export default function EditProposalRoute() {
  const { proposal, objectives, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const defaults = {
    ...(actionData?.values ?? {
      title: proposal.title,
      objectiveNumber: String(proposal.objectiveNumber),
      leadOrganisationId: proposal.leadOrganisationId ?? "",
      notes: proposal.notes ?? "",
    }),
    loaded: proposal.loaded,
  };
  const { form, onSubmit, errorFor } = useValidatedForm(ProposalEditSchema, { defaultValues: defaults, serverErrors: actionData?.errors });
  const labels = proposalLabels(t);
  const title = (objective: { titleFr: string; titleEn: string }) => (lang === "en" ? objective.titleEn : objective.titleFr);
  const objectiveTitle = new Map(objectives.map((objective) => [objective.number, title(objective)]));
  const saving = navigation.state === "submitting";
  const groupPage = `/workshops/${proposal.workshop.id}/groups/${proposal.group.id}`;

  return (
    <>
      <p>
        <Link to={groupPage}>← {proposal.group.name}</Link>
      </p>
      <h1>{t("workshops.proposals.editTitle")}</h1>
      <p>{t("workshops.proposals.editIntro")}</p>
      <ErrorSummary errors={actionData?.errors} labels={labels} />
      {actionData?.reason === "stale" ? (
        <section aria-labelledby="saved-meanwhile" className="card card--spaced">
          <h2 id="saved-meanwhile">{t("workshops.proposals.savedMeanwhile")}</h2>
          <dl>
            <dt>{labels.title}</dt>
            <dd>{proposal.title}</dd>
            <dt>{labels.objectiveNumber}</dt>
            <dd>
              {proposal.objectiveNumber}. {objectiveTitle.get(proposal.objectiveNumber)}
            </dd>
            <dt>{labels.leadOrganisationId}</dt>
            <dd>{proposal.leadOrganisation ? `${proposal.leadOrganisation.acronym} – ${proposal.leadOrganisation.name}` : t("workshops.leadToBeDefined")}</dd>
            <dt>{labels.notes}</dt>
            <dd>{proposal.notes ?? t("common.none")}</dd>
          </dl>
        </section>
      ) : null}
      {/* A new key after a conflict: the form takes the newer proposal's fingerprint. */}
      <Form method="post" noValidate onSubmit={onSubmit} className="form" key={proposal.loaded}>
        <input type="hidden" name="loaded" value={proposal.loaded} />
        <ProposalFields
          register={form.register}
          errorFor={errorFor}
          labels={labels}
          defaults={defaults}
          objectives={objectives}
          groupObjectiveNumbers={proposal.group.objectiveNumbers}
          organisations={organisations}
          notesRows={4}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t("form.saving") : t("workshops.proposals.saveEdit")}
          </button>
          <Link to={groupPage}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  const params = useParams();
  return (
    <ErrorPage
      conflict={{
        title: "workshops.proposals.decidedTitle",
        body: "workshops.proposals.decidedBody",
        back: { to: `/workshops/${params.workshopId ?? ""}/groups/${params.groupId ?? ""}`, label: "workshops.groups.back" },
      }}
    />
  );
}
