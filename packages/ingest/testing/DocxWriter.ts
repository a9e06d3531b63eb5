import { strToU8, zipSync } from "fflate"

// Writes a minimal Word document (.docx) as Word lays it out (content types, package
// relationships, word/document.xml in the WordprocessingML namespace): the notes fixtures of the
// tests. Deterministic: fixed zip timestamps.

export interface DocxParagraphSpec {
  readonly text: string
  /** Word's paragraph style, e.g. `Heading1` or `Overskrift2`. */
  readonly style?: string
  /** Text of a tracked deletion inside the paragraph (Word keeps it in w:del; it is not read). */
  readonly deleted?: string
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

const paragraphXml = (p: DocxParagraphSpec) => {
  const style = p.style !== undefined ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ""
  // The text in two runs, as Word splits text where formatting or spell-checking changes.
  const cut = Math.floor(p.text.length / 2)
  const runs = [p.text.slice(0, cut), p.text.slice(cut)]
    .map((t, i) => `<w:r>${i === 1 ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escape(t)}</w:t></w:r>`)
    .join("")
  const deleted = p.deleted !== undefined
    ? `<w:del w:id="1" w:author="x" w:date="2024-12-05T10:00:00Z"><w:r><w:delText>${escape(p.deleted)}</w:delText></w:r></w:del>`
    : ""
  return `<w:p>${style}${runs}${deleted}</w:p>`
}

export const documentXml = (paragraphs: ReadonlyArray<DocxParagraphSpec>) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
  paragraphs.map(paragraphXml).join("") +
  `<w:sectPr/></w:body></w:document>`

/** A .docx with `document` as its word/document.xml (a paragraph list, or raw XML for hostile cases). */
export const writeDocx = (document: ReadonlyArray<DocxParagraphSpec> | string): Uint8Array => {
  const mtime = new Date("2024-12-05T12:00:00Z")
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
      ),
      "_rels/.rels": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
      ),
      "word/document.xml": strToU8(typeof document === "string" ? document : documentXml(document))
    },
    { mtime }
  )
}

/** The table discussions as the tests use them: headings per table, a tracked deletion, personal data. */
export const droeftelserDocx = (): Uint8Array =>
  writeDocx([
    { text: "Drøftelser ved bordene", style: "Title" },
    { text: "Bord 1: Tolkning og sprog", style: "Heading1" },
    {
      text: "Deltagerne ønsker, at tolkebestilling bliver en fast del af indkaldelsen, og at videotolkning kan bruges ved korte samtaler.",
      deleted: "SLETTET TEKST"
    },
    { text: "Ring til sekretariatet på 23 45 67 89 for at få materialet." },
    { text: "Bord 2: Medarbejdere", style: "Overskrift2" },
    { text: "Travlhed og stress gør det svært for medarbejderne at tage sig tid til at forklare; ildsjæle skal have opbakning fra ledelsen." }
  ])
