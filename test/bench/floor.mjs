// The floor an end-to-end run is measured against: a Node process that reads the same csv and
// parses it with the same library udsagn's reader uses (papaparse, from @udsagn/ingest).
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"

const require = createRequire(new URL("../../packages/ingest/package.json", import.meta.url))
const Papa = require("papaparse")
const text = new TextDecoder("utf-8").decode(readFileSync(process.argv[2]))
const { data } = Papa.parse(text, { delimiter: ",", skipEmptyLines: false })
process.stdout.write(`${data.length}\n`)
