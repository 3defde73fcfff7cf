// Fuzz suite (issue 15): every exported function that takes external data, fed fast-check's
// anything() plus hostile values (throwing getters, Proxies, revoked Proxies, huge sparse
// arrays, BigInt, symbols, cyclic and null-prototype objects, __proto__/constructor keys,
// 10k-deep nesting), frozen or not. Asserts: a safe function never throws, pollutes no
// prototype, and leaves its input exactly as it was.
//
// Runs: FUZZ_RUNS per property (60 by default, so `npm test` stays fast); a longer run:
//   FUZZ_RUNS=5000 npx vitest run test/hardening/fuzz.test.ts
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  safeScoreAssessment,
  safeScoreEvidenceCategories,
  validateEvidenceCategoryScores,
  validateQualityStatementScores,
} from '../../src/scoring/index.js';
import {
  isIsoDate,
  safeComputeAssessmentTimeline,
  validateAssessmentTimelineInput,
} from '../../src/timeline/index.js';
import {
  safePlanProgramme,
  safeScoreCouncil,
  safeSelectTranche,
  validateCouncilProfile,
  validateCouncilProfiles,
} from '../../src/tranche/index.js';
import {
  safeParseCaseRecord,
  isCaseRecord,
  prepareCasePopulation,
  safeSelectCaseSample,
} from '../../src/case-tracking/index.js';
import {
  MODELLED_FORMAL_TEMPLATE,
  safeDefineInformationReturnTemplate,
  validateInformationReturn,
} from '../../src/information-return/index.js';
import { applyReportEvent, replayReport, safeParseReport } from '../../src/report/index.js';
import { findCouncil, resolveCouncil } from '../../src/councils/index.js';
import { checkClientLevelData } from '../../src/client-level-data/index.js';
import { findQualityStatement, findTheme } from '../../src/framework/index.js';
import { describeValue } from '../../src/internal/describe.js';
import {
  build,
  deepFreezeHostile,
  FUZZ_RUNS,
  HOSTILE,
  inputRecipe,
  revokedProxy,
  snapshot,
  throwingGetter,
  throwingProxy,
} from './hostile.js';

const DATE = '2023-12-04';
/** A valid CLD row: its headings make the check's plan, so the next row's values are read. */
const CLD_ROW = Object.freeze({
  LA_Code: 'X01',
  LA_Person_Unique_Identifier: 'A',
  Client_Type: 'Service user',
  Event_Type: 'Service',
  Event_Start_Date: '2024-06-01',
  Event_End_Date: '',
  Service_Type: 'Long term support: Community',
});

/** A function under test: its name and how to call it with one external value. */
interface Target {
  readonly name: string;
  readonly call: (input: unknown) => unknown;
}

const SAFE: readonly Target[] = [
  { name: 'safeScoreAssessment', call: (v) => safeScoreAssessment(v) },
  { name: 'validateQualityStatementScores', call: (v) => validateQualityStatementScores(v) },
  { name: 'safeScoreEvidenceCategories', call: (v) => safeScoreEvidenceCategories(v) },
  { name: 'validateEvidenceCategoryScores', call: (v) => validateEvidenceCategoryScores(v) },
  { name: 'validateCouncilProfile', call: (v) => validateCouncilProfile(v) },
  { name: 'validateCouncilProfiles', call: (v) => validateCouncilProfiles(v) },
  { name: 'safeScoreCouncil', call: (v) => safeScoreCouncil(v, { notificationDate: DATE }) },
  {
    name: 'safeSelectTranche',
    call: (v) => safeSelectTranche(v, { notificationDate: DATE, size: 2 }),
  },
  { name: 'safePlanProgramme', call: (v) => safePlanProgramme(v, { start: DATE, months: 3 }) },
  { name: 'safeParseCaseRecord', call: (v) => safeParseCaseRecord(v, ['cases', 0]) },
  { name: 'isCaseRecord', call: (v) => isCaseRecord(v) },
  {
    name: 'safeSelectCaseSample (one row)',
    call: (v) => safeSelectCaseSample([v], { seed: 'fuzz', size: 10 }),
  },
  {
    name: 'prepareCasePopulation (one row)',
    call: (v) => safeSelectCaseSample(prepareCasePopulation([v]), { seed: 'fuzz', size: 10 }),
  },
  {
    name: 'validateInformationReturn',
    call: (v) => validateInformationReturn(v, MODELLED_FORMAL_TEMPLATE),
  },
  { name: 'isIsoDate', call: (v) => isIsoDate(v) },
  { name: 'describeValue (every error message)', call: (v) => describeValue(v) },
  { name: 'safeComputeAssessmentTimeline', call: (v) => safeComputeAssessmentTimeline(v) },
  { name: 'safeParseReport', call: (v) => safeParseReport(v) },
  { name: 'applyReportEvent (event)', call: (v) => applyReportEvent(undefined, v as never) },
  { name: 'replayReport (one event)', call: (v) => replayReport([v as never]) },
  { name: 'validateAssessmentTimelineInput', call: (v) => validateAssessmentTimelineInput(v) },
  {
    name: 'safeDefineInformationReturnTemplate',
    call: (v) => safeDefineInformationReturnTemplate(v),
  },
  { name: 'checkClientLevelData (first row)', call: (v) => checkClientLevelData([v]) },
  {
    name: 'checkClientLevelData (a row after a valid one)',
    call: (v) => checkClientLevelData([CLD_ROW, v]),
  },
];

