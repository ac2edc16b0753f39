import type { MessageKey, Messages } from './messages.ts';

/**
 * The names the atlas gives things a person has not named yet: a new scenario, a meeting deck
 * ("Trình chiếu 2") and the priority builder's first rule. They are stored as the Vietnamese
 * message (older data holds exactly that), so a stored default is recognised when shown and
 * written in the shown language; a name a person typed is shown as typed, but for the copy marks
 * the atlas appends when it copies something (" (bản sao)", also stored in Vietnamese).
 */
const DEFAULT_NAME_KEYS = [
  'scenarioNewName',
  'slidesDefaultName',
  'priorityDefaultRuleName',
] as const satisfies readonly MessageKey[];

/** What follows a default name when the atlas numbers or copies it: " 2", " (bản sao)". */
type Tail = { kind: 'number'; text: string } | { kind: 'copy' };

function parseTail(rest: string, known: readonly Messages[]): Tail[] | null {
  const tails: Tail[] = [];
  let i = 0;
  while (i < rest.length) {
    if (rest[i] !== ' ') return null;
    i += 1;
    const number = /^\d+/.exec(rest.slice(i));
    if (number) {
      tails.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const suffix = known
      .map((m) => m.scenarioCopySuffix)
      .find((s) => s !== '' && rest.startsWith(s, i));
    if (suffix === undefined) return null;
    tails.push({ kind: 'copy' });
    i += suffix.length;
  }
  return tails;
}

/**
 * A name the atlas copied ("Kế hoạch Lào Cai (bản sao)"): the name before the copy marks at its
 * end and how many there are; null when it does not end with one.
 */
function copiedName(
  name: string,
  known: readonly Messages[],
): { base: string; copies: number } | null {
  let base = name;
  let copies = 0;
  for (;;) {
    const suffix = known
      .map((m) => ` ${m.scenarioCopySuffix}`)
      .find((s) => s.length > 1 && base.length > s.length && base.endsWith(s));
    if (suffix === undefined) break;
    base = base.slice(0, -suffix.length);
    copies += 1;
  }
  return copies > 0 ? { base, copies } : null;
}

/**
 * The name to show for a stored `name`: a default of any `known` language (optionally numbered
 * and/or copied) is written in `shown`'s language; the copy marks the atlas adds to any other
 * name (stored in Vietnamese, " (bản sao)") are written in `shown`'s language too, the name
 * before them as typed; any other name is returned unchanged.
 */
export function shownName(name: string, shown: Messages, known: readonly Messages[]): string {
  for (const key of DEFAULT_NAME_KEYS) {
    for (const messages of known) {
      const base = messages[key];
      if (!name.startsWith(base)) continue;
      const tails = parseTail(name.slice(base.length), known);
      if (!tails) continue;
      return [
        shown[key],
        ...tails.map((t) => (t.kind === 'number' ? t.text : shown.scenarioCopySuffix)),
      ].join(' ');
    }
  }
  const copied = copiedName(name, known);
  if (copied) {
    return [copied.base, ...Array<string>(copied.copies).fill(shown.scenarioCopySuffix)].join(' ');
  }
  return name;
}
