// a11y.test.mjs: automated accessibility checks with axe-core (npm `axe-core`) in headless
// Chromium (Debian's /usr/bin/chromium driven by playwright-core), against a running instance
// (CM_BASE_URL; script/test's browser stage starts one).
// Run: CM_SKIP_BOOTSTRAP=1 script/test browser   or, against a running instance,
//      CM_BASE_URL=http://127.0.0.1:18080 node --test tests/browser/a11y.test.mjs
//
// The public pages a citizen reaches without signing in (home, catalog, a search with a filter,
// a course, the sites, a site, the learning map's ten-minute walk, an agency, the accessibility
// statement, a 404 and a 400 page) are checked in Chinese and English, in standard and large text
// (the `lang=en` and `text=large` cookies that /prefs sets), on a 360×740 phone and a 1280×800
// desktop: 8 combinations × 11 pages. axe runs the WCAG 2.0/2.1 A and AA rules (the level that
// GB/T 37668-2019 asks for) and every violation fails the check, printed with its rule, impact,
// help text, and the first few elements (selector, HTML, axe's finding) so the failure says what to
// fix. axe only finds what a machine can find: journey.test.mjs covers focus and the skip link,
// and a person with a screen reader still has to try the pages.
//
// One browser for the file, one context per combination (its pages share it, one after the
// other), two or more combinations at a time. Requests to any other host than the instance are
// aborted, as if offline (map tiles included: the learning map then hides its empty box and the
// list is the page, which is what gets checked). It only reads.
//
// How axe gets in: the site's Content-Security-Policy (script-src 'self') refuses a script that
// page.addScriptTag() adds, so that would need a context with bypassCSP, which also lifts the
// policy's other rules (style-src 'self' drops inline style attributes: with CSP bypassed the
// page would not look as it does to a user). Instead each context registers axe.min.js once as
// an init script (context.addInitScript): DevTools evaluates it in every new document, which
// CSP does not govern, and the pages are checked under their real policy. It is also faster:
// addScriptTag sends the 550 kB script over the DevTools pipe for every page (measured: 25% of
// the run).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { BASE, BASE_ORIGIN, keepOffline, launchChromium } from './lib/browser.mjs';
import { canMakePeople, makeUser, psql, sessionFor, sqlStr } from './lib/people.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const AXE_VERSION = require('axe-core/package.json').version;

const STEP_TIMEOUT = 10_000; // each navigation or wait, so a failure names its step
const PAGE_TIMEOUT = 30_000; // one page: load, add axe, run it (about a second on an idle core)
// combinations checked at the same time: axe's colour-contrast rule keeps a core busy
const PARALLEL = Math.min(4, Math.max(2, availableParallelism()));

// WCAG 2.0 and 2.1, levels A and AA
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOW_NODES = 3; // elements printed per violated rule

const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const DESKTOP = { viewport: { width: 1280, height: 800 } };

const LANGS = [
  { name: 'zh-CN', cookie: null, htmlLang: 'zh-CN' },
  { name: 'en', cookie: 'en', htmlLang: 'en' },
];
const SIZES = [
  { name: 'standard text', large: false },
  { name: 'large text', large: true },
];
const SCREENS = [
  { name: 'phone 360×740', options: PHONE },
  { name: 'desktop 1280×800', options: DESKTOP },
];

// The pages, in the order a context visits them. `url` may be a function of the links found
// beforehand (see discover()); `status` is the HTTP status the page must answer with, so an error
// page is checked as the error page and a broken link is not mistaken for one.
const q = new URLSearchParams({ q: '手机', fee: 'free' }).toString(); // percent-encoded
const PAGES = [
  { name: 'home', url: '/' },
  { name: 'catalog', url: '/courses' },
  { name: 'search 手机, free', url: `/courses?${q}` },
  { name: 'a course', url: (l) => l.course },
  { name: 'sites', url: '/sites' },
  { name: 'a site', url: (l) => l.site },
  { name: 'map, ten-minute walk', url: '/map?walk=1', settle: mapSettled },
  { name: 'an agency', url: (l) => l.agency },
  { name: 'accessibility statement', url: '/accessibility' },
  { name: 'admission standard', url: '/standard' },
  { name: 'log in', url: '/login' },
  { name: 'register', url: '/register' },
  { name: '404 page', url: '/nope', status: 404 },
  { name: '400 page', url: '/courses?page=0', status: 400 },
  // Behind a login (only when the test database is at hand: see signInPeople). `session` names
  // whose cm_sid cookie the page is loaded with.
  { name: 'my learning (/me)', url: '/me', session: 'newcomer', signedIn: true },
  { name: 'agency registration form', url: '/agency/register', session: 'newcomer', signedIn: true },
  { name: 'agency console, pending', url: '/agency', session: 'member', signedIn: true },
  { name: 'admin: users and agencies', url: (l) => l.adminUsers, session: 'admin', signedIn: true },
  { name: 'admin: audit trail', url: '/admin/audit', session: 'admin', signedIn: true },
  { name: 'admin: admission standard', url: '/admin/standard', session: 'admin', signedIn: true },
  { name: 'agency: courses', url: '/agency/courses', session: 'lister', signedIn: true },
  { name: 'agency: a course under review', url: (l) => l.listerCourse, session: 'lister', signedIn: true },
  { name: 'agency: new course form', url: '/agency/courses/new', session: 'lister', signedIn: true },
  { name: 'agency: an offering', url: (l) => l.listerOffering, session: 'lister', signedIn: true },
  { name: 'agency: teachers', url: '/agency/teachers', session: 'lister', signedIn: true },
  { name: 'agency: new teacher form', url: '/agency/teachers/new', session: 'lister', signedIn: true },
  { name: 'review queue', url: '/review', session: 'reviewer', signedIn: true },
  { name: 'a submission under review', url: (l) => l.review, session: 'reviewer', signedIn: true },
].filter((p) => !p.signedIn || canMakePeople);

