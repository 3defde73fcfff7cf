// ascofMeasures: every ASCOF measure DHSC derives from CLD (2024/25-onwards method), as rows
// in DHSC's long format. Reference e; DHSC ASCOF_measures/*_2425_Onwards.sql.
import { mainTableOf } from '../main-rows.js';
import type { PreparedClientLevelData } from '../model.js';
import { ascof2AClusters } from './ascof-2a.js';
import { newAdmissions } from './ascof-2bc.js';
import { ascof2ECohort, ascof2ELearningDisability, type Ascof2EPerson } from './ascof-2e.js';
import { ascof3DCarers, ascof3DClients } from './ascof-3d.js';
import type {
  AscofAgeBand,
  AscofCode,
  AscofMeasureName,
  AscofMeasureRow,
  AscofMeasures,
  AscofMeasuresOptions,
  AscofNotComputable,
  AscofSex,
  AscofUnknownCount,
} from './model.js';
import { personFacts } from './person-details.js';
import { resolvePeriod } from './period.js';
import { groupByPerson } from './rows.js';
import { sqlRoundedRate } from '../sql.js';
import { CARER_SUPPORT } from './values.js';

/** DHSC's descriptions, as its output tables spell them. */
const DESCRIPTION = {
  '2A': 'The proportion of people who received short-term services during the year - who previously were not receiving services - where no further request was made for ongoing support (%)',
  '2B': 'The number of adults whose long-term support needs are met by admission to residential and nursing care homes, for 18-64yrs (per 100,000 population)',
  '2C': 'The number of adults whose long-term support needs are met by admission to residential and nursing care homes, for 65 and over (per 100,000 population)',
  '2E 18 to 64':
    'The proportion of people aged 18-64 who receive long-term support who live in their home or with family (%)',
  '2E 65 and above':
    'The proportion of people aged 65+ who receive long-term support who live in their home or with family (%)',
  '3D-1a': '1a - The proportion of clients who use services who receive self-directed support (%)',
  '3D-2a': '2a - The proportion of clients who use services who receive direct payments (%)',
  '3D-1b': '1b - The proportion of carers who use services who receive self-directed support (%)',
  '3D-2b': '2b - The proportion of carers who use services who receive direct payments (%)',
} as const;

const BANDS = ['18 to 64', '65 and above', 'Total'] as const;
const UNKNOWN_ACCOMMODATION_DESCRIPTION = 'Accommodation status = unknown or invalid';
const UNKNOWN_DM_DESCRIPTION =
  'Unknown or invalid delivery mechanism, or unable to deduce from service component';
const ASCOF_2D_REASON =
  'ASCOF 2D needs SUS hospital admitted-patient data (discharges, readmissions) linked by pseudonymised NHS number; CLD does not hold it (reference e.3).';

interface Counted {
  readonly numerator: readonly string[];
  readonly denominator: readonly string[];
}

function row(
  code: AscofCode,
  measure: AscofMeasureName,
  description: string,
  ageBand: AscofAgeBand,
  sex: AscofSex,
  counted: Counted,
  explain: boolean,
): AscofMeasureRow {
  const numerator = counted.numerator.length;
  const denominator = counted.denominator.length;
  const base = {
    code,
    measure,
    description,
    ageBand,
    sex,
    numerator,
    denominator,
    outcome: sqlRoundedRate(numerator, denominator, 100),
  };
  return explain
    ? {
        ...base,
        people: {
          numerator: [...counted.numerator].sort(),
          denominator: [...counted.denominator].sort(),
        },
      }
    : base;
}

/** Persons by band with a Total that includes the `Unknown` band (SQL `ROLLUP`). */
function byBand<T extends { readonly band: string }>(
  items: readonly T[],
  inDenominator: (t: T) => boolean,
  inNumerator: (t: T) => boolean,
  id: (t: T) => string,
): Record<AscofAgeBand, Counted> {
  const out = {} as Record<AscofAgeBand, { numerator: string[]; denominator: string[] }>;
  for (const b of BANDS) out[b] = { numerator: [], denominator: [] };
  for (const t of items) {
    if (!inDenominator(t)) continue;
    const targets =
      t.band === '18 to 64' || t.band === '65 and above' ? [out[t.band], out.Total] : [out.Total];
    for (const target of targets) {
      target.denominator.push(id(t));
      if (inNumerator(t)) target.numerator.push(id(t));
    }
  }
  return out;
}

