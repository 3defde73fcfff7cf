import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  MODELLED_FORMAL_TEMPLATE,
  defineInformationReturnTemplate,
  informationReturnJsonSchema,
  validateInformationReturn,
  type InformationReturnSubmission,
  type InformationReturnTemplate,
} from 'la-assurance/information-return';
import { exampleInformationReturn, generateCasePopulation } from 'la-assurance/testing';
import { QUICK, cpuMedian, recordFigure } from './figures.js';

const ROWS = 100_000;

/** The modelled formal template plus a case-list item taking up to 100,000 rows (the benchmark's workload). */
function formalWithCaseList(): InformationReturnTemplate {
  return defineInformationReturnTemplate({
    ...MODELLED_FORMAL_TEMPLATE,
    id: 'bench-formal-with-case-list',
    sections: [...MODELLED_FORMAL_TEMPLATE.sections, { id: 'cases', title: 'Cases' }],
    items: [
      ...MODELLED_FORMAL_TEMPLATE.items,
      {
        id: 'C1',
        section: 'cases',
        title: 'Case list',
        kind: 'case-list',
        qualityStatements: ['assessing-needs'],
        required: true,
        maxRows: ROWS,
      },
    ],
  });
}

function validWorkload(template: InformationReturnTemplate): InformationReturnSubmission {
  return exampleInformationReturn(template, { seed: 'bench', caseCount: ROWS, notHeldShare: 0 });
}

/** The same return with every row invalid twice over: no ethnicity, and a setting outside the list. */
function floodWorkload(template: InformationReturnTemplate): unknown {
  const small = exampleInformationReturn(template, {
    seed: 'bench',
    caseCount: 1,
    notHeldShare: 0,
  });
  const cases = Array.from(
    generateCasePopulation({ seed: 'bench', size: ROWS }),
    ({ ethnicity: _, ...row }) => ({ ...row, setting: 'hospital' }),
  );
  return { ...small, responses: { ...small.responses, C1: { cases } } };
}

/**
 * Child-process entry: one error-flood validation in a fresh process, reporting time and
 * memory as JSON. A worker thread samples the process's resident set size every
 * millisecond while the main thread validates (RSS is process-wide), so the peak growth
 * over the RSS just before the call is what validation itself needed.
 */
export async function informationReturnFloodChild(): Promise<void> {
  const template = formalWithCaseList();
  const invalid = floodWorkload(template);
  const peak = new Float64Array(new SharedArrayBuffer(16));
  const sampler = new Worker(
    `import('node:worker_threads').then(({ workerData }) => {
       const peak = new Float64Array(workerData, 0, 1);
       setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; Atomics.store(new Int32Array(workerData, 8, 1), 0, 1); }, 1);
     });`,
    { eval: true, workerData: peak.buffer },
  );
  while (Atomics.load(new Int32Array(peak.buffer, 8, 1), 0) === 0)
    await new Promise((r) => setTimeout(r, 5));
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage.rss();
  peak[0] = rssBefore;
  const start = performance.now();
  const result = validateInformationReturn(invalid, template);
  const ms = performance.now() - start;
  await new Promise((r) => setTimeout(r, 20));
  await sampler.terminate();
  const issues = result.success ? 0 : result.issues.length + result.suppressedIssues;
  console.log(
    JSON.stringify({
      ms,
      rssBeforeMiB: rssBefore / 2 ** 20,
      peakGrowthMiB: (peak[0]! - rssBefore) / 2 ** 20,
      issues,
    }),
  );
}

/**
 * Information return validation of a formal-template submission carrying a 100,000-row
 * case list, beside ajv validating the same data with the exported JSON Schema; the error
 * flood (100,000 invalid rows, issue cap on) in the same run, against the valid run of the
 * same process (target ≤ 3×), and its peak memory measured in a fresh child process.
 * Records its figures (median CPU time per validation) for bench/index.ts.
 */
export async function informationReturnBench(): Promise<void> {
  const template = formalWithCaseList();
  const valid = validWorkload(template);
  const invalid = floodWorkload(template);
  const schema = informationReturnJsonSchema(template);
  // ajv as shipped, and with inlineRefs: false, which keeps its row validator a separate
  // function V8 can optimise (the inlined whole-return function is too large to optimise).
  const ajvDefault = new Ajv2020({ formats: { date: true }, allowUnionTypes: true }).compile(
    schema,
  );
  const ajvFast = new Ajv2020({
    formats: { date: true },
    allowUnionTypes: true,
    inlineRefs: false,
  }).compile(schema);
  for (const check of [
    (x: unknown) => validateInformationReturn(x, template).success,
    ajvDefault,
    ajvFast,
  ]) {
    if (!check(valid) || check(invalid)) throw new Error('benchmark workload is not as intended');
  }
  const time = (run: () => void) => cpuMedian(run, 5, QUICK ? 300 : 3000);
  const times = {
    valid: time(() => validateInformationReturn(valid, template)),
    'ajv (inlineRefs: false)': time(() => ajvFast(valid)),
    'ajv (default options)': time(() => ajvDefault(valid)),
    invalid: time(() => validateInformationReturn(invalid, template)),
  };
  const p50 = (name: keyof typeof times) => times[name];
  const per = `one return, ${ROWS.toLocaleString('en-GB')} case rows`;
  for (const ajv of ['ajv (inlineRefs: false)', 'ajv (default options)'] as const)
    recordFigure({
      task: 'validateInformationReturn, valid (target ≤ 2× ajv)',
      ms: p50('valid'),
      comparator: `${ajv} + informationReturnJsonSchema`,
      comparatorMs: p50(ajv),
      per,
    });
  recordFigure({
    task: 'validateInformationReturn, every row invalid, issue cap 100 (target ≤ 3× valid)',
    ms: p50('invalid'),
    comparator: 'validateInformationReturn, valid (same process)',
    comparatorMs: p50('valid'),
    per,
  });
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(fileURLToPath(import.meta.url))}).then((m) => m.informationReturnFloodChild())`,
    ],
    { encoding: 'utf8' },
  );
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status === 0 && line.startsWith('{')) {
    const f = JSON.parse(line) as {
      ms: number;
      rssBeforeMiB: number;
      peakGrowthMiB: number;
      issues: number;
    };
    recordFigure({
      task: 'error flood, cold first call in a fresh process (target ≤ 1 s)',
      ms: f.ms,
      per,
      clock: 'wall',
    });
    console.log(
      `error flood, fresh process: ${f.issues.toLocaleString('en-GB')} issues (100 listed); ` +
        `peak memory growth during validation ${f.peakGrowthMiB.toFixed(1)} MiB RSS over ${f.rssBeforeMiB.toFixed(0)} MiB before the call (target ≤ 100 MB)`,
    );
  } else throw new Error(`error flood child process failed: ${child.stderr}`);
}
