import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"
import { repoRoot } from "./Paths.js"

/** Set by the build (esbuild `define`) to the build's folder name; absent in the sources. */
declare const __UDSAGN_BUILD_ID__: string | undefined

/** What `new Worker(file, { eval })` runs for a thread. */
export interface ThreadEntry {
  readonly file: URL | string
  readonly eval: boolean
}

/**
 * Where a worker thread's code is. Compiled, it is the build's own entry `<name>.cjs` beside the
 * command's (`<build root>/<build id>/`, the build root as the web's child processes find it);
 * from the sources (tsx, vitest) it is the TypeScript file `source`, run with tsx's loader.
 * Undefined when a build has no such entry: then the caller does the work in its own thread.
 */
export const threadEntry = (name: string, source: URL): ThreadEntry | undefined => {
  if (typeof __UDSAGN_BUILD_ID__ === "string") {
    const root = process.env["UDSAGN_BUILD_DIR"] || join(repoRoot, ".build")
    const file = join(root, __UDSAGN_BUILD_ID__, `${name}.cjs`)
    if (!existsSync(file)) return undefined
    // Through the commands' loader, with a V8 code cache of the thread's own (made the first
    // time the thread asks for it: see scripts/load-bundle.cjs).
    const loader = join(repoRoot, "scripts/load-bundle.cjs")
    return {
      file: `require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(file)}, "thread", { onDemand: true })`,
      eval: true
    }
  }
  // Node 20's threads do not inherit tsx's loader (not even from execArgv): the thread registers
  // it itself (tsx's API) before importing the TypeScript file.
  const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href
  return {
    file: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}) })`,
    eval: true
  }
}
