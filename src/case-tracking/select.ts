import { LaAssuranceError, type ValidationResult } from '../errors/index.js';
import { assertIterable, isPlainArray } from '../internal/iterables.js';
import { classifiedDateKeys, classifyReadableCaseRecord, type CaseRecord } from './case-record.js';
import { unreadableIssue } from '../internal/unreadable.js';
import { SampleDraw } from './draw.js';
import { withDateRuleBits } from './signature.js';
import { idPriority } from './priority.js';
import { IdLog } from './id-log.js';
import { drawFromPopulation, isCasePopulation, type CasePopulation } from './population.js';
import type { CaseSample, CaseSampleIssueCode, CaseSampleOptions } from './case-sample.js';

/**
 * Draws the case-tracking sample (default 50), CQC's shortlist (10) and the people to
 * engage (6) with reserves. Deterministic and order-invariant: the result depends only on
 * the set of records, the seed and the options. Never throws on bad data. The algorithm is
 * in docs/case-tracking.md.
 *
 * `cases` is either any iterable of case records, read in one pass with memory
 * proportional to the sample and quota sizes (plus, for the duplicate check, 24 bytes per
 * record, and about 15 more per 9-character id when `cases` is not an array), or a population from {@link prepareCasePopulation}, already checked and packed,
 * for drawing from the same records many times (several times faster per draw). Both give
 * the identical result.
 *
 * @throws RangeError on bad options (sizes, criteria); TypeError when `cases` is not
 *   iterable (nor a prepared population).
 * @example
 * ```ts
 * import { defaultCaseCriteria, safeSelectCaseSample } from 'la-assurance/case-tracking';
 * import { generateCasePopulation } from 'la-assurance/testing';
 *
 * const cases = [...generateCasePopulation({ seed: 'demo', size: 1000 })];
 * const criteria = defaultCaseCriteria({ asOf: '2025-01-15' });
 * const result = safeSelectCaseSample(cases, { seed: 'Anyshire 2025-01', criteria });
 * result.success; // true
 * if (result.success) {
 *   result.data.sample.length; // 50
 *   result.data.engage.map((c) => c.id); // ['C-0000862', 'C-0000737', 'C-0000008', 'C-0000450', 'C-0000383', 'C-0000293']
 *   result.data.reserves.length; // 4
 *   result.data.shortfalls; // [] (1,000 records meet every quota)
 * }
 * ```
 */
export function safeSelectCaseSample(
  cases: Iterable<unknown> | CasePopulation,
  options: CaseSampleOptions,
): ValidationResult<CaseSample, CaseSampleIssueCode> {
  const draw = new SampleDraw(options);
  if (isCasePopulation(cases)) return drawFromPopulation(cases, draw);
  assertIterable(
    cases,
    'cases must be an iterable of case records (an array, a generator…) or a population from prepareCasePopulation (which cannot be copied, e.g. by structuredClone: prepare it again)',
  );
  const { seedState, dateRulesSince, signatureCount, admitUpTo } = draw;
  const indexed = isPlainArray(cases);
  const log =
    options.checkDuplicateIds === false
      ? undefined
      : indexed
        ? new IdLog((position) => (cases[position] as CaseRecord).id, cases.length)
        : new IdLog(undefined);

  /** Reads one record: checks it, logs its id and hands it to the draw. */
  const visit = (value: unknown, position: number): void => {
    const checked = classifyReadableCaseRecord(value);
    if (checked < 0) {
      draw.reportInvalid(value, position);
      return;
    }
    const record = value as CaseRecord;
    const signature = withDateRuleBits(
      checked,
      classifiedDateKeys[0]!,
      classifiedDateKeys[1]!,
      dateRulesSince,
    );
    const priority = idPriority(seedState, record.id);
    log?.push(priority, position, signature, record.id);
    signatureCount[signature]!++;
    if (priority <= admitUpTo[signature]!) draw.offer(signature, priority, position, record);
  };
  // An array is read by index: its iterator's result objects would cost more than the rest.
  let recordsRead = 0;
  try {
    if (indexed)
      for (; recordsRead < cases.length; recordsRead++) visit(cases[recordsRead], recordsRead);
    else for (const value of cases) visit(value, recordsRead++);
  } catch (error) {
    // The list itself (an iterator or Proxy) threw: no sample can account for every row.
    return {
      success: false,
      issues: [unreadableIssue(error, [recordsRead], `cases list at record ${recordsRead}`)],
    };
  }
  return draw.finish(recordsRead, log?.duplicates() ?? []);
}

/**
 * Like {@link safeSelectCaseSample}, but returns the sample itself and throws when the
 * records are rejected (with `onInvalid: 'reject'`, any invalid record or duplicated id).
 *
 * @throws LaAssuranceError with code `'invalid-case-records'` and the issues listed;
 *   RangeError/TypeError as {@link safeSelectCaseSample}.
 * @example
 * ```ts
 * import { isLaAssuranceError, selectCaseSample } from 'la-assurance/case-tracking';
 * import { generateCasePopulation } from 'la-assurance/testing';
 *
 * const cases = [...generateCasePopulation({ seed: 'demo', size: 1000 })];
 * const { sample, shortlist, engage, reserves } = selectCaseSample(cases, { seed: 'Anyshire 2025-01' });
 * [sample.length, shortlist.length, engage.length, reserves.length]; // [50, 10, 6, 4]
 *
 * let caught: unknown;
 * try {
 *   selectCaseSample([...cases, { id: 'bad' }], { seed: 'Anyshire 2025-01', onInvalid: 'reject' });
 * } catch (error) {
 *   caught = error;
 * }
 * isLaAssuranceError(caught) && caught.code; // 'invalid-case-records'
 * isLaAssuranceError(caught) && caught.issues.length; // 9 (record 1000 lacks all but its id)
 * ```
 */
export function selectCaseSample(
  cases: Iterable<unknown> | CasePopulation,
  options: CaseSampleOptions,
): CaseSample {
  const result = safeSelectCaseSample(cases, options);
  if (result.success) return result.data;
  throw new LaAssuranceError<CaseSampleIssueCode>(
    'invalid-case-records',
    result.issues,
    `The case records were rejected: ${result.issues.length} issue(s)`,
  );
}
