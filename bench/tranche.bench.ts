import solver from 'javascript-lp-solver';
import { COUNCILS, COUNCIL_TYPES, REGIONS, REGION_NAMES } from 'la-assurance/councils';
import {
  selectTranche,
  type CouncilProfile,
  type ConcernLevel,
  type TrancheOptions,
} from 'la-assurance/tranche';
import { solveSelection, type OptimumBounds, type OptimumItem } from '../src/tranche/optimum.js';
import { lpModel } from '../test/tranche/lp-model.js';
import { QUICK, cpuMs, median, recordFigure } from './figures.js';

/**
 * Tranche selection: 153 councils, size 20, type and region bounds. Median time of the
 * exact selection (the optimiser alone, and the whole `selectTranche` call with scoring and
 * explanations) against javascript-lp-solver on the same model, in the same run; records
 * the figures (median per solve over 50 instances × 20 rounds) and prints whether every
 * run was optimal.
 */
export async function trancheBench(): Promise<void> {
  const levels: readonly ConcernLevel[] = ['none', 'low', 'medium', 'high'];
  let seed = 42;
  const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const instances = Array.from({ length: 50 }, () => {
    const profiles: CouncilProfile[] = COUNCILS.map((council) => ({
      council,
      concernLevel: levels[Math.floor(random() * 4)]!,
      ...(random() < 0.2 ? { innovation: 'new model of care' } : {}),
      ...(random() < 0.3
        ? {
            lastAssessment: `20${20 + Math.floor(random() * 4)}-0${1 + Math.floor(random() * 9)}-15`,
          }
        : {}),
    }));
    return profiles;
  });
  const options: TrancheOptions = {
    notificationDate: '2023-12-04',
    size: 20,
    typeBounds: {
      county: { min: 3, max: 7 },
      unitary: { min: 4, max: 8 },
      'metropolitan-district': { min: 3, max: 6 },
      'london-borough': { min: 3, max: 5 },
    },
    regionBounds: Object.fromEntries(Object.keys(REGION_NAMES).map((r) => [r, { min: 1, max: 4 }])),
  };
  const bounds: OptimumBounds = {
    size: 20,
    rowMin: COUNCIL_TYPES.map((t) => options.typeBounds?.[t]?.min ?? 0),
    rowMax: COUNCIL_TYPES.map((t) => options.typeBounds?.[t]?.max ?? Infinity),
    columnMin: REGIONS.map(() => 1),
    columnMax: REGIONS.map(() => 4),
  };
  const models = instances.map((profiles) => {
    const scores = selectTranche(profiles, { ...options, leftOutCount: 153 });
    const total = new Map(
      [...scores.selected, ...scores.leftOut].map((s) => [s.council.code, s.score.total]),
    );
    const items: OptimumItem[] = profiles.map((p, i) => ({
      row: COUNCIL_TYPES.indexOf(p.council.type),
      column: REGIONS.indexOf(p.council.region),
      score: Math.round(total.get(p.council.code)! * 100),
      forced: false,
      order: i,
    }));
    return { profiles, items, objective: Math.round(scores.objective * 100) };
  });

  const rounds = QUICK ? 2 : 20;
  // CPU time of a round over all the instances, per solve (one solve is too short to time alone).
  const time = (fn: (i: number) => void): number[] => {
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++)
      samples.push(
        cpuMs(() => {
          for (let i = 0; i < models.length; i++) fn(i);
        }) / models.length,
      );
    return samples;
  };
  let optimal = 0;
  const flow = time((i) => void solveSelection(models[i]!.items, bounds, 'optimum'));
  const whole = time((i) => void selectTranche(models[i]!.profiles, options));
  const lp = time((i) => {
    const m = models[i]!;
    const r = solver.Solve(lpModel(m.items, bounds)) as { feasible: boolean; result: number };
    if (r.feasible && Math.round(r.result) === m.objective) optimal++;
  });
  const per = 'one selection, 153 councils, size 20';
  const comparator = 'javascript-lp-solver (same model)';
  recordFigure({
    task: 'min-cost flow (solveSelection)',
    ms: median(flow),
    comparator,
    comparatorMs: median(lp),
    per,
  });
  recordFigure({
    task: 'selectTranche (scoring + flow + explanations)',
    ms: median(whole),
    comparator,
    comparatorMs: median(lp),
    per,
  });
  console.log(
    `selectTranche matched the LP optimum in ${optimal} of ${rounds * models.length} solves (${((100 * optimal) / (rounds * models.length)).toFixed(1)}%).`,
  );
}
