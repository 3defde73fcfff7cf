// The `la-assurance` executable: the only place with process I/O. It calls main().
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { main } from './index.js';

const { version } = createRequire(import.meta.url)('la-assurance/package.json') as { version: string };

process.exitCode = await main(process.argv.slice(2), {
  version,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  readStdin: () => readFileSync(0, 'utf8'),
});
