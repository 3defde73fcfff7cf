import { describe, expect, it } from 'vitest';
import {
  MODELLED_FORMAL_TEMPLATE,
  MODELLED_PILOT_TEMPLATE,
  isLaAssuranceError,
  parseInformationReturn,
  validateInformationReturn,
  type InformationReturnValidation,
} from '../../src/information-return/index.js';
import { exampleInformationReturn } from '../../src/testing/index.js';
import { CASE, EVERY_KIND_TEMPLATE, minimalSubmission } from './support.js';

function issuesOf(result: InformationReturnValidation) {
  if (result.success) throw new Error('expected issues');
  return result.issues;
}

function withResponse(id: string, response: unknown): Record<string, unknown> {
  const s = minimalSubmission();
  return { ...s, responses: { ...(s.responses as object), [id]: response } };
}

describe('validateInformationReturn: valid returns', () => {
  it('accepts a minimal return and types it', () => {
    const result = validateInformationReturn(minimalSubmission(), EVERY_KIND_TEMPLATE);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.submission.responses.count).toEqual({ value: 4 });
    expect(result.data.submission.template).toEqual({ id: 'test-every-kind', version: '2' });
    expect(Object.isFrozen(result.data.submission)).toBe(true);
  });

  it('accepts every answer form of every kind', () => {
    const s = minimalSubmission();
    const full = {
      ...s,
      council: 'Example Council',
      submittedOn: '2024-02-29',
      responses: {
        ...(s.responses as object),
        pct: { value: 99.5 },
        days: { value: 0 },
        money: { value: -12.34 },
        date: { value: '2024-02-29' },
        choice: { value: 'no' },
        table: { rows: [{ name: 'a', n: 3 }, { name: 'b' }] },
        cases: {
          cases: [
            CASE,
            {
              ...CASE,
              id: 'C-2',
              age: undefined,
              ageBand: '85+',
              team: 'North',
              localRef: 7,
              note: null,
            },
          ],
        },
      },
    };
    const result = validateInformationReturn(full, EVERY_KIND_TEMPLATE);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.submission.council).toBe('Example Council');
    expect(result.data.completeness.optional).toEqual({ total: 7, answered: 7, notHeld: 0 });
  });

  it('validates the seeded examples of both modelled templates', () => {
    for (const template of [MODELLED_FORMAL_TEMPLATE, MODELLED_PILOT_TEMPLATE]) {
      const result = validateInformationReturn(
        exampleInformationReturn(template, { seed: 'test' }),
        template,
      );
      expect(result.success).toBe(true);
    }
  });

  it('parseInformationReturn returns the data or throws LaAssuranceError', () => {
    expect(
      parseInformationReturn(minimalSubmission(), EVERY_KIND_TEMPLATE).completeness.complete,
    ).toBe(true);
    try {
      parseInformationReturn({}, EVERY_KIND_TEMPLATE);
      expect.unreachable();
    } catch (error) {
      expect(isLaAssuranceError(error)).toBe(true);
      if (isLaAssuranceError(error)) expect(error.code).toBe('invalid-information-return');
    }
  });
});

