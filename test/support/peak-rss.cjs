// Preloaded into a child process (node -r ./peak-rss.cjs …): prints its peak resident set
// size on exit, as the last line of stderr, for the memory test and the benchmark.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-bytes ${process.resourceUsage().maxRSS * 1024}\n`);
});
