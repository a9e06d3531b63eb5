import { Effect } from "effect"
import { TextDecoder } from "node:util"
import yauzl from "yauzl"
import { CorruptWorkbook, TooLargeWhenUnpacked } from "./IngestError.js"
import { partReader, type XlsxPart } from "./XlsxPart.js"

/** Refuse an xlsx whose parts would inflate past this (checked in the central directory and while inflating). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024
const MAX_ENTRIES = 10_000

// Parts that never hold cell values: not inflated at all.
const SKIP = /^(?:xl\/(?:theme|media|drawings|charts|printerSettings|externalLinks|pivotCache|pivotTables|embeddings|diagrams|ctrlProps|activeX|customXml)\/|docProps\/|customXml\/|xl\/styles\.xml$|xl\/vbaProject)/i

/**
 * Inflate and read the XML parts of an xlsx held in memory, refusing before inflating when the
 * central directory declares more than `limit` bytes, and counting the bytes actually inflated
 * (headers can lie) so a crafted file is cut off at the limit instead of filling memory. Each
 * part is parsed as it inflates; only what it says is kept, not its text.
 */
export const unzipXlsx = (bytes: Uint8Array, path: string, limit: number = MAX_UNPACKED_BYTES) =>
  Effect.tryPromise({
    try: async (signal): Promise<ReadonlyMap<string, XlsxPart>> => {
      const zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        lazyEntries: true,
        decodeStrings: true,
        validateEntrySizes: true,
        strictFileNames: false
      })
      try {
        const entries = await listEntries(zip, path, limit)
        const budget = { inflated: 0, limit, path }
        const parts = new Map<string, XlsxPart>()
        for (const entry of entries) {
          if (signal.aborted) break
          const name = entry.fileName.replace(/\\/g, "/").replace(/^\/+/, "")
          if (name.endsWith("/") || SKIP.test(name) || !/\.(?:xml|rels)$/i.test(name)) continue
          parts.set(name, await readEntry(zip, entry, budget))
        }
        return parts
      } finally {
        zip.close()
      }
    },
    catch: (cause) => (cause instanceof Refused ? cause.error : new CorruptWorkbook({ path, cause }))
  })

class Refused {
  constructor(readonly error: TooLargeWhenUnpacked | CorruptWorkbook) {}
}

/** The central directory, refused when it lists too many entries or declares too many bytes. */
const listEntries = async (zip: yauzl.ZipFile, path: string, limit: number) => {
  if (zip.entryCount > MAX_ENTRIES) throw new Refused(new CorruptWorkbook({ path }))
  const entries: Array<yauzl.Entry> = []
  let declared = 0
  for await (const entry of zip.eachEntry()) {
    declared += entry.uncompressedSize
    entries.push(entry)
  }
  if (declared > limit) throw new Refused(new TooLargeWhenUnpacked({ path, bytes: declared, limit }))
  return entries
}

/** Inflate one part into its reader, counting every byte against the budget shared by all parts. */
const readEntry = async (
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: { inflated: number; readonly limit: number; readonly path: string }
): Promise<XlsxPart> => {
  const stream = await zip.openReadStreamPromise(entry)
  const reader = partReader()
  let decoder: TextDecoder | undefined
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.inflated += chunk.length
    if (budget.inflated > budget.limit) {
      stream.destroy()
      throw new Refused(new TooLargeWhenUnpacked({ path: budget.path, bytes: budget.inflated, limit: budget.limit }))
    }
    decoder ??= decoderFor(chunk)
    // Once the part is known to be of no use (or broken), the rest is still inflated and
    // counted: the zip's sizes are checked, but the text is no longer parsed.
    if (reader.wanted()) reader.write(decoder.decode(chunk, { stream: true }))
  }
  if (decoder && reader.wanted()) reader.write(decoder.decode())
  return reader.end()
}

/** XML parts are UTF-8 (a BOM is dropped) unless a UTF-16 BOM says otherwise. */
const decoderFor = (first: Uint8Array): TextDecoder =>
  first[0] === 0xff && first[1] === 0xfe
    ? new TextDecoder("utf-16le")
    : first[0] === 0xfe && first[1] === 0xff
    ? new TextDecoder("utf-16be")
    : new TextDecoder("utf-8")
