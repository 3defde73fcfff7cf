import { describeValue } from '../internal/describe.js';
import { calendarOption, type WorkingDayCalendar } from './calendar.js';
import {
  PUBLICATION_PAUSES,
  checkPublicationPauses,
  type PublicationPause,
} from './publication-pauses.js';
import { ASSESSMENT_DURATION_RULES, type Provenance, type RuleSource } from './rules.js';

/** The names of the duration options of {@link computeAssessmentTimeline}. */
export const TIMELINE_DURATION_OPTIONS = [
  'informationReturnWeeks',
  'onSiteEarliestWeeks',
  'onSiteLatestWeeks',
  'onSiteNoticeWeeks',
  'factualAccuracyWorkingDays',
  'ratingReviewWorkingDays',
  'leadershipPresentationWeeksBefore',
  'dataFocusGroupWeeksBefore',
  'publicationWeeksAfterOnSite',
] as const;

/** One duration option of {@link computeAssessmentTimeline}. */
export type TimelineDurationOption = (typeof TIMELINE_DURATION_OPTIONS)[number];

/** The durations of an assessment's milestones (see {@link PUBLISHED_TIMELINE_DURATIONS}). */
export interface TimelineDurations {
  /** Weeks from notification to the information return due date. Published: 3. */
  readonly informationReturnWeeks: number;
  /** Weeks from notification to the earliest expected on-site day. Published estimate: 9 (observed 2025: 17). */
  readonly onSiteEarliestWeeks: number;
  /** Weeks from notification to the latest expected on-site day. Published estimate: 11 (observed 2025: 26). */
  readonly onSiteLatestWeeks: number;
  /** Minimum weeks of notice of the on-site dates. Published: 6 (notice is 6–8 weeks). */
  readonly onSiteNoticeWeeks: number;
  /** Working days from the draft report email to the factual accuracy deadline. Published: 10. */
  readonly factualAccuracyWorkingDays: number;
  /** Working days from publication to the rating process review request deadline. Published: 15. */
  readonly ratingReviewWorkingDays: number;
  /** Weeks before the first on-site day of the leadership presentation to CQC. Observed (Tower Hamlets, 2025): 4. */
  readonly leadershipPresentationWeeksBefore: number;
  /** Weeks before the first on-site day of the data and performance focus group. Observed (Tower Hamlets, 2025): 1. */
  readonly dataFocusGroupWeeksBefore: number;
  /** Weeks from the last on-site day to the latest expected publication. Observed ("up to three months", Tower Hamlets 2025): 13. */
  readonly publicationWeeksAfterOnSite: number;
}

const TOWER_HAMLETS =
  'Tower Hamlets, 2025 (council account): a senior-leadership presentation to CQC about a month before the site visit, a data and performance focus group about a week before';

/** The provenance of every duration default: the published ones from `ASSESSMENT_DURATION_RULES`, the practice ones observed. */
export const TIMELINE_DURATION_SOURCES: { readonly [K in TimelineDurationOption]: RuleSource } =
  /* @__PURE__ */ Object.freeze({
    ...ASSESSMENT_DURATION_RULES,
    leadershipPresentationWeeksBefore: Object.freeze({ basis: 'observed', source: TOWER_HAMLETS }),
    dataFocusGroupWeeksBefore: Object.freeze({ basis: 'observed', source: TOWER_HAMLETS }),
    publicationWeeksAfterOnSite: Object.freeze({
      basis: 'observed',
      source:
        'Tower Hamlets, 2025: report published "up to three months" after the site visit (13 weeks); Norfolk (on site July 2025, published 12 Dec 2025) and Salford (on site Nov 2025, published about May 2026) took longer',
    }),
  } satisfies { readonly [K in TimelineDurationOption]: RuleSource });

/**
 * The default durations of {@link computeAssessmentTimeline}: CQC's published ones
 * (domain reference §6, from `ASSESSMENT_DURATION_RULES`) and, for the optional practice
 * milestones, the durations councils observed in 2025 (`TIMELINE_DURATION_SOURCES` gives
 * each one's source):
 * - `informationReturnWeeks: 3` — the information return is due 3 weeks after notification;
 * - `onSiteEarliestWeeks: 9`, `onSiteLatestWeeks: 11` — on site about 9–11 weeks after
 *   notification (CQC's published estimate, Nov 2023; see `TIMELINE_PRESETS` for 2025);
 * - `onSiteNoticeWeeks: 6` — the on-site date is given at least 6–8 weeks ahead (6, the low
 *   end, is our modelled threshold: milestones it controls are marked `basis: 'modelled'`);
 * - `factualAccuracyWorkingDays: 10` — factual accuracy comments are due 10 working days
 *   from the date of the draft report email;
 * - `ratingReviewWorkingDays: 15` — a rating process review is requested within 15 working
 *   days of publication;
 * - `leadershipPresentationWeeksBefore: 4`, `dataFocusGroupWeeksBefore: 1`,
 *   `publicationWeeksAfterOnSite: 13` — observed in 2025 (used only when the practice
 *   milestones are switched on).
 *
 * @example
 * ```ts
 * import { PUBLISHED_TIMELINE_DURATIONS } from 'la-assurance/timeline';
 *
 * PUBLISHED_TIMELINE_DURATIONS.factualAccuracyWorkingDays; // 10
 * ```
 */
