import {
  QUALITY_STATEMENT_IDS,
  type QualityStatementId,
} from '../../framework/quality-statements.js';
import { deepFreeze } from '../../internal/deep-freeze.js';

/**
 * The measures la-assurance computes, or reports, from CLD: DHSC's ASCOF codes (2D is not
 * computable from CLD alone: it needs hospital data) and the two waiting times.
 *
 * @example
 * ```ts
 * import { CLD_MEASURE_CODES } from 'la-assurance/client-level-data';
 *
 * CLD_MEASURE_CODES.includes('3D-2a'); // true
 * ```
 */
export const CLD_MEASURE_CODES = [
  '2A',
  '2B',
  '2C',
  '2D',
  '2E',
  '2E-LD',
  '3D-1a',
  '3D-1b',
  '3D-2a',
  '3D-2b',
  'WT-first-response',
  'WT-first-service',
] as const;

/**
 * A CLD measure code (see {@link CLD_MEASURE_CODES}).
 */
export type CldMeasureCode = (typeof CLD_MEASURE_CODES)[number];

/**
 * One measure and the quality statements it informs, with the reason.
 */
export interface CldMeasureQualityStatements {
  /** The measure. */
  readonly code: CldMeasureCode;
  /** DHSC's name of the measure. */
  readonly measure: string;
  /** The quality statements it informs (at least one). */
  readonly qualityStatements: readonly QualityStatementId[];
  /** Why. */
  readonly rationale: string;
}

/**
 * A mapping of CLD measures to quality statements: la-assurance's modelled one, or your own.
 */
export interface CldMeasureMapping {
  /** Id of the mapping. */
  readonly id: string;
  /** `official` when published by CQC; `modelled` otherwise. */
  readonly status: 'official' | 'modelled';
  /** Where it comes from. */
  readonly source: string;
  /** One entry per mapped measure (a measure may be left out: it then informs nothing). */
  readonly entries: readonly CldMeasureQualityStatements[];
}

/**
 * [modelled] Which quality statements each CLD measure informs. CQC has not published a
 * mapping from ASCOF or the waiting times to its quality statements; this one is
 * la-assurance's reading of what each measure is about. Replace it with
 * {@link defineCldMeasureMapping}.
 *
 * @example
 * ```ts
 * import { MODELLED_CLD_MEASURE_MAPPING } from 'la-assurance/client-level-data';
 *
 * MODELLED_CLD_MEASURE_MAPPING.status; // 'modelled'
 * ```
 */
export const MODELLED_CLD_MEASURE_MAPPING: CldMeasureMapping = deepFreeze({
  id: 'la-assurance-modelled-cld-measures-2025',
  status: 'modelled',
  source:
    'la-assurance: each ASCOF measure and DHSC waiting time read against the wording of CQC’s nine quality statements for local authorities (CQC has published no such mapping).',
  entries: [
    {
      code: '2A',
      measure: 'ASCOF 2A',
      qualityStatements: [
        'supporting-people-to-live-healthier-lives',
        'care-provision-integration-and-continuity',
      ],
      rationale:
        'Reablement that leaves people needing no further support is prevention and independence.',
    },
    {
      code: '2B',
      measure: 'ASCOF 2B',
      qualityStatements: [
        'supporting-people-to-live-healthier-lives',
        'care-provision-integration-and-continuity',
      ],
      rationale:
        'Admissions of younger adults to care homes: how far needs are met at home and delayed.',
    },
    {
      code: '2C',
      measure: 'ASCOF 2C',
      qualityStatements: [
        'supporting-people-to-live-healthier-lives',
        'care-provision-integration-and-continuity',
      ],
      rationale:
        'Admissions of older people to care homes: how far needs are met at home and delayed.',
    },
    {
      code: '2D',
      measure: 'ASCOF 2D',
      qualityStatements: [
        'safe-systems-pathways-and-transitions',
        'supporting-people-to-live-healthier-lives',
      ],
      rationale:
        'Older people still at home after hospital discharge into reablement: safe discharge pathways.',
    },
    {
      code: '2E',
      measure: 'ASCOF 2E',
      qualityStatements: ['care-provision-integration-and-continuity'],
      rationale: 'People in long-term support living in their own home or with family.',
    },
    {
      code: '2E-LD',
      measure: 'ASCOF 2E LD',
      qualityStatements: [
        'care-provision-integration-and-continuity',
        'equity-in-experience-and-outcomes',
      ],
      rationale:
        'The same for people with a learning disability: whether one group’s outcomes lag.',
    },
    {
      code: '3D-1a',
      measure: 'ASCOF 3D (Clients)',
      qualityStatements: ['assessing-needs', 'care-provision-integration-and-continuity'],
      rationale: 'Self-directed support: choice and control in planning a person’s care.',
    },
    {
      code: '3D-2a',
      measure: 'ASCOF 3D (Clients)',
      qualityStatements: ['assessing-needs', 'care-provision-integration-and-continuity'],
      rationale: 'Direct payments: choice and control over how care is provided.',
    },
    {
      code: '3D-1b',
      measure: 'ASCOF 3D (Carers)',
      qualityStatements: ['assessing-needs', 'supporting-people-to-live-healthier-lives'],
      rationale:
        'Self-directed support for unpaid carers, whose needs the council assesses and supports.',
    },
    {
      code: '3D-2b',
      measure: 'ASCOF 3D (Carers)',
      qualityStatements: ['assessing-needs', 'supporting-people-to-live-healthier-lives'],
      rationale: 'Direct payments to unpaid carers.',
    },
    {
      code: 'WT-first-response',
      measure: 'Wait time to first response',
      qualityStatements: ['assessing-needs'],
      rationale:
        'How long people wait for an assessment (or other first response) after asking for support.',
    },
    {
      code: 'WT-first-service',
      measure: 'Wait time to first service',
      qualityStatements: ['assessing-needs', 'care-provision-integration-and-continuity'],
      rationale: 'How long people wait for a service once they have asked for support.',
    },
  ],
} satisfies CldMeasureMapping);

