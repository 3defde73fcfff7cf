import { LaAssuranceError, type ValidationIssue } from '../errors/index.js';
import { fromDayNumber, toDayNumber, type IsoDate } from './iso-date.js';
import {
  validateAssessmentTimelineInput,
  type AssessmentTimelineInput,
  type CheckedTimelineInput,
  type TimelineInputDateField,
} from './timeline-input.js';
import type { PublicationPause } from './publication-pauses.js';
import { publicationDateAfterPauses } from './publication-pauses.js';
import {
  resolveTimelineOptions,
  type AssessmentTimelineOptions,
  type ResolvedTimelineOptions,
  type TimelineDurationOption,
  type TimelineDurations,
  type TimelinePreset,
} from './timeline-options.js';

/** The milestones of an assessment, in the order they happen. */
export const MILESTONE_IDS = [
  'notification',
  'information-return-due',
  'information-return-submitted',
  'on-site-notice-due',
  'on-site-notice-given',
  'leadership-presentation',
  'data-focus-group',
  'on-site-window-opens',
  'on-site-start',
  'on-site-end',
  'on-site-window-closes',
  'draft-report-sent',
  'factual-accuracy-comments-due',
  'publication-expected-by',
  'report-published',
  'rating-review-request-due',
] as const;

/** One milestone id. */
export type MilestoneId = (typeof MILESTONE_IDS)[number];

/**
 * Where a milestone's date comes from:
 * - `'actual'`: a date you gave in the input;
 * - `'published'`: computed by a rule CQC publishes, with its published duration;
 * - `'observed'`: computed with a duration councils observed in practice (2025; a preset
 *   such as `'observed-2025'`, or a practice milestone);
 * - `'modelled'`: computed with a default of ours where CQC publishes only a range (the
 *   on-site notice: CQC gives 6–8 weeks; the default threshold is 6);
 * - `'custom'`: computed by that rule with a duration you set in the options.
 */
export type MilestoneBasis = 'actual' | 'published' | 'observed' | 'modelled' | 'custom';

/** One dated step of an assessment. */
export interface Milestone {
  /** Which milestone. */
  readonly id: MilestoneId;
  /** A short label for a person, e.g. "Factual accuracy comments due". */
  readonly label: string;
  /** The day. For a deadline, the last day that is still in time. */
  readonly date: IsoDate;
  /** `'event'` happened (or happens) on the day; `'deadline'` is due by the day; `'window'` opens or closes the on-site window. */
  readonly kind: 'event' | 'deadline' | 'window';
  /** Where the date comes from. */
  readonly basis: MilestoneBasis;
  /** The rule that produced the date, in words. */
  readonly rule: string;
  /** The duration option that controls it (`undefined` for actual dates). */
  readonly option: TimelineDurationOption | undefined;
  /** The milestone its date is counted from (`undefined` for actual dates). */
  readonly from: MilestoneId | undefined;
  /** Why the date was moved from where the rule put it (a publication pause), else `undefined`. */
  readonly note: string | undefined;
}

/** Stable codes of the warnings about an assessment's dates. */
export type TimelineWarningCode =
  | 'dates-out-of-order'
  | 'milestone-on-non-working-day'
  | 'information-return-late'
  | 'on-site-notice-too-short'
  | 'on-site-outside-window'
  | 'on-site-spans-christmas'
  | 'beyond-calendar';

/** A warning about inconsistent or unusual dates; the timeline is still computed. */
export type TimelineWarning = ValidationIssue<TimelineWarningCode>;

/** The computed timeline. */
export interface AssessmentTimeline {
  /** Every milestone, ordered by date (same-day milestones in the order of {@link MILESTONE_IDS}). */
  readonly milestones: readonly Milestone[];
  /** What looks wrong with the dates: order, notice, non-working days, Christmas. */
  readonly warnings: readonly TimelineWarning[];
  /** The durations used. */
  readonly durations: TimelineDurations;
  /** The preset used (`'cqc-plan-2023'` unless you chose another), with its provenance. */
  readonly preset: TimelinePreset;
}

