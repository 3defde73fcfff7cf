import { describe, expect, it } from 'vitest';
import { informationReturnFiguresFromClientLevelData } from '../../src/client-level-data/bridges/information-return.js';
import {
  CLD_MEASURE_CODES,
  MODELLED_CLD_MEASURE_MAPPING,
  cldMeasuresOfQualityStatement,
  defineCldMeasureMapping,
  qualityStatementsOfCldMeasure,
} from '../../src/client-level-data/bridges/quality-statements.js';
import { validateInformationReturn } from '../../src/information-return/validate.js';
import { MODELLED_FORMAL_TEMPLATE } from '../../src/information-return/templates.js';
import { defineInformationReturnTemplate } from '../../src/information-return/define-template.js';
import type { MainTableEvent } from '../../src/client-level-data/model.js';
import {
  event,
  frozen,
  person,
  preparedTable as prepared,
  serviceType,
} from './support/main-table.js';

const PERIOD = { from: '2024-04-01', to: '2025-03-31' } as const;
const figure = (
  result: ReturnType<typeof informationReturnFiguresFromClientLevelData>,
  id: string,
) => result.figures.find((f) => f.id === id)?.value;

describe('informationReturnFiguresFromClientLevelData [modelled]', () => {
  // Each person is separate (no request links to another's assessment), so no waits here.
  const EVENTS: MainTableEvent[] = [
    event('Request', {
      ...person('R1'),
      Event_Start_Date: '2024-05-01',
      Event_End_Date: '2024-05-01',
    }), // request in period: 1
    event('Request', {
      ...person('R2'),
      Event_Start_Date: '2025-03-30',
      Event_End_Date: '2025-04-02',
    }), // ends after the period
    event('Request', {
      ...person('R3'),
      Client_Type_Cleaned: 'Unpaid carer',
      Event_End_Date: '2024-06-01',
    }), // a carer's: not counted
    event('Assessment', {
      ...person('A1'),
      Event_Start_Date: '2024-05-20',
      Event_End_Date: '2024-06-01',
    }), // assessments: 1
    event('Assessment', {
      ...person('A2'),
      Client_Type_Cleaned: 'Unpaid carer',
      Event_End_Date: '2024-07-01',
    }), // carer assessments: 1
    event('Assessment', {
      ...person('A3'),
      Client_Type_Cleaned: 'Unpaid carer known by association',
      Event_Start_Date: '2024-03-01',
      Event_End_Date: '2024-03-31',
    }), // before the period
    event('Review', {
      ...person('V1'),
      Event_Start_Date: '2025-03-31',
      Event_End_Date: '2025-03-31',
    }), // reviews: 1
    // Long-term support: A (DP, open), B (ended on the first day), C (DP by component, starts on the last day).
    event('Service', {
      ...person('A'),
      ...serviceType('Long term support: Community'),
      Delivery_Mechanism_Cleaned: 'Direct payment',
      Event_Start_Date: '2024-01-01',
      Event_End_Date: null,
    }),
    event('Service', {
      ...person('B'),
      ...serviceType('Long term support: Residential care'),
      Event_Start_Date: '2023-01-01',
      Event_End_Date: '2024-04-01',
    }),
    event('Service', {
      ...person('C'),
      ...serviceType('Long term support: Community'),
      Service_Component_Cleaned: 'Direct payment',
      Event_Start_Date: '2025-03-31',
      Event_End_Date: null,
    }),
    // A carer's direct payment: not a service user's.
    event('Service', {
      ...person('D'),
      Client_Type_Cleaned: 'Unpaid carer',
      ...serviceType('Unpaid carer support: Direct to unpaid carer'),
      Delivery_Mechanism_Cleaned: 'Direct payment',
      Event_Start_Date: '2024-06-01',
      Event_End_Date: null,
    }),
    // ST-Max is short-term: not in long-term support.
    event('Service', {
      ...person('E'),
      ...serviceType('Short term support: ST-Max'),
      Event_Start_Date: '2024-06-01',
      Event_End_Date: '2024-07-01',
    }),
  ];

  it('counts events completed in the period and people in long-term support (hand-counted)', () => {
    const result = informationReturnFiguresFromClientLevelData(frozen(prepared(EVENTS)), PERIOD);
    expect(result.status).toBe('modelled');
    expect(result.figures.map((f) => [f.id, f.value])).toEqual([
      ['as-at', '2025-03-31'],
      ['requests', 1],
      ['assessments', 1],
      ['carer-assessments', 1],
      ['reviews', 1],
      ['people-in-long-term-support', 3], // A, B, C
      ['people-in-long-term-support-at-end', 2], // A, C
      ['people-with-direct-payment', 2], // A, C
      ['median-wait-first-response', null],
      ['median-wait-first-service', null],
    ]);
    // R1 and P1 of the modelled formal template are data items of the same types.
    expect(result.responses).toEqual({ R1: { value: '2025-03-31' }, P1: { value: 2 } });
    expect(result.template).toEqual({ id: 'modelled-formal-2023-12', version: '1' });
  });

  it('its responses are valid answers of the template', () => {
    const { responses } = informationReturnFiguresFromClientLevelData(prepared(EVENTS), PERIOD);
    const validation = validateInformationReturn(
      { template: { id: MODELLED_FORMAL_TEMPLATE.id, version: '1' }, responses },
      MODELLED_FORMAL_TEMPLATE,
    );
    // Other required items are missing, but the two CLD answers raise no issue of their own.
    expect(validation.success).toBe(false);
    const issues = validation.success ? [] : validation.issues;
    expect(issues.some((i) => i.code === 'missing-required-item')).toBe(true);
    expect(issues.filter((i) => i.itemId === 'R1' || i.itemId === 'P1')).toEqual([]);
  });

  it('medians of the waits whose response event started in the period (DHSC method)', () => {
    // W1: R 2024-04-01 → A 2024-04-11 (10) → S 2024-04-21 (20).
    // W2: R 2025-03-20 → A 2025-04-05: response after the period, not counted.
    // W3: R 2024-06-01 → A 2024-06-05 (4) → S 2024-06-30 (29).
    // W4: band Unknown → not reported, not counted.
    // First response {4, 10} → 7; first service {20, 29} → 24.5.
    const journey = (
      id: string,
      dates: readonly string[],
      extra: Partial<MainTableEvent> = {},
    ): MainTableEvent[] => [
      event('Request', {
        ...person(id),
        ...extra,
        Event_Start_Date: dates[0]!,
        Event_End_Date: dates[0]!,
      }),
      event('Assessment', {
        ...person(id),
        ...extra,
        Event_Start_Date: dates[1]!,
        Event_End_Date: dates[1]!,
      }),
      ...(dates[2] === undefined
        ? []
        : [
            event('Service', {
              ...person(id),
              ...extra,
              Event_Start_Date: dates[2],
              Event_End_Date: null,
            }),
          ]),
    ];
    const events = [
      ...journey('W1', ['2024-04-01', '2024-04-11', '2024-04-21']),
      ...journey('W2', ['2025-03-20', '2025-04-05']),
      ...journey('W3', ['2024-06-01', '2024-06-05', '2024-06-30']),
      ...journey('W4', ['2024-07-01', '2024-07-31'], { Der_Working_Age_Band: 'Unknown' }),
    ];
    const result = informationReturnFiguresFromClientLevelData(prepared(events), PERIOD);
    expect(figure(result, 'median-wait-first-response')).toBe(7);
    expect(figure(result, 'median-wait-first-service')).toBe(24.5);
  });

  it('maps figures to your own items, only where the item is a data item of the same type', () => {
    const template = defineInformationReturnTemplate({
      ...MODELLED_FORMAL_TEMPLATE,
      id: 'anyshire',
      items: [
        ...MODELLED_FORMAL_TEMPLATE.items,
        {
          id: 'WT1',
          section: 'data',
          title: 'Median wait to assessment',
          kind: 'data',
          qualityStatements: ['assessing-needs'],
          required: false,
          value: { type: 'days' },
        },
      ],
    });
    const events = [
      event('Request', { Event_Start_Date: '2024-04-01' }),
      event('Assessment', { Event_Start_Date: '2024-04-09' }),
    ];
    const result = informationReturnFiguresFromClientLevelData(prepared(events), {
      ...PERIOD,
      template,
      items: {
        'median-wait-first-response': 'WT1',
        'median-wait-first-service': 'W1',
        'people-with-direct-payment': null,
      },
    });
    expect(result.responses).toEqual({ R1: { value: '2025-03-31' }, WT1: { value: 8 } });
    // W1 is a table: no answer.
    expect(
      result.figures.find((f) => f.id === 'median-wait-first-service')?.templateItemId,
    ).toBeNull();
  });

  it('rejects a bad period as programmer misuse', () => {
    expect(() =>
      informationReturnFiguresFromClientLevelData(prepared([]), {
        from: '2025-04-01',
        to: '2025-03-31',
      }),
    ).toThrow(RangeError);
  });
});

