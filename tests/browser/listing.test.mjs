// listing.test.mjs: the listing workflow end to end in headless Chromium. An approved agency's
// member adds a teacher, writes a course, adds an offering and submits it; a reviewer finds it in
// the queue, claims it, passes every item of the admission standard and approves; the agency's
// contact gets the SMS; then a citizen on a phone, not logged in, searches the catalog from the
// home page and finds the course with its offering, teacher and free seats. Every step is a click
// or a keystroke on the real pages; only the people are made in the database (lib/people.mjs),
// as tests/http/lib/CM.pm does. Screenshots go to CM_ARTIFACTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, BASE, PHONE, keepOffline, smsMatching, useChromium } from './lib/browser.mjs';
import { canMakePeople, freshPhone, makeUser, psql, sessionFor, sqlStr } from './lib/people.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const STEP_TIMEOUT = 15_000;

const browser = useChromium();

// A valid GB 32100 unified social credit code (the form checks the check character; the schema
// the alphabet), unique to this run.
function creditCode(seed) {
  const set = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = `91330106${String(seed).padStart(9, '0').slice(-9)}`;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, ch, i) => s + set.indexOf(ch) * weights[i], 0);
  return body + set[(31 - (sum % 31)) % 31];
}

async function contextFor(options, userId) {
  const context = await browser.newContext({ baseURL: BASE, ...options });
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  await keepOffline(context);
  if (userId) await context.addCookies([{ name: 'cm_sid', value: sessionFor(userId), url: BASE }]);
  return context;
}

// YYYY-MM-DD and YYYY-MM-DDTHH:MM, days from today in Shanghai.
function day(offset) {
  const d = new Date(Date.now() + 8 * 3600_000 + offset * 86400_000);
  return d.toISOString().slice(0, 10);
}

