import { describe, expect, it } from 'vitest';
import {
  validateInformationReturn,
  type InformationReturnValidation,
} from '../../src/information-return/index.js';
import { deepFreeze } from '../support/published-results.js';
import { CASE, EVERY_KIND_TEMPLATE, minimalSubmission } from './support.js';

function issuesOf(result: InformationReturnValidation) {
  if (result.success) throw new Error('expected issues');
  return result;
}

function withResponse(id: string, response: unknown): Record<string, unknown> {
  const s = minimalSubmission();
  return { ...s, responses: { ...(s.responses as object), [id]: response } };
}

describe('hostile input', () => {
  it('caps the issues listed and counts the rest', () => {
    const responses = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`unknown-${i}`, 1]),
    );
    const result = issuesOf(
      validateInformationReturn({ ...minimalSubmission(), responses }, EVERY_KIND_TEMPLATE, {
        maxIssues: 10,
      }),
    );
    expect(result.issues).toHaveLength(10);
    // 500 unknown items + 3 missing required items
    expect(result.suppressedIssues).toBe(493);
    expect(
      issuesOf(
        validateInformationReturn({ ...minimalSubmission(), responses }, EVERY_KIND_TEMPLATE),
      ).issues,
    ).toHaveLength(100);
  });

  it('counts case-row issues past the cap exactly', () => {
    const template = {
      ...EVERY_KIND_TEMPLATE,
      items: EVERY_KIND_TEMPLATE.items.map((i) =>
        i.kind === 'case-list' ? { ...i, maxRows: 10_000 } : i,
      ),
    };
    const rows = Array.from({ length: 1000 }, () => ({
      ...CASE,
      setting: 'hospital',
      ethnicity: undefined,
    }));
    const result = issuesOf(
      validateInformationReturn(withResponse('cases', { cases: rows }), template, { maxIssues: 5 }),
    );
    expect(result.issues.length + result.suppressedIssues).toBe(2000);
  });

  it('rejects a huge array before reading its rows', () => {
    const cases = new Array(10_000_000);
    const result = issuesOf(
      validateInformationReturn(withResponse('cases', { cases }), EVERY_KIND_TEMPLATE),
    );
    expect(result.issues.map((i) => i.code)).toEqual(['too-many-rows']);
  });

  it('rejects over-long text by its length', () => {
    const result = issuesOf(
      validateInformationReturn(
        withResponse('doc', { notHeld: true, reason: 'x'.repeat(5_000_000) }),
        EVERY_KIND_TEMPLATE,
      ),
    );
    expect(result.issues[0]!.code).toBe('text-too-long');
    expect(result.issues[0]!.message.length).toBeLessThan(300);
  });

  it('refuses __proto__, constructor and prototype keys at every level, and pollutes nothing', () => {
    const json = `{"template":{"id":"test-every-kind","version":"2","__proto__":{"x":1}},"__proto__":{"polluted":true},
      "responses":{"__proto__":{"polluted":true},"constructor":{"value":1},
        "doc":{"document":{"title":"t","link":"https://a.b","__proto__":{"polluted":true}}},
        "text":{"text":"abc","prototype":1},"count":{"value":1},
        "cases":{"cases":[${JSON.stringify(CASE).slice(0, -1)},"__proto__":{"polluted":true},"constructor":"x"}]}}}`;
    const result = issuesOf(validateInformationReturn(JSON.parse(json), EVERY_KIND_TEMPLATE));
    const forbidden = result.issues
      .filter((i) => i.code === 'forbidden-key')
      .map((i) => i.path.join('.'));
    expect(forbidden).toEqual([
      '__proto__',
      'template.__proto__',
      'responses.__proto__',
      'responses.constructor',
      'responses.doc.document.__proto__',
      'responses.text.prototype',
      'responses.cases.cases.0.__proto__',
      'responses.cases.cases.0.constructor',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reports cycles, functions, symbols and BigInt as issues', () => {
    const cyclic: Record<string, unknown> = { title: 't' };
    cyclic.link = cyclic;
    const row: Record<string, unknown> = { ...CASE };
    row.self = row;
    const responses: Record<string, unknown> = {
      doc: { document: cyclic },
      text: { text: () => 'abc' },
      count: { value: 3n },
      choice: { value: Symbol('yes') },
      cases: { cases: [row] },
    };
    responses.table = responses;
    const result = issuesOf(
      validateInformationReturn(
        { template: { id: 'test-every-kind', version: '2' }, responses },
        EVERY_KIND_TEMPLATE,
      ),
    );
    const codes = Object.fromEntries(result.issues.map((i) => [i.path.join('.'), i.code]));
    expect(codes).toMatchObject({
      'responses.doc.document.link': 'cyclic-reference',
      'responses.text.text': 'unsupported-value',
      'responses.count.value': 'unsupported-value',
      'responses.choice.value': 'unsupported-value',
      'responses.table': 'cyclic-reference',
      'responses.cases.cases.0.self': 'cyclic-reference',
    });
  });

  it('does not descend into deep nesting', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { document: deep };
    const result = issuesOf(
      validateInformationReturn(withResponse('doc', deep), EVERY_KIND_TEMPLATE),
    );
    expect(result.issues.map((i) => i.code)).toEqual([
      'unknown-field',
      'missing-field',
      'invalid-document',
    ]);
  });

  it('turns a throwing getter into an issue, and a stack overflow into another', () => {
    const throwing = { ...minimalSubmission() };
    Object.defineProperty(throwing, 'council', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(issuesOf(validateInformationReturn(throwing, EVERY_KIND_TEMPLATE)).issues[0]!.code).toBe(
      'input-unreadable',
    );
    const recurse = (): unknown => recurse();
    const overflowing = new Proxy({}, { ownKeys: () => recurse() as never });
    expect(
      issuesOf(validateInformationReturn(overflowing, EVERY_KIND_TEMPLATE)).issues[0]!.code,
    ).toBe('stack-overflow');
  });

  it('never mutates its input, and its output holds no input objects but case rows', () => {
    const input = deepFreeze(withResponse('cases', { cases: [{ ...CASE, team: 'North' }] }));
    const copy = structuredClone(input);
    const result = validateInformationReturn(input, EVERY_KIND_TEMPLATE);
    expect(input).toEqual(copy);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.submission.responses.doc).not.toBe(
      (input.responses as Record<string, unknown>).doc,
    );
    expect(result.data.submission.responses.cases).toEqual({
      cases: [{ ...CASE, team: 'North' }],
    });
  });

  it('rejects class instances where plain data is expected', () => {
    const result = issuesOf(
      validateInformationReturn(
        withResponse('doc', { document: new Map([['title', 't']]) }),
        EVERY_KIND_TEMPLATE,
      ),
    );
    expect(result.issues[0]).toMatchObject({
      code: 'not-an-object',
      path: ['responses', 'doc', 'document'],
    });
    expect(result.issues[0]!.message).toContain('a Map object');
  });
});
