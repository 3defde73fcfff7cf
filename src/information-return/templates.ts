import type { QualityStatementId } from '../framework/quality-statements.js';
import type { IsoDate } from '../timeline/iso-date.js';
import { deepFreeze } from '../internal/deep-freeze.js';
import type { InformationReturnTemplate, TemplateItem, TemplateSection } from './model.js';

// [modelled] CQC's item list, numbering and data tables are not public (domain README §4).
// These templates are built from what CQC has published about the return's structure
// (key documents, data, a self-assessment, and in the pilot a list of 50 cases) and name
// the documents and measures councils already produce. Every id starts `modelled-`.

const QS = {
  assess: 'assessing-needs',
  healthier: 'supporting-people-to-live-healthier-lives',
  equity: 'equity-in-experience-and-outcomes',
  care: 'care-provision-integration-and-continuity',
  partners: 'partnerships-and-communities',
  safeSystems: 'safe-systems-pathways-and-transitions',
  safeguarding: 'safeguarding',
  governance: 'governance-management-and-sustainability',
  learning: 'learning-improvement-and-innovation',
} as const satisfies Record<string, QualityStatementId>;

const SECTIONS: readonly TemplateSection[] = [
  {
    id: 'self-assessment',
    title: 'Self-assessment',
    description: 'The council’s own view of its performance, one narrative per theme.',
  },
  {
    id: 'key-documents',
    title: 'Key documents',
    description: 'Give a link or a file; pointing to a section of an existing document is fine.',
  },
  {
    id: 'data',
    title: 'Data',
    description: 'Figures for the latest complete year, or as at the date in R1.',
  },
];

const NARRATIVE_MAX = 20_000;

const doc = (
  id: string,
  title: string,
  qualityStatements: readonly QualityStatementId[],
  required = true,
): TemplateItem => ({
  id,
  section: 'key-documents',
  title,
  kind: 'document',
  qualityStatements,
  required,
});

const count = (
  id: string,
  title: string,
  unit: string,
  qualityStatements: readonly QualityStatementId[],
  required = true,
): TemplateItem => ({
  id,
  section: 'data',
  title,
  kind: 'data',
  qualityStatements,
  required,
  value: { type: 'count', unit },
});

const percentage = (
  id: string,
  title: string,
  qualityStatements: readonly QualityStatementId[],
  required = true,
): TemplateItem => ({
  id,
  section: 'data',
  title,
  kind: 'data',
  qualityStatements,
  required,
  value: { type: 'percentage' },
});

