// The compiled build's state, checked at every start in a few milliseconds (no esbuild here):
// `<build root>/current.json` names the current build and every source file it was made from,
// each with its size, mtime and hash. The build is fresh when every file is unchanged; a file
// whose mtime moved but whose content did not (a git checkout) still counts as unchanged.
import { createHash } from "node:crypto"
import { readFileSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..")

/** Where builds go: `.build/` in the repository, or UDSAGN_BUILD_DIR (tests). */
export const buildRoot = () => process.env.UDSAGN_BUILD_DIR || join(repoRoot, ".build")

/** The entry points, by name, as `<name>.cjs` in a build folder (run by scripts/load-bundle.cjs). */
export const entries = {
  udsagn: "packages/cli/src/bin.ts",
  "analyze-worker": "packages/web/src/bin/analyze.ts",
  "retrain-worker": "packages/web/src/bin/retrain.ts",
  "categorize-worker": "packages/categorize/src/CategorizeWorker.ts",
  "statements-worker": "packages/report/src/StatementsWorker.ts",
  "chart-worker": "packages/charts/src/ChartWorker.ts"
}

export const hashFile = (file) => createHash("sha1").update(readFileSync(file)).digest("hex")

const readManifest = (root) => {
  try {
    return JSON.parse(readFileSync(join(root, "current.json"), "utf8"))
  } catch {
    return undefined
  }
}

/**
 * `{ fresh: true, dir, manifest }` when the current build matches the sources, else
 * `{ fresh: false, reason }` naming the first file that changed (or that there is no build).
 */
export const buildState = (root = buildRoot()) => {
  const manifest = readManifest(root)
  if (manifest === undefined || !Array.isArray(manifest.sources)) return { fresh: false, reason: "ingen bygning" }
  const dir = join(root, manifest.id)
  for (const [rel, size, mtimeMs, hash] of manifest.sources) {
    const file = join(repoRoot, rel)
    let st
    try {
      st = statSync(file)
    } catch {
      return { fresh: false, reason: `${rel} findes ikke længere` }
    }
    if (st.size === size && st.mtimeMs === mtimeMs) continue
    if (st.size !== size || hashFile(file) !== hash) return { fresh: false, reason: `${rel} er ændret` }
  }
  for (const name of Object.keys(entries)) {
    try {
      statSync(join(dir, `${name}.cjs`))
    } catch {
      return { fresh: false, reason: `${manifest.id}/${name}.cjs mangler` }
    }
  }
  return { fresh: true, dir, manifest }
}
