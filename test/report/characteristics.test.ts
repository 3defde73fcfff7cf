// safeParseRatingCharacteristics and explainStatementScores: every check and its message
// (the templates in src/report/rating-characteristics.ts filled in by hand; the "got …"
// part is describeValue's, tested with it).
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/internal/describe.js';
import {
  explainStatementScores,
  replayReport,
  safeParseRatingCharacteristics,
} from '../../src/report/index.js';

const VALID = {
  version: 'Our working copy',
  source: 'Internal',
  statements: {
    safeguarding: { good: ['People are safe.'], 'requires-improvement': ['Some are not.'] },
  },
};
const issues = (input: unknown) => {
  const r = safeParseRatingCharacteristics(input);
  return r.success ? [] : r.issues;
};
const STATEMENT_IDS =
  'assessing-needs, supporting-people-to-live-healthier-lives, equity-in-experience-and-outcomes, care-provision-integration-and-continuity, partnerships-and-communities, safe-systems-pathways-and-transitions, safeguarding, governance-management-and-sustainability, learning-improvement-and-innovation';

describe('safeParseRatingCharacteristics', () => {
  it('accepts and freezes a valid copy (lists copied)', () => {
    const r = safeParseRatingCharacteristics(VALID);
    expect(r).toEqual({ success: true, data: VALID });
    if (r.success) {
      expect(Object.isFrozen(r.data) && Object.isFrozen(r.data.statements)).toBe(true);
      expect(Object.isFrozen(r.data.statements.safeguarding)).toBe(true);
      expect(Object.isFrozen(r.data.statements.safeguarding?.good)).toBe(true);
      expect(r.data.statements.safeguarding?.good).not.toBe(VALID.statements.safeguarding.good);
    }
  });

  it('not an object', () => {
    expect(issues([])).toEqual([
      {
        code: 'invalid-input',
        path: [],
        message: `rating characteristics: expected an object { version, source, statements }; got ${describeValue([])}`,
      },
    ]);
  });

  it('unknown fields, and version or source missing or blank', () => {
    expect(issues({ ...VALID, extra: 1, version: '  ', source: 7 })).toEqual([
      {
        code: 'invalid-field',
        path: ['extra'],
        message: 'extra: not a field; use version, source, statements',
      },
      {
        code: 'invalid-field',
        path: ['version'],
        message: `version: expected some text; got ${describeValue('  ')}`,
      },
      {
        code: 'invalid-field',
        path: ['source'],
        message: `source: expected some text; got ${describeValue(7)}`,
      },
    ]);
  });

  it('statements: not an object, an unknown statement, a statement not keyed by rating', () => {
    expect(issues({ ...VALID, statements: 'x' })).toEqual([
      {
        code: 'invalid-field',
        path: ['statements'],
        message: `statements: expected an object keyed by quality statement id; got ${describeValue('x')}`,
      },
    ]);
    expect(issues({ ...VALID, statements: { housing: {}, safeguarding: ['x'] } })).toEqual([
      {
        code: 'unknown-quality-statement',
        path: ['statements', 'housing'],
        message: `statements.housing: not a quality statement id (one of ${STATEMENT_IDS})`,
      },
      {
        code: 'invalid-field',
        path: ['statements', 'safeguarding'],
        message: `statements.safeguarding: expected an object keyed by rating; got ${describeValue(['x'])}`,
      },
    ]);
  });

  it('ratings: an unknown rating, and lists that are not lists of sentences', () => {
    const bad = (lines: unknown) => ({ ...VALID, statements: { safeguarding: { good: lines } } });
    expect(issues({ ...VALID, statements: { safeguarding: { excellent: ['x'] } } })).toEqual([
      {
        code: 'unknown-rating',
        path: ['statements', 'safeguarding', 'excellent'],
        message:
          'statements.safeguarding.excellent: not a rating (one of inadequate, requires-improvement, good, outstanding)',
      },
    ]);
    for (const lines of ['text', ['ok', ' '], ['ok', 3], Array.from({ length: 1001 }, () => 'x')]) {
      expect(issues(bad(lines))).toEqual([
        {
          code: 'invalid-field',
          path: ['statements', 'safeguarding', 'good'],
          message: `statements.safeguarding.good: expected a list of sentences (at most 1,000); got ${describeValue(lines)}`,
        },
      ]);
    }
    expect(
      safeParseRatingCharacteristics(bad(Array.from({ length: 1000 }, () => 'x'))).success,
    ).toBe(true);
    expect(safeParseRatingCharacteristics(bad([])).success).toBe(true);
  });

  it('stops at 100 issues', () => {
    const statements = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`s${i}`, {}]));
    expect(issues({ ...VALID, statements })).toHaveLength(100);
    // One issue already (a blank version): 99 statement issues more.
    expect(issues({ ...VALID, version: '', statements })).toHaveLength(100);
  });

  it('unreadable input', () => {
    const input = Object.defineProperty({}, 'version', {
      get() {
        throw new Error('x');
      },
      enumerable: true,
    });
    expect(issues(input)).toEqual([
      {
        code: 'input-unreadable',
        path: [],
        message:
          'input: reading the rating characteristics failed (a getter or Proxy threw, or the Proxy was revoked); send plain JSON data',
      },
    ]);
  });
});

