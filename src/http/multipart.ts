import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** A file from a multipart form, as handed to the commands. */
export interface UploadedFile {
  filename: string;
  mediaType: string;
  content: Buffer;
}

export const uploadedFileSchema = z.object({
  filename: z.string().max(1000),
  mediaType: z.string().max(1000),
  content: z.custom<Buffer>((v) => Buffer.isBuffer(v)),
});

/** A page form that may carry files: strings (or repeated strings) and files. */
export const multipartBodySchema = z.record(
  z.string().max(200),
  z.union([z.string().max(2_000_000), z.array(z.string().max(2_000_000)).max(100), uploadedFileSchema, z.array(uploadedFileSchema).max(100)]),
);
export type MultipartBody = z.infer<typeof multipartBodySchema>;

class MalformedMultipart extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_CTP_INVALID_MULTIPART';
  constructor() {
    super('The multipart/form-data body could not be read.');
  }
}

/**
 * Parse `multipart/form-data` in the content-type parser, i.e. before the app's CSRF check
 * (a global preValidation hook) runs. The form's hidden `_csrf` field therefore arrives in
 * `req.body` exactly as with urlencoded forms, and the CSRF check needs no special case.
 *
 * Register only inside an encapsulated plugin, for the routes that take uploads. The whole body is
 * buffered (bounded by `bodyLimit`) and read with the WHATWG FormData parser built into Node.
 */
export function acceptMultipart(scope: FastifyInstance, bodyLimit: number): void {
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit }, async (req: { headers: Record<string, unknown> }, body: Buffer) => {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    } catch {
      throw new MalformedMultipart();
    }
    const out: Record<string, string | string[] | UploadedFile | UploadedFile[]> = {};
    for (const [name, value] of form) {
      if (typeof value === 'string') {
        const prev = out[name];
        out[name] = typeof prev === 'string' ? [prev, value] : Array.isArray(prev) && typeof prev[0] === 'string' ? [...(prev as string[]), value] : value;
        continue;
      }
      // A file input left empty arrives as a nameless, empty part.
      if (value.size === 0 && !value.name) continue;
      const file: UploadedFile = {
        filename: value.name,
        mediaType: value.type || 'application/octet-stream',
        content: Buffer.from(await value.arrayBuffer()),
      };
      // Several files under one name (<input type=file multiple>) become a list.
      const prev = out[name];
      out[name] = prev === undefined || typeof prev === 'string' ? file : Array.isArray(prev) ? [...(prev as UploadedFile[]), file] : [prev, file];
    }
    return out;
  });
}
