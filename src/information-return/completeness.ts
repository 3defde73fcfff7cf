import { QUALITY_STATEMENTS, type QualityStatementId } from '../framework/quality-statements.js';
import { THEME_IDS, type ThemeId } from '../framework/themes.js';
import type { InformationReturnTemplate, ItemKind, TemplateStatus } from './model.js';
import type { ItemResponse } from './submission.js';

/**
 * How one template item was answered: `answered` (evidence given), `not-held` (declared
 * not held, with a reason: an answer, but no evidence) or `missing`.
 */
export type ItemAnswerStatus = 'answered' | 'not-held' | 'missing';

/**
 * The answer status of one item.
 */
export interface ItemCompleteness {
  /** The item's id. */
  readonly itemId: string;
  /** The item's title. */
  readonly title: string;
  /** The item's kind. */
  readonly kind: ItemKind;
  /** Whether the template requires it. */
  readonly required: boolean;
  /** How it was answered. */
  readonly status: ItemAnswerStatus;
  /** The quality statements it evidences. */
  readonly qualityStatements: readonly QualityStatementId[];
}

/**
 * Evidence for one quality statement: the items that evidence it in the template, and
 * those the return answered with evidence (not "not held").
 */
export interface QualityStatementEvidence {
  /** The quality statement. */
  readonly qualityStatement: QualityStatementId;
  /** Its theme. */
  readonly theme: ThemeId;
  /** Ids of the template items tagged with it, in template order. */
  readonly expectedItems: readonly string[];
  /** Ids of those items answered with evidence. */
  readonly evidenceItems: readonly string[];
}

/**
 * Evidence for one theme: the union of its quality statements' evidence.
 */
export interface ThemeEvidence {
  /** The theme. */
  readonly theme: ThemeId;
  /** Ids of the template items evidencing any of its quality statements. */
  readonly expectedItems: readonly string[];
  /** Ids of those items answered with evidence. */
  readonly evidenceItems: readonly string[];
  /** Its quality statements for which no item gave evidence. */
  readonly qualityStatementsWithoutEvidence: readonly QualityStatementId[];
}

/**
 * How complete a return is against its template.
 */
export interface CompletenessReport {
  /** The template the report is against (a `modelled` status says its item list is not CQC's). */
  readonly template: {
    /** The template's id. */
    readonly id: string;
    /** The template's version. */
    readonly version: string;
    /** `official` or `modelled`. */
    readonly status: TemplateStatus;
  };
  /** Every required item is answered or declared not held. */
  readonly complete: boolean;
  /** Required items: how many, and how they were answered. */
  readonly required: {
    /** Number of required items. */
    readonly total: number;
    /** Answered with evidence. */
    readonly answered: number;
    /** Declared not held, with a reason. */
    readonly notHeld: number;
    /** Ids of the required items not answered at all, in template order. */
    readonly missing: readonly string[];
  };
  /** Optional items: how many, and how they were answered. */
  readonly optional: {
    /** Number of optional items. */
    readonly total: number;
    /** Answered with evidence. */
    readonly answered: number;
    /** Declared not held, with a reason. */
    readonly notHeld: number;
  };
  /** Every item's status, in template order. */
  readonly items: readonly ItemCompleteness[];
  /** Evidence per quality statement, in framework order (all nine). */
  readonly qualityStatements: readonly QualityStatementEvidence[];
  /** Evidence per theme, in framework order (all four). */
  readonly themes: readonly ThemeEvidence[];
  /** Quality statements no answered item evidences. */
  readonly qualityStatementsWithoutEvidence: readonly QualityStatementId[];
}

function statusOf(response: ItemResponse | undefined): ItemAnswerStatus {
  return response === undefined ? 'missing' : 'notHeld' in response ? 'not-held' : 'answered';
}

/**
 * The completeness report of a return's answers against a template. Pure; answers under
 * ids the template does not know are ignored (validation reports them).
 *
 * @example
 * ```ts
 * import { informationReturnCompleteness, MODELLED_FORMAL_TEMPLATE } from 'la-assurance/information-return';
 *
 * const report = informationReturnCompleteness({}, MODELLED_FORMAL_TEMPLATE);
 * report.complete; // false
 * ```
 */
export function informationReturnCompleteness(
  responses: Readonly<Record<string, ItemResponse>>,
  template: InformationReturnTemplate,
): CompletenessReport {
  const items = template.items.map((item): ItemCompleteness => {
    const response = Object.hasOwn(responses, item.id) ? responses[item.id] : undefined;
    return Object.freeze({
      itemId: item.id,
      title: item.title,
      kind: item.kind,
      required: item.required,
      status: statusOf(response),
      qualityStatements: item.qualityStatements,
    });
  });
  const count = (required: boolean, status: ItemAnswerStatus) =>
    items.filter((i) => i.required === required && i.status === status).length;
  const qualityStatements = QUALITY_STATEMENTS.map((qs): QualityStatementEvidence => {
    const tagged = items.filter((i) => i.qualityStatements.includes(qs.id));
    return Object.freeze({
      qualityStatement: qs.id,
      theme: qs.theme,
      expectedItems: Object.freeze(tagged.map((i) => i.itemId)),
      evidenceItems: Object.freeze(
        tagged.filter((i) => i.status === 'answered').map((i) => i.itemId),
      ),
    });
  });
  const without = qualityStatements
    .filter((q) => q.evidenceItems.length === 0)
    .map((q) => q.qualityStatement);
  const themes = THEME_IDS.map((theme): ThemeEvidence => {
    const ofTheme = qualityStatements.filter((q) => q.theme === theme);
    const union = (pick: (q: QualityStatementEvidence) => readonly string[]) => {
      const ids = new Set(ofTheme.flatMap(pick));
      return Object.freeze(items.filter((i) => ids.has(i.itemId)).map((i) => i.itemId));
    };
    return Object.freeze({
      theme,
      expectedItems: union((q) => q.expectedItems),
      evidenceItems: union((q) => q.evidenceItems),
      qualityStatementsWithoutEvidence: Object.freeze(
        without.filter((id) => ofTheme.some((q) => q.qualityStatement === id)),
      ),
    });
  });
  const missing = items.filter((i) => i.required && i.status === 'missing').map((i) => i.itemId);
  return Object.freeze({
    template: Object.freeze({
      id: template.id,
      version: template.version,
      status: template.status,
    }),
    complete: missing.length === 0,
    required: Object.freeze({
      total: items.filter((i) => i.required).length,
      answered: count(true, 'answered'),
      notHeld: count(true, 'not-held'),
      missing: Object.freeze(missing),
    }),
    optional: Object.freeze({
      total: items.filter((i) => !i.required).length,
      answered: count(false, 'answered'),
      notHeld: count(false, 'not-held'),
    }),
    items: Object.freeze(items),
    qualityStatements: Object.freeze(qualityStatements),
    themes: Object.freeze(themes),
    qualityStatementsWithoutEvidence: Object.freeze(without),
  });
}
