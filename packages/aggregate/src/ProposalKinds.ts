import { spellOutAeOeAa } from "@udsagn/danish/Normalize"

// Statements that look like proposals but are not: questions and complaints.

const fold = (text: string) => spellOutAeOeAa(text.normalize("NFC").toLowerCase().trim())

/** A question to the panel or the organisers ("Hvordan …?", "Kan vi få …?"): asked, not proposed. */
export const isQuestion = (text: string): boolean => {
  const f = fold(text)
  return /\?\s*[\p{Extended_Pictographic}\s]*$/u.test(f) ||
    /^(?:hvordan|hvorfor|hvad|hvem|hvornaar|hvilke|hvilken|hvor)\b/.test(f)
}

// Openings of a proposal: an imperative or "mere/flere/bedre …" (folded spelling).
const PROPOSAL_START =
  /^(?:mere|flere|bedre|mindre|faerre|kortere|enklere|nemmere|tydeligere|klarere|hurtigere|fast|faste|faelles|brug|lav|giv|hav|husk|send|skriv|spoerg|inddrag|undgaa|drop|tegn|vis|del|saet|tag|tal|ring|start|stop|goer|soerg|oversaet|forklar|uddan|moed|bed|lad|slut|tilbyd|opret|indfoer|afsaet|prioriter)\b/

/**
 * A complaint or a report of a problem, not something to do: "Vi må ikke bruge animationer … 🙄",
 * "Mangel på tolke", "At vi ikke spørger". A statement that opens as a proposal ("Undgå …",
 * "Giv personalet tid …") is no complaint even when it names a problem.
 */
export const isComplaint = (text: string): boolean => {
  const f = fold(text)
  if (/[🙄😡😤👎😒😩]/u.test(text)) return true
  if (PROPOSAL_START.test(f)) return false
  // "ikke" after a verb or a subject denies ("vi må ikke", "ledelsen prioriterer ikke"); "fra starten,
  // ikke til sidst" only contrasts.
  return /\b(?:\p{L}+er|er|har|kan|maa|faar|vil|skal|ved|vi|man|de|der|det|jeg)\s+(?:\p{L}+\s+)?(?:ikke|aldrig)\b/u.test(f) ||
    /\b(?:ingen|desvaerre|problem\w*|umulig\w*|svaert|mangler|manglende|mangel|alt for|for faa|for mange|pga|trods)\b/.test(f)
}


/**
 * A question that asks for proposals ("Hvad kan vi gøre …?", "Hvad er lavthængende frugter?"):
 * its answers are proposals even when written as a noun phrase ("En fast tolk til de samme
 * borgere"). A question about barriers or the day's impressions is not.
 */
export const asksForProposals = (question: string): boolean => {
  const f = fold(question)
  return /\b(?:goere|forslag|ide|ideer|loesning\w*|lavthaengende|frugter|boer|oensk\w*|anbefal\w*)\b/.test(f) &&
    !/\b(?:barriere\w*|udfordring\w*|problem\w*|svaert|tager du med)\b/.test(f)
}

/** A question asking for low-hanging fruit: its proposals are, by the participants' own word. */
export const asksForEasyWins = (question: string): boolean => /lavthængende|lavthaengende|quick win/i.test(question)
