// Field mapping: a service's own field names or paths mapped onto the contract's, so a real service whose
// /stats says `portfolio.total_equity` feeds alphapulse_trading_engine_equity without code. Pure.
import { healthRecordSchema, isPlainObject, statsSchemas, type ServiceKind } from '@alphapulse/contracts';
import type { z } from 'zod';

export type PathSegment = string | number;

/** contract path → source path, both parsed; applied in order. */
export interface FieldMapping {
  entries: ReadonlyArray<{ to: PathSegment[]; from: PathSegment[] }>;
}
export interface EndpointMappings {
  health?: FieldMapping;
  stats?: FieldMapping;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*/;
const MAX_SEGMENTS = 16;

/**
 * The path subset: dotted names (`portfolio.total_equity`), an optional `$` / `$.` root, indexes (`books[0]`)
 * and quoted names (`['total.equity']`, `["a b"]`). Returns the segments or an error message.
 */
export function parseFieldPath(text: string): PathSegment[] | string {
  let rest = text.trim();
  if (rest.startsWith('$')) rest = rest.slice(1).replace(/^\./, '');
  const segments: PathSegment[] = [];
  let first = true;
  while (rest.length > 0) {
    if (segments.length >= MAX_SEGMENTS) return `more than ${MAX_SEGMENTS} segments`;
    if (!first && rest.startsWith('.')) rest = rest.slice(1);
    else if (!first && !rest.startsWith('[')) return `unexpected "${rest[0]}"`;
    first = false;
    const index = /^\[(\d{1,6})\]/.exec(rest);
    const quoted = /^\[(['"])((?:(?!\1)[^\\]|\\.)*)\1\]/.exec(rest);
    const name = IDENTIFIER.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
    } else if (quoted) {
      segments.push(quoted[2].replace(/\\(.)/g, '$1'));
      rest = rest.slice(quoted[0].length);
    } else if (name) {
      segments.push(name[0]);
      rest = rest.slice(name[0].length);
    } else return rest === '' ? 'ends with "."' : `unexpected "${rest[0]}"`;
  }
  return segments.length === 0 ? 'empty path' : segments;
}

export function getPath(value: unknown, path: readonly PathSegment[]): unknown {
  let node = value;
  for (const segment of path) {
    if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
    else node = isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** A copy of `payload` with each mapped value put at its contract path; the service's own fields stay. */
export function applyFieldMapping(payload: unknown, mapping: FieldMapping | undefined): unknown {
  if (!mapping || !isPlainObject(payload)) return payload;
  const root: Record<string, unknown> = { ...payload };
  for (const { to, from } of mapping.entries) {
    const value = getPath(payload, from);
    if (value === undefined) continue;
    let node = root;
    for (const segment of to.slice(0, -1)) {
      const key = String(segment);
      const next = node[key];
      node = node[key] = isPlainObject(next) ? { ...next } : {};
    }
    Object.defineProperty(node, String(to[to.length - 1]), { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; valueType?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Whether `path` names a field of `schema` (records take any name). Returns an error message or undefined. */
function checkContractPath(schema: z.ZodType, path: readonly PathSegment[]): string | undefined {
  let node: z.ZodType | undefined = schema;
  for (const [i, segment] of path.entries()) {
    let def: Def = defOf(node!);
    while (def.innerType) def = defOf(def.innerType);
    if (def.type === 'object' && typeof segment === 'string' && def.shape?.[segment]) node = def.shape[segment];
    else if (def.type === 'record' && typeof segment === 'string') node = def.valueType;
    else return `"${path.slice(0, i + 1).join('.')}" is not a field of the contract`;
  }
  return undefined;
}

/**
 * Validates and parses a `field_map` config section: `{ health?: {contract path: source path}, stats?: {...} }`.
 * Each error names the bad key. Throws nothing: returns the errors.
 */
export function parseEndpointMappings(kind: ServiceKind, raw: { health?: Record<string, string>; stats?: Record<string, string> }): { mappings: EndpointMappings; errors: Array<{ path: string[]; message: string }> } {
  const errors: Array<{ path: string[]; message: string }> = [];
  const mappings: EndpointMappings = {};
  for (const endpoint of ['health', 'stats'] as const) {
    const section = raw[endpoint];
    if (!section || Object.keys(section).length === 0) continue;
    const schema = endpoint === 'health' ? healthRecordSchema : (statsSchemas[kind] as unknown as z.ZodType);
    const entries: Array<{ to: PathSegment[]; from: PathSegment[] }> = [];
    for (const [toText, fromText] of Object.entries(section)) {
      const to = parseFieldPath(toText);
      const from = parseFieldPath(fromText);
      if (typeof to === 'string') errors.push({ path: [endpoint, toText], message: `bad contract path: ${to}` });
      else if (to.some((segment) => typeof segment === 'number')) errors.push({ path: [endpoint, toText], message: 'contract paths name fields, not array indexes' });
      else if (typeof from === 'string') errors.push({ path: [endpoint, toText], message: `bad source path "${fromText}": ${from}` });
      else {
        const problem = checkContractPath(schema, to);
        if (problem) errors.push({ path: [endpoint, toText], message: `${problem} of ${endpoint === 'health' ? 'the health record' : `${kind} /stats`}` });
        else entries.push({ to, from });
      }
    }
    mappings[endpoint] = { entries };
  }
  return { mappings, errors };
}
