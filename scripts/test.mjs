// The whole gate behind `npm test`: every check runs (a failure does not hide later
// ones), then one plain line `N passed, N failed` counts the vitest tests of every run
// plus one per other gate. Exit code 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

// Date code must not depend on the host time zone: these test folders run again under
// each zone (Santiago and Apia have had midnight DST changes; London has BST).
const TIME_ZONES = ['Europe/London', 'America/Santiago', 'Pacific/Apia'];
const TZ_SENSITIVE = ['test/timeline', 'test/report'].filter((dir) => existsSync(dir));

let passed = 0;
let failed = 0;
const summary = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function gate(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else failed++;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
}

function vitest(label, files, env) {
  const out = `${RESULTS}/vitest-${summary.length}.json`;
  const ok = run(
    label,
    'npx',
    [
      'vitest',
      'run',
      '--typecheck',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...files,
    ],
    env,
  );
  let counts = { numPassedTests: 0, numFailedTests: 0 };
  if (existsSync(out)) counts = JSON.parse(readFileSync(out, 'utf8'));
  passed += counts.numPassedTests;
  failed += counts.numFailedTests;
  // A run that failed without a failing test (a crash, a type error) still counts as a failure.
  if (!ok && counts.numFailedTests === 0) failed++;
  summary.push(
    `${ok ? 'ok  ' : 'FAIL'} ${label}: ${counts.numPassedTests} passed, ${counts.numFailedTests} failed`,
  );
}

// Build first: the CLI, package and browser tests (and their type-check) use dist/.
gate('build', 'npm', ['run', 'build']);
gate('typecheck', 'npx', ['tsc', '-p', '.']);
// Biome: formatting, lint rules and import cycles (biome.json); `npm run format` fixes most.
gate('biome (format, lint, import cycles)', 'npx', ['biome', 'check']);
vitest('tests (TZ=UTC)', [], { TZ: 'UTC' });
for (const tz of TIME_ZONES)
  if (TZ_SENSITIVE.length > 0) vitest(`date tests (TZ=${tz})`, TZ_SENSITIVE, { TZ: tz });
gate('publint --strict', 'npx', ['publint', '--strict']);
// attw on the tarball users get, under every resolution including node10 (the subpath
// folders); packed without scripts, because `prepack` would rebuild dist/ again.
const tarball = `${RESULTS}/${JSON.parse(readFileSync('package.json', 'utf8')).name}.tgz`;
run('npm pack', 'sh', [
  '-c',
  `npm pack --ignore-scripts --silent --pack-destination ${RESULTS} | xargs -I{} mv ${RESULTS}/{} ${tarball}`,
]);
gate('attw (every resolution, node10 included)', 'npx', ['attw', tarball]);
gate('size-limit budgets', 'npx', ['size-limit']);
gate('typedoc (warnings are errors)', 'npx', ['typedoc']);
gate('knip', 'npx', ['knip']);

console.log(`\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
