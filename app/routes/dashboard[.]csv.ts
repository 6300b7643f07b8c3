// GET /dashboard.csv?plan=<id>: the dashboard's tables (by objective, axis and lead ministry) for French Excel.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { dashboardCsv, getDashboard } from "~/modules/dashboard/dashboard.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:read");
  const planId = new URL(request.url).searchParams.get("plan")?.trim() || undefined;
  const dashboard = await getDashboard({ planId });
  if (!dashboard) notFound();
  const { body, headers } = dashboardCsv(dashboard);
  return new Response(body, { headers });
}