let browser;
let links; // { course, site, agency }: paths found by following the site's own links
let sessions = {}; // name → cm_sid cookie value, for the pages behind a login

before(async () => {
  browser = await launchChromium();
  links = await discover();
  if (canMakePeople) {
    const people = signInPeople();
    sessions = people.sessions;
    links.adminUsers = people.adminUsers;
    Object.assign(links, people.listing);
  }
});

after(async () => {
  if (browser) await browser.close();
});

// ---- helpers ----------------------------------------------------------------------------------

async function newContext(options, cookies = []) {
  const context = await browser.newContext({
    baseURL: BASE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
  await context.addInitScript({ path: AXE }); // window.axe in every document: see the top
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  // no internet: only the instance answers
  await keepOffline(context);
  if (cookies.length) await context.addCookies(cookies.map((c) => ({ ...c, url: BASE })));
  return context;
}

// The course, site and agency pages to check: the first course of the catalog, the first site of
// the list of sites, and the agency that course links to.
async function discover() {
  const context = await newContext(DESKTOP);
  try {
    const page = await context.newPage();
    const firstHref = async (path, selector, what) => {
      const r = await page.goto(path);
      assert.equal(r?.status(), 200, `finding ${what}: GET ${path} answered HTTP ${r?.status()}`);
      const href = await page.locator(selector).first().getAttribute('href').catch(() => null);
      assert.ok(href, `finding ${what}: no link ${selector} on ${path}`);
      return new URL(href, BASE).pathname;
    };
    const course = await firstHref('/courses', '.course-list .card-title a', 'a course');
    const agency = await firstHref(course, 'main a[href^="/agencies/"]', 'an agency');
    const site = await firstHref('/sites', 'main a[href^="/sites/"]', 'a site');
    assert.match(course, /^\/courses\/\d+$/, `the first course link is ${course}`);
    assert.match(agency, /^\/agencies\/\d+$/, `the course's agency link is ${agency}`);
    assert.match(site, /^\/sites\/\d+$/, `the first site link is ${site}`);
    return { course, site, agency };
  } finally {
    await context.close();
  }
}

// The people behind the signed-in pages: a citizen about to register an agency, the member of a
// pending agency (with a licence on file), and an admin, whose desk then lists that agency, a
// failed SMS and, searching for the member, the role buttons; the audit trail has a row. Then an
// approved agency's member with a course waiting for review, and the reviewer who claimed it.
function signInPeople() {
  const tag = `${process.pid}${Date.now() % 100000}`;
  const district = psql("SELECT id FROM regions WHERE level = 'district' ORDER BY code LIMIT 1");
  // the schema checks a credit code's alphabet; the check character is the form's business
  const code = `91310101${String(tag).padStart(10, '0').slice(-10)}`;
  const agency = psql(`INSERT INTO agencies (name, credit_code, region_id, address, contact_name,
      contact_phone, intro, status)
    VALUES (${sqlStr(`无障碍检查培训学校${tag}`)}, '${code}', ${district}, '明湖市学府路 1 号',
            '周联系', '13900001111', '面向社区居民的培训学校，开设书法和智能手机课程。', 'pending')
    RETURNING id`);
  psql(`INSERT INTO agency_documents (agency_id, kind, filename, media_type, size_bytes, sha256,
      storage_name) VALUES (${agency}, 'license', '营业执照.pdf', 'application/pdf', 1024,
      sha256('a11y'), md5('a11y-${tag}'))`);
  const member = makeUser({ name: `周老师${tag}`, agencyId: agency });
  const newcomer = makeUser({ name: `吴女士${tag}` });
  const admin = makeUser({ name: `管理员${tag}`, roles: 66 });
  psql(`INSERT INTO outbox (kind, dedupe_key, payload, status, attempts, last_error, done_at)
    VALUES ('sms', ${sqlStr(`a11y-dead-${tag}`)}, '{"phone":"13900002222","template":"login_code"}',
            'dead', 8, 'gateway timeout', now())`);
  psql(`INSERT INTO audit_log (actor_id, action, object_type, object_id, detail)
    VALUES (${admin}, 'user.role_grant', 'user', ${member}, '{"role":"reviewer"}')`);
  // An approved agency whose course (with an offering and a teacher) waits for review, and a
  // reviewer who has claimed it.
  const listerAgency = psql(`INSERT INTO agencies (name, credit_code, region_id, address, contact_name,
      contact_phone, intro, status)
    VALUES (${sqlStr(`无障碍上架培训学校${tag}`)}, '${`92310101${String(tag).padStart(10, '0').slice(-10)}`}',
            ${district}, '明湖市学府路 2 号', '郑联系', '13900003333', '培训学校。', 'approved') RETURNING id`);
  const lister = makeUser({ name: `郑老师${tag}`, roles: 6, agencyId: listerAgency });
  const reviewer = makeUser({ name: `审核员${tag}`, roles: 10 });
  const teacher = psql(`INSERT INTO teachers (agency_id, name, kind, subjects, qualifications)
    VALUES (${listerAgency}, '郑书华', 'volunteer', '书法', '小学美术教师资格证 20183300122000456') RETURNING id`);
  const course = psql(`INSERT INTO courses (agency_id, category_id, title, summary, description, outcomes,
      audience, mode, credits, hours)
    SELECT ${listerAgency}, id, ${sqlStr(`无障碍书法课${tag}`)}, '从握笔学起。', E'## 安排\n\n每周一次。',
           E'掌握基本笔画\n临写一幅作品', 'seniors', 'offline', 1, 10
      FROM categories WHERE slug = 'culture-arts' RETURNING id`);
  const offering = psql(`INSERT INTO offerings (course_id, site_id, name, starts_on, ends_on, schedule,
      weekdays, time_from, time_to, capacity, free_seats, price_fen, enroll_opens_at, enroll_closes_at,
      min_age, status)
    SELECT ${course}, min(id), '2027年春季第1期', current_date + 30, current_date + 90, '每周二 09:00–11:00',
           2, '09:00', '11:00', 20, 4, 12000, now(), now() + interval '20 days', 60, 'draft'
      FROM sites RETURNING id`);
  psql(`INSERT INTO offering_teachers (offering_id, teacher_id, agency_id) VALUES (${offering}, ${teacher}, ${listerAgency})`);
  const review = psql(`SELECT listing_submit(${course}, ${lister}, '请审核。')`);
  psql(`UPDATE listing_reviews SET claimed_by = ${reviewer}, claimed_at = now() WHERE id = ${review}`);
  return {
    listing: {
      listerCourse: `/agency/courses/${course}`,
      listerOffering: `/agency/offerings/${offering}`,
      review: `/review/${review}`,
    },
    sessions: {
      member: sessionFor(member),
      newcomer: sessionFor(newcomer),
      admin: sessionFor(admin),
      lister: sessionFor(lister),
      reviewer: sessionFor(reviewer),
    },
    adminUsers: `/admin/users?q=${encodeURIComponent(`周老师${tag}`)}`,
  };
}

// The learning map reveals its box when Leaflet loads, then hides it again when no tile loads
// (always here: no internet). Check the page once that has settled.
async function mapSettled(page) {
  await page.waitForFunction(() => {
    const m = document.getElementById('map');
    return !m || m.hidden || m.offsetHeight === 0;
  }, null, { timeout: 8000 }).catch(() => {
    throw new Error('the map box is still shown though no tile could load');
  });
}

// One violated rule, readable: the rule, its impact and help, and where.
function describeViolation(v) {
  const lines = [`  [${v.impact || 'no impact'}] ${v.id}: ${v.help} (${v.nodes.length} element` +
    `${v.nodes.length === 1 ? '' : 's'})  ${v.helpUrl.replace(/\?.*$/, '')}`];
  for (const n of v.nodes.slice(0, SHOW_NODES)) {
    const html = n.html.replace(/\s+/g, ' ').trim();
    lines.push(`      at ${n.target.join(' ')}`);
    lines.push(`         ${html.length > 200 ? html.slice(0, 200) + '…' : html}`);
    // axe's finding, e.g. "insufficient color contrast of 3.1 (foreground color: #…, …)"
    const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean);
    if (why.length) lines.push(`         ${why[0]}`);
  }
  if (v.nodes.length > SHOW_NODES) lines.push(`      … and ${v.nodes.length - SHOW_NODES} more`);
  return lines.join('\n');
}

// Load a page, check it is the page wanted, run axe; returns the failure text, '' when clean.
async function checkPage(page, spec, combo) {
  const url = typeof spec.url === 'function' ? spec.url(links) : spec.url;
  const want = spec.status ?? 200;
  if (spec.session) {
    await page.context().addCookies([{ name: 'cm_sid', value: sessions[spec.session], url: BASE }]);
  }
  const r = await page.goto(url);
  assert.ok(r, `${spec.name}: no response for ${url}`);
  assert.equal(r.status(), want, `${spec.name}: GET ${url} answered HTTP ${r.status()}, not ${want}`);
  // the combination is in force: the right language and text size
  const state = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    large: document.documentElement.classList.contains('large-text'),
  }));
  assert.equal(state.lang, combo.lang.htmlLang, `${spec.name}: <html lang> is “${state.lang}” on ${url}`);
  assert.equal(state.large, combo.size.large,
    `${spec.name}: large-text mode is ${state.large ? 'on' : 'off'} on ${url}`);
  if (spec.settle) await spec.settle(page);

  return report(`${url} (${combo.label})`, await runAxe(page));
}