describe('explainStatementScores', () => {
  const r = replayReport([
    {
      type: 'assessment-scored',
      date: '2024-11-04',
      council: 'Example Council',
      scores: {
        safeguarding: 2,
        'assessing-needs': 4,
        'partnerships-and-communities': 1,
        'learning-improvement-and-innovation': 3,
      },
    },
  ]);
  if (!r.success) throw new Error('replay failed');
  const report = r.data;

  it('each scored statement in framework order, its level, and no characteristics without a copy', () => {
    expect(explainStatementScores(report)).toEqual([
      {
        qualityStatement: 'assessing-needs',
        score: 4,
        level: 'outstanding',
        characteristics: null,
        text: 'assessing-needs: 4 (outstanding).',
      },
      {
        qualityStatement: 'partnerships-and-communities',
        score: 1,
        level: 'inadequate',
        characteristics: null,
        text: 'partnerships-and-communities: 1 (inadequate).',
      },
      {
        qualityStatement: 'safeguarding',
        score: 2,
        level: 'requires-improvement',
        characteristics: null,
        text: 'safeguarding: 2 (requires improvement).',
      },
      {
        qualityStatement: 'learning-improvement-and-innovation',
        score: 3,
        level: 'good',
        characteristics: null,
        text: 'learning-improvement-and-innovation: 3 (good).',
      },
    ]);
  });

  it('with a copy: the lines of the statement’s level, naming the version; none when the copy lacks them', () => {
    const parsed = safeParseRatingCharacteristics(VALID);
    if (!parsed.success) throw new Error('invalid');
    const explained = explainStatementScores(report, { ratingCharacteristics: parsed.data });
    expect(explained[2]).toEqual({
      qualityStatement: 'safeguarding',
      score: 2,
      level: 'requires-improvement',
      characteristics: ['Some are not.'],
      text: 'safeguarding: 2 (requires improvement). Rating characteristics (Our working copy): Some are not.',
    });
    expect(explained[0]?.characteristics).toBeNull(); // assessing-needs not in the copy
    expect(Object.isFrozen(explained) && Object.isFrozen(explained[2])).toBe(true);
    const two = safeParseRatingCharacteristics({
      ...VALID,
      statements: { safeguarding: { 'requires-improvement': ['One.', 'Two.'] } },
    });
    if (!two.success) throw new Error('invalid');
    expect(explainStatementScores(report, { ratingCharacteristics: two.data })[2]?.text).toBe(
      'safeguarding: 2 (requires improvement). Rating characteristics (Our working copy): One. Two.',
    );
  });
});
