import { formatInt } from "@udsagn/danish/Format"
import { html, type Raw } from "./Html.js"

/**
 * Up to this many statements the report lists every one (a person can read that many, and
 * the page stays quick to open). Above it, each theme shows its figures, quotes and proposals,
 * and the review list its least sure examples; the full lists are in statements.xlsx and
 * statements.json, and the report says so.
 */
export const LIST_LIMIT = 2_000

/** How many statements each review list shows above LIST_LIMIT. */
export const REVIEW_EXAMPLES = 20

export const listsEveryStatement = (statements: number): boolean => statements <= LIST_LIMIT

/** The note at the top of a report that does not list every statement. */
export const notListedNote = (statements: number): Raw =>
  listsEveryStatement(statements)
    ? html``
    : html`<p class="note not-listed" role="note"><strong>Udsagnene står ikke enkeltvis i rapporten.</strong> Der er ${
      formatInt(statements)
    } udsagn, flere end man kan læse her, så rapporten viser tal, udvalgte citater og forslag for hvert tema. Alle udsagn med deres temaer står i regnearket statements.xlsx (med filtre) og i statements.json.</p>`
