// One measurement in a fresh process, for bench/scaling.bench.ts: `tsx bench/scaling-child.ts
// <curve> <size>` builds the workload, runs the task once to warm up, then three times,
// and prints one JSON line: the median of the three (ms), the peak resident memory growth
// over the memory just before the first call (MiB), and the comparator's median where the
// curve has one. A fresh process per figure keeps one size's garbage out of the next.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { prepareCasePopulation, safeSelectCaseSample } from 'la-assurance/case-tracking';
import { MODELLED_FORMAL_TEMPLATE, defineInformationReturnTemplate, informationReturnJsonSchema, validateInformationReturn } from 'la-assurance/information-return';
import { exampleInformationReturn, generateCasePopulation } from 'la-assurance/testing';
import { solveSelection, type OptimumItem } from '../src/tranche/optimum.js';

export interface ChildResult {
  readonly ms: number;
  readonly peakMiB: number;
  readonly comparatorMs?: number;
  readonly check: string;
}

function median3(run: () => void): number {
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[1]!;
}

/** Runs `task` (warm-up, then the median of three) and its comparator, measuring peak memory of the task. */
function measure(task: () => string, comparator?: () => unknown): ChildResult {
  const rssBefore = process.memoryUsage.rss();
  const check = task(); // warm-up; its result is printed so the work cannot be optimised away
  const ms = median3(task);
  const peakMiB = (process.resourceUsage().maxRSS * 1024 - rssBefore) / 2 ** 20;
  if (!comparator) return { ms, peakMiB, check };
  comparator();
  return { ms, peakMiB, check, comparatorMs: median3(comparator) };
}

function informationReturn(rows: number, bad: boolean): ChildResult {
  const template = defineInformationReturnTemplate({
    ...MODELLED_FORMAL_TEMPLATE,
    id: 'bench-scaling',
    sections: [...MODELLED_FORMAL_TEMPLATE.sections, { id: 'cases', title: 'Cases' }],
    items: [...MODELLED_FORMAL_TEMPLATE.items, { id: 'C1', section: 'cases', title: 'Case list', kind: 'case-list', qualityStatements: ['assessing-needs'], required: true, maxRows: rows }],
  });
  let submission: unknown;
  if (bad) {
    // Every row invalid twice over: no ethnicity, and a setting outside the list.
    const small = exampleInformationReturn(template, { seed: 'bench', caseCount: 1, notHeldShare: 0 });
    const cases = Array.from(generateCasePopulation({ seed: 'bench', size: rows }), ({ ethnicity: _, ...row }) => ({ ...row, setting: 'hospital' }));
    submission = { ...small, responses: { ...small.responses, C1: { cases } } };
  } else submission = exampleInformationReturn(template, { seed: 'bench', caseCount: rows, notHeldShare: 0 });
  // The comparator: ajv with allErrors (it reports every error, as ours counts every one).
  const ajv = new Ajv2020({ formats: { date: true }, allowUnionTypes: true, allErrors: true, inlineRefs: false }).compile(informationReturnJsonSchema(template));
  return measure(
    () => {
      const r = validateInformationReturn(submission, template);
      return r.success ? 'valid' : `${r.issues.length + r.suppressedIssues} issues`;
    },
    () => ajv(submission),
  );
}

function caseSample(records: number, prepared: boolean): ChildResult {
  const cases = [...generateCasePopulation({ seed: 'bench', size: records })];
  let run = 0;
  if (prepared) {
    const population = prepareCasePopulation(cases);
    return measure(() => String(safeSelectCaseSample(population, { seed: `bench-${run++}` }).success));
  }
  return measure(() => String(safeSelectCaseSample(cases, { seed: `bench-${run++}` }).success));
}

function tranche(candidates: number): ChildResult {
  // Synthetic candidates spread over 4 types and 9 regions, scores on a 5-point grid so
  // ties are common (as with the default weights); size 20, at least 3 per type, 1 per region.
  let seed = 42;
  const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const items: OptimumItem[] = Array.from({ length: candidates }, (_, i) => ({
    row: Math.floor(random() * 4),
    column: Math.floor(random() * 9),
    score: Math.floor(random() * 20) * 500,
    forced: false,
    order: i,
  }));
  const bounds = { size: 20, rowMin: [3, 3, 3, 3], rowMax: [8, 8, 8, 8], columnMin: Array<number>(9).fill(1), columnMax: Array<number>(9).fill(4) };
  return measure(() => String(solveSelection(items, bounds, 'optimum')?.length));
}

const [curve, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const result =
  curve === 'ir-valid'
    ? informationReturn(size, false)
    : curve === 'ir-bad'
      ? informationReturn(size, true)
      : curve === 'sample-records'
        ? caseSample(size, false)
        : curve === 'sample-prepared'
          ? caseSample(size, true)
          : curve === 'tranche'
            ? tranche(size)
            : undefined;
if (!result) throw new Error(`unknown curve ${curve}`);
console.log(JSON.stringify(result));
