// The checking page (GET /) in Debian's Chromium against the real service: a clerk pastes a reply,
// sees the findings highlighted with message and source clause, applies a fix, fills in the
// dispatch time and sees the deadlines. Screenshot kept under test-output/ as a CI artifact.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ROOT, removeDir } from './helpers.js';
import { startServe, type Served } from './serve-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ON_CI = !!process.env.CI;
const SCREENSHOT = join(CLI_ROOT, 'test-output', 'serve-page.png');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !ON_CI) console.warn(`serve-page: ${CHROMIUM} not found, the page test is skipped (apt-get install chromium; on CI it fails)`);

const PHONE = '13851276430';
const REPLY = `陈先生：

您好！您（${PHONE}）反映的路灯问题已转相关部门办理，请耐心等待。依据宿政发(2021)12号文件，路灯由街道负责。该市民无理取闹。

宿城区住建局`;

let s: Served;
let profile: string;
beforeAll(async () => {
  s = await startServe();
  profile = mkdtempSync(join(tmpdir(), 'replylint-chromium-'));
}, 90_000);
afterAll(async () => {
  await s?.stop();
  if (profile) removeDir(profile);
});

describe('replylint serve: the checking page', () => {
  it.skipIf(!haveChromium && !ON_CI)('checks as the clerk types, highlights findings with source clauses, applies a fix, shows deadlines; offline', async () => {
    expect(haveChromium, `${CHROMIUM} is missing: .ci/run installs Debian's chromium before the tests`).toBe(true);
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith(s.url)) foreign.push(r.url());
      });
      await page.goto(`${s.url}/`, { waitUntil: 'load' });
      expect(await page.title()).toContain('答复质检');

      // typing checks (debounced): findings listed, marks in the preview, verdict says not yet
      await page.fill('#reply', REPLY);
      await page.waitForFunction('document.querySelectorAll("#findings li").length > 0', undefined, { timeout: 20_000 });
      const verdict = await page.locator('#verdict').innerText();
      expect(verdict).toMatch(/有 \d+ 个错误/);
      const items = await page.locator('#findings li').allInnerTexts();
      const all = items.join('\n');
      expect(all).toContain('依据：');
      expect(all).toMatch(/未写沟通时间（contact-time）/); // the rule by its title, its id beside it
      expect(all).not.toContain(PHONE); // messages are masked
      expect(await page.locator('#preview mark').count()).toBeGreaterThan(0);
      expect(await page.locator('#preview mark.error').count()).toBeGreaterThan(0);
      // the preview shows the reply's own text, as text
      expect(await page.locator('#preview').innerText()).toContain('路灯问题已转相关部门办理');

      // a fix: the malformed 文号 brackets are rewritten in the reply
      const citation = page.locator('#findings li', { hasText: '格式不规范' });
      await citation.locator('button', { hasText: '修复' }).click({ timeout: 10_000 });
      await page.waitForFunction('document.getElementById("reply").value.includes("〔2021〕")', undefined, { timeout: 20_000 });
      await page.waitForFunction('![...document.querySelectorAll("#findings li")].some((li) => li.innerText.includes("格式不规范"))', undefined, { timeout: 20_000 });
      expect(await page.inputValue('#reply')).toBe(REPLY.replace('(2021)', '〔2021〕'));

      // ticket fields: deadlines table
      await page.selectOption('#type', 'complaint');
      await page.selectOption('#profile', 'suzhou-jkq');
      await page.fill('#dispatched', '2026-12-30T10:00');
      await page.locator('#dispatched').dispatchEvent('change');
      await page.waitForFunction('document.querySelectorAll("#deadlines tr").length > 1', undefined, { timeout: 20_000 });
      const deadlines = await page.locator('#deadlines').innerText();
      expect(deadlines).toContain('办结');
      expect(deadlines).toMatch(/2027-01-\d\d/);

      mkdirSync(join(CLI_ROOT, 'test-output'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
