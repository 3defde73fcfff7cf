import { QUALITY_STATEMENTS } from '../../framework/quality-statements.js';
import type { CouncilComparison, ComparisonGroupKind } from '../compare.js';
import { checkIdPrefix, oneDecimal, svgOpening, xml } from './svg.js';

/** Options of {@link comparisonChartSvg}. */
export interface ComparisonChartOptions {
  /** The picture's title. Default: "<council> against its groups, by quality statement". */
  readonly title?: string;
  /** Prefix of the ids inside the SVG. Default `'comparison'`. */
  readonly idPrefix?: string;
}

// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), each with
// its own marker shape so the groups also read in greyscale.
const GROUP_STYLE: Readonly<
  Record<
    ComparisonGroupKind,
    { readonly colour: string; readonly shape: 'circle' | 'square' | 'triangle' | 'cross' }
  >
> = {
  england: { colour: '#0072B2', shape: 'circle' },
  region: { colour: '#E69F00', shape: 'square' },
  type: { colour: '#009E73', shape: 'triangle' },
  peers: { colour: '#CC79A7', shape: 'cross' },
};

const LABEL_WIDTH = 320;
const PLOT_WIDTH = 300;
const ROW_H = 30;
const LEGEND_TOP = 44;
const LEGEND_ROW = 18;
const TOP = LEGEND_TOP + 5 * LEGEND_ROW + 36;
const NUMBERS_WIDTH = 330;

function xOf(score: number): number {
  return LABEL_WIDTH + ((score - 1) / 3) * PLOT_WIDTH;
}

function marker(
  shape: 'circle' | 'square' | 'triangle' | 'cross' | 'diamond',
  x: number,
  y: number,
  colour: string,
): string {
  switch (shape) {
    case 'circle':
      return `<circle cx="${x.toFixed(1)}" cy="${y}" r="5" fill="${colour}"/>`;
    case 'square':
      return `<rect x="${(x - 5).toFixed(1)}" y="${y - 5}" width="10" height="10" fill="${colour}"/>`;
    case 'triangle':
      return `<path d="M${x.toFixed(1)} ${y - 6}L${(x + 6).toFixed(1)} ${y + 5}L${(x - 6).toFixed(1)} ${y + 5}Z" fill="${colour}"/>`;
    case 'cross':
      return `<path d="M${(x - 5).toFixed(1)} ${y - 5}L${(x + 5).toFixed(1)} ${y + 5}M${(x - 5).toFixed(1)} ${y + 5}L${(x + 5).toFixed(1)} ${y - 5}" stroke="${colour}" stroke-width="3"/>`;
    case 'diamond':
      return `<path d="M${x.toFixed(1)} ${y - 8}L${(x + 8).toFixed(1)} ${y}L${x.toFixed(1)} ${y + 8}L${(x - 8).toFixed(1)} ${y}Z" fill="none" stroke="#000000" stroke-width="2.5"/>`;
  }
}

/**
 * A chart of one council against its groups (from {@link compareCouncil}), per quality
 * statement: the council's score (an open black diamond) and each group's mean score (a
 * marker of its own shape and colour) on a 1–4 scale, with the numbers written out beside
 * every row, as an SVG string (no DOM, no I/O). Accessible: `role="img"` with a title and a
 * description naming the groups and their sizes, text labels, Okabe–Ito colours plus shapes,
 * and a `<title>` per row.
 *
 * @example
 * ```ts
 * import { compareCouncil, comparisonChartSvg } from 'la-assurance/results';
 *
 * const r = compareCouncil('E09000007');
 * r.success && comparisonChartSvg(r.data).includes('Camden'); // true
 * ```
 */
export function comparisonChartSvg(
  comparison: CouncilComparison,
  options: ComparisonChartOptions = {},
): string {
  const id = checkIdPrefix(options.idPrefix ?? 'comparison');
  const { council, score, groups } = comparison;
  const title = options.title ?? `${council.name} against its groups, by quality statement`;
  const width = LABEL_WIDTH + PLOT_WIDTH + 30 + NUMBERS_WIDTH;
  const height = TOP + QUALITY_STATEMENTS.length * ROW_H + 40;
  const groupText = groups
    .map((g) => `${g.label} (${g.size} councils with scores; mean per statement)`)
    .join(', ');
  const desc =
    `Dot chart, one row per quality statement (QS1 to QS9), on a scale from 1 to 4. ` +
    `${council.name} (${score.total} of 36, ${score.roundedPercentage}%, ${score.band.label}) is an open black diamond; ` +
    `the groups are ${groupText}, drawn as a circle, square, triangle and cross. Each row also lists the numbers.`;
  const out: string[] = [
    ...svgOpening(width, height, id, title, desc),
    `<g class="legend" transform="translate(16 ${LEGEND_TOP})">`,
    `${marker('diamond', 8, 0, '#000000')}<text x="22" y="4">${xml(`${council.name}: its score`)}</text>`,
    ...groups.map((g, i) => {
      const y = (i + 1) * LEGEND_ROW;
      const style = GROUP_STYLE[g.group];
      return `${marker(style.shape, 8, y, style.colour)}<text x="22" y="${y + 4}">${xml(`${g.label}: mean of ${g.size} council${g.size === 1 ? '' : 's'} with scores`)}</text>`;
    }),
    `</g>`,
    `<g class="axis">`,
    ...[1, 2, 3, 4].map(
      (s) =>
        `<line x1="${xOf(s)}" y1="${TOP - 12}" x2="${xOf(s)}" y2="${TOP + QUALITY_STATEMENTS.length * ROW_H - 12}" stroke="#cccccc"/><text x="${xOf(s)}" y="${TOP - 18}" text-anchor="middle">${s}</text>`,
    ),
    `<text x="${LABEL_WIDTH + PLOT_WIDTH + 30}" y="${TOP - 18}">${xml(['Score', ...groups.map((g) => (g.group === 'england' ? 'England' : g.group === 'region' ? 'Region' : g.group === 'type' ? 'Type' : 'Peers'))].join(' · '))}</text>`,
    `</g>`,
  ];
  QUALITY_STATEMENTS.forEach((q, i) => {
    const y = TOP + i * ROW_H;
    const own = groups[0]!.statements[i]!.score;
    const numbers = [String(own), ...groups.map((g) => oneDecimal(g.statements[i]!.mean))];
    const tip = `QS${q.number} ${q.name}: ${council.name} ${own}; ${groups.map((g) => `${g.label} mean ${oneDecimal(g.statements[i]!.mean)}`).join('; ')}`;
    out.push(
      `<g class="statement" data-statement="${q.id}"><title>${xml(tip)}</title>`,
      `<text class="row-label" x="${LABEL_WIDTH - 14}" y="${y + 4}" text-anchor="end">${xml(`QS${q.number} ${q.name}`)}</text>`,
      `<line x1="${xOf(1)}" y1="${y}" x2="${xOf(4)}" y2="${y}" stroke="#999999"/>`,
      ...groups.map((g) => {
        const style = GROUP_STYLE[g.group];
        return marker(style.shape, xOf(g.statements[i]!.mean), y, style.colour);
      }),
      marker('diamond', xOf(own), y, '#000000'),
      `<text class="numbers" x="${LABEL_WIDTH + PLOT_WIDTH + 30}" y="${y + 4}">${xml(numbers.join(' · '))}</text>`,
      `</g>`,
    );
  });
  out.push(`</svg>`);
  return `${out.join('\n')}\n`;
}
