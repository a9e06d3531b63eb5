#!/usr/bin/env node
// `pnpm udsagn …` (and analyze, serve, evaluate, learn): runs the compiled command from `.build/`.
// A build older than its sources never runs: it is made again first (about a second), with one
// line on stderr; without esbuild (no `pnpm install`) it stops with one line instead.
import { createRequire } from "node:module"
import { join } from "node:path"
import { buildState } from "./build-state.mjs"

let state = buildState()
if (!state.fresh) {
  process.stderr.write(`udsagn: bygger programmet (${state.reason}) …\n`)
  try {
    const { build } = await import("./build.mjs")
    state = await build()
  } catch (error) {
    const first = String(error?.message ?? error).split("\n")[0]
    process.stderr.write(`Fejl: udsagn kunne ikke bygges (${first}); kør pnpm install\n`)
    process.exit(1)
  }
}
// One code cache per command: each holds the functions its kind of run compiled.
const command = process.argv[2] ?? ""
const kind = ["analyze", "serve", "evaluate", "learn"].includes(command) && !process.argv.includes("--help") ? command : "help"
createRequire(import.meta.url)("./load-bundle.cjs").runBundle(join(state.dir, "udsagn.cjs"), kind)
