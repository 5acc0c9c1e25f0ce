/** Social networks of official pages (госпаблики): VK and OK are mandatory, Telegram optional. */
export const NETWORKS = ['vk', 'ok', 'tg'] as const;
export type Network = (typeof NETWORKS)[number];
export const MANDATORY_NETWORKS: readonly Network[] = ['vk', 'ok'];

const HOSTS: Record<Network, RegExp> = {
  vk: /^(m\.)?vk\.(com|ru)$/,
  ok: /^(m\.)?ok\.ru$/,
  tg: /^(t\.me|telegram\.me)$/,
};

export const NETWORK_NAMES: Record<Network, string> = { vk: 'ВКонтакте', ok: 'Одноклассники', tg: 'Telegram' };

/**
 * Checks a page address against its network and returns it in one canonical form
 * (https, lower-case host without «www.», no trailing slash, no query), or a Russian reason.
 */
export function canonicalPageUrl(network: Network, raw: string): { url: string } | { error: string } {
  const text = raw.trim();
  let u: URL;
  try {
    u = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { error: 'Адрес страницы: неверный адрес' };
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  if (!HOSTS[network].test(host)) return { error: `Адрес страницы: это не адрес в сети «${NETWORK_NAMES[network]}» (ожидается ${network === 'vk' ? 'vk.com/…' : network === 'ok' ? 'ok.ru/…' : 't.me/…'})` };
  const path = u.pathname.replace(/\/+$/, '');
  if (!/^\/[A-Za-z0-9_.\-/]+$/.test(path)) return { error: 'Адрес страницы: укажите адрес страницы, а не сайта сети' };
  return { url: `https://${host.replace(/^m\./, '')}${path}` };
}
