import {
  CASE_RECORD_FIELDS,
  countCaseRecordIssues,
  isCaseRecord,
  safeParseCaseRecord,
  type CaseRecord,
} from '../case-tracking/case-record.js';
import type { IssuePath } from '../errors/index.js';
import { isPlainObject } from '../internal/describe.js';
import { isIsoDate } from '../timeline/iso-date.js';
import {
  FORBIDDEN_KEYS,
  TEXT_LIMITS,
  type InformationReturnTemplate,
  type TemplateItem,
} from './model.js';
import {
  type IssueSink,
  describeKey,
  describeWrongValue,
  pathText,
  wrongValueCode,
} from './issue-sink.js';
import type {
  DocumentReference,
  InformationReturnIssueCode,
  InformationReturnSubmission,
  ItemResponse,
  TableRow,
} from './submission.js';
import { assertNever, compileValue } from './values.js';

// A template is compiled once (cached per template object) into plain closures: the hot
// path of a large case list is a loop over `safeParseCaseRecord` plus a scan for extra fields,
// with no zod, no per-row allocation beyond the checker's result, and paths built only when
// a row fails. Depth is bounded by construction: the walk only descends where the
// template's structure goes (at most six levels), never into unknown keys.

const FORBIDDEN: ReadonlySet<string> = new Set(FORBIDDEN_KEYS);
const NON_BLANK = /\S/;
/** The pattern of a document link (also in the JSON Schema). */
export const LINK_PATTERN = '^https?://\\S+$';
const LINK = new RegExp(LINK_PATTERN, 'u');

/** Per-call state of one validation. */
interface Walk {
  readonly sink: IssueSink;
  /** The objects enclosing the current position (to name cycles). */
  readonly ancestors: unknown[];
}

/** Where an issue sits and how its message starts (`item D4 'Title', document.title: `). */
interface Place {
  readonly path: IssuePath;
  readonly itemId?: string;
  readonly label: string;
}

function at(place: Place, ...rest: (string | number)[]): Place {
  const path = [...place.path, ...rest];
  return { path, itemId: place.itemId, label: place.label };
}

function report(walk: Walk, place: Place, code: InformationReturnIssueCode, detail: string): void {
  if (walk.sink.full) {
    walk.sink.suppressed++;
    return;
  }
  // Item issues read "item D4 'Title', document.title: …"; others "responses.X: …".
  const inside = pathText(place.path.slice(2));
  const where =
    place.itemId === undefined
      ? pathText(place.path) || 'submission'
      : inside
        ? `${place.label}, ${inside}`
        : place.label;
  walk.sink.add(code, place.path, `${where}: ${detail}`, place.itemId);
}

/** Reports keys outside `allowed` (forbidden keys get their own code). True when none. */
function checkKeys(
  walk: Walk,
  place: Place,
  value: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  hint: string,
): boolean {
  let ok = true;
  for (const key of Object.keys(value)) {
    if (allowed.has(key)) continue;
    ok = false;
    if (FORBIDDEN.has(key))
      report(
        walk,
        at(place, key),
        'forbidden-key',
        `the key ${describeKey(key)} is not allowed (it can alter objects' prototypes); remove it`,
      );
    else
      report(
        walk,
        at(place, key),
        'unknown-field',
        `${describeKey(key)} is not a field here; ${hint}`,
      );
  }
  return ok;
}

function expectObject(
  walk: Walk,
  place: Place,
  value: unknown,
  want: string,
): value is Record<string, unknown> {
  if (isPlainObject(value) && !walk.ancestors.includes(value)) return true;
  report(
    walk,
    place,
    wrongValueCode(value, walk.ancestors, 'not-an-object'),
    `expected ${want}; got ${describeWrongValue(value, walk.ancestors)}`,
  );
  return false;
}

