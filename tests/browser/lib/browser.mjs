// browser.mjs: what every browser test shares: the instance under test (CM_BASE_URL), its
// gatewaysim (CM_SIM_URL) and the SMS it received, the screenshot folder (CM_ARTIFACTS), Debian's
// Chromium launched with the flags DESIGN.md prescribes (useChromium: once per test file), and
// contexts kept offline (only the instance answers, as on a machine without internet).
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = (process.env.CM_BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
export const BASE_ORIGIN = new URL(BASE).origin;
export const SIM = (process.env.CM_SIM_URL || 'http://127.0.0.1:18082').replace(/\/+$/, '');
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = process.env.CM_ARTIFACTS || path.join(HERE, '..', '..', '..', 'var', 'test', 'artifacts');
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

// Registers the test file's before and after hooks: make the ARTIFACTS folder and launch Chromium
// before the tests, close it after them. Returns a stand-in for the browser, valid inside the
// tests: browser.newContext(options).
export function useChromium() {
  let browser;
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    if (browser) await browser.close();
  });
  return { newContext: (options) => browser.newContext(options) };
}

// The newest SMS gatewaysim received for phone whose text matches pattern, as pattern.exec gives
// it (m.input is the whole text), waiting up to 20 s for the courier to deliver it.
export async function smsMatching(phone, pattern) {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const res = await fetch(`${SIM}/sim/messages?phone=${phone}`);
    if (res.ok) {
      for (const message of (await res.json()).messages || []) {
        const m = pattern.exec(message.text);
        if (m) return m;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no SMS matching ${pattern} reached ${phone} within 20 s`);
}

// Aborts every request a context makes to another host than the instance.
export async function keepOffline(context) {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(BASE_ORIGIN + '/') || url.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
}
