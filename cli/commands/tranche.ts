import { parseArgs } from 'node:util';
import { COUNCIL_TYPES, REGIONS, REGION_NAMES, resolveCouncil } from 'la-assurance/councils';
import { safeSelectTranche, type TrancheOptions } from 'la-assurance/tranche';
import { InputError, UsageError, formatTable, readJson, type CliIo } from '../io.js';

export const trancheHelp = `Usage: la-assurance tranche <profiles.json | -> [options]

Scores councils by CQC's planning principles (weights are modelled defaults) and selects
the tranche with the highest total score under the balance constraints — the exact optimum.

Input: JSON, an array of council profiles or { "notificationDate": "...", "profiles": [...] }.
Each profile names its council by "council" (object), "code" (ONS code) or "name" (any
common form: "Bristol City Council", "London Borough of Camden"), plus its signals
(concernLevel, concerns, innovation, icsAssessment, regulatoryActivity,
deliveryConstraints, lastAssessment; see docs/tranche.md).

Options:
  --notified YYYY-MM-DD     Notification date of the tranche (or "notificationDate" in the file)
  --size N                  Councils to select (default 20)
  --min-per-type N          At least N councils of each type
  --max-per-region N        At most N councils from any region
  --json                    Machine-readable output
  -h, --help                This help
`;

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number; got ${value}`);
  return Number(value);
}

function profilesOf(
  input: unknown,
  file: string,
): { notificationDate: unknown; profiles: unknown[] } {
  const wrapped = typeof input === 'object' && input !== null && !Array.isArray(input);
  const list = wrapped ? (input as { profiles?: unknown }).profiles : input;
  if (!Array.isArray(list))
    throw new InputError(`${file}: expected an array of profiles or { "profiles": [...] }`);
  const problems: string[] = [];
  const profiles = list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${file}: profile ${i + 1}: expected an object`);
      return item;
    }
    const { code, name, ...rest } = item as Record<string, unknown>;
    if (rest.council !== undefined) return item;
    const key = typeof code === 'string' ? code : typeof name === 'string' ? name : undefined;
    if (key === undefined) {
      problems.push(`${file}: profile ${i + 1}: name the council with "code" or "name"`);
      return item;
    }
    const found = resolveCouncil(key);
    if (found.status !== 'found') {
      const options = found.candidates.map((c) => `${c.name} (${c.code})`).join(', ');
      problems.push(
        `${file}: profile ${i + 1}: "${key}" ${found.status === 'ambiguous' ? `is ambiguous: ${options}` : 'is not a council'}`,
      );
      return item;
    }
    return { council: found.candidates[0], ...rest };
  });
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return {
    notificationDate: wrapped
      ? (input as { notificationDate?: unknown }).notificationDate
      : undefined,
    profiles,
  };
}

export function trancheCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      notified: { type: 'string' },
      size: { type: 'string' },
      'min-per-type': { type: 'string' },
      'max-per-region': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(trancheHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one profiles file (or - for stdin)');
  const file = positionals[0]!;
  const { notificationDate, profiles } = profilesOf(readJson(file, io), file);
  const notified = values.notified ?? notificationDate;
  if (typeof notified !== 'string')
    throw new UsageError(
      'give the notification date with --notified or "notificationDate" in the file',
    );
  const minPerType = positiveInt(values['min-per-type'], '--min-per-type');
  const maxPerRegion = positiveInt(values['max-per-region'], '--max-per-region');
  const options: TrancheOptions = {
    notificationDate: notified,
    ...(values.size !== undefined && { size: positiveInt(values.size, '--size')! }),
    ...(minPerType !== undefined && {
      typeBounds: Object.fromEntries(COUNCIL_TYPES.map((t) => [t, { min: minPerType }])),
    }),
    ...(maxPerRegion !== undefined && {
      regionBounds: Object.fromEntries(REGIONS.map((r) => [r, { max: maxPerRegion }])),
    }),
  };
  let result;
  try {
    result = safeSelectTranche(profiles, options);
  } catch (error) {
    // Options are checked as programmer errors by the library; here they came from the user.
    if (error instanceof RangeError || error instanceof TypeError)
      throw new UsageError(error.message);
    throw error;
  }
  if (!result.success)
    throw new InputError(result.issues.map((i) => `${file}: ${i.message}`).join('\n'));
  const t = result.data;
  if (values.json) {
    io.stdout(`${JSON.stringify(t, null, 2)}\n`);
    return 0;
  }
  io.stdout(
    `Tranche of ${t.size}, notified ${t.window.notification}, on site ${t.window.onSiteFrom} to ${t.window.onSiteTo}; total score ${t.objective} (exact optimum)\n\n`,
  );
  io.stdout(
    formatTable(
      ['Council', 'Type', 'Region', 'Score', 'Why chosen'],
      t.selected.map((s) => [
        s.council.name,
        s.council.type,
        REGION_NAMES[s.council.region],
        s.score.total,
        s.why,
      ]),
    ),
  );
  if (t.leftOut.length > 0) {
    io.stdout(`\nBest councils left out:\n`);
    io.stdout(
      formatTable(
        ['Council', 'Score', 'Kept out by'],
        t.leftOut.map((l) => [l.council.name, l.score.total, `${l.reason}: ${l.why}`]),
      ),
    );
  }
  return 0;
}
