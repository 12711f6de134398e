// account.test.mjs: a new citizen registers by SMS code on a phone-sized screen, in headless
// Chromium, against a running instance (CM_BASE_URL) whose SMS provider is gatewaysim (CM_SIM_URL):
// the code is read back from what the provider received, as the person would read it on their
// phone. Then the same with JavaScript off, and logging out. Screenshots go to CM_ARTIFACTS.
// Every request to another host than the instance is aborted (no internet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, BASE, PHONE, keepOffline, smsMatching, useChromium } from './lib/browser.mjs';

const TIMEOUT = 60_000;
const STEP_TIMEOUT = 15_000;
const ZH = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const browser = useChromium();

// A mobile number nobody else in this run uses: 137 + the time + a counter.
let seq = 0;
function freshPhone() {
  seq += 1;
  return `137${String(Date.now() % 1e6).padStart(6, '0')}${String(seq % 100).padStart(2, '0')}`;
}

// The newest 6-digit code gatewaysim received for phone, waiting up to 20 s for the courier.
async function codeSentTo(phone) {
  return (await smsMatching(phone, /(?<!\d)(\d{6})(?!\d)/))[1];
}

async function answerQuestion(page) {
  const label = await page.locator('label[for="sms-answer"]').innerText();
  const m = /(\p{Script=Han})加(\p{Script=Han})等于几/u.exec(label);
  assert.ok(m, `a check question in the label: ${label}`);
  return String(ZH[m[1]] + ZH[m[2]]);
}

async function register(javaScriptEnabled, shot) {
  const context = await browser.newContext({ baseURL: BASE, ...PHONE, javaScriptEnabled });
  context.setDefaultTimeout(STEP_TIMEOUT);
  await keepOffline(context);
  const page = await context.newPage();
  try {
    const phone = freshPhone();
    await page.goto('/');
    await page.getByRole('link', { name: '登录' }).first().click();
    await page.getByRole('link', { name: '填写称呼注册新账号' }).click();
    assert.match(await page.locator('h1').innerText(), /注册课程超市账号/);
    await page.getByLabel('怎么称呼您').fill('李阿姨');
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel(/验证问题/).fill(await answerQuestion(page));
    await page.getByLabel('我已阅读并同意隐私政策').check();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the form fits a 360 px screen (scrollWidth ${width})`);
    await page.screenshot({ path: path.join(ARTIFACTS, `${shot}-1-register.png`), fullPage: true });
    await page.getByRole('button', { name: '获取短信验证码' }).click();
    assert.match(await page.locator('h1').innerText(), /输入短信验证码/);
    assert.match(await page.locator('main').innerText(), new RegExp(`${phone.slice(0, 3)}\\*{4}${phone.slice(7)}`));
    await page.getByLabel('6 位验证码').fill(await codeSentTo(phone));
    await page.screenshot({ path: path.join(ARTIFACTS, `${shot}-2-code.png`), fullPage: true });
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL(/\/me\?welcome=1$/);
    assert.match(await page.locator('h1').innerText(), /我的学习/);
    assert.match(await page.locator('main').innerText(), /欢迎加入课程超市/);
    assert.match(await page.locator('header').innerText(), /李阿姨/);
    assert.match(await page.locator('main').innerText(), new RegExp(phone), 'the owner sees their own number');
    await page.screenshot({ path: path.join(ARTIFACTS, `${shot}-3-me.png`), fullPage: true });
    await page.getByRole('button', { name: '退出登录' }).first().click();
    await page.waitForURL(`${BASE}/`);
    assert.equal(await page.getByRole('link', { name: '登录' }).count() > 0, true, 'logged out');
  } finally {
    await context.close();
  }
}

test('phone, JavaScript on: register by SMS code, then log out', { timeout: TIMEOUT }, async () => {
  await register(true, 'register-js');
});

test('phone, JavaScript off: the same registration, server-rendered', { timeout: TIMEOUT }, async () => {
  await register(false, 'register-nojs');
});