const FORMAL_ITEMS: readonly TemplateItem[] = [
  {
    id: 'SA1',
    section: 'self-assessment',
    title: 'Self-assessment: Working with people',
    kind: 'narrative',
    qualityStatements: [QS.assess, QS.healthier, QS.equity],
    required: true,
    maxLength: NARRATIVE_MAX,
    description: 'Strengths, areas for improvement and plans for quality statements 1–3.',
  },
  {
    id: 'SA2',
    section: 'self-assessment',
    title: 'Self-assessment: Providing support',
    kind: 'narrative',
    qualityStatements: [QS.care, QS.partners],
    required: true,
    maxLength: NARRATIVE_MAX,
    description: 'Strengths, areas for improvement and plans for quality statements 4–5.',
  },
  {
    id: 'SA3',
    section: 'self-assessment',
    title: 'Self-assessment: Ensuring safety within the system',
    kind: 'narrative',
    qualityStatements: [QS.safeSystems, QS.safeguarding],
    required: true,
    maxLength: NARRATIVE_MAX,
    description: 'Strengths, areas for improvement and plans for quality statements 6–7.',
  },
  {
    id: 'SA4',
    section: 'self-assessment',
    title: 'Self-assessment: Leadership',
    kind: 'narrative',
    qualityStatements: [QS.governance, QS.learning],
    required: true,
    maxLength: NARRATIVE_MAX,
    description: 'Strengths, areas for improvement and plans for quality statements 8–9.',
  },
  doc('D1', 'Market position statement', [QS.care, QS.partners]),
  doc('D2', 'Commissioning and market-shaping strategy', [QS.care]),
  doc('D3', 'Carers strategy', [QS.assess, QS.healthier]),
  doc('D4', 'Safeguarding adults board annual report', [QS.safeguarding]),
  doc('D5', 'Workforce strategy', [QS.governance]),
  doc('D6', 'Prevention strategy', [QS.healthier]),
  doc('D7', 'Transitions policy (preparing for adulthood)', [QS.safeSystems]),
  doc('D8', 'Equality, diversity and inclusion strategy or plan', [QS.equity], false),
  doc('D9', 'Adult social care strategy or plan', [QS.governance, QS.learning], false),
  doc('D10', 'Complaints and compliments annual report', [QS.learning], false),
  {
    id: 'R1',
    section: 'data',
    title: 'Date the figures are as at',
    kind: 'data',
    qualityStatements: [],
    required: true,
    value: { type: 'date' },
  },
  {
    id: 'W1',
    section: 'data',
    title: 'People awaiting assessment and review, and how long',
    kind: 'table',
    qualityStatements: [QS.assess],
    required: true,
    minRows: 1,
    maxRows: 10,
    columns: [
      {
        id: 'stage',
        title: 'Stage',
        required: true,
        value: {
          type: 'enum',
          options: [
            'care-act-assessment',
            'carers-assessment',
            'occupational-therapy-assessment',
            'review',
            'financial-assessment',
          ],
        },
      },
      {
        id: 'waiting',
        title: 'People waiting',
        required: true,
        value: { type: 'count', unit: 'people' },
      },
      { id: 'medianDays', title: 'Median wait', required: true, value: { type: 'days' } },
      { id: 'longestDays', title: 'Longest wait', required: false, value: { type: 'days' } },
    ],
  },
  count('S1', 'Safeguarding concerns received in the last 12 months', 'concerns', [
    QS.safeguarding,
  ]),
  count('S2', 'Section 42 safeguarding enquiries started in the last 12 months', 'enquiries', [
    QS.safeguarding,
  ]),
  percentage(
    'S3',
    'Section 42 enquiries where the person was asked about their desired outcomes',
    [QS.safeguarding],
    false,
  ),
  count(
    'L1',
    'Deprivation of Liberty Safeguards applications received in the last 12 months',
    'applications',
    [QS.safeguarding],
  ),
  count(
    'L2',
    'Deprivation of Liberty Safeguards applications awaiting a decision',
    'applications',
    [QS.safeguarding],
  ),
  count('P1', 'People receiving a direct payment', 'people', [QS.care]),
  percentage('P2', 'People receiving long-term community support who get a direct payment', [
    QS.care,
  ]),
  count('H1', 'People discharged from hospital into reablement in the last 12 months', 'people', [
    QS.safeSystems,
  ]),
  percentage('H2', 'Older people still at home 91 days after discharge into reablement', [
    QS.safeSystems,
    QS.healthier,
  ]),
  {
    id: 'F1',
    section: 'data',
    title: 'Net adult social care budget for the current year',
    kind: 'data',
    qualityStatements: [QS.governance],
    required: false,
    value: { type: 'money' },
  },
  {
    id: 'G1',
    section: 'data',
    title: 'Principal social worker for adults in post',
    kind: 'data',
    qualityStatements: [QS.governance],
    required: true,
    value: { type: 'enum', options: ['yes', 'interim', 'vacant'] },
  },
  {
    id: 'E1',
    section: 'data',
    title: 'Partnership and co-production arrangements',
    kind: 'narrative',
    qualityStatements: [QS.partners, QS.equity],
    required: false,
    maxLength: 5_000,
    description: 'How people who use services and carers shape services; key partnership boards.',
  },
];

/**
 * [modelled] An information return template for CQC's formal assessment programme (from
 * 8 December 2023, when CQC first published the return's content): a self-assessment per
 * theme (SA1–SA4), key documents (D1–D10), and data (R1, W1, S1–S3, L1–L2, P1–P2, H1–H2,
 * F1, G1, E1). Built by la-assurance from what CQC has published; **not CQC's item list**
 * (that is not public). Load the official list with `defineInformationReturnTemplate`.
 *
 * @example
 * ```ts
 * import { MODELLED_FORMAL_TEMPLATE } from 'la-assurance/information-return';
 *
 * MODELLED_FORMAL_TEMPLATE.items.find((i) => i.id === 'D4')?.title; // 'Safeguarding adults board annual report'
 * ```
 */
