// Starts (or finds) the progress report of an action for a period, then opens it.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { ErrorPage } from "~/components/error-page";
import { findReportTarget, ReportError, startReport } from "~/modules/reporting/reports.server";
import { StartReportSchema } from "~/modules/reporting/schema";
import { requirePermission, requireUser, requireUserWith } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";

// Reports are started from "Mes actions" with a POST; this address has nothing to show.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw redirect("/my-actions");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "report:edit");
  const parsed = parseForm(StartReportSchema, await request.formData());
  if (!parsed.ok) throw new Response("Formulaire incomplet", { status: 400 });
  const target = await findReportTarget(parsed.data.actionId, parsed.data.periodId);
  if (!target) notFound();
  requirePermission(user, "report:edit", { organisationId: target.organisationId });
  try {
    const report = await startReport(user.id, target.actionId, target.periodId);
    throw redirect(`/reports/${report.id}`);
  } catch (error) {
    if (error instanceof ReportError && error.reason === "periodClosed") throw redirect("/my-actions?notice=periodClosed");
    throw error;
  }
}

export default function NewReportRoute() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