const LABELS: { readonly [K in MilestoneId]: string } = {
  notification: 'Notification and information return request',
  'information-return-due': 'Information return due',
  'information-return-submitted': 'Information return submitted',
  'on-site-notice-due': 'On-site dates to be given by',
  'on-site-notice-given': 'On-site dates given',
  'leadership-presentation': 'Leadership presentation to CQC (estimate)',
  'data-focus-group': 'Data and performance focus group (estimate)',
  'on-site-window-opens': 'On-site window opens (estimate)',
  'on-site-start': 'On site: first day',
  'on-site-end': 'On site: last day',
  'on-site-window-closes': 'On-site window closes (estimate)',
  'draft-report-sent': 'Draft report sent',
  'factual-accuracy-comments-due': 'Factual accuracy comments due',
  'publication-expected-by': 'Report published by (estimate)',
  'report-published': 'Report published',
  'rating-review-request-due': 'Rating process review request due',
};

const ACTUAL: { readonly [K in TimelineInputDateField]: MilestoneId } = {
  notificationDate: 'notification',
  informationReturnSubmittedDate: 'information-return-submitted',
  onSiteNoticeDate: 'on-site-notice-given',
  onSiteStartDate: 'on-site-start',
  onSiteEndDate: 'on-site-end',
  draftReportSentDate: 'draft-report-sent',
  publicationDate: 'report-published',
};

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** `date` moved by `days`; `RangeError` when the result leaves 1978–2199 (caught by `computed`). */
function addDays(date: IsoDate, days: number): IsoDate {
  const result = fromDayNumber(toDayNumber(date) + days);
  if (result < '1978-01-01' || result > '2199-12-31')
    throw new RangeError(`${result} is outside 1978–2199`);
  return result;
}

/** `addDays`, or `undefined` outside the calendar's years. */
function tryAddDays(date: IsoDate, days: number): IsoDate | undefined {
  try {
    return addDays(date, days);
  } catch {
    return undefined;
  }
}

function pauseNote(moved: readonly PublicationPause[], from: IsoDate): string | undefined {
  return moved.length === 0
    ? undefined
    : `moved from ${from}: ${moved.map((p) => `${p.reason} (${p.from} to ${p.to})`).join('; ')}`;
}

/** What every phase of {@link computeChecked} shares: the input, the options, and what it has built so far. */
interface TimelineBuilder {
  readonly input: CheckedTimelineInput;
  readonly resolved: ResolvedTimelineOptions;
  /** Filled in phase order; sorted at the end. */
  readonly milestones: Milestone[];
  /** Filled in phase order; kept in that order. */
  readonly warnings: TimelineWarning[];
}

/** The on-site dates the later phases count from: given, or else CQC's planned window. */
interface OnSiteDates {
  /** The window's first and last days, counted from the notification (`undefined` outside the calendar). */
  readonly opens: IsoDate | undefined;
  readonly closes: IsoDate | undefined;
  /** The given first and last on-site days (the last defaults to the first). */
  readonly start: IsoDate | undefined;
  readonly end: IsoDate | undefined;
  /** The given first day, else the window's opening. */
  readonly firstOnSite: IsoDate | undefined;
  /** The milestone `firstOnSite` comes from. */
  readonly onSiteFrom: MilestoneId;
}

/** Adds a computed milestone, or a `beyond-calendar` warning when its date falls outside 1978–2199. */
function computed(
  b: TimelineBuilder,
  id: MilestoneId,
  kind: Milestone['kind'],
  from: MilestoneId,
  option: TimelineDurationOption,
  rule: string,
  date: () => IsoDate | undefined,
  note?: string,
): IsoDate | undefined {
  try {
    const d = date();
    if (d === undefined) throw new RangeError('outside the calendar');
    b.milestones.push({
      id,
      label: LABELS[id],
      date: d,
      kind,
      basis: b.resolved.bases[option],
      rule,
      option,
      from,
      note,
    });
    return d;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    b.warnings.push({
      code: 'beyond-calendar',
      path: [],
      message: `${LABELS[id]}: falls outside 1978–2199, beyond the working-day calendar; not computed`,
    });
    return undefined;
  }
}

