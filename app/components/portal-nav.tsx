// The trail at the top of each public portal page: portal home, the plan, then the page.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

export function PortalNav({ plan, current }: { plan?: { id: string; title: string }; current?: string }) {
  const t = useT();
  return (
    <nav aria-label={t("portal.trail")} className="portal-trail">
      <Link to="/public">{t("portal.title")}</Link>
      {plan ? (
        <>
          {" › "}
          <Link to={`/public/plans/${plan.id}`}>{plan.title}</Link>
        </>
      ) : null}
      {current ? <> › {current}</> : null}
    </nav>
  );
}
