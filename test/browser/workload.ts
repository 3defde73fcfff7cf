// The same work run in Node and in headless Chromium, against the built ESM package.
// Each module adds its part; the results must be identical in both.
import { QUALITY_STATEMENT_IDS } from '../../dist/framework/index.js';
import { improvementsToNextRating, safeScoreAssessment } from '../../dist/scoring/index.js';
import {
  addWorkingDays,
  bankHolidays,
  safeComputeAssessmentTimeline,
} from '../../dist/timeline/index.js';
import {
  MODELLED_FORMAL_TEMPLATE,
  validateInformationReturn,
} from '../../dist/information-return/index.js';
import { defaultCaseCriteria, safeSelectCaseSample } from '../../dist/case-tracking/index.js';
import { exampleInformationReturn, generateCasePopulation } from '../../dist/testing/index.js';

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
    plan: safeComputeAssessmentTimeline({
      notificationDate: '2024-09-02',
      draftReportSentDate: '2024-12-20',
      publicationDate: '2025-03-14',
    }),
  };
  const submission = exampleInformationReturn(MODELLED_FORMAL_TEMPLATE, { seed: 'browser' });
  const validation = {
    valid: validateInformationReturn(submission, MODELLED_FORMAL_TEMPLATE),
    invalid: validateInformationReturn(
      { ...submission, responses: { SA1: { text: 7 } } },
      MODELLED_FORMAL_TEMPLATE,
    ),
  };
  const sample = safeSelectCaseSample(generateCasePopulation({ seed: 'browser', size: 5000 }), {
    seed: 'browser',
    criteria: defaultCaseCriteria({ asOf: '2025-01-15' }),
  });
  return {
    scoring,
    invalid: safeScoreAssessment(JSON.parse('{"__proto__": 1, "safeguarding": "3"}')),
    timeline,
    validation,
    sample,
  };
}
