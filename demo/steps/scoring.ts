import { readFileSync } from 'node:fs';
import { findQualityStatement, type QualityStatementId } from 'la-assurance/framework';
import { RATING_BANDS, improvementsToNextRating, safeScoreAssessment } from 'la-assurance/scoring';
import { heading, table } from '../format.js';

interface PublishedResult {
  readonly council: string;
  readonly published: string;
  readonly scores: Record<string, number>;
}

/** Scores published council results, read from a press-release-style table, and explains each rating. */
export function scoringStep(): string {
  const data = JSON.parse(
    readFileSync(new URL('../data/published-results.json', import.meta.url), 'utf8'),
  ) as {
    results: PublishedResult[];
  };
  const out = [heading('Scoring published council results')];
  for (const result of data.results) {
    // Published tables use label variants; resolve each to its quality statement.
    const scores: Partial<Record<QualityStatementId, unknown>> = {};
    for (const [label, score] of Object.entries(result.scores)) {
      const qs = findQualityStatement(label);
      if (!qs) throw new Error(`Unknown quality statement label in demo data: ${label}`);
      scores[qs.id] = score;
    }
    const scored = safeScoreAssessment(scores);
    if (!scored.success) {
      out.push(`${result.council}: ${scored.issues.map((i) => i.message).join('; ')}`);
      continue;
    }
    const r = scored.data;
    out.push(
      `\n${result.council} (published ${result.published}): ${r.band.label}, ${r.roundedPercentage}%`,
    );
    out.push(...r.explanation.map((line) => `  · ${line}`));
    const next = improvementsToNextRating(r.scores);
    if (next) out.push(`  → ${next.explanation}`);
  }
  out.push(
    '',
    table(
      ['Rating band', 'From', 'To', 'QS score'],
      RATING_BANDS.map((b) => [b.label, `${b.min}%`, `${b.max}%`, b.score]),
    ),
  );
  return out.join('\n');
}
