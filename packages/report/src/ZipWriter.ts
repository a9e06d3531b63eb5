import { once } from "node:events"
import type { Writable } from "node:stream"
import * as zlib from "node:zlib"

// A zip archive written entry by entry to a stream (what an .xlsx is): each entry deflated as its
// text is made, so a large sheet is never held whole, only its compressed bytes until the entry's
// header (which carries their size and checksum) can be written before them.

const CRC_TABLE = (() => {
  const table = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
})()

/** CRC-32 by table, for a Node without zlib.crc32 (exported for its test). */
export const crc32Js = (bytes: Uint8Array, crc: number): number => {
  let c = ~crc
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return ~c >>> 0
}

/** CRC-32 of `bytes` continuing `crc` (zlib's own from Node 20.15, else the table above). */
export const crc32: (bytes: Uint8Array, crc?: number) => number = typeof zlib.crc32 === "function"
  ? (bytes, crc = 0) => zlib.crc32(bytes, crc)
  : (bytes, crc = 0) => crc32Js(bytes, crc)

interface Entry {
  readonly name: Buffer
  readonly crc: number
  readonly compressed: number
  readonly size: number
  readonly offset: number
}

// MS-DOS date and time of the archive's entries.
const dosTime = (d: Date) => (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2)
const dosDate = (d: Date) => ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()

const MAX_32 = 0xffffffff
// Text is handed to deflate in pieces of about this many characters.
const PIECE = 1 << 18

export class ZipWriter {
  private offset = 0
  private readonly entries: Array<Entry> = []
  private readonly time: number
  private readonly date: number

  constructor(private readonly out: Writable, readonly level = 1, when = new Date()) {
    this.time = dosTime(when)
    this.date = dosDate(when)
  }

  private async write(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length
    if (!this.out.write(bytes)) await once(this.out, "drain")
  }

  /** Adds an entry whose text is the pieces of `text`, in order (UTF-8). */
  async add(name: string, text: Iterable<string>): Promise<void> {
    const deflate = zlib.createDeflateRaw({ level: this.level })
    const compressed: Array<Buffer> = []
    deflate.on("data", (b: Buffer) => compressed.push(b))
    const ended = once(deflate, "end")
    let crc = 0
    let size = 0
    let pending = ""
    const flush = async () => {
      const bytes = Buffer.from(pending, "utf8")
      pending = ""
      crc = crc32(bytes, crc)
      size += bytes.length
      if (!deflate.write(bytes)) await once(deflate, "drain")
    }
    for (const piece of text) {
      pending += piece
      if (pending.length >= PIECE) await flush()
    }
    if (pending.length > 0) await flush()
    deflate.end()
    await ended
    const compressedSize = compressed.reduce((n, b) => n + b.length, 0)
    if (size > MAX_32 || compressedSize > MAX_32 || this.offset > MAX_32) throw new Error(`${name}: too large for a zip without ZIP64`)
    const nameBytes = Buffer.from(name, "utf8")
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4) // version needed: deflate
    header.writeUInt16LE(0x0800, 6) // names in UTF-8
    header.writeUInt16LE(8, 8) // deflate
    header.writeUInt16LE(this.time, 10)
    header.writeUInt16LE(this.date, 12)
    header.writeUInt32LE(crc, 14)
    header.writeUInt32LE(compressedSize, 18)
    header.writeUInt32LE(size, 22)
    header.writeUInt16LE(nameBytes.length, 26)
    header.writeUInt16LE(0, 28)
    this.entries.push({ name: nameBytes, crc, compressed: compressedSize, size, offset: this.offset })
    await this.write(header)
    await this.write(nameBytes)
    for (const b of compressed) await this.write(b)
  }

  /** Writes the central directory; the archive is then complete (the stream is left open). */
  async finish(): Promise<void> {
    const start = this.offset
    for (const e of this.entries) {
      const h = Buffer.alloc(46)
      h.writeUInt32LE(0x02014b50, 0)
      h.writeUInt16LE(20, 4) // made by: version 2.0
      h.writeUInt16LE(20, 6)
      h.writeUInt16LE(0x0800, 8)
      h.writeUInt16LE(8, 10)
      h.writeUInt16LE(this.time, 12)
      h.writeUInt16LE(this.date, 14)
      h.writeUInt32LE(e.crc, 16)
      h.writeUInt32LE(e.compressed, 20)
      h.writeUInt32LE(e.size, 24)
      h.writeUInt16LE(e.name.length, 28)
      // extra, comment, disk, internal and external attributes: 0
      h.writeUInt32LE(e.offset, 42)
      await this.write(h)
      await this.write(e.name)
    }
    const size = this.offset - start
    if (this.offset > MAX_32 || this.entries.length > 0xffff) throw new Error("too large for a zip without ZIP64")
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(this.entries.length, 8)
    end.writeUInt16LE(this.entries.length, 10)
    end.writeUInt32LE(size, 12)
    end.writeUInt32LE(start, 16)
    await this.write(end)
  }
}
