// ASCOF 2A: short-term services (reablement) with no further request for ongoing support.
// Reference e.1; DHSC ASCOF_measures/Create_ASCOF_2A_2425_Onwards.sql (provisional method).
import type { Ascof2ACluster, Ascof2AExclusion, Ascof2ASequelType } from './model.js';
import type { PersonFacts } from './person-details.js';
import { NO_CODE, knownCode, knownCodes, type AscofTable } from './rows.js';
import { NO_DAY } from '../slots.js';
import { OPEN_END, isoDate, sqlKeySet, sqlAgeFromDays, sqlCollationKey } from '../sql.js';
import {
  ASCOF_2A_DENOMINATOR_OUTCOMES,
  ASCOF_2A_NUMERATOR_OUTCOMES,
  ASCOF_2A_PENALISED_OUTCOMES,
  CLIENT_TYPE,
  COMPONENT_EQUIPMENT,
  EVENT_OUTCOME_HIERARCHY,
  INVALID_AND_NOT_MAPPED,
  LONG_TERM_SERVICE_TYPES,
  OUTCOME,
  SERVICE_TYPE,
  SERVICE_TYPE_HIERARCHY,
  SHORT_TERM_RESIDENTIAL_COMPONENTS,
  SHORT_TERM_RESIDENTIAL_OR_NURSING,
} from './values.js';

const UNMATCHED = 999;
/** Step 1: outcome hierarchy, +100 for the "unable to classify" outcomes; unmatched, NULL and `Invalid and not mapped` → 999. */
const PENALISED = sqlKeySet(ASCOF_2A_PENALISED_OUTCOMES);
const hierarchy2A = (o: string, h: number): number =>
  PENALISED.has(sqlCollationKey(o)) ? h + 100 : h;
/** Outcome code → 2A hierarchy (codes of listed outcomes; any other code is unmatched). */
const HIERARCHY_2A = new Map(
  EVENT_OUTCOME_HIERARCHY.map(([o, h]) => [knownCode(o), hierarchy2A(o, h)] as const),
);
/** The SQL maps the minimum hierarchy back to its outcome through the same reference table. */
const OUTCOME_OF_HIERARCHY = new Map(
  EVENT_OUTCOME_HIERARCHY.map(([o, h]) => [hierarchy2A(o, h), o] as const),
);
const SEQUEL_SERVICE_HIERARCHY = new Map(
  SERVICE_TYPE_HIERARCHY.map(([t, h]) => [knownCode(t), h] as const),
);
const SERVICE_NAME = new Map(SERVICE_TYPE_HIERARCHY.map(([t]) => [knownCode(t), t] as const));
const LTS = knownCodes(LONG_TERM_SERVICE_TYPES);
const DENOMINATOR = sqlKeySet(ASCOF_2A_DENOMINATOR_OUTCOMES);
const NUMERATOR = sqlKeySet(ASCOF_2A_NUMERATOR_OUTCOMES);
const ST_RESIDENTIAL = knownCodes(SHORT_TERM_RESIDENTIAL_COMPONENTS);
const C_SERVICE_USER = knownCode(CLIENT_TYPE.serviceUser);
const C_SERVICE = knownCode('Service');
const C_ASSESSMENT = knownCode('Assessment');
const C_REVIEW = knownCode('Review');
const C_ST_MAX = knownCode(SERVICE_TYPE.stMax);
const C_OTHER_SHORT_TERM = knownCode(SERVICE_TYPE.otherShortTerm);
const C_EQUIPMENT = knownCode(COMPONENT_EQUIPMENT);
const K_HOSPITAL = sqlCollationKey(OUTCOME.admittedToHospital);
const C_ENDED_AS_PLANNED = knownCode(OUTCOME.supportEndedAsPlanned);

