// Loaded into every Node process of a benchmarked command (NODE_OPTIONS=--import): at exit it
// appends its pid and peak resident memory (maxRSS, KB; worker threads included) to the file
// UDSAGN_BENCH_RSS_FILE names. The benchmark takes the largest (tsx runs the command in a child).
import { appendFileSync } from "node:fs"

const file = process.env.UDSAGN_BENCH_RSS_FILE
if (file) process.on("exit", () => appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`))
