// An indicator's figures drawn on the server as SVG (no script, no library), each chart followed
// by a table with the same figures: the approved values by period against the straight path from
// the baseline to the target (a line), and the break-downs as grouped bars (one group per period,
// one bar per category). The <title> and <desc> say what is drawn for screen readers.
import { useId } from "react";
import { useT } from "~/utils/i18n";

export type ChartPoint = {
  label: string;
  /** The end of the period the value was reported for, "AAAA-MM-JJ". */
  date: string;
  value: number;
};

type Anchor = { date: string; value: number };

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 40, left: 64 };

function time(day: string) {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`).getTime();
}

/** A round step (1, 2, 2,5 or 5 times a power of ten) giving about `count` intervals. */
function niceStep(span: number, count: number) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10;
  return step * power;
}

/** Round bounds and ticks for the value axis, including zero when it is near. */
function valueScale(values: number[], count = 4) {
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low > 0 && low < high * 0.5) low = 0;
  if (low === high) {
    low = low === 0 ? 0 : low - Math.abs(low) * 0.1;
    high = high === 0 ? 1 : high + Math.abs(high) * 0.1;
  }
  const step = niceStep(high - low, count);
  const from = Math.floor(low / step) * step;
  const to = Math.ceil(high / step) * step;
  const ticks = Array.from({ length: Math.round((to - from) / step) + 1 }, (_, index) => from + index * step);
  return { low: from, high: to, ticks };
}

export function IndicatorChart({
  title,
  description,
  baseline,
  target,
  points,
  format,
  formatDay,
  tableCaption,
}: {
  title: string;
  description: string;
  baseline: Anchor | null;
  target: Anchor | null;
  points: ChartPoint[];
  format: (value: number) => string;
  formatDay: (day: string) => string;
  /** With a caption, the chart is followed by a table of the same figures; a page with a richer table of its own leaves it out. */
  tableCaption?: string;
}) {
  const t = useT();
  const id = useId();
  const anchors = [baseline, target].filter((anchor): anchor is Anchor => anchor !== null);
  const all = [...anchors, ...points];
  if (all.length === 0) return null;

  const times = all.map((item) => time(item.date));
  const start = Math.min(...times);
  const end = Math.max(...times);
  const span = end - start || 1;
  const { low, high, ticks } = valueScale(all.map((item) => item.value));
  const x = (day: string) => PAD.left + ((time(day) - start) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - low) / (high - low)) * (HEIGHT - PAD.top - PAD.bottom);
  const listed = [
    baseline ? `${t("indicatorChart.baseline")} ${formatDay(baseline.date)} : ${format(baseline.value)}` : null,
    ...points.map((point) => `${point.label} : ${format(point.value)}`),
    target ? `${t("indicatorChart.target")} ${formatDay(target.date)} : ${format(target.value)}` : null,
  ]
    .filter(Boolean)
    .join(" ; ");

  return (
    <figure className="indicator-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" className="indicator-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${description} ${listed}.`}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="indicator-chart__grid" />
            <text x={PAD.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="central" className="indicator-chart__tick">
              {format(tick)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 12} className="indicator-chart__tick">
          {formatDay(new Date(start).toISOString())}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 12} textAnchor="end" className="indicator-chart__tick">
          {formatDay(new Date(end).toISOString())}
        </text>
        {baseline && target ? (
          <line
            x1={x(baseline.date)}
            y1={y(baseline.value)}
            x2={x(target.date)}
            y2={y(target.value)}
            className="indicator-chart__path"
          />
        ) : null}
        {points.length > 0 ? (
          <polyline
            points={[...(baseline ? [baseline] : []), ...points].map((point) => `${x(point.date)},${y(point.value)}`).join(" ")}
            className="indicator-chart__line"
          />
        ) : null}
        {baseline ? <rect x={x(baseline.date) - 5} y={y(baseline.value) - 5} width={10} height={10} className="indicator-chart__baseline" /> : null}
        {target ? (
          <polygon
            points={`${x(target.date)},${y(target.value) - 7} ${x(target.date) + 7},${y(target.value)} ${x(target.date)},${y(target.value) + 7} ${x(target.date) - 7},${y(target.value)}`}
            className="indicator-chart__target"
          />
        ) : null}
        {points.map((point) => (
          <circle key={`${point.label}-${point.date}`} cx={x(point.date)} cy={y(point.value)} r={5} className="indicator-chart__point" />
        ))}
      </svg>
      <figcaption className="indicator-chart__legend">
        <span>
          <span className="legend-mark legend-mark--baseline" aria-hidden="true" /> {t("indicatorChart.baseline")}
        </span>
        <span>
          <span className="legend-mark legend-mark--point" aria-hidden="true" /> {t("indicatorChart.approved")}
        </span>
        <span>
          <span className="legend-mark legend-mark--path" aria-hidden="true" /> {t("indicatorChart.path")}
        </span>
        <span>
          <span className="legend-mark legend-mark--target" aria-hidden="true" /> {t("indicatorChart.target")}
        </span>
      </figcaption>
      {tableCaption ? (
        <div className="table-wrap">
          <table>
            <caption>{tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicatorChart.period")}</th>
                <th scope="col">{t("indicatorChart.date")}</th>
                <th scope="col" className="num">
                  {t("indicatorChart.value")}
                </th>
              </tr>
            </thead>
            <tbody>
              {baseline ? (
                <tr>
                  <th scope="row">{t("indicatorChart.baseline")}</th>
                  <td>{formatDay(baseline.date)}</td>
                  <td className="num">{format(baseline.value)}</td>
                </tr>
              ) : null}
              {points.map((point) => (
                <tr key={`${point.label}-${point.date}`}>
                  <th scope="row">{point.label}</th>
                  <td>{formatDay(point.date)}</td>
                  <td className="num">{format(point.value)}</td>
                </tr>
              ))}
              {target ? (
                <tr>
                  <th scope="row">{t("indicatorChart.target")}</th>
                  <td>{formatDay(target.date)}</td>
                  <td className="num">{format(target.value)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  );
}

export type GroupedRow = { label: string; values: (number | null)[] };

const GROUP_HEIGHT = 220;

/** Grouped bars: one group per row (period), one bar per series (category); then the same figures in a table. */
export function GroupedBarChart({
  title,
  description,
  caption,
  rowHeader,
  series,
  rows,
  format,
}: {
  title: string;
  description: string;
  caption: string;
  rowHeader: string;
  series: string[];
  rows: GroupedRow[];
  format: (value: number) => string;
}) {
  const t = useT();
  const id = useId();
  const numbers = rows.flatMap((row) => row.values.filter((value): value is number => value !== null));
  const { low, high, ticks } = valueScale([0, 1, ...numbers]);
  const plotLeft = 56;
  const plotBottom = GROUP_HEIGHT - 28;
  const groupWidth = (WIDTH - plotLeft - 8) / Math.max(1, rows.length);
  const barWidth = Math.max(4, (groupWidth * 0.8) / Math.max(1, series.length));
  const y = (value: number) => 8 + (1 - (value - low) / (high - low)) * (plotBottom - 8);
  const listed = rows
    .map((row) => `${row.label} : ${series.map((name, index) => `${name} ${row.values[index] === null ? "—" : format(row.values[index] ?? 0)}`).join(", ")}`)
    .join(" ; ");

  return (
    <>
      <figure className="indicator-chart">
        <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${GROUP_HEIGHT}`} width="100%" className="indicator-chart__svg">
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{`${description} ${listed}.`}</desc>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={plotLeft} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} className="indicator-chart__grid" />
              <text x={plotLeft - 6} y={y(tick)} textAnchor="end" dominantBaseline="central" className="indicator-chart__tick">
                {format(tick)}
              </text>
            </g>
          ))}
          {rows.map((row, rowIndex) => {
            const groupX = plotLeft + rowIndex * groupWidth + groupWidth * 0.1;
            return (
              <g key={`${row.label}-${rowIndex}`}>
                {row.values.map((value, index) =>
                  value === null ? null : (
                    <rect
                      key={series[index] ?? index}
                      x={groupX + index * barWidth}
                      y={Math.min(y(value), y(0))}
                      width={barWidth - 2}
                      height={Math.max(1, Math.abs(y(0) - y(value)))}
                      className={`indicator-chart__bar indicator-chart__bar--${index % 6}`}
                    />
                  ),
                )}
                <text x={groupX + (barWidth * series.length) / 2} y={GROUP_HEIGHT - 10} textAnchor="middle" className="indicator-chart__tick">
                  {row.label}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption className="indicator-chart__legend">
          {series.map((name, index) => (
            <span key={name}>
              <span className={`legend-mark legend-mark--bar indicator-chart__bar--${index % 6}`} aria-hidden="true" /> {name}
            </span>
          ))}
        </figcaption>
      </figure>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {series.map((name) => (
                <th key={name} scope="col" className="num">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={`${row.label}-${rowIndex}`}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, index) => (
                  <td key={series[index] ?? index} className="num">
                    {value === null ? t("common.none") : format(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
