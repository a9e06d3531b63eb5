import { foldWord } from "@udsagn/danish"

/** Words that name a talk of the day ("oplægget om tolkning var lidt tørt"). */
const TALKS: ReadonlySet<string> = new Set(
  `oplæg oplægget oplæggene oplægsholder oplægsholderen præsentation præsentationen præsentationerne foredrag
   foredraget indlæg indlægget talk talks presentation session sessionen workshop workshoppen keynote`
    .split(/\s+/)
    .filter((w) => w)
    .map(foldWord)
)

/** Words that end a talk's topic ("oplægget om tolkning var tørt, men vi mangler tolke"). */
const CONTRASTS: ReadonlySet<string> = new Set(["men", "but"])

/**
 * Token indexes that name the topic of a talk: from "om"/"about" right after a talk word (at
 * most two words between: "oplægget i dag om") to the end of the clause. A theme named there
 * is what a talk was about, not what the speaker asks for ("Godt oplæg om brugerinddragelse"
 * is praise of the day, `other` by the codebook).
 */
export const talkTopicTokens = (tokens: ReadonlyArray<{ readonly key: string; readonly brk: number }>): ReadonlySet<number> | undefined => {
  let out: Set<number> | undefined
  for (let i = 0; i < tokens.length; i++) {
    if (!TALKS.has(tokens[i]!.key)) continue
    let j = i + 1
    while (j < tokens.length && j <= i + 3 && tokens[j]!.brk === 0 && tokens[j]!.key !== "om" && tokens[j]!.key !== "about") j++
    if (j >= tokens.length || j > i + 3 || tokens[j]!.brk !== 0) continue
    out ??= new Set()
    for (let k = j + 1; k < tokens.length && tokens[k]!.brk === 0 && !CONTRASTS.has(tokens[k]!.key); k++) out.add(k)
  }
  return out
}
