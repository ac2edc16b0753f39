/**
 * The display scale the shell applies (src/lib/domain/display-scale.ts): App sets it while
 * presenting; the type scale (--ui-scale in src/styles/tokens.css) follows it, and map label
 * layers may multiply their text-size by `displayScale.factor`.
 */
class DisplayScale {
  factor = $state(1);
}

export const displayScale = new DisplayScale();
