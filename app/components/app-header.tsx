import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { NotificationBell } from "~/components/notification-bell";
import { useLang, useT, type MessageKey } from "~/utils/i18n";
import { can, type Permission, type PermissionSubject } from "~/utils/permissions";

/** What the header shows of the signed-in user (a subset of the session's user). */
type HeaderUser = PermissionSubject & { name: string; organisation: { acronym: string; name: string } | null };

type NavItem = { to: string; label: MessageKey; permission: Permission; count?: "reviewsWaiting" | "reportsWaiting" };

/** What waits for the user, from the root loader. */
export type HeaderCounts = { unreadNotifications: number; reviewsWaiting: number; reportsWaiting: number };

const NAV_ITEMS: NavItem[] = [
  { to: "/dashboard", label: "dashboard.nav", permission: "plan:read" },
  { to: "/my-actions", label: "nav.myActions", permission: "report:edit", count: "reportsWaiting" },
  { to: "/plans", label: "nav.plans", permission: "plan:read" },
  { to: "/objectives", label: "nav.objectives", permission: "plan:read" },
  { to: "/alignment", label: "nav.alignment", permission: "alignment:read" },
  { to: "/workshops", label: "nav.workshops", permission: "plan:read" },
  { to: "/admin/users", label: "nav.admin.users", permission: "users:manage" },
  { to: "/admin/organisations", label: "nav.admin.organisations", permission: "organisations:manage" },
  { to: "/admin/reference", label: "reference.nav", permission: "reference:edit" },
  { to: "/admin/portal", label: "portal.admin.nav", permission: "portal:manage" },
  { to: "/reviews", label: "nav.reviews", permission: "report:review", count: "reviewsWaiting" },
  { to: "/compliance", label: "nav.compliance", permission: "compliance:read" },
  { to: "/admin/handover", label: "nav.admin.handover", permission: "focalPoint:handover" },
];

export function AppHeader({ user, counts }: { user: HeaderUser | null; counts?: HeaderCounts }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const otherLang = lang === "fr" ? "en" : "fr";

  return (
    <header className="app-header">
      <div className="app-header__bar">
        <Link to="/" className="app-header__brand">
          <span className="app-header__name">{t("app.name")}</span>
          <span className="app-header__tagline">{t("app.tagline")}</span>
        </Link>
        <div className="app-header__tools">
          <Form method="post" action="/language" className="inline-form">
            <input type="hidden" name="lang" value={otherLang} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={otherLang}>
              {t(otherLang === "en" ? "nav.switchToEnglish" : "nav.switchToFrench")}
            </button>
          </Form>
          {user ? (
            <>
              <NotificationBell unread={counts?.unreadNotifications ?? 0} />
              <p className="app-header__user">
                <strong>{user.name}</strong>
                <span>
                  {t(`role.${user.role}`)}
                  {user.organisation ? ` · ${user.organisation.acronym}` : ""}
                </span>
              </p>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="button button--secondary">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
      {user ? (
        <nav aria-label={t("nav.main")} className="app-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            {NAV_ITEMS.filter((item) => can(user, item.permission)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>
                  {t(item.label)}
                  {item.count && counts?.[item.count] ? (
                    <span title={t("nav.waiting", { count: counts[item.count] })}> ({counts[item.count]})</span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
