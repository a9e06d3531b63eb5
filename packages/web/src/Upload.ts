import { badDateMessage, cleanTitle, isIsoDate } from "@udsagn/conference-feedback/EventDetails"
import { slugify } from "@udsagn/danish/Slug"
import { maskPersonalData } from "@udsagn/ingest/Mask"
import { FileSystem, HttpServerRequest, Multipart, Path } from "@effect/platform"
import { decodeThemeText } from "@udsagn/categorize/ThemeFile"
import { Data, Effect, Either, Option, Stream } from "effect"
import { type InputFile, inputFilePattern } from "./AnalysisMeta.js"
import { MAX_UPLOAD_FILES, NOTES_DIR, storedNames, storeNotes, tooManyFilesMessage } from "./UploadSources.js"
import type { StagedUpload } from "./Analyses.js"
import { AnalysisStore, StorageError } from "./AnalysisStore.js"
import { newAnalysisId } from "./Ids.js"
import { ThemeStore } from "./ThemeStore.js"
import { WebConfig } from "./WebConfig.js"

/** Why a theme file's text cannot be used (Danish, without the file's name), or undefined. */
const themeFileProblem = (text: string) => {
  const decoded = decodeThemeText(text)
  return Either.isLeft(decoded) ? decoded.left : undefined
}

/** An upload the server refuses; `status` is the HTTP status, `message` is for the user. */
export class UploadRejected extends Data.TaggedError("UploadRejected")<{
  readonly status: 400 | 413
  readonly message: string
  readonly cause?: unknown
}> {}

export const tooLargeMessage = (maxBytes: number) =>
  `Filen er for stor. Den må højst fylde ${Math.floor(maxBytes / (1024 * 1024))} MB.`

export const noFileMessage = "Vælg en fil med svarene fra Mentimeter (Excel .xlsx eller CSV .csv)."

/**
 * The stored name: the validated extension, and a stem reduced to ASCII letters, digits and
 * dashes (the reader makes the report title from it, e.g. "Konference 5. december 2024").
 * No dots, slashes or other characters survive, so it can never reach outside the folder.
 */
export const inputFileFor = (clientName: string): InputFile | undefined => {
  const base = (clientName.split(/[\\/]/).pop() ?? "").trim().toLowerCase()
  const ext = base.endsWith(".xlsx") ? "xlsx" : base.endsWith(".csv") ? "csv" : undefined
  if (ext === undefined) return undefined
  // From the name with personal data taken out: it becomes the default title and file names.
  const stem = maskPersonalData(base.slice(0, -(ext.length + 1))).text.replace(/\[[^\]]*\]/g, " ")
  const name = `${slugify(stem, 60, "konference")}.${ext}`
  return inputFilePattern.test(name) ? name : `konference.${ext}`
}

export const wrongTypeMessage = (clientName: string) =>
  `»${displayName(clientName)}« er hverken en Excel-fil (.xlsx) eller en CSV-fil (.csv). ` +
  "Hent svarene fra Mentimeter som Excel (Download results → Excel), og prøv igen."

/** The client's file name, tamed for display (it is escaped again wherever it is shown). */
export const displayName = (clientName: string) => {
  // Browsers on Windows may send a full path; keep the last part, drop control characters.
  const base = clientName.split(/[\\/]/).pop() ?? ""
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim()
  // Shown on every page and in the API: a phone number or e-mail address in a file name is masked
  // like any other field.
  const masked = maskPersonalData(clean).text
  return masked.length > 120 ? `${masked.slice(0, 117)}...` : masked || "uden navn"
}

/**
 * A title and date from a form or the API: blank is "take it from the export"; a date that is
 * not YYYY-MM-DD is refused with one Danish line (400).
 */
export const eventDetailsOf = (title: string | undefined, date: string | undefined) => {
  const t = cleanTitle(title ?? "")
  const d = (date ?? "").trim()
  if (d !== "" && !isIsoDate(d)) return Effect.fail(new UploadRejected({ status: 400, message: badDateMessage(d) }))
  return Effect.succeed({ ...(t !== "" ? { title: t } : {}), ...(d !== "" ? { date: d } : {}) })
}