/** A row of the 2A build table (step 1): end NULL → 9999-01-01, outcome NULL → `Invalid and not mapped`. */
interface BuildRow {
  /** The row's slot in the table. */
  readonly slot: number;
  readonly start: number;
  readonly end: number;
  readonly hierarchy: number;
  readonly recordId: number;
  readonly eventType: number;
  readonly serviceType: number;
  readonly component: number;
  /** Outcome code (`NO_CODE` for NULL, which the build table reads as `Invalid and not mapped`). */
  readonly outcome: number;
}

interface Cluster {
  readonly start: number;
  readonly end: number;
  readonly outcome: string;
  readonly hierarchy: number;
}

function buildRows(t: AscofTable, from: number, to: number): BuildRow[] {
  const out: BuildRow[] = [];
  for (let s = from; s < to; s++) {
    const start = t.start[s]!;
    const end = t.end[s]!;
    if (t.clientType[s] !== C_SERVICE_USER || start === NO_DAY) continue;
    if (end !== NO_DAY && end < start) continue;
    const outcome = t.outcome[s]!;
    out.push({
      slot: s,
      start,
      end: end === NO_DAY ? OPEN_END : end,
      hierarchy: HIERARCHY_2A.get(outcome) ?? UNMATCHED,
      recordId: t.recordId[s]!,
      eventType: t.eventType[s]!,
      serviceType: t.serviceType[s]!,
      component: t.component[s]!,
      outcome,
    });
  }
  return out;
}

/** A finished cluster: its span, and the outcome (as written) of its latest-ending row. */
function closed(t: AscofTable, current: { start: number; end: number; last: BuildRow }): Cluster {
  return {
    start: current.start,
    end: current.end,
    outcome:
      t.main.columns.Event_Outcome_Cleaned.at(t.event[current.last.slot]!) ??
      INVALID_AND_NOT_MAPPED,
    hierarchy: current.last.hierarchy,
  };
}

/**
 * Step 3: sort the ST-Max rows by start, end, hierarchy, record id descending; a row
 * joins the current cluster when its start is at most 7 days after the latest end so far
 * (overlaps give a negative gap). The cluster outcome is the latest-ending row's, ties to
 * the lowest hierarchy, then the highest record id.
 */
function clusterStMax(t: AscofTable, stMax: BuildRow[]): Cluster[] {
  stMax.sort(
    (a, b) =>
      a.start - b.start || a.end - b.end || a.hierarchy - b.hierarchy || b.recordId - a.recordId,
  );
  const clusters: Cluster[] = [];
  let current: { start: number; end: number; last: BuildRow } | undefined;
  for (const r of stMax) {
    if (current !== undefined && r.start - current.end <= 7) {
      if (r.end > current.end) current.end = r.end;
      const l = current.last;
      if (
        r.end > l.end ||
        (r.end === l.end &&
          (r.hierarchy < l.hierarchy || (r.hierarchy === l.hierarchy && r.recordId > l.recordId)))
      )
        current.last = r;
      continue;
    }
    if (current !== undefined) clusters.push(closed(t, current));
    current = { start: r.start, end: r.end, last: r };
  }
  if (current !== undefined) clusters.push(closed(t, current));
  return clusters;
}

function ageBandAt(birthDay: number, day: number): Ascof2ACluster['ageBand'] {
  if (birthDay === NO_DAY) return 'Unknown';
  const age = sqlAgeFromDays(birthDay, day);
  return age < 18 ? 'Under 18' : age <= 64 ? '18 to 64' : '65 and above';
}

interface Sequel {
  readonly type: Ascof2ASequelType;
  readonly outcome: string;
}

