/** A file cannot be imported at all (unknown format, broken XML, refused DOCTYPE); per-row problems are issues instead. */
export class ImportFileError extends Error {
  /** Where the problem is, e.g. "line 3, column 17" or a file name; null when it concerns the whole file. */
  readonly location: string | null;
  constructor(message: string, location: string | null = null, options: { cause?: unknown } = {}) {
    super(location ? `${location}: ${message}` : message, { cause: options.cause });
    this.name = "ImportFileError";
    this.location = location;
  }
}
