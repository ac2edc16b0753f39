/** Every answer names its request; 'progress' (with `fraction`) and 'error' (with `message`) are common. */
type WorkerResponse = { id: number; type: string };
type Progress = { fraction: number };
type Failure = { message: string; key?: string | null; params?: Record<string, string | number> };

/** Distributive Omit, so each request keeps its own fields. */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
}

/** A worker's error, with the message key and values it gave for the reader's language. */
export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
  constructor(
    message: string,
    readonly key: string | null,
    readonly params: Record<string, string | number>,
  ) {
    super(message);
  }
}

type Pending<Response> = {
  resolve: (response: Response) => void;
  reject: (error: Error) => void;
  onProgress?: (fraction: number) => void;
};

/**
 * The page's side of a worker that reads a file with progress (the table and boundary imports):
 * requests by id, progress forwarded, errors rejected. Cancelling terminates the worker — the
 * only way to stop a parse in progress — and the next request starts a fresh one.
 */
export class ProgressWorker<Request extends { id: number }, Response extends WorkerResponse> {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending<Response>>();
  #next = 0;

  /** `create` holds the `new Worker(new URL(…))` that Vite bundles; `name` words a crash. */
  constructor(
    private readonly create: () => Worker,
    private readonly name: string,
  ) {}

  request(request: WithoutId<Request>, onProgress?: (f: number) => void): Promise<Response> {
    const worker = this.#ensureWorker();
    const id = ++this.#next;
    return new Promise<Response>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...request, id });
    });
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#rejectAll(new ImportCancelledError());
  }

  #rejectAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.create();
    worker.onmessage = ({ data }: MessageEvent<Response>) => {
      const pending = this.#pending.get(data.id);
      if (!pending) return;
      if (data.type === 'progress') {
        pending.onProgress?.((data as unknown as Progress).fraction);
        return;
      }
      this.#pending.delete(data.id);
      if (data.type === 'error') {
        const { message, key, params } = data as unknown as Failure;
        pending.reject(new WorkerFailure(message, key ?? null, params ?? {}));
      } else pending.resolve(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#rejectAll(new Error(event.message || `the ${this.name} worker stopped`));
      this.#worker = null;
    };
    this.#worker = worker;
    return worker;
  }
}
