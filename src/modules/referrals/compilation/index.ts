import './messages.js';

/**
 * The compilation of a referral round (remissammanställning). Wired by the referrals module with
 * `registerCompilationRoutes(app, deps)`: the page /referrals/:id/compilation, its downloads
 * (.csv, .json, .pdf) and GET /api/referrals/:id/compilation.
 */
export { registerCompilationRoutes } from './http/routes.js';
export { compileReferral } from './compile.js';
export { compilationCsv, compilationPdf } from './exports.js';
export { THEMES, type ThemeDefinition } from './themes.js';
export { themeQuery } from './text.js';
export type { CompilationSources } from './sources.js';
export {
  COMPILATION_STANCES,
  PASSAGE_SOURCES,
  type Compilation,
  type CompilationCounts,
  type CompilationStance,
  type CompiledDecision,
  type CompiledDocument,
  type CompiledMember,
  type CompiledRecipient,
  type CompiledReferral,
  type CompiledStatement,
  type CompiledTheme,
  type MergedText,
  type PartyGroup,
  type PassageSource,
  type Segment,
  type TextOccurrence,
  type ThemePassage,
} from './model.js';