/** Checks a text field: a string, not blank, within `[min, max]` UTF-16 code units. */
function checkText(
  walk: Walk,
  place: Place,
  value: unknown,
  what: string,
  max: number,
  min = 1,
): value is string {
  if (value === undefined) {
    report(walk, place, 'missing-field', `${what} is missing; write it`);
    return false;
  }
  if (typeof value !== 'string') {
    report(
      walk,
      place,
      wrongValueCode(value, walk.ancestors, 'invalid-field'),
      `expected ${what} (text); got ${describeWrongValue(value, walk.ancestors)}`,
    );
    return false;
  }
  if (value.length > max) {
    report(
      walk,
      place,
      'text-too-long',
      `${what} is ${value.length} characters long; shorten it to at most ${max}`,
    );
    return false;
  }
  if (value.length < min || !NON_BLANK.test(value)) {
    report(
      walk,
      place,
      'text-too-short',
      min > 1
        ? `${what} must be at least ${min} characters (not only spaces); it has ${value.length}`
        : `${what} is empty or blank; write it`,
    );
    return false;
  }
  return true;
}

const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['title', 'link', 'fileName', 'section']);

function checkDocument(walk: Walk, place: Place, value: unknown): DocumentReference | undefined {
  if (
    !expectObject(walk, place, value, 'a document reference { title, link or fileName, section? }')
  )
    return undefined;
  walk.ancestors.push(value);
  const ref = readDocument(walk, place, value);
  walk.ancestors.pop();
  return ref;
}

function readDocument(
  walk: Walk,
  place: Place,
  value: Record<string, unknown>,
): DocumentReference | undefined {
  let ok = checkKeys(
    walk,
    place,
    value,
    DOCUMENT_KEYS,
    'a document reference has title, link, fileName and section',
  );
  const { title, link, fileName, section } = value;
  ok =
    checkText(walk, at(place, 'title'), title, 'the document title', TEXT_LIMITS.documentTitle) &&
    ok;
  if (link !== undefined) {
    if (checkText(walk, at(place, 'link'), link, 'the link', TEXT_LIMITS.link)) {
      if (!LINK.test(link)) {
        report(
          walk,
          at(place, 'link'),
          'invalid-field',
          `expected a web address starting http:// or https:// (no spaces); got ${describeWrongValue(link, [])}`,
        );
        ok = false;
      }
    } else ok = false;
  }
  if (fileName !== undefined)
    ok =
      checkText(walk, at(place, 'fileName'), fileName, 'the file name', TEXT_LIMITS.fileName) && ok;
  if (section !== undefined)
    ok =
      checkText(walk, at(place, 'section'), section, 'the section pointer', TEXT_LIMITS.section) &&
      ok;
  if (link === undefined && fileName === undefined) {
    report(
      walk,
      place,
      'invalid-document',
      'give a link to the document or the name of the file sent with the return',
    );
    ok = false;
  }
  if (!ok) return undefined;
  const ref: { -readonly [K in keyof DocumentReference]: DocumentReference[K] } = {
    title: title as string,
  };
  if (link !== undefined) ref.link = link as string;
  if (fileName !== undefined) ref.fileName = fileName as string;
  if (section !== undefined) ref.section = section as string;
  return Object.freeze(ref);
}

/** The case-record model's own fields; every other key of a row is an extra field. */
const CASE_FIELDS: ReadonlySet<string> = new Set(CASE_RECORD_FIELDS);

/** Extra (non-model) case fields must be scalars JSON can hold, text within the cell limit. */
function isScalarCell(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return value.length <= TEXT_LIMITS.cell;
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    default:
      return value === null;
  }
}

