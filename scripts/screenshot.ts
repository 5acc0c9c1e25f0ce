/**
 * Screenshots of screens at 1366×768 for a visual check, on a fresh demo database:
 *   npx tsx scripts/screenshot.ts <login|-> <path> [<path> …]
 * e.g. `npx tsx scripts/screenshot.ts head /overview /analytics`; «-» for no login (public pages).
 * Writes tmp/shots/<login>-<n>.png and prints the paths. Needs a web build (npm run build:web).
 * SHOT_URL=http://127.0.0.1:3999 takes them from a running product instead (e.g. `npm start` with its
 * 20 000 demo cases, so the figures are not empty). SHOT_SIZE=1920x1080 for another window size.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, logIn, newPage, startProduct } from '../e2e/browser';

const [login, ...paths] = process.argv.slice(2);
if (!login || paths.length === 0) {
  console.error('Использование: npx tsx scripts/screenshot.ts <логин|-> <путь> [<путь> …]');
  process.exit(2);
}
mkdirSync('tmp/shots', { recursive: true });
const product = process.env.SHOT_URL ? { url: process.env.SHOT_URL, stop: async () => undefined } : await startProduct();
const browser = await launchBrowser();
try {
  const page = await newPage(browser);
  const size = /^(\d+)x(\d+)$/.exec(process.env.SHOT_SIZE ?? '');
  if (size) await page.setViewportSize({ width: Number(size[1]), height: Number(size[2]) });
  if (login !== '-') await logIn(page, product.url, login);
  for (const [i, path] of paths.entries()) {
    await page.goto(`${product.url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    const file = `tmp/shots/${login === '-' ? 'public' : login}-${i + 1}.png`;
    await page.screenshot({ path: file });
    console.log(`${path} → ${file}`);
  }
} finally {
  await browser.close();
  await product.stop();
}
