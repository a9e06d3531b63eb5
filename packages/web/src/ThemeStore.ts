import { FileSystem, Path } from "@effect/platform"
import { decodeThemeText, encodeThemeSet } from "@udsagn/categorize/ThemeFile"
import { readThemeFile } from "@udsagn/categorize/ThemeLoader"
import { currentLocations } from "@udsagn/domain/DataLocations"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { Data, Effect, Either } from "effect"
import { AnalysisStore, StorageError } from "./AnalysisStore.js"

// The theme set new analyses use, kept with the server's data: `<reports>/temaer.json` when the
// administration has saved one (on /temaer or with PUT /api/themes), else the default theme file.
// Written like the rest of the store: atomically (temp file + rename), readable by the server only.

/** A theme file the administration tried to save that cannot be used; `message` is Danish. */
export class InvalidThemes extends Data.TaggedError("InvalidThemes")<{ readonly message: string }> {}

export interface CurrentThemes {
  readonly themeSet: ThemeSet
  /** The theme file's text (what GET /api/themes and the download give). */
  readonly text: string
  /** Saved by the administration (else the default file). */
  readonly custom: boolean
  /** The saved file could not be read, so the default is used: why, in Danish. */
  readonly problem?: string
}

export const themesFileName = "temaer.json"

/** "Temafilen kan ikke bruges: …" from decodeThemeText's reason. */
export const invalidThemesMessage = (reason: string) => `Temafilen kan ikke bruges: ${reason}.`

export class ThemeStore extends Effect.Service<ThemeStore>()("@udsagn/web/ThemeStore", {
  effect: Effect.gen(function*() {
    const store = yield* AnalysisStore
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const file = path.join(store.root, themesFileName)
    // One writer at a time; readers see the old or the new file, never half of one.
    const lock = yield* Effect.makeSemaphore(1)

    const defaults = Effect.gen(function*() {
      const { themesFile } = yield* currentLocations
      const text = yield* fs.readFileString(themesFile)
      const themeSet = yield* readThemeFile(themesFile).pipe(Effect.provideService(FileSystem.FileSystem, fs))
      return { themeSet, text, custom: false } satisfies CurrentThemes
    })

    const current = Effect.gen(function*() {
      const saved = yield* fs.readFileString(file).pipe(
        Effect.map((text): string | undefined => text),
        Effect.catchAll((e) => e._tag === "SystemError" && e.reason === "NotFound" ? Effect.succeed(undefined) : Effect.fail(e))
      )
      if (saved === undefined) return yield* defaults
      const decoded = decodeThemeText(saved)
      if (Either.isRight(decoded)) return { themeSet: decoded.right, text: saved, custom: true } satisfies CurrentThemes
      yield* Effect.logWarning(`${file} kan ikke bruges: ${decoded.left}`)
      const fallback = yield* defaults
      const withProblem: CurrentThemes = { ...fallback, problem: `De gemte temaer kunne ikke læses (${decoded.left}), så standardtemaerne bruges.` }
      return withProblem
    }).pipe(Effect.map((c): CurrentThemes => c))

    /** Checks a theme file's text and makes it the current theme set. */
    const saveText = Effect.fn("ThemeStore.saveText")(function*(text: string) {
      const decoded = decodeThemeText(text)
      if (Either.isLeft(decoded)) return yield* new InvalidThemes({ message: invalidThemesMessage(decoded.left) })
      return yield* save(decoded.right)
    })

    /** Makes a (decoded) theme set the current one; stored in the canonical file format. */
    const save = Effect.fn("ThemeStore.save")(function*(themeSet: ThemeSet) {
      const text = encodeThemeSet(themeSet)
      // Whatever built it, it must read back as a valid file.
      const check = decodeThemeText(text)
      if (Either.isLeft(check)) return yield* new InvalidThemes({ message: invalidThemesMessage(check.left) })
      yield* lock.withPermits(1)(store.writeAtomic(file, text))
      return { themeSet: check.right, text, custom: true } satisfies CurrentThemes
    })

    /** Back to the default theme file. */
    const reset = lock.withPermits(1)(fs.remove(file).pipe(
      Effect.catchAll((e) =>
        e._tag === "SystemError" && e.reason === "NotFound" ? Effect.void : Effect.fail(new StorageError({ cause: e, action: "slet de gemte temaer" }))
      )
    ))

    /**
     * Puts the current theme set into an analysis folder as `themes.json` when it is not the
     * default (the default needs no copy): what a new analysis or a re-run is made with.
     */
    const copyInto = Effect.fn("ThemeStore.copyInto")(function*(folder: string) {
      const now = yield* current
      if (!now.custom) return undefined
      yield* store.writeAtomic(path.join(folder, "themes.json"), now.text)
      return "themes.json" as const
    })

    return { file, current, save, saveText, reset, copyInto } as const
  })
}) {}
