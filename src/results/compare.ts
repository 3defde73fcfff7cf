import { COUNCILS } from '../councils/data.js';
import { REGION_NAMES, type Council } from '../councils/model.js';
import type { ValidationResult } from '../errors/index.js';
import { QUALITY_STATEMENTS, type QualityStatementId } from '../framework/quality-statements.js';
import { THEMES, type ThemeId } from '../framework/themes.js';
import type { AssessmentScore } from '../scoring/assessment-result.js';
import type { ScoringOptions } from '../scoring/options.js';
import { RATINGS, type QualityStatementScore, type Rating } from '../scoring/ratings.js';
import { PUBLISHED_RESULTS } from './data.js';
import type { PublishedResult } from './model.js';
import { councilByCode, selectResults, type JoinedRow } from './select.js';
import { distributionOf, type ScoreCounts } from './statistics.js';

/** The groups a council is compared with. */
export const COMPARISON_GROUPS = ['england', 'region', 'type', 'peers'] as const;

/** A comparison group. */
export type ComparisonGroupKind = (typeof COMPARISON_GROUPS)[number];

/** One quality statement: the council's score against a group's. */
export interface StatementBenchmark {
  /** The quality statement. */
  readonly id: QualityStatementId;
  /** The council's score. */
  readonly score: QualityStatementScore;
  /** The group's mean score (the council included). */
  readonly mean: number;
  /** How many of the group scored 1, 2, 3, 4 (the council included). */
  readonly counts: ScoreCounts;
  /** Group members scoring higher than the council. */
  readonly higher: number;
  /** Group members scoring lower than the council. */
  readonly lower: number;
}

/** One theme: the council's percentage (theme total ÷ theme maximum) against a group's. */
export interface ThemeBenchmark {
  /** The theme. */
  readonly theme: ThemeId;
  /** The council's theme percentage (exact). */
  readonly percentage: number;
  /** The group's mean theme percentage. */
  readonly mean: number;
  /** Lowest and highest theme percentage in the group. */
  readonly min: number;
  /** Highest theme percentage in the group. */
  readonly max: number;
  /** 1 + members with a higher theme total. */
  readonly rank: number;
}

/** The council among one group. */
export interface GroupComparison {
  /** Which group. */
  readonly group: ComparisonGroupKind;
  /** Its name, e.g. `'London'`, `'London boroughs'`, `'England'`. */
  readonly label: string;
  /** Councils of the group with all nine published scores, the council included, by ONS code. */
  readonly members: readonly string[];
  /** Councils of the group without all nine published scores (not compared), by ONS code. */
  readonly notScored: readonly string[];
  /** `members.length`. */
  readonly size: number;
  /** 1 + members with a higher total (ties share a rank). */
  readonly rank: number;
  /**
   * Percentile rank: 100 × (members with a lower total + ½ × members with the same total,
   * the council included) ÷ size. `undefined` when the group has fewer than `minGroupSize` members.
   */
  readonly percentile: number | undefined;
  /** Per quality statement, in framework order. */
  readonly statements: readonly StatementBenchmark[];
  /** Per theme, in framework order. */
  readonly themes: readonly ThemeBenchmark[];
}

/** Where a council stands among councils like it. */
export interface CouncilComparison {
  /** The council. */
  readonly council: Council;
  /** Its formal result. */
  readonly result: PublishedResult;
  /** Its nine scores put through `scoreAssessment`. */
  readonly score: AssessmentScore;
  /** The groups: England, its region, its type, and its peers, in that order. */
  readonly groups: readonly GroupComparison[];
  /** The smallest group given a percentile. */
  readonly minGroupSize: number;
}

/** Options of {@link compareCouncil}. */
export interface CompareCouncilOptions {
  /** The results table. Default {@link PUBLISHED_RESULTS}. */
  readonly results?: readonly PublishedResult[];
  /**
   * The peer group, as ONS codes (e.g. the council's CIPFA nearest neighbours); the council
   * itself is always included. Default: councils of the same type in the same region.
   */
  readonly peers?: readonly string[];
  /** The smallest group a percentile is given for (modelled: a percentile of fewer is noise). Default 5. */
  readonly minGroupSize?: number;
  /** Passed to `scoreAssessment`. */
  readonly scoring?: ScoringOptions;
}

/** Stable codes of the issues {@link compareCouncil} returns. */
export type CompareIssueCode =
  | 'unknown-council'
  | 'no-formal-result'
  | 'scores-not-published'
  | 'unknown-peer';

const TYPE_LABELS: Readonly<Record<Council['type'], string>> = {
  unitary: 'Unitary councils',
  'metropolitan-district': 'Metropolitan districts',
  'london-borough': 'London boroughs',
  county: 'County councils',
};

function themeTotal(row: JoinedRow, theme: ThemeId): { total: number; maximum: number } {
  const t = row.score!.themes.find((x) => x.theme === theme)!;
  return { total: t.total, maximum: t.maximum };
}

