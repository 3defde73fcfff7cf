import fc from 'fast-check';
import {
  TEXT_LIMITS,
  valueBounds,
  type InformationReturnTemplate,
  type TemplateItem,
  type ValueType,
} from '../../information-return/model.js';
import type {
  DocumentReference,
  InformationReturnSubmission,
  ItemResponse,
} from '../../information-return/submission.js';
import { assertNever } from '../../information-return/values.js';
import { caseRecordArbitrary, isoDateArbitrary } from './case-record.js';

/**
 * Options of {@link informationReturnArbitrary}.
 */
export interface InformationReturnArbitraryOptions {
  /** Most case records per case-list item (raised to the item's `minRows`); default 10. */
  readonly maxCases?: number;
  /** Sometimes leave required items out (valid only with the same validation option); default `false`. */
  readonly allowIncomplete?: boolean;
}

/** Text that is never blank: a letter then up to `max - 1` printable ASCII characters. */
function textArbitrary(max: number, min = 1): fc.Arbitrary<string> {
  const most = Math.max(min, Math.min(max, 80));
  return fc.string({ minLength: Math.max(0, min - 1), maxLength: most - 1 }).map((s) => `A${s}`);
}

/**
 * A fast-check arbitrary of valid values of a value type.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { valueArbitrary } from 'la-assurance/testing/arbitraries';
 *
 * fc.sample(valueArbitrary({ type: 'percentage' }), 20).every((v) => typeof v === 'number' && v >= 0 && v <= 100); // true
 * ```
 */
export function valueArbitrary(value: ValueType): fc.Arbitrary<number | string> {
  switch (value.type) {
    case 'count': {
      const { min, max } = valueBounds(value);
      return fc.integer({ min, max: Math.min(max, 2 ** 31 - 1) });
    }
    case 'percentage':
    case 'days':
    case 'money': {
      const { min, max } = valueBounds(value);
      // -0 becomes 0: JSON cannot hold -0, and the values are meant to survive JSON.
      return fc
        .double({ min, max: Math.min(max, 1e12), noNaN: true, noDefaultInfinity: true })
        .map((v) => (v === 0 ? 0 : v));
    }
    case 'date':
      return isoDateArbitrary();
    case 'enum':
      return fc.constantFrom(...value.options);
    default:
      return assertNever(value);
  }
}

// Built on demand, not at module load: `fc.webUrl()` alone takes about half a second to
// construct, and importing a module must not pay for arbitraries nobody asked for.
function notHeldArbitrary(): fc.Arbitrary<ItemResponse> {
  return textArbitrary(TEXT_LIMITS.reason).map((reason) => ({ notHeld: true as const, reason }));
}

function documentArbitrary(): fc.Arbitrary<DocumentReference> {
  return fc
    .record(
      {
        title: textArbitrary(TEXT_LIMITS.documentTitle),
        link: fc.webUrl(),
        fileName: textArbitrary(TEXT_LIMITS.fileName),
        section: textArbitrary(TEXT_LIMITS.section),
      },
      { requiredKeys: ['title'] },
    )
    .filter((d) => d.link !== undefined || d.fileName !== undefined);
}

/**
 * A fast-check arbitrary of valid answers to one template item (including "not held").
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { itemResponseArbitrary } from 'la-assurance/testing/arbitraries';
 * import { MODELLED_FORMAL_TEMPLATE } from 'la-assurance/information-return';
 *
 * const d4 = MODELLED_FORMAL_TEMPLATE.items.find((item) => item.id === 'D4')!; // a document item
 * fc.sample(itemResponseArbitrary(d4), 20).every((answer) => 'document' in answer || 'notHeld' in answer); // true
 * ```
 */
export function itemResponseArbitrary(
  item: TemplateItem,
  options: InformationReturnArbitraryOptions = {},
): fc.Arbitrary<ItemResponse> {
  return fc.oneof(
    { arbitrary: answerArbitrary(item, options), weight: 4 },
    { arbitrary: notHeldArbitrary(), weight: 1 },
  );
}

function answerArbitrary(
  item: TemplateItem,
  options: InformationReturnArbitraryOptions,
): fc.Arbitrary<ItemResponse> {
  switch (item.kind) {
    case 'document':
      return documentArbitrary().map((document) => ({ document }));
    case 'narrative':
      return textArbitrary(item.maxLength, item.minLength ?? 1).map((text) => ({ text }));
    case 'data':
      return valueArbitrary(item.value).map((value) => ({ value }));
    case 'table': {
      const row = fc.record(
        Object.fromEntries(item.columns.map((c) => [c.id, valueArbitrary(c.value)])),
        { requiredKeys: item.columns.filter((c) => c.required).map((c) => c.id) },
      );
      const min = item.minRows ?? 1;
      return fc
        .array(row, { minLength: min, maxLength: Math.min(item.maxRows, min + 4) })
        .map((rows) => ({ rows }));
    }
    case 'case-list': {
      const min = item.minRows ?? 1;
      return fc
        .array(caseRecordArbitrary(), {
          minLength: min,
          maxLength: Math.min(item.maxRows, Math.max(min, options.maxCases ?? 10)),
        })
        .map((cases) => ({ cases }));
    }
    default:
      return assertNever(item);
  }
}

/**
 * A fast-check arbitrary of valid submissions to `template`: every required item answered
 * (unless `allowIncomplete`), optional items sometimes, answers of every form including
 * "not held", and sometimes a council name and submission date. Text is printable ASCII.
 *
 * `fast-check` is an optional peer dependency of la-assurance: install it to use this.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { informationReturnArbitrary } from 'la-assurance/testing/arbitraries';
 * import { MODELLED_FORMAL_TEMPLATE, validateInformationReturn } from 'la-assurance/information-return';
 *
 * fc.assert(
 *   fc.property(informationReturnArbitrary(MODELLED_FORMAL_TEMPLATE), (submission) =>
 *     validateInformationReturn(submission, MODELLED_FORMAL_TEMPLATE).success),
 *   { numRuns: 10 },
 * );
 * ```
 */
export function informationReturnArbitrary(
  template: InformationReturnTemplate,
  options: InformationReturnArbitraryOptions = {},
): fc.Arbitrary<InformationReturnSubmission> {
  const responses = fc.record(
    Object.fromEntries(
      template.items.map((item) => [item.id, itemResponseArbitrary(item, options)]),
    ),
    {
      requiredKeys: options.allowIncomplete
        ? []
        : template.items.filter((i) => i.required).map((i) => i.id),
    },
  );
  return fc.record(
    {
      template: fc.constant({ id: template.id, version: template.version }),
      council: textArbitrary(TEXT_LIMITS.council),
      submittedOn: valueArbitrary({ type: 'date' }) as fc.Arbitrary<string>,
      responses,
    },
    { requiredKeys: ['template', 'responses'] },
  ) as fc.Arbitrary<InformationReturnSubmission>;
}
