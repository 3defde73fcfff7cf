import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
const map: [string, number][] = (await import('./map.json', { with: { type: 'json' } })).default as never;
(globalThis as any).__check = (a: unknown, e: unknown, w: string) => {
  if (!isDeepStrictEqual(a, e)) throw new Error(`${w}: says ${JSON.stringify(e)} got ${JSON.stringify(a)}`);
};
let fails = 0;
for (let i = 0; i < map.length; i++) {
  if (!map[i]![0].startsWith('src/')) continue;
  try { await import(pathToFileURL(`/work/wt-hardening/.doc-examples/example-${i}.ts`).href); }
  catch (err) { fails++; console.log(`${map[i]![0]}:${map[i]![1]} ${String((err as Error).message).split('\n')[0]!.slice(0, 250)}`); }
}
console.log('fails', fails);
