// A plain reference implementation of the case selection (docs/case-tracking.md, algorithm
// la-assurance/case-sample@1), written from the documentation with no cleverness: no
// signatures, no heaps, no streaming; whole lists sorted and filtered. Tests use it as an
// oracle for the fast path (src/case-tracking). It takes the priority function as a
// parameter so that a test can force equal priorities (ties broken by id).
import {
  CASE_DIMENSION_CATEGORIES,
  caseAgeBand,
  defaultCaseCriteria,
  isCaseRecord,
  type CaseCriteria,
  type CaseRecord,
  type CaseSampleOptions,
} from '../../src/case-tracking/index.js';

interface Ref {
  readonly record: CaseRecord;
  readonly position: number;
  readonly priority: number;
}
interface RefQuota {
  readonly key: string;
  readonly minimum: number;
  readonly matches: (r: CaseRecord) => boolean;
  proportional: boolean;
  share?: number;
  target: number;
}

/** What the reference computes: the parts of a `CaseSample` a reader compares. */
export interface ReferenceSample {
  readonly population: number;
  readonly sample: readonly { id: string; position: number; selectedFor: string }[];
  readonly shortlist: readonly string[];
  readonly coverage: readonly {
    quota: string;
    population: number;
    target: number;
    selected: number;
    proportionalShare?: number;
  }[];
  readonly shortfalls: readonly { quota: string; missing: number; reason: string }[];
  readonly duplicates: readonly { id: string; positions: readonly number[] }[];
}

const byPriorityThenId = (a: Ref, b: Ref) =>
  a.priority - b.priority || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);

/** Quotas in the documented order: must-include rules, then each dimension's listed categories. */
function quotasOf(criteria: CaseCriteria): RefQuota[] {
  const quotas: RefQuota[] = criteria.mustInclude.map((rule) => {
    const m = rule.match;
    const matches =
      'flag' in m
        ? (r: CaseRecord) => r[m.flag]
        : (r: CaseRecord) =>
            (r.lastAssessed ?? '') >= m.assessedOrReviewedSince ||
            (r.lastReviewed ?? '') >= m.assessedOrReviewedSince;
    return {
      key: `must-include:${rule.id}`,
      minimum: rule.minimum,
      matches,
      proportional: false,
      target: rule.minimum,
    };
  });
  for (const dim of criteria.dimensions)
    for (const id of CASE_DIMENSION_CATEGORIES[dim.field] as readonly string[]) {
      const category = dim.categories.find((c) => c.id === id);
      if (!category) continue;
      const value = (r: CaseRecord) => (dim.field === 'ageBand' ? caseAgeBand(r) : r[dim.field]);
      quotas.push({
        key: `${dim.field}:${id}`,
        minimum: category.minimum,
        matches: (r) => value(r) === id,
        proportional: dim.proportional === true,
        target: category.minimum,
      });
    }
  return quotas;
}

/** Step 3: each proportional dimension's seats by largest remainder over all its categories. */
function setTargets(
  criteria: CaseCriteria,
  quotas: RefQuota[],
  population: readonly Ref[],
  seats: number,
): void {
  if (population.length === 0) return;
  for (const dim of criteria.dimensions.filter((d) => d.proportional)) {
    const categories = CASE_DIMENSION_CATEGORIES[dim.field] as readonly string[];
    const exact = categories.map(
      (c) =>
        (seats *
          population.filter(
            (p) => (dim.field === 'ageBand' ? caseAgeBand(p.record) : p.record[dim.field]) === c,
          ).length) /
        population.length,
    );
    const share = exact.map(Math.floor);
    const byRemainder = categories
      .map((_c, i) => i)
      .sort((a, b) => exact[b]! - share[b]! - (exact[a]! - share[a]!) || a - b);
    let left = seats - share.reduce((a, b) => a + b, 0);
    for (const i of byRemainder) if (left-- > 0) share[i]!++;
    for (const [i, c] of categories.entries()) {
      const q = quotas.find((x) => x.key === `${dim.field}:${c}`);
      if (q) {
        q.share = share[i]!;
        q.target = Math.max(q.minimum, share[i]!);
      }
    }
  }
}

