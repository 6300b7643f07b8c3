import type { ProposalStatus } from "~/modules/workshops/schema";
import { useT } from "~/utils/i18n";

/**
 * How a proposal's status is drawn: a shape and a word always, a colour as a third cue
 * (the action status colours: grey waiting, green kept, blue merged, red set aside).
 */
const LOOK = {
  PENDING: { shape: "○", className: "status status--NOT_STARTED" },
  ACCEPTED: { shape: "✓", className: "status status--COMPLETED" },
  MERGED: { shape: "⇉", className: "status status--IN_PROGRESS" },
  REJECTED: { shape: "✕", className: "status status--CANCELLED" },
} as const satisfies Record<ProposalStatus, { shape: string; className: string }>;

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const t = useT();
  const look = LOOK[status];
  return (
    <span className={look.className}>
      <span aria-hidden="true">{look.shape}</span>
      {t(`workshops.proposalStatus.${status}`)}
    </span>
  );
}
