import { parseArgs } from 'node:util';
import { QUALITY_STATEMENTS, findQualityStatement } from 'la-assurance/framework';
import {
  improvementsToNextRating,
  safeScoreAssessment,
  type AssessmentScore,
} from 'la-assurance/scoring';
import { InputError, UsageError, formatTable, readJson, type CliIo } from '../io.js';

export const scoreHelp = `Usage: la-assurance score [options] [file.json | -]

Scores an assessment from its quality statement scores and explains the rating.

Input (one of):
  file.json | -         JSON: { "<label or id>": score, ... }, or { "council": "...", "scores": {...} },
                        or an array of those (optionally as { "results": [...] }). Labels may be any published variant
                        ("Assessing people's needs", "QS1", "assessing-needs").
  --scores 3,3,4,3,4,4,3,4,4
                        The nine scores QS1..QS9, comma-separated.

Options:
  --rounding half-up|none   How the percentage is rounded before banding (default half-up, modelled)
  --json                    Machine-readable output
  -h, --help                This help
`;

interface Named {
  readonly council: string | undefined;
  readonly scores: unknown;
}

function fromLabels(raw: unknown, where: string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [label, score] of Object.entries(raw)) {
    const qs = findQualityStatement(label);
    if (qs && out[qs.id] !== undefined)
      throw new InputError(`${where}: "${label}" scores ${qs.id} a second time`);
    out[qs?.id ?? label] = score;
  }
  return out;
}

function entries(input: unknown, file: string): Named[] {
  // A `{ "results": [...] }` wrapper (as in demo/data/published-results.json) is unwrapped.
  if (
    typeof input === 'object' &&
    input !== null &&
    Array.isArray((input as { results?: unknown }).results)
  ) {
    input = (input as { results: unknown[] }).results;
  }
  const list = Array.isArray(input) ? input : [input];
  return list.map((item, i) => {
    const where = Array.isArray(input) ? `${file}: item ${i + 1}` : file;
    const wrapped = typeof item === 'object' && item !== null && 'scores' in item;
    const council =
      wrapped && typeof (item as { council?: unknown }).council === 'string'
        ? (item as { council: string }).council
        : undefined;
    return {
      council,
      scores: fromLabels(wrapped ? (item as { scores: unknown }).scores : item, where),
    };
  });
}

function describe(name: string, r: AssessmentScore): string {
  const rows = QUALITY_STATEMENTS.filter((q) => r.scores[q.id] !== undefined).map((q) => [
    `QS${q.number}`,
    q.name,
    r.scores[q.id]!,
  ]);
  const next = improvementsToNextRating(r.scores, { rounding: r.rounding });
  return [
    `${name}: ${r.band.label} (${r.roundedPercentage}%)`,
    formatTable(['QS', 'Quality statement', 'Score'], rows).trimEnd(),
    ...r.explanation.map((l) => `· ${l}`),
    ...(next ? [`→ ${next.explanation}`] : []),
    '',
  ].join('\n');
}

export function scoreCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      scores: { type: 'string' },
      rounding: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(scoreHelp);
    return 0;
  }
  const rounding = values.rounding ?? 'half-up';
  if (rounding !== 'half-up' && rounding !== 'none')
    throw new UsageError(`--rounding must be half-up or none; got ${rounding}`);
  if ((values.scores === undefined) === (positionals.length === 0) || positionals.length > 1) {
    throw new UsageError('give either one input file (or - for stdin) or --scores');
  }
  let named: Named[];
  if (values.scores !== undefined) {
    const parts = values.scores.split(',').map((s) => s.trim());
    if (parts.length !== 9)
      throw new InputError(
        `--scores: give nine comma-separated scores (QS1..QS9); got ${parts.length}`,
      );
    named = [
      {
        council: undefined,
        scores: Object.fromEntries(
          parts.map((p, i) => [QUALITY_STATEMENTS[i]!.id, /^\d+$/.test(p) ? Number(p) : p]),
        ),
      },
    ];
  } else {
    named = entries(readJson(positionals[0]!, io), positionals[0]!);
  }
  const where = values.scores !== undefined ? '--scores' : positionals[0]!;
  const results = named.map((n, i) => ({ n, i, r: safeScoreAssessment(n.scores, { rounding }) }));
  const failed = results.filter((x) => !x.r.success);
  for (const { n, i, r } of failed) {
    if (r.success) continue;
    const who = n.council ?? (named.length > 1 ? `item ${i + 1}` : 'scores');
    for (const issue of r.issues) io.stderr(`${where}: ${who}: ${issue.message}\n`);
  }
  if (failed.length > 0) return 1;
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        results.map(({ n, r }) => ({ council: n.council, ...(r.success ? r.data : {}) })),
        null,
        2,
      )}\n`,
    );
  } else {
    for (const { n, i, r } of results)
      if (r.success)
        io.stdout(
          describe(n.council ?? (named.length > 1 ? `Item ${i + 1}` : 'Assessment'), r.data),
        );
  }
  return 0;
}
