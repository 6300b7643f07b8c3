// GET /dashboard/export?table=indicators|reports&format=csv|xlsx&plan=…[&objective=&lead=&global=]:
// the dashboard's downloads for its filters, headers in the reader's language.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { dashboardExport } from "~/modules/indicators/exports.server";
import { indicatorFiltersFrom } from "~/modules/indicators/filters";
import { requirePermission, requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { scopeOf } from "~/utils/permissions";

const TABLES = ["indicators", "reports"] as const;
const FORMATS = ["csv", "xlsx"] as const;

function pick<Value extends string>(choices: readonly Value[], value: string | null): Value | undefined {
  return choices.find((choice) => choice === value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const url = new URL(request.url);
  const table = pick(TABLES, url.searchParams.get("table"));
  const format = pick(FORMATS, url.searchParams.get("format"));
  if (!table || !format) throw data("Téléchargement inconnu : table=indicators|reports et format=csv|xlsx.", { status: 400 });
  // Reports follow report:read: a focal point downloads their own organisation's only, others need the permission.
  if (table === "reports") requirePermission(user, "report:read");
  const ownOrganisationId = table === "reports" && scopeOf(user.role, "report:read") === "own" ? (user.organisationId ?? "none") : null;
  const file = await dashboardExport({
    table,
    format,
    filters: indicatorFiltersFrom(url),
    lang: user.language === "EN" ? "en" : "fr",
    ownOrganisationId,
  });
  if (!file) notFound();
  return new Response(file.body, { headers: file.headers });
}
