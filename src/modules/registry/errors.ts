import { AppError } from '../../core/errors.js';

/**
 * A stored file whose bytes no longer match the SHA-256 recorded when it was registered.
 * Never served; reported as a server-side fault (500) with a message the reader understands.
 */
export class AttachmentCorrupt extends AppError {
  readonly code = 'attachment_corrupt';
  readonly status = 500;
  constructor(readonly attachmentId: string) {
    super(`attachment ${attachmentId}: checksum mismatch`, 'registry.attachment.corrupt');
  }
}