/** Steps 1–6 for one new-client cluster; `events` are the person's build rows without the cluster's own ST-Max rows. */
function sequelOf(cluster: Cluster, deathDay: number, events: readonly BuildRow[]): Sequel {
  const { start: cs, end: ce } = cluster;
  // Step 1: died on or before the cluster end + 7 days.
  if (deathDay !== NO_DAY && deathDay - ce <= 7) return { type: '1', outcome: OUTCOME.deceased };
  // Step 2: the cluster ended in hospital.
  if (sqlCollationKey(cluster.outcome) === K_HOSPITAL)
    return { type: '2', outcome: cluster.outcome };
  // Window events: start ≥ cluster start, end > cluster end, start ≤ cluster end + 7; none on or after the first start holding an ST-Max.
  let window = events.filter((e) => e.start >= cs && e.end > ce && e.start - ce <= 7);
  let firstStMax = Infinity;
  for (const e of window)
    if (e.serviceType === C_ST_MAX && e.start < firstStMax) firstStMax = e.start;
  if (firstStMax !== Infinity) window = window.filter((e) => e.start < firstStMax);
  // Step 3: a recognised service type among the window events (any event type), lowest hierarchy, short-term residential/nursing component first.
  let top: { hierarchy: number; preferred: boolean; row: BuildRow } | undefined;
  for (const e of window) {
    const hierarchy = SEQUEL_SERVICE_HIERARCHY.get(e.serviceType);
    if (hierarchy === undefined) continue;
    const preferred = ST_RESIDENTIAL.has(e.component);
    if (
      top === undefined ||
      hierarchy < top.hierarchy ||
      (hierarchy === top.hierarchy && preferred && !top.preferred)
    )
      top = { hierarchy, preferred, row: e };
  }
  if (top !== undefined) {
    const type = SERVICE_NAME.get(top.row.serviceType)!;
    return {
      type: '3',
      outcome:
        top.row.serviceType === C_OTHER_SHORT_TERM && top.preferred
          ? SHORT_TERM_RESIDENTIAL_OR_NURSING
          : type,
    };
  }
  // Step 4: the outcome pool — (a) the cluster, (b) non-service window events, (c) nested assessments/reviews.
  const pool: { hierarchy: number; source: 1 | 2 | 3 }[] = [];
  if (window.length === 0) {
    if (cluster.hierarchy < 100) pool.push({ hierarchy: cluster.hierarchy, source: 1 });
  } else {
    for (const e of window) {
      if (!(cluster.hierarchy < 100 || e.hierarchy < 100)) continue;
      if (e.outcome === C_ENDED_AS_PLANNED) continue;
      // `Event_Type != 'Service'` is false for a NULL event type, so such rows drop out too.
      if (e.eventType === NO_CODE || e.eventType === C_SERVICE) continue;
      pool.push({ hierarchy: cluster.hierarchy, source: 1 });
      if (e.hierarchy < 100) pool.push({ hierarchy: e.hierarchy, source: 2 });
    }
  }
  const nested = events.filter((e) => e.start >= cs && e.end > cs && e.end <= ce);
  let latestNested: BuildRow | undefined;
  for (const e of nested) {
    if (e.eventType !== C_ASSESSMENT && e.eventType !== C_REVIEW) continue;
    if (!(ce - e.end < 14) || !(e.hierarchy < 100)) continue;
    const l = latestNested;
    if (
      l === undefined ||
      e.end > l.end ||
      (e.end === l.end &&
        (e.hierarchy < l.hierarchy || (e.hierarchy === l.hierarchy && e.recordId > l.recordId)))
    )
      latestNested = e;
  }
  if (latestNested !== undefined) pool.push({ hierarchy: latestNested.hierarchy, source: 3 });
  if (pool.length > 0) {
    let min = Infinity;
    for (const p of pool) if (p.hierarchy < min) min = p.hierarchy;
    let source = 3;
    for (const p of pool) if (p.hierarchy === min && p.source < source) source = p.source;
    const outcome =
      min === UNMATCHED
        ? INVALID_AND_NOT_MAPPED
        : (OUTCOME_OF_HIERARCHY.get(min) ?? INVALID_AND_NOT_MAPPED);
    return { type: source === 1 ? '4a' : source === 2 ? '4b' : '4c', outcome };
  }
  // Step 5: equipment delivered during the reablement (a nested `Service` with component `Equipment`).
  if (nested.some((e) => e.eventType === C_SERVICE && e.component === C_EQUIPMENT))
    return { type: '5', outcome: SERVICE_TYPE.ongoingLowLevel };
  // Step 6: unable to classify — the cluster's own outcome.
  return { type: '6', outcome: cluster.outcome };
}

