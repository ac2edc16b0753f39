/**
 * What pressing "Lưu" does. An unsaved scenario is saved as new and an unrenamed one replaces its
 * record; a renamed one asks, because the planner may mean a second scenario rather than a new
 * name for the first, and overwriting would lose the earlier one.
 */
export type SaveAction = 'new' | 'replace' | 'ask';

export function saveAction(savedName: string | null, name: string): SaveAction {
  if (savedName === null) return 'new';
  return savedName === name ? 'replace' : 'ask';
}
