import type { ValidationIssue, ValidationResult } from '../errors/index.js';
import { QUALITY_STATEMENT_IDS, type QualityStatementId } from '../framework/quality-statements.js';
import { describeValue, isPlainObject } from '../internal/describe.js';
import { unreadableIssue } from '../internal/unreadable.js';
import { RATINGS, type QualityStatementScore, type Rating } from '../scoring/ratings.js';
import type { Report } from './model.js';

/**
 * Rating characteristics: for each quality statement and rating, the sentences that
 * describe what that rating looks like. CQC consulted on a draft (4–25 Nov 2025) and
 * published a second version (about 3 Mar 2026) for its re-assessment framework; their
 * text is not shipped here. Load the version you use from JSON with
 * {@link safeParseRatingCharacteristics}.
 */
export interface RatingCharacteristics {
  /** Which version, e.g. `'CQC second version, March 2026'` or your own label. */
  readonly version: string;
  /** Where the text comes from. */
  readonly source: string;
  /** The characteristics per quality statement and rating (any may be missing). */
  readonly statements: Readonly<Partial<Record<QualityStatementId, CharacteristicsByRating>>>;
}

/** The characteristics of one quality statement: the sentences for each rating given. */
export type CharacteristicsByRating = Readonly<Partial<Record<Rating, readonly string[]>>>;

/** Stable codes of the issues of {@link safeParseRatingCharacteristics}. */
export type RatingCharacteristicsIssueCode =
  | 'invalid-input'
  | 'invalid-field'
  | 'unknown-quality-statement'
  | 'unknown-rating'
  | 'input-unreadable';

type Issue = ValidationIssue<RatingCharacteristicsIssueCode>;

const STATEMENTS: ReadonlySet<string> = new Set(QUALITY_STATEMENT_IDS);
const RATING_SET: ReadonlySet<string> = new Set(RATINGS);
const MAX_ISSUES = 100;

function check(input: unknown, issues: Issue[]): RatingCharacteristics | undefined {
  if (!isPlainObject(input)) {
    issues.push({
      code: 'invalid-input',
      path: [],
      message: `rating characteristics: expected an object { version, source, statements }; got ${describeValue(input)}`,
    });
    return undefined;
  }
  for (const key of Object.keys(input)) {
    if (key !== 'version' && key !== 'source' && key !== 'statements')
      issues.push({
        code: 'invalid-field',
        path: [key],
        message: `${key}: not a field; use version, source, statements`,
      });
  }
  for (const key of ['version', 'source'] as const) {
    const v = input[key];
    if (typeof v !== 'string' || v.trim() === '')
      issues.push({
        code: 'invalid-field',
        path: [key],
        message: `${key}: expected some text; got ${describeValue(v)}`,
      });
  }
  const statements = input.statements;
  const out: Record<string, Record<string, readonly string[]>> = {};
  if (!isPlainObject(statements)) {
    issues.push({
      code: 'invalid-field',
      path: ['statements'],
      message: `statements: expected an object keyed by quality statement id; got ${describeValue(statements)}`,
    });
  } else {
    for (const [qs, byRating] of Object.entries(statements)) {
      if (issues.length >= MAX_ISSUES) break;
      if (!STATEMENTS.has(qs)) {
        issues.push({
          code: 'unknown-quality-statement',
          path: ['statements', qs],
          message: `statements.${qs}: not a quality statement id (one of ${QUALITY_STATEMENT_IDS.join(', ')})`,
        });
        continue;
      }
      if (!isPlainObject(byRating)) {
        issues.push({
          code: 'invalid-field',
          path: ['statements', qs],
          message: `statements.${qs}: expected an object keyed by rating; got ${describeValue(byRating)}`,
        });
        continue;
      }
      const ratings: Record<string, readonly string[]> = {};
      for (const [rating, lines] of Object.entries(byRating)) {
        if (!RATING_SET.has(rating)) {
          issues.push({
            code: 'unknown-rating',
            path: ['statements', qs, rating],
            message: `statements.${qs}.${rating}: not a rating (one of ${RATINGS.join(', ')})`,
          });
        } else if (
          !Array.isArray(lines) ||
          lines.length > 1000 ||
          !lines.every((l) => typeof l === 'string' && l.trim() !== '')
        ) {
          issues.push({
            code: 'invalid-field',
            path: ['statements', qs, rating],
            message: `statements.${qs}.${rating}: expected a list of sentences (at most 1,000); got ${describeValue(lines)}`,
          });
        } else {
          ratings[rating] = Object.freeze([...(lines as string[])]);
        }
      }
      out[qs] = Object.freeze(ratings);
    }
  }
  if (issues.length > 0) return undefined;
  return Object.freeze({
    version: input.version as string,
    source: input.source as string,
    statements: Object.freeze(out),
  });
}

