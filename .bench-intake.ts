import { intakeBench } from './bench/intake.bench.ts'; await intakeBench();
