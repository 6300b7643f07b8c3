import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { SnapshotDiffView } from "~/components/snapshot-diff";
import { comparePlanVersions, getPlan, listVersions, type VersionRef } from "~/modules/plans/plans.server";
import { requireUserWith } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Comparer des versions – Pacte" }];

function parseRef(value: string | null): VersionRef | null {
  if (value === null || value === "current") return "current";
  return /^\d{1,4}$/.test(value) ? Number(value) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:read");
  const plan = await getPlan(params.planId ?? "");
  if (!plan) notFound();
  const url = new URL(request.url);
  const versions = await listVersions(plan.id);
  const from = parseRef(url.searchParams.get("from") ?? String(versions[0]?.number ?? "current"));
  const to = parseRef(url.searchParams.get("to"));
  if (from === null || to === null) throw new Response("Version inconnue", { status: 400 });
  const diff = await comparePlanVersions(plan.id, from, to);
  if (!diff) notFound();
  return { plan: { id: plan.id, title: plan.title }, versions: versions.map((version) => version.number), from, to, diff };
}

export default function PlanDiffRoute() {
  const { plan, versions, from, to, diff } = useLoaderData<typeof loader>();
  const t = useT();
  const label = (ref: number | "current") => (ref === "current" ? t("plans.current") : t("plans.version", { number: ref }));
  const options = [...versions.map((number) => ({ value: String(number), label: label(number) })), { value: "current", label: label("current") }];
  return (
    <>
      <p>
        <Link to={`/plans/${plan.id}`}>← {t("plans.back")}</Link>
      </p>
      <h1>{t("plans.diffTitle", { from: label(from), to: label(to) })}</h1>
      <p className="muted">{plan.title}</p>
      <Form method="get" className="button-row">
        <label>
          {t("plans.diffFrom")}{" "}
          <select name="from" defaultValue={String(from)}>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("plans.diffTo")}{" "}
          <select name="to" defaultValue={String(to)}>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--secondary">
          {t("plans.diffShow")}
        </button>
      </Form>
      <SnapshotDiffView diff={diff} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
