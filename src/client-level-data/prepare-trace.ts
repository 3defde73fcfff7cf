// The trace of prepareClientLevelData, made from the columns when `prepared.trace` is read:
// every input row not in the main table, with why it was left out (each row's `fate` byte
// from period-events.ts and prepare.ts) or the row it was merged into, ascending by row.
import { derivedEnd, FATE, type PeriodEvents } from './period-events.js';
import type { CldTraceCode, CldTraceEntry } from './prepare-model.js';
import { NO_DAY, dayOrNone } from './slots.js';

const CODE: Record<number, CldTraceCode> = {
  [FATE.otherCouncil]: 'other-council',
  [FATE.submissionNotSelected]: 'submission-not-selected',
  [FATE.noEventType]: 'no-event-type',
  [FATE.notInPeriod]: 'not-in-period',
  [FATE.diedBeforePeriod]: 'died-before-period',
  [FATE.duplicate]: 'duplicate-event',
};

/**
 * The trace entries: the check's rejections, then the rows of each phase in input order
 * (d.1 council, d.2–d.3 period, d.6 merged), sorted by row. `mergedInto[i]` is the checked
 * row a merged row i was merged into.
 */
export function traceEntries(period: PeriodEvents, mergedInto: Int32Array): CldTraceEntry[] {
  const { checked, fate, laCode, refs } = period;
  const c = checked.columns;
  const trace: CldTraceEntry[] = period.rejections.map((r) => ({
    row: r.row,
    code: 'rejected-by-check',
    mergedInto: null,
    message: `Rejected by the check (${r.code}): ${r.message}`,
  }));
  const entry = (i: number, f: number): CldTraceEntry => {
    const row = c.row.at(i);
    const ref = refs[period.refOf(i)];
    let message: string;
    let into: number | null = null;
    switch (f) {
      case FATE.otherCouncil:
        message = `Row ${row} is for council ${c.LA_Code.at(i)}, not ${laCode}.`;
        break;
      case FATE.submissionNotSelected:
        message = `Row ${row} is in a file (ImportDate ${c.ImportDate.at(i) ?? 'blank'}) not selected for the period (reference d.2).`;
        break;
      case FATE.noEventType:
        message = `Row ${row} has no Event_Type: it passes neither the service nor the non-service test (reference d.3 step 3).`;
        break;
      case FATE.notInPeriod: {
        const end = derivedEnd(
          dayOrNone(c.Event_Start_Date.at(i)),
          dayOrNone(c.Event_End_Date.at(i)),
          dayOrNone(c.Date_of_Death.at(i)),
        );
        message = period.codes.typeTests(c.Event_Type.at(i)).service
          ? `Row ${row}: the service is not active in ${ref!.start}..${ref!.end} (reference d.3 step 3).`
          : `Row ${row}: the ${c.Event_Type_Cleaned.at(i).toLowerCase()} does not end in ${ref!.start}..${ref!.end}${end === NO_DAY ? ' (it has no end date)' : ''} (reference d.3 step 2).`;
        break;
      }
      case FATE.diedBeforePeriod:
        message = `Row ${row}: the date of death ${c.Date_of_Death.at(i)} is before the period start or the event start (reference d.3 step 4).`;
        break;
      default:
        into = c.row.at(mergedInto[i]!);
        message = `Row ${row} is the same event as row ${into}, which was kept (reference d.6).`;
    }
    return { row, code: CODE[f]!, mergedInto: into, message };
  };
  // The phases in the order prepare runs them: council (d.1), period (d.2–d.3), merged (d.6).
  const phaseOf = (f: number): number =>
    f === FATE.otherCouncil ? 0 : f === FATE.duplicate ? 2 : 1;
  for (let phase = 0; phase < 3; phase++)
    for (let i = 0; i < fate.length; i++) {
      const f = fate[i]!;
      if (f !== FATE.kept && phaseOf(f) === phase) trace.push(entry(i, f));
    }
  return trace.sort((a, b) => a.row - b.row);
}