test('an agency lists a course, a reviewer admits it, a citizen finds it', { skip: !canMakePeople && 'CM_PSQL is not set' }, async () => {
  const tag = `${process.pid % 1000}${Date.now() % 100000}`;
  const title = `银龄智能手机课${tag}`;
  const contact = freshPhone();
  const district = psql("SELECT id FROM regions WHERE level = 'district' ORDER BY code LIMIT 1");
  const agency = psql(`INSERT INTO agencies (name, credit_code, region_id, address, contact_name,
      contact_phone, intro, status)
    VALUES (${sqlStr(`浏览器上架测试学校${tag}`)}, '${creditCode(tag)}', ${district}, '明湖市学府路 8 号',
            '钱联系', '${contact}', '面向社区居民的培训学校。', 'approved') RETURNING id`);
  const member = makeUser({ name: `钱老师${tag}`, roles: 6, agencyId: agency });
  const reviewer = makeUser({ name: `审核员${tag}`, roles: 10 });

  // 1. The agency: a teacher, a course, an offering, then submit.
  const agencyCtx = await contextFor(DESKTOP, member);
  const page = await agencyCtx.newPage();
  let courseId;
  try {
    await page.goto('/agency');
    await page.getByRole('link', { name: '师资' }).click();
    await page.getByRole('link', { name: '添加教师' }).first().click();
    await page.getByLabel(/^姓名/).fill('孙晓梅');
    await page.getByLabel('志愿者').check();
    await page.getByLabel(/^资质/).fill('高级中学教师资格证 20193300142000123');
    await page.getByRole('button', { name: '保存教师' }).click();
    assert.match(await page.locator('main').innerText(), /孙晓梅/);

    await page.goto('/agency');
    await page.getByRole('link', { name: '新建课程' }).click();
    await page.getByLabel(/^课程名称/).fill(title);
    await page.getByLabel(/^简介/).fill('从开机、连无线网到视频通话，一步一步学会用智能手机。');
    await page.getByLabel(/^课程介绍/).fill('## 学什么\n\n- 视频通话\n- **防范电信诈骗**\n\n<script>alert(1)</script>');
    await page.getByLabel(/^类目/).selectOption({ label: '数字技能' });
    await page.getByLabel(/^适合人群/).selectOption('seniors');
    await page.getByLabel(/^学习方式/).selectOption('offline');
    await page.getByLabel(/^学分/).fill('1.5');
    await page.getByLabel(/^课时/).fill('12');
    await page.getByLabel(/^学习成果/).fill('能独立完成视频通话\n能识别常见诈骗短信');
    await page.getByRole('button', { name: '保存草稿' }).click();
    assert.match(await page.locator('main').innerText(), /草稿已保存/);
    courseId = /\/agency\/courses\/(\d+)/.exec(page.url())?.[1];
    assert.ok(courseId, `the overview of the new course (${page.url()})`);

    await page.getByRole('link', { name: '添加班次' }).click();
    await page.getByLabel(/^班次名称/).fill('2027年春季第1期');
    await page.getByLabel(/^开课日期/).fill(day(30));
    await page.getByLabel(/^结课日期/).fill(day(86));
    await page.getByLabel('周二', { exact: true }).check();
    await page.getByLabel('周四', { exact: true }).check();
    await page.getByLabel(/^上课开始时间/).fill('09:00');
    await page.getByLabel(/^上课结束时间/).fill('11:00');
    await page.getByLabel(/^上课地点/).selectOption({ index: 1 });
    await page.getByLabel(/^名额/).fill('30');
    await page.getByLabel(/^公益名额/).fill('5');
    await page.getByLabel(/^价格/).fill('180');
    await page.getByLabel(/^报名开始时间/).fill(`${day(-1)}T09:00`);
    await page.getByLabel(/^报名截止时间/).fill(`${day(28)}T18:00`);
    await page.getByLabel(/^最低年龄/).fill('60');
    await page.getByLabel(/孙晓梅/).check();
    await page.getByRole('button', { name: '保存班次' }).click();
    assert.match(await page.locator('main').innerText(), /班次已保存为草稿/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'listing-1-offering.png'), fullPage: true });

    await page.goto(`/agency/courses/${courseId}`);
    assert.doesNotMatch(await page.content(), /<script>alert/, 'the description renders inert');
    await page.getByRole('button', { name: '提交审核' }).click();
    assert.match(await page.locator('main').innerText(), /课程已提交审核/);
    assert.match(await page.locator('main').innerText(), /待审核/);
  } finally {
    await agencyCtx.close();
  }
  // Not public yet.
  assert.equal((await fetch(`${BASE}/courses/${courseId}`)).status, 404, 'a submitted course is not public');

  // 2. The reviewer: queue, claim, every item passes, approve.
  const reviewCtx = await contextFor(DESKTOP, reviewer);
  const desk = await reviewCtx.newPage();
  try {
    await desk.goto('/review');
    const row = desk.locator('tr', { hasText: title });
    assert.match(await row.innerText(), /首次上架/);
    assert.match(await row.innerText(), /已等待/);
    await row.getByRole('link', { name: title }).click();
    assert.match(await desk.locator('h1').innerText(), new RegExp(title));
    await desk.getByRole('button', { name: '认领审核' }).click();
    const passes = desk.locator('input[type="radio"][value="pass"]');
    const items = await passes.count();
    assert.ok(items >= 5, `a verdict for each item of the standard (${items})`);
    for (let i = 0; i < items; i += 1) await passes.nth(i).check();
    await desk.screenshot({ path: path.join(ARTIFACTS, 'listing-2-review.png'), fullPage: true });
    await desk.getByRole('button', { name: '通过并上架' }).click();
    assert.match(await desk.locator('main').innerText(), /已通过，课程已上架/);
  } finally {
    await reviewCtx.close();
  }
  assert.match((await smsMatching(contact, /通过/)).input, new RegExp(title.slice(0, 6)));

  // 3. A citizen on a phone finds it from the home page's search.
  const citizenCtx = await contextFor(PHONE, null);
  const phone = await citizenCtx.newPage();
  try {
    await phone.goto('/');
    await phone.getByRole('searchbox').first().fill(title);
    await phone.getByRole('searchbox').first().press('Enter');
    await phone.locator('main article, main li').getByRole('link', { name: title, exact: true }).first().click();
    assert.match(await phone.locator('h1').innerText(), new RegExp(title));
    const text = await phone.locator('main').innerText();
    assert.match(text, /2027年春季第1期/);
    assert.match(text, /孙晓梅/);
    assert.match(text, /公益免费名额 5 个/);
    assert.match(text, /¥180\.00/);
    assert.equal(await phone.locator('main .prose h4').first().innerText(), '学什么', 'a Markdown ## heading sits under the page\'s h2 and h3');
    assert.equal(await phone.locator('main .prose strong').first().innerText(), '防范电信诈骗');
    assert.doesNotMatch(await phone.content(), /<script>alert/, 'the script in the description is inert');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the course page fits a 360 px screen (scrollWidth ${width})`);
    await phone.screenshot({ path: path.join(ARTIFACTS, 'listing-3-citizen.png'), fullPage: true });
  } finally {
    await citizenCtx.close();
  }
});
