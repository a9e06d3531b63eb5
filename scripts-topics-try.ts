import { Schema } from "effect"
import * as fs from "node:fs"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import { StatementsFile } from "@udsagn/domain/Categorization"
import { ThemeSet } from "@udsagn/domain/Theme"
import { buildTopics } from "@udsagn/aggregate/Topics"
const dir = process.argv[2] ?? "/tmp/topics-out"
const statements = Schema.decodeUnknownSync(StatementsFile)(JSON.parse(fs.readFileSync(dir + "/statements.json", "utf8")))
const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(fs.readFileSync("data/themes/default.json", "utf8")))
const result = { statements, themeSet } as unknown as CategorizedResult
const file = buildTopics(result)
const text = new Map(statements.map((s) => [s.id as string, s.text]))
for (const t of file.themes) {
  console.log("=== " + t.theme)
  for (const tp of t.topics) {
    console.log(`  [${tp.label}] (${tp.statements.length}) terms: ${tp.terms.join(", ")}`)
    for (const id of tp.statements) console.log("      " + id + " " + text.get(id)!.slice(0, 100))
  }
}
console.log("=== candidates")
for (const c of file.candidates) { console.log(`  [${c.label}] ${c.terms.join(", ")}`); for (const id of c.statements) console.log("      " + text.get(id)) }
