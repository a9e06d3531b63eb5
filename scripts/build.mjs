// Compiles the commands into JavaScript with esbuild (run by `pnpm install` and, when the sources
// changed since, by the first command started): one folder `.build/<id>/` with `udsagn.cjs` and
// the web app's child-process entries, one self-contained CommonJS file each, run through
// scripts/load-bundle.cjs with V8's code cache. The heavy libraries (vega, exceljs, docx, the web
// app) are compiled in but evaluated only when their stage runs (esbuild turns `import()` into a
// deferred require). `current.json` is written last, and atomically, so a half-finished build is
// never used; two builds at once wait for each other.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { isAbsolute, join, relative, sep } from "node:path"
import { pathToFileURL } from "node:url"
import { buildRoot, buildState, entries, hashFile, repoRoot } from "./build-state.mjs"

const posix = (p) => p.split(sep).join("/")

/**
 * Workspace files locate the project's data from `import.meta.url` (Paths.ts, Stem.ts); in a
 * bundle that would be the chunk's URL, so each use becomes the source file's own URL, written
 * relative to the build folder (the repository can be moved).
 */
const sourceUrls = (outDir) => ({
  name: "udsagn-source-urls",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined
      const { readFile } = await import("node:fs/promises")
      const text = await readFile(args.path, "utf8")
      if (!text.includes("import.meta.url")) return { contents: text, loader: "ts" }
      const rel = posix(relative(outDir, args.path))
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: "ts" }
    })
  }
})

/**
 * vega-canvas looks for the optional `canvas` package with a top-level await, which CommonJS
 * cannot hold; udsagn draws headless (renderer "none", text measured by TextWidth), so none.
 */
const noCanvas = {
  name: "udsagn-no-canvas",
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: "vega-canvas", namespace: "udsagn-no-canvas" }))
    build.onLoad({ filter: /.*/, namespace: "udsagn-no-canvas" }, () => ({
      contents: "export const canvas = () => null; export const image = () => null;",
      loader: "js"
    }))
  }
}

/** Native addons stay outside the bundle, imported by their real path relative to the build. */
const nativeExternal = (outDir, names) => ({
  name: "udsagn-native-external",
  setup(build) {
    const filter = new RegExp(`^(${names.map((n) => n.replace(/[/.]/g, "\\$&")).join("|")})$`)
    build.onResolve({ filter }, (args) => {
      const require = createRequire(args.importer)
      const resolved = require.resolve(args.path)
      return { path: posix(relative(outDir, resolved)).replace(/^(?!\.)/, "./"), external: true }
    })
  }
})

/** esbuild's settings for a build of `entryPoints` into `outDir` (also used by `pnpm bench`). */
export const esbuildOptions = ({ outDir, id, entryPoints }) => ({
  entryPoints,
  outdir: outDir,
  define: { __UDSAGN_BUILD_ID__: JSON.stringify(id), "import.meta.url": "__udsagnImportMetaUrl" },
  absWorkingDir: repoRoot,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  // `import()` becomes a deferred require: compiled with the rest (and cached), run when reached.
  // Regex literals with \p{…} or the s flag stay literals (Node 20 has both): lowered, each use in
  // a function body would build its RegExp from a string again (measured: 2-4× slower per call).
  supported: { "dynamic-import": false, "regexp-unicode-property-escapes": true, "regexp-dot-all-flag": true },
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  metafile: true,
  logLevel: "error",
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  banner: { js: "var __udsagnImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [noCanvas, sourceUrls(outDir), nativeExternal(outDir, ["@resvg/resvg-js"])]
})

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** One builder at a time (a lock folder); a lock older than two minutes is a dead builder's. */
const withLock = async (root, f) => {
  mkdirSync(root, { recursive: true })
  const lock = join(root, ".lock")
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      let age = 0
      try {
        age = Date.now() - statSync(lock).mtimeMs
      } catch {
        continue
      }
      if (age > 120_000) rmSync(lock, { recursive: true, force: true })
      else await sleep(100)
    }
  }
  try {
    return await f()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Builds unless another process just did; answers the fresh state. */
export const build = async ({ root = buildRoot(), force = false } = {}) =>
  withLock(root, async () => {
    if (!force) {
      const state = buildState(root)
      if (state.fresh) return { ...state, built: false }
    }
    const esbuild = await import("esbuild")
    let id, outDir, result, sources
    // A file saved while esbuild read the sources would be recorded newer than what was built:
    // then build again (the next try sees it whole).
    for (let attempt = 0; ; attempt++) {
      const started = Date.now()
      id = `${started.toString(36)}-${process.pid.toString(36)}${attempt > 0 ? `-${attempt}` : ""}`
      outDir = join(root, id)
      result = await esbuild.build(esbuildOptions({ outDir, id, entryPoints: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, join(repoRoot, src)])) }))
      // Every workspace file the build read, and the lockfile (a new dependency means a new build).
      const inputs = Object.keys(result.metafile.inputs)
        .map((p) => (isAbsolute(p) ? relative(repoRoot, p) : p))
        .filter((p) => !p.split(/[\\/]/).includes("node_modules") && !p.startsWith("..") && !p.includes(":"))
      sources = [...new Set([...inputs, "pnpm-lock.yaml", "package.json", "scripts/build.mjs"])].sort().map((rel) => {
        const file = join(repoRoot, rel)
        const st = statSync(file)
        return [posix(rel), st.size, st.mtimeMs, hashFile(file)]
      })
      if (attempt >= 2 || sources.every(([, , mtimeMs]) => mtimeMs < started - 1)) break
      rmSync(outDir, { recursive: true, force: true })
    }
    const manifest = { id, builtAt: new Date().toISOString(), entries: Object.keys(entries), sources }
    writeFileSync(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 1) + "\n")
    writeFileSync(join(outDir, "meta.json"), JSON.stringify(result.metafile))
    const tmp = join(root, `.current-${id}.json`)
    writeFileSync(tmp, JSON.stringify(manifest) + "\n")
    renameSync(tmp, join(root, "current.json"))
    prune(root, id)
    return { ...buildState(root), built: true }
  })

/** Keeps the newest three builds: a server started from an older one still finds its workers. */
const prune = (root, current) => {
  const builds = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== ".lock" && d.name !== current)
    .map((d) => ({ name: d.name, at: statSync(join(root, d.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
  for (const old of builds.slice(2)) rmSync(join(root, old.name), { recursive: true, force: true })
}

// `node scripts/build.mjs [--force]`: what `pnpm install` runs (postinstall).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now()
  const state = await build({ force: process.argv.includes("--force") })
  if (!state.fresh) {
    process.stderr.write(`udsagn: bygningen mislykkedes (${state.reason})\n`)
    process.exit(1)
  }
  const where = posix(relative(repoRoot, state.dir)) || state.dir
  process.stdout.write(state.built ? `udsagn: bygget i ${where} (${Math.round(performance.now() - started)} ms)\n` : `udsagn: ${where} er allerede bygget af de nuværende kilder\n`)
}

