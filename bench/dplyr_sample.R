# Comparator for bench/case-tracking.bench.ts: a plain one-dimension proportional stratified
# draw with dplyr (group_by + slice_sample(prop =)).
# Usage: Rscript bench/dplyr_sample.R CSV N REPEATS
# Prints one JSON line: {"tool", "version", "rows", "n", "ms": [..], "drawn"}; only the
# sampling is timed (reading the CSV is not).
suppressMessages(library(dplyr))
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
n <- as.integer(args[2])
repeats <- as.integer(args[3])
df <- read.csv(path, stringsAsFactors = FALSE)
df$age_band <- factor(df$age_band)
prop <- n / nrow(df)
times <- numeric(repeats)
drawn <- 0
for (i in seq_len(repeats)) {
  set.seed(i)
  t0 <- Sys.time()
  s <- df %>% group_by(age_band) %>% slice_sample(prop = prop) %>% ungroup()
  times[i] <- as.numeric(difftime(Sys.time(), t0, units = "secs")) * 1000
  drawn <- nrow(s)
}
cat(sprintf('{"tool":"dplyr","version":"%s","rows":%d,"n":%d,"ms":[%s],"drawn":%d}\n',
  as.character(packageVersion("dplyr")), nrow(df), n, paste(times, collapse = ","), drawn))
