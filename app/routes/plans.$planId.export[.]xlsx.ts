// GET /plans/:planId/export.xlsx: the plan as an Excel workbook (the import reads it back).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPlan } from "~/modules/plans/plans.server";
import { exportPlanWorkbook } from "~/modules/spreadsheet/export.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:read");
  const plan = await getPlan(params.planId ?? "");
  if (!plan) notFound();
  const { body, headers } = await exportPlanWorkbook(plan);
  return new Response(body, { headers });
}
