import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  MODELLED_FORMAL_TEMPLATE,
  MODELLED_PILOT_TEMPLATE,
  informationReturnJsonSchema,
  validateInformationReturn,
  type InformationReturnTemplate,
} from '../../src/information-return/index.js';
import { informationReturnArbitrary } from '../../src/testing/arbitraries/index.js';
import { CASE, EVERY_KIND_TEMPLATE, minimalSubmission } from './support.js';

// ajv (dev dependency only) must accept and reject exactly what the validator does. String
// lengths: the library counts UTF-16 code units, JSON Schema code points; the generated
// text is ASCII, where the two agree. `format: date` is checked by the pattern beside it.
function ajvFor(template: InformationReturnTemplate, allowIncomplete = false) {
  return new Ajv2020({
    strictSchema: true,
    strictNumbers: true,
    strictTypes: true,
    allowUnionTypes: true,
    formats: { date: true },
  }).compile(informationReturnJsonSchema(template, { allowIncomplete }));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value (objects and arrays included). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const REPLACEMENTS: Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  100.5,
  1e21,
  '',
  ' ',
  'x',
  'maybe',
  '2023-02-29',
  '2024-02-29',
  'https://example.org/x',
  'a'.repeat(201),
  'b'.repeat(2001),
  [],
  {},
  { extra: 1 },
  { notHeld: true, reason: 'not held' },
  17,
  25,
  26,
  '18-25',
  '85+',
  'hospital',
];

type Mutation =
  | { kind: 'replace'; at: number; with: number }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    with: fc.nat({ max: REPLACEMENTS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    key: fc.constantFrom(
      'extra',
      'age',
      'ageBand',
      'link',
      'fileName',
      'notHeld',
      'reason',
      'text',
      '__proto__',
      'constructor',
      'D4',
      'C1',
    ),
  }),
);

function mutate(value: Json, m: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  const all = paths(copy);
  const path = all[m.at % all.length]!;
  const parentOf = (p: (string | number)[]) =>
    p.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, copy);
  if (m.kind === 'add') {
    const target = path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, copy);
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, {
        value: REPLACEMENTS[(m.at >>> 3) % REPLACEMENTS.length]!,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    return copy;
  }
  if (path.length === 0) return m.kind === 'replace' ? REPLACEMENTS[m.with]! : copy;
  const parent = parentOf(path) as Record<string | number, Json>;
  const key = path.at(-1)!;
  if (m.kind === 'replace') parent[key] = REPLACEMENTS[m.with]!;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
  return copy;
}

const TEMPLATES = [EVERY_KIND_TEMPLATE, MODELLED_FORMAL_TEMPLATE, MODELLED_PILOT_TEMPLATE];

describe('informationReturnJsonSchema agrees with validateInformationReturn (ajv)', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: generated valid submissions are accepted by both',
    (_id, template) => {
      const ajv = ajvFor(template);
      fc.assert(
        fc.property(informationReturnArbitrary(template, { maxCases: 3 }), (submission) => {
          expect(validateInformationReturn(submission, template).success).toBe(true);
          expect(ajv(submission)).toBe(true);
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: mutations are accepted or rejected by both alike',
    (_id, template) => {
      let accepted = 0;
      let rejected = 0;
      for (const allowIncomplete of [false, true]) {
        const ajv = ajvFor(template, allowIncomplete);
        fc.assert(
          fc.property(
            informationReturnArbitrary(template, { maxCases: 3, allowIncomplete }),
            fc.array(mutation, { minLength: 1, maxLength: 3 }),
            (submission, mutations) => {
              const mutated = mutations.reduce(
                (v, m) => mutate(v, m),
                submission as unknown as Json,
              );
              const ours = validateInformationReturn(mutated, template, { allowIncomplete });
              const theirs = ajv(mutated);
              if (theirs) accepted++;
              else rejected++;
              if (ours.success !== theirs) {
                throw new Error(
                  `disagree (ours ${ours.success}, ajv ${theirs}): ${JSON.stringify(ours.success ? null : ours.issues.slice(0, 2))} ${JSON.stringify(ajv.errors?.slice(0, 2))}`,
                );
              }
            },
          ),
          { numRuns: 250 },
        );
      }
      // Both outcomes must be common, or the comparison proves little.
      expect(accepted).toBeGreaterThan(25);
      expect(rejected).toBeGreaterThan(100);
    },
  );

  it('agrees on hand-picked edge cases', () => {
    const ajv = ajvFor(EVERY_KIND_TEMPLATE);
    const base = minimalSubmission();
    const cases = (rows: unknown[]) => ({
      ...base,
      responses: { ...(base.responses as object), cases: { cases: rows } },
    });
    const edge: [string, unknown][] = [
      ['age 25 in band 18-25', cases([{ ...CASE, age: 25, ageBand: '18-25' }])],
      ['age 26 in band 18-25', cases([{ ...CASE, age: 26, ageBand: '18-25' }])],
      ['band only', cases([{ ...CASE, age: undefined, ageBand: '65-84' }])],
      ['neither age nor band', cases([{ ...CASE, age: undefined }])],
      ['age 121', cases([{ ...CASE, age: 121 }])],
      ['extra text at the limit', cases([{ ...CASE, note: 'n'.repeat(1000) }])],
      ['extra text over the limit', cases([{ ...CASE, note: 'n'.repeat(1001) }])],
      ['extra array', cases([{ ...CASE, note: [] }])],
      ['leap day 2000', cases([{ ...CASE, lastReviewed: '2000-02-29' }])],
      ['no leap day 1900', cases([{ ...CASE, lastReviewed: '1900-02-29' }])],
    ];
    for (const [name, value] of edge) {
      expect([name, ajv(value)]).toEqual([
        name,
        validateInformationReturn(value, EVERY_KIND_TEMPLATE).success,
      ]);
    }
  });

  it('says when a template is modelled, and is plain JSON', () => {
    const schema = informationReturnJsonSchema(MODELLED_FORMAL_TEMPLATE);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(String(schema.description)).toContain('modelled');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
