import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { WorkshopForm } from "~/components/workshop-form";
import { workshopFormValues, WorkshopSchema } from "~/modules/workshops/schema";
import { createWorkshop, listWorkshopChoices } from "~/modules/workshops/workshops.server";
import { requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Nouvel atelier – Pacte" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "workshop:edit");
  return listWorkshopChoices();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "workshop:edit");
  const parsed = parseForm(WorkshopSchema, await request.formData());
  const values = workshopFormValues(parsed.values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createWorkshop(user.id, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw redirect(`/workshops/${result.id}?notice=created`);
}

export default function NewWorkshopRoute() {
  const { organisations, plans } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();

  return (
    <>
      <p>
        <Link to="/workshops">← {t("workshops.back")}</Link>
      </p>
      <h1>{t("workshops.new")}</h1>
      <WorkshopForm
        schema={WorkshopSchema}
        defaultValues={actionData?.values ?? workshopFormValues({})}
        errors={actionData?.errors}
        submitLabel={t("workshops.create")}
        cancelTo="/workshops"
        organisations={organisations}
        plans={plans}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