// A limit hit inside a file part surfaces from the part's stream as an InternalError
// whose cause is the parser's ReachedLimit.
const isSizeLimit = (e: Multipart.MultipartError) =>
  e.reason === "FileTooLarge" || e.reason === "BodyTooLarge" ||
  (typeof e.cause === "object" && e.cause !== null && (e.cause as { _tag?: unknown })._tag === "ReachedLimit" &&
    (e.cause as { limit?: unknown }).limit !== "MaxParts")

const uploadFailed = "Filen kunne ikke modtages. Prøv at uploade den igen."

/**
 * Reads a multipart upload (field `file`, optional `themes`) straight into a new, unlisted
 * folder, enforcing the size limit while the bytes stream in. On any failure the folder
 * is removed.
 */
export const receiveUpload = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const config = yield* WebConfig
  const store = yield* AnalysisStore
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const themeStore = yield* ThemeStore
  const max = config.maxUploadBytes
  const tooLarge = new UploadRejected({ status: 413, message: tooLargeMessage(max) })

  // Refuse early when the client says up front that the body is too big.
  const declared = Number(request.headers["content-length"] ?? "NaN")
  if (Number.isFinite(declared) && declared > max + 1024 * 1024) return yield* tooLarge
  const contentType = request.headers["content-type"] ?? ""
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    return yield* new UploadRejected({ status: 400, message: noFileMessage })
  }
  // The parser throws (a defect) on a boundary RFC 2046 does not allow; refuse it first.
  const boundary = /boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType)
  if (boundary === null || !/^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/.test(boundary[1] ?? boundary[2] ?? "")) {
    return yield* new UploadRejected({ status: 400, message: uploadFailed })
  }

  const id = newAnalysisId()
  const folder = yield* store.stage(id)
  // Several exports make one analysis; notes from talks and discussions come beside them.
  const inputs: Array<{ name: string; size: number }> = []
  const notes: Array<{ name: string; size: number }> = []
  let themes: { name: string; size: number } | undefined
  const fields = new Map<string, string>()
  let tooMany = false

  const save = (part: Multipart.File, target: string) =>
    Effect.gen(function*() {
      let size = 0
      yield* part.content.pipe(
        Stream.mapError((e): Multipart.MultipartError | UploadRejected => e),
        // Counted here too, so the limit holds whatever the parser's settings.
        Stream.tap((chunk) => {
          size += chunk.length
          return size > max ? Effect.fail(tooLarge) : Effect.void
        }),
        Stream.run(fs.sink(target))
      )
      return size
    })

  const receive = request.multipartStream.pipe(
    Stream.runForEach((part) =>
      Effect.gen(function*() {
        // The title and date typed on the form (`title`, `date`), first of each.
        if (part._tag === "Field") {
          if ((part.key === "title" || part.key === "date") && !fields.has(part.key)) fields.set(part.key, part.value)
          return
        }
        if (part.key === "file" && inputs.length < MAX_UPLOAD_FILES) {
          const size = yield* save(part, path.join(folder, `upload-${inputs.length}.bin`))
          inputs.push({ name: part.name, size })
        } else if (part.key === "notes" && notes.length < MAX_UPLOAD_FILES) {
          if (notes.length === 0) yield* fs.makeDirectory(path.join(folder, NOTES_DIR)).pipe(Effect.mapError((cause) => new StorageError({ cause, action: "gem noterne" })))
          const size = yield* save(part, path.join(folder, NOTES_DIR, `notes-${notes.length}.bin`))
          notes.push({ name: part.name, size })
        } else if (part.key === "file" || part.key === "notes") {
          tooMany = true
          yield* Stream.runDrain(part.content)
        } else if (part.key === "themes" && themes === undefined) {
          const size = yield* save(part, path.join(folder, "themes.upload"))
          themes = { name: part.name, size }
        } else {
          yield* Stream.runDrain(part.content)
        }
      })
    ),
    // A browser sends a .json file as `application/json`, which the parser by default reads as a
    // text field, not a file: the theme file was silently dropped. Every part with a file name is a file.
    Multipart.withFieldMimeTypes([]),
    Multipart.withLimits({
      maxParts: Option.some(2 * MAX_UPLOAD_FILES + 10),
      maxFieldSize: 64 * 1024,
      maxFileSize: Option.some(max),
      maxTotalSize: Option.some(max + 1024 * 1024)
    })
  )

  const staged = Effect.gen(function*() {
    yield* receive.pipe(
      Effect.catchTags({
        MultipartError: (e) =>
          Effect.fail(
            isSizeLimit(e)
              ? tooLarge
              : new UploadRejected({ status: 400, message: uploadFailed, cause: e })
          ),
        SystemError: (cause) => Effect.die(cause),
        BadArgument: (cause) => Effect.die(cause)
      }),
      // Anything else the parser throws comes from a malformed request, not from us.
      Effect.catchAllDefect((cause) => Effect.fail(new UploadRejected({ status: 400, message: uploadFailed, cause })))
    )
    if (tooMany) return yield* new UploadRejected({ status: 400, message: tooManyFilesMessage })
    // A form with no file chosen still sends an empty part with an empty name.
    const chosen = inputs.flatMap((f, i) => (f.size === 0 && f.name === "" ? [] : [{ ...f, index: i }]))
    if (chosen.length === 0) return yield* new UploadRejected({ status: 400, message: noFileMessage })
    const wrong = chosen.find((f) => inputFileFor(f.name) === undefined)
    if (wrong !== undefined) return yield* new UploadRejected({ status: 400, message: wrongTypeMessage(wrong.name) })
    const [inputFile, ...moreInputs] = storedNames(chosen.map((f) => inputFileFor(f.name)!))
    for (const [i, f] of chosen.entries()) {
      yield* fs.rename(path.join(folder, `upload-${f.index}.bin`), path.join(folder, i === 0 ? inputFile! : moreInputs[i - 1]!)).pipe(
        Effect.mapError((cause) => new StorageError({ cause, action: "gem filen" }))
      )
    }
    const notesFiles = yield* storeNotes(fs, path, folder, notes)
    let themesFile: "themes.json" | undefined
    if (themes !== undefined && !(themes.size === 0 && themes.name === "")) {
      if (!themes.name.toLowerCase().endsWith(".json")) {
        return yield* new UploadRejected({
          status: 400,
          message: `Temafilen »${displayName(themes.name)}« skal være en JSON-fil (.json). Lad feltet stå tomt for at bruge temaerne fra siden Temaer.`
        })
      }
      // Checked now, so a wrong file is refused at once in Danish, never run or ignored.
      const text = yield* fs.readFileString(path.join(folder, "themes.upload")).pipe(
        Effect.mapError((cause) => new StorageError({ cause, action: "læs temafilen" }))
      )
      const problem = themeFileProblem(text)
      if (problem !== undefined) {
        return yield* new UploadRejected({
          status: 400,
          message: `Temafilen »${displayName(themes.name)}« kan ikke bruges: ${problem}. Ret den, eller lad feltet stå tomt for at bruge temaerne fra siden Temaer.`
        })
      }
      yield* fs.rename(path.join(folder, "themes.upload"), path.join(folder, "themes.json")).pipe(
        Effect.mapError((cause) => new StorageError({ cause, action: "gem temafilen" }))
      )
      themesFile = "themes.json"
    } else {
      yield* fs.remove(path.join(folder, "themes.upload")).pipe(Effect.ignore)
      // No file chosen: the theme set of the page Temaer (none when it is the default).
      themesFile = yield* themeStore.copyInto(folder).pipe(
        Effect.mapError((cause) => new StorageError({ cause, action: "gem temaerne" }))
      )
    }
    const details = yield* eventDetailsOf(fields.get("title"), fields.get("date"))
    const upload: StagedUpload = {
      id,
      folder,
      inputFile: inputFile!,
      themesFile,
      sourceName: chosen.map((f) => displayName(f.name)).join(", "),
      ...(moreInputs.length > 0 ? { moreInputs } : {}),
      ...(notesFiles.length > 0 ? { notesFiles } : {}),
      ...details
    }
    return upload
  })

  return yield* staged.pipe(Effect.onError(() => store.remove(folder)))
})
