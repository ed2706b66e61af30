/**
 * The YAML of an article's frontmatter, written by the ingest and read by the site. `yaml` is
 * the library for both; the frontmatter the ingest writes is a small, fixed shape (double-quoted
 * text, lists of it, names mapped to it), which is written and read here directly because
 * `yaml` takes most of the time of writing or reading an article (see docs/performance.md).
 * Anything outside that shape goes to `yaml`, and property tests hold both ways equal to it.
 */
import { parse, stringify } from 'yaml';

/** Options that make `yaml` write frontmatter byte-stable: double-quoted values, plain keys, no line folding. */
export const FRONTMATTER_YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

/** A name YAML writes and reads as plain text: a letter first, no indicator, no trailing space. */
const PLAIN_NAME = /^\p{L}[\p{L}\p{M}\p{N} '’.-]{0,200}(?<! )$/u;
/** Plain words YAML reads as booleans or null, in any of the cases it accepts. */
const KEYWORD = /^(?:null|true|false)$/i;
const isPlainName = (name: string) => PLAIN_NAME.test(name) && !KEYWORD.test(name);

/**
 * `"text"` as `yaml` double-quotes it, or undefined when that takes more than JSON: `yaml` builds
 * double-quoted scalars from JSON.stringify and rewrites only the escapes of control characters
 * other than tab.
 */
function doubleQuoted(text: unknown): string | undefined {
  return typeof text === 'string' && !/[\u0000-\u0008\u000a-\u001f]/.test(text) ? JSON.stringify(text) : undefined;
}

/** One top-level key and its value as `yaml` writes them, or undefined when it is not all plain text. */
function entryYaml(key: string, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    const quoted = doubleQuoted(value);
    return quoted === undefined ? undefined : `${key}: ${quoted}\n`;
  }
  const items = Array.isArray(value)
    ? value.map((item: unknown) => ['-', doubleQuoted(item)])
    : Object.entries(value).map(([name, item]) => [isPlainName(name) ? `${name}:` : undefined, doubleQuoted(item)]);
  if (items.length === 0) return `${key}: ${Array.isArray(value) ? '[]' : '{}'}\n`;
  let yaml = `${key}:\n`;
  for (const [lead, quoted] of items) {
    if (lead === undefined || quoted === undefined) return undefined;
    yaml += `  ${lead} ${quoted}\n`;
  }
  return yaml;
}

/** The frontmatter's YAML, byte for byte as `yaml` stringifies it with FRONTMATTER_YAML_OPTIONS. */
export function writeFrontmatterYaml(frontmatter: Record<string, unknown>): string {
  let yaml = '';
  for (const [key, value] of Object.entries(frontmatter)) {
    if (value === undefined) continue;
    const entry = entryYaml(key, value);
    if (entry === undefined) return stringify(frontmatter, FRONTMATTER_YAML_OPTIONS);
    yaml += entry;
  }
  return yaml;
}

/** A top-level `key: "text"`, `key: []` or `key: {}`, or `key:` opening a block of entries. */
const TOP_ENTRY = /^([A-Za-z]\w*):(?: (".*"|\[\]|\{\}))?$/;
/** A block entry: `  - "text"` of a list, or `  Name: "text"` of a mapping. */
const BLOCK_ENTRY = /^ {2}(?:- |([^:]+): )(".*")$/u;

function quoted(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

/**
 * Frontmatter of the shape `writeFrontmatterYaml` writes itself, read without a YAML parser (YAML's
 * double quotes read what JSON accepts as JSON does); undefined for anything else (a duplicate
 * key, a comment, another layout).
 */
export function readWrittenFrontmatter(yaml: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  let blockKey: string | undefined;
  let block: unknown[] | Record<string, unknown> | undefined;
  for (const line of yaml.split('\n')) {
    const top = TOP_ENTRY.exec(line);
    if (top) {
      // `key:` with nothing under it is null to YAML.
      if (blockKey !== undefined && block === undefined) return undefined;
      const key = top[1]!;
      if (Object.hasOwn(data, key) || KEYWORD.test(key)) return undefined;
      blockKey = top[2] === undefined ? key : undefined;
      block = undefined;
      if (top[2] === undefined) continue;
      const value = top[2] === '[]' ? [] : top[2] === '{}' ? {} : quoted(top[2]);
      if (value === undefined) return undefined;
      data[key] = value;
      continue;
    }
    const entry = BLOCK_ENTRY.exec(line);
    const value = entry && quoted(entry[2]!);
    if (blockKey === undefined || typeof value !== 'string') return undefined;
    const name = entry![1];
    block ??= data[blockKey] = name === undefined ? [] : {};
    if (Array.isArray(block)) {
      if (name !== undefined) return undefined;
      block.push(value);
    } else {
      if (name === undefined || !isPlainName(name) || Object.hasOwn(block, name)) return undefined;
      block[name] = value;
    }
  }
  return blockKey !== undefined && block === undefined ? undefined : data;
}

/** Frontmatter YAML as data, as `yaml` parses it; throws `yaml`'s YAMLParseError on bad YAML. */
export function readFrontmatterYaml(yaml: string): unknown {
  return readWrittenFrontmatter(yaml) ?? parse(yaml, { prettyErrors: false });
}
