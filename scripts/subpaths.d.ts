/** The public subpaths of the package (see subpaths.js). */
export declare const SUBPATHS: ReadonlyArray<{
  readonly name: string;
  readonly source: string;
  readonly sizeLimit: string;
}>;
/** Budgets of each subpath bundled with zod (see subpaths.js). */
export declare const WITH_ZOD_SIZE_LIMITS: Readonly<Record<string, string>>;
