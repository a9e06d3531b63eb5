import { slugify } from "@udsagn/danish/Slug"
import { maskPersonalData } from "@udsagn/ingest/Mask"
import type { FileSystem, Path } from "@effect/platform"
import { Effect, Schema } from "effect"
import type { InputFile } from "./AnalysisMeta.js"
import { StorageError } from "./AnalysisStore.js"
import { displayName, UploadRejected } from "./Upload.js"

// An upload's other files: further exports (one analysis of several events) and notes from the
// conference's talks and table discussions (.md, .txt, .docx), kept in the analysis folder's
// `noter/` under names made from the uploaded ones, so a re-run reads the same files.

/** Exports, and notes files, one upload takes. */
export const MAX_UPLOAD_FILES = 10
export const NOTES_DIR = "noter"

/** An analysis' other files, as stored names (StagedUpload, AnalysisMeta). */
export interface Sources {
  readonly moreInputs?: ReadonlyArray<InputFile> | undefined
  readonly notesFiles?: ReadonlyArray<string> | undefined
}

/** Only the fields that are set (for the metadata). */
export const sourcesOf = (s: Sources) => ({
  ...(s.moreInputs !== undefined ? { moreInputs: s.moreInputs } : {}),
  ...(s.notesFiles !== undefined ? { notesFiles: s.notesFiles } : {})
})

/** The pipeline's `moreInputs` and `notes`: the stored files' paths in the analysis folder. */
export const sourcePaths = (path: Path.Path, folder: string, s: Sources) => ({
  ...(s.moreInputs !== undefined ? { moreInputs: s.moreInputs.map((f) => path.join(folder, f)) } : {}),
  ...(s.notesFiles !== undefined ? { notes: s.notesFiles.map((f) => path.join(folder, NOTES_DIR, f)) } : {})
})

export const tooManyFilesMessage =
  `Vælg højst ${MAX_UPLOAD_FILES} filer med svar og højst ${MAX_UPLOAD_FILES} notatfiler ad gangen. Saml svarene i færre filer, og prøv igen.`

export const notesFilePattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.(?:md|txt|docx)$/
/** A stored notes file's name in `noter/`: never a path. */
export const NotesFileName = Schema.String.pipe(Schema.pattern(notesFilePattern))
export type NotesFileName = typeof NotesFileName.Type

/** The stored names, told apart: a second `svar.csv` becomes `svar-2.csv`. */
export const storedNames = <N extends string>(names: ReadonlyArray<N>): ReadonlyArray<N> => {
  const taken = new Set<string>()
  return names.map((name) => {
    const dot = name.lastIndexOf(".")
    let candidate: string = name
    // Stems are short enough for the stored-name patterns with the number added.
    for (let n = 2; taken.has(candidate); n++) candidate = `${name.slice(0, Math.min(dot, 50))}-${n}${name.slice(dot)}`
    taken.add(candidate)
    return candidate as N
  })
}

/** The stored name of a notes file, or undefined when it is not .md, .txt or .docx. */
export const notesFileFor = (clientName: string): NotesFileName | undefined => {
  const base = (clientName.split(/[\\/]/).pop() ?? "").trim().toLowerCase()
  const ext = /\.(md|markdown|txt|docx)$/.exec(base)
  if (ext === null) return undefined
  // From the name with personal data taken out (it is shown in the report and the ledger).
  const stem = maskPersonalData(base.slice(0, -ext[0].length)).text.replace(/\[[^\]]*\]/g, " ")
  const stored = `${slugify(stem, 50, "noter")}.${ext[1] === "markdown" ? "md" : ext[1]}`
  return notesFilePattern.test(stored) ? stored : `noter.${ext[1] === "markdown" ? "md" : ext[1]}`
}

export const wrongNotesTypeMessage = (clientName: string) =>
  `Notatfilen »${displayName(clientName)}« skal være Markdown (.md), tekst (.txt) eller Word (.docx). ` +
  "Gem noterne fra oplæg og drøftelser i et af de formater, og prøv igen."

/** Renames the received notes (`noter/notes-<n>.bin`) to their stored names; an empty field is dropped. */
export const storeNotes = (
  fs: FileSystem.FileSystem,
  path: Path.Path,
  folder: string,
  received: ReadonlyArray<{ readonly name: string; readonly size: number }>
) =>
  Effect.gen(function*() {
    const dir = path.join(folder, NOTES_DIR)
    const chosen = received.flatMap((f, i) => (f.size === 0 && f.name === "" ? [] : [{ ...f, index: i }]))
    for (const f of received.filter((f) => f.size === 0 && f.name === "")) {
      yield* fs.remove(path.join(dir, `notes-${received.indexOf(f)}.bin`)).pipe(Effect.ignore)
    }
    const wrong = chosen.find((f) => notesFileFor(f.name) === undefined)
    if (wrong !== undefined) return yield* new UploadRejected({ status: 400, message: wrongNotesTypeMessage(wrong.name) })
    const names = storedNames(chosen.map((f) => notesFileFor(f.name)!))
    for (const [i, f] of chosen.entries()) {
      yield* fs.rename(path.join(dir, `notes-${f.index}.bin`), path.join(dir, names[i]!)).pipe(
        Effect.mapError((cause) => new StorageError({ cause, action: "gem noterne" }))
      )
    }
    return names
  })
