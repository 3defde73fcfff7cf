import type { RuleSource } from '../timeline/rules.js';
import type { Report } from './model.js';

/**
 * The layouts of a published report: `'original'` (May 2024 on) and
 * `'with-financial-context'`, for site visits on or after 6 October 2025, which adds
 * factual financial information for context only — not used in the judgement (CQC
 * update, 30 Sep 2025).
 */
export const REPORT_LAYOUTS = ['original', 'with-financial-context'] as const;

/** A layout of a published report. */
export type ReportLayout = (typeof REPORT_LAYOUTS)[number];

/** The first site-visit day whose report shows financial context (CQC update, 30 Sep 2025). */
export const FINANCIAL_CONTEXT_FROM = '2025-10-06';

/** Which layout a report has, and why. */
export interface ReportLayoutResult extends RuleSource {
  /** The layout, or `'unknown'` when the report does not record its site visit. */
  readonly layout: ReportLayout | 'unknown';
  /** Whether the report shows the financial context section (`null` when unknown). */
  readonly financialContext: boolean | null;
}

const SOURCE =
  'CQC update, 30 September 2025: reports of site visits on or after 6 October 2025 show factual financial information for context only, not used in the judgement';

/**
 * The layout of a report, from the first day of its site visit (`siteVisitStart` on the
 * `assessment-scored` event), so an app can tell which sections to expect: from 6 Oct
 * 2025 the report has a financial context section (for context only; the judgement does
 * not use it).
 *
 * @example
 * ```ts
 * import { replayReport, reportLayout } from 'la-assurance/report';
 *
 * const scored = (siteVisitStart: string) => {
 *   const r = replayReport([{ type: 'assessment-scored', date: '2025-11-03', council: 'Example Council', siteVisitStart, scores: { safeguarding: 3 } }]);
 *   if (!r.success) throw new Error(r.issues[0]?.message);
 *   return r.data;
 * };
 * reportLayout(scored('2025-10-06')).layout; // 'with-financial-context'
 * reportLayout(scored('2025-10-03')).layout; // 'original'
 * ```
 */
export function reportLayout(report: Report): ReportLayoutResult {
  const start = report.siteVisitStart;
  if (start === null)
    return Object.freeze({
      layout: 'unknown',
      financialContext: null,
      basis: 'published',
      source: `${SOURCE}; this report does not record its site visit`,
    });
  const financialContext = start >= FINANCIAL_CONTEXT_FROM;
  return Object.freeze({
    layout: financialContext ? 'with-financial-context' : 'original',
    financialContext,
    basis: 'published',
    source: SOURCE,
  });
}
