// The `la-assurance` executable: the only place with process I/O. It calls main().
import { fstatSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { main } from './index.js';

const { version } = createRequire(import.meta.url)('la-assurance/package.json') as {
  version: string;
};

// Output piped into a program that stops reading (e.g. `| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  version,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  readStdin: () => readFileSync(0, 'utf8'),
  stdinSource: () => {
    const stat = fstatSync(0);
    return {
      size: stat.isFile() ? stat.size : undefined,
      read: (buffer) => {
        for (;;) {
          try {
            return readSync(0, buffer, 0, buffer.length, null);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'EOF') return 0;
            if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); // a non-blocking pipe with no data yet
          }
        }
      },
      close: () => {},
    };
  },
});