/** Hot path: a plain row whose extra keys are allowed and hold scalars. */
function hasCleanExtras(row: object): boolean {
  const proto: unknown = Object.getPrototypeOf(row);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in row) {
    if (CASE_FIELDS.has(key)) continue;
    if (FORBIDDEN.has(key) || !isScalarCell((row as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * The error path of one case row. `modelInvalid`: the model fields failed the fast check.
 * Before the issue cap, the row is described with its path; past it, its issues are only
 * counted: no path, no message and no allowed-value list is built, and a row whose extra
 * fields are clean (the usual flood: model fields wrong, nothing else) allocates nothing.
 */
function reportCaseRow(
  walk: Walk,
  place: Place,
  row: unknown,
  index: number,
  modelInvalid: boolean,
): void {
  const sink = walk.sink;
  const wrong = wrongValueCode(row, walk.ancestors, 'case-not-object');
  if (wrong !== 'case-not-object') {
    report(
      walk,
      at(place, index),
      wrong,
      `expected a case record; got ${describeWrongValue(row, walk.ancestors)}`,
    );
    return;
  }
  if (modelInvalid) {
    if (sink.full) sink.suppressed += countCaseRecordIssues(row);
    else {
      const checked = safeParseCaseRecord(row, ['cases', index]);
      if (!checked.success) {
        for (const issue of checked.issues)
          sink.add(
            issue.code,
            [...place.path.slice(0, 2), ...issue.path],
            `${place.label}: ${issue.message}`,
            place.itemId,
          );
      }
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return;
    if (hasCleanExtras(row)) return; // the common case: nothing more to say about the row
  }
  reportCaseRowExtras(walk, at(place, index), row as Record<string, unknown>);
}

/** The issues of a row's extra (non-model) fields, or of a row that is not plain data. */
function reportCaseRowExtras(walk: Walk, rowPlace: Place, r: Record<string, unknown>): void {
  const sink = walk.sink;
  const proto: unknown = Object.getPrototypeOf(r);
  if (proto !== Object.prototype && proto !== null) {
    report(
      walk,
      rowPlace,
      'case-not-object',
      `expected a case record as plain data; got ${describeWrongValue(r, [])}`,
    );
    return;
  }
  for (const key of Object.keys(r)) {
    if (CASE_FIELDS.has(key)) continue;
    if (FORBIDDEN.has(key)) {
      report(
        walk,
        at(rowPlace, key),
        'forbidden-key',
        `the key ${describeKey(key)} is not allowed (it can alter objects' prototypes); remove it`,
      );
      continue;
    }
    const value = r[key];
    if (isScalarCell(value)) continue;
    if (sink.full) {
      sink.suppressed++; // past the cap: counted, no message built
      continue;
    }
    const ancestors = [...walk.ancestors, r];
    const code = wrongValueCode(value, ancestors, 'case-extra-field-invalid');
    report(
      walk,
      at(rowPlace, key),
      code,
      typeof value === 'string'
        ? `extra field ${describeKey(key)} is ${value.length} characters long; shorten it to at most ${TEXT_LIMITS.cell}`
        : `extra field ${describeKey(key)} must be text, a number, true/false or null; got ${describeWrongValue(value, ancestors)}`,
    );
  }
}

interface RowBounds {
  readonly minRows?: number | undefined;
  readonly maxRows: number;
}

/** Checks a rows array's type and length; returns it, or undefined if it cannot be walked. */
function checkRowsArray(
  walk: Walk,
  place: Place,
  value: unknown,
  bounds: RowBounds,
  noun: string,
): readonly unknown[] | undefined {
  if (!Array.isArray(value) || walk.ancestors.includes(value)) {
    report(
      walk,
      place,
      wrongValueCode(value, walk.ancestors, 'invalid-field'),
      `expected a list of ${noun}; got ${describeWrongValue(value, walk.ancestors)}`,
    );
    return undefined;
  }
  const min = bounds.minRows ?? 1;
  if (value.length > bounds.maxRows) {
    // The array-size cap: refuse before reading any row.
    report(
      walk,
      place,
      'too-many-rows',
      `${value.length} ${noun} given; at most ${bounds.maxRows} are accepted`,
    );
    return undefined;
  }
  if (value.length < min)
    report(walk, place, 'too-few-rows', `${value.length} ${noun} given; give at least ${min}`);
  return value;
}

type ItemCheck = (
  walk: Walk,
  place: Place,
  value: Record<string, unknown>,
) => ItemResponse | undefined;

function checkCaseList(item: RowBounds): ItemCheck {
  return (walk, place, response) => {
    const casesPlace = at(place, 'cases');
    const cases = checkRowsArray(walk, casesPlace, response.cases, item, 'case records');
    if (!cases) return undefined;
    const before = walk.sink.count;
    const n = cases.length;
    const out: CaseRecord[] = new Array<CaseRecord>(n);
    walk.ancestors.push(cases);
    for (let i = 0; i < n; i++) {
      const row: unknown = cases[i];
      if (!isCaseRecord(row)) reportCaseRow(walk, casesPlace, row, i, true);
      else if (hasCleanExtras(row)) out[i] = row;
      else reportCaseRow(walk, casesPlace, row, i, false);
    }
    walk.ancestors.pop();
    return walk.sink.count === before && n >= (item.minRows ?? 1)
      ? Object.freeze({ cases: Object.freeze(out) })
      : undefined;
  };
}

function checkTable(item: Extract<TemplateItem, { kind: 'table' }>): ItemCheck {
  const columns = item.columns.map((c) => ({ column: c, value: compileValue(c.value) }));
  const known: ReadonlySet<string> = new Set(item.columns.map((c) => c.id));
  const hint = `the columns are ${item.columns.map((c) => c.id).join(', ')}`;
  return (walk, place, response) => {
    const rowsPlace = at(place, 'rows');
    const rows = checkRowsArray(walk, rowsPlace, response.rows, item, 'rows');
    if (!rows) return undefined;
    const before = walk.sink.count;
    const out: TableRow[] = [];
    walk.ancestors.push(rows);
    rows.forEach((row, i) => {
      const rowPlace = at(rowsPlace, i);
      if (!expectObject(walk, rowPlace, row, `a row (an object with ${hint})`)) return;
      walk.ancestors.push(row);
      checkKeys(walk, rowPlace, row, known, hint);
      const copy: Record<string, number | string> = {};
      for (const { column, value } of columns) {
        const cell = Object.hasOwn(row, column.id) ? row[column.id] : undefined;
        if (cell === undefined) {
          if (column.required)
            report(
              walk,
              at(rowPlace, column.id),
              'missing-field',
              `'${column.title}' is missing; give ${value.want}`,
            );
        } else if (value.test(cell)) copy[column.id] = cell as number | string;
        else
          reportValue(
            walk,
            at(rowPlace, column.id),
            cell,
            value.outOfRange(cell),
            `column '${column.title}': `,
            value.want,
          );
      }
      walk.ancestors.pop();
      out.push(Object.freeze(copy));
    });
    walk.ancestors.pop();
    return walk.sink.count === before && rows.length >= (item.minRows ?? 1)
      ? Object.freeze({ rows: Object.freeze(out) })
      : undefined;
  };
}

function reportValue(
  walk: Walk,
  place: Place,
  value: unknown,
  outOfRange: boolean,
  what: string,
  want: string,
): void {
  const code = outOfRange
    ? 'value-out-of-range'
    : wrongValueCode(value, walk.ancestors, 'invalid-value');
  report(
    walk,
    place,
    code,
    `${what}expected ${want}; got ${describeWrongValue(value, walk.ancestors)}`,
  );
}

/** What to give for an item, for messages: "give a document (…), or say it is not held and why". */
function answerHint(item: TemplateItem): string {
  const notHeld = 'or say it is not held and why ({ notHeld: true, reason })';
  switch (item.kind) {
    case 'document':
      return `give a document or a link ({ document: { title, link or fileName, section? } }), ${notHeld}`;
    case 'narrative':
      return `give the text ({ text }, up to ${item.maxLength} characters), ${notHeld}`;
    case 'data':
      return `give the value ({ value }: ${compileValue(item.value).want}), ${notHeld}`;
    case 'table':
      return `give the rows ({ rows }, columns ${item.columns.map((c) => c.id).join(', ')}), ${notHeld}`;
    case 'case-list':
      return `give the case list ({ cases }, ${item.minRows ?? 1}–${item.maxRows} case records), ${notHeld}`;
    default:
      return assertNever(item);
  }
}

/** The key of an item kind's answer, and its checker. */
function compileItem(item: TemplateItem): { readonly key: string; readonly check: ItemCheck } {
  switch (item.kind) {
    case 'document':
      return {
        key: 'document',
        check: (walk, place, r) => {
          const document = checkDocument(walk, at(place, 'document'), r.document);
          return document && Object.freeze({ document });
        },
      };
    case 'narrative': {
      const min = item.minLength ?? 1;
      return {
        key: 'text',
        check: (walk, place, r) => {
          const text = r.text;
          return checkText(walk, at(place, 'text'), text, 'the text', item.maxLength, min)
            ? Object.freeze({ text })
            : undefined;
        },
      };
    }
    case 'data': {
      const value = compileValue(item.value);
      return {
        key: 'value',
        check: (walk, place, r) => {
          const v = r.value;
          if (value.test(v)) return Object.freeze({ value: v as number | string });
          reportValue(walk, at(place, 'value'), v, value.outOfRange(v), '', value.want);
          return undefined;
        },
      };
    }
    case 'table':
      return { key: 'rows', check: checkTable(item) };
    case 'case-list':
      return { key: 'cases', check: checkCaseList(item) };
    default:
      return assertNever(item);
  }
}

interface CompiledItem {
  readonly item: TemplateItem;
  readonly label: string;
  readonly hint: string;
  readonly key: string;
  readonly keys: ReadonlySet<string>;
  readonly check: ItemCheck;
}

const NOT_HELD_KEYS: ReadonlySet<string> = new Set(['notHeld', 'reason']);

function checkResponse(
  walk: Walk,
  compiled: CompiledItem,
  value: unknown,
): ItemResponse | undefined {
  const place: Place = {
    path: ['responses', compiled.item.id],
    itemId: compiled.item.id,
    label: compiled.label,
  };
  if (!expectObject(walk, place, value, `an answer object; ${compiled.hint}`)) return undefined;
  const answers = Object.hasOwn(value, compiled.key);
  const notHeld = Object.hasOwn(value, 'notHeld') || Object.hasOwn(value, 'reason');
  if (answers === notHeld) {
    report(
      walk,
      place,
      'invalid-response',
      answers ? `give either ${compiled.key} or notHeld with a reason, not both` : compiled.hint,
    );
    return undefined;
  }
  walk.ancestors.push(value);
  try {
    if (answers) {
      const keysOk = checkKeys(
        walk,
        place,
        value,
        compiled.keys,
        `this item is answered with { ${compiled.key} }`,
      );
      const response = compiled.check(walk, place, value);
      return keysOk ? response : undefined;
    }
    const keysOk = checkKeys(
      walk,
      place,
      value,
      NOT_HELD_KEYS,
      'a not-held answer is { notHeld: true, reason }',
    );
    let ok = keysOk;
    if (value.notHeld !== true) {
      report(
        walk,
        at(place, 'notHeld'),
        value.notHeld === undefined ? 'missing-field' : 'invalid-field',
        `notHeld must be true, with a reason; got ${describeWrongValue(value.notHeld, walk.ancestors)}`,
      );
      ok = false;
    }
    const reason = value.reason;
    ok =
      checkText(
        walk,
        at(place, 'reason'),
        reason,
        'the reason the item is not held',
        TEXT_LIMITS.reason,
      ) && ok;
    return ok ? Object.freeze({ notHeld: true, reason: reason as string }) : undefined;
  } finally {
    walk.ancestors.pop();
  }
}

const TOP_KEYS: ReadonlySet<string> = new Set(['template', 'council', 'submittedOn', 'responses']);
const TEMPLATE_REF_KEYS: ReadonlySet<string> = new Set(['id', 'version']);

/** A template compiled into a submission checker. */
interface CompiledTemplate {
  readonly check: (
    input: unknown,
    sink: IssueSink,
    allowIncomplete: boolean,
  ) => InformationReturnSubmission | undefined;
}

function compile(template: InformationReturnTemplate): CompiledTemplate {
  const items = new Map<string, CompiledItem>();
  for (const item of template.items) {
    const { key, check } = compileItem(item);
    items.set(item.id, {
      item,
      label: `item ${item.id} '${item.title}'`,
      hint: answerHint(item),
      key,
      keys: new Set([key]),
      check,
    });
  }
  const root: Place = { path: [], label: '' };
  const ref = `{ id: ${JSON.stringify(template.id)}, version: ${JSON.stringify(template.version)} }`;
  return {
    check(input, sink, allowIncomplete) {
      const walk: Walk = { sink, ancestors: [] };
      if (
        !expectObject(
          walk,
          root,
          input,
          'an information return (an object with template and responses)',
        )
      )
        return undefined;
      walk.ancestors.push(input);
      checkKeys(
        walk,
        root,
        input,
        TOP_KEYS,
        'a return has template, council, submittedOn and responses',
      );
      const { template: given, council, submittedOn, responses } = input;
      if (given === undefined)
        report(
          walk,
          at(root, 'template'),
          'missing-field',
          `say which template this return answers: template: ${ref}`,
        );
      else if (expectObject(walk, at(root, 'template'), given, `the template answered, ${ref}`)) {
        checkKeys(walk, at(root, 'template'), given, TEMPLATE_REF_KEYS, `the template is ${ref}`);
        if (given.id !== template.id || given.version !== template.version) {
          report(
            walk,
            at(root, 'template'),
            'template-mismatch',
            `this return names template ${describeWrongValue(given.id, [])} version ${describeWrongValue(given.version, [])}, but is being checked against ${ref} (${template.status}); check it against the template it answers`,
          );
        }
      }
      if (council !== undefined)
        checkText(walk, at(root, 'council'), council, "the council's name", TEXT_LIMITS.council);
      if (submittedOn !== undefined && !isIsoDate(submittedOn)) {
        report(
          walk,
          at(root, 'submittedOn'),
          wrongValueCode(submittedOn, walk.ancestors, 'invalid-field'),
          `expected a calendar date written YYYY-MM-DD; got ${describeWrongValue(submittedOn, walk.ancestors)}`,
        );
      }
      const out: Record<string, ItemResponse> = {};
      if (responses === undefined)
        report(
          walk,
          at(root, 'responses'),
          'missing-field',
          'give the answers: responses: { <item id>: answer, … }',
        );
      else if (
        expectObject(walk, at(root, 'responses'), responses, 'the answers keyed by item id')
      ) {
        walk.ancestors.push(responses);
        for (const key of Object.keys(responses)) {
          const compiled = items.get(key);
          if (compiled !== undefined && responses[key] === undefined) continue; // undefined = not answered
          if (compiled === undefined) {
            if (FORBIDDEN.has(key))
              report(
                walk,
                at(root, 'responses', key),
                'forbidden-key',
                `the key ${describeKey(key)} is not allowed (it can alter objects' prototypes); remove it`,
              );
            else
              report(
                walk,
                at(root, 'responses', key),
                'unknown-item',
                `${describeKey(key)} is not an item of template ${template.id} version ${template.version}; check the item id`,
              );
            continue;
          }
          const response = checkResponse(walk, compiled, responses[key]);
          if (response !== undefined) out[key] = response;
        }
        walk.ancestors.pop();
        if (!allowIncomplete) {
          for (const compiled of items.values()) {
            if (
              compiled.item.required &&
              (!Object.hasOwn(responses, compiled.item.id) ||
                responses[compiled.item.id] === undefined)
            ) {
              sink.add(
                'missing-required-item',
                ['responses', compiled.item.id],
                `${compiled.label}: ${compiled.hint}`,
                compiled.item.id,
              );
            }
          }
        }
      }
      if (sink.count > 0) return undefined;
      // Output keys come from the template (never `__proto__`), in template order.
      const ordered: Record<string, ItemResponse> = {};
      for (const item of template.items)
        if (Object.hasOwn(out, item.id)) ordered[item.id] = out[item.id]!;
      const submission: {
        -readonly [K in keyof InformationReturnSubmission]: InformationReturnSubmission[K];
      } = {
        template: Object.freeze({ id: template.id, version: template.version }),
        responses: Object.freeze(ordered),
      };
      if (council !== undefined) submission.council = council as string;
      if (submittedOn !== undefined)
        submission.submittedOn = submittedOn as InformationReturnSubmission['submittedOn'];
      return Object.freeze(submission);
    },
  };
}

const cache = new WeakMap<InformationReturnTemplate, CompiledTemplate>();

/** The compiled checker of a template (compiled on first use, then cached per template object). */
export function compileTemplate(template: InformationReturnTemplate): CompiledTemplate {
  let compiled = cache.get(template);
  if (compiled === undefined) {
    compiled = compile(template);
    cache.set(template, compiled);
  }
  return compiled;
}
