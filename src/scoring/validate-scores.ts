import { QUALITY_STATEMENT_IDS, type QualityStatementId } from '../framework/quality-statements.js';
import type { ValidationIssue } from '../errors/index.js';
import { describeValue, isPlainObject } from '../internal/describe.js';
import { dottedPath } from '../internal/issue-path.js';
import { unreadableIssue } from '../internal/unreadable.js';
import type { QualityStatementScore } from './ratings.js';

/** Stable codes of the issues scoring input validation reports. */
export type ScoringIssueCode =
  | 'invalid-input'
  | 'input-unreadable'
  | 'no-scores'
  | 'unknown-quality-statement'
  | 'invalid-score'
  | 'unknown-evidence-category'
  | 'evidence-category-not-used';

/** Issue found in scoring input. */
export type ScoringIssue = ValidationIssue<ScoringIssueCode>;

const KNOWN_IDS: ReadonlySet<string> = new Set(QUALITY_STATEMENT_IDS);

function isQualityStatementId(key: string): key is QualityStatementId {
  return KNOWN_IDS.has(key);
}

export function isScore(value: unknown): value is QualityStatementScore {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function scoreIssue(path: readonly (string | number)[], value: unknown): ScoringIssue {
  return {
    code: 'invalid-score',
    path,
    message: `${dottedPath(path)}: a score must be a whole number from 1 to 4; got ${describeValue(value)}`,
  };
}

/**
 * Checks that `input` is a plain object keyed by quality statement ids and hands each
 * known key with its value to `visit`. Reports unknown keys (including `__proto__`) and
 * an empty object. Reads own enumerable keys only; never mutates the input. When reading
 * throws (a getter or Proxy trap that throws, a revoked Proxy), the one issue is
 * `input-unreadable`: nothing read from such an input is trusted.
 */
export function walkQualityStatements(
  input: unknown,
  path: readonly (string | number)[],
  visit: (id: QualityStatementId, value: unknown, issues: ScoringIssue[]) => void,
): ScoringIssue[] {
  try {
    return walkReadable(input, path, visit);
  } catch (error) {
    return [unreadableIssue(error, path, 'scores')];
  }
}

function walkReadable(
  input: unknown,
  path: readonly (string | number)[],
  visit: (id: QualityStatementId, value: unknown, issues: ScoringIssue[]) => void,
): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  if (!isPlainObject(input)) {
    issues.push({
      code: 'invalid-input',
      path,
      message: `${dottedPath(path)}: expected an object keyed by quality statement id (e.g. { "assessing-needs": 3 }); got ${describeValue(input)}`,
    });
    return issues;
  }
  const keys = Object.keys(input);
  if (keys.length === 0) {
    issues.push({
      code: 'no-scores',
      path,
      message: `${dottedPath(path)}: no quality statement is scored; give at least one`,
    });
  }
  for (const key of keys) {
    if (!isQualityStatementId(key)) {
      issues.push({
        code: 'unknown-quality-statement',
        path: [...path, key],
        message: `${dottedPath([...path, key])}: ${JSON.stringify(key)} is not a quality statement id; use one of ${QUALITY_STATEMENT_IDS.join(', ')} (findQualityStatement resolves published labels)`,
      });
      continue;
    }
    visit(key, input[key], issues);
  }
  return issues;
}
