// Starts (or finds) the progress report of an action for a period, then opens it.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { ErrorPage } from "~/components/error-page";
import { startReport } from "~/modules/reporting/reports.server";
import { StartReportSchema } from "~/modules/reporting/schema";
import { requireUser, requireUserWith } from "~/utils/auth.server";
import { isDomainError } from "~/utils/domain-error";
import { loadOrRespond } from "~/utils/domain-response.server";
import { parseForm } from "~/utils/forms";

// Reports are started from "Mes actions" with a POST; this address has nothing to show.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw redirect("/my-actions");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "report:edit");
  const parsed = parseForm(StartReportSchema, await request.formData());
  if (!parsed.ok) throw new Response("Formulaire incomplet", { status: 400 });
  const report = await loadOrRespond(async () => {
    try {
      return await startReport(user, parsed.data.actionId, parsed.data.periodId);
    } catch (error) {
      if (isDomainError(error, "periodClosed")) throw redirect("/my-actions?notice=periodClosed");
      throw error;
    }
  });
  throw redirect(`/reports/${report.id}`);
}

export default function NewReportRoute() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
