import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid } from '../core/errors.js';
import type { FormState } from '../views/context.js';
import { localisedFieldErrors, translateFields } from './validation.js';

/** Any urlencoded form: fields are strings or repeated strings. Page routes parse it further. */
export const formBodySchema = z.record(z.string(), z.union([z.string().max(1_000_000), z.array(z.string().max(1_000_000))]));
export type FormBody = z.infer<typeof formBodySchema>;

/** Blank form fields mean "not given": '' → undefined, so optional fields stay optional. */
export function blankToUndefined(body: FormBody | undefined): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [k, v] of Object.entries(body ?? {})) out[k] = typeof v === 'string' && v.trim() === '' ? undefined : v;
  return out;
}

export const asArray = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Post/redirect/get for pages: run the command; on Invalid re-render the form with an error
 * summary (422) and the values typed; on success redirect with a flash message.
 */
export async function handleFormSubmit<R>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: {
    values: Record<string, unknown>;
    run: () => Promise<R>;
    render: (form: FormState) => JSX.Element;
    redirect: (result: R) => string;
    flash?: (result: R) => string;
  },
): Promise<FastifyReply> {
  try {
    const result = await opts.run();
    if (opts.flash) reply.setFlash(opts.flash(result));
    return reply.redirect(opts.redirect(result), 303);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    const errors = e.issues ? localisedFieldErrors(e.issues as never, req.locale) : translateFields(e.fields, req.locale);
    return reply.html(opts.render({ values: opts.values, errors }), 422);
  }
}
