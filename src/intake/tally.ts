import type { IntakeSummary, RowIssue } from './model.js';

/**
 * The running counts of an intake: every row is kept, rejected or blank, so the counts
 * add up by construction. Issues and warnings are listed up to a cap and counted beyond;
 * `wantsDetail` lets a reader skip composing messages nobody will see.
 */
export class IntakeTally {
  private kept = 0;
  private rejected = 0;
  private blanks = 0;
  private warned = 0;
  private readonly issues: RowIssue[] = [];
  private readonly warnings: RowIssue[] = [];
  private suppressedIssues = 0;
  private suppressedWarnings = 0;

  constructor(private readonly maxIssues: number) {}

  /** Whether an issue or warning found now would be listed. */
  wantsDetail(): boolean {
    return this.issues.length < this.maxIssues || this.warnings.length < this.maxIssues;
  }

  blank(): void {
    this.blanks++;
  }

  keep(warnings: readonly RowIssue[]): void {
    this.kept++;
    if (warnings.length > 0) this.warned++;
    this.suppressedWarnings += add(this.warnings, warnings, this.maxIssues);
  }

  reject(issues: readonly RowIssue[]): void {
    this.rejected++;
    this.suppressedIssues += add(this.issues, issues, this.maxIssues);
  }

  summary(): IntakeSummary {
    return Object.freeze({
      rowsRead: this.kept + this.rejected,
      rowsKept: this.kept,
      rowsRejected: this.rejected,
      blankRows: this.blanks,
      issues: Object.freeze([...this.issues]),
      suppressedIssues: this.suppressedIssues,
      warnings: Object.freeze([...this.warnings]),
      suppressedWarnings: this.suppressedWarnings,
      warningRows: this.warned,
    });
  }
}

/** Appends up to the cap; returns how many did not fit. */
function add(list: RowIssue[], items: readonly RowIssue[], cap: number): number {
  let left = 0;
  for (const item of items) {
    if (list.length < cap) list.push(item);
    else left++;
  }
  return left;
}
