import { NodeContext } from "@effect/platform-node"
import { FileSystem, Path } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, truncateSync, writeFileSync, closeSync, openSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { createDeflateRaw } from "node:zlib"
import { MAX_FILE_BYTES, readExport } from "../src/ExportReader.js"
import { read, fixture, TestLayer } from "./helpers.js"

const MB = 1024 * 1024
const pkgDir = fileURLToPath(new URL("../", import.meta.url))

/** Read `file` in a child process; its outcome and peak RSS. */
const readInChild = (file: string) => {
  const out = execFileSync(process.execPath, ["--import", "tsx", "test/readInChild.ts", file], {
    cwd: pkgDir,
    encoding: "utf8",
    timeout: 60_000,
    stdio: ["ignore", "pipe", "pipe"]
  })
  return JSON.parse(out.trim().split("\n").pop()!) as { ok: boolean; tag: string; message: string; maxRssMB: number }
}

/** A zip with one sheet of `actual` space bytes whose headers claim `declared` bytes. */
const lyingZip = async (actual: number, declared: number): Promise<Buffer> => {
  const deflate = createDeflateRaw({ level: 9 })
  const chunks: Array<Buffer> = []
  deflate.on("data", (c: Buffer) => chunks.push(c))
  const done = new Promise((resolve) => deflate.on("end", resolve))
  const block = Buffer.alloc(MB, 0x20)
  for (let written = 0; written < actual; written += MB) {
    if (!deflate.write(block)) await new Promise((r) => deflate.once("drain", r))
  }
  deflate.end()
  await done
  const data = Buffer.concat(chunks)
  const name = Buffer.from("xl/worksheets/sheet1.xml")
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt16LE(0x21, 12)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(declared, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt16LE(0x21, 14)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(declared, 24)
  central.writeUInt16LE(name.length, 28)
  const cdOffset = local.length + name.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(cdOffset, 16)
  return Buffer.concat([local, name, data, central, name, end])
}

describe("limits", () => {
  it("a decompression bomb (made here: ~400 KB that honestly inflates to 400 MB) is refused without passing ~500 MB of memory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
    try {
      const file = join(dir, "decompression-bomb.xlsx")
      writeFileSync(file, await lyingZip(400 * MB, 400 * MB))
      const r = readInChild(file)
      expect(r.tag).toBe("TooLargeWhenUnpacked")
      expect(r.message).toContain("decompression-bomb.xlsx")
      expect(r.maxRssMB).toBeLessThan(500)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it("a zip whose headers understate its size is cut off while inflating, memory bounded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
    try {
      // Claims 150 MB (under the 200 MB limit), inflates to 400 MB.
      const file = join(dir, "lying.xlsx")
      writeFileSync(file, await lyingZip(400 * MB, 150 * MB))
      const r = readInChild(file)
      expect(r.ok).toBe(false)
      expect(["CorruptWorkbook", "TooLargeWhenUnpacked"]).toContain(r.tag)
      expect(r.maxRssMB).toBeLessThan(500)
      // Claims 4 KB: stopped at once.
      writeFileSync(file, await lyingZip(50 * MB, 4096))
      const small = readInChild(file)
      expect(small.tag).toBe("CorruptWorkbook")
      expect(small.maxRssMB).toBeLessThan(300)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it.effect("a file over 50 MB is refused before it is read", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      const file = join(dir, "stor.csv")
      closeSync(openSync(file, "w"))
      truncateSync(file, MAX_FILE_BYTES + 1) // sparse: no disk, and reading it would take a while
      const started = Date.now()
      const error = yield* Effect.flip(read(file))
      rmSync(dir, { recursive: true, force: true })
      expect(error._tag).toBe("FileTooLarge")
      expect(error.message).toContain("grænsen er 50 MB")
      expect(Date.now() - started).toBeLessThan(1_000)
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("both limits apply to real files (lowered limits)", () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const file = fixture("menti-alle-slidetyper.xlsx")
      const tooBig = yield* Effect.flip(readExport(fs, path, file, {}, { maxFileBytes: 10_000, maxUnpackedBytes: 200 * MB }))
      expect(tooBig._tag).toBe("FileTooLarge")
      const unpacked = yield* Effect.flip(readExport(fs, path, file, {}, { maxFileBytes: 50 * MB, maxUnpackedBytes: 50_000 }))
      expect(unpacked._tag).toBe("TooLargeWhenUnpacked")
      const fine = yield* readExport(fs, path, file, {}, { maxFileBytes: 50 * MB, maxUnpackedBytes: 200_000 })
      expect(fine.statements.length).toBe(175)
    }).pipe(Effect.provide(NodeContext.layer)), 30_000)
})
