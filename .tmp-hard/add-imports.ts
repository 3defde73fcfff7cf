// One-off: add `import { … } from 'la-assurance/<subpath>'` lines to TSDoc examples in src/.
import ts from 'typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { SUBPATHS } from '/work/wt-hardening/scripts/subpaths.js';
import { extractSourceExamples } from '/work/wt-hardening/test/docs/extract-examples.ts';

const root = '/work/wt-hardening/';
const program = ts.createProgram(
  SUBPATHS.map((s) => root + s.source),
  { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 },
);
const checker = program.getTypeChecker();
const exportsOf = new Map<string, Map<string, boolean>>(); // subpath -> name -> isTypeOnly
for (const s of SUBPATHS) {
  const sf = program.getSourceFile(root + s.source)!;
  const sym = checker.getSymbolAtLocation(sf)!;
  const names = new Map<string, boolean>();
  for (const e of checker.getExportsOfModule(sym)) {
    let t = e;
    if (t.flags & ts.SymbolFlags.Alias) t = checker.getAliasedSymbol(t);
    const isValue = (t.flags & ts.SymbolFlags.Value) !== 0;
    names.set(e.name, !isValue);
  }
  exportsOf.set(s.name, names);
}
const order = SUBPATHS.map((s) => s.name).filter((n) => n !== '.');

const examples = extractSourceExamples(root);
const byFile = new Map<string, typeof examples>();
for (const e of examples) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
let changed = 0;
for (const [file, list] of byFile) {
  const lines = readFileSync(root + file, 'utf8').split('\n');
  const own = file.split('/')[1]!;
  const ownSub = file.startsWith('src/testing/arbitraries/') ? 'testing/arbitraries' : order.includes(own) ? own : '.';
  // bottom-up so line numbers stay valid
  for (const e of [...list].sort((a, b) => b.line - a.line)) {
    if (/from 'la-assurance/.test(e.code)) continue;
    const sf = ts.createSourceFile('x.ts', e.code, ts.ScriptTarget.ES2022, true);
    const used = new Set<string>();
    const declared = new Set<string>();
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n)) {
        const p = n.parent;
        if (p && ts.isPropertyAccessExpression(p) && p.name === n) {
        } else if (p && (ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === n) {
        } else if (p && (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === n) {
          declared.add(n.text);
        } else used.add(n.text);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    const imports = new Map<string, string[]>();
    for (const name of used) {
      if (declared.has(name)) continue;
      const sub = [ownSub, ...order, '.'].find((s) => exportsOf.get(s)?.has(name));
      if (!sub) continue;
      const typeOnly = exportsOf.get(sub)!.get(name)!;
      imports.set(sub, [...(imports.get(sub) ?? []), typeOnly ? `type ${name}` : name]);
    }
    if (imports.size === 0) { console.log('no import for', e.file, e.line); continue; }
    const fence = lines[e.line - 1]!;
    const margin = fence.slice(0, fence.indexOf('```'));
    const add = [...imports].map(([sub, names]) =>
      `${margin}import { ${names.sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))).join(', ')} } from '${sub === '.' ? 'la-assurance' : `la-assurance/${sub}`}';`,
    );
    // blank line after imports
    add.push(margin.trimEnd());
    lines.splice(e.line, 0, ...add);
    changed++;
  }
  writeFileSync(root + file, lines.join('\n'));
}
console.log('changed', changed);
