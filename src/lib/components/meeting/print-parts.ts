import type { PrintParts } from '../../domain/export/print-page.ts';

/**
 * Measures the parts printed around the map (heading, legend, credits) as they will be laid out
 * on paper, so that the map's still can be drawn at the proportions of the area they leave: each
 * part is copied, given its print styles (App.svelte, PrintHeader and SourceCredits print rules)
 * and laid out, hidden, at the width it has on the page. A part not shown measures 0.
 */
export function measurePrintParts(root: ParentNode = document): PrintParts {
  const header = root.querySelector<HTMLElement>('[data-testid="print-header"]');
  const legends = [
    ...root.querySelectorAll<HTMLElement>(
      '.left-column > :is([data-testid="legend"], [data-testid="lisa-legend"], [data-testid="era-legend"])',
    ),
  ];
  const credits = root.querySelector<HTMLElement>('[data-testid="credits"]');
  return {
    header: (width) => heightAt(header ? [header] : [], width),
    legend: (width) =>
      heightAt(legends, width, (copy) => {
        copy.style.setProperty('box-shadow', 'none');
        copy.style.setProperty('max-width', 'none');
      }),
    credits: (width) =>
      heightAt(credits ? [credits] : [], width, (copy) => {
        // On paper the one-line summary goes and the full list is shown in the flow.
        for (const line of copy.querySelectorAll<HTMLElement>('.line')) line.remove();
        for (const list of copy.querySelectorAll<HTMLElement>('.list')) {
          list.classList.remove('sr-only');
          for (const [name, value] of Object.entries(LIST_ON_PAPER)) {
            list.style.setProperty(name, value);
          }
        }
      }),
  };
}

const LIST_ON_PAPER: Record<string, string> = {
  position: 'static',
  'max-height': 'none',
  overflow: 'visible',
  padding: '0',
  'box-shadow': 'none',
  'border-top': '0',
};

/** The height of copies of some elements stacked at a width, in CSS px. */
function heightAt(
  elements: HTMLElement[],
  width: number,
  adjust: (copy: HTMLElement) => void = () => undefined,
): number {
  const [first] = elements;
  if (!first) return 0;
  const parent = first.parentElement ?? document.body;
  const box = document.createElement('div');
  for (const [name, value] of Object.entries({
    position: 'absolute',
    left: '0',
    top: '0',
    width: `${width}px`,
    display: 'flow-root',
    visibility: 'hidden',
    'pointer-events': 'none',
  })) {
    box.style.setProperty(name, value);
  }
  for (const element of elements) {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    for (const inner of copy.querySelectorAll('[id]')) inner.removeAttribute('id');
    // The heading is hidden on screen; every part is a plain block on paper.
    copy.style.setProperty('display', 'block');
    copy.style.setProperty('margin', '0');
    adjust(copy);
    box.append(copy);
  }
  parent.append(box);
  const height = box.getBoundingClientRect().height;
  box.remove();
  return height;
}
