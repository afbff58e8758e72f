import './messages.js';
import './policy.js';

/** The registry module's public surface: other modules import only from here. */
export { registerRegistryRoutes } from './http/routes.js';
export { REGISTRY_CLASSIFY, REGISTRY_EDIT, REGISTRY_REGISTER } from './policy.js';
export {
  formatRegistryNumber,
  matchPattern,
  normaliseRegistryNumber,
  parsePattern,
  parseRegistryNumber,
  patternNeedsClass,
  stockholmDate,
  stockholmYear,
  type ParsedRegistryNumber,
  type PatternSegment,
  type RegistryNumberShape,
} from './numbering.js';
export { registerCase, registerCaseInput, type RegisterCaseInput } from './commands/register-case.js';
export { updateCase, updateCaseInput, type UpdateCaseInput } from './commands/update-case.js';
export { registerDocument, registerDocumentInput, type RegisterDocumentInput } from './commands/register-document.js';
export { updateDocument, updateDocumentInput, type UpdateDocumentInput } from './commands/update-document.js';
export { classifyDocument, classifyDocumentInput, type ClassifyDocumentInput } from './commands/classify-document.js';
export { addAttachment, sha256Hex, type UploadLimits } from './commands/add-attachment.js';
export {
  findCaseByRegistryNumber,
  getAttachmentFile,
  getCase,
  getDocument,
  listRegistry,
  type CaseView,
  type DocumentView,
  type RegistryEntry,
  type RegistryPage,
} from './queries.js';
export { AttachmentCorrupt } from './errors.js';
export { seedRegistryDemo, type RegistryDemoResult } from './demo.js';
export { registerCaseSection, type CaseSection } from './case-sections.js';
