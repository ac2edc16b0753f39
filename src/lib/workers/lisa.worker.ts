/// <reference lib="webworker" />
import type { Contiguity } from '../domain/spatial/contiguity.ts';
import { analyseLisa, type LisaOptions, type LisaResult } from '../domain/spatial/moran.ts';

/** Messages between the page and the LISA worker; `id` pairs a result with its request. */
export interface LisaRequest {
  id: number;
  contiguity: Contiguity;
  /** One value per unit of the contiguity, NaN where it has none. */
  values: Float64Array;
  options: LisaOptions;
}
export type LisaResponse =
  | { id: number; type: 'result'; result: LisaResult; elapsedMs: number }
  | { id: number; type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LisaRequest>) => {
  const { id, contiguity, values, options } = event.data;
  try {
    const started = performance.now();
    const byCode = new Map<string, number>();
    contiguity.codes.forEach((code, i) => {
      if (!Number.isNaN(values[i]!)) byCode.set(code, values[i]!);
    });
    const result = analyseLisa(contiguity, byCode, options);
    const response: LisaResponse = {
      id,
      type: 'result',
      result,
      elapsedMs: performance.now() - started,
    };
    scope.postMessage(
      response,
      result.status === 'ok'
        ? [
            result.category.buffer,
            result.localI.buffer,
            result.pValue.buffer,
            result.z.buffer,
            result.lag.buffer,
          ]
        : [result.category.buffer],
    );
  } catch (error) {
    scope.postMessage({ id, type: 'error', message: String(error) } satisfies LisaResponse);
  }
};
