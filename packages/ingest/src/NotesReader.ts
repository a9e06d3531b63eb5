import { FileSystem, Path } from "@effect/platform"
import { NotesRead, MaskCounts } from "@udsagn/domain/Ledger"
import { NoteId, NoteParagraph } from "@udsagn/domain/Notes"
import { Data, Effect } from "effect"
import { cleanText, MAX_STATEMENT_CHARS, stripBidi } from "./Clean.js"
import { decodeText } from "./CsvDecode.js"
import { DocxRefused, docxParagraphs } from "./DocxParagraphs.js"
import { baseName } from "./IngestError.js"
import { addCounts, emptyCounts, maskPersonalData } from "./Mask.js"

// The conference's other sources: notes from the talks and the table discussions, as Markdown,
// plain text or Word. Each paragraph is masked and cleaned like a statement; it is categorized
// with the same themes later but never counted as a participant's statement.

/** Notes files larger than this are refused before reading (a day's notes are a few hundred kB). */
export const MAX_NOTES_BYTES = 20 * 1024 * 1024
/** A .docx whose document part inflates past this is refused. */
export const MAX_NOTES_UNPACKED_BYTES = 50 * 1024 * 1024
/** Paragraphs taken from all notes files of one analysis. */
export const MAX_NOTE_PARAGRAPHS = 20_000

export type NotesProblem = "missing" | "unreadable" | "empty" | "too-large" | "type" | "not-text" | "corrupt" | "no-paragraphs" | "too-many"

/** A notes file that cannot be used: one Danish line naming it and what to do. */
export class NotesError extends Data.TaggedError("NotesError")<{
  readonly path: string
  readonly problem: NotesProblem
  readonly cause?: unknown
}> {
  override get message() {
    const name = this.problem === "missing" || this.problem === "unreadable" ? this.path : baseName(this.path)
    switch (this.problem) {
      case "missing":
        return `Notatfilen findes ikke: ${name}. Tjek stavemåden og stien, og prøv igen.`
      case "unreadable":
        return `Notatfilen ${name} kan ikke læses. Tjek at det er en fil (ikke en mappe), og at du har adgang til den.`
      case "empty":
        return `Notatfilen ${name} er tom. Vælg filen med noterne fra oplæg og drøftelser.`
      case "too-large":
        return `Notatfilen ${name} er for stor (højst ${MAX_NOTES_BYTES / (1024 * 1024)} MB, og en Word-fils tekst højst ${MAX_NOTES_UNPACKED_BYTES / (1024 * 1024)} MB). Del noterne op i flere filer.`
      case "type":
        return `Notatfilen ${name} skal være Markdown (.md), tekst (.txt) eller Word (.docx). Gem noterne i et af de formater, og prøv igen.`
      case "not-text":
        return `Notatfilen ${name} er ikke en tekstfil. Gem noterne som Markdown (.md), tekst (.txt) eller Word (.docx).`
      case "corrupt":
        return `Notatfilen ${name} er ikke en gyldig Word-fil (.docx), eller den er beskadiget. Åbn den i Word og gem den igen som .docx.`
      case "no-paragraphs":
        return `Notatfilen ${name} indeholder ingen afsnit med tekst. Vælg filen med noterne fra oplæg og drøftelser.`
      case "too-many":
        return `Noterne har flere end ${MAX_NOTE_PARAGRAPHS.toLocaleString("da-DK")} afsnit (sidst læst: ${name}). Vælg de vigtigste noter.`
    }
  }
}

/** A paragraph as the file gives it: `heading` lines label the paragraphs after them. */
interface RawParagraph {
  readonly text: string
  readonly heading: boolean
}

const BULLET = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/

/** Markdown's inline marks off: links to their text, emphasis and code marks dropped. */
const plainMarkdown = (line: string) =>
  line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/(^|\s)[*_](\S[^*_]*\S|\S)[*_](?=\s|[.,;:!?]|$)/g, "$1$2")

/**
 * Markdown or plain text as paragraphs: blank lines separate them, each list item is one, a
 * `#` heading (or a Setext `===`/`---` underline) labels what follows.
 */
export const textParagraphs = (text: string): ReadonlyArray<RawParagraph> => {
  const out: Array<RawParagraph> = []
  let current: Array<string> = []
  const flush = () => {
    if (current.length > 0) out.push({ text: current.join(" "), heading: false })
    current = []
  }
  const lines = text.replace(/\r\n?/g, "\n").split("\n")
  let fenced = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced
      flush()
      continue
    }
    const heading = fenced ? null : /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    const next = lines[i + 1]
    if (heading) {
      flush()
      out.push({ text: plainMarkdown(heading[1] ?? ""), heading: true })
    } else if (!fenced && current.length === 0 && line.trim() !== "" && next !== undefined && /^\s*(=+|-{2,})\s*$/.test(next)) {
      out.push({ text: plainMarkdown(line.trim()), heading: true })
      i++
    } else if (line.trim() === "" || /^\s*([-*_]\s*){3,}$/.test(line)) flush()
    else if (BULLET.test(line)) {
      flush()
      current.push(plainMarkdown(line.replace(BULLET, "").replace(/^\[[ xX]\]\s+/, "")))
    } else current.push(plainMarkdown(line.replace(/^\s*>\s?/, "").trim()))
  }
  flush()
  return out
}

