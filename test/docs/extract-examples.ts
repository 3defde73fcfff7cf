import { readFileSync, readdirSync } from 'node:fs';

/** One ```ts block from a guide, turned into a runnable module. */
export interface DocExample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly checks: number;
}

const BLOCK = /^```ts\s*\n([\s\S]*?)^```/gm;
// `expression; // literal` — the comment states the expression's value.
const CLAIM = /^(\s*)([^/\s][^;]*?);\s*\/\/\s*(.+)$/;
const DECLARATION =
  /^(const|let|var|import|export|type|interface|function|class|if|for|while|return|throw)\b/;

/** The literal a comment claims, or undefined if the comment is prose (or elides with …). */
function claimedLiteral(comment: string): string | undefined {
  const text = comment.split(/ \(| — | → | \/\/ /)[0]!.trim();
  if (/\.\.\.|…/.test(text) || !/^['"[{\d-]|^(true|false|undefined|null)$/.test(text))
    return undefined;
  try {
    new Function(`return (${text});`)();
    return text;
  } catch {
    return undefined;
  }
}

/** Rewrites claims into `__check(actual, expected, where)` calls. */
function withChecks(code: string, where: string): { code: string; checks: number } {
  let checks = 0;
  const lines = code.split('\n').map((line, i) => {
    const m = CLAIM.exec(line);
    if (!m || DECLARATION.test(m[2]!.trim())) return line;
    const literal = claimedLiteral(m[3]!);
    if (literal === undefined) return line;
    checks++;
    return `${m[1]}__check(${m[2]}, ${literal}, ${JSON.stringify(`${where}+${i + 1}`)});`;
  });
  return { code: lines.join('\n'), checks };
}

/**
 * Source folders whose TSDoc examples are not compiled (none: every `src/` folder's examples
 * are checked). A folder may be listed here only while its code is being rewritten.
 */
export const SOURCE_FOLDERS_NOT_YET_CHECKED: readonly string[] = [];

const TSDOC = /\/\*\*[\s\S]*?\*\//g;

/** `src/**\/*.ts`, folders in {@link SOURCE_FOLDERS_NOT_YET_CHECKED} left out. */
function sourceFiles(root: string, dir = 'src/'): string[] {
  if (SOURCE_FOLDERS_NOT_YET_CHECKED.includes(dir)) return [];
  return readdirSync(`${root}${dir}`, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(root, `${dir}${entry.name}/`)
      : entry.name.endsWith('.ts')
        ? [`${dir}${entry.name}`]
        : [],
  );
}

/**
 * The `@example` blocks in the TSDoc comments of `src/**\/*.ts`, with the comment's ` * `
 * margin removed; `line` is the line of the opening fence.
 */
export function extractSourceExamples(root: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(`${root}${file}`, 'utf8');
    for (const comment of text.matchAll(TSDOC)) {
      const at = comment[0].indexOf('@example');
      if (at < 0) continue;
      const firstLine = text.slice(0, comment.index).split('\n').length;
      const body = comment[0]
        .split('\n')
        .map((line) => line.replace(/^\s*\/?\*+\/? ?/, ''))
        .join('\n');
      const tail = body.slice(body.indexOf('@example'));
      const offset = body.slice(0, body.indexOf('@example')).split('\n').length - 1;
      for (const m of tail.matchAll(BLOCK)) {
        const line = firstLine + offset + tail.slice(0, m.index).split('\n').length - 1;
        const { code, checks } = withChecks(m[1]!, `${file}:${line}`);
        examples.push({ file, line, code, checks });
      }
    }
  }
  return examples;
}

/** The ```ts blocks of README.md and docs/*.md (benchmark pages excepted). */
export function extractExamples(root: string): DocExample[] {
  const files = [
    'README.md',
    ...readdirSync(`${root}docs`)
      .filter((f) => f.endsWith('.md') && !f.startsWith('benchmarks'))
      .map((f) => `docs/${f}`),
  ];
  const examples: DocExample[] = [];
  for (const file of files) {
    const text = readFileSync(`${root}${file}`, 'utf8');
    for (const m of text.matchAll(BLOCK)) {
      const line = text.slice(0, m.index).split('\n').length;
      const { code, checks } = withChecks(m[1]!, `${file}:${line}`);
      examples.push({ file, line, code, checks });
    }
  }
  return examples;
}
