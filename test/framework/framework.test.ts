import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_CATEGORIES,
  QUALITY_STATEMENTS,
  QUALITY_STATEMENT_IDS,
  THEMES,
  THEME_IDS,
  findQualityStatement,
  findTheme,
  getQualityStatement,
  qualityStatementsOfTheme,
  QualityStatementIdSchema,
} from '../../src/framework/index.js';

describe('framework data (domain README §2)', () => {
  it('has 4 themes and 9 quality statements in framework order', () => {
    expect(THEMES.map((t) => t.id)).toEqual(THEME_IDS);
    expect(QUALITY_STATEMENTS.map((q) => q.id)).toEqual(QUALITY_STATEMENT_IDS);
    expect(QUALITY_STATEMENTS.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(QUALITY_STATEMENTS.map((q) => q.theme)).toEqual([
      'working-with-people',
      'working-with-people',
      'working-with-people',
      'providing-support',
      'providing-support',
      'ensuring-safety',
      'ensuring-safety',
      'leadership',
      'leadership',
    ]);
  });

  it('uses stable kebab-case ids', () => {
    for (const id of [...THEME_IDS, ...QUALITY_STATEMENT_IDS])
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(QUALITY_STATEMENTS)).toBe(true);
    expect(Object.isFrozen(QUALITY_STATEMENTS[0])).toBe(true);
    expect(Object.isFrozen(QUALITY_STATEMENTS[0]!.labels)).toBe(true);
    expect(Object.isFrozen(THEMES[3])).toBe(true);
  });

  it('has six evidence categories, four used for local authorities', () => {
    expect(EVIDENCE_CATEGORIES).toHaveLength(6);
    expect(EVIDENCE_CATEGORIES.filter((c) => c.usedForLocalAuthorities).map((c) => c.id)).toEqual([
      'peoples-experience',
      'feedback-from-staff-and-leaders',
      'feedback-from-partners',
      'processes',
    ]);
  });

  it('groups statements by theme', () => {
    expect(qualityStatementsOfTheme('leadership').map((q) => q.number)).toEqual([8, 9]);
    expect(getQualityStatement('safeguarding').number).toBe(7);
  });

  it('validates ids with zod', () => {
    expect(QualityStatementIdSchema.safeParse('safeguarding').success).toBe(true);
    expect(QualityStatementIdSchema.safeParse('housing').success).toBe(false);
  });
});

describe('findQualityStatement', () => {
  it.each([
    ['Assessing needs', 1],
    ["Assessing people's needs", 1],
    ['ASSESSING PEOPLE’S NEEDS', 1],
    ['Supporting people to live healthier lives', 2],
    ['Supporting people to lead healthier lives', 2],
    ['Equity in experience and outcomes', 3],
    ['Care provision, integration and continuity', 4],
    ['Care provision, integration and continuity of care', 4],
    ['Partnerships and communities', 5],
    ['Partnership and communities', 5],
    ['Partnership & communities', 5],
    ['Safe systems, pathways and transitions', 6],
    ['Safe pathways, systems and transitions', 6],
    ['safeguarding', 7],
    ['  Safeguarding. ', 7],
    ['Governance, management and sustainability', 8],
    ['leadership', 8], // early releases used the theme name for QS8
    ['Learning, improvement and innovation', 9],
    ['learning-improvement-and-innovation', 9],
    ['QS4', 4],
    ['qs 6', 6],
  ])('resolves %j to QS%i (published label variants, domain README §2)', (label, number) => {
    expect(findQualityStatement(label)?.number).toBe(number);
  });

  it.each(['', 'Housing', 'Working with people', 'QS10', 'assessing', 'needs assessing'])(
    'returns undefined for %j',
    (label) => {
      expect(findQualityStatement(label)).toBeUndefined();
    },
  );

  it('returns undefined for a non-string', () => {
    expect(findQualityStatement(42 as unknown as string)).toBeUndefined();
  });
});

describe('findTheme', () => {
  it.each([
    ['Working with people', 'working-with-people'],
    ['How the local authority works with people', 'working-with-people'],
    ['How the local authority ensures safety in the system', 'ensuring-safety'],
    ['Providing support', 'providing-support'],
    ['leadership', 'leadership'],
  ])('resolves %j', (label, id) => {
    expect(findTheme(label)?.id).toBe(id);
  });

  it('returns undefined for an unknown theme', () => {
    expect(findTheme('Safeguarding')).toBeUndefined();
  });
});