export const MODELLED_FORMAL_TEMPLATE: InformationReturnTemplate = deepFreeze({
  id: 'modelled-formal-2023-12',
  version: '1',
  title:
    'Information return, formal assessment programme (modelled by la-assurance, not CQC’s item list)',
  status: 'modelled',
  effectiveFrom: '2023-12-08' as IsoDate,
  source:
    'Modelled from CQC’s published description of the information return (Dec 2023): key documents, data and a self-assessment, items tagged with the quality statements they evidence. Item ids, titles, measures and limits are la-assurance’s.',
  sections: SECTIONS,
  items: FORMAL_ITEMS,
});

/**
 * [modelled] An information return template for CQC's pilot assessments (May–November
 * 2023): the formal template's items plus the list of 50 cases councils pulled for case
 * tracking (C1, exactly 50 case records) and the reflective logs for the 10 cases CQC
 * shortlisted from them (C2). **Not CQC's item list**: the pilot return asked for
 * documents under 48 categories, 50 cases and reflective logs for 10 of them (LGA research,
 * domain reference §10); this template models it with fewer items (the formal template's
 * plus C1 and C2).
 *
 * @example
 * ```ts
 * import { MODELLED_PILOT_TEMPLATE } from 'la-assurance/information-return';
 *
 * MODELLED_PILOT_TEMPLATE.items.find((i) => i.id === 'C1')?.kind; // 'case-list'
 * ```
 */
export const MODELLED_PILOT_TEMPLATE: InformationReturnTemplate = deepFreeze({
  id: 'modelled-pilot-2023',
  version: '1',
  title:
    'Information return, pilot assessments 2023 (modelled by la-assurance, not CQC’s item list)',
  status: 'modelled',
  effectiveFrom: '2023-05-01' as IsoDate,
  effectiveTo: '2023-12-07' as IsoDate,
  source:
    'Modelled: as the formal template, plus the 50 case records pilot councils sourced for case tracking (published in CQC’s pilot reports, Nov 2023) and reflective logs for 10 of them (LGA research on the pilot return: documents under 48 categories, 50 cases, reflective logs for 10). Fewer items than the pilot return had.',
  sections: [
    ...SECTIONS,
    {
      id: 'cases',
      title: 'Case tracking',
      description: 'People’s records for CQC to choose from for case tracking.',
    },
  ],
  items: [
    ...FORMAL_ITEMS,
    {
      id: 'C1',
      section: 'cases',
      title: 'Case list for case tracking (50 cases)',
      kind: 'case-list',
      qualityStatements: [QS.assess, QS.care, QS.safeSystems],
      required: true,
      minRows: 50,
      maxRows: 50,
      description:
        'Fifty pseudonymous case records meeting the case-tracking criteria (la-assurance/case-tracking can select them).',
    },
    {
      // Observed (LGA research on the pilots, domain reference §10): reflective logs for 10 of the 50 cases.
      id: 'C2',
      section: 'cases',
      title: 'Reflective logs for the 10 shortlisted cases',
      kind: 'document',
      qualityStatements: [QS.assess, QS.care, QS.safeSystems],
      required: true,
      description:
        'One reflective log per case CQC shortlisted from C1 (10 cases), each titled with the case’s id in C1 (the case-tracking shortlist id): what happened, what went well, what the council would do differently.',
    },
  ],
});

/**
 * The modelled templates shipped with the library, newest first.
 *
 * @example
 * ```ts
 * import { MODELLED_TEMPLATES } from 'la-assurance/information-return';
 *
 * MODELLED_TEMPLATES.map((t) => t.id); // ['modelled-formal-2023-12', 'modelled-pilot-2023']
 * ```
 */
export const MODELLED_TEMPLATES: readonly InformationReturnTemplate[] = Object.freeze([
  MODELLED_FORMAL_TEMPLATE,
  MODELLED_PILOT_TEMPLATE,
]);