/**
 * Checks rating characteristics loaded from JSON (your own copy of CQC's text, or your
 * organisation's own) and returns a frozen copy, or every issue (at most 100). Never
 * throws on bad data; a throwing getter or revoked Proxy gives `input-unreadable`.
 *
 * @example
 * ```ts
 * import { safeParseRatingCharacteristics } from 'la-assurance/report';
 *
 * const r = safeParseRatingCharacteristics({
 *   version: 'Our working copy', source: 'Internal',
 *   statements: { safeguarding: { good: ['People are safe and protected from abuse.'] } },
 * });
 * r.success; // true
 * ```
 */
export function safeParseRatingCharacteristics(
  input: unknown,
): ValidationResult<RatingCharacteristics, RatingCharacteristicsIssueCode> {
  const issues: Issue[] = [];
  try {
    const data = check(input, issues);
    return data === undefined ? { success: false, issues } : { success: true, data };
  } catch (error) {
    return { success: false, issues: [unreadableIssue(error, [], 'rating characteristics')] };
  }
}

/**
 * The rating level a quality statement score corresponds to, for looking up
 * characteristics: 4 outstanding, 3 good, 2 requires improvement, 1 inadequate (modelled:
 * CQC's scores 4 exceptional, 3 good, 2 some shortfalls, 1 significant shortfalls read as
 * the four rating words).
 */
const LEVEL: { readonly [S in QualityStatementScore]: Rating } = {
  4: 'outstanding',
  3: 'good',
  2: 'requires-improvement',
  1: 'inadequate',
};

/** One quality statement's score explained. */
export interface StatementExplanation {
  /** The statement. */
  readonly qualityStatement: QualityStatementId;
  /** Its current score. */
  readonly score: QualityStatementScore;
  /** The rating level the score reads as. */
  readonly level: Rating;
  /** The characteristics of that level, when you gave them and they cover it; else `null`. */
  readonly characteristics: readonly string[] | null;
  /** A sentence for a person. */
  readonly text: string;
}

/**
 * Explains each scored quality statement of a report: its score, the rating level it
 * reads as, and — when you pass rating characteristics that cover it — what that level
 * looks like, naming the characteristics' version. No characteristics are shipped as
 * official.
 *
 * @example
 * ```ts
 * import { explainStatementScores, replayReport, safeParseRatingCharacteristics } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * const characteristics = safeParseRatingCharacteristics({
 *   version: 'Our working copy', source: 'Internal',
 *   statements: { safeguarding: { 'requires-improvement': ['Some people are not kept safe.'] } },
 * });
 * if (!characteristics.success) throw new Error(characteristics.issues[0]?.message);
 * const explained = explainStatementScores(report, { ratingCharacteristics: characteristics.data });
 * explained.map((e) => e.qualityStatement); // ['assessing-needs', 'safeguarding']
 * explained[1]?.characteristics; // ['Some people are not kept safe.']
 * ```
 */
export function explainStatementScores(
  report: Report,
  options?: { readonly ratingCharacteristics?: RatingCharacteristics },
): readonly StatementExplanation[] {
  const rc = options?.ratingCharacteristics;
  const out: StatementExplanation[] = [];
  for (const id of QUALITY_STATEMENT_IDS) {
    const score = report.scores[id];
    if (score === undefined) continue;
    const level = LEVEL[score];
    const lines = rc?.statements[id]?.[level] ?? null;
    const head = `${id}: ${score} (${level.replace(/-/g, ' ')}).`;
    const text =
      lines === null ? head : `${head} Rating characteristics (${rc!.version}): ${lines.join(' ')}`;
    out.push(Object.freeze({ qualityStatement: id, score, level, characteristics: lines, text }));
  }
  return Object.freeze(out);
}
