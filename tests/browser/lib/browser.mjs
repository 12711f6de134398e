// browser.mjs: what every browser test shares: the instance under test (CM_BASE_URL), Debian's
// Chromium launched with the flags DESIGN.md prescribes, and contexts kept offline (only the
// instance answers, as on a machine without internet).
import { chromium } from 'playwright-core';

export const BASE = (process.env.CM_BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
export const BASE_ORIGIN = new URL(BASE).origin;
const CHROMIUM = process.env.CM_CHROMIUM || '/usr/bin/chromium';

// A phone-sized screen, as the journeys use it (a 360 px wide Android phone), in China.
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

export async function launchChromium() {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  } catch (e) {
    throw new Error(`cannot launch Chromium at ${CHROMIUM} (CM_CHROMIUM): ${e.message}`);
  }
}

// Aborts every request a context makes to another host than the instance.
export async function keepOffline(context) {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(BASE_ORIGIN + '/') || url.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
}
