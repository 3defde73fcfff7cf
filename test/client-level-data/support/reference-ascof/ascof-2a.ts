// Plain reference version (test oracle), copied from src/client-level-data/ascof/ascof-2a.ts before
// the columnar fast path; ascof/fast-vs-plain.properties.test.ts compares the two.
// ASCOF 2A: short-term services (reablement) with no further request for ongoing support.
// Reference e.1; DHSC ASCOF_measures/Create_ASCOF_2A_2425_Onwards.sql (provisional method).
import type {
  Ascof2ACluster,
  Ascof2AExclusion,
  Ascof2ASequelType,
} from '../../../../src/client-level-data/ascof/model.js';
import type { PersonFacts } from './person-details.js';
import type { AscofRow, AscofTable } from './rows.js';
import {
  OPEN_END,
  isoDate,
  keyMap,
  sqlKeySet,
  sqlAgeFromDays,
  sqlCollationKey,
} from '../../../../src/client-level-data/sql.js';
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
} from '../../../../src/client-level-data/ascof/values.js';

const UNMATCHED = 999;
/** Step 1: outcome hierarchy, +100 for the "unable to classify" outcomes; unmatched, NULL and `Invalid and not mapped` → 999. */
const PENALISED = sqlKeySet(ASCOF_2A_PENALISED_OUTCOMES);
const HIERARCHY_2A = keyMap(
  EVENT_OUTCOME_HIERARCHY.map(
    ([o, h]) => [o, PENALISED.has(sqlCollationKey(o)) ? h + 100 : h] as const,
  ),
);
/** The SQL maps the minimum hierarchy back to its outcome through the same reference table. */
const OUTCOME_OF_HIERARCHY = new Map(
  EVENT_OUTCOME_HIERARCHY.map(
    ([o, h]) => [PENALISED.has(sqlCollationKey(o)) ? h + 100 : h, o] as const,
  ),
);
const SEQUEL_SERVICE_HIERARCHY = keyMap(SERVICE_TYPE_HIERARCHY);
const SERVICE_NAME = keyMap(SERVICE_TYPE_HIERARCHY.map(([t]) => [t, t] as const));
const LTS = sqlKeySet(LONG_TERM_SERVICE_TYPES);
const DENOMINATOR = sqlKeySet(ASCOF_2A_DENOMINATOR_OUTCOMES);
const NUMERATOR = sqlKeySet(ASCOF_2A_NUMERATOR_OUTCOMES);
const ST_RESIDENTIAL = sqlKeySet(SHORT_TERM_RESIDENTIAL_COMPONENTS);
const K_SERVICE_USER = sqlCollationKey(CLIENT_TYPE.serviceUser);
const K_SERVICE = sqlCollationKey('Service');
const K_ASSESSMENT = sqlCollationKey('Assessment');
const K_REVIEW = sqlCollationKey('Review');
const K_ST_MAX = sqlCollationKey(SERVICE_TYPE.stMax);
const K_OTHER_SHORT_TERM = sqlCollationKey(SERVICE_TYPE.otherShortTerm);
const K_EQUIPMENT = sqlCollationKey(COMPONENT_EQUIPMENT);
const K_HOSPITAL = sqlCollationKey(OUTCOME.admittedToHospital);
const K_ENDED_AS_PLANNED = sqlCollationKey(OUTCOME.supportEndedAsPlanned);

/** A row of the 2A build table (step 1): end NULL → 9999-01-01, outcome NULL → `Invalid and not mapped`. */
interface BuildRow {
  readonly row: AscofRow;
  readonly start: number;
  readonly end: number;
  readonly hierarchy: number;
  readonly outcome: string;
}

interface Cluster {
  readonly start: number;
  readonly end: number;
  readonly outcome: string;
  readonly hierarchy: number;
}

