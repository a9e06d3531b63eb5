import type { CategorizedStatement } from "@udsagn/domain/Categorization";
import { KeyTerm } from "@udsagn/domain/Summary";
import { type ThemeId, type ThemeSet } from "@udsagn/domain/Theme";
/** Whether a statement carries the theme (`other` = carries no known theme). */
export declare const hasTheme: (s: CategorizedStatement, themeId: ThemeId) => boolean;
/**
 * The words and phrases that set a theme apart: TF-IDF of the theme's statements against
 * the statements outside it. tf = share of the theme's statements that use the term;
 * idf = ln((1 + outside) / (1 + outside statements using it)) + 1, so a term used all over
 * the conference sinks and one the theme owns rises. Terms are grouped by Danish stem and
 * shown in the form people wrote most often.
 */
export declare const keyTerms: (statements: ReadonlyArray<CategorizedStatement>, themeId: ThemeId, themeSet: ThemeSet, n?: number) => ReadonlyArray<KeyTerm>;