/**
 * Every ST-Max cluster ending in [S, E] with its classification (reference e.1). Uses the
 * person's events from 3 months (91 days) before a cluster to 7 days after it.
 */
export function ascof2AClusters(
  table: AscofTable,
  facts: PersonFacts,
  startDay: number,
  endDay: number,
): Ascof2ACluster[] {
  const out: Ascof2ACluster[] = [];
  const t = table;
  /** Step 8 per final outcome (a handful of values). */
  const countedAs = new Map<string, { inNumerator: boolean; inDenominator: boolean }>();
  for (let p = 0; p < t.personIds.length; p++) {
    const from = t.first[p]!;
    const to = t.first[p + 1]!;
    let hasStMax = false;
    for (let s = from; s < to && !hasStMax; s++)
      hasStMax = t.serviceType[s] === C_ST_MAX && t.eventType[s] === C_SERVICE;
    if (!hasStMax) continue;
    const person = t.personIds[p]!;
    const build = buildRows(t, from, to);
    const clusters = clusterStMax(
      t,
      build.filter((b) => b.eventType === C_SERVICE && b.serviceType === C_ST_MAX),
    );
    const birthDay = facts.birthDay[p]!;
    const deathDay = facts.deathDay[p]!;
    for (const cluster of clusters) {
      if (cluster.end < startDay || cluster.end > endDay) continue;
      const band = ageBandAt(birthDay, cluster.end);
      let excluded: Ascof2AExclusion | null = null;
      let events: BuildRow[] = [];
      if (band === 'Under 18') excluded = 'under 18';
      else if (deathDay !== NO_DAY && deathDay < cluster.start)
        excluded = 'died before cluster start';
      else {
        // The cluster's own ST-Max rows (ST-Max `Service` rows starting inside it) are blanked out of the joined events.
        events = build.filter(
          (e) =>
            !(
              e.start >= cluster.start &&
              e.start <= cluster.end &&
              e.eventType === C_SERVICE &&
              e.serviceType === C_ST_MAX
            ),
        );
        // New clients only: no LTS (any event type) starting before the cluster and ending < 91 days before it (or still open).
        if (
          events.some(
            (e) => LTS.has(e.serviceType) && e.start < cluster.start && cluster.start - e.end < 91,
          )
        )
          excluded = 'existing client';
      }
      const clusterStart = isoDate(cluster.start);
      const clusterEnd = isoDate(cluster.end);
      if (excluded !== null) {
        out.push({
          personId: person,
          clusterStart,
          clusterEnd,
          clusterOutcome: cluster.outcome,
          ageBand: band,
          excluded,
          sequelType: null,
          finalOutcome: null,
          inNumerator: false,
          inDenominator: false,
        });
        continue;
      }
      const sequel = sequelOf(cluster, deathDay, events);
      let counted = countedAs.get(sequel.outcome);
      if (counted === undefined) {
        const key = sqlCollationKey(sequel.outcome);
        counted = { inNumerator: NUMERATOR.has(key), inDenominator: DENOMINATOR.has(key) };
        countedAs.set(sequel.outcome, counted);
      }
      out.push({
        personId: person,
        clusterStart,
        clusterEnd,
        clusterOutcome: cluster.outcome,
        ageBand: band,
        excluded: null,
        sequelType: sequel.type,
        finalOutcome: sequel.outcome,
        inNumerator: counted.inNumerator,
        inDenominator: counted.inDenominator,
      });
    }
  }
  out.sort((a, b) =>
    a.personId < b.personId
      ? -1
      : a.personId > b.personId
        ? 1
        : a.clusterStart < b.clusterStart
          ? -1
          : a.clusterStart > b.clusterStart
            ? 1
            : 0,
  );
  return out;
}
