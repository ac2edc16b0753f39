/** Fills `{name}` placeholders of a message: `formatMessage('Bước {n}/5', { n: 2 })`. */
export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
