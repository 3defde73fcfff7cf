/** The public subpaths of the package (see subpaths.js). */
export declare const SUBPATHS: ReadonlyArray<{ readonly name: string; readonly source: string; readonly sizeLimit: string }>;
