/** Quotes a value the caller sent, cut short, so an error message never echoes a large input back. */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
