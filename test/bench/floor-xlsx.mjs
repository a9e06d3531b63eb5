// The floor of `pnpm bench`'s start-up figures: a Node process that reads the export and parses
// every XML part with the libraries udsagn's reader uses (yauzl, saxes), and nothing else.
// Usage: node test/bench/floor-xlsx.mjs <file.xlsx>
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const require = createRequire(fileURLToPath(new URL("../../packages/ingest/package.json", import.meta.url)))
const yauzl = require("yauzl")
const { SaxesParser } = require("saxes")

const bytes = readFileSync(process.argv[2])
let texts = 0
await new Promise((resolve, reject) => {
  yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
    if (error) return reject(error)
    zip.on("entry", (entry) => {
      if (!/\.xml$/.test(entry.fileName)) return zip.readEntry()
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e)
        const parser = new SaxesParser()
        parser.on("text", () => texts++)
        stream.on("data", (d) => parser.write(d.toString()))
        stream.on("end", () => {
          parser.close()
          zip.readEntry()
        })
      })
    })
    zip.on("end", resolve)
    zip.readEntry()
  })
})
process.stdout.write(`${texts}\n`)
