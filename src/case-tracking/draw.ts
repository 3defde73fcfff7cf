import type { ValidationResult } from '../errors/index.js';
import { wholeNumberOption } from '../internal/options.js';
import {
  CASE_FLAGS,
  countCaseRecordIssues,
  safeParseCaseRecord,
  type CaseRecord,
} from './case-record.js';
import {
  CASE_DIMENSION_CATEGORIES,
  assertCaseCriteria,
  defaultCaseCriteria,
  type CaseDimensionField,
} from './criteria.js';
import { CandidateHeap, before, type Candidate } from './candidate-heap.js';
import { seedState, type HashState } from './priority.js';
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

// The selection itself, whatever the records are read from: the reading loops count every
// valid record by signature in a `SampleDraw` and offer it the few that may enter a
// candidate list; at the end it draws the sample, shortlist and engage list. select.ts
// reads records as they stream by; population.ts reads a prepared population's columns.

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

/** A sampled candidate, the step that drew it and the quotas it counts toward. */
interface Chosen {
  readonly candidate: Candidate;
  readonly selectedFor: string;
  readonly quotas: readonly number[];
}

/** An id shared by several valid records, with each record's signature (to uncount it). @internal */
export interface DuplicateFound extends DuplicateCaseId {
  readonly signatures: readonly number[];
}

const NO_PATH: readonly (string | number)[] = [];
// Bit offset and mask of each dimension field in `classifyCaseRecord`'s packed result.
const CLASS_SHIFT: Readonly<Record<CaseDimensionField, number>> = {
  ageBand: 0,
  primarySupportReason: 2,
  ethnicity: 5,
  setting: 8,
};
const CLASS_MASK: Readonly<Record<CaseDimensionField, number>> = {
  ageBand: 3,
  primarySupportReason: 7,
  ethnicity: 7,
  setting: 3,
};
const MAX_DATE_RULES = 5; // keeps the per-signature counts at most 2^20 entries
/** Bit of the first date rule in a signature; bits below are `classifyCaseRecord`'s. @internal */
export const DATE_RULE_BIT = 15;

