import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { WorkshopForm } from "~/components/workshop-form";
import { workshopFormValues, WorkshopEditSchema } from "~/modules/workshops/schema";
import { getWorkshopForEdit, listWorkshopChoices, updateWorkshop } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { revalidateAfterConflict } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Modifier l'atelier ${loaderData.workshop.title} – Pacte` : "Atelier – Pacte" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  const workshop = await getWorkshopForEdit(params.workshopId ?? "");
  if (!workshop) notFound();
  return { workshop, ...(await listWorkshopChoices(workshop.participantIds)) };
}

// Single fetch skips reloading after a 4xx action; after a conflict the form needs the newer timestamp.
export const shouldRevalidate = revalidateAfterConflict;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const workshopId = params.workshopId ?? "";
  const parsed = parseForm(WorkshopEditSchema, await request.formData());
  const values = workshopFormValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await updateWorkshop(user.id, workshopId, parsed.data);
  if (result.ok) throw redirect(`/workshops/${workshopId}?notice=saved`);
  if (result.reason === "notFound") notFound();
  if (result.reason === "conflict") return data({ errors: { form: "conflict.stale" }, values }, { status: 409 });
  return data({ errors: result.errors, values }, { status: 400 });
}

export default function EditWorkshopRoute() {
  const { workshop, organisations, plans } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();

  return (
    <>
      <p>
        <Link to={`/workshops/${workshop.id}`}>← {workshop.title}</Link>
      </p>
      <h1>{t("workshops.edit")}</h1>
      <WorkshopForm
        schema={WorkshopEditSchema}
        // What the editor typed wins over the stored workshop, even after a conflict; the timestamp is always the latest.
        defaultValues={{ ...(actionData?.values ?? workshop), updatedAt: workshop.updatedAt }}
        errors={actionData?.errors}
        submitLabel={t("workshops.save")}
        cancelTo={`/workshops/${workshop.id}`}
        organisations={organisations}
        plans={plans}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
