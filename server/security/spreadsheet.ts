/**
 * CSV/XLSX injection: a text cell that starts with = + - @ (or a tab or carriage return) is read
 * by Excel and LibreOffice as a formula. Prefixing an apostrophe keeps it text (OWASP advice).
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
