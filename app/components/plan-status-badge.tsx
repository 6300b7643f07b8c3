import { useT } from "~/utils/i18n";

type PlanStatus = "DRAFT" | "ADOPTED" | "ARCHIVED";

const SHAPES: Record<PlanStatus, string> = { DRAFT: "✎", ADOPTED: "✔", ARCHIVED: "▣" };
const TONES: Record<PlanStatus, string> = { DRAFT: "DELAYED", ADOPTED: "COMPLETED", ARCHIVED: "NOT_STARTED" };

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const t = useT();
  return (
    <span className={`status status--${TONES[status]}`}>
      <span aria-hidden="true">{SHAPES[status]}</span>
      {t(`plans.status.${status}`)}
    </span>
  );
}
