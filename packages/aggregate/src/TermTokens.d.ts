/**
 * The words of a statement as key terms see them: surface form, stem key, and whether
 * punctuation separates a word from the one before (a two-word term never spans it). The
 * tokenizer, stop words and stemmer are @udsagn/danish's.
 */
export interface TermToken {
    /** Lower-cased form, for matching. */
    readonly lower: string;
    /** As written, except that a sentence-initial capital is dropped. */
    readonly surface: string;
    /** Grouping key: the Snowball stem of the folded word (æ/ø/å → ae/oe/aa). */
    readonly key: string;
    /** False for stop words, numbers and one-letter tokens. */
    readonly content: boolean;
    /** Punctuation (or the start of the text) separates this token from the previous one. */
    readonly breakBefore: boolean;
}
/** Tokens of a statement in order, with surface forms and stems. */
export declare const termTokens: (text: string) => ReadonlyArray<TermToken>;
