import { COUNCILS } from '../councils/data.js';
import {
  COUNCIL_TYPES,
  REGIONS,
  type Council,
  type CouncilType,
  type Region,
} from '../councils/model.js';
import type { AssessmentScore } from '../scoring/assessment-result.js';
import type { ScoringOptions } from '../scoring/options.js';
import { scoreAssessment } from '../scoring/score-assessment.js';
import { hasAllNineScores } from './coverage.js';
import {
  ASSESSMENT_KINDS,
  CONFIDENCE_LEVELS,
  type AssessmentKind,
  type Confidence,
  type PublishedResult,
} from './model.js';

/** Which rows an analysis uses. */
export interface ResultFilter {
  /** Only councils in this region (or these regions). Default: all. */
  readonly region?: Region | readonly Region[];
  /** Only councils of this type (or these types). Default: all. */
  readonly type?: CouncilType | readonly CouncilType[];
  /**
   * Only reports published on or after this day (`'YYYY-MM-DD'`; `'YYYY-MM'` or `'YYYY'` mean
   * its first day). A row dated only by month or year counts when its whole month or year is
   * on or after it; a row whose period straddles it, or with no date, is left out and listed
   * in `uncertainDate`. Default: no limit.
   */
  readonly since?: string;
  /** Only reports published on or before this day (`'YYYY-MM'` or `'YYYY'` mean its last day). Default: no limit. */
  readonly until?: string;
  /** Only rows at least this confident. Default `'low'` (all rows). */
  readonly minConfidence?: Confidence;
  /** Which assessments. Default `'formal'` (pilot ratings were indicative); `'any'` for both. */
  readonly kind?: AssessmentKind | 'any';
}

/** Options of the analyses that score rows: the filter, and how percentages are banded. */
export interface ResultAnalysisOptions extends ResultFilter {
  /** Passed to `scoreAssessment` (rounding rule). Default: its defaults. */
  readonly scoring?: ScoringOptions;
}

/** A row joined to its council and, when all nine scores are known, scored. */
export interface JoinedRow {
  readonly result: PublishedResult;
  readonly council: Council;
  readonly score: AssessmentScore | undefined;
}

/** The rows a filter keeps, and those left out only because their date is not precise enough. */
export interface Selection {
  readonly rows: readonly JoinedRow[];
  readonly uncertainDate: readonly string[];
  readonly unknownCouncil: readonly string[];
}

const COUNCIL_BY_CODE: ReadonlyMap<string, Council> = /* @__PURE__ */ new Map(
  COUNCILS.map((c) => [c.code, c]),
);

/** The council with this code, if it is one of the 153. */
export function councilByCode(code: string): Council | undefined {
  return COUNCIL_BY_CODE.get(code);
}

const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period (as sortable strings). */
export function periodBounds(period: string): readonly [string, string] {
  const m = PERIOD.exec(period)!;
  if (m[3]) return [period, period];
  if (m[2]) return [`${period}-01`, `${period}-31`];
  return [`${period}-01-01`, `${period}-12-31`];
}

function asList<T>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  return value === undefined
    ? undefined
    : Array.isArray(value)
      ? (value as readonly T[])
      : [value as T];
}

function checkFilter(filter: ResultFilter): void {
  for (const key of ['since', 'until'] as const) {
    const value = filter[key];
    if (value !== undefined && (typeof value !== 'string' || !PERIOD.test(value))) {
      throw new RangeError(
        `options.${key} must be YYYY-MM-DD, YYYY-MM or YYYY; got ${String(value)}`,
      );
    }
  }
  for (const region of asList(filter.region) ?? [])
    if (!REGIONS.includes(region))
      throw new RangeError(`options.region: unknown region ${String(region)}`);
  for (const type of asList(filter.type) ?? [])
    if (!COUNCIL_TYPES.includes(type))
      throw new RangeError(`options.type: unknown council type ${String(type)}`);
  if (filter.minConfidence !== undefined && !CONFIDENCE_LEVELS.includes(filter.minConfidence)) {
    throw new RangeError(`options.minConfidence must be one of ${CONFIDENCE_LEVELS.join(', ')}`);
  }
  if (
    filter.kind !== undefined &&
    filter.kind !== 'any' &&
    !ASSESSMENT_KINDS.includes(filter.kind)
  ) {
    throw new RangeError(`options.kind must be pilot, formal or any`);
  }
}

/** Scores a row's nine scores with `scoreAssessment`, or `undefined` when any is unknown. */
function scoreOf(result: PublishedResult, scoring?: ScoringOptions): AssessmentScore | undefined {
  return hasAllNineScores(result) ? scoreAssessment(result.scores, scoring) : undefined;
}

/** The rows of `results` the filter keeps, joined to their councils and scored (rows naming no known council are listed in `unknownCouncil`). */
export function selectResults(
  results: readonly PublishedResult[],
  options: ResultAnalysisOptions = {},
): Selection {
  checkFilter(options);
  const regions = asList(options.region);
  const types = asList(options.type);
  const minConfidence = CONFIDENCE_LEVELS.indexOf(options.minConfidence ?? 'low');
  const kind = options.kind ?? 'formal';
  const since = options.since === undefined ? undefined : periodBounds(options.since)[0];
  const until = options.until === undefined ? undefined : periodBounds(options.until)[1];
  const rows: JoinedRow[] = [];
  const uncertainDate: string[] = [];
  const unknownCouncil: string[] = [];
  for (const result of results) {
    const council = COUNCIL_BY_CODE.get(result.council);
    if (!council) {
      unknownCouncil.push(result.council);
      continue;
    }
    if (kind !== 'any' && result.kind !== kind) continue;
    if (regions && !regions.includes(council.region)) continue;
    if (types && !types.includes(council.type)) continue;
    if (CONFIDENCE_LEVELS.indexOf(result.confidence) < minConfidence) continue;
    if (since !== undefined || until !== undefined) {
      if (result.published === undefined) {
        uncertainDate.push(result.council);
        continue;
      }
      const [first, last] = periodBounds(result.published);
      if ((since !== undefined && last < since) || (until !== undefined && first > until)) continue;
      if ((since !== undefined && first < since) || (until !== undefined && last > until)) {
        uncertainDate.push(result.council);
        continue;
      }
    }
    rows.push({ result, council, score: scoreOf(result, options.scoring) });
  }
  return { rows, uncertainDate, unknownCouncil };
}
