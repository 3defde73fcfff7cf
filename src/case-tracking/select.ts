import type { ValidationResult } from '../errors/index.js';
import { CASE_FLAGS, checkCaseRecord, classifyCaseRecord, type CaseRecord } from './case-record.js';
import {
  CASE_DIMENSION_CATEGORIES,
  assertCaseCriteria,
  defaultCaseCriteria,
  type CaseDimensionField,
} from './criteria.js';
import { CandidateHeap, before, type Candidate } from './candidate-heap.js';
import { hashId, priorityOf, seedState } from './priority.js';
import { IdLog } from './id-log.js';
import {
  CASE_SAMPLE_ALGORITHM,
  type CaseCoverageRow,
  type CaseRecordProblem,
  type CaseSample,
  type CaseSampleIssueCode,
  type CaseSampleOptions,
  type CaseShortfall,
  type DuplicateCaseId,
  type SelectedCase,
} from './case-sample.js';

interface Quota {
  readonly key: string;
  readonly kind: 'category' | 'must-include';
  readonly minimum: number;
  readonly heap: CandidateHeap;
  population: number;
  share: number | undefined;
  target: number;
  selected: number;
  exhausted: boolean;
}

const NO_PATH: readonly (string | number)[] = [];
// Bit offset and mask of each dimension field in `classifyCaseRecord`'s packed result.
const CLASS_SHIFT: Readonly<Record<CaseDimensionField, number>> = { ageBand: 0, primarySupportReason: 2, ethnicity: 5, setting: 8 };
const CLASS_MASK: Readonly<Record<CaseDimensionField, number>> = { ageBand: 3, primarySupportReason: 7, ethnicity: 7, setting: 3 };
const MAX_DATE_RULES = 5; // keeps the per-signature counts at most 2^20 entries

/**
 * Whether `cases` is an array iterated the standard way, so that reading it by index visits
 * the same values in the same order as `for…of`.
 */
function isPlainArray(cases: Iterable<unknown>): cases is readonly unknown[] {
  return Array.isArray(cases) && cases[Symbol.iterator] === Array.prototype[Symbol.iterator];
}

