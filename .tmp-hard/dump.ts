import { extractSourceExamples } from '../test/docs/extract-examples.ts';
for (const e of extractSourceExamples('/work/wt-hardening/')) {
  const body = e.code.split('\n').filter((l) => !l.startsWith('import ') && l.trim() !== '').join('\n   ');
  console.log(`## ${e.file}:${e.line} [${e.checks}]\n   ${body}`);
}
