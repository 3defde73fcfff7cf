import type { IssuePath } from '../errors/index.js';

/** A path as dotted text for issue messages: `profiles.3.council.code`; `input` when empty. */
export function dottedPath(path: IssuePath): string {
  return path.length === 0 ? 'input' : path.join('.');
}

/** A path as JavaScript-style text for issue messages: `cases[7].setting`; empty when the path is. */
export function bracketPath(path: IssuePath): string {
  let text = '';
  for (const part of path)
    text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text;
}
