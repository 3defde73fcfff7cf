/** Freezes each row, its array fields, and the list (the generated data is readonly at run time too). */
export function freezeRows<T extends object>(rows: T[]): readonly T[] {
  for (const row of rows) {
    for (const value of Object.values(row)) if (Array.isArray(value)) Object.freeze(value);
    Object.freeze(row);
  }
  return Object.freeze(rows);
}
