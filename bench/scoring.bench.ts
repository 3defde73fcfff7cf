import { Bench } from 'tinybench';
import { QUALITY_STATEMENT_IDS } from 'la-assurance/framework';
import {
  safeScoreAssessment,
  scoreAssessment,
  type QualityStatementScores,
} from 'la-assurance/scoring';
import { QUICK, recordFigure } from './figures.js';

/**
 * Scoring throughput: one council's nine scores per call, 1,000 calls per figure. No
 * comparator (nothing else implements the CQC scoring rules); the safe variant's cost on
 * unknown input is set beside the plain call.
 */
export async function scoringBench(): Promise<void> {
  const inputs: QualityStatementScores[] = Array.from({ length: 1024 }, (_, i) =>
    Object.fromEntries(
      QUALITY_STATEMENT_IDS.map((id, j) => [id, (((i * 7 + j * 3) % 4) + 1) as 1 | 2 | 3 | 4]),
    ),
  );
  let i = 0;
  const bench = new Bench({ name: 'scoring', time: QUICK ? 100 : 500 });
  bench
    .add('plain', () => {
      for (let k = 0; k < 1000; k++) scoreAssessment(inputs[i++ & 1023]!);
    })
    .add('safe', () => {
      for (let k = 0; k < 1000; k++) safeScoreAssessment(inputs[i++ & 1023]);
    });
  await bench.run();
  const p50 = (name: string) => {
    const r = bench.tasks.find((t) => t.name === name)?.result;
    if (r?.state !== 'completed') throw new Error(`${name}: ${r?.state}`);
    return r.latency.p50;
  };
  recordFigure({ task: 'scoreAssessment (9 statements)', ms: p50('plain'), per: '1,000 calls' });
  recordFigure({
    task: 'safeScoreAssessment (9 statements, unknown input)',
    ms: p50('safe'),
    comparator: 'scoreAssessment (same process)',
    comparatorMs: p50('plain'),
    per: '1,000 calls',
  });
}
