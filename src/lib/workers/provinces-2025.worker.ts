/// <reference lib="webworker" />
import {
  provinceBoundsFromText,
  type ProvinceBoundsRequest,
  type ProvinceBoundsResponse,
} from '../data/load-2025.ts';

/** The 2025 provinces' bounding boxes, read from their topology off the main thread. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ProvinceBoundsRequest>) => {
  const { text, file } = event.data;
  let response: ProvinceBoundsResponse;
  try {
    response = { type: 'bounds', bounds: provinceBoundsFromText(text, file) };
  } catch (error) {
    response = { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
