import { TextDecoder } from "node:util"
import yauzl from "yauzl"
import { xmlParser } from "./Xml.js"

// The paragraphs of a Word document (.docx), read from word/document.xml with the same bounded
// zip and XML reading as an xlsx (XlsxZip.ts, Xml.ts): the central directory is checked before
// anything is inflated, every inflated byte is counted against a limit (headers can lie), and the
// XML goes through saxes, which expands no entities of its own (a DTD "billion laughs" is an error).

/** A paragraph of the document; `heading` when Word's style says it is one (Heading1, Overskrift2…). */
export interface DocxParagraph {
  readonly text: string
  readonly heading: boolean
}

/** Why a .docx could not be read: `corrupt` (not a Word document, or broken), `too-large` (inflates past the limit). */
export class DocxRefused {
  constructor(readonly reason: "corrupt" | "too-large", readonly cause?: unknown) {}
}

const MAX_ENTRIES = 10_000
const DOCUMENT = "word/document.xml"

/** Heading styles as Word names them in English and Danish (Heading1, Overskrift1, Title, Titel). */
const HEADING_STYLE = /^(?:heading|overskrift|title|titel)\s*\d*$/i

/**
 * Reads document.xml's paragraphs as the XML streams in: text runs joined, tabs and breaks as
 * spaces. A paragraph inside another (a text box) is a paragraph of its own, before the one it
 * sits in, which keeps its own text.
 */
const paragraphReader = () => {
  const paragraphs: Array<DocxParagraph> = []
  const open: Array<{ text: Array<string>; heading: boolean }> = []
  let inText = false
  // Text inside deleted runs (tracked changes) and field codes is not what the document says.
  let hidden = 0
  const parser = xmlParser({
    open: (name, attrs) => {
      const current = open[open.length - 1]
      // Self-closing elements are closed right after (Xml.ts), so every open here has its close.
      if (name === "p") open.push({ text: [], heading: false })
      else if (name === "pStyle" && current && HEADING_STYLE.test(attrs.val ?? "")) current.heading = true
      else if (name === "t") inText = true
      else if ((name === "tab" || name === "br" || name === "cr") && current) current.text.push(" ")
      else if (name === "del" || name === "instrText" || name === "delText") hidden++
    },
    close: (name) => {
      if (name === "p") {
        const done = open.pop()
        if (done) paragraphs.push({ text: done.text.join(""), heading: done.heading })
      } else if (name === "t") inText = false
      else if (name === "del" || name === "instrText" || name === "delText") hidden = Math.max(0, hidden - 1)
    },
    text: (text) => {
      const current = open[open.length - 1]
      if (inText && hidden === 0 && current) current.text.push(text)
    }
  })
  return { parser, paragraphs }
}

/**
 * The paragraphs of the .docx held in `bytes`. Fails with DocxRefused when it is not a zip with
 * word/document.xml, when that part is not well-formed XML, or when it inflates past `limit`.
 */
export const docxParagraphs = async (bytes: Uint8Array, limit: number): Promise<ReadonlyArray<DocxParagraph>> => {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: false
    })
  } catch (cause) {
    throw new DocxRefused("corrupt", cause)
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) throw new DocxRefused("corrupt")
    let document: yauzl.Entry | undefined
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.replace(/\\/g, "/").replace(/^\/+/, "") === DOCUMENT) document = entry
    }
    if (document === undefined) throw new DocxRefused("corrupt")
    if (document.uncompressedSize > limit) throw new DocxRefused("too-large")
    const stream = await zip.openReadStreamPromise(document)
    const { parser, paragraphs } = paragraphReader()
    const decoder = new TextDecoder("utf-8")
    let inflated = 0
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length
      if (inflated > limit) {
        stream.destroy()
        throw new DocxRefused("too-large")
      }
      parser.write(decoder.decode(chunk, { stream: true }))
    }
    parser.write(decoder.decode())
    parser.end()
    return paragraphs
  } catch (cause) {
    throw cause instanceof DocxRefused ? cause : new DocxRefused("corrupt", cause)
  } finally {
    zip.close()
  }
}
