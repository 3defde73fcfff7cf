// The plain reference version of DHSC's unique events and deduplication (reference d.5
// step 1 and d.6), kept as the test oracle of the integer-coded version in
// src/client-level-data/unique-events.ts: each unique-event key and each partition is one
// string, the collation keys of the identifying fields joined (NULL as U+0000), and n of
// `Der_Unique_Event_Ref` is the rank of the key among the sorted distinct keys, as the
// method reads. The phases around it (d.1–d.4, cropping, the main table) are the library's
// own, so prepare.properties.test.ts compares exactly this step.
import type { ValidationResult } from '../../../src/errors/index.js';
import { periodEvents, type PeriodEvents } from '../../../src/client-level-data/period-events.js';
import { cropServices, mainTable } from '../../../src/client-level-data/prepare.js';
import type {
  CldPrepareInput,
  CldPrepareIssueCode,
  PrepareClientLevelDataOptions,
  PreparedClientLevelDataResult,
} from '../../../src/client-level-data/prepare-model.js';
import { sqlCollationKey } from '../../../src/client-level-data/sql.js';
import { numeric2, ranksBefore } from '../../../src/client-level-data/unique-events.js';

const NULL_KEY = '\u0000';
const SEP = '\u0001';

/** A raw value's comparison key, NULL as U+0000. */
const key = (value: string | null): string => (value === null ? NULL_KEY : sqlCollationKey(value));

/** The d.6 cost text: `numeric(18,2)`, NULL → ''. */
const cost = (value: number | null): string => (value === null ? '' : numeric2(value));

function deduplicate({ candidates, joined }: PeriodEvents) {
  // d.5 step 1: the identifying fields, raw values, by collation key; LIKE tests on the raw type.
  const uniqueKeys = candidates.map((c) => {
    const e = c.event;
    const typeKey = key(e.Event_Type);
    return [
      e.Event_Start_Date ?? NULL_KEY,
      c.isService ? NULL_KEY : (c.derEnd ?? NULL_KEY),
      key(e.Client_Type_Raw),
      key(c.personId),
      typeKey,
      typeKey.includes('request') ? key(e.Request_Route_of_Access) : NULL_KEY,
      typeKey.includes('assessment') ? key(e.Assessment_Type_Raw) : NULL_KEY,
      c.isService ? key(e.Service_Type_Raw) : NULL_KEY,
      c.isService ? key(e.Service_Component_Raw) : NULL_KEY,
    ].join(SEP);
  });
  const sorted = [...new Set(uniqueKeys)].sort();
  const rankOf = new Map(sorted.map((k, i) => [k, i + 1]));
  const rank = uniqueKeys.map((k) => rankOf.get(k)!);
  // d.5 step 2 (the library's, on the keys).
  const cropped = joined ? cropServices(candidates, uniqueKeys) : 0;
  // d.6: the partition, and its first row in the d.6 order.
  const partitions = candidates.map((c, i) => {
    const e = c.event;
    if (joined || !c.isService) return uniqueKeys[i]!;
    return [
      uniqueKeys[i]!,
      e.Delivery_Mechanism_Cleaned === null ? '' : key(e.Delivery_Mechanism_Cleaned),
      cost(e.Unit_Cost),
      e.Cost_Frequency_Unit_Type === null ? '' : key(e.Cost_Frequency_Unit_Type),
      cost(e.Planned_units_per_week),
    ].join(SEP);
  });
  const best = new Map<string, number>();
  candidates.forEach((c, i) => {
    const current = best.get(partitions[i]!);
    if (current === undefined || ranksBefore(c, candidates[current]!, joined))
      best.set(partitions[i]!, i);
  });
  const winner = partitions.map((p) => best.get(p)!);
  return { rank, winner, cropped };
}

/** prepareClientLevelData with the plain string-key d.5–d.6. */
export function referencePrepareClientLevelData(
  checked: CldPrepareInput,
  options: PrepareClientLevelDataOptions,
): ValidationResult<PreparedClientLevelDataResult, CldPrepareIssueCode> {
  const period = periodEvents(checked, options);
  if (!period.success) return period;
  return { success: true, data: mainTable(period.data, deduplicate(period.data), options) };
}
