/**
 * CQC's published local authority assessment results as a typed, frozen, sourced table
 * (with its vintage, coverage and confidence), and the analyses built on it: consistency
 * checks against CQC's scoring method, the league table, distributions, benchmarking a
 * council against its region, type and peers, a what-if against councils one band up, and
 * accessible SVG pictures. Load a newer table with `parseResults`/`mergeResults`.
 *
 * @module results
 */
export {
  ASSESSMENT_KINDS,
  CONFIDENCE_LEVELS,
  type AssessmentKind,
  type Confidence,
  type PublishedResult,
  type ResultsAsOf,
  type ResultsCoverage,
} from './model.js';
export { PUBLISHED_RESULTS, RESULTS_AS_OF, RESULTS_COVERAGE } from './data.js';
export { resultsCoverage } from './coverage.js';
export {
  safeParseResults,
  parseResults,
  resultsFromCsvRows,
  type ResultsParseIssueCode,
} from './parse.js';
export { mergeResults, type MergedResults, type ResultConflict } from './merge.js';
export { checkResult, checkResults, type ResultFinding, type ResultFindingCode } from './check.js';
export type { ResultFilter, ResultAnalysisOptions } from './select.js';
export {
  leagueTable,
  type LeagueTable,
  type LeagueTableRow,
  type LeagueTableColumn,
  type LeagueTableOptions,
} from './league-table.js';
export {
  qualityStatementDistribution,
  weakestStatements,
  ratingsByRegion,
  resultsOverTime,
  type ScoreCounts,
  type StatementDistribution,
  type WeakestStatementCount,
  type RegionRatings,
  type MonthResults,
  type ResultsOverTime,
} from './statistics.js';
export {
  COMPARISON_GROUPS,
  compareCouncil,
  compareWithBandAbove,
  type ComparisonGroupKind,
  type CompareCouncilOptions,
  type CompareIssueCode,
  type CouncilComparison,
  type GroupComparison,
  type StatementBenchmark,
  type ThemeBenchmark,
  type BandAboveComparison,
  type BandAboveStatement,
} from './compare.js';
export { heatMapSvg, type HeatMapOptions } from './svg/heat-map.js';
export { comparisonChartSvg, type ComparisonChartOptions } from './svg/comparison-chart.js';
export {
  PublishedResultSchema,
  PublishedResultsSchema,
  AssessmentKindSchema,
  ConfidenceSchema,
  PublicationSchema,
} from './schemas.js';
export {
  LaAssuranceError,
  isLaAssuranceError,
  type ValidationIssue,
  type ValidationResult,
} from '../errors/index.js';