/** A paragraph longer than a statement may be is split at sentence ends, so nothing is cut off. */
const pieces = (text: string): ReadonlyArray<string> => {
  if (text.length <= MAX_STATEMENT_CHARS) return [text]
  const out: Array<string> = []
  let rest = text
  while (rest.length > MAX_STATEMENT_CHARS) {
    const window = rest.slice(0, MAX_STATEMENT_CHARS)
    const end = Math.max(window.lastIndexOf(". "), window.lastIndexOf("! "), window.lastIndexOf("? "))
    const cut = end > MAX_STATEMENT_CHARS / 2 ? end + 1 : window.lastIndexOf(" ") > 0 ? window.lastIndexOf(" ") : MAX_STATEMENT_CHARS
    out.push(rest.slice(0, cut).trim())
    rest = rest.slice(cut).trim()
  }
  if (rest.length > 0) out.push(rest)
  return out
}

export const noteId = (n: number) => NoteId.make(`n${String(n).padStart(4, "0")}`)

export interface NotesFile {
  readonly paragraphs: ReadonlyArray<NoteParagraph>
  readonly read: NotesRead
}

/**
 * Masked, cleaned, labelled paragraphs from a file's raw paragraphs, numbered from `first`.
 * Headings are labels, not paragraphs; paragraphs with no letters or digits (a lone "–") are left out.
 */
export const notesFrom = (fileName: string, raw: ReadonlyArray<RawParagraph>, first: number): NotesFile => {
  let masked = emptyCounts
  const mask = (text: string) => {
    const m = maskPersonalData(cleanText(text))
    masked = addCounts(masked, m.counts)
    return m.text
  }
  const file = mask(stripBidi(fileName))
  let label = file
  const paragraphs: Array<NoteParagraph> = []
  for (const p of raw) {
    const text = mask(p.text)
    if (!/[\p{L}\p{N}]/u.test(text)) continue
    if (p.heading) {
      label = text
      continue
    }
    for (const piece of pieces(text)) {
      paragraphs.push(new NoteParagraph({ id: noteId(first + paragraphs.length), file, label, text: piece }))
    }
  }
  return { paragraphs, read: new NotesRead({ file, paragraphs: paragraphs.length, masked: new MaskCounts(masked) }) }
}

const TEXT_EXT = new Set([".md", ".markdown", ".txt", ".text"])

/** Reads one notes file (.md, .txt or .docx); its paragraph ids start at `first` (1 for `n0001`). */
export const readNotesFile = (
  fs: FileSystem.FileSystem,
  path: Path.Path,
  file: string,
  first: number
): Effect.Effect<NotesFile, NotesError> =>
  Effect.gen(function*() {
    const fail = (problem: NotesProblem, cause?: unknown) => new NotesError({ path: file, problem, cause })
    const ext = path.extname(file).toLowerCase()
    if (ext !== ".docx" && !TEXT_EXT.has(ext)) return yield* fail("type")
    const info = yield* fs.stat(file).pipe(
      Effect.mapError((cause) => fail(cause._tag === "SystemError" && cause.reason === "NotFound" ? "missing" : "unreadable", cause))
    )
    if (info.type !== "File") return yield* fail("unreadable")
    if (Number(info.size) === 0) return yield* fail("empty")
    if (Number(info.size) > MAX_NOTES_BYTES) return yield* fail("too-large")
    const bytes = yield* fs.readFile(file).pipe(Effect.mapError((cause) => fail("unreadable", cause)))
    let raw: ReadonlyArray<RawParagraph>
    if (ext === ".docx") {
      raw = yield* Effect.tryPromise({
        try: () => docxParagraphs(bytes, MAX_NOTES_UNPACKED_BYTES),
        catch: (cause) => fail(cause instanceof DocxRefused && cause.reason === "too-large" ? "too-large" : "corrupt", cause)
      })
    } else {
      const decoded = decodeText(bytes)
      if (decoded === undefined) return yield* fail("not-text")
      raw = textParagraphs(decoded.text)
    }
    const notes = notesFrom(path.basename(file), raw, first)
    if (notes.paragraphs.length === 0) return yield* fail("no-paragraphs")
    return notes
  })

/** Reads every notes file in order, numbering their paragraphs `n0001`, `n0002`, … across files. */
export const readNotes = (
  fs: FileSystem.FileSystem,
  path: Path.Path,
  files: ReadonlyArray<string>
): Effect.Effect<ReadonlyArray<NotesFile>, NotesError> =>
  Effect.gen(function*() {
    const out: Array<NotesFile> = []
    let next = 1
    for (const file of files) {
      const notes = yield* readNotesFile(fs, path, file, next)
      next += notes.paragraphs.length
      if (next - 1 > MAX_NOTE_PARAGRAPHS) return yield* new NotesError({ path: file, problem: "too-many" })
      out.push(notes)
    }
    return out
  })
