import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createApp } from '@tdtt/server/app';
import { loadConfig } from '@tdtt/server/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/src/auth';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { createJobs } from '../../server/src/runtime/jobs';
import { seedWorld, type SeededWorld } from './export/seed';

// Route-enumerating fuzz: every API route the app registers (app.routes), with parameters and bodies
// drawn from its OpenAPI schema — valid values, near misses (impossible dates, huge numbers, wrong
// types) and junk — signed in as admin, staff and a unit lead. No input may get a 5xx.
// URLs in generated input point at a closed loopback port: the fuzz never reaches the network.

const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-fuzz-'));
const PASSWORD = 'mat-khau-kiem-thu-fuzz';
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
let db: Database;
let app: ReturnType<typeof createApp>;
let world: SeededWorld;
let doc: OpenApiDoc;
const agents: Record<string, { cookie: string; csrf: string }> = {};
const serverErrors: string[] = [];
const pool: string[] = [];

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  $ref?: string;
  default?: unknown;
}
interface Operation {
  parameters?: { name: string; in: 'query' | 'path' | 'header'; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

beforeAll(async () => {
  db = await Database.open(path.join(dir, 'tdtt.duckdb'));
  await migrate(db);
  world = await seedWorld(db);
  const config = loadConfig({ DATA_DIR: dir, DEMO: 'false', SCHEDULER: 'false', COLLECT_ON_START: 'false' });
  const jobs = createJobs(db, config);
  app = createApp({ db, config, runner: jobs.runner, scheduler: null, now: () => new Date() }, { log: (msg, err) => serverErrors.push(`${msg}: ${err instanceof Error ? err.stack?.split('\n').slice(0, 4).join(' | ') : String(err)}`) });
  for (const [name, role, unit] of [['fuzz.admin', 'admin', null], ['fuzz.staff', 'staff', null], ['fuzz.lead', 'lead', 'so-tt']] as const) {
    await createAccount(db, { username: name, displayName: name, password: PASSWORD, role, unitId: unit });
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `192.0.2.${Object.keys(agents).length + 1}` }, body: JSON.stringify({ username: name, password: PASSWORD }) });
    expect(res.status).toBe(200);
    const jar = new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
    agents[role] = { cookie: `tdtt_session=${jar.get('tdtt_session')}; tdtt_csrf=${jar.get('tdtt_csrf')}`, csrf: jar.get('tdtt_csrf')! };
  }
  doc = (await (await app.request('/api/openapi.json', { headers: { Cookie: agents.admin!.cookie } })).json()) as OpenApiDoc;
  const posts = await db.all<{ id: string }>(`SELECT id::VARCHAR AS id FROM posts ORDER BY id LIMIT 5`);
  const sources = await db.all<{ id: string }>(`SELECT id::VARCHAR AS id FROM sources ORDER BY id LIMIT 3`);
  const users = await db.all<{ id: string }>(`SELECT id FROM users WHERE username NOT LIKE 'fuzz.%'`);
  const units = (await q.listUnits(db)).map((u) => u.id);
  pool.push(...units, world.planId, ...world.themeIds.slice(0, 3), ...posts.map((p) => p.id), ...sources.map((s) => s.id), ...users.map((u) => u.id), 'collect', 'classify', 'rollup');
}, 120_000);

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HOSTILE_STRINGS = [
  '', ' ', '0', '-1', '1e308', 'NaN', 'null', 'true', '[]', '{}', '0000-01', '2025-00', '2025-13', '2025-02-29', '2025-02-30', '9999-12-31', '0000-01-01',
  '2025-Q0', '2025-q5', '99999', "'; DROP TABLE posts; --", '%', '%00', '../../etc/passwd', ':::', '<script>alert(1)</script>', '\u0000', 'x'.repeat(5000),
  'Tuyên truyền', 'Tuyê\u0300n', '🙂', '\uD800', 'a,b,c', '*', '$1', '\\',
];
const LOOPBACK_URL = fc.constantFrom('http://127.0.0.1:9/', 'http://127.0.0.1:9/a?b=1', 'ftp://127.0.0.1:9/x', 'http://[::1]:9/', 'http://localhost:9/', 'not a url', 'javascript:alert(1)');
const isUrlField = (name: string) => /url|href|link|homepage|site|feed/i.test(name);

function resolveRef(s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.split('/').pop()!;
  return doc.components?.schemas?.[name] ?? {};
}

const junk = fc.oneof(fc.constantFrom<unknown>(...HOSTILE_STRINGS, null, -1, 0, 1.5, 2 ** 53, -(2 ** 31), true, [], {}), fc.jsonValue({ maxDepth: 2 }));

