// JSON as Python's json.dumps writes it by default: standard JSON plus the bare tokens NaN, Infinity and
// -Infinity (allow_nan=True). JSON.parse rejects those, so a body it refuses is parsed again here. Pure and total:
// an answer for every input, bounded nesting, no recursion deeper than MAX_DEPTH.

export const MAX_DEPTH = 256;

export type JsonOutcome = { ok: true; value: unknown } | { ok: false; error: string };

class JsonError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): unknown {
    const value = this.value(0);
    this.skip();
    if (this.at !== this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private fail(message: string): never {
    throw new JsonError(`${message} at position ${this.at}`);
  }

  private skip(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
  }

  private word(word: string, value: unknown): unknown {
    if (!this.text.startsWith(word, this.at)) this.fail('unexpected token');
    this.at += word.length;
    return value;
  }

  private value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
    this.skip();
    const c = this.text[this.at];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.word('true', true);
      case 'f':
        return this.word('false', false);
      case 'n':
        return this.word('null', null);
      case 'N':
        return this.word('NaN', NaN);
      case 'I':
        return this.word('Infinity', Infinity);
      case '-':
        if (this.text.startsWith('-Infinity', this.at)) return this.word('-Infinity', -Infinity);
        return this.number();
      default:
        if (c !== undefined && c >= '0' && c <= '9') return this.number();
        return this.fail(c === undefined ? 'unexpected end of input' : 'unexpected token');
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match || match[0] === '-') this.fail('bad number');
    this.at = NUMBER.lastIndex;
    return Number(match[0]);
  }

  private string(): string {
    const start = this.at;
    let i = start + 1;
    let escaped = false;
    for (; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 0x22) break; // "
      if (c === 0x5c) {
        escaped = true;
        i++;
      } else if (c < 0x20) this.fail('control character in string');
    }
    if (i >= this.text.length) this.fail('unterminated string');
    this.at = i + 1;
    const raw = this.text.slice(start, i + 1);
    if (!escaped) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string; // the escapes are standard JSON
    } catch {
      return this.fail('bad escape in string');
    }
  }

  private array(depth: number): unknown[] {
    this.at++;
    const out: unknown[] = [];
    this.skip();
    if (this.text[this.at] === ']') return this.at++, out;
    for (;;) {
      out.push(this.value(depth + 1));
      this.skip();
      const c = this.text[this.at++];
      if (c === ']') return out;
      if (c !== ',') this.fail('expected , or ]');
    }
  }

  private object(depth: number): Record<string, unknown> {
    this.at++;
    const out: Record<string, unknown> = {};
    this.skip();
    if (this.text[this.at] === '}') return this.at++, out;
    for (;;) {
      this.skip();
      if (this.text[this.at] !== '"') this.fail('expected a property name');
      const key = this.string();
      this.skip();
      if (this.text[this.at++] !== ':') this.fail('expected :');
      const value = this.value(depth + 1);
      // defineProperty: a "__proto__" key is data, as with JSON.parse, not a prototype change.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.skip();
      const c = this.text[this.at++];
      if (c === '}') return out;
      if (c !== ',') this.fail('expected , or }');
    }
  }
}

/** Parses `text` as JSON, accepting NaN, Infinity and -Infinity outside strings as Python writes them. */
export function parsePythonJson(text: string): JsonOutcome {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Only bodies JSON.parse refuses pay for the slower parser.
  }
  try {
    return { ok: true, value: new Parser(text).parse() };
  } catch (err) {
    if (err instanceof JsonError) return { ok: false, error: err.message };
    return { ok: false, error: `not JSON: ${(err as Error).message}` };
  }
}
