import { useT } from "~/utils/i18n";

type ActionStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DELAYED" | "CANCELLED";

const SHAPES: Record<ActionStatus, string> = {
  NOT_STARTED: "○",
  IN_PROGRESS: "◐",
  COMPLETED: "●",
  DELAYED: "▲",
  CANCELLED: "✕",
};

/** A status in words, with a shape and a colour (never colour alone). */
export function StatusBadge({ status }: { status: ActionStatus }) {
  const t = useT();
  return (
    <span className={`status status--${status}`}>
      <span aria-hidden="true">{SHAPES[status]}</span>
      {t(`actionStatus.${status}`)}
    </span>
  );
}
