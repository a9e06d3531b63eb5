import type { CategorizedStatement } from "@udsagn/domain/Categorization";
import type { StatementId } from "@udsagn/domain/Statement";
import type { ThemeId } from "@udsagn/domain/Theme";
type Vector = ReadonlyMap<string, number>;
/** Unit TF-IDF vectors of statements over their content-word stems (idf over all statements). */
export declare const tfidfVectors: (statements: ReadonlyArray<CategorizedStatement>) => ReadonlyMap<StatementId, Vector>;
/**
 * 3-5 statements that show what a theme is about, best first: close to the theme's centroid
 * (TF-IDF), confidently categorized, readable as a quote, never a duplicate of another, and
 * diverse (maximal marginal relevance, so five ways of saying the same thing do not crowd
 * out the rest).
 */
export declare const representativeStatements: (statements: ReadonlyArray<CategorizedStatement>, themeId: ThemeId, n?: number, lambda?: number) => ReadonlyArray<StatementId>;
export {};
