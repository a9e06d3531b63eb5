import type { CategorizedStatement } from "@udsagn/domain/Categorization";
import { ProposalCounts } from "@udsagn/domain/Summary";
import type { StatementId } from "@udsagn/domain/Statement";
import type { ThemeId } from "@udsagn/domain/Theme";
export interface ActionScore {
    readonly score: number;
    /** The cues found and the text that triggered each, for showing why. */
    readonly cues: ReadonlyArray<{
        readonly cue: string;
        readonly match: string;
    }>;
}
/**
 * How clearly a statement proposes something to do. 0 for opinions and praise; 1.5 or more
 * is a proposal. Questions from the audience ("Hvordan kan vi …?") are asked, not proposed.
 */
export declare const actionScore: (text: string) => ActionScore;
/** The score from which a statement counts as proposing an action. */
export declare const ACTION_THRESHOLD = 1.5;
/**
 * A theme's statements that propose something concrete, best first: the strength of the
 * proposal, then support (upvotes and people who wrote the same), then confidence.
 * Duplicates are listed once; their voices add to the original's support.
 */
export declare const actionableStatements: (statements: ReadonlyArray<CategorizedStatement>, themeId: ThemeId, n?: number) => ReadonlyArray<StatementId>;
/**
 * A low-hanging fruit: a short, concrete proposal, one that opens with an imperative or
 * names a simple tool (a letter, a video, an interpreter). A heuristic, said so in the method section.
 */
export declare const isLowHangingFruit: (text: string) => boolean;
/**
 * A theme's proposals in figures, counted over all its statements (the draft lists only the
 * clearest few): every statement that proposes, the distinct proposals, and how many of the
 * proposing statements are low-hanging fruit.
 */
export declare const proposalCounts: (statements: ReadonlyArray<CategorizedStatement>, themeId: ThemeId) => ProposalCounts;
