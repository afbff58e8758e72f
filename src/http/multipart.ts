import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** A file from a multipart form, as handed to the commands. */
export interface UploadedFile {
  filename: string;
  mediaType: string;
  content: Buffer;
}

const uploadedFile = z.object({
  filename: z.string().max(1000),
  mediaType: z.string().max(1000),
  content: z.custom<Buffer>((v) => Buffer.isBuffer(v)),
});

/** A page form with files: strings, repeated strings (checkboxes), one file or several under one name. */
export const multipartBodySchema = z.record(
  z.string().max(200),
  z.union([z.string().max(2_000_000), z.array(z.union([z.string().max(2_000_000), uploadedFile])).max(500), uploadedFile]),
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
 * Parse `multipart/form-data` in the content-type parser, before the app's CSRF check runs, so the
 * hidden `_csrf` field arrives in `req.body` as with urlencoded forms. Repeated names (checkboxes,
 * several files) become arrays. Register inside an encapsulated plugin, for the upload routes only.
 */
export function acceptMultipart(scope: FastifyInstance, bodyLimit: number): void {
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit }, async (req: { headers: Record<string, unknown> }, body: Buffer) => {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    } catch {
      throw new MalformedMultipart();
    }
    const out: Record<string, string | UploadedFile | Array<string | UploadedFile>> = {};
    for (const [name, value] of form) {
      let item: string | UploadedFile;
      if (typeof value === 'string') item = value;
      else {
        // A file input left empty arrives as a nameless, empty part.
        if (value.size === 0 && !value.name) continue;
        item = { filename: value.name, mediaType: value.type || 'application/octet-stream', content: Buffer.from(await value.arrayBuffer()) };
      }
      const prev = out[name];
      out[name] = prev === undefined ? item : Array.isArray(prev) ? [...prev, item] : [prev, item];
    }
    return out;
  });
}

export const isFile = (v: unknown): v is UploadedFile => typeof v === 'object' && v !== null && !Array.isArray(v) && Buffer.isBuffer((v as UploadedFile).content);

/** The files under one name (none, one or several). */
export function filesOf(body: MultipartBody, name: string): UploadedFile[] {
  const v = body[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter(isFile);
}

/** The string fields only, repeated names as arrays (as urlencoded forms arrive). */
export function stringFields(body: MultipartBody): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) {
      const strings = v.filter((x): x is string => typeof x === 'string');
      if (strings.length) out[k] = strings;
    }
  }
  return out;
}
