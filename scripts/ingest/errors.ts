/** An input problem a maintainer can fix: names the file, the line when known, and the fix. */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;
  readonly fix: string;

  constructor(file: string, line: number | undefined, problem: string, fix: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}. Fix: ${fix}.`);
    this.name = 'IngestError';
    this.file = file;
    this.line = line;
    this.problem = problem;
    this.fix = fix;
  }
}
