import { readFileSync } from 'node:fs';
import { getQualityStatement } from 'la-assurance/framework';
import {
  MODELLED_FORMAL_TEMPLATE,
  validateInformationReturn,
} from 'la-assurance/information-return';
import { heading, table } from '../format.js';

/** Validates a bundled example information return, shows its completeness, then breaks three fields and shows the issues. */
export function informationReturnStep(): string {
  const submission = JSON.parse(
    readFileSync(new URL('../data/information-return-example.json', import.meta.url), 'utf8'),
  ) as {
    responses: Record<string, Record<string, unknown>>;
  };
  const template = MODELLED_FORMAL_TEMPLATE;
  const out = [heading('Information return: validation and completeness')];
  out.push(
    `Template ${template.id} v${template.version} — ${template.status.toUpperCase()}: la-assurance’s reconstruction, not CQC’s item list.`,
  );
  const result = validateInformationReturn(submission, template);
  if (!result.success) return [...out, ...result.issues.map((i) => `  ✗ ${i.message}`)].join('\n');
  const { completeness: c } = result.data;
  out.push(
    `Valid. Required items: ${c.required.answered} answered, ${c.required.notHeld} not held (${c.items
      .filter((i) => i.status === 'not-held')
      .map((i) => i.itemId)
      .join(
        ', ',
      )}), ${c.required.missing.length} missing; optional: ${c.optional.answered} of ${c.optional.total} answered.`,
    '',
    table(
      ['QS', 'Quality statement', 'Evidence items', 'Of'],
      c.qualityStatements.map((q) => {
        const qs = getQualityStatement(q.qualityStatement);
        return [
          `QS${qs.number}`,
          qs.name,
          q.evidenceItems.join(' ') || '— none —',
          q.expectedItems.length,
        ];
      }),
    ),
    '',
    `Quality statements with no evidence: ${c.qualityStatementsWithoutEvidence.join(', ') || 'none'}`,
  );

  // Break three fields, as a hurried spreadsheet export might.
  const broken = structuredClone(submission);
  (broken.responses.D1!.document as Record<string, unknown>).link = 'www.example.org/mps.pdf';
  broken.responses.S2 = { value: -3 };
  broken.responses.G1 = { value: 'unknown' };
  const again = validateInformationReturn(broken, template);
  out.push('', 'After breaking three fields:');
  if (!again.success) out.push(...again.issues.map((i) => `  ✗ [${i.code}] ${i.message}`));
  return out.join('\n');
}
