// Hand-written shape check of one event (no zod, so that applying an event stays light).
// test/report/schemas.test.ts checks that ReportEventSchema accepts exactly what this accepts.
import type { IssuePath, ValidationIssue } from '../errors/index.js';
import { QUALITY_STATEMENT_IDS } from '../framework/quality-statements.js';
import { describeValue, isPlainObject } from '../internal/describe.js';
import { validateQualityStatementScores } from '../scoring/score-assessment.js';
import { isIsoDate } from '../timeline/iso-date.js';
import {
  COMMENT_DECISIONS,
  COUNCIL_ROLES,
  CQC_ROLES,
  FACTUAL_ACCURACY_CATEGORIES,
  REPORT_EVENT_TYPES,
  REVIEW_OUTCOMES,
  type ReportEvent,
  type ReportEventErrorCode,
  type ReportEventType,
} from './model.js';

type Issue = ValidationIssue<ReportEventErrorCode>;
type Checked = { readonly value: unknown } | { readonly issue: Issue };

const ROLES: readonly string[] = [...COUNCIL_ROLES, ...CQC_ROLES];

function invalid(path: IssuePath, expected: string, value: unknown): { issue: Issue } {
  return {
    issue: {
      code: 'invalid-event',
      path,
      message: `${['event', ...path].join('.')}: expected ${expected}; got ${describeValue(value)}`,
    },
  };
}

// A field check gets the value and, to build an issue's path only when it fails, its
// parent's path and its key (applying an event is on the hot path of a replay).
type FieldCheck = (value: unknown, parent: IssuePath, key: string | number) => Checked;

function oneOf(values: readonly unknown[], what: string): FieldCheck {
  return (value, parent, key) =>
    values.includes(value)
      ? { value }
      : invalid([...parent, key], `${what} (one of ${values.join(', ')})`, value);
}

/** The checks of an object's fields, in the order they are copied, and which are required. */
interface Shape {
  readonly fields: readonly (readonly [string, FieldCheck])[];
  readonly known: ReadonlySet<string>;
  readonly required: readonly string[];
}

function shape(fields: Readonly<Record<string, FieldCheck>>, required: readonly string[]): Shape {
  return { fields: Object.entries(fields), known: new Set(Object.keys(fields)), required };
}

/** Checks a plain object against a shape; rejects unknown fields; copies known ones in the shape's order. */
function checkObject(value: unknown, path: IssuePath, { fields, known, required }: Shape): Checked {
  if (!isPlainObject(value)) return invalid(path, 'an object', value);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) {
      return {
        issue: {
          code: 'invalid-event',
          path: [...path, key],
          message: `${['event', ...path].join('.')}: unknown field '${key}'`,
        },
      };
    }
  }
  const copy: Record<string, unknown> = {};
  for (const [key, check] of fields) {
    if (!Object.hasOwn(value, key)) {
      if (required.includes(key))
        return {
          issue: {
            code: 'invalid-event',
            path: [...path, key],
            message: `${['event', ...path, key].join('.')} is missing`,
          },
        };
      continue;
    }
    const checked = check(value[key], path, key);
    if ('issue' in checked) return checked;
    copy[key] = checked.value;
  }
  return { value: Object.freeze(copy) };
}

const date: FieldCheck = (value, parent, key) =>
  isIsoDate(value)
    ? { value }
    : invalid([...parent, key], 'a calendar date written YYYY-MM-DD', value);
const NON_BLANK = /\S/;
const text: FieldCheck = (value, parent, key) =>
  typeof value === 'string' && NON_BLANK.test(value)
    ? { value }
    : invalid([...parent, key], 'some text', value);
const role = oneOf(ROLES, 'a council or CQC role');
const qualityStatement = oneOf(QUALITY_STATEMENT_IDS, 'a quality statement id');
const score = oneOf([1, 2, 3, 4], 'a score from 1 to 4');
const percentage: FieldCheck = (value, parent, key) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100
    ? { value }
    : invalid([...parent, key], 'a whole-number percentage from 0 to 100', value);
const scores: FieldCheck = (value, parent, key) => {
  const checked = validateQualityStatementScores(value);
  if (checked.success) return { value: checked.data };
  const first = checked.issues[0]!;
  return {
    issue: {
      code: 'invalid-event',
      path: [...parent, key, ...first.path.slice(1)],
      message: `event.${first.message}`,
    },
  };
};
const SCORE_CHANGE = shape({ qualityStatement, score }, ['qualityStatement', 'score']);
const scoreChange: FieldCheck = (value, parent, key) =>
  checkObject(value, [...parent, key], SCORE_CHANGE);
