/** Small text-layout helpers for the demo's report. */
import { formatTable } from '../cli/io.js';

export function heading(title: string): string {
  return `\n${title}\n${'═'.repeat(title.length)}`;
}

/** The CLI's aligned text table, without its trailing newline. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  return formatTable(headers, rows).replace(/\n$/, '');
}
