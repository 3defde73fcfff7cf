import { mapCommand, mapHelp } from './commands/map.js';
import { sampleCommand, sampleHelp } from './commands/sample.js';
import { scoreCommand, scoreHelp } from './commands/score.js';
import { timelineCommand, timelineHelp } from './commands/timeline.js';
import { trancheCommand, trancheHelp } from './commands/tranche.js';
import { resultsCommand, resultsHelp } from './commands/results.js';
import { validateCommand, validateHelp } from './commands/validate.js';
import { cldCommand, cldHelp } from './commands/cld.js';
import { InputError, UnreadableInputError, UsageError, type CliIo } from './io.js';

/** A command returns its exit code, or a promise of it (commands that stream their input). */
type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

interface CommandEntry {
  readonly run: Command;
  readonly summary: string;
  readonly help: string;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  score: {
    run: scoreCommand,
    summary: 'score an assessment and explain its rating',
    help: scoreHelp,
  },
  validate: {
    run: validateCommand,
    summary: 'validate an information return and report its completeness',
    help: validateHelp,
  },
  sample: {
    run: sampleCommand,
    summary: 'select the case-tracking sample (50 → 10 → 6) reproducibly',
    help: sampleHelp,
  },
  timeline: {
    run: timelineCommand,
    summary: 'plan an assessment timeline on working days',
    help: timelineHelp,
  },
  tranche: {
    run: trancheCommand,
    summary: 'select a tranche of councils by the planning principles',
    help: trancheHelp,
  },
  cld: {
    run: cldCommand,
    summary: "check a Client Level Data file and prepare DHSC's main table",
    help: cldHelp,
  },
  results: {
    run: resultsCommand,
    summary: 'published CQC results: league table, or one council compared with its groups',
    help: resultsHelp,
  },
  map: {
    run: mapCommand,
    summary: "write a starter column mapping from an export's headings (map init)",
    help: mapHelp,
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `Usage: la-assurance <command> [options]

CQC assessment of council adult social care, from the command line.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Run 'la-assurance <command> --help' for a command's options. Every command takes
--json for machine-readable output.

Exit codes: 0 ok (computed from valid input), 1 invalid input (rows rejected or an
empty result because of the data), 2 usage error or unreadable input.
`;
}

/** Runs the CLI; returns the exit code. All I/O goes through `io` and the files named in argv. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`la-assurance: unknown command '${name}'\n\n${mainHelp()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UnreadableInputError) {
      io.stderr(`la-assurance ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`la-assurance ${name}: ${error.message}\n`);
      return 1;
    }
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`la-assurance ${name}: ${(error as Error).message}\n\n${command.help}`);
      return 2;
    }
    throw error;
  }
}