function buildRows(rows: readonly AscofRow[]): BuildRow[] {
  const out: BuildRow[] = [];
  for (const row of rows) {
    if (row.clientType !== K_SERVICE_USER || row.start === null) continue;
    if (row.end !== null && row.end < row.start) continue;
    out.push({
      row,
      start: row.start,
      end: row.end ?? OPEN_END,
      hierarchy: row.outcome === null ? UNMATCHED : (HIERARCHY_2A.get(row.outcome) ?? UNMATCHED),
      outcome: row.event.Event_Outcome_Cleaned ?? INVALID_AND_NOT_MAPPED,
    });
  }
  return out;
}

/** A finished cluster: its span, and the outcome of its latest-ending row. */
function closed(current: { start: number; end: number; last: BuildRow }): Cluster {
  return {
    start: current.start,
    end: current.end,
    outcome: current.last.outcome,
    hierarchy: current.last.hierarchy,
  };
}

/**
 * Step 3: sort the ST-Max rows by start, end, hierarchy, record id descending; a row
 * joins the current cluster when its start is at most 7 days after the latest end so far
 * (overlaps give a negative gap). The cluster outcome is the latest-ending row's, ties to
 * the lowest hierarchy, then the highest record id.
 */
function clusterStMax(stMax: BuildRow[]): Cluster[] {
  stMax.sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      a.hierarchy - b.hierarchy ||
      b.row.recordId - a.row.recordId,
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
          (r.hierarchy < l.hierarchy ||
            (r.hierarchy === l.hierarchy && r.row.recordId > l.row.recordId)))
      )
        current.last = r;
      continue;
    }
    if (current !== undefined) clusters.push(closed(current));
    current = { start: r.start, end: r.end, last: r };
  }
  if (current !== undefined) clusters.push(closed(current));
  return clusters;
}

function ageBandAt(
  facts: PersonFacts | undefined,
  day: number,
): { age: number | null; band: Ascof2ACluster['ageBand'] } {
  if (facts?.birthDay == null) return { age: null, band: 'Unknown' };
  const age = sqlAgeFromDays(facts.birthDay, day);
  return { age, band: age < 18 ? 'Under 18' : age <= 64 ? '18 to 64' : '65 and above' };
}

interface Sequel {
  readonly type: Ascof2ASequelType;
  readonly outcome: string;
}

