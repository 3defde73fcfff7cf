/** The top-level folders that subpath-folders.mjs writes (see subpath-files.mjs). */
export declare function subpathFolders(): string[];
/** package.json `files` (see subpath-files.mjs). */
export declare function packageFiles(): string[];
