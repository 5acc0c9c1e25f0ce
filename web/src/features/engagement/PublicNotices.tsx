/**
 * Notices for residents (planned outages, works) published by the МЦУ, shown on the residents'
 * public page. Owned by the «Взаимодействие» feature (issue 9); renders nothing until it lands.
 */
export function PublicNotices(_props: { tenantCode: string }) {
  return null;
}
