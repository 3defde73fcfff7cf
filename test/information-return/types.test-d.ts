import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type InformationReturnTemplateSchema,
  type TemplateItemSchema,
  type ValueTypeSchema,
  validateInformationReturn,
  MODELLED_FORMAL_TEMPLATE,
  type InformationReturnIssue,
  type InformationReturnTemplate,
  type ItemResponse,
  type TemplateItem,
  type ValidatedInformationReturn,
  type ValueType,
} from '../../src/information-return/index.js';
import type { ValidationResult } from '../../src/errors/index.js';

describe('information-return types', () => {
  it('schemas infer the model types', () => {
    expectTypeOf<
      z.infer<typeof InformationReturnTemplateSchema>
    >().toEqualTypeOf<InformationReturnTemplate>();
    expectTypeOf<z.infer<typeof TemplateItemSchema>>().toEqualTypeOf<TemplateItem>();
    expectTypeOf<z.infer<typeof ValueTypeSchema>>().toEqualTypeOf<ValueType>();
  });

  it('the result narrows on success and is a ValidationResult', () => {
    const result = validateInformationReturn({}, MODELLED_FORMAL_TEMPLATE);
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<ValidatedInformationReturn>();
    else {
      expectTypeOf(result.issues).toEqualTypeOf<readonly InformationReturnIssue[]>();
      expectTypeOf(result.suppressedIssues).toBeNumber();
    }
    expectTypeOf(result).toExtend<ValidationResult<ValidatedInformationReturn>>();
  });

  it('answers are a closed union and the output is readonly', () => {
    expectTypeOf<Extract<ItemResponse, { notHeld: true }>>().toHaveProperty('reason').toBeString();
    // @ts-expect-error responses are readonly
    (({}) as ValidatedInformationReturn).submission.responses.D4 = { value: 1 };
  });
});
