import { QUALITY_STATEMENTS } from '../../framework/quality-statements.js';
import { RATING_BANDS, bandOf, type QualityStatementScore } from '../../scoring/ratings.js';
import { leagueTable, type LeagueTableOptions } from '../league-table.js';
import type { PublishedResult } from '../model.js';
import { SCORE_FILL, SCORE_TEXT, checkIdPrefix, svgOpening, xml } from './svg.js';

/** Options of {@link heatMapSvg}: which councils (the league-table filter and order) and labels. */
export interface HeatMapOptions extends LeagueTableOptions {
  /** The picture's title. Default: "Quality statement scores of N councils". */
  readonly title?: string;
  /** Prefix of the ids inside the SVG (so two pictures can share a page). Default `'heat-map'`. */
  readonly idPrefix?: string;
}

const LABEL_WIDTH = 230;
const CELL_W = 40;
const CELL_H = 20;
const TOP = 64;
const TOTAL_WIDTH = 220;

/**
 * A heat map of councils × the nine quality statements, coloured by score, as an SVG
 * string (no DOM, no I/O). Only councils with all nine scores are drawn (the description
 * says how many the filter kept without them). Accessible: `role="img"` with a title and
 * description, text labels for every row and column, a number in every cell (so it reads
 * in greyscale), a colour-blind-safe palette (viridis), a `<title>` tooltip per cell, and
 * a legend naming the statements and scores.
 *
 * @example
 * ```ts
 * import { heatMapSvg, PUBLISHED_RESULTS } from 'la-assurance/results';
 *
 * const svg = heatMapSvg(PUBLISHED_RESULTS, { region: 'london' });
 * svg.startsWith('<svg'); // true
 * ```
 */
export function heatMapSvg(
  results: readonly PublishedResult[],
  options: HeatMapOptions = {},
): string {
  const id = checkIdPrefix(options.idPrefix ?? 'heat-map');
  const table = leagueTable(results, options);
  const rows = table.rows.filter((r) => r.total !== undefined);
  const unscored = table.rows.length - rows.length;
  const title = options.title ?? `Quality statement scores of ${rows.length} councils`;
  const legendTop = TOP + rows.length * CELL_H + 24;
  const legendHeight = 18 * (QUALITY_STATEMENTS.length + 1) + 30;
  const width = LABEL_WIDTH + QUALITY_STATEMENTS.length * CELL_W + TOTAL_WIDTH;
  const height = legendTop + legendHeight;
  const desc =
    `Heat map: one row per council (${rows.length}), one column per quality statement (QS1 to QS9). ` +
    `Each cell shows the council's score from 1 (significant shortfalls) to 4 (exceptional standard) as a number and a colour from dark purple (1) to yellow (4). ` +
    `The last column gives the total of 36, the percentage and the rating.` +
    (unscored > 0
      ? ` ${unscored} council${unscored === 1 ? '' : 's'} with a result but without all nine published scores ${unscored === 1 ? 'is' : 'are'} not shown.`
      : '');
  const out: string[] = [
    ...svgOpening(width, height, id, title, desc),
    `<g class="column-labels">`,
    ...QUALITY_STATEMENTS.map(
      (q, i) =>
        `<g class="column" data-statement="${q.id}"><title>${xml(q.name)}</title><text class="column-label" x="${LABEL_WIDTH + i * CELL_W + CELL_W / 2}" y="${TOP - 8}" text-anchor="middle">QS${q.number}</text></g>`,
    ),
    `<text class="column-label" x="${LABEL_WIDTH + QUALITY_STATEMENTS.length * CELL_W + 8}" y="${TOP - 8}">Total, %, rating</text>`,
    `</g>`,
  ];
  rows.forEach((row, r) => {
    const y = TOP + r * CELL_H;
    out.push(`<g class="row" data-council="${row.council}">`);
    out.push(
      `<text class="row-label" x="${LABEL_WIDTH - 8}" y="${y + CELL_H / 2 + 4}" text-anchor="end">${xml(row.name)}</text>`,
    );
    QUALITY_STATEMENTS.forEach((q, c) => {
      const score = row.scores[q.id] as QualityStatementScore;
      const x = LABEL_WIDTH + c * CELL_W;
      const meaning = RATING_BANDS[score - 1]!.scoreMeaning.replace('Evidence shows ', '');
      out.push(
        `<g class="cell" data-statement="${q.id}" data-score="${score}"><title>${xml(`${row.name}, QS${q.number} ${q.name}: ${score} (${meaning})`)}</title>` +
          `<rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${SCORE_FILL[score]}" stroke="#ffffff"/>` +
          `<text x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" fill="${SCORE_TEXT[score]}">${score}</text></g>`,
      );
    });
    const rating = row.rating ? bandOf(row.rating).label : 'rating not found';
    out.push(
      `<text class="total" x="${LABEL_WIDTH + QUALITY_STATEMENTS.length * CELL_W + 8}" y="${y + CELL_H / 2 + 4}">${row.total}/36 ${row.percentage}% ${xml(rating)}</text>`,
    );
    out.push(`</g>`);
  });
  out.push(`<g class="legend" transform="translate(8 ${legendTop})">`);
  RATING_BANDS.forEach((band, i) => {
    const score = band.score;
    out.push(
      `<rect x="${i * 190}" y="0" width="18" height="14" fill="${SCORE_FILL[score]}"/><text x="${i * 190 + 9}" y="11" text-anchor="middle" font-size="10" fill="${SCORE_TEXT[score]}">${score}</text>` +
        `<text x="${i * 190 + 24}" y="11">${xml(band.scoreMeaning.replace('Evidence shows ', ''))}</text>`,
    );
  });
  QUALITY_STATEMENTS.forEach((q, i) =>
    out.push(`<text x="0" y="${36 + i * 18}">QS${q.number}: ${xml(q.name)}</text>`),
  );
  out.push(`</g>`, `</svg>`);
  return `${out.join('\n')}\n`;
}
