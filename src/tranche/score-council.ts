import { LaAssuranceError, type ValidationResult } from '../errors/index.js';
import type { CouncilProfile } from './model.js';
import { assessmentWindow } from './window.js';
import {
  resolveScoring,
  scoreValidProfile,
  type CouncilScore,
  type ScoringContext,
} from './score.js';
import { validateCouncilProfile, type TrancheIssueCode } from './validate-profiles.js';

/**
 * Scores a council for a tranche notified on `context.notificationDate`: the total and,
 * per planning principle, its contribution and a sentence saying why. Higher scores mean
 * "assess sooner". Weights and rules are options; the defaults are modelled (CQC publishes
 * the principles, not how it weighs them).
 *
 * @throws {@link LaAssuranceError} `'invalid-profile'` with every issue if the profile is
 * not valid (use {@link safeScoreCouncil} to get them without a throw); `RangeError` for a
 * malformed context (programmer error).
 * @example
 * ```ts
 * import { scoreCouncil } from 'la-assurance/tranche';
 *
 * const s = scoreCouncil(
 *   {
 *     council: { code: 'E10000019', name: 'Lincolnshire', type: 'county', region: 'east-midlands', coterminous: true },
 *     concernLevel: 'medium',
 *     icsAssessment: '2024-01-15',
 *   },
 *   { notificationDate: '2023-12-04' },
 * );
 * s.total; // 40 (concerns 20 + ICS alignment 10 + never assessed 10)
 * ```
 */
export function scoreCouncil(profile: CouncilProfile, context: ScoringContext): CouncilScore {
  const result = safeScoreCouncil(profile, context);
  if (!result.success)
    throw new LaAssuranceError('invalid-profile', result.issues, 'Cannot score the council:');
  return result.data;
}

/**
 * {@link scoreCouncil} for untrusted input: never throws on bad data.
 *
 * @example
 * ```ts
 * import { safeScoreCouncil } from 'la-assurance/tranche';
 *
 * const r = safeScoreCouncil({ council: 'Bristol' }, { notificationDate: '2023-12-04' });
 * r.success; // false (profile.council must be { code, name, type, region })
 * ```
 */
export function safeScoreCouncil(
  profile: unknown,
  context: ScoringContext,
): ValidationResult<CouncilScore, TrancheIssueCode> {
  const window = assessmentWindow(context.notificationDate, context.window);
  const resolved = resolveScoring(context);
  const checked = validateCouncilProfile(profile);
  return checked.success
    ? { success: true, data: scoreValidProfile(checked.data, window, resolved) }
    : checked;
}
