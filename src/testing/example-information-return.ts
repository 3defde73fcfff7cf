import { casePriority } from '../case-tracking/priority.js';
import {
  valueBounds,
  type InformationReturnTemplate,
  type TemplateItem,
  type ValueType,
} from '../information-return/model.js';
import type {
  DocumentReference,
  InformationReturnSubmission,
  ItemResponse,
  TableRow,
} from '../information-return/submission.js';
import { fromDayNumber, toDayNumber } from '../timeline/iso-date.js';
import { assertNever } from '../information-return/values.js';
import { generateCasePopulation } from './case-population.js';

/**
 * Options of {@link exampleInformationReturn}.
 */
export interface ExampleInformationReturnOptions {
  /** Seed: the same seed, template and options give the same submission everywhere. */
  readonly seed: string;
  /** The council's name; default `'Example Council'`. */
  readonly council?: string;
  /** Share (0–1) of items answered "not held"; default 0.1. */
  readonly notHeldShare?: number;
  /** Answer optional items too; default `true`. */
  readonly includeOptional?: boolean;
  /**
   * Number of case records in each case-list item; default 50, clamped to the item's
   * `minRows`–`maxRows`. Cases come from `generateCasePopulation` with the same seed.
   */
  readonly caseCount?: number;
}

/**
 * A valid example submission for any template, for tests and demos (plain JSON-ready
 * data). Deterministic: every choice for item `X` is drawn from
 * `casePriority(seed, 'X/<what>') / 2^53` (cyrb53, see `la-assurance/case-tracking`), so
 * one item's answer does not change when other items are added or removed.
 *
 * @throws RangeError on bad options (a share outside 0–1, a negative case count).
 * @example
 * ```ts
 * import { exampleInformationReturn } from 'la-assurance/testing';
 * import { MODELLED_PILOT_TEMPLATE, validateInformationReturn } from 'la-assurance/information-return';
 *
 * const submission = exampleInformationReturn(MODELLED_PILOT_TEMPLATE, { seed: 'demo' });
 * validateInformationReturn(submission, MODELLED_PILOT_TEMPLATE).success; // true
 * ```
 */
export function exampleInformationReturn(
  template: InformationReturnTemplate,
  options: ExampleInformationReturnOptions,
): InformationReturnSubmission {
  const {
    seed,
    council = 'Example Council',
    notHeldShare = 0.1,
    includeOptional = true,
    caseCount = 50,
  } = options;
  if (!(notHeldShare >= 0 && notHeldShare <= 1))
    throw new RangeError(`notHeldShare must be between 0 and 1; got ${notHeldShare}`);
  if (!Number.isInteger(caseCount) || caseCount < 0)
    throw new RangeError(`caseCount must be a whole number ≥ 0; got ${caseCount}`);
  const from = toDayNumber(template.effectiveFrom);
  const responses: Record<string, ItemResponse> = {};
  for (const item of template.items) {
    if (!item.required && !includeOptional) continue;
    const draw = (what: string) => casePriority(seed, `${item.id}/${what}`) / 2 ** 53;
    responses[item.id] =
      draw('not-held') < notHeldShare
        ? {
            notHeld: true,
            reason: `Example reason: ${item.title} is being refreshed and will be available next quarter.`,
          }
        : exampleAnswer(item, draw, { seed, caseCount, from });
  }
  return {
    template: { id: template.id, version: template.version },
    council,
    submittedOn: fromDayNumber(from + 21),
    responses,
  };
}

type Draw = (what: string) => number;

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'document'
  );
}

function exampleAnswer(
  item: TemplateItem,
  draw: Draw,
  context: { seed: string; caseCount: number; from: number },
): ItemResponse {
  switch (item.kind) {
    case 'document': {
      const document: { -readonly [K in keyof DocumentReference]: DocumentReference[K] } = {
        title: `${item.title} (example)`,
        link: `https://example.org/documents/${slug(item.title)}.pdf`,
      };
      if (draw('section') < 0.3)
        document.section = `Section ${1 + Math.floor(draw('section-number') * 9)}`;
      return { document };
    }
    case 'narrative': {
      const sentence = `Example text for ${item.title}: what works well, what we are improving, and how we know. `;
      const min = item.minLength ?? 1;
      const target = Math.min(
        item.maxLength,
        Math.max(min, sentence.length * (1 + Math.floor(draw('length') * 3))),
      );
      return {
        text: sentence
          .repeat(Math.ceil(target / sentence.length))
          .slice(0, target)
          .trimEnd()
          .padEnd(Math.max(min, 1), '.'),
      };
    }
    case 'data':
      return { value: exampleValue(item.value, (w) => draw(`value/${w}`), context.from) };
    case 'table': {
      const min = item.minRows ?? 1;
      const count = Math.min(item.maxRows, min + Math.floor(draw('rows') * 3));
      const rows: TableRow[] = [];
      for (let r = 0; r < count; r++) {
        const row: Record<string, number | string> = {};
        for (const column of item.columns) {
          if (!column.required && draw(`${r}/${column.id}/omit`) < 0.2) continue;
          row[column.id] = exampleValue(
            column.value,
            (w) => draw(`${r}/${column.id}/${w}`),
            context.from,
          );
        }
        rows.push(row);
      }
      return { rows };
    }
    case 'case-list': {
      const size = Math.min(item.maxRows, Math.max(item.minRows ?? 1, context.caseCount));
      return {
        cases: [
          ...generateCasePopulation({
            seed: `${context.seed}/${item.id}`,
            size,
            asOf: fromDayNumber(context.from),
          }),
        ],
      };
    }
    default:
      return assertNever(item);
  }
}

function exampleValue(value: ValueType, draw: Draw, from: number): number | string {
  switch (value.type) {
    case 'count': {
      const { min, max } = valueBounds(value);
      return Math.min(max, min + Math.floor(draw('n') * 2000));
    }
    case 'percentage':
    case 'days':
    case 'money': {
      const { min, max } = valueBounds(value);
      const span = Number.isFinite(max) ? max - min : value.type === 'money' ? 50_000_000 : 365;
      const step = value.type === 'money' ? 100 : 10;
      return Math.max(min, Math.min(max, min + Math.round(draw('x') * span * step) / step));
    }
    case 'date':
      return fromDayNumber(from - Math.floor(draw('d') * 365));
    case 'enum':
      return value.options[Math.floor(draw('o') * value.options.length)]!;
    default:
      return assertNever(value);
  }
}
