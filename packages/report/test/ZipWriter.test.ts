import { describe, expect, it } from "vitest"
import { Writable } from "node:stream"
import * as zlib from "node:zlib"
import { crc32, crc32Js, ZipWriter } from "../src/ZipWriter.js"

// The archive is read back here by its own directory, as any unzip program reads it.
const entriesOf = (zip: Buffer): Map<string, string> => {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  expect(end).toBe(zip.length - 22)
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  expect(at + zip.readUInt32LE(end + 12)).toBe(end)
  const out = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50)
    const crc = zip.readUInt32LE(at + 16)
    const compressed = zip.readUInt32LE(at + 20)
    const size = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8")
    expect(zip.readUInt32LE(local)).toBe(0x04034b50)
    expect(zip.readUInt32LE(local + 14)).toBe(crc)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zlib.inflateRawSync(zip.subarray(start, start + compressed))
    expect(data.length).toBe(size)
    expect(zlib.crc32(data)).toBe(crc)
    out.set(name, data.toString("utf8"))
    at += 46 + nameLength
  }
  return out
}

const write = async (entries: ReadonlyArray<readonly [string, ReadonlyArray<string>]>): Promise<Buffer> => {
  const chunks: Array<Buffer> = []
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      chunks.push(chunk)
      done()
    }
  })
  const zip = new ZipWriter(sink)
  for (const [name, text] of entries) await zip.add(name, text)
  await zip.finish()
  return Buffer.concat(chunks)
}

describe("ZipWriter", () => {
  it("writes entries an unzip program reads back, large and small, in UTF-8", async () => {
    // Bigger than one deflate piece, split in many: a sheet's rows.
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i}"><c><v>Pårørende ${i} 🎬 &amp;</v></c></row>`)
    const zip = await write([["xl/worksheets/sheet1.xml", rows], ["[Content_Types].xml", ["<Types/>"]], ["tom.xml", []], ["æøå/navn.xml", ["ø"]]])
    const back = entriesOf(zip)
    expect([...back.keys()]).toEqual(["xl/worksheets/sheet1.xml", "[Content_Types].xml", "tom.xml", "æøå/navn.xml"])
    expect(back.get("xl/worksheets/sheet1.xml")).toBe(rows.join(""))
    expect(back.get("tom.xml")).toBe("")
    expect(back.get("æøå/navn.xml")).toBe("ø")
  })

  it("computes zlib's CRC-32, continued across pieces", () => {
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))
    expect(crc32(bytes)).toBe(zlib.crc32(bytes))
    expect(crc32(bytes.subarray(1234), crc32(bytes.subarray(0, 1234)))).toBe(zlib.crc32(bytes))
    expect(crc32(new Uint8Array(0))).toBe(0)
    // The table for a Node without zlib.crc32 gives the same.
    expect(crc32Js(bytes, 0)).toBe(zlib.crc32(bytes))
    expect(crc32Js(bytes.subarray(1234), crc32Js(bytes.subarray(0, 1234), 0))).toBe(zlib.crc32(bytes))
  })
})
