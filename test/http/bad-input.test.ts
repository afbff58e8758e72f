import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';

/**
 * Generated from the OpenAPI document: every API write route gets malformed JSON, unknown fields,
 * wrong types and over-long strings. Each must be refused with 400 and a message for the field,
 * never a 500. Path ids are random UUIDs: body validation runs before any lookup.
 */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  maxLength?: number;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  anyOf?: JsonSchema[];
  $ref?: string;
}

interface Operation {
  method: string;
  path: string;
  url: string;
  body: JsonSchema | undefined;
}

let t: TestApp;
let client: Client;
let operations: Operation[] = [];
const RANDOM_ID = '0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b';

beforeAll(async () => {
  t = await buildTestApp();
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  client = new Client(t.app);
  await client.login('admin');
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const resolve = (s: JsonSchema | undefined): JsonSchema | undefined =>
    s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop()!] : s;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (path === '/api/auth/logout') continue; // takes no input
      operations.push({
        method: method.toUpperCase(),
        path,
        url: path.replace(/\{[^}]+\}/g, RANDOM_ID),
        body: resolve(op.requestBody?.content?.['application/json']?.schema),
      });
    }
  }
});
afterAll(() => t.close());

const typeOf = (s: JsonSchema): string | undefined => {
  if (s.anyOf) return s.anyOf.map(typeOf).find((x) => x && x !== 'null');
  return Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
};

function wrongValueFor(s: JsonSchema): unknown {
  switch (typeOf(s)) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return 'not a number';
    case 'boolean':
      return 'maybe';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return 'not an object';
    default:
      return undefined;
  }
}

describe('bad input on every API write route', () => {
  it('finds the write routes', () => {
    expect(operations.length).toBeGreaterThan(3);
  });

  it('refuses malformed JSON with 400', async () => {
    for (const op of operations) {
      const res = await client.request({ method: op.method as 'POST', url: op.url, payload: '{"broken": ', headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(400);
      expect(res.json().error, `${op.method} ${op.path}`).toBe('bad_json');
    }
  });

  it('refuses unknown fields with 400, naming the field', async () => {
    for (const op of operations.filter((o) => o.body?.properties)) {
      const res = await client.request({ method: op.method as 'POST', url: op.url, payload: { zz_unknown_field: 1 } });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(400);
      expect(Object.keys(res.json().fields ?? {}), `${op.method} ${op.path}`).toContain('body.zz_unknown_field');
    }
  });

  it('refuses wrong types with 400, naming the field', async () => {
    for (const op of operations.filter((o) => o.body?.properties)) {
      for (const [name, schema] of Object.entries(op.body!.properties!)) {
        const wrong = wrongValueFor(schema);
        if (wrong === undefined) continue;
        const res = await client.request({ method: op.method as 'POST', url: op.url, payload: { [name]: wrong } });
        expect(res.statusCode, `${op.method} ${op.path} ${name}`).toBe(400);
        expect(Object.keys(res.json().fields ?? {}), `${op.method} ${op.path} ${name}`).toContain(`body.${name}`);
      }
    }
  });

  it('bounds every free-text field and refuses over-long strings with 400', async () => {
    const unbounded: string[] = [];
    for (const op of operations.filter((o) => o.body?.properties)) {
      for (const [name, schema] of Object.entries(op.body!.properties!)) {
        const s = schema.anyOf?.find((x) => typeOf(x) === 'string') ?? schema;
        if (typeOf(s) !== 'string' || s.enum || s.format || s.pattern) continue;
        if (s.maxLength === undefined) {
          unbounded.push(`${op.method} ${op.path} ${name}`);
          continue;
        }
        const res = await client.request({ method: op.method as 'POST', url: op.url, payload: { [name]: 'x'.repeat(s.maxLength + 1) } });
        expect(res.statusCode, `${op.method} ${op.path} ${name}`).toBe(400);
        expect(Object.keys(res.json().fields ?? {}), `${op.method} ${op.path} ${name}`).toContain(`body.${name}`);
      }
    }
    expect(unbounded, 'string fields without maxLength').toEqual([]);
  });

  it('answers field messages in English on request', async () => {
    const op = operations.find((o) => o.body?.properties);
    expect(op).toBeDefined();
    const res = await client.request({ method: op!.method as 'POST', url: `${op!.url}?lang=en`, payload: { zz_unknown_field: 1 } });
    await client.get('/api/auth/session?lang=sv');
    expect(res.json().fields['body.zz_unknown_field']).toEqual(['Unknown field.']);
  });
});
