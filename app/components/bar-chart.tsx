// A horizontal bar chart drawn on the server as SVG: no script, no library. Lengths are
// percentages of the chart's width, so the text keeps its size on a phone while the bars
// shrink. The figures are also in a table beside it; the <desc> lists them for screen readers.
import { useId } from "react";

export type Bar = {
  label: string;
  /** null: nothing to measure (shown as `emptyText`, e.g. an objective without actions). */
  value: number | null;
  /** The value as written for people, e.g. "45,5 %". */
  display: string;
};

const ROW = 26;
const BAR = 16;
const TOP = 4;
// Share of the width for the labels, for the bars, and what is left for the values.
const LABEL_SHARE = 24;
const BAR_SHARE = 58;

export function BarChart({
  title,
  description,
  bars,
  max = 100,
  emptyText,
}: {
  title: string;
  /** What is measured and how, before the list of values. */
  description: string;
  bars: Bar[];
  max?: number;
  emptyText: string;
}) {
  const id = useId();
  const height = TOP * 2 + bars.length * ROW;
  const listed = bars.map((bar) => `${bar.label} : ${bar.value === null ? emptyText : bar.display}`).join(" ; ");

  return (
    <div className="bar-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        height={height}
        className="bar-chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${description} ${listed}.`}</desc>
        {bars.map((bar, index) => {
          const y = TOP + index * ROW;
          const share = bar.value === null ? 0 : Math.max(0, Math.min(bar.value, max)) / max;
          const end = LABEL_SHARE + BAR_SHARE * share;
          return (
            <g key={`${bar.label}-${index}`}>
              <text x="0" y={y + ROW / 2} dominantBaseline="central" className="bar-chart__label">
                {bar.label}
              </text>
              <rect x={`${LABEL_SHARE}%`} y={y + (ROW - BAR) / 2} width={`${BAR_SHARE}%`} height={BAR} className="bar-chart__track" />
              {bar.value === null ? (
                <text x={`${LABEL_SHARE + 1}%`} y={y + ROW / 2} dominantBaseline="central" className="bar-chart__empty">
                  {`⚠ ${emptyText}`}
                </text>
              ) : (
                <>
                  {share > 0 ? (
                    <rect x={`${LABEL_SHARE}%`} y={y + (ROW - BAR) / 2} width={`${BAR_SHARE * share}%`} height={BAR} className="bar-chart__bar" />
                  ) : null}
                  <text x={`${end + 1}%`} y={y + ROW / 2} dominantBaseline="central" className="bar-chart__value">
                    {bar.display}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
