/**
 * Whether the map's WebGL context is drawn by a CPU rasteriser (SwiftShader, llvmpipe): Chromium
 * without a usable GPU, as in headless tests or on an office PC whose GPU is blocklisted.
 * `getContext` with the context's own type returns the context MapLibre created.
 */
export function rendersInSoftware(canvas: HTMLCanvasElement): boolean {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  if (!gl || !info) return false;
  return /swiftshader|llvmpipe|software/i.test(
    String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)),
  );
}
