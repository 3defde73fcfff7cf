import { isIsoDate } from '../timeline/iso-date.js';
import { valueBounds, type ValueType } from './model.js';

/** A value type compiled once into a test (hot path) and a description (error path). */
interface CompiledValue {
  /** Whether `value` is valid. */
  readonly test: (value: unknown) => boolean;
  /** Whether `value` has the right type but lies outside the bounds. */
  readonly outOfRange: (value: unknown) => boolean;
  /** What a valid value looks like, for messages: "a whole number from 0 (people)". */
  readonly want: string;
}

function range(min: number, max: number, unit: string | undefined): string {
  const to = Number.isFinite(max) ? ` to ${max}` : '';
  const from = Number.isFinite(min) ? ` from ${min}` : '';
  return `${from}${to}${unit ? ` (${unit})` : ''}`;
}

/** Compiles a template value type (every `switch` over value types is exhaustive). */
export function compileValue(value: ValueType): CompiledValue {
  switch (value.type) {
    case 'count': {
      const { min, max } = valueBounds(value);
      return {
        test: (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
        outOfRange: (v) => typeof v === 'number' && Number.isInteger(v),
        want: `a whole number${range(min, max, value.unit)}`,
      };
    }
    case 'percentage':
    case 'days':
    case 'money': {
      const { min, max } = valueBounds(value);
      const unit =
        value.unit ?? (value.type === 'percentage' ? '%' : value.type === 'days' ? 'days' : '£');
      const noun =
        value.type === 'percentage'
          ? 'a percentage'
          : value.type === 'days'
            ? 'a number of days'
            : 'an amount in pounds';
      return {
        test: (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max,
        outOfRange: (v) => typeof v === 'number' && Number.isFinite(v),
        want: `${noun}${range(min, max, unit)}`,
      };
    }
    case 'date':
      return {
        test: isIsoDate,
        outOfRange: () => false,
        want: 'a calendar date written YYYY-MM-DD',
      };
    case 'enum': {
      const options: ReadonlySet<unknown> = new Set(value.options);
      return {
        test: (v) => options.has(v),
        outOfRange: () => false,
        want: `one of ${value.options.map((o) => JSON.stringify(o)).join(', ')}`,
      };
    }
    default:
      return assertNever(value);
  }
}

/** The exhaustive-switch guard: reaching it means a template that bypassed its schema. */
export function assertNever(value: never): never {
  throw new TypeError(`Unknown template value or item kind: ${JSON.stringify(value)}`);
}
