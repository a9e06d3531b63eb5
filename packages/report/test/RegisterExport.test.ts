import { strFromU8, unzipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { type RegisterRow, registerDocx, registerWorkbook } from "../src/RegisterExport.js"

// The committee's overview of the register: grouped by status in the order the committee reads
// it, each with where it was raised and who stands behind it; cells that look like formulas stay text.

const row = (status: string, text: string, extra: Partial<RegisterRow> = {}): RegisterRow => ({
  text,
  themeLabel: "Sundhedskompetence",
  status,
  date: "2025-04-24",
  note: "",
  origins: [{ event: "Konference", date: "2024-12-05" }],
  statementCount: 12,
  statements: ["s0001", "s0002"],
  ...extra
})

const rows = [
  row("forslag", "Klarere breve"),
  row("besluttet", "Tolke i almen praksis", {
    subTopic: "tolke",
    supporters: 6,
    note: "Udvalgsmøde 24. april 2025, punkt 5",
    origins: [{ event: "Konference", date: "2024-12-05" }, { event: "Konference i Region Nord 2025" }]
  }),
  row("i gang", "Sundhedsambassadører på værestederne"),
  row("afvist", "=HYPERLINK(\"http://x\")")
]

describe("anbefalinger.docx", () => {
  it("groups by status (i gang, besluttet, drøftet, forslag, afvist) with origin, support, date and note", async () => {
    const xml = strFromU8(unzipSync(await registerDocx(rows, { scope: "Alle anbefalinger i registret", madeAt: "2025-05-01T10:00:00Z" }))["word/document.xml"]!)
    const order = ["I gang – igangsatte initiativer (1)", "Besluttet (1)", "Forslag, der venter på udvalget (1)", "Afvist (1)"].map((h) => xml.indexOf(h))
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(xml).not.toContain("Drøftet (")
    expect(xml).toContain("Rejst på 2 konferencer: Konference, 5. december 2024 og Konference i Region Nord 2025")
    expect(xml).toContain("foreslået af 6 deltagere (12 udsagn)")
    expect(xml).toContain("Sundhedskompetence – tolke")
    expect(xml).toContain("Udvalgsmøde 24. april 2025, punkt 5")
    expect(xml).toContain("Besluttet 24. april 2025")
    expect(xml).toContain("Forslag 24. april 2025")
    expect(xml).toContain("4 anbefalinger")
  })

  it("says so when nothing matches", async () => {
    const xml = strFromU8(unzipSync(await registerDocx([], { scope: "Anbefalinger med år 1999", madeAt: "2025-05-01T10:00:00Z" }))["word/document.xml"]!)
    expect(xml).toContain("Registret har ingen anbefalinger, der passer til det valgte.")
  })
})

describe("anbefalinger.xlsx", () => {
  it("one row per recommendation in the overview's order; a formula-like text stays text", async () => {
    const files = unzipSync(await registerWorkbook(rows))
    const strings = strFromU8(files["xl/sharedStrings.xml"]!)
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!)
    expect((sheet.match(/<row /g) ?? []).length).toBe(5)
    expect(sheet).not.toContain("<f>")
    expect(strings).toContain("&apos;=HYPERLINK")
    expect(strings.indexOf("Sundhedsambassadører")).toBeLessThan(strings.indexOf("Tolke i almen praksis"))
  })
})
