import { QUALITY_STATEMENT_IDS, type QualityStatementId } from '../framework/quality-statements.js';
import type { QualityStatementScore, Rating } from '../scoring/ratings.js';
import { isIsoDate, type IsoDate } from '../timeline/iso-date.js';
import type { RuleSource } from '../timeline/rules.js';
import type { Report } from './model.js';
import { reportRating } from './rating.js';

/** How often a council is assessed, with its provenance. */
export interface AssessmentCycle extends RuleSource {
  /** Shortest gap between two assessments, in years. */
  readonly minYears: number;
  /** Longest gap, in years. */
  readonly maxYears: number;
  /** What it is, for a person. */
  readonly label: string;
}

/** The assessment cycles of {@link ASSESSMENT_CYCLES}. */
export interface AssessmentCycles {
  /** Pilot councils: re-assessed about two years after their pilot (observed). */
  readonly 'pilot-reassessment': AssessmentCycle;
  /** CQC's proposal for the next cycle, 3–4 years (not adopted; labelled modelled). */
  readonly 'proposed-next-cycle': AssessmentCycle;
}

/**
 * The assessment cycles we know of:
 * - `'pilot-reassessment'` (observed): the pilot councils were re-assessed about two years
 *   after their pilots (pilots 2023, re-assessed 2025);
 * - `'proposed-next-cycle'` (a proposal, not adopted — labelled modelled): CQC proposes a
 *   re-assessment every 3–4 years, with an annual self-assessment discussed with CQC and
 *   thematic reviews of samples of councils.
 *
 * @example
 * ```ts
 * import { ASSESSMENT_CYCLES } from 'la-assurance/report';
 *
 * ASSESSMENT_CYCLES['proposed-next-cycle'].maxYears; // 4
 * ```
 */
export const ASSESSMENT_CYCLES: AssessmentCycles = /* @__PURE__ */ Object.freeze({
  'pilot-reassessment': Object.freeze({
    minYears: 2,
    maxYears: 2,
    label: 'Pilot councils: re-assessed about two years after their pilot',
    basis: 'observed',
    source:
      'Pilot councils (assessed May–Nov 2023) were re-assessed in 2025 (domain reference §10)',
  }),
  'proposed-next-cycle': Object.freeze({
    minYears: 3,
    maxYears: 4,
    label:
      'CQC proposal (not adopted): re-assessment every 3–4 years, an annual self-assessment, thematic reviews of samples of councils',
    basis: 'modelled',
    source: "CQC's proposals for the next cycle (2025–26), not adopted (domain reference §6, §10)",
  }),
});

/** How one quality statement moved between two assessments. */
export interface StatementDirection {
  /** The statement. */
  readonly qualityStatement: QualityStatementId;
  /** Its score in the earlier report, or `null` if not scored there. */
  readonly from: QualityStatementScore | null;
  /** Its score in the later report, or `null` if not scored there. */
  readonly to: QualityStatementScore | null;
  /** Up, down, the same, or not comparable (scored in only one). */
  readonly direction: 'improved' | 'declined' | 'unchanged' | 'not-comparable';
}

/** The direction of travel of a council between two of its reports. */
export interface DirectionOfTravel {
  /** The rating of each report, recomputed from its scores. */
  readonly ratings: {
    /** The earlier report's rating. */
    readonly from: Rating;
    /** The later report's rating. */
    readonly to: Rating;
  };
  /** The percentages of their scores (exact). */
  readonly percentages: {
    /** The earlier report's. */
    readonly from: number;
    /** The later report's. */
    readonly to: number;
  };
  /** Each quality statement, in framework order. */
  readonly statements: readonly StatementDirection[];
}

/**
 * The direction of travel between an earlier report and a later one (an initial
 * assessment and a re-assessment, say), per quality statement and overall.
 *
 * @throws RangeError when the reports are of different councils (a programmer error).
 * @example
 * ```ts
 * import { directionOfTravel, replayReport } from 'la-assurance/report';
 *
 * const scored = (date: string, safeguarding: 2 | 3) => {
 *   const r = replayReport([{ type: 'assessment-scored', date, council: 'Example Council', scores: { safeguarding, 'assessing-needs': 3 } }]);
 *   if (!r.success) throw new Error(r.issues[0]?.message);
 *   return r.data;
 * };
 * const initial = scored('2023-06-05', 2);
 * const reassessment = scored('2025-06-02', 3);
 * directionOfTravel(initial, reassessment).statements.find((s) => s.qualityStatement === 'safeguarding')?.direction; // 'improved'
 * ```
 */
