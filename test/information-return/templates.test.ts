import { describe, expect, it } from 'vitest';
import { QUALITY_STATEMENT_IDS } from '../../src/framework/index.js';
import {
  InformationReturnTemplateSchema,
  MODELLED_FORMAL_TEMPLATE,
  MODELLED_PILOT_TEMPLATE,
  MODELLED_TEMPLATES,
  defineInformationReturnTemplate,
  isLaAssuranceError,
  safeDefineInformationReturnTemplate,
  itemThemes,
} from '../../src/information-return/index.js';

describe('the modelled templates', () => {
  it.each(MODELLED_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s parses with the template schema, is frozen and says it is modelled',
    (_id, template) => {
      expect(InformationReturnTemplateSchema.safeParse(template).success).toBe(true);
      expect(template.status).toBe('modelled');
      expect(template.id.startsWith('modelled-')).toBe(true);
      expect(template.title).toContain('modelled');
      expect(Object.isFrozen(template.items[0])).toBe(true);
    },
  );

  it.each(MODELLED_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: every quality statement is evidenced by some item',
    (_id, template) => {
      const tagged = new Set(template.items.flatMap((i) => i.qualityStatements));
      expect(QUALITY_STATEMENT_IDS.filter((id) => !tagged.has(id))).toEqual([]);
    },
  );

  it('holds the published structure: a self-assessment per theme, key documents, data (domain README §4)', () => {
    const t = MODELLED_FORMAL_TEMPLATE;
    expect(t.items.filter((i) => i.section === 'self-assessment').map((i) => i.kind)).toEqual([
      'narrative',
      'narrative',
      'narrative',
      'narrative',
    ]);
    const documents = t.items.filter((i) => i.kind === 'document').map((i) => i.title);
    for (const title of [
      'Market position statement',
      'Safeguarding adults board annual report',
      'Carers strategy',
      'Workforce strategy',
      'Prevention strategy',
    ]) {
      expect(documents).toContain(title);
    }
    expect(new Set(t.items.map((i) => i.kind))).toEqual(
      new Set(['narrative', 'document', 'data', 'table']),
    );
    // Content first published 8 Dec 2023 (domain README §4).
    expect(t.effectiveFrom).toBe('2023-12-08');
  });

  it('the pilot adds the list of 50 cases and reflective logs for 10 (domain README §4–5, §10)', () => {
    const added = MODELLED_PILOT_TEMPLATE.items.filter(
      (i) => !MODELLED_FORMAL_TEMPLATE.items.some((f) => f.id === i.id),
    );
    expect(added).toMatchObject([
      { id: 'C1', kind: 'case-list', minRows: 50, maxRows: 50, required: true },
      { id: 'C2', kind: 'document', required: true },
    ]);
  });
});

describe('defineInformationReturnTemplate', () => {
  const base = { ...MODELLED_FORMAL_TEMPLATE, id: 'official-2025', status: 'official' };

  it('returns a frozen copy of a valid template', () => {
    const template = defineInformationReturnTemplate(JSON.parse(JSON.stringify(base)));
    expect(template.status).toBe('official');
    expect(Object.isFrozen(template.items)).toBe(true);
  });

  it.each([
    [
      'duplicate-item-id',
      { items: [...base.items, base.items[0]] },
      ['items', base.items.length, 'id'],
    ],
    [
      'unknown-section',
      { items: [{ ...base.items[0], section: 'nowhere' }] },
      ['items', 0, 'section'],
    ],
    [
      'duplicate-section-id',
      { sections: [...base.sections, base.sections[0]] },
      ['sections', base.sections.length, 'id'],
    ],
    [
      'invalid-bounds',
      {
        items: [
          {
            ...base.items[0],
            kind: 'data',
            maxLength: undefined,
            value: { type: 'count', min: 5, max: 1 },
          },
        ],
      },
      ['items', 0, 'value', 'min'],
    ],
    [
      'duplicate-option',
      {
        items: [
          {
            ...base.items[0],
            kind: 'data',
            maxLength: undefined,
            value: { type: 'enum', options: ['a', 'a'] },
          },
        ],
      },
      ['items', 0, 'value', 'options'],
    ],
    ['invalid-template-field', { id: 'Bad Id' }, ['id']],
    [
      'invalid-template-field',
      { items: [{ ...base.items[0], id: 'constructor' }] },
      ['items', 0, 'id'],
    ],
    [
      'invalid-template-field',
      { items: [{ ...base.items[0], kind: 'spreadsheet' }] },
      ['items', 0, 'kind'],
    ],
  ])('reports %s', (code, change, path) => {
    const result = safeDefineInformationReturnTemplate({ ...base, ...change });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.code, i.path])).toContainEqual([code, path]);
  });

  it('throws LaAssuranceError with the issues', () => {
    try {
      defineInformationReturnTemplate({});
      expect.unreachable();
    } catch (error) {
      expect(isLaAssuranceError(error) && error.code).toBe('invalid-template');
    }
  });
});

describe('pilot reflective logs and item themes (domain reference §10)', () => {
  it('the pilot template asks for reflective logs on the 10 shortlisted cases, after the 50-case list', () => {
    const ids = MODELLED_PILOT_TEMPLATE.items.map((i) => i.id);
    expect(ids.slice(-2)).toEqual(['C1', 'C2']);
    const c2 = MODELLED_PILOT_TEMPLATE.items.find((i) => i.id === 'C2')!;
    expect(c2).toMatchObject({ kind: 'document', section: 'cases', required: true });
    expect(c2.description).toContain('10 cases');
    expect(MODELLED_PILOT_TEMPLATE.source).toContain('48 categories');
  });

  it('each item’s themes follow from its quality statements (SA1 → working with people; SA3 → ensuring safety; R1 → none)', () => {
    const item = (id: string) => MODELLED_FORMAL_TEMPLATE.items.find((i) => i.id === id)!;
    expect(itemThemes(item('SA1'))).toEqual(['working-with-people']);
    expect(itemThemes(item('SA3'))).toEqual(['ensuring-safety']);
    expect(itemThemes(item('R1'))).toEqual([]);
    expect(itemThemes(item('E1'))).toEqual(['working-with-people', 'providing-support']);
  });
});

describe('item themes stated in a custom template (issue 14: the formal return states both)', () => {
  const item = MODELLED_FORMAL_TEMPLATE.items.find(
    (i) => i.qualityStatements.includes('safeguarding') && i.qualityStatements.length === 1,
  )!;
  const withThemes = (themes: readonly string[]) => ({
    ...MODELLED_FORMAL_TEMPLATE,
    id: 'custom-themes',
    status: 'official',
    items: MODELLED_FORMAL_TEMPLATE.items.map((i) => (i.id === item.id ? { ...i, themes } : i)),
  });

  it('accepts themes that are those of the statements (safeguarding → ensuring safety, domain reference §2)', () => {
    expect(itemThemes(item)).toEqual(['ensuring-safety']);
    expect(safeDefineInformationReturnTemplate(withThemes(['ensuring-safety'])).success).toBe(true);
  });

  it('rejects themes that disagree with the statements, naming both', () => {
    const result = safeDefineInformationReturnTemplate(withThemes(['leadership']));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]!.code).toBe('theme-mismatch');
      expect(result.issues[0]!.message).toContain('leadership');
      expect(result.issues[0]!.message).toContain('ensuring-safety');
    }
  });

  it('rejects a theme listed twice', () => {
    const result = safeDefineInformationReturnTemplate(
      withThemes(['ensuring-safety', 'ensuring-safety']),
    );
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]!.code).toBe('theme-mismatch');
  });
});
