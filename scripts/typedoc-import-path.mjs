// A typedoc plugin: every exported function, class, variable, type and interface in the
// API reference starts with the import that brings it in, e.g.
// `import { scoreAssessment } from 'la-assurance/scoring'`, so a reader landing on one page
// knows which subpath to use. The module of a page is the entry point that owns it
// (typedoc.json lists the root entry last, so each subpath owns its own functions and its
// module page lists them).
import { Converter, ReflectionKind } from 'typedoc';

const KINDS =
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Variable |
  ReflectionKind.TypeAlias |
  ReflectionKind.Interface |
  ReflectionKind.Enum;

function specifier(reflection) {
  let module = reflection.parent;
  while (module && !module.kindOf(ReflectionKind.Module)) module = module.parent;
  if (!module) return 'la-assurance';
  return module.name === 'la-assurance' ? 'la-assurance' : `la-assurance/${module.name}`;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of context.project.getReflectionsByKind(KINDS)) {
      if (!reflection.parent?.kindOf(ReflectionKind.Module)) continue;
      const typeOnly = reflection.kindOf(ReflectionKind.TypeAlias | ReflectionKind.Interface);
      const code = `\`import { ${typeOnly ? 'type ' : ''}${reflection.name} } from '${specifier(reflection)}'\``;
      const target = reflection.signatures?.[0] ?? reflection;
      if (!target.comment) continue; // undocumented exports are reported by `notDocumented`
      target.comment.summary = [
        { kind: 'code', text: code },
        { kind: 'text', text: '\n\n' },
        ...target.comment.summary,
      ];
    }
  });
}