describe('CLD measures → quality statements [modelled]', () => {
  it('the modelled mapping maps every measure once to known quality statements', () => {
    expect(MODELLED_CLD_MEASURE_MAPPING.status).toBe('modelled');
    expect(MODELLED_CLD_MEASURE_MAPPING.entries.map((e) => e.code).sort()).toEqual(
      [...CLD_MEASURE_CODES].sort(),
    );
    expect(defineCldMeasureMapping(MODELLED_CLD_MEASURE_MAPPING)).toEqual(
      MODELLED_CLD_MEASURE_MAPPING,
    );
    expect(Object.isFrozen(MODELLED_CLD_MEASURE_MAPPING.entries[0]!.qualityStatements)).toBe(true);
  });

  it('looks up both ways', () => {
    expect(qualityStatementsOfCldMeasure('WT-first-response')).toEqual(['assessing-needs']);
    expect(cldMeasuresOfQualityStatement('safe-systems-pathways-and-transitions')).toEqual(['2D']);
    expect(cldMeasuresOfQualityStatement('safeguarding')).toEqual([]);
  });

  it('takes your own mapping, checked', () => {
    const mine = defineCldMeasureMapping({
      id: 'anyshire',
      status: 'modelled',
      source: 'Anyshire',
      entries: [
        {
          code: '2A',
          measure: 'ASCOF 2A',
          qualityStatements: ['safe-systems-pathways-and-transitions'],
          rationale: 'Our reading',
        },
      ],
    });
    expect(qualityStatementsOfCldMeasure('2A', mine)).toEqual([
      'safe-systems-pathways-and-transitions',
    ]);
    expect(qualityStatementsOfCldMeasure('2B', mine)).toEqual([]);
    expect(() =>
      defineCldMeasureMapping({
        id: 'bad',
        status: 'modelled',
        source: 'x',
        entries: [
          {
            code: '9Z' as never,
            measure: '',
            qualityStatements: ['assessing-needs'],
            rationale: '',
          },
          { code: '2A', measure: '', qualityStatements: ['caring' as never], rationale: '' },
          { code: '2A', measure: '', qualityStatements: [], rationale: '' },
        ],
      }),
    ).toThrow(
      /unknown measure "9Z".*unknown quality statement "caring".*2A is mapped twice.*empty/,
    );
  });
});
