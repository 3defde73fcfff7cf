import type { MainTableEvent } from '../../src/client-level-data/model.js';

// A second, deliberately naive port of DHSC's `waiting_times_method.sql` (v1.1), written
// table by table as the SQL is (temporary tables as arrays, ROW_NUMBER by sorting, OUTER
// APPLY as a filtered scan, LAG and the running MAX as loops over the previous rows). It
// is slow (quadratic) and shares nothing with src/: the same-answer test compares the two.

const ci = (v: string | null): string | null =>
  v === null ? null : v.toLowerCase().replace(/ +$/, '');
const inList = (v: string | null, list: string[]): boolean =>
  v !== null && list.map(ci).includes(ci(v));
const monthsBack = (date: string, n: number): string => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - n;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const d = Math.min(Number(date.slice(8, 10)), last);
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const datediff = (a: string, b: string): number =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
const quarter = (d: string): string => {
  const m = Number(d.slice(5, 7));
  return `${d.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
};

type Row = MainTableEvent & { T: string; band?: string | null; ord?: number };

/** Rows `{ metric, quarter, band, count, median }` as DHSC's Stage 4.2 output (one LA). */
export function referenceWaitingTimes(
  events: readonly MainTableEvent[],
): { metric: string; quarter: string; band: string; count: number; median: number }[] {
  // Stage 1.1
  const all: Row[] = events.map((e) => {
    const t = ci(e.Event_Type) ?? '';
    // The main-table contract carries this cleaned type; the SQL derives it from Event_Type with LIKE.
    const T = t.includes('service')
      ? 'Service'
      : t.includes('assessment')
        ? 'Assessment'
        : t.includes('request')
          ? 'Request'
          : t.includes('review')
            ? 'Review'
            : 'Invalid and not mapped';
    return { ...e, T };
  });
  const LTS = [
    'Long term support: Nursing care',
    'Long term support: Residential care',
    'Long term support: Community',
    'Long term support: Prison',
  ];
  const STS = [
    'Short term support: ST-Max',
    'Short term support: Ongoing low level',
    'Short term support: Other short term',
  ];
  // Stage 1.2
  const fas = all.filter(
    (r) =>
      (r.T === 'Assessment' &&
        inList(r.Assessment_Type_Cleaned, ['Short term assessment', 'Long term assessment'])) ||
      (r.T === 'Service' && inList(r.Service_Type_Cleaned, [...LTS, ...STS])),
  );
  // Stage 1.3a, b
  const over25 = all
    .filter(
      (r) =>
        r.T === 'Request' &&
        ci(r.Client_Type_Cleaned) === 'service user' &&
        r.Event_Start_Date !== null &&
        r.Event_Start_Date >= '2023-04-01',
    )
    .filter((r) => r.Der_Age_Event_Start_Date !== null && r.Der_Age_Event_Start_Date >= 25)
    .map((r) => ({
      ...r,
      band: ci(r.Der_Working_Age_Band) === '18 to 64' ? '25 to 64' : r.Der_Working_Age_Band,
    }));
  // Stage 1.3c: LEFT JOIN ... WHERE s.id IS NULL
  const filtered = over25.filter(
    (r) =>
      !fas.some(
        (s) =>
          r.LA_Code !== null &&
          s.LA_Code !== null &&
          ci(r.LA_Code) === ci(s.LA_Code) &&
          ci(r.Der_NHS_LA_Combined_Person_ID) === ci(s.Der_NHS_LA_Combined_Person_ID) &&
          s.T === 'Service' &&
          ((inList(s.Service_Type_Cleaned, LTS) &&
            (s.Der_Event_End_Date === null ||
              s.Der_Event_End_Date >= monthsBack(r.Event_Start_Date!, 12))) ||
            (inList(s.Service_Type_Cleaned, [
              'Short term support: ST-Max',
              'Short term support: Other short term',
            ]) &&
              (s.Der_Event_End_Date === null ||
                s.Der_Event_End_Date >= monthsBack(r.Event_Start_Date!, 3)))) &&
          s.Event_Start_Date !== null &&
          s.Event_Start_Date < r.Event_Start_Date!,
      ),
  );
  // Stage 1.4
  const valid = filtered.filter(
    (r) =>
      r.Event_Outcome_Grouped !== null &&
      !inList(r.Event_Outcome_Grouped, ['NFA', 'Admitted to hospital']),
  );
  // Stage 2.1
  const union: Row[] = [
    ...valid,
    ...fas
      .filter((r) => r.Der_Age_Event_Start_Date !== null && r.Der_Age_Event_Start_Date >= 25)
      .map((r) => ({
        ...r,
        band: ci(r.Der_Working_Age_Band) === '18 to 64' ? '25 to 64' : r.Der_Working_Age_Band,
      })),
  ];
  const person = (r: Row): string => `${ci(r.LA_Code)}|${ci(r.Der_NHS_LA_Combined_Person_ID)}`;
  const rank = (r: Row): number =>
    r.T === 'Request' ? 1 : r.T === 'Assessment' ? 2 : r.T === 'Service' ? 3 : 4;
  const people = [...new Set(union.map(person))];
  const out = new Map<string, number[]>();
  for (const p of people) {
    const rows = union
      .filter((r) => person(r) === p)
      .sort(
        (a, b) =>
          (a.Event_Start_Date ?? '').localeCompare(b.Event_Start_Date ?? '') ||
          rank(a) - rank(b) ||
          (b.ImportDate ?? '').localeCompare(a.ImportDate ?? '') ||
          b.Der_Unique_Record_ID - a.Der_Unique_Record_ID ||
          a.Der_Unique_Event_Ref.localeCompare(b.Der_Unique_Event_Ref) ||
          a.row - b.row,
      );
    rows.forEach((r, i) => (r.ord = i + 1));
    // Stage 2.2
    if (!rows.some((r) => r.T === 'Request')) continue;
    // Stage 2.3b: block id = running count of non-assessments; flag = max over the block.
    const blockId = rows.map(
      (_, i) => rows.slice(0, i + 1).filter((x) => x.T !== 'Assessment').length,
    );
    const aip = (r: Row): number =>
      inList(r.Event_Outcome_Cleaned, [
        'Progress to reablement/ST-Max',
        'Progress to support planning or services',
        'Continuation of support or services',
      ])
        ? 1
        : 0;
    const blockFlag = rows.map((r, i) =>
      r.T !== 'Assessment'
        ? null
        : Math.max(
            ...rows.filter((x, j) => x.T === 'Assessment' && blockId[j] === blockId[i]).map(aip),
          ),
    );
    // Stage 2.4 – 3.3
    type Bind = {
      ord: number;
      start: string;
      respOrd: number | null;
      respStart: string | null;
      respBand: string | null;
      svcOrd: number | null;
      svcStart: string | null;
      svcBand: string | null;
    };
    const binds: Bind[] = [];
    rows.forEach((r) => {
      if (r.T !== 'Request') return;
      const nextA = rows.find((x) => x.ord! > r.ord! && x.T === 'Assessment') ?? null;
      const nextS = rows.find((x) => x.ord! > r.ord! && x.T === 'Service') ?? null;
      const progress = inList(r.Event_Outcome_Cleaned, [
        'Progress to reablement/ST-Max',
        'Progress to assessment, review or reassessment',
        'Progress to support planning or services',
        'Continuation of support or services',
        'Release 1 specification only: Not mapped',
      ]);
      const c1 =
        (nextA === null || r.Event_Start_Date! < nextA.Event_Start_Date!) &&
        r.Der_Conversation === 1 &&
        progress &&
        r.Event_Start_Date! < '2025-07-01';
      let resp: {
        ord: number;
        start: string;
        band: string | null;
        type: string;
        flag: number | null;
      } | null = c1
        ? {
            ord: r.ord!,
            start: r.Event_Start_Date!,
            band: r.band ?? null,
            type: 'Request',
            flag: null,
          }
        : nextA === null
          ? null
          : {
              ord: nextA.ord!,
              start: nextA.Event_Start_Date!,
              band: nextA.band ?? null,
              type: 'Assessment',
              flag: blockFlag[rows.indexOf(nextA)]!,
            };
      if (
        (resp !== null && nextS !== null && resp.ord > nextS.ord!) ||
        (resp === null && nextS !== null)
      )
        resp = {
          ord: nextS.ord!,
          start: nextS.Event_Start_Date!,
          band: nextS.band ?? null,
          type: 'Service',
          flag: null,
        };
      const cut = resp !== null && resp.type === 'Assessment' && resp.flag === 0;
      const svc = cut || nextS === null ? null : nextS;
      binds.push({
        ord: r.ord!,
        start: r.Event_Start_Date!,
        respOrd: resp?.ord ?? null,
        respStart: resp?.start ?? null,
        respBand: resp?.band ?? null,
        svcOrd: svc?.ord ?? null,
        svcStart: svc?.Event_Start_Date ?? null,
        svcBand: svc?.band ?? null,
      });
    });
    // Stage 3.4
    binds.forEach((b, i) => {
      const prev = binds.slice(0, i);
      const lag =
        i === 0
          ? null
          : [binds[i - 1]!.respOrd, binds[i - 1]!.svcOrd].filter((x): x is number => x !== null);
      const lagMax = lag === null || lag.length === 0 ? null : Math.max(...lag);
      const maxResp = Math.max(
        0,
        ...prev.map((x) => x.respOrd).filter((x): x is number => x !== null),
      );
      const maxSvc = Math.max(
        0,
        ...prev.map((x) => x.svcOrd).filter((x): x is number => x !== null),
      );
      const excluded =
        (lagMax !== null && lagMax > b.ord) ||
        (b.respOrd !== null && b.respOrd <= maxResp) ||
        (b.svcOrd !== null && b.svcOrd <= maxSvc);
      if (excluded) return;
      // Stage 4
      if (b.respStart !== null && (b.respBand === '25 to 64' || b.respBand === '65 and above')) {
        const key = `Wait time to first response|${quarter(b.respStart)}|${b.respBand}`;
        out.set(key, [...(out.get(key) ?? []), datediff(b.start, b.respStart)]);
      }
      if (b.svcStart !== null && (b.svcBand === '25 to 64' || b.svcBand === '65 and above')) {
        const key = `Wait time to first service|${quarter(b.svcStart)}|${b.svcBand}`;
        out.set(key, [...(out.get(key) ?? []), datediff(b.start, b.svcStart)]);
      }
    });
  }
  return [...out.entries()]
    .map(([key, waits]) => {
      const [metric, q, band] = key.split('|') as [string, string, string];
      const s = [...waits].sort((a, b) => a - b);
      // PERCENTILE_CONT(0.5): linear interpolation at position 0.5 × (n − 1).
      const pos = 0.5 * (s.length - 1);
      const lo = Math.floor(pos);
      const median = s[lo]! + (pos - lo) * (s[Math.ceil(pos)]! - s[lo]!);
      return { metric, quarter: q, band, count: s.length, median };
    })
    .sort(
      (a, b) =>
        a.metric.localeCompare(b.metric) ||
        a.quarter.localeCompare(b.quarter) ||
        a.band.localeCompare(b.band),
    );
}
