import type { Action } from 'svelte/action';

/**
 * Says when a slider is held by the pointer: pressed, until let go anywhere (on the slider or off
 * it), cancelled or left. While it is held the map draws at a lower resolution and the address
 * waits, so that dragging recolours smoothly.
 */
export const sliderHold: Action<HTMLInputElement, (held: boolean) => void> = (node, onHold) => {
  let tell = onHold;
  const release = () => tell(false);
  const press = () => {
    tell(true);
    window.addEventListener('pointerup', release, { once: true });
  };
  node.addEventListener('pointerdown', press);
  node.addEventListener('pointercancel', release);
  node.addEventListener('blur', release);
  return {
    update(next) {
      tell = next;
    },
    destroy() {
      node.removeEventListener('pointerdown', press);
      node.removeEventListener('pointercancel', release);
      node.removeEventListener('blur', release);
      window.removeEventListener('pointerup', release);
    },
  };
};
