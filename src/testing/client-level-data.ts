// A seeded generator of realistic Client Level Data rows, as a CSV parser gives them (all
// strings), for tests, demos and benchmarks. No fast-check: a small PRNG (mulberry32) seeded
// from an FNV-1a hash of the seed, so the same options give the same rows everywhere.

import { mulberry32 } from './mulberry32.js';

/** A CLD row as a CSV parser gives it: heading → text ('' for blank). */
export type ClientLevelDataCsvRow = Readonly<Record<string, string>>;

/** The kinds of fault {@link generateClientLevelData} injects with `messy`. */
export type ClientLevelDataFaultKind =
  | 'release-1-value'
  | 'invalid-value'
  | 'duplicate-row'
  | 'missing-nhs-number'
  | 'end-before-start'
  | 'invalid-date';

/** One injected fault: the row (1-based, as the check numbers rows) and field (database name). */
export interface ClientLevelDataFault {
  /** 1-based data row. */
  readonly row: number;
  /** The field (database name). */
  readonly field: string;
  /** What kind of fault or value. */
  readonly kind: ClientLevelDataFaultKind;
  /** For `duplicate-row`: the row it copies. */
  readonly copyOf: number | null;
}

/** Options of {@link generateClientLevelData}. */
export interface GenerateClientLevelDataOptions {
  /** Seed: the same seed and options give the same rows on every platform. */
  readonly seed: string | number;
  /** How many people who draw on care (unpaid carers are added on top, about 1 in 8). */
  readonly people: number;
  /** First day of the reporting period (ISO date); journeys start from a year before it. */
  readonly periodStart: string;
  /** Last day of the reporting period. Events after it are left out; services running past it are open. */
  readonly periodEnd: string;
  /** `LA_Code` of every row; default `'X01'`. */
  readonly laCode?: string;
  /** `submission` (default): the submission file's headings (`Event Start Date`); `database`: the national database's names (`Event_Start_Date`). */
  readonly headings?: 'submission' | 'database';
  /** Inject faults: `true` for 1 row in 20, or `{ rate }` (0–1). Default none. */
  readonly messy?:
    | boolean
    | {
        /** Share of rows given a fault, 0–1. */
        readonly rate: number;
      };
}

/** Rows and the faults injected into them. `rows` is lazy and can be iterated again (same rows). */
export interface GeneratedClientLevelData {
  /** The rows (lazy; iterate as often as you like). */
  readonly rows: Iterable<ClientLevelDataCsvRow>;
  /** The injected faults by row (computed by one pass over the rows when first read). */
  readonly faults: readonly ClientLevelDataFault[];
}

const FIELDS = [
  'LA_Code',
  'Reporting_Period_Start_Date',
  'Reporting_Period_End_Date',
  'LA_Person_Unique_Identifier',
  'NHS_Number',
  'Date_of_Birth',
  'Gender',
  'Ethnicity',
  'Date_of_Death',
  'Client_Type',
  'Primary_Support_Reason',
  'Accommodation_Status',
  'Employment_Status',
  'Has_Unpaid_Carer',
  'Event_Type',
  'Event_Reference',
  'Event_Start_Date',
  'Event_End_Date',
  'Event_Outcome',
  'Request_Route_of_Access',
  'Assessment_Type',
  'Adult_1_Linked_Person_ID',
  'Service_Type',
  'Service_Component',
  'Delivery_Mechanism',
  'Unit_Cost',
  'Cost_Frequency_Unit_Type',
  'Planned_units_per_week',
  'Review_Reason',
] as const;
type Field = (typeof FIELDS)[number];

const SUBMISSION_HEADING: Partial<Record<Field, string>> = {
  LA_Code: 'LA Code',
  Request_Route_of_Access: 'Request: Route of Access',
  Adult_1_Linked_Person_ID: 'Adult 1 Linked Person_ID',
  Cost_Frequency_Unit_Type: 'Cost Frequency (Unit Type)',
};

/** FNV-1a 32-bit hash of the seed's text, the PRNG's starting state. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const DAY_MS = 86_400_000;
const toDay = (iso: string): number =>
  Math.floor(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
      DAY_MS,
  );
const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

type Random = () => number;
const int = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
function pick<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  let u = r() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((u -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** A 10-digit NHS number with a valid modulus-11 check digit. */
function nhsNumber(r: Random): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? int(r, 4, 9) : int(r, 0, 9)));
    const check = 11 - (digits.reduce((s, d, i) => s + d * (10 - i), 0) % 11);
    if (check === 10) continue;
    return digits.join('') + String(check === 11 ? 0 : check);
  }
}

