import { describeValue } from '../internal/describe.js';
import { fromDayNumber, isIsoDate, toDayNumber, type IsoDate } from './iso-date.js';
import type { RuleSource } from './rules.js';

/** A period in which CQC does not publish assessment reports, with its reason and provenance. */
export interface PublicationPause extends RuleSource {
  /** First day of the pause, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day of the pause, `YYYY-MM-DD` (publication resumes the day after). */
  readonly to: string;
  /** Why CQC does not publish then, for a person. */
  readonly reason: string;
}

/**
 * The known pauses in publication (data; extend it with your own: `[...PUBLICATION_PAUSES, mine]`).
 *
 * - 2026 local elections: CQC paused publishing reports in the pre-election period (CQC
 *   update, 3 March 2026 — firm). Its exact dates are modelled: from Monday 30 March 2026,
 *   the 25th working day before polling day (the latest day for the notice of election,
 *   which starts the pre-election period), to polling day, Thursday 7 May 2026.
 *
 * @example
 * ```ts
 * import { PUBLICATION_PAUSES } from 'la-assurance/timeline';
 *
 * PUBLICATION_PAUSES[0]?.to; // '2026-05-07'
 * ```
 */
export const PUBLICATION_PAUSES: readonly PublicationPause[] = /* @__PURE__ */ Object.freeze([
  Object.freeze({
    from: '2026-03-30',
    to: '2026-05-07',
    reason: 'Pre-election period of the local elections of 7 May 2026: CQC paused publication',
    basis: 'modelled',
    source:
      'CQC update, 3 March 2026 (publication paused for the 2026 local-election pre-election period; firm); dates modelled: notice of election by the 25th working day before polling day 7 May 2026',
  }),
]);

/** Checks the pauses option (a programmer error throws `TypeError`/`RangeError`) and returns a frozen copy. */
export function checkPublicationPauses(
  value: unknown,
  name = 'options.publicationPauses',
): readonly PublicationPause[] {
  if (!Array.isArray(value))
    throw new TypeError(
      `${name} must be an array of { from, to, reason, basis, source }; got ${describeValue(value)}`,
    );
  if (value.length > 10_000)
    throw new RangeError(`${name} has ${value.length} entries; at most 10,000 are allowed`);
  const out: PublicationPause[] = [];
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i];
    if (typeof p !== 'object' || p === null)
      throw new TypeError(`${name}[${i}] must be an object; got ${describeValue(p)}`);
    const { from, to, reason, basis, source } = p as Record<string, unknown>;
    if (!isIsoDate(from) || !isIsoDate(to) || to < from) {
      throw new RangeError(
        `${name}[${i}]: from and to must be YYYY-MM-DD dates with from ≤ to; got ${describeValue(from)} to ${describeValue(to)}`,
      );
    }
    if (typeof reason !== 'string' || reason.trim() === '')
      throw new TypeError(`${name}[${i}].reason must be some text`);
    if (basis !== 'published' && basis !== 'observed' && basis !== 'modelled')
      throw new TypeError(`${name}[${i}].basis must be 'published', 'observed' or 'modelled'`);
    if (typeof source !== 'string') throw new TypeError(`${name}[${i}].source must be a string`);
    out.push(Object.freeze({ from, to, reason, basis, source }));
  }
  return Object.freeze(out);
}

/** A planned publication date after the pauses: the day itself, or the day after the pause it falls in. */
export interface PausedDate {
  /** The first day at or after the planned date outside every pause. */
  readonly date: IsoDate;
  /** The pauses that pushed it, in order (empty when not pushed). */
  readonly pushedBy: readonly PublicationPause[];
}

/**
 * Pushes a planned publication date out of the publication pauses: a date inside a pause
 * moves to the day after the pause ends (and again if that day is in another pause).
 * The pauses that moved it are returned so the reason can be shown.
 *
 * @throws RangeError when `date` is not a `YYYY-MM-DD` date (a programmer error).
 * @example
 * ```ts
 * import { publicationDateAfterPauses } from 'la-assurance/timeline';
 *
 * publicationDateAfterPauses('2026-04-15').date;                  // '2026-05-08'
 * publicationDateAfterPauses('2026-06-01').pushedBy.length;        // 0
 * ```
 */
export function publicationDateAfterPauses(
  date: string,
  pauses: readonly PublicationPause[] = PUBLICATION_PAUSES,
): PausedDate {
  if (!isIsoDate(date))
    throw new RangeError(`date must be a YYYY-MM-DD date; got ${describeValue(date)}`);
  const checked = pauses === PUBLICATION_PAUSES ? pauses : checkPublicationPauses(pauses, 'pauses');
  let current: IsoDate = date;
  const pushedBy: PublicationPause[] = [];
  // Each pass moves past one pause; a pause is used at most once, so this ends.
  for (let moved = true; moved; ) {
    moved = false;
    for (const pause of checked) {
      if (current >= pause.from && current <= pause.to && !pushedBy.includes(pause)) {
        current = dayAfter(pause.to as IsoDate);
        pushedBy.push(pause);
        moved = true;
      }
    }
  }
  return Object.freeze({ date: current, pushedBy: Object.freeze(pushedBy) });
}

function dayAfter(date: IsoDate): IsoDate {
  return fromDayNumber(toDayNumber(date) + 1);
}