export function directionOfTravel(earlier: Report, later: Report): DirectionOfTravel {
  if (earlier.council !== later.council)
    throw new RangeError(
      `directionOfTravel compares two reports of one council; got ${earlier.council} and ${later.council}`,
    );
  const statements = QUALITY_STATEMENT_IDS.map((id): StatementDirection => {
    const from = earlier.scores[id] ?? null;
    const to = later.scores[id] ?? null;
    const direction =
      from === null || to === null
        ? 'not-comparable'
        : to > from
          ? 'improved'
          : to < from
            ? 'declined'
            : 'unchanged';
    return Object.freeze({ qualityStatement: id, from, to, direction });
  });
  const a = reportRating(earlier);
  const b = reportRating(later);
  return Object.freeze({
    ratings: Object.freeze({ from: a.rating, to: b.rating }),
    percentages: Object.freeze({ from: a.percentage, to: b.percentage }),
    statements: Object.freeze(statements),
  });
}

/** When the next assessment is due under a cycle. */
export interface NextAssessmentWindow extends RuleSource {
  /** The earliest expected date. */
  readonly from: IsoDate;
  /** The latest expected date. */
  readonly to: IsoDate;
}

/**
 * The window in which the next assessment is expected, counted in whole years from the
 * last site visit (or publication), under a cycle (default `'proposed-next-cycle'`, a
 * proposal not adopted; pass `ASSESSMENT_CYCLES['pilot-reassessment']` or your own).
 * 29 February counts to 28 February in a common year.
 *
 * @throws RangeError for a date that is not `YYYY-MM-DD` or a cycle with bad years (programmer errors).
 * @example
 * ```ts
 * import { nextAssessmentWindow } from 'la-assurance/report';
 *
 * nextAssessmentWindow('2025-07-14').to; // '2029-07-14'
 * ```
 */
export function nextAssessmentWindow(
  lastAssessed: string,
  cycle: AssessmentCycle = ASSESSMENT_CYCLES['proposed-next-cycle'],
): NextAssessmentWindow {
  if (!isIsoDate(lastAssessed))
    throw new RangeError(`lastAssessed must be a YYYY-MM-DD date; got ${String(lastAssessed)}`);
  const { minYears, maxYears } = cycle;
  if (
    !Number.isInteger(minYears) ||
    !Number.isInteger(maxYears) ||
    minYears < 0 ||
    maxYears < minYears ||
    maxYears > 50
  ) {
    throw new RangeError(
      'cycle.minYears and cycle.maxYears must be whole numbers with 0 ≤ minYears ≤ maxYears ≤ 50',
    );
  }
  const plusYears = (years: number): IsoDate => {
    const y = Number(lastAssessed.slice(0, 4)) + years;
    const md = lastAssessed.slice(4);
    const candidate = `${String(y).padStart(4, '0')}${md}`;
    return isIsoDate(candidate) ? candidate : (`${String(y).padStart(4, '0')}-02-28` as IsoDate);
  };
  return Object.freeze({
    from: plusYears(minYears),
    to: plusYears(maxYears),
    basis: cycle.basis,
    source: cycle.source,
  });
}

/** One assessment in a council's history. */
export interface AssessmentHistoryEntry {
  /** `'initial'` for the first, `'re-assessment'` for each later one. */
  readonly kind: 'initial' | 're-assessment';
  /** The report. */
  readonly report: Report;
  /** The direction of travel since the previous assessment (`null` for the first). */
  readonly sincePrevious: DirectionOfTravel | null;
}

/**
 * A council's assessment history: its reports in the order of their first event, the first
 * labelled `'initial'` and each later one `'re-assessment'`, each with its direction of
 * travel since the one before.
 *
 * @throws RangeError when the reports are of more than one council, or there are none (programmer errors).
 * @example
 * ```ts
 * import { assessmentHistory, replayReport } from 'la-assurance/report';
 *
 * const scored = (date: string, safeguarding: 2 | 3) => {
 *   const r = replayReport([{ type: 'assessment-scored', date, council: 'Example Council', scores: { safeguarding, 'assessing-needs': 3 } }]);
 *   if (!r.success) throw new Error(r.issues[0]?.message);
 *   return r.data;
 * };
 * const initial = scored('2023-06-05', 2);
 * const reassessment = scored('2025-06-02', 3);
 * assessmentHistory([reassessment, initial]).map((e) => e.kind); // ['initial', 're-assessment']
 * ```
 */
export function assessmentHistory(reports: readonly Report[]): readonly AssessmentHistoryEntry[] {
  if (reports.length === 0) throw new RangeError('assessmentHistory needs at least one report');
  const council = reports[0]!.council;
  if (reports.some((r) => r.council !== council))
    throw new RangeError('assessmentHistory takes the reports of one council');
  const started = (r: Report): string => r.history[0]!.date;
  const sorted = [...reports].sort((a, b) =>
    started(a) < started(b) ? -1 : started(a) > started(b) ? 1 : 0,
  );
  return Object.freeze(
    sorted.map((report, i) =>
      Object.freeze({
        kind: i === 0 ? 'initial' : 're-assessment',
        report,
        sincePrevious: i === 0 ? null : directionOfTravel(sorted[i - 1]!, report),
      }),
    ),
  );
}