function rows2E(
  cohort: readonly Ascof2EPerson[],
  learningDisability: boolean,
  explain: boolean,
): AscofMeasureRow[] {
  const code = learningDisability ? '2E-LD' : '2E';
  const measure = learningDisability ? 'ASCOF 2E LD' : 'ASCOF 2E';
  const bands = learningDisability
    ? (['18 to 64'] as const)
    : (['18 to 64', '65 and above'] as const);
  const out: AscofMeasureRow[] = [];
  for (const band of bands) {
    for (const sex of ['Male', 'Female', 'Total'] as const) {
      // Unknown age is in neither numerator nor denominator; other genders only in Total (ROLLUP(Gender)).
      const people = cohort.filter((p) => p.band === band && (sex === 'Total' || p.sex === sex));
      const counted = {
        denominator: people.map((p) => p.person),
        numerator: people.filter((p) => p.settled).map((p) => p.person),
      };
      out.push(row(code, measure, DESCRIPTION[`2E ${band}`], band, sex, counted, explain));
    }
  }
  return out;
}

function unknownCount(
  code: AscofUnknownCount['code'],
  measure: AscofMeasureName,
  description: string,
  people: readonly string[],
  explain: boolean,
): AscofUnknownCount {
  const base = { code, measure, description, count: people.length };
  return explain ? { ...base, people: [...people].sort() } : base;
}

function per100k(
  code: '2B' | '2C',
  band: '18 to 64' | '65 and above',
  admitted: readonly string[],
  population: number | undefined,
  explain: boolean,
  notComputable: AscofNotComputable[],
): AscofMeasureRow {
  const measure = code === '2B' ? 'ASCOF 2B' : 'ASCOF 2C';
  const people = explain ? { people: { numerator: [...admitted], denominator: null } } : {};
  if (population === undefined)
    notComputable.push({
      measure,
      reason: `${measure} is per 100,000 of the council's population aged ${band}: pass population['${band}'] (ONS mid-year estimate).`,
    });
  return {
    code,
    measure,
    description: DESCRIPTION[code],
    ageBand: band,
    sex: 'Total',
    numerator: admitted.length,
    denominator: population ?? null,
    outcome: population === undefined ? null : sqlRoundedRate(admitted.length, population, 100_000),
    ...people,
  };
}

function checkPopulation(population: AscofMeasuresOptions['population']): void {
  if (population === undefined) return;
  if (typeof population !== 'object' || population === null)
    throw new TypeError(
      'population must be an object { "18 to 64"?: number, "65 and above"?: number }',
    );
  for (const band of ['18 to 64', '65 and above'] as const) {
    const p = population[band];
    if (p !== undefined && (typeof p !== 'number' || !Number.isFinite(p) || p < 0))
      throw new RangeError(`population['${band}'] must be a non-negative number, got ${String(p)}`);
  }
}

/**
 * ASCOF 2A, 2B, 2C, 2E, 2E LD and 3D (clients and carers) from a prepared CLD main table, by
 * DHSC's provisional 2024/25-onwards method (reference e; `ASCOF_measures/*_2425_Onwards.sql`),
 * for one reporting period. The prepared table should reach 3 months before the period (2A's
 * new-client test; 12 months for 2B/2C's) and 7 days after it (2A's sequels). 2B and 2C are
 * per 100,000 of the ONS population you pass; without it their outcome is `null` and they
 * are listed in `notComputable`, as 2D always is (it needs hospital data CLD does not hold).
 * With `explain: true` each row lists the people in its numerator and denominator, and
 * `clusters2A` every reablement cluster with its sequel type.
 *
 * @example
 * ```ts
 * import { generateClientLevelData } from 'la-assurance/testing';
 * import { checkClientLevelData, prepareClientLevelData, ascofMeasures } from 'la-assurance/client-level-data';
 *
 * const { rows } = generateClientLevelData({ seed: 1, people: 50, periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * const checked = checkClientLevelData(rows);
 * if (!checked.success) throw new Error('rejected');
 * const prepared = prepareClientLevelData(checked.data, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * if (!prepared.success) throw new Error('rejected');
 * const result = ascofMeasures(prepared.data, { year: '2024/25', population: { '18 to 64': 350_000, '65 and above': 120_000 } });
 * const total2A = result.rows.find((r) => r.code === '2A' && r.ageBand === 'Total');
 * total2A?.outcome; // the percentage, e.g. 83.4
 * ```
 */
