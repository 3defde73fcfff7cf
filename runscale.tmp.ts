import { scalingBench } from './bench/scaling.bench.js';
import { importTimeBench } from './bench/import-time.bench.js';
const which = process.argv[2];
process.exitCode = which === 'import' ? importTimeBench() : scalingBench();
