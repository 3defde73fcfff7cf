import type { ValidationResult } from '../errors/index.js';
import { assertIterable, isPlainArray } from '../internal/iterables.js';
import { resized } from '../internal/typed-arrays.js';
import { classifiedDateKeys, classifyReadableCaseRecord, type CaseRecord } from './case-record.js';
import type { SampleDraw } from './draw.js';
import { withDateRuleBits } from './signature.js';
import { bytesPriority, seedState } from './priority.js';
import { IdLog } from './id-log.js';
import type { CaseSample, CaseSampleIssueCode, DuplicateCaseId } from './case-sample.js';

// A prepared population: the records checked once and packed into columns (one signature,
// two date keys and the UTF-8 bytes of the id per record), so that each draw from it only
// hashes dense bytes and counts — the work pandas and dplyr do on their typed columns.
// Drawing from it gives exactly what drawing from the records themselves gives.

/** The columns of a prepared population, one entry per valid record in input order. */
interface PopulationColumns {
  /** Number of entries. */
  readonly count: number;
  /** Every record read, by position: the input array itself when it is one. */
  readonly records: readonly unknown[];
  readonly positions: Uint32Array;
  /** `classifyCaseRecord` of each record. */
  readonly signatures: Int32Array;
  /** `lastAssessed` and `lastReviewed` as YYYYMMDD numbers (0 when absent). */
  readonly assessed: Int32Array;
  readonly reviewed: Int32Array;
  /** The ids as UTF-8: entry e is `idBytes[idStart[e], idStart[e + 1])`. */
  readonly idBytes: Uint8Array;
  readonly idStart: Uint32Array;
  /** Positions of the invalid records, ascending. */
  readonly invalidPositions: Uint32Array;
  /** The entries of each group in `duplicates`. */
  readonly duplicateEntries: readonly (readonly number[])[];
}

// Marks populations across copies of this module (the ESM and CommonJS builds, or two
// subpath bundles), where `instanceof` would fail. The version names the column layout:
// change it whenever `PopulationColumns` changes, so that another version's population is
// refused instead of misread.
const BRAND = Symbol.for('la-assurance/case-population@1');
// Columns are sized for the input up front, up to this many records (then they grow).
const INITIAL_CAPACITY_LIMIT = 1 << 22;
// The ids' UTF-8 bytes live in one Uint8Array, indexed by Uint32Array offsets.
const MAX_ID_BYTES = 2 ** 32 - 1;
// Duplicate ids are found by a hash that does not depend on any draw's seed.
const DUPLICATE_HASH_STATE = seedState('la-assurance/duplicate-case-ids');

/**
 * Case records checked once and packed for drawing many samples from them (different
 * seeds or criteria): made by {@link prepareCasePopulation}, passed to `safeSelectCaseSample`
 * in place of the records. Holds the records themselves (not copies, and the input array
 * itself when it is one), so change neither afterwards.
 *
 * @example
 * ```ts
 * import { prepareCasePopulation } from 'la-assurance/case-tracking';
 * import { generateCasePopulation } from 'la-assurance/testing';
 *
 * const cases = [...generateCasePopulation({ seed: 'demo', size: 100 })];
 * const population = prepareCasePopulation([...cases, { ...cases[0]! }, { id: 'bad' }]);
 * population.recordsRead; // 102
 * population.invalidRecords; // 1
 * population.duplicates; // [{ id: 'C-0000001', positions: [0, 100] }]
 * population.population; // 99 (both copies of C-0000001 are left out)
 * ```
 */
export class CasePopulation {
  /** Records read from the input. */
  readonly recordsRead: number;
  /** Valid records with unique ids (the population every draw samples). */
  readonly population: number;
  /** Records that are not valid case records (each draw reports them in `problems`). */
  readonly invalidRecords: number;
  /** Ids shared by several records (all copies are left out of every draw). */
  readonly duplicates: readonly DuplicateCaseId[];
  /** @internal */
  readonly columns: PopulationColumns;

  /** @internal */
  constructor(
    columns: PopulationColumns,
    recordsRead: number,
    duplicates: readonly DuplicateCaseId[],
  ) {
    this.columns = Object.freeze(columns);
    this.recordsRead = recordsRead;
    this.invalidRecords = columns.invalidPositions.length;
    this.population = columns.count - duplicates.reduce((n, d) => n + d.positions.length, 0);
    this.duplicates = Object.freeze(
      duplicates.map((d) => Object.freeze({ id: d.id, positions: Object.freeze(d.positions) })),
    );
    Object.defineProperty(this, BRAND, { value: true });
    Object.freeze(this);
  }
}

/** Whether `value` is a {@link CasePopulation} (from any copy of the library). @internal */
export function isCasePopulation(value: unknown): value is CasePopulation {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  } catch {
    return false; // a revoked Proxy or a throwing trap is no population
  }
}

let encoder: InstanceType<typeof TextEncoder> | undefined;

/**
 * Checks case records once and packs them for fast repeated draws: pass the result to
 * `safeSelectCaseSample` instead of the records. Reads any iterable in one pass; keeps 20
 * bytes per record plus the UTF-8 bytes of its id (and, when the input is not an array, a
 * reference to the record). Never throws on bad data: invalid records
 * and duplicated ids are kept aside and reported by every draw exactly as a draw from the
 * records would report them.
 *
 * @throws TypeError when `cases` is not iterable; RangeError when the ids take more than
 *   4 GiB as UTF-8 (draw from the records instead).
 * @example
 * ```ts
 * import { prepareCasePopulation, safeSelectCaseSample } from 'la-assurance/case-tracking';
 * import { generateCasePopulation } from 'la-assurance/testing';
 *
 * const population = prepareCasePopulation(generateCasePopulation({ seed: 'demo', size: 1000 }));
 * const draws = ['2025-01', '2025-02'].map((seed) => safeSelectCaseSample(population, { seed }));
 * draws.map((draw) => draw.success && draw.data.sample.length); // [50, 50]
 * ```
 */
