// journey.test.mjs: the citizen's journeys in headless Chromium (Debian's /usr/bin/chromium driven
// by playwright-core), against a running instance (CM_BASE_URL; script/test's browser stage starts
// one). Run: CM_SKIP_BOOTSTRAP=1 script/test browser   or, against a running instance,
//            CM_BASE_URL=http://127.0.0.1:18080 node --test tests/browser/
//
// 1. search 手机 → 公益免费 → a district → a course, on a phone, with JavaScript on;
// 2. the same with JavaScript off (every page is server-rendered);
// 3. keyboard: the skip link and visible focus;
// 4. large-text mode (MIIT elderly-friendly rules): ≥ 22px, line height ≥ 1.3, kept by a cookie;
// 5. English: lang="en", the navigation and the search;
// 6. the learning map's ten-minute circle on a desktop, with and without JavaScript, no internet.
// Screenshots go to CM_ARTIFACTS. Every request to another host than the instance is aborted, as
// if there were no internet: the tests never depend on the network (map tiles included).
// It only reads: no test writes to the database.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, BASE, PHONE, keepOffline, useChromium } from './lib/browser.mjs';

const TIMEOUT = 30_000; // each test
const STEP_TIMEOUT = 10_000; // each action or wait inside a test, so a failure names its step

const DESKTOP = {
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

const browser = useChromium();

// ---- helpers ----------------------------------------------------------------------------------

// Runs fn(page, context) in a fresh context and closes it. The page remembers the status of each
// document it loaded; uncaught script errors fail the test once fn has passed.
async function withContext(options, fn) {
  const context = await browser.newContext({ baseURL: BASE, ...options });
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  // no internet: only the instance answers
  await keepOffline(context);
  try {
    const page = await context.newPage();
    page.cm = { documents: [], errors: [] };
    page.on('response', (r) => {
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) {
        page.cm.documents.push({ url: r.url(), status: r.status() });
      }
    });
    page.on('pageerror', (e) => page.cm.errors.push(`${page.url()}: ${e.message}`));
    await fn(page, context);
    assert.deepEqual(page.cm.errors, [], 'uncaught JavaScript errors on the pages');
  } finally {
    await context.close();
  }
}

// The last document loaded must be a 2xx (redirects are followed by the browser: the last one
// counts).
function assertLoaded(page, what) {
  const last = page.cm.documents.at(-1);
  assert.ok(last, `${what}: no document was loaded`);
  assert.ok(last.status >= 200 && last.status < 300,
    `${what}: ${last.url} answered HTTP ${last.status}`);
}

async function go(page, url, what) {
  const r = await page.goto(url);
  assert.ok(r, `${what}: no response for ${url}`);
  assert.equal(r.status(), 200, `${what}: GET ${url} answered HTTP ${r.status()}`);
}

// Click a link or press a key, and wait for the new document to load (it may have the same URL:
// /prefs redirects back to the page it was called from).
async function navigate(page, action, urlPattern, what) {
  const loaded = page.waitForEvent('framenavigated', {
    predicate: (f) => f === page.mainFrame(),
  }).catch((e) => {
    throw new Error(`${what}: no new page was loaded (still at ${page.url()}): ` +
      e.message.split('\n')[0]);
  });
  await action();
  await loaded;
  await page.waitForLoadState('load');
  if (urlPattern) {
    assert.match(page.url(), urlPattern, `${what}: went to ${page.url()}, expected ${urlPattern}`);
  }
  assertLoaded(page, what);
}

// No horizontal scrolling: document.documentElement.scrollWidth <= window.innerWidth, and <= the
// layout viewport's width (documentElement.clientWidth). The second matters on a phone: with
// isMobile, Chromium zooms out to fit a page that is too wide, so window.innerWidth grows with the
// page (617px for a 600px-wide element on a 360px phone) and the first test alone always passes.
// On failure, names the elements that stick out on the right.
async function assertNoHorizontalScroll(page, what) {
  const r = await page.evaluate(() => {
    const vw = Math.min(window.innerWidth, document.documentElement.clientWidth);
    const sw = document.documentElement.scrollWidth;
    let wide = [];
    if (sw > vw) {
      // the elements that stick out and have no child that sticks out, widest first: the
      // culprit leads the list, the boxes it stretched follow
      const out = [...document.body.querySelectorAll('*')].filter((el) => {
        const b = el.getBoundingClientRect();
        return b.width > 0 && b.right > vw + 0.5;
      });
      const set = new Set(out);
      wide = out.filter((el) => ![...el.children].some((c) => set.has(c)))
        .map((el) => {
          let name = el.tagName.toLowerCase();
          if (el.id) name += '#' + el.id;
          if (el.classList.length) name += '.' + [...el.classList].join('.');
          return { name, right: Math.round(el.getBoundingClientRect().right) };
        })
        .sort((a, b) => b.right - a.right)
        .slice(0, 5)
        .map((x) => `${x.name} (right edge ${x.right}px)`);
    }
    return { vw, sw, wide };
  });
  assert.ok(r.sw <= r.vw,
    `${what}: the page scrolls sideways on ${page.url()}: scrollWidth ${r.sw}px > window ` +
    `${r.vw}px; too wide: ${r.wide.join(', ') || '(nothing found)'}`);
}

