/**
 * A stored file name that is only a name: no directories (`/`, `\`), no control characters
 * (NUL, CR, LF…), no leading dots (`..`, hidden files), no bidirectional overrides that disguise
 * the extension; at most 200 characters. `fallback` when nothing is left.
 */
export function safeFileName(name: string | undefined, fallback = 'файл'): string {
  const cleaned = (name ?? '')
    .replace(/[\\/\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/^[.\s_]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}
