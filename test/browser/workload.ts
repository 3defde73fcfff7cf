// The same work run in Node and in headless Chromium, against the built ESM package.
// Each module adds its part; the results must be identical in both.
import { QUALITY_STATEMENT_IDS } from '../../dist/framework/index.js';
import { improvementsToNextRating, safeScoreAssessment } from '../../dist/scoring/index.js';
import { addWorkingDays, bankHolidays, safeComputeAssessmentTimeline } from '../../dist/timeline/index.js';

export function workload(): unknown {
  const scoring = [
    [3, 3, 4, 3, 4, 4, 3, 4, 4],
    [2, 2, 2, 2, 3, 2, 2, 2, 3],
    [1, 1, 1, 1, 2, 2, 2, 2, 2],
  ].map((values) => {
    const scores = Object.fromEntries(values.map((v, i) => [QUALITY_STATEMENT_IDS[i], v]));
    const r = safeScoreAssessment(scores);
    return { r, next: r.success ? improvementsToNextRating(r.data.scores) : undefined };
  });
  const timeline = {
    christmas: addWorkingDays('2024-12-20', 5),
    holidays2022: bankHolidays(2022),
    plan: safeComputeAssessmentTimeline({ notificationDate: '2024-09-02', draftReportSentDate: '2024-12-20', publicationDate: '2025-03-14' }),
  };
  return { scoring, invalid: safeScoreAssessment(JSON.parse('{"__proto__": 1, "safeguarding": "3"}')), timeline };
}
