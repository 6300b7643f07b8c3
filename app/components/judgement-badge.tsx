// Whether an indicator is on track: a word and a sign as well as a colour.
import type { Judgement } from "~/modules/indicators/progress";
import { useT } from "~/utils/i18n";

const SIGNS = { onTrack: "✓", offTrack: "⚠", notReported: "?", noTarget: "–" } as const satisfies Record<Judgement, string>;

export function JudgementBadge({ judgement }: { judgement: Judgement }) {
  const t = useT();
  return (
    <span className={`judgement judgement--${judgement}`}>
      <span aria-hidden="true">{SIGNS[judgement]}</span> {t(`judgement.${judgement}`)}
    </span>
  );
}
