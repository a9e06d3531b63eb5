import { FileSystem, Path } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { strToU8, zipSync } from "fflate"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DocxRefused, docxParagraphs } from "../src/DocxParagraphs.js"
import { readNotes, textParagraphs } from "../src/NotesReader.js"
import { droeftelserDocx, documentXml, writeDocx } from "../testing/DocxWriter.js"
import { fixture } from "./helpers.js"

// Notes from talks and table discussions: the project's own notes fixture (test/fixtures/notes)
// and Word documents written here, read through the real reader.

const withFiles = (files: Record<string, Uint8Array | string>) => {
  const dir = mkdtempSync(join(tmpdir(), "udsagn-notes-"))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return (name: string) => join(dir, name)
}

const read = (files: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    return yield* readNotes(yield* FileSystem.FileSystem, yield* Path.Path, files)
  }).pipe(Effect.provide(NodeContext.layer))

const failure = (files: ReadonlyArray<string>) =>
  read(files).pipe(Effect.flip, Effect.map((e) => ({ problem: e.problem, message: e.message })))

describe("textParagraphs", () => {
  it("splits at blank lines, takes each list item apart, and marks # and underlined headings", () => {
    const got = textParagraphs(
      "# Dagen\n\nFørste linje\nfortsætter her.\n\n- punkt **et**\n- [punkt to](https://x.dk)\n\nTitel\n=====\nTekst under.\n\n---\n\n```\nkode\n```"
    )
    expect(got).toEqual([
      { text: "Dagen", heading: true },
      { text: "Første linje fortsætter her.", heading: false },
      { text: "punkt et", heading: false },
      { text: "punkt to", heading: false },
      { text: "Titel", heading: true },
      { text: "Tekst under.", heading: false },
      { text: "kode", heading: false }
    ])
  })
})

describe("readNotes", () => {
  it.effect("reads the project's Markdown notes: headings label the paragraphs, personal data is masked", () =>
    Effect.gen(function*() {
      const [notes] = yield* read([fixture("notes/oplaeg.md")])
      const paragraphs = notes!.paragraphs
      expect(paragraphs.map((p) => p.id)).toEqual(paragraphs.map((_, i) => `n${String(i + 1).padStart(4, "0")}`))
      expect(paragraphs).toHaveLength(8)
      expect(paragraphs[0]!.text).toContain("[e-mail]")
      expect(paragraphs[0]!.text).toContain("[telefon]")
      expect(paragraphs.map((p) => p.text).join(" ")).not.toMatch(/tove\.jensen@|87 28 50 00/)
      expect(paragraphs[2]!.label).toBe("Oplæg: Organisatorisk sundhedskompetence i praksis")
      expect(paragraphs[2]!.text).toMatch(/^Tolke bør bestilles automatisk/)
      expect(paragraphs[7]!).toMatchObject({ label: "Drøftelser ved bordene", text: "Sundhed.dk er svær at finde rundt i for mange borgere." })
      expect(notes!.read).toMatchObject({ file: "oplaeg.md", paragraphs: 8, masked: { email: 1, phone: 1 } })
    }))

  it.effect("reads a Word document's paragraphs: heading styles label, tracked deletions are left out, numbering continues across files", () =>
    Effect.gen(function*() {
      const file = withFiles({ "droeftelser.docx": droeftelserDocx() })
      const [md, docx] = yield* read([fixture("notes/oplaeg.md"), file("droeftelser.docx")])
      expect(md!.paragraphs).toHaveLength(8)
      expect(docx!.paragraphs.map((p) => [p.id, p.label])).toEqual([
        ["n0009", "Bord 1: Tolkning og sprog"],
        ["n0010", "Bord 1: Tolkning og sprog"],
        ["n0011", "Bord 2: Medarbejdere"]
      ])
      expect(docx!.paragraphs[0]!.text).toMatch(/^Deltagerne ønsker, at tolkebestilling/)
      expect(docx!.paragraphs.map((p) => p.text).join(" ")).not.toContain("SLETTET")
      expect(docx!.paragraphs[1]!.text).toBe("Ring til sekretariatet på [telefon] for at få materialet.")
    }))

  it.effect("refuses bad notes files, each in one Danish line naming the file", () =>
    Effect.gen(function*() {
      const file = withFiles({
        "tom.md": "",
        "noter.pdf": "%PDF-1.4",
        "kun-overskrifter.md": "# Overskrift\n\n## Endnu en\n\n—\n",
        "binaer.txt": new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0, 7, 8]),
        "ikke-word.docx": "Dette er bare tekst",
        "uden-dokument.docx": zipSync({ "word/styles.xml": strToU8("<w:styles/>") }),
        "odelagt.docx": writeDocx("<w:document><w:body><w:p><w:r><w:t>uafsluttet"),
        "laughs.docx": writeDocx(
          `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>` +
            `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`
        )
      })
      const cases: Array<[string, string, RegExp]> = [
        ["findes-ikke.md", "missing", /^Notatfilen findes ikke: .*findes-ikke\.md\./],
        ["tom.md", "empty", /^Notatfilen tom\.md er tom\./],
        ["noter.pdf", "type", /^Notatfilen noter\.pdf skal være Markdown \(\.md\), tekst \(\.txt\) eller Word \(\.docx\)/],
        ["kun-overskrifter.md", "no-paragraphs", /ingen afsnit med tekst/],
        ["binaer.txt", "not-text", /er ikke en tekstfil/],
        ["ikke-word.docx", "corrupt", /ikke en gyldig Word-fil/],
        ["uden-dokument.docx", "corrupt", /ikke en gyldig Word-fil/],
        ["odelagt.docx", "corrupt", /ikke en gyldig Word-fil/],
        ["laughs.docx", "corrupt", /ikke en gyldig Word-fil/]
      ]
      for (const [name, problem, message] of cases) {
        const got = yield* failure([fixture("notes/oplaeg.md"), file(name)])
        expect(got.problem, name).toBe(problem)
        expect(got.message, name).toMatch(message)
        expect(got.message.split("\n"), name).toHaveLength(1)
      }
    }))
})

describe("docxParagraphs", () => {
  it("reads a text box inside a paragraph as a paragraph of its own, and keeps the paragraph around it whole", async () => {
    const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
    const xml = `<w:document ${w}><w:body><w:p/><w:p><w:r><w:t>Før boksen, </w:t></w:r><w:r><w:pict><w:txbxContent>` +
      `<w:p><w:r><w:t>I boksen</w:t></w:r></w:p></w:txbxContent></w:pict></w:r><w:r><w:t>efter boksen.</w:t></w:r></w:p>` +
      `<w:p><w:r><w:delText>væk</w:delText><w:t>Sidste</w:t></w:r></w:p></w:body></w:document>`
    expect((await docxParagraphs(writeDocx(xml), 1024 * 1024)).map((p) => p.text)).toEqual(["", "I boksen", "Før boksen, efter boksen.", "Sidste"])
  })

  it("refuses a document whose text is larger than the limit", async () => {
    const big = writeDocx(documentXml(Array.from({ length: 2000 }, (_, i) => ({ text: `Afsnit ${i} `.repeat(20) }))))
    await expect(docxParagraphs(big, 64 * 1024)).rejects.toEqual(new DocxRefused("too-large"))
    expect((await docxParagraphs(big, 10 * 1024 * 1024)).length).toBe(2000)
  })
})