/** The documented selection, plainly. `priorityOf` defaults to the real one (`casePriority`). */
export function referenceCaseSample(
  rows: readonly unknown[],
  options: CaseSampleOptions,
  priorityOf: (id: string) => number,
): ReferenceSample {
  const size = options.size ?? 50;
  const criteria = options.criteria ?? defaultCaseCriteria();
  // Step 2: valid records; every copy of a duplicated id left out.
  const valid: Ref[] = [];
  rows.forEach((row, position) => {
    if (isCaseRecord(row)) valid.push({ record: row, position, priority: priorityOf(row.id) });
  });
  const positionsOf = new Map<string, number[]>();
  for (const v of valid)
    positionsOf.set(v.record.id, [...(positionsOf.get(v.record.id) ?? []), v.position]);
  const duplicated = new Set([...positionsOf].filter(([, p]) => p.length > 1).map(([id]) => id));
  const population = valid.filter((v) => !duplicated.has(v.record.id)).sort(byPriorityThenId);
  const quotas = quotasOf(criteria);
  const m = Math.min(size, population.length);
  setTargets(criteria, quotas, population, m);
  // Candidate lists hold the `size` lowest (priority, id) matching valid records, duplicates
  // included (they take places, then are skipped): "Streaming and memory" in the docs.
  const candidates = (matches: (r: CaseRecord) => boolean) =>
    valid
      .filter((v) => matches(v.record))
      .sort(byPriorityThenId)
      .slice(0, size)
      .filter((v) => !duplicated.has(v.record.id));
  // Step 4: the greedy draw.
  const sample: { ref: Ref; selectedFor: string }[] = [];
  const exhausted = new Set<string>();
  const count = (q: RefQuota) => sample.filter((s) => q.matches(s.ref.record)).length;
  const fill = (q: RefQuota, target: number) => {
    if (count(q) >= target) return;
    for (const c of candidates(q.matches)) {
      if (sample.length >= m || count(q) >= target) return;
      if (!sample.some((s) => s.ref.record.id === c.record.id))
        sample.push({ ref: c, selectedFor: q.key });
    }
    if (count(q) < target) exhausted.add(q.key);
  };
  for (const q of quotas.slice(0, criteria.mustInclude.length)) fill(q, q.minimum);
  for (const q of quotas.slice(criteria.mustInclude.length)) fill(q, q.minimum);
  for (const q of quotas.filter((x) => x.proportional)) fill(q, q.target);
  for (const c of candidates(() => true)) {
    if (sample.length >= m) break;
    if (!sample.some((s) => s.ref.record.id === c.record.id))
      sample.push({ ref: c, selectedFor: 'fill' });
  }
  // Step 5: the shortlist (quotas with a target above 0; ties to the lower priority).
  const counted = quotas.filter((q) => q.target > 0);
  const left = [...sample].map((s) => s.ref);
  const shortlist: Ref[] = [];
  let covered = new Set<RefQuota>();
  while (shortlist.length < (options.shortlistSize ?? 10) && left.length > 0) {
    const gain = (r: Ref) => counted.filter((q) => q.matches(r.record) && !covered.has(q)).length;
    const best = left.reduce((b, r) =>
      gain(r) > gain(b) || (gain(r) === gain(b) && byPriorityThenId(r, b) < 0) ? r : b,
    );
    if (gain(best) === 0 && covered.size > 0) {
      covered = new Set();
      continue;
    }
    left.splice(left.indexOf(best), 1);
    shortlist.push(best);
    for (const q of counted) if (q.matches(best.record)) covered.add(q);
  }
  // Step 6: coverage and shortfalls.
  const coverage = quotas.map((q) => ({
    quota: q.key,
    population: population.filter((p) => q.matches(p.record)).length,
    target: q.target,
    selected: count(q),
    ...(q.share === undefined ? {} : { proportionalShare: q.share }),
  }));
  const shortfalls = coverage
    .filter((c) => c.selected < c.target)
    .map((c) => ({
      quota: c.quota,
      missing: c.target - c.selected,
      reason:
        c.population < c.target
          ? 'population-too-small'
          : exhausted.has(c.quota) && sample.length < m
            ? 'duplicates-excluded'
            : 'sample-full',
    }));
  return {
    population: population.length,
    sample: sample.map((s) => ({
      id: s.ref.record.id,
      position: s.ref.position,
      selectedFor: s.selectedFor,
    })),
    shortlist: shortlist.map((r) => r.record.id),
    coverage,
    shortfalls,
    duplicates: [...duplicated]
      .map((id) => ({ id, positions: positionsOf.get(id)! }))
      .sort((a, b) => a.positions[0]! - b.positions[0]!),
  };
}
