import { QUALITY_STATEMENT_IDS } from 'la-assurance/framework';
import {
  safeScoreAssessment,
  scoreAssessment,
  type QualityStatementScores,
} from 'la-assurance/scoring';
import { QUICK, cpuMedian, recordFigure } from './figures.js';

/**
 * Scoring throughput: one council's nine scores per call, 10,000 calls per timing (CPU
 * time). No comparator (nothing else implements the CQC scoring rules); the safe variant's
 * cost on unknown input is set beside the plain call from the same process.
 */
export async function scoringBench(): Promise<void> {
  const inputs: QualityStatementScores[] = Array.from({ length: 1024 }, (_, i) =>
    Object.fromEntries(
      QUALITY_STATEMENT_IDS.map((id, j) => [id, (((i * 7 + j * 3) % 4) + 1) as 1 | 2 | 3 | 4]),
    ),
  );
  let i = 0;
  const minMs = QUICK ? 100 : 1000;
  const plain = cpuMedian(
    () => {
      for (let k = 0; k < 10_000; k++) scoreAssessment(inputs[i++ & 1023]!);
    },
    9,
    minMs,
  );
  const safe = cpuMedian(
    () => {
      for (let k = 0; k < 10_000; k++) safeScoreAssessment(inputs[i++ & 1023]);
    },
    9,
    minMs,
  );
  const per = '10,000 calls';
  recordFigure({ task: 'scoreAssessment (9 statements)', ms: plain, per });
  recordFigure({
    task: 'safeScoreAssessment (9 statements, unknown input)',
    ms: safe,
    comparator: 'scoreAssessment (same process)',
    comparatorMs: plain,
    per,
  });
}
