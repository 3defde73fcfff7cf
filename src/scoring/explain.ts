import type { QualityStatementId } from '../framework/quality-statements.js';
import { getQualityStatement } from '../framework/quality-statements.js';
import type { BandedFraction } from './percentage.js';
import type { RoundingRule } from './options.js';

function formatPercent(p: number): string {
  return Number.isInteger(p) ? `${p}%` : `${p.toFixed(1)}%`;
}

/** Sentences explaining how a rating was reached. */
export function explainRating(
  subject: string,
  total: number,
  maximum: number,
  banded: BandedFraction,
  rounding: RoundingRule,
  scoredOne: readonly QualityStatementId[],
): string[] {
  const { percentage, roundedPercentage, band } = banded;
  const lines = [
    `${subject} total ${total} of ${maximum} = ${formatPercent(percentage)}.`,
    rounding === 'half-up'
      ? `Rounded half-up to ${roundedPercentage}%, which falls in the ${band.label} band (${band.min}–${band.max}%).`
      : `Banded without rounding: ${formatPercent(percentage)} is in the ${band.label} band (from ${band.min}%).`,
  ];
  if (banded.inBandGap) {
    lines.push(
      `${formatPercent(percentage)} lies between two published bands; the rounding rule ('${rounding}', a modelled default) decides the rating.`,
    );
  }
  if (scoredOne.length > 0) {
    const names = scoredOne.map(
      (id) => `QS${getQualityStatement(id).number} ${getQualityStatement(id).name}`,
    );
    lines.push(
      `Scored 1 (significant shortfalls), which triggers notification of the Secretary of State: ${names.join('; ')}.`,
    );
  }
  return lines;
}
