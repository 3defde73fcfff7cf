// A report's state as the reducer keeps it (small fields plus shared append-only logs) and
// the public, frozen `Report` view of it. The lists of the view (history, amendments,
// comments, withdrawals, notices) are built on first read and kept, so applying an event
// costs O(1) amortised however long the history is (issue 16), while every report still
// reads, compares and serialises as the same plain JSON as before.
import type { QualityStatementScores } from '../scoring/assessment-result.js';
import type { IsoDate } from '../timeline/iso-date.js';
import { emptyLog, findInLog, logToArray, type Log } from './log.js';
import type {
  CommentDecisionRecord,
  FactualAccuracyComment,
  FactualAccuracyRecord,
  RatingProcessReviewRecord,
  RecordedComment,
  Report,
  ReportEvent,
  ReportState,
  ScoreAmendment,
  Section50NoticeRecord,
  SpecialMeasuresRecord,
  WithdrawalRecord,
} from './model.js';

/** The factual accuracy check without its comments. */
export interface FactualAccuracyHeader {
  readonly draftSentOn: IsoDate;
  readonly extendedTo: IsoDate | null;
  readonly respondedOn: IsoDate | null;
  readonly concludedOn: IsoDate | null;
}

/** A submitted comment before CQC's decision is joined to it. */
type SubmittedComment = FactualAccuracyComment & { readonly submittedOn: IsoDate };

/** The reducer's state of a report. */
export interface ReportCore {
  readonly council: string;
  readonly siteVisitStart: IsoDate | null;
  readonly state: ReportState;
  readonly scores: QualityStatementScores;
  readonly factualAccuracy: FactualAccuracyHeader | null;
  /** Comments submitted and not yet decided. */
  readonly undecided: number;
  readonly publishedOn: IsoDate | null;
  readonly publishedPercentage: number | null;
  readonly ratingProcessReview: RatingProcessReviewRecord | null;
  readonly supersededBy: string | null;
  readonly specialMeasuresRecommendation: SpecialMeasuresRecord | null;
  /** The last accepted event (for the date-order check). */
  readonly last: ReportEvent | null;
  readonly history: Log<ReportEvent>;
  readonly amendments: Log<ScoreAmendment>;
  readonly withdrawals: Log<{ readonly withdrawnOn: IsoDate; readonly reason: string }>;
  /** The republication date of withdrawal i, at position i. */
  readonly republished: Log<IsoDate>;
  /** Keyed by comment id. */
  readonly comments: Log<SubmittedComment>;
  /** Keyed by the comment id decided. */
  readonly decisions: Log<CommentDecisionRecord>;
  readonly notices: Log<Section50NoticeRecord>;
}

/** A core being built by one event (a fresh copy; the reducer sets its fields). */
export type DraftCore = { -readonly [K in keyof ReportCore]: ReportCore[K] };

/** A copy of a core, every field listed (one object shape, no spread: this is the hot path). */
export function copyCore(c: ReportCore): DraftCore {
  return {
    council: c.council,
    siteVisitStart: c.siteVisitStart,
    state: c.state,
    scores: c.scores,
    factualAccuracy: c.factualAccuracy,
    undecided: c.undecided,
    publishedOn: c.publishedOn,
    publishedPercentage: c.publishedPercentage,
    ratingProcessReview: c.ratingProcessReview,
    supersededBy: c.supersededBy,
    specialMeasuresRecommendation: c.specialMeasuresRecommendation,
    last: c.last,
    history: c.history,
    amendments: c.amendments,
    withdrawals: c.withdrawals,
    republished: c.republished,
    comments: c.comments,
    decisions: c.decisions,
    notices: c.notices,
  };
}

/** The state before the first event, with fresh (unshared) logs. */
export function blankCore(): ReportCore {
  return {
    council: '',
    siteVisitStart: null,
    state: 'internal-quality-assurance',
    scores: Object.freeze({}),
    factualAccuracy: null,
    undecided: 0,
    publishedOn: null,
    publishedPercentage: null,
    ratingProcessReview: null,
    supersededBy: null,
    specialMeasuresRecommendation: null,
    last: null,
    history: emptyLog(),
    amendments: emptyLog(),
    withdrawals: emptyLog(),
    republished: emptyLog(),
    comments: emptyLog(true),
    decisions: emptyLog(true),
    notices: emptyLog(),
  };
}