const ETHNICITY: readonly (readonly [string, number])[] = [
  ['White: English, Welsh, Scottish, Northern Irish or British', 75],
  ['White: Irish', 2],
  ['White: Any other White background', 5],
  ['Asian or Asian British: Indian', 3],
  ['Asian or Asian British: Pakistani', 3],
  ['Black, Black British, Caribbean or African: Caribbean', 2],
  ['Black, Black British, Caribbean or African: African', 2],
  ['Mixed or multiple ethnic groups: White and Black Caribbean', 1],
  ['Other ethnic group: Any other ethnic group', 1],
  ['No data: Undeclared or not known', 6],
];
/** Release 1 forms of some outcomes (reference lists/event_outcome_r1.csv), for injected faults. */
const RELEASE_1_OUTCOME: Readonly<Record<string, string>> = {
  'NFA: Information and advice or signposting': 'NFA - Information & Advice / Signposting only',
  'NFA: Support ended as planned': 'Service ended as planned',
  'Progress to assessment, review or reassessment': 'Progress to Assessment',
  'Progress to support planning or services': 'Progress to Support Planning / Services',
  'NFA: Support declined': 'NFA - Support declined',
  'Continuation of support or services': 'No change in package',
};
const ACCOMMODATION: readonly (readonly [string, number])[] = [
  ['Owner occupier or shared ownership scheme', 45],
  ['Tenant: Local authority or other social housing provider', 25],
  ['Tenant: Private landlord', 8],
  ['Settled mainstream housing with family or friends', 10],
  ['Sheltered housing, extra care housing or other sheltered housing', 5],
  ['Unknown', 7],
];

interface Person {
  readonly id: string;
  readonly nhs: string;
  readonly dob: string;
  readonly age: number;
  readonly gender: string;
  readonly ethnicity: string;
  readonly psr: string;
  readonly accommodation: string;
  readonly employment: string;
  readonly clientType: string;
  readonly hasCarer: string;
  death: string;
  readonly linked: string;
}

type EventValues = Partial<Record<Field, string>>;

