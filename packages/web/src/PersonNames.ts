import { FileSystem } from "@effect/platform"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { danishDictionaryFile, type NameLexicon, parseHunspellDic, possibleNames } from "@udsagn/danish/PersonNames"
import { Effect } from "effect"

const noLexicon: NameLexicon = { common: new Set(), places: new Set(), proper: new Set() }

/**
 * Which statements probably name a person (the review page's "mulig person-navn"). The Danish
 * dictionary is read once, in the background when the server starts (a few hundred ms); if it
 * cannot be read the page works without the marks and IT sees a warning in the log.
 */
export class PersonNames extends Effect.Service<PersonNames>()("@udsagn/web/PersonNames", {
  scoped: Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const lexicon = yield* Effect.cached(
      Effect.try(() => danishDictionaryFile()).pipe(
        Effect.flatMap((file) => fs.readFileString(file)),
        Effect.map(parseHunspellDic),
        Effect.catchAll((e) =>
          Effect.logWarning("Den danske ordbog kunne ikke læses; navne i udsagn markeres ikke", e).pipe(Effect.as(noLexicon))
        )
      )
    )
    yield* Effect.forkScoped(lexicon)

    /** The possible names in each statement that has any, by statement id. */
    const flag = (rows: ReadonlyArray<Pick<CategorizedStatement, "id" | "text">>) =>
      Effect.map(lexicon, (lex) => {
        const out = new Map<string, ReadonlyArray<string>>()
        for (const s of rows) {
          const names = possibleNames(s.text, lex)
          if (names.length > 0) out.set(s.id, names)
        }
        return out as ReadonlyMap<string, ReadonlyArray<string>>
      })

    return { flag } as const
  })
}) {}
