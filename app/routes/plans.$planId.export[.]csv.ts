// GET /plans/:planId/export.csv: the actions (or, with ?sheet=indicators, the indicators) for French Excel.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPlan } from "~/modules/plans/plans.server";
import { exportPlanCsv } from "~/modules/spreadsheet/export.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:read");
  const plan = await getPlan(params.planId ?? "");
  if (!plan) notFound();
  const sheet = new URL(request.url).searchParams.get("sheet") === "indicators" ? "indicators" : "actions";
  const { body, headers } = await exportPlanCsv(plan, sheet);
  return new Response(body, { headers });
}
