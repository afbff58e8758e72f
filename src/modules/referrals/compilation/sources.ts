import type { Db } from '../../../db/client.js';
import { listDecisionsForCases } from '../../meetings/index.js';
import { latestStatementsForCases } from '../../statements/index.js';
import type { DecisionInput, StatementInput } from './model.js';

/** What the compilation reads from the meetings and statements modules (through their index). */
export interface CompilationSources {
  decisions(db: Db, caseIds: string[]): Promise<DecisionInput[]>;
  statements(db: Db, caseIds: string[]): Promise<StatementInput[]>;
}

export const moduleSources: CompilationSources = {
  decisions: (db, caseIds) => listDecisionsForCases(db, caseIds),
  statements: (db, caseIds) => latestStatementsForCases(db, caseIds),
};
