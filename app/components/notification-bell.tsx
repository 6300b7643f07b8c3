import { Link } from "@remix-run/react";
import type { CSSProperties } from "react";
import { useT } from "~/utils/i18n";

// Styled here rather than in app.css: the bell is the only thing that needs these rules.
const bellStyle: CSSProperties = {
  position: "relative",
  display: "inline-flex",
  alignItems: "center",
  padding: "0.35rem",
  color: "var(--blue)",
  borderRadius: "var(--radius)",
};
const countStyle: CSSProperties = {
  position: "absolute",
  top: "-0.2rem",
  right: "-0.45rem",
  minWidth: "1.3rem",
  padding: "0 0.3rem",
  borderRadius: "999px",
  background: "var(--danger)",
  color: "#fff",
  fontSize: "0.75rem",
  fontWeight: 700,
  lineHeight: "1.3rem",
  textAlign: "center",
};

/** The header's bell: how many notices are unread, and the way to read them. Works without JavaScript. */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useT();
  const label = unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell");
  return (
    <Link to="/notifications" className="notification-bell" style={bellStyle} aria-label={label} title={label}>
      <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="notification-bell__count" style={countStyle} aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
