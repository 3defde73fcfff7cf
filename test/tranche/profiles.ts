// Test fixtures: council profiles built from the real 153 councils.
import { COUNCILS } from '../../src/councils/index.js';
import type { ConcernLevel, CouncilProfile } from '../../src/tranche/index.js';

/** One plain profile per council (no signals: every council scores the same). */
export function plainProfiles(): CouncilProfile[] {
  return COUNCILS.map((council) => ({ council }));
}

/** Profiles with concerns and innovation varied by a simple rule (deterministic, not real). */
export function variedProfiles(): CouncilProfile[] {
  const levels: readonly ConcernLevel[] = ['none', 'low', 'medium', 'high'];
  return COUNCILS.map((council, i) => ({
    council,
    concernLevel: levels[(i * 7) % 4]!,
    ...(i % 5 === 0 ? { innovation: 'a new reablement model' } : {}),
  }));
}