export function ascofMeasures(
  prepared: PreparedClientLevelData,
  options: AscofMeasuresOptions,
): AscofMeasures {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('options must be an object with year or periodStart/periodEnd');
  const { periodStart, periodEnd, startDay, endDay } = resolvePeriod(options);
  checkPopulation(options.population);
  const explain = options.explain === true;
  const table = groupByPerson(mainTableOf(prepared));
  const facts = personFacts(table);
  const rows: AscofMeasureRow[] = [];
  const notComputable: AscofNotComputable[] = [];

  // 2A counts clusters, so a person can be counted twice.
  const clusters = ascof2AClusters(table, facts, startDay, endDay);
  const counted2A = byBand(
    clusters.filter((c) => c.excluded === null).map((c) => ({ ...c, band: c.ageBand })),
    (c) => c.inDenominator,
    (c) => c.inNumerator,
    (c) => c.personId,
  );
  for (const band of BANDS)
    rows.push(row('2A', 'ASCOF 2A', DESCRIPTION['2A'], band, 'Total', counted2A[band], explain));

  const admissions = newAdmissions(table, facts, startDay, endDay);
  rows.push(
    per100k(
      '2B',
      '18 to 64',
      admissions['18 to 64'],
      options.population?.['18 to 64'],
      explain,
      notComputable,
    ),
  );
  rows.push(
    per100k(
      '2C',
      '65 and above',
      admissions['65 and above'],
      options.population?.['65 and above'],
      explain,
      notComputable,
    ),
  );
  notComputable.push({ measure: 'ASCOF 2D', reason: ASCOF_2D_REASON });

  const unknownCounts: AscofUnknownCount[] = [];
  const cohort2E = ascof2ECohort(table, facts, startDay, endDay);
  for (const ld of [false, true]) {
    const cohort = ld ? ascof2ELearningDisability(cohort2E) : cohort2E;
    rows.push(...rows2E(cohort, ld, explain));
    const unknown = cohort.filter((p) => p.unknownAccommodation).map((p) => p.person);
    unknownCounts.push(
      unknownCount(
        ld ? '2E-LD-unknown-accommodation' : '2E-unknown-accommodation',
        ld ? 'ASCOF 2E LD' : 'ASCOF 2E',
        UNKNOWN_ACCOMMODATION_DESCRIPTION,
        unknown,
        explain,
      ),
    );
  }

  const clients = ascof3DClients(table, facts, endDay);
  const community = (c: (typeof clients)[number]): boolean => c.community;
  const clients1a = byBand(
    clients,
    community,
    (c) => c.selfDirected,
    (c) => c.person,
  );
  const clients2a = byBand(
    clients,
    community,
    (c) => c.directPayment,
    (c) => c.person,
  );
  for (const band of BANDS)
    rows.push(
      row(
        '3D-1a',
        'ASCOF 3D (Clients)',
        DESCRIPTION['3D-1a'],
        band,
        'Total',
        clients1a[band],
        explain,
      ),
    );
  for (const band of BANDS)
    rows.push(
      row(
        '3D-2a',
        'ASCOF 3D (Clients)',
        DESCRIPTION['3D-2a'],
        band,
        'Total',
        clients2a[band],
        explain,
      ),
    );
  unknownCounts.push(
    unknownCount(
      '3D-clients-unknown-delivery-mechanism',
      'ASCOF 3D (Clients)',
      UNKNOWN_DM_DESCRIPTION,
      clients.filter((c) => c.community && c.unknownDeliveryMechanism).map((c) => c.person),
      explain,
    ),
  );

  const carers = ascof3DCarers(table, facts, startDay, endDay);
  const counted = (c: (typeof carers)[number]): boolean =>
    c.support === CARER_SUPPORT.directPayment ||
    c.support === CARER_SUPPORT.managedBudget ||
    c.support === CARER_SUPPORT.commissioned;
  const carers1b = byBand(
    carers,
    counted,
    (c) => c.support === CARER_SUPPORT.directPayment || c.support === CARER_SUPPORT.managedBudget,
    (c) => c.person,
  );
  const carers2b = byBand(
    carers,
    counted,
    (c) => c.support === CARER_SUPPORT.directPayment,
    (c) => c.person,
  );
  for (const band of BANDS)
    rows.push(
      row(
        '3D-1b',
        'ASCOF 3D (Carers)',
        DESCRIPTION['3D-1b'],
        band,
        'Total',
        carers1b[band],
        explain,
      ),
    );
  for (const band of BANDS)
    rows.push(
      row(
        '3D-2b',
        'ASCOF 3D (Carers)',
        DESCRIPTION['3D-2b'],
        band,
        'Total',
        carers2b[band],
        explain,
      ),
    );
  unknownCounts.push(
    unknownCount(
      '3D-carers-unknown-delivery-mechanism',
      'ASCOF 3D (Carers)',
      UNKNOWN_DM_DESCRIPTION,
      carers
        .filter((c) => c.support === CARER_SUPPORT.unknownDeliveryMechanism)
        .map((c) => c.person),
      explain,
    ),
  );

  const result: AscofMeasures = { periodStart, periodEnd, rows, notComputable, unknownCounts };
  return explain ? { ...result, clusters2A: clusters } : result;
}