export const PUBLISHED_TIMELINE_DURATIONS: TimelineDurations = /* @__PURE__ */ Object.freeze({
  informationReturnWeeks: ASSESSMENT_DURATION_RULES.informationReturnWeeks.value,
  onSiteEarliestWeeks: ASSESSMENT_DURATION_RULES.onSiteEarliestWeeks.value,
  onSiteLatestWeeks: ASSESSMENT_DURATION_RULES.onSiteLatestWeeks.value,
  onSiteNoticeWeeks: ASSESSMENT_DURATION_RULES.onSiteNoticeWeeks.value,
  factualAccuracyWorkingDays: ASSESSMENT_DURATION_RULES.factualAccuracyWorkingDays.value,
  ratingReviewWorkingDays: ASSESSMENT_DURATION_RULES.ratingReviewWorkingDays.value,
  leadershipPresentationWeeksBefore: 4,
  dataFocusGroupWeeksBefore: 1,
  publicationWeeksAfterOnSite: 13,
});

/**
 * A named set of timeline settings with its provenance: durations that differ from the
 * defaults, and whether the practice milestones (pre-site meetings, expected publication)
 * are shown.
 */
export interface TimelinePreset extends RuleSource {
  /** A short name, e.g. `'observed-2025'`. */
  readonly name: string;
  /** What it is, for a person. */
  readonly label: string;
  /** Durations that replace the defaults. */
  readonly durations: Partial<TimelineDurations>;
  /** Show the leadership presentation and data focus group milestones. */
  readonly preSiteMilestones: boolean;
  /** Show the expected publication milestone (pushed out of publication pauses). */
  readonly expectedPublication: boolean;
}

/** The names of the built-in presets. */
export type TimelinePresetName = 'cqc-plan-2023' | 'observed-2025';

/**
 * The built-in presets of the notice period and practice milestones:
 * - `'cqc-plan-2023'` (the default, published): CQC's November 2023 plan, on site about
 *   9–11 weeks after notification; no practice milestones.
 * - `'observed-2025'` (observed): what councils report of 2025 — on site about 4–6 months
 *   (17–26 weeks) after notification (Devon, notified 10 Feb 2025, told "up to six
 *   months"; Salford, return June 2025, on site week of 3 Nov 2025; Lewisham, notified June
 *   2025, on site "July–December 2025"; Tower Hamlets, return 2 May 2025, site date given
 *   6–8 weeks ahead; Birmingham, on site Dec 2025), with the leadership presentation,
 *   the data focus group and the expected publication (13 weeks after the site visit).
 *
 * Use `'observed-2025'` to plan staff and documents for an assessment under the 2025
 * practice; keep the default to reproduce CQC's published plan.
 *
 * @example
 * ```ts
 * import { TIMELINE_PRESETS } from 'la-assurance/timeline';
 *
 * TIMELINE_PRESETS['observed-2025'].durations.onSiteLatestWeeks; // 26
 * ```
 */
export const TIMELINE_PRESETS: { readonly [N in TimelinePresetName]: TimelinePreset } =
  /* @__PURE__ */ Object.freeze({
    'cqc-plan-2023': Object.freeze({
      name: 'cqc-plan-2023',
      label: "CQC's plan (Nov 2023): on site about 9–11 weeks after notification",
      basis: 'published',
      source: ASSESSMENT_DURATION_RULES.onSiteEarliestWeeks.source,
      durations: Object.freeze({}),
      preSiteMilestones: false,
      expectedPublication: false,
    }),
    'observed-2025': Object.freeze({
      name: 'observed-2025',
      label: 'Observed 2025 practice: on site about 4–6 months (17–26 weeks) after notification',
      basis: 'observed',
      source:
        'Councils\' accounts of 2025 assessments: Devon (notified 10 Feb 2025, "up to six months"); Salford (return June 2025, on site week of 3 Nov 2025); Lewisham (notified June 2025, on site "July–December 2025"); Tower Hamlets (return 2 May 2025, site date 6–8 weeks ahead); Birmingham (on site Dec 2025) — domain reference §10',
      durations: Object.freeze({ onSiteEarliestWeeks: 17, onSiteLatestWeeks: 26 }),
      preSiteMilestones: true,
      expectedPublication: true,
    }),
  });

/**
 * Options of {@link computeAssessmentTimeline}: a preset, every duration (default: the
 * preset's, else the published value, {@link PUBLISHED_TIMELINE_DURATIONS}), the practice
 * milestones, the publication pauses and the working-day calendar. A duration you set
 * marks the milestones it controls `basis: 'custom'`.
 */
