import { parseArgs } from 'node:util';
import { getQualityStatement } from 'la-assurance/framework';
import {
  MODELLED_TEMPLATES,
  safeDefineInformationReturnTemplate,
  validateInformationReturn,
  type InformationReturnTemplate,
} from 'la-assurance/information-return';
import type { CaseRecord } from 'la-assurance/case-tracking';
import {
  INTAKE_HELP,
  INTAKE_OPTIONS,
  dryRun,
  openCaseRows,
  reportHeader,
  reportIntake,
} from '../case-rows.js';
import { throwIfUnreadable } from '../csv-stream.js';
import { InputError, UsageError, formatTable, printable, readJson, type CliIo } from '../io.js';

export const validateHelp = `Usage: la-assurance validate <return.json | -> [options]

Validates an information return against its template and reports its completeness:
required items answered and missing, and the evidence for each quality statement.

The template is the one the return names ("template": { "id": ... }) among the bundled
modelled templates (${MODELLED_TEMPLATES.map((t) => t.id).join(', ')}), or --template.

A case list item can be answered from your system's export instead of the JSON:
--cases ITEM=cases.csv reads the CSV (streamed, headings matched or mapped, labels and
dates as your system writes them) into that item's case list. Rows rejected → exit 1.

Options:
  --template ID|FILE     A bundled template id, or a JSON file with the official template
  --cases ITEM=FILE      Answer case-list item ITEM from a CSV export (repeatable)
${INTAKE_HELP}
  --max-issues N         List at most N issues (default 100; the rest are counted)
  --json                 Machine-readable output
  -h, --help             This help
`;

function templateFor(
  option: string | undefined,
  submission: unknown,
  io: CliIo,
): InformationReturnTemplate {
  const named = (submission as { template?: { id?: unknown } } | null)?.template?.id;
  const id = option ?? (typeof named === 'string' ? named : undefined);
  if (id === undefined) throw new UsageError('the return names no template: give --template');
  const bundled = MODELLED_TEMPLATES.find((t) => t.id === id);
  if (bundled) return bundled;
  if (option === undefined)
    throw new InputError(
      `the return names template "${id}", which is not bundled: give it with --template FILE`,
    );
  const defined = safeDefineInformationReturnTemplate(readJson(option, io));
  if (!defined.success)
    throw new InputError(
      defined.issues.map((i) => `${option}: ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  return defined.data;
}

export function validateCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      'max-issues': { type: 'string' },
      cases: { type: 'string', multiple: true },
      ...INTAKE_OPTIONS,
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(validateHelp);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('give one information return file (or - for stdin)');
  const maxIssues = values['max-issues'];
  if (maxIssues !== undefined && !/^[1-9]\d*$/.test(maxIssues))
    throw new UsageError(`--max-issues must be a whole number ≥ 1; got ${maxIssues}`);
  const file = positionals[0]!;
  let submission = readJson(file, io);
  const template = templateFor(values.template, submission, io);
  if (values['dry-run'] && (values.cases ?? []).length === 0)
    throw new UsageError('--dry-run reads a case list export: give --cases ITEM=FILE');
  let rejectedRows = 0;
  for (const spec of values.cases ?? []) {
    const [, item, casesFile] = /^([^=]+)=(.+)$/.exec(spec) ?? [];
    if (item === undefined || casesFile === undefined)
      throw new UsageError(`--cases takes ITEM=FILE; got ${spec}`);
    const target = template.items.find((i) => i.id === item);
    if (target?.kind !== 'case-list') {
      const lists = template.items.filter((i) => i.kind === 'case-list').map((i) => i.id);
      throw new UsageError(
        `--cases ${item}: ${target === undefined ? 'no such item' : 'not a case-list item'} in ${template.id}; its case lists are ${lists.join(', ') || '(none)'}`,
      );
    }
    const rows = openCaseRows(casesFile, values, io, []);
    if (values['dry-run']) {
      const status = dryRun(casesFile, rows, io);
      if (status !== 0) return status;
      continue;
    }
    reportHeader(casesFile, rows, io, false);
    const cases: CaseRecord[] = [...rows.intake.records(rows.input)];
    throwIfUnreadable(rows.input); // as `sample` does after its draw: the reader's error, exit 2
    const summary = rows.intake.summary();
    reportIntake(casesFile, summary, rows.input.counts(), io);
    rejectedRows += summary.rowsRejected;
    const base = (typeof submission === 'object' && submission !== null ? submission : {}) as {
      responses?: Record<string, unknown>;
    };
    submission = { ...base, responses: { ...base.responses, [item]: { cases } } };
  }
  if (values['dry-run']) return 0;
  const result = validateInformationReturn(
    submission,
    template,
    maxIssues === undefined ? {} : { maxIssues: Number(maxIssues) },
  );
  if (!result.success) {
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    for (const i of result.issues)
      io.stderr(
        `${printable(file)}: ${i.path.join('.') || '(the return)'}: ${printable(i.message)}\n`,
      );
    if (result.suppressedIssues > 0)
      io.stderr(`${printable(file)}: … and ${result.suppressedIssues} more issues\n`);
    return 1;
  }
  if (rejectedRows > 0) {
    io.stderr(
      `${printable(file)}: exit 1 because ${rejectedRows.toLocaleString('en-GB')} case list row${rejectedRows === 1 ? ' was' : 's were'} rejected (the return was validated without them)\n`,
    );
  }
  const status = rejectedRows > 0 ? 1 : 0;
  const c = result.data.completeness;
  if (values.json) {
    io.stdout(`${JSON.stringify(result.data.completeness, null, 2)}\n`);
    return status;
  }
  io.stdout(
    `${file}: valid against ${c.template.id} ${c.template.version} (${c.template.status})\n`,
  );
  io.stdout(
    `Required items: ${c.required.answered} of ${c.required.total} answered (${c.required.notHeld} not held)${c.required.missing.length > 0 ? `; missing: ${c.required.missing.join(', ')}` : ''}\n\n`,
  );
  io.stdout(
    formatTable(
      ['QS', 'Quality statement', 'Evidence items'],
      c.qualityStatements.map((q) => [
        `QS${getQualityStatement(q.qualityStatement).number}`,
        getQualityStatement(q.qualityStatement).name,
        `${q.evidenceItems.length} of ${q.expectedItems.length}`,
      ]),
    ),
  );
  if (c.qualityStatementsWithoutEvidence.length > 0) {
    io.stdout(
      `\nNo evidence at all for: ${c.qualityStatementsWithoutEvidence.map((id) => getQualityStatement(id).name).join('; ')}\n`,
    );
  }
  return status;
}
