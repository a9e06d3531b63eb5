// Link suggestions of the register of recommendations (web/RegisterLinks.ts) on a large
// register: the project's training statements as recommendation texts, 20 conferences, every
// tenth text repeated at another conference in other words order. Run:
//   npx tsx test/bench/register-links.ts [entries]
import { parseLabeledCsv } from "@udsagn/categorize/TrainingData"
import { trainingStatementsPath } from "@udsagn/domain/Paths"
import type { RegisterEntry } from "@udsagn/web/RegisterModel"
import { suggestLinks } from "@udsagn/web/RegisterLinks"
import { readFileSync } from "node:fs"

const n = Number(process.argv[2] ?? 1000)
const { rows } = parseLabeledCsv(readFileSync(trainingStatementsPath, "utf8"))
const texts = Array.from({ length: n }, (_, i) => rows[i % rows.length]!.text)
for (let i = 10; i < n; i += 10) texts[i] = texts[i - 7]!.split(" ").reverse().join(" ")
const entries: Array<RegisterEntry> = texts.map((text, i) => ({
  id: `e${i}`, analysisId: `a${i % 20}`, event: "Konference", analysisCreatedAt: "2025-01-01", sources: ["t"], theme: `t${i % 5}`,
  themeLabel: "t", text, sentText: text, statements: [], statementCount: 1, status: "forslag", date: "2025-01-01", note: "", createdAt: "", updatedAt: ""
}))
suggestLinks(entries.slice(0, 50), [])
const t = performance.now()
const found = suggestLinks(entries, [])
console.log(`${n} recommendations: link suggestions in ${Math.round(performance.now() - t)} ms (${found.length} shown, best ${found[0]?.score.toFixed(2) ?? "-"})`)
