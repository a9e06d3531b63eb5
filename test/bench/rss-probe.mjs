// Loaded into every Node process of a benchmarked command (NODE_OPTIONS=--import): at exit it
// appends its pid, peak resident memory (maxRSS, KB) and CPU time (user + system, µs), worker
// threads included, to the file UDSAGN_BENCH_RSS_FILE names. The benchmark takes the largest
// memory and the sum of CPU time (tsx runs the command in a child).
import { appendFileSync } from "node:fs"

const file = process.env.UDSAGN_BENCH_RSS_FILE
if (file) process.on("exit", () => {
  const u = process.resourceUsage()
  appendFileSync(file, `${process.pid} ${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`)
})
