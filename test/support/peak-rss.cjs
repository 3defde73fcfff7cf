// Preloaded into a child process (node -r ./peak-rss.cjs …): prints its peak resident set
// size and CPU time on exit, as the last line of stderr, for the memory test and the benchmark.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\npeak-rss-bytes ${usage.maxRSS * 1024} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`,
  );
});
