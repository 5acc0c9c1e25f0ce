/**
 * «Добавить к проблеме»: links the given cases to an open problem or creates one from them.
 * Owned by the «Проблемы и дорожные карты» feature (issue 7); renders nothing until it lands.
 */
export function AddToProblem(_props: { caseIds: string[]; onDone?: () => void }) {
  return null;
}