const COMMENT = shape(
  {
    id: text,
    category: oneOf(FACTUAL_ACCURACY_CATEGORIES, 'a factual accuracy category'),
    qualityStatement,
    text,
  },
  ['id', 'category', 'text'],
);
const comments: FieldCheck = (value, parent, key) => {
  const path = [...parent, key];
  if (!Array.isArray(value))
    return invalid(path, 'a list of comments (empty if the council has none)', value);
  const copy: unknown[] = [];
  for (const [i, item] of value.entries()) {
    const checked = checkObject(item, [...path, i], COMMENT);
    if ('issue' in checked) return checked;
    copy.push(checked.value);
  }
  return { value: Object.freeze(copy) };
};

const passThrough: FieldCheck = (value) => ({ value });

/** The shape of each event type: `type`, `date` and `by`, then its own fields; which are required. */
const EVENT_SHAPES: { readonly [T in ReportEventType]: Shape } = (() => {
  const own: {
    readonly [T in ReportEventType]: readonly [
      Readonly<Record<string, FieldCheck>>,
      readonly string[],
    ];
  } = {
    'assessment-scored': [{ council: text, scores, siteVisitStart: date }, ['council', 'scores']],
    'score-amended': [
      { qualityStatement, score, reason: text },
      ['qualityStatement', 'score', 'reason'],
    ],
    'quality-assurance-completed': [{}, []],
    'calibration-panel-held': [{}, []],
    'draft-report-sent': [{}, []],
    'factual-accuracy-extension-granted': [{ until: date, reason: text }, ['until', 'reason']],
    'factual-accuracy-comments-submitted': [{ comments }, ['comments', 'by']],
    'factual-accuracy-comment-decided': [
      {
        commentId: text,
        decision: oneOf(COMMENT_DECISIONS, 'a decision'),
        reason: text,
        amendment: scoreChange,
      },
      ['commentId', 'decision', 'reason'],
    ],
    'factual-accuracy-check-concluded': [{}, []],
    'report-published': [{ publishedPercentage: percentage }, []],
    'rating-process-review-requested': [{ grounds: text }, ['grounds', 'by']],
    'rating-process-review-concluded': [
      { outcome: oneOf(REVIEW_OUTCOMES, 'an outcome'), reason: text },
      ['outcome', 'reason'],
    ],
    'report-withdrawn': [{ reason: text }, ['reason']],
    'report-republished': [{}, []],
    'report-superseded': [{ supersededBy: text }, ['supersededBy']],
    'section-50-notice-given': [
      { respects: text, action: text, actionBy: date },
      ['respects', 'action', 'actionBy'],
    ],
    'special-measures-recommended': [{ reason: text }, ['reason']],
  };
  const out = {} as Record<ReportEventType, Shape>;
  for (const type of REPORT_EVENT_TYPES) {
    const [fields, required] = own[type];
    out[type] = shape({ type: passThrough, date, by: role, ...fields }, [
      'type',
      'date',
      ...required,
    ]);
  }
  return out;
})();

const EMPTY_PATH: IssuePath = Object.freeze([]);

/**
 * Checks the shape of an event from untrusted data and returns a frozen copy holding only
 * its fields (in a fixed order), or the first problem found (code `invalid-event`).
 */
export function checkReportEvent(
  input: unknown,
): { readonly event: ReportEvent } | { readonly issue: Issue } {
  if (!isPlainObject(input)) return invalid([], 'an event object', input);
  const type = input.type;
  if (!(REPORT_EVENT_TYPES as readonly unknown[]).includes(type))
    return invalid(['type'], `an event type (one of ${REPORT_EVENT_TYPES.join(', ')})`, type);
  const checked = checkObject(input, EMPTY_PATH, EVENT_SHAPES[type as ReportEventType]);
  if ('issue' in checked) return checked;
  const event = checked.value as ReportEvent;
  if (
    event.type === 'factual-accuracy-comment-decided' &&
    event.amendment &&
    event.decision !== 'accepted'
  ) {
    return {
      issue: {
        code: 'invalid-event',
        path: ['amendment'],
        message: 'event.amendment: only an accepted comment can change a score',
      },
    };
  }
  return { event };
}