/** The rows of one person's journey (modelled shape: request → assessment → reablement → long-term support → review). */
function journey(
  r: Random,
  p: Person,
  firstDay: number,
  lastDay: number,
  emit: (values: EventValues) => void,
): void {
  let t = int(r, firstDay, lastDay - 20);
  const hospital = r() < 0.3;
  const ev = (type: string, start: number, end: number | null, values: EventValues): boolean => {
    if (start > lastDay) return false;
    const death = p.death === '' ? null : toDay(p.death);
    if (death !== null && start > death) return false;
    let endDay = end;
    if (death !== null && (endDay === null || endDay > death)) endDay = death;
    if (endDay !== null && endDay > lastDay) {
      if (type !== 'Service') return false; // requests, assessments, reviews completed after the period are not in it
      endDay = null;
    }
    emit({
      Event_Type: type,
      Event_Start_Date: toIso(start),
      Event_End_Date: endDay === null ? '' : toIso(endDay),
      ...values,
      ...(endDay !== null && endDay === death && values.Event_Outcome !== undefined
        ? { Event_Outcome: 'NFA: Deceased' }
        : {}),
    });
    return true;
  };
  if (p.clientType !== 'Service user') {
    // An unpaid carer: a carer's assessment, then support direct to the carer.
    const aEnd = t + int(r, 0, 20);
    if (
      !ev('Assessment', t, aEnd, {
        Assessment_Type: 'Long term assessment',
        Event_Outcome: 'Progress to support planning or services',
        Adult_1_Linked_Person_ID: p.linked,
      })
    )
      return;
    const s = aEnd + int(r, 1, 14);
    ev('Service', s, r() < 0.5 ? null : s + int(r, 0, 90), {
      Service_Type: 'Unpaid carer support: Direct to unpaid carer',
      Service_Component: 'Direct payment',
      Delivery_Mechanism: pick(r, [
        ['Direct payment', 6],
        ['CASSR commissioned support', 4],
      ]),
      Event_Outcome: 'NFA: Support ended as planned',
      Adult_1_Linked_Person_ID: p.linked,
      Unit_Cost: '250.00',
      Cost_Frequency_Unit_Type: 'One-off',
    });
    return;
  }
  const reqEnd = t + int(r, 0, 3);
  const reqOutcome = pick(
    r,
    hospital
      ? [
          ['Progress to reablement/ST-Max', 5],
          ['Progress to assessment, review or reassessment', 4],
          ['NFA: Information and advice or signposting', 1],
        ]
      : [
          ['Progress to assessment, review or reassessment', 6],
          ['Progress to reablement/ST-Max', 1],
          ['NFA: Information and advice or signposting', 3],
        ],
  );
  if (
    !ev('Request', t, reqEnd, {
      Request_Route_of_Access: hospital ? 'Discharge from hospital' : 'Community',
      Event_Outcome: reqOutcome,
    })
  )
    return;
  t = reqEnd;
  let next: 'assessment' | 'reablement' | 'lts' | 'none' =
    reqOutcome === 'Progress to reablement/ST-Max'
      ? 'reablement'
      : reqOutcome.startsWith('NFA')
        ? 'none'
        : 'assessment';
  if (next === 'assessment') {
    const aStart = t + int(r, 1, 20);
    const aEnd = aStart + int(r, 0, 21);
    const outcome = pick(r, [
      ['Progress to support planning or services', 55],
      ['Progress to reablement/ST-Max', 20],
      ['NFA: Support declined', 10],
      ['NFA: Self-funded client or under 12wk disregard', 15],
    ]);
    if (
      !ev('Assessment', aStart, aEnd, {
        Assessment_Type: pick(r, [
          ['Long term assessment', 8],
          ['Short term assessment', 2],
        ]),
        Event_Outcome: outcome,
      })
    )
      return;
    t = aEnd;
    next =
      outcome === 'Progress to reablement/ST-Max'
        ? 'reablement'
        : outcome.startsWith('NFA')
          ? 'none'
          : 'lts';
  }
  if (next === 'reablement') {
    const sStart = t + int(r, 0, 5);
    const sEnd = sStart + int(r, 14, 42);
    const outcome = pick(r, [
      ['NFA: Support ended as planned', 50],
      ['Progress to support planning or services', 40],
      ['Admitted to hospital', 10],
    ]);
    if (
      !ev('Service', sStart, sEnd, {
        Service_Type: 'Short term support: ST-Max',
        Service_Component: 'Reablement',
        Delivery_Mechanism: 'CASSR commissioned support',
        Event_Outcome: outcome,
        Unit_Cost: '0.00',
        Cost_Frequency_Unit_Type: 'Weekly',
        Planned_units_per_week: '10.00',
      })
    )
      return;
    t = sEnd;
    next = outcome === 'Progress to support planning or services' ? 'lts' : 'none';
  }
  if (next !== 'lts') return;
  const lStart = t + int(r, 1, 7);
  const setting = pick(
    r,
    p.age >= 65
      ? [
          ['Long term support: Community', 70],
          ['Long term support: Residential care', 20],
          ['Long term support: Nursing care', 10],
        ]
      : [
          ['Long term support: Community', 90],
          ['Long term support: Residential care', 10],
        ],
  );
  const community = setting === 'Long term support: Community';
  const mechanism = community
    ? pick(r, [
        ['Direct payment', 25],
        ['CASSR managed personal budget', 15],
        ['CASSR commissioned support', 60],
      ])
    : 'CASSR commissioned support';
  const lEnd = r() < 0.2 ? lStart + int(r, 30, 300) : null;
  if (
    !ev('Service', lStart, lEnd, {
      Service_Type: setting,
      Service_Component: community
        ? mechanism === 'Direct payment'
          ? 'Direct payment'
          : pick(r, [
              ['Home support or domiciliary care', 8],
              ['Community supported living', 1],
              ['Extra care housing', 1],
            ])
        : setting.includes('Nursing')
          ? 'Long term nursing care'
          : 'Long term residential care',
      Delivery_Mechanism: mechanism,
      Event_Outcome:
        lEnd === null
          ? ''
          : pick(r, [
              ['NFA: Support ended for other reason', 1],
              ['NFA: Responsibility moved to another local authority', 1],
            ]),
      Unit_Cost: community ? `${String(int(r, 18, 30))}.50` : `${String(int(r, 700, 1400))}.00`,
      Cost_Frequency_Unit_Type: community ? 'Hourly' : 'Weekly',
      Planned_units_per_week: community ? `${String(int(r, 4, 30))}.00` : '1.00',
    })
  )
    return;
  // A planned review about a year in (or an unplanned one sooner).
  const planned = r() < 0.8;
  const rStart = lStart + (planned ? int(r, 330, 380) : int(r, 30, 200));
  ev('Review', rStart, rStart + int(r, 0, 14), {
    Review_Reason: planned ? 'Planned: Scheduled review' : 'Unplanned: Change in needs',
    Event_Outcome: pick(r, [
      ['Continuation of support or services', 8],
      ['Progress to support planning or services', 2],
    ]),
  });
}

