// `npm run demo`: the library's main job end to end on bundled example data.
// Each module adds its step here, in the order an assessment runs.
import { scoringStep } from './steps/scoring.js';
import { timelineStep } from './steps/timeline.js';
import { caseTrackingStep } from './steps/case-tracking.js';
import { clientLevelDataStep } from './steps/client-level-data.js';
import { informationReturnStep } from './steps/information-return.js';
import { reportStep } from './steps/report.js';
import { trancheStep } from './steps/tranche.js';
import { resultsStep } from './steps/results.js';

const steps: readonly (() => string)[] = [
  trancheStep,
  timelineStep,
  informationReturnStep,
  caseTrackingStep,
  clientLevelDataStep,
  scoringStep,
  reportStep,
  resultsStep,
];

console.log('la-assurance demo — CQC assessment of council adult social care');
for (const step of steps) console.log(step());
