import type { ValidationResult } from '../errors/index.js';
import { wholeNumberOption } from '../internal/options.js';
import { isoDateKey } from '../timeline/iso-date.js';
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
  CATEGORY_BITS,
  DATE_RULE_BIT,
  FLAG_COUNT,
  MAX_DATE_RULES,
  categoryBitsOf,
  categoryOf,
  flagBit,
  ruleBitsOf,
} from './signature.js';
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

/**
 * One selection in progress (options checked, quotas set up). A record's signature (see
 * signature.ts) packs what the selection needs to know about it: its categories, flags and
 * date-rule matches. Counts are kept per signature, and the quotas of a signature come from
 * two small tables worked out once per draw (one for its rule bits, one for its category
 * bits).
 * @internal
 */
export class SampleDraw {
  readonly seed: string;
  /** The cyrb53 state after the seed: each record's priority continues from it. */
  readonly seedState: HashState;
  /** The `since` date of each date rule as a YYYYMMDD key, in signature-bit order. */
  readonly dateRulesSince: Int32Array;
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
  /** The quotas of a signature's rules (flags and date rules), by `ruleBitsOf(signature)`. */
  private readonly ruleQuotas: readonly (readonly number[])[];
  /** The quotas of a signature's categories, by `categoryBitsOf(signature)`. */
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
    this.dateRulesSince = Int32Array.from(dateRules, isoDateKey);

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
      bit: 'flag' in rule.match ? flagBit(CASE_FLAGS.indexOf(rule.match.flag)) : dateBit++,
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
    this.ruleQuotas = Array.from({ length: 1 << (FLAG_COUNT + dateRules.length) }, (_, ruleBits) =>
      this.rules.filter((r) => ruleBits & ruleBitsOf(1 << r.bit)).map((r) => r.quota),
    );
    this.categoryQuotas = Array.from({ length: 1 << CATEGORY_BITS }, (_, low) =>
      this.dims.flatMap((dim) => {
        const q = dim.quotaOf[categoryOf(low, dim.field)];
        return q !== undefined && q >= 0 ? [q] : [];
      }),
    );
    this.admitUpTo = new Float64Array(this.signatureCount.length).fill(Infinity);
  }

  /** The quotas a signature counts toward, ascending (rule quotas have the lower indices). */
  private quotasOf(signature: number): readonly number[] {
    return [
      ...this.ruleQuotas[ruleBitsOf(signature)]!,
      ...this.categoryQuotas[categoryBitsOf(signature)]!,
    ];
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
    const rules = this.ruleQuotas[ruleBitsOf(signature)]!;
    const categories = this.categoryQuotas[categoryBitsOf(signature)]!;
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
   * the result cannot depend on which came first). Steps 2–6 of the documented algorithm,
   * one phase each.
   */
  finish(
    recordsRead: number,
    duplicates: readonly DuplicateFound[],
  ): ValidationResult<CaseSample, CaseSampleIssueCode> {
    this.uncountDuplicates(duplicates);
    const population = this.countPopulation();
    this.reportDuplicates(duplicates);
    if (this.onInvalid === 'reject' && this.problemCount > 0)
      return { success: false, issues: Object.freeze(this.problems) as CaseRecordProblem[] };
    this.setProportionalTargets(population);
    const limit = Math.min(this.size, population);
    const chosen = this.drawGreedily(new Set(duplicates.map((d) => d.id)), limit);
    const sample = [...chosen.values()].map((c) => this.selectedCase(c));
    const shortlist = shortlistOf(sample, chosen, this.quotas, this.shortlistSize);
    const engage = shortlist.slice(0, this.engageSize);
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
        coverage: this.coverageTable(chosen, shortlist, engage),
        shortfalls: this.shortfalls(chosen.size < limit),
        problems: Object.freeze(this.problems),
        suppressedProblems: Math.max(0, this.problemCount - this.maxProblems),
        duplicates: Object.freeze(
          duplicates.map((d) => Object.freeze({ id: d.id, positions: Object.freeze(d.positions) })),
        ),
      }),
    };
  }

  /** Step 2: takes every copy of a duplicated id out of the signature counts. */
  private uncountDuplicates(duplicates: readonly DuplicateFound[]): void {
    for (const d of duplicates)
      for (const signature of d.signatures) this.signatureCount[signature]!--;
  }

  /** The population and, per category and per quota, its matching records (from the signature counts). */
  private countPopulation(): number {
    let population = 0;
    this.signatureCount.forEach((n, signature) => {
      if (n === 0) return;
      population += n;
      for (const dim of this.dims) dim.counts[categoryOf(signature, dim.field)]! += n;
      for (const q of this.quotasOf(signature)) this.quotas[q]!.population += n;
    });
    return population;
  }

  /** Lists one problem per duplicated id, naming every position. */
  private reportDuplicates(duplicates: readonly DuplicateFound[]): void {
    for (const d of duplicates) {
      this.report({
        code: 'duplicate-case-id',
        path: [d.positions[0]!, 'id'],
        message: `records ${d.positions.join(', ')} share the id ${JSON.stringify(d.id)}; ids must be unique, so all ${d.positions.length} are left out — correct the export`,
        position: d.positions[0]!,
        id: d.id,
      });
    }
  }

  /** Step 3: raises targets to the largest-remainder share on proportional dimensions. */
  private setProportionalTargets(population: number): void {
    const seats = Math.min(this.size, population);
    for (const dim of this.dims) {
      if (!dim.proportional || population === 0) continue;
      const shares = largestRemainderShares(dim.counts, seats, population);
      dim.quotaOf.forEach((q, i) => {
        if (q < 0) return;
        const entry = this.quotas[q]!;
        entry.share = shares[i]!;
        entry.target = Math.max(entry.minimum, shares[i]!);
      });
    }
  }

  /**
   * Step 4, the greedy draw: must-include rules to their minimums, then category minimums,
   * then proportional targets, then fill from everyone, each in ascending priority, until
   * `limit` cases. Returns the sampled cases by id, in the order drawn.
   */
  private drawGreedily(excluded: ReadonlySet<string>, limit: number): Map<string, Chosen> {
    const { quotas } = this;
    const chosen = new Map<string, Chosen>();
    const take = (candidate: Candidate, selectedFor: string) => {
      const counts = this.quotasOf(candidate.signature);
      chosen.set(candidate.id, { candidate, selectedFor, quotas: counts });
      for (const q of counts) quotas[q]!.selected++;
    };
    const fillTo = (q: Quota, target: number) => {
      if (q.selected >= target) return;
      for (const candidate of q.heap.sorted(excluded)) {
        if (chosen.size >= limit || q.selected >= target) return;
        if (!chosen.has(candidate.id)) take(candidate, q.key);
      }
      if (q.selected < target) q.exhausted = true;
    };
    for (const rule of this.rules) fillTo(quotas[rule.quota]!, quotas[rule.quota]!.minimum);
    for (const q of quotas) if (q.kind === 'category') fillTo(q, q.minimum);
    for (const dim of this.dims)
      if (dim.proportional)
        for (const q of dim.quotaOf) if (q >= 0) fillTo(quotas[q]!, quotas[q]!.target);
    for (const candidate of this.everyone.sorted(excluded)) {
      if (chosen.size >= limit) break;
      if (!chosen.has(candidate.id)) take(candidate, 'fill');
    }
    return chosen;
  }

  /** A sampled case as the result shows it, with the quotas (target above 0) it counts toward. */
  private selectedCase({ candidate, selectedFor, quotas: counts }: Chosen): SelectedCase {
    const { quotas } = this;
    return Object.freeze({
      id: candidate.id,
      position: candidate.position,
      priority: candidate.priority,
      record: candidate.record as CaseRecord,
      selectedFor,
      satisfies: Object.freeze(
        counts.filter((q) => quotas[q]!.target > 0).map((q) => quotas[q]!.key),
      ),
    });
  }

  /** One row per quota: population, minimum, share, target, and how many were sampled, shortlisted and engaged. */
  private coverageTable(
    chosen: ReadonlyMap<string, Chosen>,
    shortlist: readonly SelectedCase[],
    engage: readonly SelectedCase[],
  ): readonly CaseCoverageRow[] {
    const inList = (list: readonly SelectedCase[]) => {
      const n = new Array<number>(this.quotas.length).fill(0);
      for (const c of list) for (const q of chosen.get(c.id)!.quotas) n[q]!++;
      return n;
    };
    const shortlisted = inList(shortlist);
    const engaged = inList(engage);
    return Object.freeze(
      this.quotas.map((q, i) =>
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
      ),
    );
  }

  /** Step 6: the quotas below target and why (`sampleShort`: the sample has fewer than `limit` cases). */
  private shortfalls(sampleShort: boolean): readonly CaseShortfall[] {
    return Object.freeze(
      this.quotas
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
                : q.exhausted && sampleShort
                  ? 'duplicates-excluded'
                  : 'sample-full',
          } as const),
        ),
    );
  }
}

/**
 * `seats` divided over categories in proportion to `counts` (of `total`) by largest
 * remainder: each gets the floor of its exact share, the seats left go to the largest
 * fractional parts, ties to the earlier category.
 */
function largestRemainderShares(counts: readonly number[], seats: number, total: number): number[] {
  const exact = counts.map((n) => (seats * n) / total);
  const shares = exact.map(Math.floor);
  let left = seats - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((_x, i) => i)
    .sort((a, b) => exact[b]! - shares[b]! - (exact[a]! - shares[a]!) || a - b);
  for (const i of order) if (left-- > 0) shares[i]!++;
  return shares;
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
