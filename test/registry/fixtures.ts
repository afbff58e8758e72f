import type { Db } from '../../src/db/client.js';
import { bodies, type BodyKind } from '../../src/modules/organisation/schema.js';

/**
 * Bodies for registry tests, inserted directly: the organisation module's commands are being
 * built at the same time. Only the columns the registry reads matter here.
 */
export async function insertBody(
  db: Db,
  opts: { name: string; pattern?: string; defaultClassCode?: string | null; kind?: BodyKind; archived?: boolean },
): Promise<string> {
  const now = new Date('2026-01-01T00:00:00Z');
  const slug = opts.name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const [row] = await db
    .insert(bodies)
    .values({
      slug,
      name: opts.name,
      kind: opts.kind ?? 'specialistBoard',
      registryPattern: opts.pattern ?? '{seq}-{year}',
      defaultClassCode: opts.defaultClassCode ?? null,
      createdAt: now,
      updatedAt: now,
      archivedAt: opts.archived ? now : null,
    })
    .returning({ id: bodies.id });
  return row!.id;
}

/** The five bodies of the seed documents, with the patterns their numbers show. */
export async function insertSeedBodies(db: Db): Promise<Record<string, string>> {
  return {
    Kommunstyrelsen: await insertBody(db, { name: 'Kommunstyrelsen', kind: 'executiveBoard', pattern: 'KS {year}/{seq}' }),
    'Hägersten-Liljeholmens stadsdelsnämnd': await insertBody(db, {
      name: 'Hägersten-Liljeholmens stadsdelsnämnd',
      kind: 'districtBoard',
      pattern: '{seq}-{year}-{class}',
    }),
    Socialnämnden: await insertBody(db, { name: 'Socialnämnden', pattern: '{class}-{seq}/{year}', defaultClassCode: '1.7.1' }),
    Arbetsmarknadsnämnden: await insertBody(db, { name: 'Arbetsmarknadsnämnden', pattern: 'AMN {year}-{seq:4}' }),
    Kulturnämnden: await insertBody(db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' }),
  };
}

/** A minimal multipart/form-data body, as a browser sends it. */
export function multipart(fields: Record<string, string>, file?: { name: string; filename: string; type: string; content: Buffer }) {
  const boundary = '----stadsnavtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