/** What this copy of the library keeps for each report it made: its core and its lists once built. */
interface Slot {
  readonly core: ReportCore;
  amendments?: readonly ScoreAmendment[];
  factualAccuracy?: FactualAccuracyRecord | null;
  withdrawals?: readonly WithdrawalRecord[];
  section50Notices?: readonly Section50NoticeRecord[];
  history?: readonly ReportEvent[];
}

/** The slots of the reports this copy of the library made; a report not here is checked by replaying it. */
const SLOTS = new WeakMap<object, Slot>();

/** The core of a report made by this library, or `undefined` (for anything else, including primitives). */
export function coreOf(report: unknown): ReportCore | undefined {
  return typeof report === 'object' && report !== null ? SLOTS.get(report)?.core : undefined;
}

/** The decision on the comment with `id`, as the core sees it, or `null`. */
export function decisionOf(core: ReportCore, id: string): CommentDecisionRecord | null {
  const at = findInLog(core.decisions, id);
  return at === undefined ? null : core.decisions.items[at]!;
}

function recordedComments(core: ReportCore): readonly RecordedComment[] {
  const out: RecordedComment[] = [];
  for (let i = 0; i < core.comments.length; i++) {
    const c = core.comments.items[i]!;
    out.push(Object.freeze({ ...c, decision: decisionOf(core, c.id) }));
  }
  return Object.freeze(out);
}

function withdrawalRecords(core: ReportCore): readonly WithdrawalRecord[] {
  const out: WithdrawalRecord[] = [];
  for (let i = 0; i < core.withdrawals.length; i++) {
    const w = core.withdrawals.items[i]!;
    out.push(
      Object.freeze({
        withdrawnOn: w.withdrawnOn,
        reason: w.reason,
        republishedOn: i < core.republished.length ? core.republished.items[i]! : null,
      }),
    );
  }
  return Object.freeze(out);
}

function factualAccuracyRecord(core: ReportCore): FactualAccuracyRecord | null {
  const fa = core.factualAccuracy;
  return fa === null
    ? null
    : Object.freeze({
        draftSentOn: fa.draftSentOn,
        extendedTo: fa.extendedTo,
        respondedOn: fa.respondedOn,
        comments: recordedComments(core),
        concludedOn: fa.concludedOn,
      });
}

// The list fields are enumerable accessors shared by every report (no closures per report);
// each builds its list from the report's core on first read and keeps it in the slot.
const slotOf = (report: object): Slot => SLOTS.get(report)!;
const LISTS: PropertyDescriptorMap = {
  amendments: {
    enumerable: true,
    get(this: object) {
      const slot = slotOf(this);
      return (slot.amendments ??= logToArray(slot.core.amendments));
    },
  },
  factualAccuracy: {
    enumerable: true,
    get(this: object) {
      const slot = slotOf(this);
      if (slot.factualAccuracy === undefined)
        slot.factualAccuracy = factualAccuracyRecord(slot.core);
      return slot.factualAccuracy;
    },
  },
  withdrawals: {
    enumerable: true,
    get(this: object) {
      const slot = slotOf(this);
      return (slot.withdrawals ??= withdrawalRecords(slot.core));
    },
  },
  section50Notices: {
    enumerable: true,
    get(this: object) {
      const slot = slotOf(this);
      return (slot.section50Notices ??= logToArray(slot.core.notices));
    },
  },
  history: {
    enumerable: true,
    get(this: object) {
      const slot = slotOf(this);
      return (slot.history ??= logToArray(slot.core.history));
    },
  },
};

/** The public report of a core: frozen; its lists are built on first read. */
export function reportOf(core: ReportCore): Report {
  // Key order as before lists became lazy: the data fields, then the lists (JSON key order
  // does not matter to parseReport, which compares values).
  const report = {
    council: core.council,
    siteVisitStart: core.siteVisitStart,
    state: core.state,
    scores: core.scores,
    publishedOn: core.publishedOn,
    publishedPercentage: core.publishedPercentage,
    ratingProcessReview: core.ratingProcessReview,
    supersededBy: core.supersededBy,
    specialMeasuresRecommendation: core.specialMeasuresRecommendation,
  };
  SLOTS.set(report, { core });
  Object.defineProperties(report, LISTS);
  return Object.freeze(report) as unknown as Report;
}
