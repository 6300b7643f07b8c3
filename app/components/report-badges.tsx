import type { Urgency } from "~/modules/reporting/due";
import type { ReviewState } from "~/modules/reporting/report-state";
import { useT } from "~/utils/i18n";

const STATE_SHAPES: Record<ReviewState, string> = {
  DRAFT: "◐",
  SUBMITTED: "◷",
  APPROVED: "✓",
  CHANGES_REQUESTED: "↩",
};

/** Where a progress report stands in its review, in words with a shape (never colour alone). */
export function ReviewStateBadge({ state }: { state: ReviewState }) {
  const t = useT();
  return (
    <span className={`status review-state review-state--${state}`}>
      <span aria-hidden="true">{STATE_SHAPES[state]}</span>
      {t(`reports.state.${state}`)}
    </span>
  );
}

const URGENCY_SHAPES: Record<Urgency, string> = {
  changesRequested: "↩",
  late: "▲",
  due: "○",
  draft: "◐",
  submitted: "◷",
  approved: "✓",
};

/** What a focal point has to do about a report, in words with a shape. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const t = useT();
  return (
    <span className={`status urgency urgency--${urgency}`}>
      <span aria-hidden="true">{URGENCY_SHAPES[urgency]}</span>
      {t(`myActions.urgency.${urgency}`)}
    </span>
  );
}
