/** A boundary input that cannot be used: unreadable, not JSON, or not the expected layout. */
export class BoundaryBuildError extends Error {
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'BoundaryBuildError';
    this.file = file;
  }
}
