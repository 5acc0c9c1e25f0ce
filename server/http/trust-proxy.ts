/**
 * Which peers may set X-Forwarded-For (TRUST_PROXY): none by default, so a client cannot forge
 * its address to dodge per-IP limits; behind a reverse proxy, the proxy's addresses or subnets
 * separated by commas (e.g. `127.0.0.1,10.0.0.0/8`).
 */
export function trustProxyOption(value: string | undefined): false | string[] {
  const v = (value ?? '').trim();
  if (!v || ['0', 'off', 'false', 'no'].includes(v.toLowerCase())) return false;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
