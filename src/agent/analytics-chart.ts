/**
 * The analytics' chart: rooms and their average length for each period, as two small bar groups in inline SVG (no
 * chart library), each scaled to its own largest value and labelled with its figure. The same figures are in the
 * element's table; the SVG is one image with a name and a description for assistive technology.
 */
import { svg, type SVGTemplateResult, type TemplateResult, html } from 'lit';

export interface ChartBar {
  /** The period, e.g. "Today". */
  label: string;
  rooms: number;
  minutes: number;
}

const W = 560;
const H = 196;
/** Room above the tallest bar for its figure, under the group's heading (y 14). */
const TOP = 42;
/** Room under the bars for a period's name on up to two lines. */
const BOTTOM = 36;

/** A period's name on two lines, split at the space nearest its middle, when it is long enough to meet the next. */
function lines(label: string): string[] {
  if (label.length <= 8 || !label.includes(' ')) return [label];
  let at = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1))
    if (at < 0 || Math.abs(i - label.length / 2) < Math.abs(at - label.length / 2)) at = i;
  return [label.slice(0, at), label.slice(at + 1)];
}

function group(
  bars: ChartBar[],
  value: (b: ChartBar) => number,
  x0: number,
  width: number,
  kind: 'rooms' | 'minutes',
): SVGTemplateResult {
  const max = Math.max(1, ...bars.map(value));
  const step = width / bars.length;
  const barW = Math.min(40, step * 0.6);
  return svg`${bars.map((b, i) => {
    const v = value(b);
    const h = ((H - TOP - BOTTOM) * v) / max;
    const x = x0 + i * step + (step - barW) / 2;
    const y = H - BOTTOM - h;
    return svg`<rect class=${kind} x=${x} y=${y} width=${barW} height=${Math.max(h, 1)} rx="3"></rect>
      <text class="value" x=${x + barW / 2} y=${y - 6} text-anchor="middle">${v}</text>
      <text class="period" y=${H - BOTTOM + 14} text-anchor="middle">${lines(b.label).map(
        (line, n) => svg`<tspan x=${x + barW / 2} dy=${n ? 13 : 0}>${line}</tspan>`,
      )}</text>`;
  })}`;
}

/** The chart, `title` its accessible name and `description` the figures in words. */
export function chart(bars: ChartBar[], title: string, roomsLabel: string, minutesLabel: string): TemplateResult {
  const half = W / 2;
  const description = bars.map((b) => `${b.label}: ${b.rooms}, ${b.minutes}`).join('; ');
  return html`<svg part="chart" class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title"
    aria-describedby="chart-desc">
    <title id="chart-title">${title}</title>
    <desc id="chart-desc">${roomsLabel} / ${minutesLabel}. ${description}</desc>
    <text class="axis" x="8" y="14">${roomsLabel}</text>
    <text class="axis" x=${half + 8} y="14">${minutesLabel}</text>
    <line class="base" x1="8" x2=${half - 8} y1=${H - BOTTOM} y2=${H - BOTTOM}></line>
    <line class="base" x1=${half + 8} x2=${W - 8} y1=${H - BOTTOM} y2=${H - BOTTOM}></line>
    ${group(bars, (b) => b.rooms, 8, half - 16, 'rooms')}
    ${group(bars, (b) => b.minutes, half + 8, half - 16, 'minutes')}
  </svg>`;
}
