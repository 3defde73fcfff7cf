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
