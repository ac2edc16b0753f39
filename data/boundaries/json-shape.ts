import { BoundaryBuildError } from './errors.ts';

/** Checks on parsed JSON that throw a BoundaryBuildError naming the file and the JSON path. */
export class JsonShape {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  fail(path: string, problem: string): never {
    throw new BoundaryBuildError(this.file, path ? `${path}: ${problem}` : problem);
  }

  parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      return this.fail('', `invalid JSON (${(error as Error).message})`);
    }
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object, got ${describe(value)}`);
    }
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, got ${describe(value)}`);
    return value;
  }

  string(value: unknown, path: string, pattern?: RegExp): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, `expected a non-empty string, got ${describe(value)}`);
    }
    if (pattern && !pattern.test(value)) {
      this.fail(path, `${JSON.stringify(value)} does not match ${String(pattern)}`);
    }
    return value;
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
