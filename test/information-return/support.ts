import {
  defineInformationReturnTemplate,
  type InformationReturnTemplate,
} from '../../src/information-return/index.js';

/** A template exercising every item kind and value type, with tight bounds (test fixture). */
export const EVERY_KIND_TEMPLATE: InformationReturnTemplate = defineInformationReturnTemplate({
  id: 'test-every-kind',
  version: '2',
  title: 'Every kind',
  status: 'official',
  effectiveFrom: '2024-04-01',
  sections: [{ id: 's', title: 'Section' }],
  items: [
    {
      id: 'doc',
      section: 's',
      title: 'A document',
      kind: 'document',
      qualityStatements: ['safeguarding'],
      required: true,
    },
    {
      id: 'text',
      section: 's',
      title: 'Some text',
      kind: 'narrative',
      qualityStatements: [],
      required: true,
      minLength: 3,
      maxLength: 40,
    },
    {
      id: 'count',
      section: 's',
      title: 'A count',
      kind: 'data',
      qualityStatements: ['assessing-needs'],
      required: true,
      value: { type: 'count', min: 1, max: 10, unit: 'people' },
    },
    {
      id: 'pct',
      section: 's',
      title: 'A percentage',
      kind: 'data',
      qualityStatements: [],
      required: false,
      value: { type: 'percentage' },
    },
    {
      id: 'days',
      section: 's',
      title: 'Days',
      kind: 'data',
      qualityStatements: [],
      required: false,
      value: { type: 'days', max: 365 },
    },
    {
      id: 'money',
      section: 's',
      title: 'Money',
      kind: 'data',
      qualityStatements: [],
      required: false,
      value: { type: 'money', min: -1000, max: 1000 },
    },
    {
      id: 'date',
      section: 's',
      title: 'A date',
      kind: 'data',
      qualityStatements: [],
      required: false,
      value: { type: 'date' },
    },
    {
      id: 'choice',
      section: 's',
      title: 'A choice',
      kind: 'data',
      qualityStatements: [],
      required: false,
      value: { type: 'enum', options: ['yes', 'no'] },
    },
    {
      id: 'table',
      section: 's',
      title: 'A table',
      kind: 'table',
      qualityStatements: ['partnerships-and-communities'],
      required: false,
      minRows: 1,
      maxRows: 3,
      columns: [
        { id: 'name', title: 'Name', required: true, value: { type: 'enum', options: ['a', 'b'] } },
        { id: 'n', title: 'N', required: false, value: { type: 'count' } },
      ],
    },
    {
      id: 'cases',
      section: 's',
      title: 'Cases',
      kind: 'case-list',
      qualityStatements: ['assessing-needs'],
      required: false,
      minRows: 1,
      maxRows: 5,
    },
  ],
});

/** A valid case record (fields from the case-record model of la-assurance/case-tracking). */
export const CASE = {
  id: 'C-1',
  age: 82,
  primarySupportReason: 'physical-support',
  ethnicity: 'white',
  setting: 'community',
  unpaidCarer: true,
  hospitalDischarge: false,
  safeguardingEnquiry: false,
  directPayment: false,
  transition: false,
} as const;

/** A minimal valid submission to EVERY_KIND_TEMPLATE (required items only). */
export function minimalSubmission(): Record<string, unknown> {
  return {
    template: { id: 'test-every-kind', version: '2' },
    responses: {
      doc: { document: { title: 'Annual report', link: 'https://example.org/report.pdf' } },
      text: { text: 'Our view' },
      count: { value: 4 },
    },
  };
}