/** Phase 1: a milestone for each date given, warning when an event (not the notification or return) falls on a non-working day. */
function addGivenDates(b: TimelineBuilder): void {
  for (const field of Object.keys(ACTUAL) as TimelineInputDateField[]) {
    const date = b.input[field];
    if (date === undefined) continue;
    b.milestones.push({
      id: ACTUAL[field],
      label: LABELS[ACTUAL[field]],
      date,
      kind: 'event',
      basis: 'actual',
      rule: `given as ${field}`,
      option: undefined,
      from: undefined,
      note: undefined,
    });
    if (
      field !== 'notificationDate' &&
      field !== 'informationReturnSubmittedDate' &&
      !b.resolved.calendar.isWorkingDay(date)
    ) {
      b.warnings.push({
        code: 'milestone-on-non-working-day',
        path: [field],
        message: `${field}: ${date} is not a working day (a weekend or bank holiday)`,
      });
    }
  }
}

/** Phase 2: the information return's due date, and whether it fell on a non-working day or was submitted late. */
function addInformationReturn(b: TimelineBuilder): void {
  const { input, resolved, warnings } = b;
  const weeksIr = resolved.durations.informationReturnWeeks;
  const irDue = computed(
    b,
    'information-return-due',
    'deadline',
    'notification',
    'informationReturnWeeks',
    `${plural(weeksIr, 'week')} after notification`,
    () => addDays(input.notificationDate, 7 * weeksIr),
  );
  if (irDue !== undefined && !resolved.calendar.isWorkingDay(irDue)) {
    warnings.push({
      code: 'milestone-on-non-working-day',
      path: [],
      message: `The information return is due on ${irDue}, which is not a working day; agree the day with CQC`,
    });
  }
  const submitted = input.informationReturnSubmittedDate;
  if (submitted !== undefined && irDue !== undefined && submitted > irDue) {
    warnings.push({
      code: 'information-return-late',
      path: ['informationReturnSubmittedDate'],
      message: `informationReturnSubmittedDate: ${submitted} is after the due date ${irDue}`,
    });
  }
}

/**
 * Phase 3: on site — the planned window (replaced by the actual dates once they are known,
 * with a warning when they fall outside it), then the date by which the on-site notice is due.
 */
function addOnSiteWindowAndNotice(b: TimelineBuilder): OnSiteDates {
  const { input, resolved, warnings } = b;
  const { durations, bases } = resolved;
  const notified = input.notificationDate;
  const {
    onSiteEarliestWeeks: earliest,
    onSiteLatestWeeks: latest,
    onSiteNoticeWeeks: notice,
  } = durations;
  const opens = tryAddDays(notified, 7 * earliest);
  const closes = tryAddDays(notified, 7 * latest);
  const start = input.onSiteStartDate;
  const end = input.onSiteEndDate ?? start;
  const estimate =
    resolved.preset.basis === 'published' && bases.onSiteEarliestWeeks === 'published'
      ? "CQC's estimate"
      : resolved.preset.label.split(':')[0]!;
  if (start === undefined) {
    computed(
      b,
      'on-site-window-opens',
      'window',
      'notification',
      'onSiteEarliestWeeks',
      `about ${plural(earliest, 'week')} after notification (${estimate})`,
      () => opens,
    );
    computed(
      b,
      'on-site-window-closes',
      'window',
      'notification',
      'onSiteLatestWeeks',
      `about ${plural(latest, 'week')} after notification (${estimate})`,
      () => closes,
    );
  } else if (opens !== undefined && closes !== undefined && (start < opens || start > closes)) {
    warnings.push({
      code: 'on-site-outside-window',
      path: ['onSiteStartDate'],
      message: `onSiteStartDate: ${start} is outside the usual ${earliest}–${latest} weeks after notification (${opens} to ${closes})`,
    });
  }
  const firstOnSite = start ?? opens;
  const onSiteFrom: MilestoneId = start === undefined ? 'on-site-window-opens' : 'on-site-start';
  computed(
    b,
    'on-site-notice-due',
    'deadline',
    onSiteFrom,
    'onSiteNoticeWeeks',
    `at least ${plural(notice, 'week')} before the first on-site day`,
    () => (firstOnSite === undefined ? undefined : addDays(firstOnSite, -7 * notice)),
  );
  return { opens, closes, start, end, firstOnSite, onSiteFrom };
}