/** Steps 1–6 for one new-client cluster; `events` are the person's build rows without the cluster's own ST-Max rows. */
function sequelOf(
  cluster: Cluster,
  facts: PersonFacts | undefined,
  events: readonly BuildRow[],
): Sequel {
  const { start: cs, end: ce } = cluster;
  // Step 1: died on or before the cluster end + 7 days.
  if (facts?.deathDay != null && facts.deathDay - ce <= 7)
    return { type: '1', outcome: OUTCOME.deceased };
  // Step 2: the cluster ended in hospital.
  if (sqlCollationKey(cluster.outcome) === K_HOSPITAL)
    return { type: '2', outcome: cluster.outcome };
  // Window events: start ≥ cluster start, end > cluster end, start ≤ cluster end + 7; none on or after the first start holding an ST-Max.
  let window = events.filter((e) => e.start >= cs && e.end > ce && e.start - ce <= 7);
  let firstStMax = Infinity;
  for (const e of window)
    if (e.row.serviceType === K_ST_MAX && e.start < firstStMax) firstStMax = e.start;
  if (firstStMax !== Infinity) window = window.filter((e) => e.start < firstStMax);
  // Step 3: a recognised service type among the window events (any event type), lowest hierarchy, short-term residential/nursing component first.
  let top: { hierarchy: number; preferred: boolean; row: BuildRow } | undefined;
  for (const e of window) {
    const hierarchy =
      e.row.serviceType === null ? undefined : SEQUEL_SERVICE_HIERARCHY.get(e.row.serviceType);
    if (hierarchy === undefined) continue;
    const preferred = e.row.component !== null && ST_RESIDENTIAL.has(e.row.component);
    if (
      top === undefined ||
      hierarchy < top.hierarchy ||
      (hierarchy === top.hierarchy && preferred && !top.preferred)
    )
      top = { hierarchy, preferred, row: e };
  }
  if (top !== undefined) {
    const type = SERVICE_NAME.get(top.row.row.serviceType!)!;
    return {
      type: '3',
      outcome:
        top.row.row.serviceType === K_OTHER_SHORT_TERM && top.preferred
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
      if (sqlCollationKey(e.outcome) === K_ENDED_AS_PLANNED) continue;
      // `Event_Type != 'Service'` is false for a NULL event type, so such rows drop out too.
      if (e.row.eventType === null || e.row.eventType === K_SERVICE) continue;
      pool.push({ hierarchy: cluster.hierarchy, source: 1 });
      if (e.hierarchy < 100) pool.push({ hierarchy: e.hierarchy, source: 2 });
    }
  }
  const nested = events.filter((e) => e.start >= cs && e.end > cs && e.end <= ce);
  let latestNested: BuildRow | undefined;
  for (const e of nested) {
    if (e.row.eventType !== K_ASSESSMENT && e.row.eventType !== K_REVIEW) continue;
    if (!(ce - e.end < 14) || !(e.hierarchy < 100)) continue;
    const l = latestNested;
    if (
      l === undefined ||
      e.end > l.end ||
      (e.end === l.end &&
        (e.hierarchy < l.hierarchy ||
          (e.hierarchy === l.hierarchy && e.row.recordId > l.row.recordId)))
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
  if (nested.some((e) => e.row.eventType === K_SERVICE && e.row.component === K_EQUIPMENT))
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
  facts: ReadonlyMap<string, PersonFacts>,
  startDay: number,
  endDay: number,
): Ascof2ACluster[] {
  const out: Ascof2ACluster[] = [];
  for (const [person, rows] of table.persons) {
    let hasStMax = false;
    for (const r of rows)
      if (r.serviceType === K_ST_MAX && r.eventType === K_SERVICE) hasStMax = true;
    if (!hasStMax) continue;
    const build = buildRows(rows);
    const clusters = clusterStMax(
      build.filter((b) => b.row.eventType === K_SERVICE && b.row.serviceType === K_ST_MAX),
    );
    const personFacts = facts.get(person);
    for (const cluster of clusters) {
      if (cluster.end < startDay || cluster.end > endDay) continue;
      const { band } = ageBandAt(personFacts, cluster.end);
      let excluded: Ascof2AExclusion | null = null;
      let events: BuildRow[] = [];
      if (band === 'Under 18') excluded = 'under 18';
      else if (personFacts?.deathDay != null && personFacts.deathDay < cluster.start)
        excluded = 'died before cluster start';
      else {
        // The cluster's own ST-Max rows (ST-Max `Service` rows starting inside it) are blanked out of the joined events.
        events = build.filter(
          (e) =>
            !(
              e.start >= cluster.start &&
              e.start <= cluster.end &&
              e.row.eventType === K_SERVICE &&
              e.row.serviceType === K_ST_MAX
            ),
        );
        // New clients only: no LTS (any event type) starting before the cluster and ending < 91 days before it (or still open).
        if (
          events.some(
            (e) =>
              e.row.serviceType !== null &&
              LTS.has(e.row.serviceType) &&
              e.start < cluster.start &&
              cluster.start - e.end < 91,
          )
        )
          excluded = 'existing client';
      }
      const base = {
        personId: person,
        clusterStart: isoDate(cluster.start),
        clusterEnd: isoDate(cluster.end),
        clusterOutcome: cluster.outcome,
        ageBand: band,
      };
      if (excluded !== null) {
        out.push({
          ...base,
          excluded,
          sequelType: null,
          finalOutcome: null,
          inNumerator: false,
          inDenominator: false,
        });
        continue;
      }
      const sequel = sequelOf(cluster, personFacts, events);
      const key = sqlCollationKey(sequel.outcome);
      out.push({
        ...base,
        excluded: null,
        sequelType: sequel.type,
        finalOutcome: sequel.outcome,
        inNumerator: NUMERATOR.has(key),
        inDenominator: DENOMINATOR.has(key),
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