/** The record's id when it has a string one and reading it does not throw. */
function readableId(value: unknown): string | undefined {
  try {
    const id: unknown =
      typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

const categoryOf = (signature: number, field: CaseDimensionField) =>
  (signature >>> CLASS_SHIFT[field]) & CLASS_MASK[field];

/**
 * One selection in progress (options checked, quotas set up). A record's signature packs
 * what the selection needs to know about it: its categories and flags as
 * `classifyCaseRecord` returns them (bits 0–14), then one bit per date rule. Counts are
 * kept per signature, and the quotas of a signature come from two small tables worked out
 * once per draw (one for its flag and date-rule bits, one for its category bits).
 * @internal
 */
export class SampleDraw {
  readonly seed: string;
  /** The cyrb53 state after the seed: each record's priority continues from it. */
  readonly seedState: HashState;
  /** The `since` date of each date rule, in signature-bit order from {@link DATE_RULE_BIT}. */
  readonly dateRulesSince: readonly string[];
  private readonly size: number;
  private readonly shortlistSize: number;
  private readonly engageSize: number;
  private readonly maxProblems: number;
  private readonly onInvalid: 'skip' | 'reject';
  private readonly criteria: { readonly id: string; readonly status: 'official' | 'modelled' };
  private readonly quotas: Quota[] = [];
  private readonly heaps: CandidateHeap[];
  private readonly rules: readonly { readonly quota: number; readonly bit: number }[];
  private readonly dims: readonly {
    field: CaseDimensionField;
    proportional: boolean;
    quotaOf: readonly number[];
    counts: number[];
  }[];
  private readonly everyone: CandidateHeap;
  /** Valid records per signature: the reading loops count each record here. */
  readonly signatureCount: Int32Array;
  /** The quotas of a signature's rules (flags and date rules: bits 10 and up), by `signature >>> 10`. */
  private readonly ruleQuotas: readonly (readonly number[])[];
  /** The quotas of a signature's categories (bits 0–9), by `signature & 1023`. */
  private readonly categoryQuotas: readonly (readonly number[])[];
  /**
   * A record can enter a candidate list only if its priority is at most the largest
   * threshold among the lists of its signature (everyone's included). Thresholds only ever
   * drop, so a cached largest threshold per signature is a safe upper bound: most records
   * are turned away with one comparison instead of a loop over their 8 or so quotas. Each
   * offer refreshes the bound of its signature.
   */
  readonly admitUpTo: Float64Array;
  private readonly problems: CaseRecordProblem[] = [];
  private problemCount = 0;

  /** @throws RangeError on bad options (sizes, criteria). */
  constructor(options: CaseSampleOptions) {
    const { seed, onInvalid = 'skip' } = options;
    if (typeof seed !== 'string') throw new TypeError('seed must be a string');
    this.seed = seed;
    this.seedState = seedState(seed);
    this.onInvalid = onInvalid;
    const size = (this.size = wholeNumberOption(options.size ?? 50, 'size', 0));
    this.shortlistSize = wholeNumberOption(options.shortlistSize ?? 10, 'shortlistSize', 0);
    this.engageSize = wholeNumberOption(options.engageSize ?? 6, 'engageSize', 0);
    this.maxProblems = wholeNumberOption(options.maxProblems ?? 100, 'maxProblems', 0);
    if (this.shortlistSize > size || this.engageSize > this.shortlistSize) {
      throw new RangeError(
        `Need engageSize ≤ shortlistSize ≤ size; got ${this.engageSize}, ${this.shortlistSize}, ${size}`,
      );
    }
    const criteria = options.criteria ?? defaultCaseCriteria();
    assertCaseCriteria(criteria);
    this.criteria = { id: criteria.id, status: criteria.status };
    const dateRules = criteria.mustInclude.flatMap((r) =>
      'flag' in r.match ? [] : [r.match.assessedOrReviewedSince],
    );
    if (dateRules.length > MAX_DATE_RULES)
      throw new RangeError(`At most ${MAX_DATE_RULES} date rules`);
    this.dateRulesSince = dateRules;

    // Quotas: must-include rules first, then each dimension's listed categories.
    const quota = (key: string, kind: Quota['kind'], minimum: number): number =>
      this.quotas.push({
        key,
        kind,
        minimum,
        heap: new CandidateHeap(size),
        population: 0,
        share: undefined,
        target: minimum,
        selected: 0,
        exhausted: false,
      }) - 1;
    let dateBit = DATE_RULE_BIT;
    this.rules = criteria.mustInclude.map((rule) => ({
      quota: quota(`must-include:${rule.id}`, 'must-include', rule.minimum),
      bit: 'flag' in rule.match ? 10 + CASE_FLAGS.indexOf(rule.match.flag) : dateBit++,
    }));
    this.dims = criteria.dimensions.map((dimension) => {
      const all = CASE_DIMENSION_CATEGORIES[dimension.field] as readonly string[];
      const quotaOf = all.map((id) => {
        const category = dimension.categories.find((c) => c.id === id);
        return category ? quota(`${dimension.field}:${id}`, 'category', category.minimum) : -1;
      });
      return {
        field: dimension.field,
        proportional: dimension.proportional === true,
        quotaOf,
        counts: new Array<number>(all.length).fill(0),
      };
    });
    this.heaps = this.quotas.map((q) => q.heap);
    this.everyone = new CandidateHeap(size);
    this.signatureCount = new Int32Array(1 << (DATE_RULE_BIT + dateRules.length));
    this.ruleQuotas = Array.from(
      { length: 1 << (DATE_RULE_BIT - 10 + dateRules.length) },
      (_, high) => this.rules.filter((r) => ((high << 10) >>> r.bit) & 1).map((r) => r.quota),
    );
    this.categoryQuotas = Array.from({ length: 1 << 10 }, (_, low) =>
      this.dims.flatMap((dim) => {
        const q = dim.quotaOf[categoryOf(low, dim.field)];
        return q !== undefined && q >= 0 ? [q] : [];
      }),
    );
    this.admitUpTo = new Float64Array(this.signatureCount.length).fill(Infinity);
  }

  /** The quotas a signature counts toward, ascending (rule quotas have the lower indices). */
  private quotasOf(signature: number): readonly number[] {
    return [...this.ruleQuotas[signature >>> 10]!, ...this.categoryQuotas[signature & 1023]!];
  }

  /** Lists a problem (the first `maxProblems`; the rest are counted). */
  report(problem: CaseRecordProblem): void {
    if (this.problemCount++ < this.maxProblems) this.problems.push(problem);
  }

  /** Reports every issue of a record that `classifyCaseRecord` found invalid. */
  reportInvalid(value: unknown, position: number): void {
    if (this.problemCount >= this.maxProblems) {
      this.problemCount += countCaseRecordIssues(value); // past the cap: counted, no messages built
      return;
    }
    const checked = safeParseCaseRecord(value, NO_PATH);
    if (checked.success) return;
    const id = readableId(value);
    const where = `record ${position}${id === undefined ? '' : ` (id ${JSON.stringify(id)})`}: `;
    for (const issue of checked.issues)
      this.report({
        ...issue,
        path: [position, ...issue.path],
        message: where + issue.message,
        position,
        ...(id === undefined ? {} : { id }),
      });
  }

  /**
   * Offers a record to every candidate list of its signature. The reading loops call it
   * only for records within {@link admitUpTo}: most records are turned away by that one
   * comparison in the loop itself, with no call (a call would box the priority).
   */
  offer(signature: number, priority: number, position: number, record: CaseRecord): void {
    const id = record.id;
    const rules = this.ruleQuotas[signature >>> 10]!;
    const categories = this.categoryQuotas[signature & 1023]!;
    // Everyone's list (k = −1), then the signature's quotas; allocate a candidate only if a
    // list takes the record, and refresh the signature's admission bound.
    let candidate: Candidate | undefined;
    let most = -Infinity;
    for (let k = -1; k < rules.length + categories.length; k++) {
      const heap =
        k < 0
          ? this.everyone
          : this.heaps[k < rules.length ? rules[k]! : categories[k - rules.length]!]!;
      if (heap.accepts(priority, id))
        heap.add((candidate ??= { priority, id, position, record, signature }));
      most = Math.max(most, heap.threshold());
    }
    this.admitUpTo[signature] = most;
  }

  /**
   * Draws the sample from what was considered. Duplicated ids: every copy is left out (so
   * the result cannot depend on which came first).
   */
  finish(
    recordsRead: number,
    duplicates: readonly DuplicateFound[],
  ): ValidationResult<CaseSample, CaseSampleIssueCode> {
    const { quotas, dims, size } = this;
    for (const d of duplicates)
      for (const signature of d.signatures) this.signatureCount[signature]!--;

    // Population counts from the signature counts.
    let population = 0;
    this.signatureCount.forEach((n, signature) => {
      if (n === 0) return;
      population += n;
      for (const dim of dims) dim.counts[categoryOf(signature, dim.field)]! += n;
      for (const q of this.ruleQuotas[signature >>> 10]!) quotas[q]!.population += n;
      for (const q of this.categoryQuotas[signature & 1023]!) quotas[q]!.population += n;
    });

    for (const d of duplicates) {
      this.report({
        code: 'duplicate-case-id',
        path: [d.positions[0]!, 'id'],
        message: `records ${d.positions.join(', ')} share the id ${JSON.stringify(d.id)}; ids must be unique, so all ${d.positions.length} are left out — correct the export`,
        position: d.positions[0]!,
        id: d.id,
      });
    }
    if (this.onInvalid === 'reject' && this.problemCount > 0) {
      return { success: false, issues: Object.freeze(this.problems) as CaseRecordProblem[] };
    }

    // Targets: minimums, raised to the largest-remainder share on proportional dimensions.
    for (const dim of dims) {
      if (!dim.proportional || population === 0) continue;
      const exact = dim.counts.map((n) => (Math.min(size, population) * n) / population);
      const shares = exact.map(Math.floor);
      let left = Math.min(size, population) - shares.reduce((a, b) => a + b, 0);
      const order = exact
        .map((_x, i) => i)
        .sort((a, b) => exact[b]! - shares[b]! - (exact[a]! - shares[a]!) || a - b);
      for (const i of order) if (left-- > 0) shares[i]!++;
      dim.quotaOf.forEach((q, i) => {
        if (q < 0) return;
        const entry = quotas[q]!;
        entry.share = shares[i]!;
        entry.target = Math.max(entry.minimum, shares[i]!);
      });
    }

    // Greedy draw: rules, then category minimums, then proportional targets, then fill.
    const excluded = new Set(duplicates.map((d) => d.id));
    const limit = Math.min(size, population);
    const chosen = new Map<string, Chosen>();
    const draw = (candidate: Candidate, selectedFor: string) => {
      const counts = this.quotasOf(candidate.signature);
      chosen.set(candidate.id, { candidate, selectedFor, quotas: counts });
      for (const q of counts) quotas[q]!.selected++;
    };
    const fillTo = (q: Quota, target: number) => {
      if (q.selected >= target) return;
      for (const candidate of q.heap.sorted(excluded)) {
        if (chosen.size >= limit || q.selected >= target) return;
        if (!chosen.has(candidate.id)) draw(candidate, q.key);
      }
      if (q.selected < target) q.exhausted = true;
    };
    for (const rule of this.rules) fillTo(quotas[rule.quota]!, quotas[rule.quota]!.minimum);
    for (const q of quotas) if (q.kind === 'category') fillTo(q, q.minimum);
    for (const dim of dims)
      if (dim.proportional)
        for (const q of dim.quotaOf) if (q >= 0) fillTo(quotas[q]!, quotas[q]!.target);
    for (const candidate of this.everyone.sorted(excluded)) {
      if (chosen.size >= limit) break;
      if (!chosen.has(candidate.id)) draw(candidate, 'fill');
    }

    const toSelected = ({ candidate, selectedFor, quotas: counts }: Chosen): SelectedCase =>
      Object.freeze({
        id: candidate.id,
        position: candidate.position,
        priority: candidate.priority,
        record: candidate.record as CaseRecord,
        selectedFor,
        satisfies: Object.freeze(
          counts.filter((q) => quotas[q]!.target > 0).map((q) => quotas[q]!.key),
        ),
      });
    const sample = [...chosen.values()].map(toSelected);
    const shortlist = shortlistOf(sample, chosen, quotas, this.shortlistSize);
    const inList = (list: readonly SelectedCase[]) => {
      const n = new Array<number>(quotas.length).fill(0);
      for (const c of list) for (const q of chosen.get(c.id)!.quotas) n[q]!++;
      return n;
    };
    const shortlisted = inList(shortlist);
    const engage = shortlist.slice(0, this.engageSize);
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
          reason:
            q.population < q.target
              ? 'population-too-small'
              : q.exhausted && chosen.size < limit
                ? 'duplicates-excluded'
                : 'sample-full',
        } as const),
      );

    return {
      success: true,
      data: Object.freeze({
        algorithm: CASE_SAMPLE_ALGORITHM,
        seed: this.seed,
        criteria: Object.freeze(this.criteria),
        recordsRead,
        population,
        sample: Object.freeze(sample),
        shortlist: Object.freeze(shortlist),
        engage: Object.freeze(engage),
        reserves: Object.freeze(shortlist.slice(this.engageSize)),
        coverage: Object.freeze(coverage),
        shortfalls: Object.freeze(shortfalls),
        problems: Object.freeze(this.problems),
        suppressedProblems: Math.max(0, this.problemCount - this.maxProblems),
        duplicates: Object.freeze(
          duplicates.map((d) => Object.freeze({ id: d.id, positions: Object.freeze(d.positions) })),
        ),
      }),
    };
  }
}

/**
 * The shortlist: repeatedly take the sampled case that meets the most quotas not yet met by
 * the shortlist (only quotas with a target above 0); ties go to the lower priority. When no
 * case adds a quota, start a new round with every quota counted as unmet again.
 */
function shortlistOf(
  sample: readonly SelectedCase[],
  chosen: ReadonlyMap<string, Chosen>,
  quotas: readonly Quota[],
  shortlistSize: number,
): SelectedCase[] {
  const left = [...sample];
  const shortlist: SelectedCase[] = [];
  let covered = new Set<number>();
  const gain = (c: SelectedCase) =>
    chosen.get(c.id)!.quotas.filter((q) => quotas[q]!.target > 0 && !covered.has(q)).length;
  while (shortlist.length < shortlistSize && left.length > 0) {
    let best = -1;
    let bestGain = -1;
    left.forEach((c, i) => {
      const g = gain(c);
      const b = left[best];
      if (
        g > bestGain ||
        (g === bestGain && b !== undefined && before(c.priority, c.id, b.priority, b.id))
      ) {
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
    for (const q of chosen.get(pick!.id)!.quotas) covered.add(q);
  }
  return shortlist;
}
