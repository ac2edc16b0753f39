import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  MAP_IMAGE_FONTS,
  layoutMapImage,
  type MapImageContent,
} from '../domain/export/map-image-layout.ts';
import { SEA_COLOR } from './base-style.ts';

/** Resolves once the map has drawn everything it was asked to (a view just opened), or after 5 s. */
function settled(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
    map.triggerRepaint();
  });
}

/**
 * Copies the map's current frame once it has settled. WebGL clears its drawing buffer once a
 * frame is shown (the map is not created with `preserveDrawingBuffer`, which would slow every
 * frame), so the copy is taken inside MapLibre's `render` event, while the frame is in the buffer.
 */
export async function captureMapFrame(map: MapLibreMap): Promise<HTMLCanvasElement> {
  await settled(map);
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext('2d')!;
      // The sea is the container's CSS background; the canvas itself is transparent there.
      context.fillStyle = SEA_COLOR;
      context.fillRect(0, 0, copy.width, copy.height);
      context.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/**
 * Draws the map at another size (a printed page's map area, in CSS px), fitted to an area, and
 * copies that frame; then gives the map back its own size and camera. The container is taken
 * out of the page's flow and hidden meanwhile, so the screen's layout never moves; WebGL draws
 * a hidden canvas all the same.
 */
export async function captureMapFrameAt(
  map: MapLibreMap,
  size: { width: number; height: number },
  area: [number, number, number, number],
): Promise<HTMLCanvasElement> {
  const container = map.getContainer();
  const camera = {
    center: map.getCenter(),
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };
  // Property by property (CSSOM): the content security policy forbids style attributes.
  const shown: Record<string, string> = {
    position: 'absolute',
    inset: 'auto',
    left: '0',
    top: '0',
    width: `${size.width}px`,
    height: `${size.height}px`,
    visibility: 'hidden',
  };
  const saved = Object.keys(shown).map((name): [string, string] => [
    name,
    container.style.getPropertyValue(name),
  ]);
  for (const [name, value] of Object.entries(shown)) container.style.setProperty(name, value);
  try {
    map.resize();
    const [west, south, east, north] = area;
    // A small margin, so the chosen area's edge never touches the paper's.
    const padding = Math.round(Math.min(size.width, size.height) * 0.04);
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding, animate: false, maxZoom: Math.max(camera.zoom, 10) },
    );
    return await captureMapFrame(map);
  } finally {
    for (const [name, value] of saved) {
      if (value) container.style.setProperty(name, value);
      else container.style.removeProperty(name);
    }
    map.resize();
    map.jumpTo(camera);
  }
}

/** A hatched swatch like the map's no-data pattern, so colour is not the only signal. */
function noDataPattern(context: CanvasRenderingContext2D, scale: number): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = Math.round(6 * scale);
  const t = tile.getContext('2d')!;
  t.fillStyle = '#e8e8e8';
  t.fillRect(0, 0, tile.width, tile.height);
  t.strokeStyle = '#969696';
  t.lineWidth = 2 * scale;
  t.beginPath();
  t.moveTo(0, tile.height);
  t.lineTo(tile.width, 0);
  t.stroke();
  return context.createPattern(tile, 'repeat') ?? '#d9d9d9';
}

/**
 * Composes the exported image: the map frame at its own pixel size with title, legend and
 * credits around it, laid out by `layoutMapImage` in CSS pixels and drawn at the map's pixel ratio.
 */
export async function composeMapImage(
  frame: HTMLCanvasElement,
  pixelRatio: number,
  content: MapImageContent,
): Promise<HTMLCanvasElement> {
  // Canvas text uses a web font only once it is loaded; the bold weight may not be yet.
  await Promise.all(Object.values(MAP_IMAGE_FONTS).map((font) => document.fonts.load(font)));
  const measurer = document.createElement('canvas').getContext('2d')!;
  const layout = layoutMapImage(
    content,
    { width: frame.width / pixelRatio, height: frame.height / pixelRatio },
    (text, font) => {
      measurer.font = font;
      return measurer.measureText(text).width;
    },
  );
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * pixelRatio);
  canvas.height = Math.round(layout.height * pixelRatio);
  const context = canvas.getContext('2d')!;
  context.scale(pixelRatio, pixelRatio);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, layout.width, layout.height);
  const { map } = layout;
  context.drawImage(frame, map.x, map.y, map.width, map.height);
  context.strokeStyle = '#8a8a8a';
  context.lineWidth = 1;
  context.strokeRect(map.x - 0.5, map.y - 0.5, map.width + 1, map.height + 1);
  for (const swatch of layout.swatches) {
    context.fillStyle = swatch.color ?? noDataPattern(context, pixelRatio);
    context.fillRect(swatch.x, swatch.y, swatch.width, swatch.height);
    context.strokeStyle = 'rgb(0 0 0 / 0.35)';
    context.strokeRect(swatch.x + 0.5, swatch.y + 0.5, swatch.width - 1, swatch.height - 1);
  }
  for (const text of layout.texts) {
    context.font = text.font;
    context.fillStyle = text.color;
    context.textAlign = text.align;
    context.fillText(text.text, text.x, text.y);
  }
  return canvas;
}

export function canvasToPngBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) reject(new Error('the browser could not encode the image as PNG'));
      else void blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
    }, 'image/png'),
  );
}