// Run axe's WCAG A/AA rules on the page (axe is there: newContext's init script); returns the
// violations. Only violations are wanted: resultTypes spares axe the details of every element
// that passed (a third of its time); it finds the same violations.
async function runAxe(page) {
  const result = await page.evaluate((tags) => {
    if (!window.axe) return null;
    return window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
  }, TAGS);
  assert.ok(result, `axe is not in ${page.url()}: the init script did not run`);
  return result.violations;
}

// The failure text for a page's violations, '' when there are none.
function report(where, violations) {
  if (violations.length === 0) return '';
  return `${where}: ${violations.length} axe rule${violations.length === 1 ? '' : 's'} ` +
    `violated:\n${violations.map(describeViolation).join('\n')}`;
}

// ---- the tests ----------------------------------------------------------------------------------

const combos = [];
for (const lang of LANGS) {
  for (const size of SIZES) {
    for (const screen of SCREENS) {
      combos.push({ lang, size, screen, label: `${lang.name}, ${size.name}, ${screen.name}` });
    }
  }
}

// The harness itself: on a page with known faults, served as if by the instance and loaded the
// way the real pages are, axe must find each fault, and the report must name the rule and the
// element. Without this, a broken injection or a wrong tag list would let every page pass.
test('axe finds the faults of a page made to fail, and says where they are', async () => {
  const context = await newContext(DESKTOP);
  try {
    const page = await context.newPage();
    await page.route(`${BASE_ORIGIN}/a11y-test-faults`, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html><head><title>faults</title></head><body>
        <main><h1>Faults</h1>
          <p id="pale" style="color:#bbb;background:#fff">pale grey text on white</p>
          <img id="noalt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
          <input id="nolabel" type="text">
          <a id="noname" href="/x"></a>
        </main></body></html>`,
    }));
    await page.goto(`${BASE_ORIGIN}/a11y-test-faults`);
    const violations = await runAxe(page);
    const found = violations.map((v) => v.id).sort();
    for (const id of ['color-contrast', 'html-has-lang', 'image-alt', 'label', 'link-name']) {
      assert.ok(found.includes(id), `axe did not report ${id} on the page made to fail; ` +
        `it reported: ${found.join(', ') || 'nothing'}`);
    }
    const text = report('faults', violations);
    for (const bit of ['[serious] color-contrast:', '#pale', 'pale grey text on white',
      'insufficient color contrast', '[critical] image-alt:', '#noalt']) {
      assert.ok(text.includes(bit), `the failure report lacks “${bit}”:\n${text}`);
    }
  } finally {
    await context.close();
  }
});

describe(`axe-core ${AXE_VERSION}: WCAG 2.1 A and AA`, { concurrency: PARALLEL }, () => {
  for (const combo of combos) {
    // one context per combination; its pages are checked one after the other in one tab
    describe(combo.label, { concurrency: 1 }, () => {
      let context;
      let page;
      const errors = [];
      before(async () => {
        const cookies = [];
        if (combo.lang.cookie) cookies.push({ name: 'lang', value: combo.lang.cookie });
        if (combo.size.large) cookies.push({ name: 'text', value: 'large' });
        context = await newContext(combo.screen.options, cookies);
        page = await context.newPage();
        page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      });
      after(async () => {
        if (context) await context.close();
      });
      for (const spec of PAGES) {
        test(spec.name, { timeout: PAGE_TIMEOUT }, async () => {
          errors.length = 0;
          const failure = await checkPage(page, spec, combo);
          assert.ok(!failure, failure);
          assert.deepEqual(errors, [], `${spec.name} (${combo.label}): uncaught JavaScript errors`);
        });
      }
    });
  }
});
