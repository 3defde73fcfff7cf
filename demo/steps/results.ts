import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCouncil } from 'la-assurance/councils';
import { QUALITY_STATEMENTS } from 'la-assurance/framework';
import {
  PUBLISHED_RESULTS,
  RESULTS_AS_OF,
  RESULTS_COVERAGE,
  compareCouncil,
  compareWithBandAbove,
  heatMapSvg,
} from 'la-assurance/results';
import { heading, table } from '../format.js';

/**
 * Compares one council's published result (real: Norfolk, CQC press release of 12 Dec 2025)
 * with its region and council type, against the councils one band up, and writes the heat
 * map of every council with published scores.
 */
export function resultsStep(): string {
  const norfolk = findCouncil('Norfolk')!;
  const compared = compareCouncil(norfolk.code);
  if (!compared.success) throw new Error(compared.issues.map((i) => i.message).join('\n'));
  const c = compared.data;
  const above = compareWithBandAbove(norfolk.code);
  const file = join(tmpdir(), 'la-assurance-heat-map.svg');
  writeFileSync(file, heatMapSvg(PUBLISHED_RESULTS));
  const out = [
    heading('How does a council compare? Published results'),
    `Dataset: ${PUBLISHED_RESULTS.length} published results; ${RESULTS_COVERAGE.withFormalResult} of ${RESULTS_COVERAGE.councils} councils have a formal result, ${RESULTS_COVERAGE.withAllNineScores} with all nine scores. ` +
      `Believed complete to ${RESULTS_AS_OF.completeUpTo}, partial up to ${RESULTS_AS_OF.latestPublication}; ${RESULTS_COVERAGE.withoutFormalResult.length} councils have no result here (not guessed).`,
    `\n${c.council.name}: ${c.score.total} of 36 = ${c.score.roundedPercentage}%, ${c.score.band.label} (source: ${c.result.source}; confidence ${c.result.confidence}).`,
    table(
      ['Group', 'Councils with scores', 'Rank', 'Percentile'],
      c.groups.map((g) => [
        g.label,
        g.size,
        `${g.rank} of ${g.size}`,
        g.percentile === undefined ? `withheld (< ${c.minGroupSize})` : g.percentile.toFixed(0),
      ]),
    ),
    table(
      ['QS', 'Score', ...c.groups.slice(0, 3).map((g) => `${g.label} mean`)],
      QUALITY_STATEMENTS.map((q, i) => [
        `QS${q.number}`,
        c.groups[0]!.statements[i]!.score,
        ...c.groups.slice(0, 3).map((g) => g.statements[i]!.mean.toFixed(2)),
      ]),
    ),
  ];
  if (above.success && above.data.nextRating) {
    const top = above.data.statements
      .slice(0, 3)
      .map(
        (s) =>
          `QS${QUALITY_STATEMENTS.findIndex((q) => q.id === s.id) + 1} (${s.higher} of ${above.data.councilsAbove.length})`,
      );
    out.push(`Councils one band up most often score higher on ${top.join(', ')}.`);
  }
  out.push(
    `Heat map of ${RESULTS_COVERAGE.withAllNineScores} councils × 9 statements written to ${file}.`,
  );
  return out.join('\n');
}