function prototypesSnapshot(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Reflect.ownKeys(p).map(String).sort().join(','),
  );
}

/** Calls `target` on `input` (deep-frozen first when `freeze`) and checks it threw nothing, polluted nothing, changed nothing. */
function checkCall(target: Target, input: unknown, freeze: boolean): void {
  if (freeze) deepFreezeHostile(input);
  const before = snapshot(input);
  const prototypes = prototypesSnapshot();
  target.call(input);
  expect(snapshot(input)).toEqual(before);
  expect(prototypesSnapshot()).toEqual(prototypes);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('fuzz: safe functions never throw, pollute nothing, change nothing', () => {
  it.each(SAFE)('$name', (target) => {
    fc.assert(
      fc.property(inputRecipe(), fc.boolean(), (recipe, freeze) => {
        checkCall(target, build(recipe), freeze);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it.each(SAFE)('$name: every hostile value, plain and deep-frozen', (target) => {
    for (const [name, make] of Object.entries(HOSTILE)) {
      for (const freeze of [false, true]) {
        expect(
          () => checkCall(target, make(), freeze),
          `${name}${freeze ? ' (frozen)' : ''}`,
        ).not.toThrow();
      }
    }
  });
});

describe('fuzz: unreadable input is reported as input-unreadable, not thrown', () => {
  // The last two functions fixed (issue 15): a stale Immer draft once escaped from them.
  // The getter sits on a field each function reads: a getter on an unknown key is never called.
  const TARGETS = [
    {
      name: 'validateAssessmentTimelineInput',
      call: validateAssessmentTimelineInput,
      field: 'notificationDate',
    },
    {
      name: 'safeDefineInformationReturnTemplate',
      call: safeDefineInformationReturnTemplate,
      field: 'items',
    },
  ] as const;
  for (const target of TARGETS) {
    it(`${target.name}: throwing getter, throwing Proxy, revoked Proxies`, () => {
      const unreadable = {
        'throwing getter': () => throwingGetter(target.field),
        'throwing Proxy': throwingProxy,
        'revoked Proxy': () => revokedProxy(),
        'revoked array Proxy': () => revokedProxy(true),
      };
      for (const [name, make] of Object.entries(unreadable)) {
        const result = target.call(make());
        expect(result.success, name).toBe(false);
        if (!result.success) {
          expect(
            result.issues.map((issue) => issue.code),
            name,
          ).toEqual(['input-unreadable']);
          expect(result.issues[0]?.path, name).toEqual([]);
        }
      }
    });
  }
});

describe('fuzz: functions that look up a label or code', () => {
  const LOOKUPS: readonly Target[] = [
    { name: 'findCouncil', call: (v) => findCouncil(v as string) },
    { name: 'resolveCouncil', call: (v) => resolveCouncil(v as string) },
    { name: 'findQualityStatement', call: (v) => findQualityStatement(v as string) },
    { name: 'findTheme', call: (v) => findTheme(v as string) },
  ];
  const labels = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '',
    ),
    fc.string({ unit: 'grapheme' }),
  );

  it.each(LOOKUPS)(
    '$name: any string, including Object.prototype names, finds nothing it should not',
    (target) => {
      fc.assert(
        fc.property(labels, (label) => {
          const found = target.call(label) as { status?: string } | undefined;
          // A lookup returns a record of the library's data, or nothing: never Object.prototype's members.
          expect(
            found === undefined ||
              Object.getPrototypeOf(found) === Object.prototype ||
              Object.getPrototypeOf(found) === null,
          ).toBe(true);
          if (
            [
              '__proto__',
              'constructor',
              'prototype',
              'toString',
              'hasOwnProperty',
              'valueOf',
            ].includes(label)
          ) {
            expect(found === undefined || found.status === 'not-found').toBe(true);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
  );
});

describe('fuzz: a list of hostile rows', () => {
  it('safeSelectCaseSample accounts for every row of any list, and reads a list it cannot iterate as a TypeError naming it', () => {
    fc.assert(
      fc.property(fc.array(inputRecipe(), { maxLength: 8 }), (recipes) => {
        const rows = recipes.map(build);
        const r = safeSelectCaseSample(rows, { seed: 'fuzz', size: 10 });
        expect(r.success).toBe(true);
        if (r.success) expect(r.data.recordsRead).toBe(rows.length);
      }),
      { numRuns: FUZZ_RUNS },
    );
    for (const list of [revokedProxy(), throwingProxy(), 10n, Object.create(null)]) {
      expect(() => safeSelectCaseSample(list as never, { seed: 'fuzz' })).toThrow(
        /^cases must be an iterable/,
      );
    }
  });
});