async function assertOneH1(page, what) {
  const n = await page.locator('h1').count();
  assert.equal(n, 1, `${what}: ${page.url()} has ${n} <h1> elements, not one`);
}

// Every page of a journey: it loaded, has one h1 and does not scroll sideways.
async function checkPage(page, what) {
  assertLoaded(page, what);
  await assertOneH1(page, what);
  await assertNoHorizontalScroll(page, what);
}

// The catalog's filters sit in a <details> that is closed on phones: open it as a user would.
async function openFilters(page) {
  const details = page.locator('details.filters-details');
  if ((await details.count()) === 0) return;
  const firstLink = details.locator('.facet a').first();
  if (!(await firstLink.isVisible())) {
    await details.locator('summary').click();
    await firstLink.waitFor({ state: 'visible' }).catch(() => {
      throw new Error(`opening the filters (tapping their summary) did not show them on ${page.url()}`);
    });
  }
}

// A facet of the catalog by its (localized) title.
function facet(page, title) {
  return page.locator('.catalog-filters .facet', {
    has: page.getByRole('heading', { name: title, exact: true }),
  });
}

// The number in the results heading ("共找到 31 门课程" / "Found 31 courses").
async function resultCount(page, what) {
  const heading = page.locator('#results-heading');
  await heading.waitFor({ state: 'visible' }).catch(() => {
    throw new Error(`${what}: no results heading (#results-heading) on ${page.url()}`);
  });
  const text = (await heading.innerText()).replace(/\s+/g, ' ').trim();
  const m = text.match(/\d[\d,]*/);
  assert.ok(m, `${what}: the results heading has no number: “${text}”`);
  return { n: Number(m[0].replace(/,/g, '')), text };
}

async function cardTitles(page) {
  return (await page.locator('.course-list .card-title a').allInnerTexts()).map((t) => t.trim());
}

