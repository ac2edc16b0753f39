import { afterEach, describe, expect, it, vi } from 'vitest';
import { contiguityFromPairs } from '../domain/spatial/contiguity.ts';
import { analyseLisa, type LisaResult } from '../domain/spatial/moran.ts';
import type { LisaRequest, LisaResponse } from '../workers/lisa.worker.ts';
import { LisaClient } from './lisa-client.ts';

/** A stand-in Worker that holds each request until the test answers it. */
class FakeWorker {
  static instances: FakeWorker[] = [];
  requests: LisaRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<LisaResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.instances.push(this);
  }
  postMessage(request: LisaRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers a request as the real worker would. */
  answer(request: LisaRequest) {
    const values = new Map(
      request.contiguity.codes.flatMap((code, i) =>
        Number.isNaN(request.values[i]!) ? [] : [[code, request.values[i]!] as const],
      ),
    );
    const result = analyseLisa(request.contiguity, values, request.options);
    this.onmessage?.({ data: { id: request.id, type: 'result', result, elapsedMs: 1 } } as never);
  }
}

const contiguity = contiguityFromPairs(
  ['a', 'b', 'c', 'd'],
  [
    [0, 1],
    [1, 2],
    [2, 3],
  ],
);
const values = (shift: number) =>
  new Map([
    ['a', 1 + shift],
    ['b', 2],
    ['c', 3],
    ['d', 4],
  ]);

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.instances = [];
});

describe('LisaClient', () => {
  it('sends values aligned to the contiguity (NaN for none) and reports the result', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const results: LisaResult[] = [];
    const client = new LisaClient(
      (result) => results.push(result),
      () => undefined,
    );
    client.run(
      contiguity,
      new Map([
        ['a', 1],
        ['c', 3],
        ['d', 4],
      ]),
      { permutations: 9 },
    );
    const worker = FakeWorker.instances[0]!;
    expect([...worker.requests[0]!.values]).toEqual([1, NaN, 3, 4]);
    worker.answer(worker.requests[0]!);
    expect(results).toHaveLength(1);
    expect(results[0]!.status).toBe('ok');
  });

  it('keeps only the newest request while one runs, and drops the replaced result', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const results: LisaResult[] = [];
    const client = new LisaClient(
      (result) => results.push(result),
      () => undefined,
    );
    client.run(contiguity, values(0), {});
    client.run(contiguity, values(1), {});
    client.run(contiguity, values(2), {});
    const worker = FakeWorker.instances[0]!;
    // One in flight; the second was replaced by the third before it was sent.
    expect(worker.requests).toHaveLength(1);
    worker.answer(worker.requests[0]!);
    // The first result is stale: the newest request is sent instead of showing it.
    expect(results).toHaveLength(0);
    expect(worker.requests).toHaveLength(2);
    expect(worker.requests[1]!.values[0]).toBe(3);
    worker.answer(worker.requests[1]!);
    expect(results).toHaveLength(1);
    expect(FakeWorker.instances).toHaveLength(1);
  });

  it('stops the worker on dispose and starts a new one on the next run', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = new LisaClient(
      () => undefined,
      () => undefined,
    );
    client.run(contiguity, values(0), {});
    client.dispose();
    expect(FakeWorker.instances[0]!.terminated).toBe(true);
    client.run(contiguity, values(0), {});
    expect(FakeWorker.instances).toHaveLength(2);
  });
});