/** The council's standing in one group (shared with the band-above what-if). */
function groupComparison(
  self: JoinedRow,
  group: ComparisonGroupKind,
  label: string,
  definition: readonly Council[],
  scoredByCode: ReadonlyMap<string, JoinedRow>,
  minGroupSize: number,
): GroupComparison {
  const members = [...new Set([self.council.code, ...definition.map((c) => c.code)])]
    .filter((c) => scoredByCode.has(c))
    .sort();
  const notScored = definition
    .map((c) => c.code)
    .filter((c) => !scoredByCode.has(c))
    .sort();
  const rows = members.map((c) => scoredByCode.get(c)!);
  const total = self.score!.total;
  const higher = rows.filter((r) => r.score!.total > total).length;
  const lower = rows.filter((r) => r.score!.total < total).length;
  const same = rows.length - higher - lower;
  const statements = QUALITY_STATEMENTS.map(({ id }): StatementBenchmark => {
    const score = self.result.scores[id]!;
    const values = rows.map((r) => r.result.scores[id]!);
    const { counts, mean } = distributionOf(values);
    return Object.freeze({
      id,
      score,
      mean: mean!,
      counts,
      higher: values.filter((v) => v > score).length,
      lower: values.filter((v) => v < score).length,
    });
  });
  const themes = THEMES.map(({ id: theme }): ThemeBenchmark => {
    const mine = themeTotal(self, theme);
    const all = rows.map((r) => themeTotal(r, theme));
    const percentages = all.map((t) => (100 * t.total) / t.maximum);
    return Object.freeze({
      theme,
      percentage: (100 * mine.total) / mine.maximum,
      mean: percentages.reduce((a, b) => a + b, 0) / percentages.length,
      min: Math.min(...percentages),
      max: Math.max(...percentages),
      rank: 1 + all.filter((t) => t.total > mine.total).length,
    });
  });
  return Object.freeze({
    group,
    label,
    members: Object.freeze(members),
    notScored: Object.freeze(notScored),
    size: rows.length,
    rank: 1 + higher,
    percentile: rows.length >= minGroupSize ? (100 * (lower + same / 2)) / rows.length : undefined,
    statements: Object.freeze(statements),
    themes: Object.freeze(themes),
  });
}

/** The council's scored formal row and every scored formal row by code, or the issue why not. */
function scoredFormalRows(
  code: string,
  results: readonly PublishedResult[],
  scoring: ScoringOptions | undefined,
): ValidationResult<
  { self: JoinedRow; scoredByCode: ReadonlyMap<string, JoinedRow> },
  CompareIssueCode
> {
  const council = councilByCode(code);
  if (!council)
    return {
      success: false,
      issues: [
        {
          code: 'unknown-council',
          path: ['council'],
          message: `${code} is not one of the 153 councils (use findCouncil to look a name up)`,
        },
      ],
    };
  const { rows } = selectResults(results, { kind: 'formal', scoring });
  const own = rows.find((r) => r.council.code === code);
  if (!own)
    return {
      success: false,
      issues: [
        {
          code: 'no-formal-result',
          path: ['council'],
          message: `${council.name} (${code}) has no formal result in the table: not published, or not yet found (see RESULTS_COVERAGE)`,
        },
      ],
    };
  if (!own.score) {
    return {
      success: false,
      issues: [
        {
          code: 'scores-not-published',
          path: ['council'],
          message: `${council.name} (${code}): not all nine quality statement scores are in the table, so it cannot be compared statement by statement`,
        },
      ],
    };
  }
  const scoredByCode = new Map(rows.filter((r) => r.score).map((r) => [r.council.code, r]));
  return { success: true, data: { self: own, scoredByCode } };
}

/**
 * Where a council stands among all scored councils in England, in its region, among its
 * council type, and among a peer group (yours, or the same type in the same region): its
 * percentage and rating, rank and percentile in each group (a percentile only for groups of
 * at least `minGroupSize`), and per quality statement and per theme its score against the
 * group's distribution. Group sizes are stated, with the group's councils lacking scores.
 * Only formal results with all nine scores are compared.
 *
 * @example
 * ```ts
 * import { compareCouncil } from 'la-assurance/results';
 *
 * const r = compareCouncil('E09000007'); // Camden
 * if (r.success) {
 *   r.data.groups[0]?.rank;  // 1 (joint first in England with Kensington and Chelsea)
 *   r.data.groups[0]?.size;  // 75
 * }
 * ```
 */