/** Values for a schema: mostly well-formed, sometimes near misses, sometimes junk of any type. */
function arb(schema0: JsonSchema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveRef(schema0);
  if (isUrlField(name) && (schema.type === 'string' || schema.format === 'uri')) return fc.oneof(LOOPBACK_URL, junk);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => arb(v, name, depth)));
  if (schema.allOf?.length) return arb(schema.allOf[0]!, name, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const own: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) own.push(fc.constantFrom(...schema.enum));
  for (const t of types) {
    if (t === 'null') own.push(fc.constant(null));
    if (t === 'boolean') own.push(fc.boolean());
    if (t === 'integer' || t === 'number') own.push(fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 10_000) }), fc.constantFrom(-1, 0, 1e12, 0.5));
    if (t === 'string') {
      const strings: fc.Arbitrary<unknown>[] = [fc.string({ maxLength: 40 }), fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...pool)];
      if (schema.pattern) {
        try {
          strings.push(fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, 300)));
        } catch {
          // a pattern fast-check cannot generate from: the others still apply
        }
      }
      own.push(...strings);
    }
    if (t === 'array' && depth < 3) own.push(fc.array(arb(schema.items ?? {}, name, depth + 1), { maxLength: 4 }));
    if (t === 'object' && depth < 3) own.push(objectArb(schema, depth));
  }
  if (!types.length && schema.properties && depth < 3) own.push(objectArb(schema, depth));
  if (schema.nullable) own.push(fc.constant(null));
  if (own.length === 0) return junk;
  return fc.oneof({ arbitrary: fc.oneof(...own), weight: 5 }, { arbitrary: junk, weight: 1 });
}

function objectArb(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of props) model[k] = arb(s, k, depth + 1);
  return fc.record(model, { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k) && Math.random() < 2) });
}

interface Endpoint {
  method: string;
  /** Hono form: /api/plans/:id */
  path: string;
  op: Operation | null;
}

/** Every (method, path) the app routes under /api, with its OpenAPI operation when it has one. */
function endpoints(): Endpoint[] {
  const seen = new Map<string, Endpoint>();
  for (const r of app.routes) {
    if (!r.path.startsWith('/api') || r.method === 'ALL') continue;
    const method = r.method.toUpperCase();
    const openapiPath = r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
    const op = doc.paths[openapiPath]?.[method.toLowerCase()] ?? null;
    seen.set(`${method} ${r.path}`, { method, path: r.path, op });
  }
  // Logging out would end the fuzzing sessions; it has no input to fuzz.
  return [...seen.values()].filter((e) => !(e.method === 'POST' && e.path === '/api/auth/logout'));
}

interface Call {
  role: 'admin' | 'staff' | 'lead';
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  rawBody: string | null;
  /** Query parameters the schema does not know, and percent-escapes that do not decode. */
  extra: string;
}

function callArb(e: Endpoint): fc.Arbitrary<Call> {
  const names = [...e.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const paramSchemas = new Map((e.op?.parameters ?? []).map((p) => [`${p.in}:${p.name}`, p]));
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  for (const n of names) {
    const s = paramSchemas.get(`path:${n}`)?.schema;
    params[n] = fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 3 }, { arbitrary: s ? arb(s, n) : junk, weight: 2 });
  }
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of e.op?.parameters ?? []) if (p.in === 'query') query[p.name] = arb(p.schema ?? {}, p.name);
  const bodySchema = e.op?.requestBody?.content?.['application/json']?.schema;
  const body = bodySchema ? arb(bodySchema) : junk;
  return fc.record({
    role: fc.constantFrom('admin' as const, 'staff' as const, 'lead' as const),
    params: fc.record(params),
    query: fc.record(query, { requiredKeys: [] }),
    body,
    rawBody: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.constantFrom('{', 'not json', '[1,2', '"', '{"a":}'), weight: 1 }),
    extra: fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, { arbitrary: fc.constantFrom('&plan=%E0%A4%A', '&month=%', '&unit=a&unit=b', '&from=2025-01-01&from=2025-02-01', '&__proto__=1', '&page=1e999'), weight: 1 }),
  });
}

const asText = (v: unknown) => ((typeof v === 'string' ? v : JSON.stringify(v) ?? '') as string & { toWellFormed(): string }).toWellFormed();

async function send(e: Endpoint, c: Call): Promise<{ status: number; url: string; text: string }> {
  let url = e.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, n: string) => encodeURIComponent(asText(c.params[n]) || 'x'));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(c.query)) if (v !== undefined) qs.set(k, asText(v));
  if ([...qs].length || c.extra) url += `?${qs}${c.extra}`;
  const agent = agents[c.role]!;
  const hasBody = e.method !== 'GET' && e.method !== 'DELETE';
  const res = await app.request(url, {
    method: e.method,
    headers: { Cookie: agent.cookie, 'X-CSRF-Token': agent.csrf, 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${c.role.length}` },
    body: hasBody ? (c.rawBody ?? JSON.stringify(c.body ?? null)) : undefined,
  });
  const text = res.status >= 500 ? await res.text() : (await res.arrayBuffer(), '');
  return { status: res.status, url, text };
}

describe('API fuzz (every route × OpenAPI schemas × admin, staff, lead)', () => {
  it('enumerates the routes and finds most of them in the OpenAPI document', () => {
    const all = endpoints();
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((e) => e.op).length / all.length).toBeGreaterThan(0.9);
  });

  it('answers no input with a 5xx', async () => {
    const failures: string[] = [];
    for (const e of endpoints()) {
      const result = await fc.check(
        fc.asyncProperty(callArb(e), async (c) => {
          const r = await send(e, c);
          if (r.status >= 500) throw new Error(`${e.method} ${r.url} as ${c.role} → ${r.status} ${r.text.slice(0, 200)}`);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed) failures.push(String((result.errorInstance as Error | undefined)?.message ?? result.counterexample));
    }
    expect({ failures, serverErrors: [...new Set(serverErrors)].slice(0, 20) }).toEqual({ failures: [], serverErrors: [] });
  }, 600_000);
});