export function prepareCasePopulation(cases: Iterable<unknown>): CasePopulation {
  assertIterable(cases, 'cases must be an iterable of case records (an array, a generator…)');
  const indexed = isPlainArray(cases);
  let capacity = Math.min(Math.max(indexed ? cases.length : 0, 1024), INITIAL_CAPACITY_LIMIT);
  let positions = new Uint32Array(capacity);
  let signatures = new Int32Array(capacity);
  let assessed = new Int32Array(capacity);
  let reviewed = new Int32Array(capacity);
  let idStart = new Uint32Array(capacity + 1);
  let idBytes = new Uint8Array(capacity * 12);
  const records: unknown[] = indexed ? (cases as unknown[]) : [];
  let invalidPositions = new Uint32Array(64);
  let invalidCount = 0;
  const log = new IdLog((entry) => (records[positions[entry]!] as CaseRecord).id, capacity);
  let count = 0;
  let byteLength = 0;

  /** Appends the UTF-8 bytes of `id`; returns the new byte length. */
  const packId = (id: string): number => {
    const room = byteLength + 3 * id.length; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (room > idBytes.length) {
      if (room > MAX_ID_BYTES)
        throw new RangeError(
          `prepareCasePopulation: the ids take more than ${MAX_ID_BYTES} bytes as UTF-8; draw from the records instead (safeSelectCaseSample(cases, …))`,
        );
      idBytes = resized(idBytes, Math.min(2 * room, MAX_ID_BYTES));
    }
    let n = byteLength;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (c >= 0x80)
        return (
          byteLength +
          (encoder ??= new TextEncoder()).encodeInto(id, idBytes.subarray(byteLength)).written
        );
      idBytes[n++] = c;
    }
    return n;
  };
  const visit = (value: unknown, position: number): void => {
    const signature = classifyReadableCaseRecord(value);
    if (signature < 0) {
      if (invalidCount === invalidPositions.length)
        invalidPositions = resized(invalidPositions, 2 * invalidCount);
      invalidPositions[invalidCount++] = position;
      return;
    }
    const record = value as CaseRecord;
    if (count === capacity) {
      capacity *= 2;
      positions = resized(positions, capacity);
      signatures = resized(signatures, capacity);
      assessed = resized(assessed, capacity);
      reviewed = resized(reviewed, capacity);
      idStart = resized(idStart, capacity + 1);
    }
    const entry = count++;
    positions[entry] = position;
    signatures[entry] = signature;
    assessed[entry] = classifiedDateKeys[0]!;
    reviewed[entry] = classifiedDateKeys[1]!;
    const start = byteLength;
    byteLength = idStart[entry + 1] = packId(record.id);
    log.push(
      bytesPriority(DUPLICATE_HASH_STATE, idBytes, start, byteLength),
      entry,
      signature,
      record.id,
    );
  };
  let recordsRead = 0;
  if (indexed)
    for (; recordsRead < cases.length; recordsRead++) visit(cases[recordsRead], recordsRead);
  else {
    for (const value of cases) {
      records.push(value);
      visit(value, recordsRead++);
    }
  }

  // The log was given entries as positions: map them back.
  const groups = log.duplicates();
  const duplicates = groups.map((g) => ({
    id: g.id,
    positions: g.positions.map((entry) => positions[entry]!),
  }));
  // Copy a column only when a quarter or more of it is unused.
  const fit = <T extends Int32Array | Uint32Array | Uint8Array>(array: T, length: number): T =>
    (array.length > length * 1.25 ? array.slice(0, length) : array.subarray(0, length)) as T;
  const columns: PopulationColumns = {
    count,
    records,
    positions: fit(positions, count),
    signatures: fit(signatures, count),
    assessed: fit(assessed, count),
    reviewed: fit(reviewed, count),
    idBytes: fit(idBytes, byteLength),
    idStart: fit(idStart, count + 1),
    invalidPositions: fit(invalidPositions, invalidCount),
    duplicateEntries: groups.map((g) => g.positions),
  };
  return new CasePopulation(columns, recordsRead, duplicates);
}

/**
 * Runs a draw over a prepared population: the same records, signatures and priorities, in
 * the same order, as `safeSelectCaseSample` reading the records themselves.
 * @internal
 */
export function drawFromPopulation(
  population: CasePopulation,
  draw: SampleDraw,
): ValidationResult<CaseSample, CaseSampleIssueCode> {
  const {
    count,
    records,
    positions,
    signatures,
    assessed,
    reviewed,
    idBytes,
    idStart,
    invalidPositions,
    duplicateEntries,
  } = population.columns;
  for (const position of invalidPositions) draw.reportInvalid(records[position], position);
  const { seedState, signatureCount, admitUpTo, dateRulesSince } = draw;
  const signatureOf = (entry: number): number =>
    withDateRuleBits(signatures[entry]!, assessed[entry]!, reviewed[entry]!, dateRulesSince);
  for (let entry = 0; entry < count; entry++) {
    const signature = signatureOf(entry);
    const priority = bytesPriority(seedState, idBytes, idStart[entry]!, idStart[entry + 1]!);
    signatureCount[signature]!++;
    if (priority <= admitUpTo[signature]!)
      draw.offer(signature, priority, positions[entry]!, records[positions[entry]!] as CaseRecord);
  }
  const duplicates = population.duplicates.map((d, i) => ({
    ...d,
    signatures: duplicateEntries[i]!.map(signatureOf),
  }));
  return draw.finish(population.recordsRead, duplicates);
}