interface Emitted {
  /** 1-based data row. */
  readonly row: ClientLevelDataCsvRow;
  readonly fault: ClientLevelDataFault | null;
}

function* generate(options: GenerateClientLevelDataOptions): Generator<Emitted> {
  const { seed, people, periodStart, periodEnd, laCode = 'X01', headings = 'submission' } = options;
  if (!Number.isInteger(people) || people < 0)
    throw new RangeError(`people must be a whole number ≥ 0; got ${String(people)}`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(periodStart) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(periodEnd) ||
    periodEnd < periodStart
  )
    throw new RangeError(
      'periodStart and periodEnd must be ISO dates with periodStart ≤ periodEnd',
    );
  const rate =
    options.messy === true
      ? 0.05
      : options.messy === undefined || options.messy === false
        ? 0
        : options.messy.rate;
  if (!(rate >= 0 && rate <= 1)) throw new RangeError('messy.rate must be between 0 and 1');
  const r = mulberry32(fnv1a(`${String(seed)}|client-level-data`));
  const faultRandom = mulberry32(fnv1a(`${String(seed)}|faults`));
  const names = FIELDS.map((f) =>
    headings === 'database' ? f : (SUBMISSION_HEADING[f] ?? f.replace(/_/g, ' ')),
  );
  const firstDay = toDay(periodStart) - 365;
  const lastDay = toDay(periodEnd);
  let rowNumber = 0;
  let eventNumber = 0;
  const toRow = (p: Person, values: EventValues): Record<string, string> => {
    const base: Partial<Record<Field, string>> = {
      LA_Code: laCode,
      Reporting_Period_Start_Date: periodStart,
      Reporting_Period_End_Date: periodEnd,
      LA_Person_Unique_Identifier: p.id,
      NHS_Number: p.nhs,
      Date_of_Birth: p.dob,
      Gender: p.gender,
      Ethnicity: p.ethnicity,
      Date_of_Death: p.death,
      Client_Type: p.clientType,
      Primary_Support_Reason: p.psr,
      Accommodation_Status: p.accommodation,
      Employment_Status: p.employment,
      Has_Unpaid_Carer: p.hasCarer,
      Event_Reference: `E${String(++eventNumber).padStart(8, '0')}`,
      ...values,
    };
    const row: Record<string, string> = {};
    for (let i = 0; i < FIELDS.length; i++) row[names[i]!] = base[FIELDS[i]!] ?? '';
    return row;
  };
  const heading = (field: Field): string => names[FIELDS.indexOf(field)]!;
  const queue: Emitted[] = [];
  const emitFor =
    (p: Person) =>
    (values: EventValues): void => {
      const row = toRow(p, values);
      let fault: ClientLevelDataFault | null = null;
      if (rate > 0 && faultRandom() < rate) {
        const kind = pick<ClientLevelDataFaultKind>(faultRandom, [
          ['release-1-value', 3],
          ['invalid-value', 2],
          ['duplicate-row', 2],
          ['missing-nhs-number', 2],
          ['end-before-start', 1],
          ['invalid-date', 1],
        ]);
        const n = rowNumber + 1;
        const set = (field: Field, value: string): void => {
          row[heading(field)] = value;
          fault = { row: n, field, kind, copyOf: null };
        };
        switch (kind) {
          case 'release-1-value': {
            const outcome = RELEASE_1_OUTCOME[row[heading('Event_Outcome')]!];
            if (row[heading('Client_Type')] === 'Unpaid carer') set('Client_Type', 'Carer');
            else if (outcome !== undefined) set('Event_Outcome', outcome);
            else
              set(
                'Ethnicity',
                row[heading('Ethnicity')]!.replace(': ', ' - ').replace(
                  'or not known',
                  'or Not known',
                ),
              );
            break;
          }
          case 'invalid-value':
            set('Accommodation_Status', 'Houseboat');
            break;
          case 'missing-nhs-number':
            set('NHS_Number', '');
            break;
          case 'end-before-start':
            set(
              'Event_End_Date',
              toIso(toDay(row[heading('Event_Start_Date')]!) - int(faultRandom, 1, 30)),
            );
            break;
          case 'invalid-date':
            set('Event_Start_Date', `31/02/${row[heading('Event_Start_Date')]!.slice(0, 4)}`);
            break;
          case 'duplicate-row':
            // A resubmitted copy: the row again, straight after it.
            queue.push(
              { row, fault: null },
              { row: { ...row }, fault: { row: n + 1, field: '', kind, copyOf: n } },
            );
            rowNumber += 2;
            return;
        }
      }
      queue.push({ row, fault });
      rowNumber++;
    };
  for (let i = 1; i <= people; i++) {
    const age =
      r() < 0.3 ? int(r, 18, 64) : Math.min(104, 65 + Math.floor(-Math.log(1 - r()) * 12));
    const dobDay = firstDay - age * 365.25 - int(r, 0, 364);
    const ld = age < 65 && r() < 0.25;
    const person: Person = {
      id: `P${String(i).padStart(7, '0')}`,
      nhs: nhsNumber(r),
      dob: toIso(Math.floor(dobDay)),
      age,
      gender: pick(r, [
        ['Female', 58],
        ['Male', 41],
        ['Unknown', 1],
      ]),
      ethnicity: pick(r, ETHNICITY),
      psr: ld
        ? 'Learning disability support'
        : pick(
            r,
            age >= 65
              ? [
                  ['Physical support: Personal care support', 6],
                  ['Support with memory and cognition', 2],
                  ['Physical support: Access and mobility only', 2],
                ]
              : [
                  ['Physical support: Personal care support', 4],
                  ['Mental health support', 4],
                  ['Physical support: Access and mobility only', 2],
                ],
          ),
      accommodation: pick(r, ACCOMMODATION),
      employment:
        age < 65
          ? pick(r, [
              ['Not in paid employment: Not actively seeking work or retired', 6],
              ['Paid: Less than 16 hours a week', 1],
              ['Unknown', 3],
            ])
          : 'Not in paid employment: Not actively seeking work or retired',
      clientType: 'Service user',
      hasCarer:
        r() < 0.125
          ? 'Yes'
          : pick(r, [
              ['No', 6],
              ['Unknown', 4],
            ]),
      death: '',
      linked: '',
    };
    if (age >= 65 && r() < 0.08) person.death = toIso(int(r, toDay(periodStart), lastDay));
    journey(r, person, firstDay, lastDay, emitFor(person));
    if (person.hasCarer === 'Yes') {
      const carer: Person = {
        ...person,
        id: `C${String(i).padStart(7, '0')}`,
        nhs: nhsNumber(r),
        dob: toIso(Math.floor(dobDay + int(r, -3650, 3650))),
        psr: 'Social support: Support to unpaid carer',
        clientType: 'Unpaid carer',
        hasCarer: '',
        death: '',
        linked: person.id,
        accommodation: 'Owner occupier or shared ownership scheme',
      };
      journey(r, carer, firstDay, lastDay, emitFor(carer));
    }
    while (queue.length > 0) yield queue.shift()!;
  }
}