/** Phase 4 (when asked for): the leadership presentation and data focus group before the site visit. */
function addPreSiteMeetings(b: TimelineBuilder, onSite: OnSiteDates): void {
  const { durations } = b.resolved;
  const { firstOnSite, onSiteFrom } = onSite;
  // Observed, Tower Hamlets 2025 (domain reference §10): about a month and about a week before the site visit.
  const lead = durations.leadershipPresentationWeeksBefore;
  const group = durations.dataFocusGroupWeeksBefore;
  computed(
    b,
    'leadership-presentation',
    'event',
    onSiteFrom,
    'leadershipPresentationWeeksBefore',
    `about ${plural(lead, 'week')} before the first on-site day (observed 2025)`,
    () => (firstOnSite === undefined ? undefined : addDays(firstOnSite, -7 * lead)),
  );
  computed(
    b,
    'data-focus-group',
    'event',
    onSiteFrom,
    'dataFocusGroupWeeksBefore',
    `about ${plural(group, 'week')} before the first on-site day (observed 2025)`,
    () => (firstOnSite === undefined ? undefined : addDays(firstOnSite, -7 * group)),
  );
}

/** Phase 5: warns when the on-site notice given was too short, or the on-site period (or window) includes Christmas Day. */
function checkNoticeAndChristmas(b: TimelineBuilder, onSite: OnSiteDates): void {
  const { input, resolved, warnings } = b;
  const { opens, closes, start, end } = onSite;
  const notice = resolved.durations.onSiteNoticeWeeks;
  const noticeGiven = input.onSiteNoticeDate;
  if (
    start !== undefined &&
    noticeGiven !== undefined &&
    noticeGiven <= start &&
    toDayNumber(start) - toDayNumber(noticeGiven) < 7 * notice
  ) {
    warnings.push({
      code: 'on-site-notice-too-short',
      path: ['onSiteNoticeDate'],
      message: `onSiteNoticeDate: ${noticeGiven} gives ${toDayNumber(start) - toDayNumber(noticeGiven)} days' notice of on-site from ${start}; the minimum is ${plural(notice, 'week')}`,
    });
  }
  const [spanFrom, spanTo] = start === undefined ? [opens, closes] : [start, end!];
  const firstYear = Number(spanFrom?.slice(0, 4));
  const christmasInside =
    spanFrom !== undefined &&
    spanTo !== undefined &&
    [firstYear, firstYear + 1].some(
      (year) => `${year}-12-25` >= spanFrom && `${year}-12-25` <= spanTo,
    );
  if (christmasInside) {
    warnings.push({
      code: 'on-site-spans-christmas',
      path: start === undefined ? [] : ['onSiteStartDate'],
      message: `The ${start === undefined ? 'estimated on-site window' : 'on-site period'} ${spanFrom} to ${spanTo} includes Christmas Day; expect it to move`,
    });
  }
}

