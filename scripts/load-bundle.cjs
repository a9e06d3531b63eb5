// Runs one compiled bundle (`.build/<id>/<name>.cjs`) with V8's code cache beside it
// (`<name>.cjs.<kind>.cache`): parsing and compiling megabytes of JavaScript is most of a command's
// start-up, and Node 20 caches neither for ES modules nor for require. The cache is written when
// the process ends if there was none (or V8 refused it: another Node), so the first run pays once;
// one per kind of run (`analyze`, `serve`, `--help`…), since each holds the functions its run used.
// Usage from code: require("./load-bundle.cjs").runBundle(file, kind); from a shell (the web app's child
// processes): node scripts/load-bundle.cjs <bundle.cjs> <args…>, which the bundle sees as
// `node <bundle.cjs> <args…>`.
"use strict"
const fs = require("node:fs")
const Module = require("node:module")
const path = require("node:path")
const vm = require("node:vm")

// Node warns about `new Buffer()` only for code outside node_modules; bundled, a library's old
// call (exceljs' zip writer) would print that warning on every run. Only that one is dropped.
const emitWarning = process.emitWarning
process.emitWarning = function (warning, ...rest) {
  const code = typeof rest[0] === "object" && rest[0] !== null ? rest[0].code : rest[1]
  if (code === "DEP0005") return
  return emitWarning.call(process, warning, ...rest)
}

/**
 * `onDemand`: the cache is not written at exit but when the bundle calls
 * `globalThis.__udsagnSaveCodeCache()` (a worker thread, which is stopped rather than ending,
 * calls it once its first work is done, so the cache holds the functions that work compiled).
 */
const runBundle = (file, kind = "main", { onDemand = false } = {}) => {
  const source = fs.readFileSync(file, "utf8").replace(/^#!.*/, "")
  const cacheFile = `${file}.${kind}.cache`
  let cachedData
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {
    cachedData = undefined
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData })
  if (cachedData === undefined || script.cachedDataRejected) {
    const save = () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2, 8)}`
        fs.writeFileSync(tmp, script.createCachedData())
        fs.renameSync(tmp, cacheFile)
      } catch {
        // A read-only build folder: run without a cache.
      }
    }
    if (onDemand) {
      let saved = false
      globalThis.__udsagnSaveCodeCache = () => {
        if (!saved) save()
        saved = true
      }
    } else process.once("exit", save)
  }
  const module = new Module(file, null)
  module.filename = file
  module.paths = Module._nodeModulePaths(path.dirname(file))
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file))
  return module.exports
}

module.exports = { runBundle }

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? "")
  process.argv.splice(1, 2, file)
  runBundle(file)
}
