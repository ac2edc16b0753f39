import { createContext } from 'svelte';
import { BOUNDARY_SETS, type BuiltInBoundarySetId } from '../domain/boundary-sets.ts';

/** One unit of one boundary set: what is hovered or selected, whichever era is shown. */
export interface UnitRef {
  set: BuiltInBoundarySetId;
  code: string;
}

/** A request to move the map; `id` changes on every request so repeated clicks still fly. */
export interface CameraRequest {
  id: number;
  bbox: [number, number, number, number];
}

/**
 * What the person points at and has chosen on the map, for every boundary set: the hovered
 * unit and the pointer (the tooltip's), the selected unit (the panel's, the table's row), and
 * requests to move the camera. One of each, so a 2025 commune and a 2019 district are never
 * both selected.
 */
export class SelectionState {
  /**
   * The unit under the pointer in each set that takes hover: the 2025 map has a province and a
   * commune under it at once (the tooltip names the commune of a commune dataset, else the
   * province).
   */
  hovered = $state.raw<Partial<Record<BuiltInBoundarySetId, string>>>({});
  /** Pointer position over the map, for the hover tooltip. */
  pointer = $state.raw<{ x: number; y: number } | null>(null);
  selected = $state.raw<UnitRef | null>(null);
  camera = $state.raw<CameraRequest | null>(null);
  #cameraRequests = 0;

  /** The selected unit's code when it is of one of `sets`, else null. */
  selectedIn(...sets: BuiltInBoundarySetId[]): string | null {
    return this.selected && sets.includes(this.selected.set) ? this.selected.code : null;
  }

  /** The hovered unit's code in the first of `sets` that has one, else null. */
  hoveredIn(...sets: BuiltInBoundarySetId[]): string | null {
    for (const set of sets) {
      const code = this.hovered[set];
      if (code !== undefined) return code;
    }
    return null;
  }

  /** Something is hovered or selected (the highlight layer is needed). */
  get pointedAt(): boolean {
    return this.selected !== null || Object.keys(this.hovered).length > 0;
  }

  /** The selected unit's code when it is of the given tile set's sets (`2019`, `2025`). */
  selectedOn(tiles: '2019' | '2025'): string | null {
    return this.selected && BOUNDARY_SETS[this.selected.set].tiles === tiles
      ? this.selected.code
      : null;
  }

  select(set: BuiltInBoundarySetId, code: string | null): void {
    this.selected = code === null ? null : { set, code };
  }

  /** Hovers a unit of `set` (null: the pointer left the set's units). */
  hover(set: BuiltInBoundarySetId, code: string | null): void {
    if ((this.hovered[set] ?? null) === code) return;
    const next = { ...this.hovered };
    if (code === null) delete next[set];
    else next[set] = code;
    this.hovered = next;
  }

  clear(): void {
    this.selected = null;
    this.hovered = {};
  }

  flyTo(bbox: [number, number, number, number]): void {
    this.#cameraRequests += 1;
    this.camera = { id: this.#cameraRequests, bbox };
  }
}

/** Shared through context by App (createContext: a missing provider throws). */
export const [getSelectionState, setSelectionState] = createContext<SelectionState>();
