import { defaultCaseCriteria, safeSelectCaseSample } from 'la-assurance/case-tracking';
import {
  ascofMeasures,
  casePopulationFromClientLevelData,
  checkClientLevelData,
  prepareClientLevelData,
  waitingTimes,
} from 'la-assurance/client-level-data';
import { generateClientLevelData } from 'la-assurance/testing';
import { heading, table } from '../format.js';

/**
 * From a council's Client Level Data return to its measures and case sample: generates a
 * year of CLD for a fictional council, checks and prepares it, prints the quality summary,
 * the ASCOF measures and the waiting-time medians, and draws the 50 → 10 → 6 sample from it.
 */
export function clientLevelDataStep(): string {
  const periodStart = '2024-04-01';
  const periodEnd = '2025-03-31';
  // Fenwick Vale (LA code Z99) is fictional; its 3,000 people and their journeys are generated.
  const { rows } = generateClientLevelData({
    seed: 'fenwick-vale',
    people: 3_000,
    periodStart,
    periodEnd,
    laCode: 'Z99',
  });
  const out = [heading('Client Level Data: from the quarterly return to measures and the sample')];
  const checked = checkClientLevelData(rows);
  if (!checked.success) return [...out, ...checked.issues.map((i) => i.message)].join('\n');
  const { account, quality } = checked.data;
  const complete = quality.filter((q) => q.invalid === 0 && q.missing === 0).length;
  out.push(
    `Fenwick Vale (Z99, fictional), ${periodStart} to ${periodEnd}: ${account.read.toLocaleString('en-GB')} rows read, ${account.kept.toLocaleString('en-GB')} kept, ${account.keptWithMapping} kept with a Release 1 mapping, ${account.rejected} rejected; ${complete} of ${quality.length} fields with no invalid or missing values.`,
  );
  const prepared = prepareClientLevelData(checked.data, { periodStart, periodEnd });
  if (!prepared.success) return [...out, ...prepared.issues.map((i) => i.message)].join('\n');
  const p = prepared.data;
  out.push(
    `DHSC main table: ${p.summary.events.toLocaleString('en-GB')} events (${p.summary.merged} duplicates merged).`,
    '',
  );

  // ONS mid-year populations are the caller's to supply; these round figures are illustrative.
  const ascof = ascofMeasures(p, {
    year: 2024,
    population: { '18 to 64': 180_000, '65 and above': 60_000 },
  });
  out.push(
    'ASCOF measures (DHSC 2024/25-onwards method; Total rows):',
    table(
      ['code', 'measure', 'age band', 'numerator', 'denominator', 'outcome'],
      ascof.rows
        .filter((r) => r.sex === 'Total')
        .map((r) => [
          r.code,
          r.measure,
          r.ageBand,
          r.numerator,
          r.denominator ?? '—',
          r.outcome ?? 'not computable',
        ]),
    ),
    ...ascof.notComputable.map((n) => `${n.measure}: not computable from CLD.`),
    '',
  );

  const waits = waitingTimes(p);
  out.push(
    'Waiting-time medians in days (DHSC v1.1):',
    table(
      ['quarter', 'age band', 'first response (n)', 'first service (n)'],
      [...new Set(waits.map((w) => `${w.quarter}|${w.ageBand}`))].map((key) => {
        const [quarter, ageBand] = key.split('|') as [string, string];
        const cell = (code: string) => {
          const w = waits.find(
            (x) => x.code === code && x.quarter === quarter && x.ageBand === ageBand,
          );
          return w === undefined ? '—' : `${w.median} (${w.count})`;
        };
        return [quarter, ageBand, cell('WT-first-response'), cell('WT-first-service')];
      }),
    ),
    '',
  );

  const asOf = periodEnd;
  const population = casePopulationFromClientLevelData(p, { asOf });
  const sample = safeSelectCaseSample(population.records, {
    seed: 'Fenwick Vale 2025-04',
    criteria: defaultCaseCriteria({ asOf }),
  });
  if (!sample.success) return [...out, ...sample.issues.map((i) => i.message)].join('\n');
  const s = sample.data;
  out.push(
    `Case sample from the CLD (${population.records.length.toLocaleString('en-GB')} people supported in the year to ${asOf}, a modelled mapping): sample ${s.sample.length}, shortlist ${s.shortlist.length}, engage ${s.engage.length}.`,
    table(
      ['#', 'person', 'age', 'support reason', 'setting'],
      s.engage.map((c, i) => [
        i + 1,
        c.id,
        c.record.age ?? c.record.ageBand ?? '',
        c.record.primarySupportReason,
        c.record.setting,
      ]),
    ),
  );
  return out.join('\n');
}