function whole(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number ≥ ${min}; got ${value}`);
  return value;
}

/**
 * Draws the case-tracking sample (default 50), CQC's shortlist (10) and the people to
 * engage (6) with reserves, from any iterable of case records, in one pass with memory
 * proportional to the sample and quota sizes (plus 16 bytes per record for the duplicate
 * check). Deterministic and order-invariant: the result depends only on the set of records,
 * the seed and the options. Never throws on bad data. The algorithm is in
 * docs/case-tracking.md.
 *
 * @throws RangeError on bad options (sizes, criteria).
 * @example
 * ```ts
 * const result = selectCaseSample(cases, { seed: 'Anyshire 2025-01' });
 * if (result.success) {
 *   result.data.engage.map((c) => c.id);   // the six
 *   result.data.shortfalls;                  // quotas the population cannot meet
 * }
 * ```
 */
export function selectCaseSample(
  cases: Iterable<unknown>,
  options: CaseSampleOptions,
): ValidationResult<CaseSample, CaseSampleIssueCode> {
  const { seed, onInvalid = 'skip', checkDuplicateIds = true } = options;
  if (typeof seed !== 'string') throw new TypeError('seed must be a string');
  const size = whole('size', options.size ?? 50, 0);
  const shortlistSize = whole('shortlistSize', options.shortlistSize ?? 10, 0);
  const engageSize = whole('engageSize', options.engageSize ?? 6, 0);
  const maxProblems = whole('maxProblems', options.maxProblems ?? 100, 0);
  if (shortlistSize > size || engageSize > shortlistSize) throw new RangeError(`Need engageSize ≤ shortlistSize ≤ size; got ${engageSize}, ${shortlistSize}, ${size}`);
  const criteria = options.criteria ?? defaultCaseCriteria();
  assertCaseCriteria(criteria);
  if (criteria.mustInclude.filter((r) => !('flag' in r.match)).length > MAX_DATE_RULES) throw new RangeError(`At most ${MAX_DATE_RULES} date rules`);

  // Quotas: must-include rules first, then each dimension's listed categories.
  const quotas: Quota[] = [];
  const quota = (key: string, kind: Quota['kind'], minimum: number): number =>
    quotas.push({ key, kind, minimum, heap: new CandidateHeap(size), population: 0, share: undefined, target: minimum, selected: 0, exhausted: false }) - 1;
  const rules = criteria.mustInclude.map((rule) => ({
    flag: 'flag' in rule.match ? rule.match.flag : undefined,
    since: 'assessedOrReviewedSince' in rule.match ? rule.match.assessedOrReviewedSince : '',
    quota: quota(`must-include:${rule.id}`, 'must-include', rule.minimum),
  }));
  const dims = criteria.dimensions.map((dimension) => {
    const all = CASE_DIMENSION_CATEGORIES[dimension.field] as readonly string[];
    const quotaOf = all.map((id) => {
      const category = dimension.categories.find((c) => c.id === id);
      return category ? quota(`${dimension.field}:${id}`, 'category', category.minimum) : -1;
    });
    return { field: dimension.field, proportional: dimension.proportional === true, quotaOf, counts: new Array<number>(all.length).fill(0) };
  });
  const everyone = new CandidateHeap(size);

  // A record's signature packs what the selection needs to know about it: its categories
  // and flags as `classifyCaseRecord` returns them (bits 0–14), then one bit per date rule.
  // Counts are kept per signature and the quotas a signature belongs to are worked out once.
  const dateRules = rules.filter((r) => r.flag === undefined);
  const ruleBit = rules.map((r) => (r.flag === undefined ? 15 + dateRules.indexOf(r) : 10 + CASE_FLAGS.indexOf(r.flag)));
  const categoryOf = (signature: number, field: CaseDimensionField) => (signature >>> CLASS_SHIFT[field]) & CLASS_MASK[field];
  const signatureCount = new Int32Array(1 << (15 + dateRules.length));
  const quotasBySignature = new Array<readonly number[] | undefined>(signatureCount.length).fill(undefined);
  const quotasOf = (signature: number): readonly number[] => {
    const list = rules.filter((_, r) => (signature >>> ruleBit[r]!) & 1).map((r) => r.quota);
    for (const dim of dims) if (dim.quotaOf[categoryOf(signature, dim.field)]! >= 0) list.push(dim.quotaOf[categoryOf(signature, dim.field)]!);
    return Object.freeze(list);
  };
  const heaps = quotas.map((q) => q.heap);
  // A record can enter a candidate list only if its priority is at most the largest
  // threshold among the lists of its signature (everyone's included). Thresholds only ever
  // drop, so a cached largest threshold per signature is a safe upper bound: most records
  // are turned away with one comparison instead of a loop over their 8 or so quotas, and
  // the bound is refreshed only when a record passes it but no list takes the record.
  const admitUpTo = new Float64Array(signatureCount.length).fill(Infinity);
  const admissionOf = (list: readonly number[]) => {
    let most = everyone.threshold();
    for (const q of list) most = Math.max(most, heaps[q]!.threshold());
    return most;
  };
  /** Adds the record to every list that accepts it; whether any did. */
  const offer = (priority: number, id: string, position: number, record: CaseRecord, list: readonly number[]): boolean => {
    let candidate: Candidate | undefined;
    if (everyone.accepts(priority, id)) everyone.add((candidate = { priority, id, position, record, quotas: list }));
    for (let i = 0; i < list.length; i++) {
      const heap = heaps[list[i]!]!;
      if (heap.accepts(priority, id)) heap.add((candidate ??= { priority, id, position, record, quotas: list }));
    }
    return candidate !== undefined;
  };

  const state = seedState(seed);
  const words: [number, number] = [0, 0];
  const indexed = isPlainArray(cases);
  const log = checkDuplicateIds ? new IdLog(indexed ? cases : undefined) : undefined;
  const problems: CaseRecordProblem[] = [];
  let problemCount = 0;
  const report = (problem: CaseRecordProblem) => {
    if (problemCount++ < maxProblems) problems.push(problem);
  };

  /** Reads one record: counts it, logs its id and offers it to the candidate lists. */
  const visit = (value: unknown, position: number): void => {
    let signature = classifyCaseRecord(value);
    if (signature < 0) {
      reportInvalid(value, position, report);
      return;
    }
    const record = value as CaseRecord;
    const id = record.id;
    for (let j = 0; j < dateRules.length; j++) {
      const since = dateRules[j]!.since;
      if ((record.lastAssessed ?? '') >= since || (record.lastReviewed ?? '') >= since) signature |= 1 << (15 + j);
    }
    hashId(state, id, words);
    const priority = priorityOf(words);
    log?.push(words[0], words[1], position, signature, id);
    signatureCount[signature]!++;

    // Offer the record to every candidate list it belongs to; allocate only if one takes it.
    if (priority > admitUpTo[signature]!) return;
    const list = (quotasBySignature[signature] ??= quotasOf(signature));
    if (!offer(priority, id, position, record, list)) admitUpTo[signature] = admissionOf(list);
  };
  // An array is read by index: its iterator's result objects would cost more than the rest.
  let recordsRead = 0;
  if (indexed) for (; recordsRead < cases.length; recordsRead++) visit(cases[recordsRead], recordsRead);
  else for (const value of cases) visit(value, recordsRead++);

  // Duplicated ids: every copy is left out (so the result cannot depend on which came first).
  const duplicateList: DuplicateCaseId[] = [];
  for (const group of log?.duplicateGroups() ?? []) {
    for (const entry of group) signatureCount[log!.signature(entry)]!--;
    duplicateList.push({ id: log!.id(group[0]!), positions: group.map((e) => log!.position(e)) });
  }

  // Population counts from the signature counts.
  let population = 0;
  signatureCount.forEach((n, signature) => {
    if (n === 0) return;
    population += n;
    for (const dim of dims) dim.counts[categoryOf(signature, dim.field)]! += n;
    for (const q of (quotasBySignature[signature] ??= quotasOf(signature))) quotas[q]!.population += n;
  });

  for (const d of duplicateList) {
    report({
      code: 'duplicate-case-id',
      path: [d.positions[0]!, 'id'],
      message: `records ${d.positions.join(', ')} share the id ${JSON.stringify(d.id)}; ids must be unique, so all ${d.positions.length} are left out — correct the export`,
      position: d.positions[0]!,
      id: d.id,
    });
  }
  if (onInvalid === 'reject' && problemCount > 0) {
    return { success: false, issues: Object.freeze(problems) as CaseRecordProblem[] };
  }

  // Targets: minimums, raised to the largest-remainder share on proportional dimensions.
  for (const dim of dims) {
    if (!dim.proportional || population === 0) continue;
    const exact = dim.counts.map((n) => (Math.min(size, population) * n) / population);
    const shares = exact.map(Math.floor);
    let left = Math.min(size, population) - shares.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => i).sort((a, b) => exact[b]! - shares[b]! - (exact[a]! - shares[a]!) || a - b);
    for (const i of order) if (left-- > 0) shares[i]!++;
    dim.quotaOf.forEach((q, i) => {
      if (q < 0) return;
      const entry = quotas[q]!;
      entry.share = shares[i]!;
      entry.target = Math.max(entry.minimum, shares[i]!);
    });
  }

  // Greedy draw: rules, then category minimums, then proportional targets, then fill.
  const excluded = new Set(duplicateList.map((d) => d.id));
  const limit = Math.min(size, population);
  const chosen = new Map<string, { candidate: Candidate; selectedFor: string }>();
  const draw = (candidate: Candidate, selectedFor: string) => {
    chosen.set(candidate.id, { candidate, selectedFor });
    for (const q of candidate.quotas) quotas[q]!.selected++;
  };
  const fillTo = (q: Quota, target: number) => {
    if (q.selected >= target) return;
    for (const candidate of q.heap.sorted(excluded)) {
      if (chosen.size >= limit || q.selected >= target) return;
      if (!chosen.has(candidate.id)) draw(candidate, q.key);
    }
    if (q.selected < target) q.exhausted = true;
  };
  for (const rule of rules) fillTo(quotas[rule.quota]!, quotas[rule.quota]!.minimum);
  for (const q of quotas) if (q.kind === 'category') fillTo(q, q.minimum);
  for (const dim of dims) if (dim.proportional) for (const q of dim.quotaOf) if (q >= 0) fillTo(quotas[q]!, quotas[q]!.target);
  for (const candidate of everyone.sorted(excluded)) {
    if (chosen.size >= limit) break;
    if (!chosen.has(candidate.id)) draw(candidate, 'fill');
  }

  const toSelected = ({ candidate, selectedFor }: { candidate: Candidate; selectedFor: string }): SelectedCase =>
    Object.freeze({
      id: candidate.id,
      position: candidate.position,
      priority: candidate.priority,
      record: candidate.record as CaseRecord,
      selectedFor,
      satisfies: Object.freeze(candidate.quotas.filter((q) => quotas[q]!.target > 0).map((q) => quotas[q]!.key)),
    });
  const sample = [...chosen.values()].map(toSelected);
  const shortlist = shortlistOf(sample, chosen, quotas, shortlistSize);
  const inList = (list: readonly SelectedCase[]) => {
    const n = new Array<number>(quotas.length).fill(0);
    for (const c of list) for (const q of chosen.get(c.id)!.candidate.quotas) n[q]!++;
    return n;
  };
  const shortlisted = inList(shortlist);
  const engage = shortlist.slice(0, engageSize);
  const engaged = inList(engage);

  const coverage: CaseCoverageRow[] = quotas.map((q, i) =>
    Object.freeze({
      quota: q.key,
      kind: q.kind,
      population: q.population,
      minimum: q.minimum,
      ...(q.share === undefined ? {} : { proportionalShare: q.share }),
      target: q.target,
      selected: q.selected,
      shortlisted: shortlisted[i]!,
      engaged: engaged[i]!,
    }),
  );
  const shortfalls: CaseShortfall[] = quotas
    .filter((q) => q.selected < q.target)
    .map((q) =>
      Object.freeze({
        quota: q.key,
        target: q.target,
        selected: q.selected,
        missing: q.target - q.selected,
        reason: q.population < q.target ? 'population-too-small' : q.exhausted && chosen.size < limit ? 'duplicates-excluded' : 'sample-full',
      } as const),
    );

  return {
    success: true,
    data: Object.freeze({
      algorithm: CASE_SAMPLE_ALGORITHM,
      seed,
      criteria: Object.freeze({ id: criteria.id, status: criteria.status }),
      recordsRead,
      population,
      sample: Object.freeze(sample),
      shortlist: Object.freeze(shortlist),
      engage: Object.freeze(engage),
      reserves: Object.freeze(shortlist.slice(engageSize)),
      coverage: Object.freeze(coverage),
      shortfalls: Object.freeze(shortfalls),
      problems: Object.freeze(problems),
      suppressedProblems: Math.max(0, problemCount - maxProblems),
      duplicates: Object.freeze(duplicateList.map((d) => Object.freeze({ id: d.id, positions: Object.freeze(d.positions) }))),
    }),
  };
}

function reportInvalid(value: unknown, position: number, report: (problem: CaseRecordProblem) => void): void {
  const checked = checkCaseRecord(value, NO_PATH);
  if (!('issues' in checked)) return;
  const id = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
  const where = `record ${position}${id === undefined ? '' : ` (id ${JSON.stringify(id)})`}: `;
  for (const issue of checked.issues) report({ ...issue, path: [position, ...issue.path], message: where + issue.message, position, ...(id === undefined ? {} : { id }) });
}

/**
 * The shortlist: repeatedly take the sampled case that meets the most quotas not yet met by
 * the shortlist (only quotas with a target above 0); ties go to the lower priority. When no
 * case adds a quota, start a new round with every quota counted as unmet again.
 */
function shortlistOf(
  sample: readonly SelectedCase[],
  chosen: ReadonlyMap<string, { candidate: Candidate }>,
  quotas: readonly Quota[],
  shortlistSize: number,
): SelectedCase[] {
  const left = [...sample];
  const shortlist: SelectedCase[] = [];
  let covered = new Set<number>();
  const gain = (c: SelectedCase) => chosen.get(c.id)!.candidate.quotas.filter((q) => quotas[q]!.target > 0 && !covered.has(q)).length;
  while (shortlist.length < shortlistSize && left.length > 0) {
    let best = -1;
    let bestGain = -1;
    left.forEach((c, i) => {
      const g = gain(c);
      const b = left[best];
      if (g > bestGain || (g === bestGain && b !== undefined && before(c.priority, c.id, b.priority, b.id))) {
        best = i;
        bestGain = g;
      }
    });
    if (bestGain === 0 && covered.size > 0) {
      covered = new Set();
      continue;
    }
    const [pick] = left.splice(best, 1);
    shortlist.push(pick!);
    for (const q of chosen.get(pick!.id)!.candidate.quotas) covered.add(q);
  }
  return shortlist;
}