const QS = new Set<string>(QUALITY_STATEMENT_IDS);
const CODES = new Set<string>(CLD_MEASURE_CODES);

/**
 * Checks and freezes your own mapping of CLD measures to quality statements (a copy: the
 * input is not changed).
 *
 * @throws RangeError listing every unknown measure code or quality statement id, and every
 *   measure mapped twice or to no statement (a mapping is configuration: a mistake in it is
 *   a programmer error).
 * @example
 * ```ts
 * import { defineCldMeasureMapping, qualityStatementsOfCldMeasure } from 'la-assurance/client-level-data';
 *
 * const mapping = defineCldMeasureMapping({
 *   id: 'anyshire', status: 'modelled', source: 'Anyshire performance team',
 *   entries: [{ code: 'WT-first-response', measure: 'Wait time to first response', qualityStatements: ['assessing-needs'], rationale: 'Waiting for assessment' }],
 * });
 * qualityStatementsOfCldMeasure('WT-first-response', mapping); // ['assessing-needs']
 * ```
 */
export function defineCldMeasureMapping(mapping: CldMeasureMapping): CldMeasureMapping {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of mapping.entries.entries()) {
    if (!CODES.has(entry.code))
      problems.push(`entries[${i}].code: unknown measure ${JSON.stringify(entry.code)}`);
    else if (seen.has(entry.code))
      problems.push(`entries[${i}].code: ${entry.code} is mapped twice`);
    seen.add(entry.code);
    if (entry.qualityStatements.length === 0)
      problems.push(`entries[${i}].qualityStatements: empty; leave the measure out instead`);
    for (const qs of entry.qualityStatements)
      if (!QS.has(qs))
        problems.push(
          `entries[${i}].qualityStatements: unknown quality statement ${JSON.stringify(qs)}`,
        );
  }
  if (problems.length > 0)
    throw new RangeError(`Invalid CLD measure mapping: ${problems.join('; ')}`);
  return deepFreeze(structuredClone(mapping));
}

/**
 * The quality statements a CLD measure informs under a mapping (default: the modelled one).
 *
 * @example
 * ```ts
 * import { qualityStatementsOfCldMeasure } from 'la-assurance/client-level-data';
 *
 * qualityStatementsOfCldMeasure('2D'); // ['safe-systems-pathways-and-transitions', 'supporting-people-to-live-healthier-lives']
 * ```
 */
export function qualityStatementsOfCldMeasure(
  code: CldMeasureCode,
  mapping: CldMeasureMapping = MODELLED_CLD_MEASURE_MAPPING,
): readonly QualityStatementId[] {
  return mapping.entries.find((e) => e.code === code)?.qualityStatements ?? [];
}

/**
 * The CLD measures that inform a quality statement under a mapping (default: the modelled
 * one), in the mapping's order.
 *
 * @example
 * ```ts
 * import { cldMeasuresOfQualityStatement } from 'la-assurance/client-level-data';
 *
 * cldMeasuresOfQualityStatement('assessing-needs'); // ['3D-1a', '3D-2a', '3D-1b', '3D-2b', 'WT-first-response', 'WT-first-service']
 * ```
 */
export function cldMeasuresOfQualityStatement(
  qualityStatement: QualityStatementId,
  mapping: CldMeasureMapping = MODELLED_CLD_MEASURE_MAPPING,
): readonly CldMeasureCode[] {
  return mapping.entries
    .filter((e) => e.qualityStatements.includes(qualityStatement))
    .map((e) => e.code);
}
