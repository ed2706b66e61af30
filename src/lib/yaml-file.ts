/**
 * A YAML file a maintainer edits, checked against a zod schema: its data, and the line of the
 * node a schema issue is about, so an error can point the maintainer at it.
 */
import type { z } from 'astro/zod';
import { isCollection, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface YamlSyntaxError {
  line: number;
  message: string;
}

export class YamlFile {
  private readonly lines = new LineCounter();
  private readonly document: Document;
  /** The first syntax error, when the text is not valid YAML; `data` is then undefined. */
  readonly syntaxError: YamlSyntaxError | undefined;
  readonly data: unknown;

  constructor(text: string) {
    this.document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    const [error] = this.document.errors;
    this.syntaxError = error && { line: this.lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0]! };
    this.data = error ? undefined : this.document.toJS();
  }

  private lineAt(node: Node | undefined): number | undefined {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : this.lines.linePos(offset).line;
  }

  /** The key node of `key` in the mapping at `path`. */
  private keyNode(path: readonly PropertyKey[], key: PropertyKey): Node | undefined {
    const parent = this.document.getIn(path as unknown[], true);
    if (!isCollection(parent)) return undefined;
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
    return isPair(pair) ? (pair.key as Node) : undefined;
  }

  /**
   * The line of the node `issue` is about: the key itself for a bad or unknown key, else the
   * value at its path or, when that is missing, the nearest node that holds it.
   */
  lineOf(issue: z.core.$ZodIssue): number | undefined {
    const path = issue.path;
    if (issue.code === 'invalid_key' && path.length > 0) return this.lineAt(this.keyNode(path.slice(0, -1), path.at(-1)!));
    if (issue.code === 'unrecognized_keys') return this.lineAt(this.keyNode(path, issue.keys[0]!));
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? (this.document.contents ?? undefined) : this.document.getIn(path.slice(0, depth) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node) return this.lineAt(node as Node);
    }
    return undefined;
  }

  /** The issue to report first: the one on the earliest line, so files are corrected top down. */
  firstIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
    const line = (issue: z.core.$ZodIssue) => this.lineOf(issue) ?? Infinity;
    return issues.reduce((first, issue) => (line(issue) < line(first) ? issue : first));
  }
}
