import { Bench } from 'tinybench';
import { QUALITY_STATEMENT_IDS } from 'la-assurance/framework';
import {
  safeScoreAssessment,
  scoreAssessment,
  type QualityStatementScores,
} from 'la-assurance/scoring';

/** Scoring throughput: one council's nine scores per call. */
export async function scoringBench(): Promise<Bench> {
  const inputs: QualityStatementScores[] = Array.from({ length: 1024 }, (_, i) =>
    Object.fromEntries(
      QUALITY_STATEMENT_IDS.map((id, j) => [id, (((i * 7 + j * 3) % 4) + 1) as 1 | 2 | 3 | 4]),
    ),
  );
  let i = 0;
  const bench = new Bench({ name: 'scoring', time: 500 });
  bench
    .add('scoreAssessment (9 statements)', () => {
      scoreAssessment(inputs[i++ & 1023]!);
    })
    .add('safeScoreAssessment (9 statements, unknown input)', () => {
      safeScoreAssessment(inputs[i++ & 1023]);
    });
  await bench.run();
  return bench;
}
