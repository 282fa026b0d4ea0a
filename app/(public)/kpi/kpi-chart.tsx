import type { KpiHistoryPoint } from "@/lib/kpi/snapshots";

type Props = {
  points: KpiHistoryPoint[];
  title: string;
  description: string;
  formatPercent: (value: number) => string;
  formatDay: (date: string) => string;
};

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 36, left: 48 };
const GRID = [0, 25, 50, 75, 100];

/**
 * The KPI over time as a server-rendered SVG line chart (no client code). The figures themselves
 * are in the table next to it; the SVG carries a title and a description of the trend.
 */
export function KpiChart({ points, title, description, formatPercent, formatDay }: Props) {
  const plotted = points.filter((p): p is KpiHistoryPoint & { percent: number } => p.percent !== null);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (plotted.length <= 1 ? innerW / 2 : (i / (plotted.length - 1)) * innerW);
  const y = (percent: number) => PAD.top + innerH - (percent / 100) * innerH;
  const path = plotted.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`).join(" ");
  const labelled = plotted.length <= 1 ? [0] : [0, plotted.length - 1];
  return (
    <svg
      className="fc-kpi-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="kpi-chart-title kpi-chart-desc"
      preserveAspectRatio="xMidYMid meet"
    >
      <title id="kpi-chart-title">{title}</title>
      <desc id="kpi-chart-desc">{description}</desc>
      <g aria-hidden="true">
        {GRID.map((g) => (
          <g key={g}>
            <line className="fc-kpi-chart__grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(g)} y2={y(g)} />
            <text className="fc-kpi-chart__label" x={PAD.left - 8} y={y(g)} textAnchor="end" dominantBaseline="middle">
              {formatPercent(g)}
            </text>
          </g>
        ))}
        {labelled.map((i) =>
          plotted[i] ? (
            <text
              key={i}
              className="fc-kpi-chart__label"
              x={x(i)}
              y={HEIGHT - 12}
              textAnchor={plotted.length <= 1 ? "middle" : i === 0 ? "start" : "end"}
            >
              {formatDay(plotted[i].date)}
            </text>
          ) : null,
        )}
        {plotted.length > 1 && <path className="fc-kpi-chart__line" d={path} />}
        {plotted.length <= 60 &&
          plotted.map((p, i) => <circle key={p.date} className="fc-kpi-chart__point" cx={x(i)} cy={y(p.percent)} r={3.5} />)}
      </g>
    </svg>
  );
}