/** Phase 6: the report — factual accuracy comments due, the expected publication date, and the rating review request due. */
function addReportDeadlines(b: TimelineBuilder, onSite: OnSiteDates): void {
  const { input, resolved } = b;
  const { durations, calendar } = resolved;
  const { closes, end } = onSite;
  const fa = durations.factualAccuracyWorkingDays;
  const draft = input.draftReportSentDate;
  if (draft !== undefined) {
    computed(
      b,
      'factual-accuracy-comments-due',
      'deadline',
      'draft-report-sent',
      'factualAccuracyWorkingDays',
      `${plural(fa, 'working day')} from the date of the draft report email (that day not counted)`,
      () => calendar.addWorkingDays(draft, fa),
    );
  }
  const review = durations.ratingReviewWorkingDays;
  const published = input.publicationDate;
  if (resolved.expectedPublication && published === undefined) {
    // Observed (domain reference §10): "up to three months" after the site visit, then out of any publication pause.
    const weeks = durations.publicationWeeksAfterOnSite;
    const lastOnSite = end ?? closes;
    const planned = lastOnSite === undefined ? undefined : tryAddDays(lastOnSite, 7 * weeks);
    const paused =
      planned === undefined
        ? undefined
        : publicationDateAfterPauses(planned, resolved.publicationPauses);
    computed(
      b,
      'publication-expected-by',
      'window',
      end === undefined ? 'on-site-window-closes' : 'on-site-end',
      'publicationWeeksAfterOnSite',
      `up to ${plural(weeks, 'week')} after the last on-site day (observed 2025), after any publication pause`,
      () => (paused === undefined || paused.date > '2199-12-31' ? undefined : paused.date),
      paused === undefined || planned === undefined
        ? undefined
        : pauseNote(paused.pushedBy, planned),
    );
  }
  if (published !== undefined) {
    computed(
      b,
      'rating-review-request-due',
      'deadline',
      'report-published',
      'ratingReviewWorkingDays',
      `within ${plural(review, 'working day')} of publication (that day not counted)`,
      () => calendar.addWorkingDays(published, review),
    );
  }
}

/** Phase 7: warns for each pair of given dates in the wrong order. */
function checkDateOrder(b: TimelineBuilder): void {
  const { input, warnings } = b;
  const inOrder = (
    earlier: TimelineInputDateField,
    later: TimelineInputDateField,
    what: string,
  ): void => {
    const a = input[earlier];
    const c = input[later];
    if (a !== undefined && c !== undefined && c < a) {
      warnings.push({
        code: 'dates-out-of-order',
        path: [later],
        message: `${later}: ${c} is before ${earlier} ${a}; ${what}`,
      });
    }
  };
  inOrder(
    'notificationDate',
    'informationReturnSubmittedDate',
    'the information return follows the notification',
  );
  inOrder(
    'notificationDate',
    'onSiteNoticeDate',
    'the on-site dates are given after the notification',
  );
  inOrder('notificationDate', 'onSiteStartDate', 'on site follows the notification');
  inOrder('onSiteNoticeDate', 'onSiteStartDate', 'the on-site dates are given before on site');
  inOrder('onSiteStartDate', 'onSiteEndDate', 'the last on-site day is not before the first');
  inOrder(
    input.onSiteEndDate === undefined ? 'onSiteStartDate' : 'onSiteEndDate',
    'draftReportSentDate',
    'the draft report follows on site',
  );
  inOrder('notificationDate', 'draftReportSentDate', 'the draft report follows the notification');
  inOrder('draftReportSentDate', 'publicationDate', 'publication follows the draft report');
  inOrder('notificationDate', 'publicationDate', 'publication follows the notification');
}

/** Phase 8: sorts the milestones by date (same day: {@link MILESTONE_IDS} order) and freezes the result. */
function finishTimeline(b: TimelineBuilder): AssessmentTimeline {
  const { milestones, warnings, resolved } = b;
  const rank = (id: MilestoneId): number => MILESTONE_IDS.indexOf(id);
  milestones.sort((a, c) => (a.date < c.date ? -1 : a.date > c.date ? 1 : rank(a.id) - rank(c.id)));
  return Object.freeze({
    milestones: Object.freeze(milestones.map((m) => Object.freeze(m))),
    warnings: Object.freeze(
      warnings.map((w) => Object.freeze({ ...w, path: Object.freeze([...w.path]) })),
    ),
    durations: resolved.durations,
    preset: resolved.preset,
  });
}

