import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Colours are design tokens (src/styles/tokens.css): a component's <style> names a token and
 * never writes a colour itself. The map's own colours (src/lib/map/) are the lead's, and the 2025
 * unit panel is left until it is folded into the general one.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const EXEMPT = ['src/lib/map/'];
const COLOUR = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/g;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(path);
    return entry.name.endsWith('.svelte') ? [path] : [];
  });
}

/** Every colour literal written in the <style> blocks of `source`, with its line. */
function colourLiterals(source: string): string[] {
  const found: string[] = [];
  for (const block of source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
    const css = (block[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const line of css.split('\n')) {
      for (const match of line.matchAll(COLOUR)) found.push(`${match[0]} in "${line.trim()}"`);
    }
  }
  return found;
}

describe('design tokens', () => {
  it('finds a colour literal where there is one (the check can fail)', () => {
    expect(colourLiterals('<style>\n a { color: #1b1b1b; }\n</style>')).toHaveLength(1);
    expect(colourLiterals('<style> a { background: rgb(0 0 0 / 0.2); } </style>')).toHaveLength(1);
    expect(colourLiterals('<style> a { color: var(--color-text); } </style>')).toEqual([]);
    // Colours outside <style> (a chart's data colours in script) are not this rule's business.
    expect(colourLiterals('<script>const c = "#fff";</script><style></style>')).toEqual([]);
  });

  it('no component writes a colour in its styles: they use src/styles/tokens.css', () => {
    const offenders = svelteFiles(join(ROOT, 'src'))
      .map((path) => relative(ROOT, path))
      .filter((path) => !EXEMPT.some((exempt) => path.startsWith(exempt)))
      .flatMap((path) =>
        colourLiterals(readFileSync(join(ROOT, path), 'utf8')).map((c) => `${path}: ${c}`),
      );
    expect(offenders).toEqual([]);
  });

  it('every token a component names is defined in tokens.css', () => {
    const tokens = readFileSync(join(ROOT, 'src/styles/tokens.css'), 'utf8');
    const defined = new Set([...tokens.matchAll(/(--[a-z0-9-]+):/g)].map((m) => m[1]));
    const used = svelteFiles(join(ROOT, 'src'))
      .filter((path) => !EXEMPT.some((exempt) => relative(ROOT, path).startsWith(exempt)))
      .flatMap((path) =>
        [
          ...readFileSync(path, 'utf8').matchAll(
            /var\((--(?:color|space|font|radius|shadow)-[a-z0-9-]+)/g,
          ),
        ].map((m) => `${relative(ROOT, path)}: ${m[1]}`),
      );
    expect(used.filter((u) => !defined.has(u.split(': ')[1]!))).toEqual([]);
  });
});
