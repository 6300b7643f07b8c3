import { useT } from "~/utils/i18n";

type ActionStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DELAYED" | "CANCELLED";

/** The shape beside each status word, so colour is never alone. */
export const STATUS_SHAPES: Record<ActionStatus, string> = {
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
      <span aria-hidden="true">{STATUS_SHAPES[status]}</span>
      {t(`actionStatus.${status}`)}
    </span>
  );
}
