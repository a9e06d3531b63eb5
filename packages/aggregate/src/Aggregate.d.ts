import type { CategorizedResult } from "@udsagn/domain/Analysis";
import { Summary } from "@udsagn/domain/Summary";
export { ACTION_THRESHOLD, actionableStatements, actionScore, type ActionScore, isLowHangingFruit, proposalCounts } from "./Actionable.js";
export { OKABE_ITO, OTHER_COLOR, themeColor } from "./Colors.js";
export { hasTheme, keyTerms } from "./KeyTerms.js";
export { representativeStatements, tfidfVectors } from "./Representative.js";
/** How many key terms, quotes and actions a theme summary carries. */
export declare const KEY_TERMS = 8;
export declare const REPRESENTATIVES = 5;
export declare const ACTIONABLE = 10;
/**
 * Counts, shares and the theme × question table of a finished analysis. Pure.
 * Themes come by count (descending; ties keep the theme file's order) with `other` last,
 * and every theme of the theme file is listed, so a theme nobody spoke to shows as 0.
 */
export declare const aggregate: (result: CategorizedResult) => Summary;
