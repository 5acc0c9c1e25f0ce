/**
 * Reports to the ЦУР due soon (quarterly, annual) and the weekly note, for the «Обзор МЦУ».
 * Owned by the «Отчёты» feature (issue 8); renders nothing until it lands.
 */
export function ReportsDue() {
  return null;
}