export interface AssessmentTimelineOptions extends Partial<TimelineDurations> {
  /** A built-in preset's name or your own preset. Default `'cqc-plan-2023'` (CQC's published plan). */
  readonly preset?: TimelinePresetName | TimelinePreset;
  /** Show the leadership presentation and data focus group (observed, Tower Hamlets 2025). Default: the preset's (off for the 2023 plan). */
  readonly preSiteMilestones?: boolean;
  /** Show the expected publication (observed: up to 3 months after the site visit). Default: the preset's (off for the 2023 plan). */
  readonly expectedPublication?: boolean;
  /** Periods without publication that push the expected publication. Default `PUBLICATION_PAUSES`. */
  readonly publicationPauses?: readonly PublicationPause[];
  /** Calendar for working days and bank holidays. Default {@link ENGLAND_AND_WALES}. */
  readonly calendar?: WorkingDayCalendar;
}

/** Options with defaults applied. */
export interface ResolvedTimelineOptions {
  readonly durations: TimelineDurations;
  /** Where each duration comes from: the rule's provenance, the preset's, or `'custom'`. */
  readonly bases: { readonly [K in TimelineDurationOption]: Provenance | 'custom' };
  readonly preset: TimelinePreset;
  readonly preSiteMilestones: boolean;
  readonly expectedPublication: boolean;
  readonly publicationPauses: readonly PublicationPause[];
  readonly calendar: WorkingDayCalendar;
}

function checkDuration(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 520) {
    throw new RangeError(
      `options.${name} must be a whole number from 0 to 520; got ${describeValue(value)}`,
    );
  }
  return value;
}

function resolvePreset(value: unknown): TimelinePreset {
  if (value === undefined) return TIMELINE_PRESETS['cqc-plan-2023'];
  if (typeof value === 'string') {
    if (Object.hasOwn(TIMELINE_PRESETS, value))
      return TIMELINE_PRESETS[value as TimelinePresetName];
    throw new RangeError(
      `options.preset must be one of ${Object.keys(TIMELINE_PRESETS).join(', ')} or a preset object; got ${describeValue(value)}`,
    );
  }
  if (typeof value !== 'object' || value === null)
    throw new TypeError(
      `options.preset must be a preset name or object; got ${describeValue(value)}`,
    );
  const p = value as Partial<TimelinePreset>;
  if (
    typeof p.name !== 'string' ||
    typeof p.label !== 'string' ||
    typeof p.source !== 'string' ||
    !['published', 'observed', 'modelled'].includes(p.basis as string)
  ) {
    throw new TypeError(
      'options.preset needs name, label, basis (published, observed or modelled) and source',
    );
  }
  if (
    typeof p.durations !== 'object' ||
    p.durations === null ||
    typeof p.preSiteMilestones !== 'boolean' ||
    typeof p.expectedPublication !== 'boolean'
  ) {
    throw new TypeError(
      'options.preset needs durations (an object), preSiteMilestones and expectedPublication (booleans)',
    );
  }
  const durations: Partial<Record<TimelineDurationOption, number>> = {};
  for (const name of TIMELINE_DURATION_OPTIONS) {
    const v = (p.durations as Record<string, unknown>)[name];
    if (v !== undefined) durations[name] = checkDuration(`preset.durations.${name}`, v);
  }
  return Object.freeze({ ...(p as TimelinePreset), durations: Object.freeze(durations) });
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new TypeError(`options.${name} must be true or false; got ${describeValue(value)}`);
  return value;
}

/** Applies defaults; a wrong option is a programmer error (`TypeError`/`RangeError`). */
export function resolveTimelineOptions(
  options: AssessmentTimelineOptions | undefined,
): ResolvedTimelineOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`options must be an object; got ${describeValue(options)}`);
  }
  const preset = resolvePreset(options?.preset);
  const durations: { -readonly [K in TimelineDurationOption]: number } = {
    ...PUBLISHED_TIMELINE_DURATIONS,
  };
  const bases: { -readonly [K in TimelineDurationOption]: Provenance | 'custom' } = {} as never;
  for (const name of TIMELINE_DURATION_OPTIONS) {
    bases[name] = TIMELINE_DURATION_SOURCES[name].basis;
    const fromPreset = preset.durations[name];
    if (fromPreset !== undefined && fromPreset !== durations[name]) {
      durations[name] = fromPreset;
      bases[name] = preset.basis;
    }
    const value = options?.[name];
    if (value === undefined) continue;
    checkDuration(name, value);
    if (value !== durations[name]) bases[name] = 'custom';
    durations[name] = value;
  }
  if (durations.onSiteLatestWeeks < durations.onSiteEarliestWeeks) {
    throw new RangeError(
      `options.onSiteLatestWeeks (${durations.onSiteLatestWeeks}) must not be less than options.onSiteEarliestWeeks (${durations.onSiteEarliestWeeks})`,
    );
  }
  const calendar = calendarOption(options?.calendar);
  const pauses = options?.publicationPauses;
  return {
    durations: Object.freeze(durations),
    bases: Object.freeze(bases),
    preset,
    preSiteMilestones: flag(
      'preSiteMilestones',
      options?.preSiteMilestones,
      preset.preSiteMilestones,
    ),
    expectedPublication: flag(
      'expectedPublication',
      options?.expectedPublication,
      preset.expectedPublication,
    ),
    publicationPauses: pauses === undefined ? PUBLICATION_PAUSES : checkPublicationPauses(pauses),
    calendar,
  };
}