async function shot(page, name) {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The outline or box-shadow that shows where the focus is: returns a description when there is
// one, '' when there is none.
async function focusIndicator(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const s = getComputedStyle(el);
    const transparent = (c) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 &&
      !transparent(s.outlineColor);
    if (outline) return `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
    if (s.boxShadow && s.boxShadow !== 'none') return `box-shadow ${s.boxShadow}`;
    return '';
  });
}

// ---- the journey --------------------------------------------------------------------------------

const SEATS = /(余|剩)\s*\d+\s*(席|个)|已满/;
const PRICE = /¥\s*\d|免费/;

async function journey(page, label, shots) {
  const step = async (name) => { if (shots) await shot(page, `${shots}-${name}.png`); };
  // home
  await go(page, '/', `${label}: home`);
  await checkPage(page, `${label}: home`);
  await step('1-home');

  // search 手机 in the search box, found by its label, submitted with Enter
  const box = page.getByRole('searchbox', { name: '找课程', exact: true });
  await box.waitFor({ state: 'visible' }).catch(() => {
    throw new Error(`${label}: no visible search box labelled “找课程” on the home page`);
  });
  await box.fill('手机');
  await navigate(page, () => box.press('Enter'), /\/courses\?/, `${label}: search 手机`);
  await checkPage(page, `${label}: search results`);
  assert.equal(new URL(page.url()).searchParams.get('q'), '手机',
    `${label}: the search URL ${page.url()} does not carry q=手机`);
  const found = await resultCount(page, `${label}: search results`);
  assert.ok(found.n > 0, `${label}: searching 手机 found nothing: “${found.text}”`);
  const titles = await cardTitles(page);
  assert.ok(titles.some((t) => t.includes('手机')),
    `${label}: no result title contains 手机; titles: ${titles.slice(0, 5).join(' | ')}`);

  // the 公益免费 filter
  await openFilters(page);
  await step('2-results');
  const free = facet(page, '收费方式').getByRole('link', { name: /^公益免费/ });
  assert.equal(await free.count(), 1, `${label}: no link “公益免费” in the 收费方式 filter`);
  await navigate(page, () => free.click(), /[?&]fee=free/, `${label}: filter 公益免费`);
  await checkPage(page, `${label}: free courses`);
  const freeCount = await resultCount(page, `${label}: free courses`);
  assert.ok(freeCount.n > 0 && freeCount.n <= found.n,
    `${label}: 公益免费 should narrow ${found.n} results to 1..${found.n}: “${freeCount.text}”`);

  // the first district that has courses
  await openFilters(page);
  const district = facet(page, '上课区县').locator('a:has(.facet-count)').first();
  assert.equal(await district.count(), 1,
    `${label}: the 上课区县 filter has no district link with a count on ${page.url()}`);
  const districtName = (await district.locator('.facet-label').innerText()).trim();
  await navigate(page, () => district.click(), /[?&]district=/, `${label}: filter ${districtName}`);
  await checkPage(page, `${label}: free courses in ${districtName}`);
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('fee'), 'free', `${label}: fee=free was lost: ${page.url()}`);
  assert.match(params.get('district') || '', /^\d+$/, `${label}: no district=N in ${page.url()}`);
  assert.equal(params.get('q'), '手机', `${label}: the search word was lost: ${page.url()}`);
  const narrowed = await resultCount(page, `${label}: ${districtName}`);
  assert.ok(narrowed.n > 0, `${label}: ${districtName} had a count but lists nothing: “${narrowed.text}”`);

  await step('3-filtered');

  // the first course
  const first = page.locator('.course-list .card-title a').first();
  assert.equal(await first.count(), 1, `${label}: no course card on ${page.url()}`);
  const title = (await first.innerText()).trim();
  await navigate(page, () => first.click(), /\/courses\/\d+/, `${label}: open “${title}”`);
  await checkPage(page, `${label}: course page`);
  const h1 = (await page.locator('h1').innerText()).trim();
  assert.equal(h1, title, `${label}: the course page's h1 is not the card's title`);

  // its offerings (班次), each with seats and a price
  const offerings = page.getByRole('region', { name: /班次/ });
  assert.equal(await offerings.count(), 1, `${label}: no 班次 section on ${page.url()}`);
  const rows = offerings.locator('tbody tr');
  const rowTexts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  assert.ok(rowTexts.length >= 1, `${label}: the 班次 section lists no offering on ${page.url()}`);
  const good = rowTexts.filter((t) => SEATS.test(t) && PRICE.test(t));
  assert.ok(good.length >= 1,
    `${label}: no offering shows seats left (余 N 席 / 仅剩 N 席 / 已满) and a price (¥ / 免费): ` +
    rowTexts.map((t) => `“${t.slice(0, 120)}”`).join('; '));
  return { title, url: page.url() };
}

// The distances in the map's list, in metres ("180 米", "1.2 公里", "180 m", "1.2 km").
async function mapDistances(page, what) {
  const list = page.locator('ol.map-results');
  await list.waitFor({ state: 'visible' }).catch(() => {
    throw new Error(`${what}: no visible list of sites (ol.map-results) on ${page.url()}`);
  });
  const texts = await list.locator(':scope > li').evaluateAll((items) => items.map((li) => {
    const dt = [...li.querySelectorAll('dt')].find((d) => /距离|Distance/i.test(d.textContent));
    return { name: li.dataset.name, d: dt?.nextElementSibling?.textContent.trim() ?? '' };
  }));
  assert.ok(texts.length >= 1, `${what}: the list of sites is empty`);
  return texts.map(({ name, d }) => {
    const m = d.match(/([\d.,]+)\s*(公里|千米|米|km|m)/);
    assert.ok(m, `${what}: cannot read the distance of ${name}: “${d}”`);
    const n = Number(m[1].replace(/,/g, ''));
    return { name, text: d, metres: /公里|千米|km/.test(m[2]) ? n * 1000 : n };
  });
}

// ---- the tests ----------------------------------------------------------------------------------

test('phone, JavaScript on: search 手机, free, a district, a course', { timeout: TIMEOUT }, async () => {
  await withContext({ ...PHONE, javaScriptEnabled: true }, async (page) => {
    await journey(page, 'phone+JS', 'journey-phone');
    await shot(page, 'journey-phone.png');
  });
});

test('phone, JavaScript off: the same journey works server-rendered', { timeout: TIMEOUT }, async () => {
  await withContext({ ...PHONE, javaScriptEnabled: false }, async (page) => {
    await journey(page, 'phone, no JS');
    await shot(page, 'journey-phone-nojs.png');
  });
});

test('keyboard: the first Tab reaches the skip link, Enter moves to main, focus is visible',
  { timeout: TIMEOUT }, async () => {
    await withContext({ ...DESKTOP, javaScriptEnabled: true }, async (page) => {
      await go(page, '/', 'keyboard: home');
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement;
        const b = el.getBoundingClientRect();
        return {
          tag: el.tagName, text: (el.textContent || '').trim(), href: el.getAttribute('href'),
          inView: b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.width > 0,
        };
      });
      assert.equal(skip.text, '跳到主要内容',
        `the first Tab focused <${skip.tag}> “${skip.text}”, not the skip link`);
      assert.equal(skip.href, '#main', 'the skip link does not point at #main');
      assert.ok(skip.inView, 'the focused skip link is not shown on the screen');
      const ring = await focusIndicator(page);
      assert.ok(ring, 'the focused skip link has no visible outline or box-shadow');

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main', null,
        { timeout: 3000 }).catch(async () => {
        const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
        throw new Error(`Enter on the skip link did not move the focus to <main id="main">: it is on ${at}`);
      });
      // the next Tab goes to the first control inside main, and that shows its focus too
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => {
        const el = document.activeElement;
        return { inMain: !!el.closest('main'), html: el.outerHTML.slice(0, 100) };
      });
      assert.ok(next.inMain, `after the skip link, Tab went to ${next.html}, outside <main>`);
      assert.ok(await focusIndicator(page), `the focused ${next.html} has no visible outline`);
    });
  });

test('large-text mode: 22px text, line height ≥ 1.3, kept on the next page', { timeout: TIMEOUT }, async () => {
  await withContext({ ...PHONE, javaScriptEnabled: true }, async (page, context) => {
    await go(page, '/', 'large text: home');
    const on = page.getByRole('link', { name: '大字模式', exact: true });
    await navigate(page, () => on.click(), null, 'large text: click 大字模式');
    await checkPage(page, 'large text: home');
    const measure = () => page.evaluate(() => {
      const p = document.querySelector('main p:not(.lead)') || document.body;
      const px = (el, prop) => getComputedStyle(el)[prop];
      return {
        htmlClass: document.documentElement.className,
        bodyClass: document.body.className,
        body: { size: px(document.body, 'fontSize'), lh: px(document.body, 'lineHeight') },
        p: { size: px(p, 'fontSize'), lh: px(p, 'lineHeight'), text: p.textContent.trim().slice(0, 20) },
      };
    });
    const m = await measure();
    assert.match(m.htmlClass, /\blarge-text\b/, `<html> has no class large-text after 大字模式 (${page.url()})`);
    assert.match(m.bodyClass, /\blarge-text\b/, '<body> has no class large-text after 大字模式');
    for (const [what, v] of [['body', m.body], [`the paragraph “${m.p.text}…”`, m.p]]) {
      const size = parseFloat(v.size);
      const lh = parseFloat(v.lh);
      assert.ok(size >= 22, `large text: ${what} is ${v.size}, less than 22px`);
      assert.ok(Number.isFinite(lh) && lh >= 1.3 * size,
        `large text: ${what} has line-height ${v.lh} for ${v.size} text, less than 1.3×`);
    }
    assert.ok(await page.getByRole('link', { name: '标准字号', exact: true }).count() === 1,
      'large text: no link “标准字号” to switch back');
    await shot(page, 'large-text-phone.png');

    // the next page keeps it (a cookie, not the URL)
    const cookies = await context.cookies(BASE);
    assert.ok(cookies.some((c) => c.name === 'text' && c.value === 'large'),
      `large text: no cookie text=large (cookies: ${cookies.map((c) => c.name).join(', ')})`);
    const courses = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程', exact: true });
    await navigate(page, () => courses.click(), /\/courses$/, 'large text: next page');
    await checkPage(page, 'large text: catalog');
    const m2 = await measure();
    assert.match(m2.htmlClass, /\blarge-text\b/, 'large text was not kept on the next page (/courses)');
    assert.ok(parseFloat(m2.body.size) >= 22, `large text: /courses body text is ${m2.body.size}`);

    // and a course page, whose offerings table becomes a list of cards on a phone
    const first = page.locator('.course-list .card-title a').first();
    await navigate(page, () => first.click(), /\/courses\/\d+/, 'large text: a course');
    await checkPage(page, 'large text: course page');
    assert.match((await measure()).htmlClass, /\blarge-text\b/, 'large text was not kept on the course page');
    await shot(page, 'large-text-course-phone.png');
  });
});

test('English: lang="en", the navigation says Courses, the search works', { timeout: TIMEOUT }, async () => {
  await withContext({ ...PHONE, javaScriptEnabled: true }, async (page) => {
    await go(page, '/', 'English: home');
    const en = page.getByRole('link', { name: 'English', exact: true });
    await navigate(page, () => en.click(), null, 'English: click English');
    await checkPage(page, 'English: home');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'English: <html lang> is not "en"');
    const nav = page.getByRole('navigation', { name: 'Main', exact: true });
    assert.equal(await nav.getByRole('link', { name: 'Courses', exact: true }).count(), 1,
      `English: the main navigation has no “Courses”: “${(await nav.innerText()).replace(/\s+/g, ' ')}”`);

    const box = page.getByRole('searchbox', { name: 'Find a course', exact: true });
    await box.fill('手机');
    await navigate(page, () => box.press('Enter'), /\/courses\?/, 'English: search 手机');
    await checkPage(page, 'English: results');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'English: the results page is not lang="en"');
    const found = await resultCount(page, 'English: results');
    assert.match(found.text, /^Found \d+ courses?\b/, `English: the results heading is not English: “${found.text}”`);
    assert.ok(found.n > 0, `English: searching 手机 found nothing: “${found.text}”`);
    const titles = await cardTitles(page);
    assert.ok(titles.some((t) => t.includes('手机')), `English: no result title contains 手机: ${titles.slice(0, 5).join(' | ')}`);
    // and the header search, present on every page, searches too
    const header = page.getByRole('searchbox', { name: 'Search courses', exact: true });
    await header.fill('太极');
    await navigate(page, () => header.press('Enter'), /q=%E5%A4%AA%E6%9E%81/, 'English: header search 太极');
    const again = await resultCount(page, 'English: header search');
    assert.ok(again.n > 0, `English: the header search for 太极 found nothing: “${again.text}”`);
  });
});

test('learning map, desktop: the ten-minute walk lists sites within 800 m, with and without JS',
  { timeout: TIMEOUT }, async () => {
    // JavaScript on: tiles cannot load (no internet), the list is the page
    await withContext({ ...DESKTOP, javaScriptEnabled: true }, async (page) => {
      await go(page, '/map?walk=1', 'map+JS');
      await checkPage(page, 'map+JS');
      const sites = await mapDistances(page, 'map+JS');
      const far = sites.filter((x) => !(x.metres <= 800));
      assert.deepEqual(far, [], 'map+JS: sites farther than 800 m in the ten-minute walk');
      // when no tile loads, map.js hides the map again: no empty box stays on the page
      await page.waitForFunction(() => {
        const m = document.getElementById('map');
        return !m || m.hidden || m.offsetHeight === 0;
      }, null, { timeout: 8000 }).catch(() => {
        throw new Error('map+JS: the map box is still shown though no tile could load (an empty box)');
      });
      // map.js ran (it adds the "use my location" button), so this really was the JS case
      assert.equal(await page.locator('.map-locate').count(), 1,
        'map+JS: map.js did not run (no "use my location" button)');
      await shot(page, 'map-desktop.png');
    });

    // JavaScript off: the same list, and no map box at all
    await withContext({ ...DESKTOP, javaScriptEnabled: false }, async (page) => {
      await go(page, '/map?walk=1', 'map, no JS');
      await checkPage(page, 'map, no JS');
      const sites = await mapDistances(page, 'map, no JS');
      const far = sites.filter((x) => !(x.metres <= 800));
      assert.deepEqual(far, [], 'map, no JS: sites farther than 800 m in the ten-minute walk');
      const boxes = await page.locator('#map, .map, .leaflet-container').evaluateAll((els) =>
        els.filter((e) => e.offsetWidth > 0 && e.offsetHeight > 0).map((e) => e.outerHTML.slice(0, 80)));
      assert.deepEqual(boxes, [], 'map, no JS: a map box is visible without JavaScript (it can only be empty)');
      // and JavaScript really was off: map.js adds a "use my location" button
      assert.equal(await page.locator('.map-locate').count(), 0,
        'map, no JS: the page ran map.js although JavaScript was off');
    });
  });