/** Computes from already-checked dates; collects warnings, never throws on data. */
function computeChecked(
  input: CheckedTimelineInput,
  resolved: ResolvedTimelineOptions,
): AssessmentTimeline {
  const b: TimelineBuilder = { input, resolved, milestones: [], warnings: [] };
  addGivenDates(b);
  addInformationReturn(b);
  const onSite = addOnSiteWindowAndNotice(b);
  if (resolved.preSiteMilestones) addPreSiteMeetings(b, onSite);
  checkNoticeAndChristmas(b, onSite);
  addReportDeadlines(b, onSite);
  checkDateOrder(b);
  return finishTimeline(b);
}

/**
 * Computes from checked input; shared by {@link computeAssessmentTimeline} and the zod-checked
 * `safeComputeAssessmentTimeline`.
 */
export function computeResolvedAssessmentTimeline(
  input: CheckedTimelineInput,
  options: ResolvedTimelineOptions,
): AssessmentTimeline {
  return computeChecked(input, options);
}

/**
 * The ordered milestones of one council's assessment from its notification date (the day
 * the information return is requested): information return due (3 weeks), the estimated
 * on-site window (9–11 weeks) and the latest day to give the on-site dates (6 weeks
 * before), then, once you give the actual dates, factual accuracy comments due (10 working
 * days from the draft report email) and the rating process review request deadline (15
 * working days from publication). Each milestone says its date, the rule in words, whether
 * the rule is published, observed, modelled or your own option, and the option controlling it.
 *
 * The default is CQC's published plan (preset `'cqc-plan-2023'`). For planning under the
 * 2025 practice pass `{ preset: 'observed-2025' }`: on site 17–26 weeks (4–6 months) after
 * notification, a leadership presentation about 4 weeks and a data focus group about 1
 * week before the site visit, and the report expected up to 13 weeks after it, moved out
 * of any publication pause (`PUBLICATION_PAUSES`, e.g. the 2026 pre-election period).
 *
 * Actual dates replace planned ones (an actual on-site start replaces the window, and the
 * notice deadline is counted back from it). Inconsistent dates — a draft report before on
 * site, notice shorter than the minimum, a milestone on a non-working day, an on-site
 * window spanning Christmas — give `warnings`, never a throw.
 *
 * @throws {@link LaAssuranceError} with code `'invalid-timeline-input'` when a date is not a
 * real `YYYY-MM-DD` date from 1978 to 2199 or the notification date is missing (use
 * `safeComputeAssessmentTimeline` to get the issues instead).
 * @throws TypeError or RangeError for malformed options.
 * @example
 * ```ts
 * import { computeAssessmentTimeline } from 'la-assurance/timeline';
 *
 * const t = computeAssessmentTimeline({ notificationDate: '2024-10-07', draftReportSentDate: '2024-12-20' });
 * t.milestones.find((m) => m.id === 'information-return-due')?.date;        // '2024-10-28'
 * t.milestones.find((m) => m.id === 'factual-accuracy-comments-due')?.date; // '2025-01-08'
 * const p = computeAssessmentTimeline({ notificationDate: '2025-02-10' }, { preset: 'observed-2025' });
 * p.milestones.find((m) => m.id === 'on-site-window-closes')?.date;         // '2025-08-11' (26 weeks)
 * ```
 */
export function computeAssessmentTimeline(
  input: AssessmentTimelineInput,
  options?: AssessmentTimelineOptions,
): AssessmentTimeline {
  const checked = validateAssessmentTimelineInput(input);
  if (!checked.success)
    throw new LaAssuranceError(
      'invalid-timeline-input',
      checked.issues,
      'Cannot compute the assessment timeline:',
    );
  return computeChecked(checked.data, resolveTimelineOptions(options));
}