describe('validateInformationReturn: issues a council officer can act on', () => {
  it('names the item and what to give when a required item is missing (issue #4 example message)', () => {
    const s = exampleInformationReturn(MODELLED_FORMAL_TEMPLATE, { seed: 'test' });
    const { D4: _, ...responses } = s.responses;
    const issues = issuesOf(
      validateInformationReturn({ ...s, responses }, MODELLED_FORMAL_TEMPLATE),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'missing-required-item',
      path: ['responses', 'D4'],
      itemId: 'D4',
    });
    expect(issues[0]!.message).toMatch(
      /^item D4 'Safeguarding adults board annual report': give a document or a link .*or say it is not held and why/,
    );
  });

  it('allowIncomplete accepts a draft and lists what is missing', () => {
    const result = validateInformationReturn(
      { template: { id: 'test-every-kind', version: '2' }, responses: {} },
      EVERY_KIND_TEMPLATE,
      { allowIncomplete: true },
    );
    expect(result.success && result.data.completeness.required.missing).toEqual([
      'doc',
      'text',
      'count',
    ]);
  });

  it.each([
    ['doc', { document: { title: 'x' } }, 'invalid-document', ['responses', 'doc', 'document']],
    [
      'doc',
      { document: { title: ' ', fileName: 'a.pdf' } },
      'text-too-short',
      ['responses', 'doc', 'document', 'title'],
    ],
    [
      'doc',
      { document: { title: 'x', link: 'www.example.org' } },
      'invalid-field',
      ['responses', 'doc', 'document', 'link'],
    ],
    [
      'doc',
      { document: { title: 'x', link: 'https://a.b', page: 3 } },
      'unknown-field',
      ['responses', 'doc', 'document', 'page'],
    ],
    ['doc', { text: 'x' }, 'invalid-response', ['responses', 'doc']],
    [
      'doc',
      { document: { title: 'x', fileName: 'a' }, notHeld: true, reason: 'r' },
      'invalid-response',
      ['responses', 'doc'],
    ],
    ['doc', { notHeld: true }, 'missing-field', ['responses', 'doc', 'reason']],
    ['doc', { notHeld: 'yes', reason: 'r' }, 'invalid-field', ['responses', 'doc', 'notHeld']],
    ['doc', 'https://example.org', 'not-an-object', ['responses', 'doc']],
    ['text', { text: 'ab' }, 'text-too-short', ['responses', 'text', 'text']],
    ['text', { text: 'x'.repeat(41) }, 'text-too-long', ['responses', 'text', 'text']],
    ['count', { value: 11 }, 'value-out-of-range', ['responses', 'count', 'value']],
    ['count', { value: 2.5 }, 'invalid-value', ['responses', 'count', 'value']],
    ['count', { value: '4' }, 'invalid-value', ['responses', 'count', 'value']],
    ['pct', { value: 100.5 }, 'value-out-of-range', ['responses', 'pct', 'value']],
    ['pct', { value: Number.NaN }, 'invalid-value', ['responses', 'pct', 'value']],
    ['money', { value: -1000.01 }, 'value-out-of-range', ['responses', 'money', 'value']],
    ['date', { value: '2023-02-29' }, 'invalid-value', ['responses', 'date', 'value']],
    ['choice', { value: 'maybe' }, 'invalid-value', ['responses', 'choice', 'value']],
    ['table', { rows: [] }, 'too-few-rows', ['responses', 'table', 'rows']],
    [
      'table',
      { rows: [{ name: 'a' }, { name: 'a' }, { name: 'a' }, { name: 'a' }] },
      'too-many-rows',
      ['responses', 'table', 'rows'],
    ],
    ['table', { rows: [{ n: 1 }] }, 'missing-field', ['responses', 'table', 'rows', 0, 'name']],
    [
      'table',
      { rows: [{ name: 'a', extra: 1 }] },
      'unknown-field',
      ['responses', 'table', 'rows', 0, 'extra'],
    ],
    [
      'cases',
      { cases: [{ ...CASE, ethnicity: 'unknown' }] },
      'case-invalid-field',
      ['responses', 'cases', 'cases', 0, 'ethnicity'],
    ],
    [
      'cases',
      { cases: [{ ...CASE, age: 30, ageBand: '85+' }] },
      'case-age-band-mismatch',
      ['responses', 'cases', 'cases', 0, 'ageBand'],
    ],
    [
      'cases',
      { cases: [{ ...CASE, team: { name: 'North' } }] },
      'case-extra-field-invalid',
      ['responses', 'cases', 'cases', 0, 'team'],
    ],
    [
      'cases',
      { cases: [CASE, CASE, CASE, CASE, CASE, CASE] },
      'too-many-rows',
      ['responses', 'cases', 'cases'],
    ],
    ['nope', { value: 1 }, 'unknown-item', ['responses', 'nope']],
  ])('%s = %j → %s', (id, response, code, path) => {
    const issues = issuesOf(
      validateInformationReturn(withResponse(id, response), EVERY_KIND_TEMPLATE),
    );
    expect(issues.map((i) => [i.code, i.path])).toContainEqual([code, path]);
    const issue = issues.find((i) => i.code === code)!;
    if (id !== 'nope') {
      expect(issue.itemId).toBe(id);
      expect(issue.message.startsWith(`item ${id} '`)).toBe(true);
    }
  });

  it('reports a return for another template, and top-level shape problems', () => {
    const wrong = {
      ...minimalSubmission(),
      template: { id: 'test-every-kind', version: '1' },
      council: '',
      submittedOn: '24/01/2024',
      extra: 1,
    };
    const codes = issuesOf(validateInformationReturn(wrong, EVERY_KIND_TEMPLATE)).map((i) => [
      i.code,
      i.path.join('.'),
    ]);
    expect(codes).toEqual([
      ['unknown-field', 'extra'],
      ['template-mismatch', 'template'],
      ['text-too-short', 'council'],
      ['invalid-field', 'submittedOn'],
    ]);
    expect(issuesOf(validateInformationReturn([], EVERY_KIND_TEMPLATE))[0]!.code).toBe(
      'not-an-object',
    );
    expect(issuesOf(validateInformationReturn({}, EVERY_KIND_TEMPLATE)).map((i) => i.code)).toEqual(
      ['missing-field', 'missing-field'],
    );
  });

  it('case-row messages name the item and the row', () => {
    const issues = issuesOf(
      validateInformationReturn(
        withResponse('cases', { cases: [CASE, { ...CASE, setting: 'hospital' }] }),
        EVERY_KIND_TEMPLATE,
      ),
    );
    expect(issues[0]!.message).toMatch(
      /^item cases 'Cases': cases\[1\]\.setting: expected one of 'community', 'residential', 'nursing'/,
    );
  });
});
