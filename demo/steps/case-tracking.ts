import { defaultCaseCriteria, safeSelectCaseSample } from 'la-assurance/case-tracking';
import { generateCasePopulation } from 'la-assurance/testing';
import { heading, table } from '../format.js';

/** Selects the 50 → 10 → 6 case-tracking sample from a generated council-sized population and prints the coverage table and the six. */
export function caseTrackingStep(): string {
  // A council-sized long-term caseload (about 6,000 people), with a younger-than-average mix.
  const cases = generateCasePopulation({
    seed: 'demo-council',
    size: 6_000,
    mix: { ageBand: { '18-25': 0.12, '26-64': 0.4, '65-84': 0.3, '85+': 0.18 } },
  });
  const seed = 'Anyshire 2025-01';
  const result = safeSelectCaseSample(cases, {
    seed,
    criteria: defaultCaseCriteria({ asOf: '2025-01-15' }),
  });
  const out = [heading('Case tracking: 50 → 10 → 6')];
  if (!result.success) return [...out, ...result.issues.map((i) => i.message)].join('\n');
  const s = result.data;
  out.push(
    `Population ${s.population.toLocaleString('en-GB')} records; seed "${s.seed}"; criteria ${s.criteria.id} (${s.criteria.status}); ${s.algorithm}.`,
    `Sample ${s.sample.length}, shortlist ${s.shortlist.length}, engage ${s.engage.length}, reserves ${s.reserves.length}.`,
    '',
    table(
      ['quota', 'population', 'minimum', 'share', 'target', 'sample', 'shortlist', 'engage'],
      s.coverage.map((r) => [
        r.quota,
        r.population,
        r.minimum,
        r.proportionalShare ?? '',
        r.target,
        r.selected,
        r.shortlisted,
        r.engaged,
      ]),
    ),
    '',
    s.shortfalls.length === 0
      ? 'Every quota is met.'
      : `Shortfalls: ${s.shortfalls.map((f) => `${f.quota} ${f.missing} short (${f.reason})`).join('; ')}`,
    '',
    'The six to engage (then the reserves, in order):',
    table(
      ['#', 'case', 'age', 'support reason', 'setting', 'drawn for', 'counts toward'],
      [...s.engage, ...s.reserves].map((c, i) => [
        i < s.engage.length ? String(i + 1) : `r${i - s.engage.length + 1}`,
        c.id,
        c.record.age ?? c.record.ageBand ?? '',
        c.record.primarySupportReason,
        c.record.setting,
        c.selectedFor,
        c.satisfies
          .filter((q) => q.startsWith('must-include:'))
          .map((q) => q.slice('must-include:'.length))
          .join(', ') || '—',
      ]),
    ),
  );
  return out.join('\n');
}
