import { NUMERIC_TEXT, type Attrs, type AttrValue } from './span';

/** Which names are also looked up on the resource: none, the same ones, or these. */
type Lookup = boolean | readonly string[];

/** A value read from a span, with the attribute it came from (named in any error about it). */
export interface Read<T> {
  key: string;
  value: T;
}

/**
 * Typed reads over a span's attributes, and its resource's for the names looked up on both.
 * A value of the wrong type is recorded as a problem (the span is then rejected), never guessed.
 */
export class AttributeReader {
  readonly problems: string[] = [];

  constructor(
    readonly span: Attrs,
    readonly resource: Attrs,
  ) {}

  /**
   * The first of `keys` present on the span, then the first of `resource` on the resource
   * (`true`: the same keys).
   */
  find(keys: readonly string[], resource: Lookup = false): Read<AttrValue> | undefined {
    for (const key of keys) {
      const value = this.span.get(key);
      if (value !== undefined && value !== null) return { key, value };
    }
    if (!resource) return undefined;
    for (const key of resource === true ? keys : resource) {
      const value = this.resource.get(key);
      if (value !== undefined && value !== null) return { key, value };
    }
    return undefined;
  }

  /** A non-empty string; a number is taken as its decimal text (an id sent as an int). */
  text(keys: readonly string[], resource: Lookup = false): Read<string> | undefined {
    const found = this.find(keys, resource);
    if (!found) return undefined;
    const { key, value } = found;
    if (typeof value === 'string') return value.trim() === '' ? undefined : { key, value: value.trim() };
    if (typeof value === 'number' && Number.isFinite(value)) return { key, value: String(value) };
    this.problems.push(`${key}: must be a string, got ${describe(value)}`);
    return undefined;
  }

  /** A finite number, from a number or a string holding one ("1200"); NaN and Infinity are problems. */
  number(keys: readonly string[], resource: Lookup = false): Read<number> | undefined {
    const found = this.find(keys, resource);
    if (!found) return undefined;
    const { key, value } = found;
    const text = typeof value === 'string' ? value.trim() : '';
    const n = typeof value === 'number' ? value : NUMERIC_TEXT.test(text) ? Number(text) : NaN;
    if (Number.isFinite(n)) return { key, value: n };
    this.problems.push(`${key}: must be a finite number, got ${describe(value)}`);
    return undefined;
  }

  /** A boolean, or the strings "true" and "false". */
  bool(keys: readonly string[], resource: Lookup = false): Read<boolean> | undefined {
    const found = this.find(keys, resource);
    if (!found) return undefined;
    const { key, value } = found;
    if (typeof value === 'boolean') return { key, value };
    if (value === 'true' || value === 'false') return { key, value: value === 'true' };
    this.problems.push(`${key}: must be true or false, got ${describe(value)}`);
    return undefined;
  }
}

function describe(value: AttrValue): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'an array';
  return JSON.stringify(value).slice(0, 60);
}