export function compareCouncil(
  code: string,
  options: CompareCouncilOptions = {},
): ValidationResult<CouncilComparison, CompareIssueCode> {
  const minGroupSize = options.minGroupSize ?? 5;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1)
    throw new RangeError('options.minGroupSize must be a whole number of at least 1');
  const found = scoredFormalRows(code, options.results ?? PUBLISHED_RESULTS, options.scoring);
  if (!found.success) return found;
  const { self, scoredByCode } = found.data;
  const council = self.council;
  let peers: Council[];
  if (options.peers) {
    const unknown = options.peers.filter((p) => !councilByCode(p));
    if (unknown.length > 0) {
      return {
        success: false,
        issues: unknown.map((p) => ({
          code: 'unknown-peer' as const,
          path: ['peers', options.peers!.indexOf(p)],
          message: `peer ${p} is not one of the 153 councils`,
        })),
      };
    }
    peers = options.peers.map((p) => councilByCode(p)!);
  } else peers = COUNCILS.filter((c) => c.type === council.type && c.region === council.region);
  const groups = [
    groupComparison(self, 'england', 'England', COUNCILS, scoredByCode, minGroupSize),
    groupComparison(
      self,
      'region',
      REGION_NAMES[council.region],
      COUNCILS.filter((c) => c.region === council.region),
      scoredByCode,
      minGroupSize,
    ),
    groupComparison(
      self,
      'type',
      TYPE_LABELS[council.type],
      COUNCILS.filter((c) => c.type === council.type),
      scoredByCode,
      minGroupSize,
    ),
    groupComparison(
      self,
      'peers',
      options.peers
        ? 'Peers (given)'
        : `${TYPE_LABELS[council.type]} in ${REGION_NAMES[council.region]}`,
      peers.some((p) => p.code === council.code) ? peers : [council, ...peers],
      scoredByCode,
      minGroupSize,
    ),
  ];
  return {
    success: true,
    data: Object.freeze({
      council,
      result: self.result,
      score: self.score!,
      groups: Object.freeze(groups),
      minGroupSize,
    }),
  };
}

/** How the council's scores compare with councils rated one band higher. */
export interface BandAboveComparison {
  /** The council. */
  readonly council: Council;
  /** Its rating from its nine scores. */
  readonly rating: Rating;
  /** The next rating up; `undefined` when Outstanding. */
  readonly nextRating: Rating | undefined;
  /** Councils whose nine scores give the next rating, by ONS code. */
  readonly councilsAbove: readonly string[];
  /**
   * Per quality statement: how many of those councils score higher than this council, their
   * mean; sorted by `higher` (most often higher first), then framework order. Empty when
   * there is no band above or no scored council in it.
   */
  readonly statements: readonly BandAboveStatement[];
}

/** One quality statement against the councils one band up (they exclude the council itself). */
export interface BandAboveStatement extends StatementBenchmark {
  /** `higher` as a share of the councils one band up (0–1). */
  readonly share: number;
}

/**
 * What-if against the record: for a council with all nine scores, the councils one band up
 * (by their own nine scores, through `scoreAssessment`) and on which statements they most
 * often score higher than it. Pair it with `improvementsToNextRating` (how many raises).
 *
 * @example
 * ```ts
 * import { compareWithBandAbove } from 'la-assurance/results';
 *
 * const r = compareWithBandAbove('E10000020'); // Norfolk, Requires improvement
 * r.success && r.data.nextRating; // 'good'
 * ```
 */
export function compareWithBandAbove(
  code: string,
  options: Omit<CompareCouncilOptions, 'peers' | 'minGroupSize'> = {},
): ValidationResult<BandAboveComparison, CompareIssueCode> {
  const found = scoredFormalRows(code, options.results ?? PUBLISHED_RESULTS, options.scoring);
  if (!found.success) return found;
  const { self, scoredByCode } = found.data;
  const rating = self.score!.rating;
  const nextRating = RATINGS[RATINGS.indexOf(rating) + 1];
  const above =
    nextRating === undefined
      ? []
      : [...scoredByCode.values()]
          .filter((r) => r.score!.rating === nextRating)
          .map((r) => r.council);
  const others = above.map((c) => scoredByCode.get(c.code)!);
  const statements = (others.length === 0 ? [] : QUALITY_STATEMENTS)
    .map(({ id }, i) => {
      const score = self.result.scores[id]!;
      const values = others.map((r) => r.result.scores[id]!);
      const { counts, mean } = distributionOf(values);
      const higher = values.filter((v) => v > score).length;
      return Object.freeze({
        id,
        score,
        mean: mean!,
        counts,
        higher,
        lower: values.filter((v) => v < score).length,
        share: values.length ? higher / values.length : 0,
        order: i,
      });
    })
    .sort((a, b) => b.higher - a.higher || a.order - b.order)
    .map(({ order: _order, ...s }) => Object.freeze(s));
  return {
    success: true,
    data: Object.freeze({
      council: self.council,
      rating,
      nextRating,
      councilsAbove: Object.freeze(above.map((c) => c.code).sort()),
      statements: Object.freeze(statements),
    }),
  };
}