/**
 * Generates realistic Client Level Data for one council: people's journeys (request →
 * assessment → reablement (ST-Max) → long-term support → review; hospital discharges,
 * unpaid carers linked to the person they care for, deaths, 18–64 and 65+, learning
 * disability, direct payments) as rows of strings, the way a CSV parser gives them, under
 * the submission file's headings or the database names. With `messy`, faults are
 * injected — Release 1 values, invalid values, duplicated rows from a resubmission,
 * missing NHS numbers, end before start, impossible dates — and listed by row and field.
 * Deterministic (mulberry32 seeded by FNV-1a of the seed); the journey shapes and
 * proportions are modelled, not official; route-of-access and review-reason values are
 * illustrative (the reference does not list them). Lazy: a million rows stream without
 * being held.
 *
 * @example
 * ```ts
 * import { generateClientLevelData } from 'la-assurance/testing';
 *
 * const { rows, faults } = generateClientLevelData({ seed: 1, people: 100, periodStart: '2024-04-01', periodEnd: '2025-03-31', messy: true });
 * [...rows][0]?.['LA Code']; // 'X01'
 * faults.length > 0; // true
 * ```
 */
export function generateClientLevelData(
  options: GenerateClientLevelDataOptions,
): GeneratedClientLevelData {
  generate(options).next(); // validate options now, not on first iteration
  let faults: ClientLevelDataFault[] | undefined;
  return {
    rows: {
      *[Symbol.iterator]() {
        for (const emitted of generate(options)) yield emitted.row;
      },
    },
    get faults(): readonly ClientLevelDataFault[] {
      if (faults === undefined) {
        faults = [];
        for (const emitted of generate(options))
          if (emitted.fault !== null) faults.push(emitted.fault);
      }
      return faults;
    },
  };
}
