#!/usr/bin/env node
// Lighthouse 12 accessibility score on every booking step, the way a patient gets there.
//
//   node e2e/lighthouse.mjs            (after `make build` and `make demo-api`)
//
// Starts its own demo API on a free port (serving dist/, with test controls), starts the
// system Chromium headless with chrome-launcher, walks the journey with puppeteer (the
// booking answers live in sessionStorage, so later steps cannot be opened by address) and
// runs Lighthouse in snapshot mode on each step, accessibility category only. Prints a table
// and exits 1 if any score is below 100 (the failing audits and their elements are listed).
// HTML reports of steps under 100 go to e2e/test-results/lighthouse/.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium); LH_KEEP_REPORTS=1 writes every
// step's report, not only failing ones; LH_STATIC_DIR serves another build than dist/.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import { generateReport, snapshot } from 'lighthouse';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, 'e2e', 'test-results', 'lighthouse');
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STEP_TIMEOUT = 20_000;

const PATIENT = {
  'given-name': 'Siân',
  'family-name': "O'Neill",
  'dob-day': '28',
  'dob-month': '2',
  'dob-year': '1958',
  'nhs-number': '943 476 5919',
  phone: '07700 900123',
  email: 'sian.oneill@example.com',
};

// ---------------------------------------------------------------------------------------------
// The demo API (its own port, so it never meets a test run's server)

function startApi() {
  return new Promise((resolve, reject) => {
    const api = spawn(
      path.join(root, 'target/release/demo-api'),
      ['--port', '0', '--static-dir', process.env.LH_STATIC_DIR || 'dist', '--test-controls'],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const timer = setTimeout(() => reject(new Error('demo-api did not start in 15 s')), 15_000);
    let out = '';
    api.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ api, base: m[1] });
      }
    });
    api.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`demo-api: ${e.message} (run \`make demo-api\` first)`));
    });
    api.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo-api exited with ${code}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Walking the journey

async function h1Is(page, text) {
  await page.waitForFunction(
    (t) => document.querySelector('main h1')?.textContent?.trim() === t,
    { timeout: STEP_TIMEOUT },
    text,
  );
}

/** Nothing is loading (no "Loading…" status on show). */
async function settled(page) {
  await page.waitForFunction(
    () => ![...document.querySelectorAll('[role=status]')].some((e) => /Loading/.test(e.textContent ?? '')),
    { timeout: STEP_TIMEOUT },
  );
}

async function choose(page, value) {
  const id = await page.$eval(`input[type=radio][value="${value}"]`, (e) => e.id);
  await page.click(`label[for="${id}"]`);
}

/** Ticks the checkbox with this value (its label, as a patient would). */
async function tick(page, value) {
  const id = await page.$eval(`input[type=checkbox][value="${value}"]`, (e) => e.id);
  await page.click(`label[for="${id}"]`);
}

async function submit(page) {
  await page.click('main button[type=submit]');
}

/** The first time on show starting at least 15 minutes from now (the next day when none). */
async function chooseSafeTime(page, base) {
  const iso = (d) => d.toISOString().slice(0, 10);
  const from = new Date();
  const to = new Date(Date.now() + 31 * 864e5);
  const safe = new Set();
  let cursor;
  do {
    const q = new URLSearchParams({ service: 'physio-msk', band: 'band-6', locality: 'hinchingbrooke', from: iso(from), to: iso(to), ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${base}/api/slots?${q}`);
    const body = await res.json();
    for (const s of body.slots) if (Date.parse(s.start) >= Date.now() + 15 * 60_000) safe.add(s.id);
    cursor = body.next_cursor ?? undefined;
  } while (cursor);
  for (let day = 0; day < 5; day++) {
    await page.waitForSelector('input[name=slot]', { timeout: STEP_TIMEOUT });
    const values = await page.$$eval('input[name=slot]', (els) => els.map((e) => e.value));
    const value = values.find((v) => safe.has(v));
    if (value) return choose(page, value);
    const before = await page.$eval('.nhsb-day-nav__day', (e) => e.textContent);
    await page.click('.nhsb-day-nav__button:last-of-type');
    await page.waitForFunction((b) => document.querySelector('.nhsb-day-nav__day')?.textContent !== b, { timeout: STEP_TIMEOUT }, before);
  }
  throw new Error('no time at least 15 minutes away in the first 5 days');
}

/** Each step: how to get there from the step before, and the h1 that says it is there. */
const STEPS = [
  {
    name: 'start',
    h1: 'Book a physiotherapy appointment',
    reach: async (page, base) => {
      await page.goto(`${base}/`, { waitUntil: 'load' });
      await page.waitForSelector('a.nhsb-skip-link', { timeout: STEP_TIMEOUT });
    },
  },
  { name: 'service', h1: 'What do you need an appointment for?', reach: (page) => page.click('a.nhsb-button[role="button"]') },
  {
    name: 'symptoms',
    h1: 'Do you have any of these symptoms?',
    reach: async (page) => {
      await choose(page, 'physio-msk');
      await submit(page);
    },
  },
  {
    name: 'urgent',
    h1: 'Get help now',
    reach: async (page) => {
      await tick(page, 'saddle');
      await submit(page);
    },
  },
  {
    name: 'clinician',
    h1: 'Who do you need to see?',
    reach: async (page) => {
      await page.click('a.nhsb-back-link');
      await h1Is(page, 'Do you have any of these symptoms?');
      await tick(page, 'none');
      await submit(page);
    },
  },
  {
    name: 'location',
    h1: 'Where would you like your appointment?',
    reach: async (page) => {
      await choose(page, 'band-6');
      await submit(page);
    },
  },
  {
    name: 'time',
    h1: 'Choose a time',
    reach: async (page) => {
      await choose(page, 'hinchingbrooke');
      await submit(page);
      await page.waitForSelector('input[name=slot]', { timeout: STEP_TIMEOUT });
    },
  },
  {
    name: 'who for',
    h1: 'Who is this appointment for?',
    reach: async (page, base) => {
      await chooseSafeTime(page, base);
      await submit(page);
    },
  },
  {
    name: 'about you',
    h1: 'About you',
    reach: async (page) => {
      await choose(page, 'someone-else');
      await submit(page);
    },
  },
  {
    name: 'their details',
    h1: 'Their details',
    reach: async (page) => {
      await page.type('#booker-name', 'Ana Lima');
      await page.type('#booker-relationship', 'daughter');
      await page.type('#booker-phone', '07700 900456');
      await submit(page);
    },
  },
  {
    name: 'support',
    h1: 'Do they need any support at their appointment?',
    reach: async (page) => {
      for (const [id, text] of Object.entries(PATIENT)) await page.type(`#${id}`, text);
      await page.click('label[for="reminders"]');
      await submit(page);
    },
  },
  {
    name: 'support needed',
    h1: 'What support do they need?',
    reach: async (page) => {
      await choose(page, 'yes');
      await submit(page);
    },
  },
  {
    name: 'check',
    h1: 'Check your answers before booking',
    reach: async (page) => {
      await page.type('#needs-interpreter', 'Polish');
      await tick(page, 'large_print');
      await tick(page, 'step_free');
      await page.type('#needs-other', 'I use a wheelchair');
      await submit(page);
    },
  },
  {
    name: 'confirmation',
    h1: 'Appointment booked',
    reach: async (page) => {
      const book = await page.evaluateHandle(() =>
        [...document.querySelectorAll('main button')].find((b) => b.textContent?.trim() === 'Book appointment'),
      );
      await book.asElement().click();
    },
  },
  {
    name: 'manage find',
    h1: 'Find your appointment',
    reach: async (page, base) => {
      await page.goto(`${base}/manage`, { waitUntil: 'load' });
    },
  },
  {
    name: 'manage booking',
    h1: 'Your appointment',
    reach: async (page) => {
      await page.type('#reference', 'PHY-4B7K2M');
      await page.type('#dob-day', '28');
      await page.type('#dob-month', '2');
      await page.type('#dob-year', '1958');
      await submit(page);
    },
  },
];

// ---------------------------------------------------------------------------------------------

function failingAudits(lhr) {
  const refs = lhr.categories.accessibility.auditRefs.filter((r) => r.weight > 0);
  return refs
    .map((r) => lhr.audits[r.id])
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => {
      const nodes = (a.details?.items ?? [])
        .map((i) => i.node?.selector ?? i.node?.snippet)
        .filter(Boolean)
        .slice(0, 5);
      return `${a.id}: ${a.title}${nodes.length ? `\n      ${nodes.join('\n      ')}` : ''}`;
    });
}

async function main() {
  const started = Date.now();
  const { api, base } = await startApi();
  let chrome;
  let browser;
  const rows = [];
  let version = '?';
  try {
    const reset = await fetch(`${base}/__demo/reset`, { method: 'POST' });
    if (!reset.ok) throw new Error(`POST /__demo/reset: ${reset.status}`);
    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const page = await browser.newPage();
    await page.setViewport({ width: 412, height: 823 });
    for (const step of STEPS) {
      await step.reach(page, base);
      await h1Is(page, step.h1);
      await settled(page);
      const result = await snapshot(page, {
        config: { extends: 'lighthouse:default', settings: { onlyCategories: ['accessibility'] } },
        flags: { logLevel: 'error' },
      });
      const lhr = result.lhr;
      const score = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
      const failures = failingAudits(lhr);
      version = lhr.lighthouseVersion;
      rows.push({ step: step.name, score, failures, errors: lhr.runtimeError?.message });
      if (score < 100 || process.env.LH_KEEP_REPORTS) {
        await mkdir(reportDir, { recursive: true });
        await writeFile(path.join(reportDir, `${step.name.replace(/\s+/g, '-')}.html`), generateReport(lhr, 'html'));
      }
    }
  } finally {
    await browser?.disconnect().catch(() => {});
    await chrome?.kill();
    api.kill();
  }

  const width = Math.max(...rows.map((r) => r.step.length), 4);
  console.log(`\nLighthouse ${version} accessibility (snapshot mode, mobile, ${chromePath})\n`);
  console.log(`${'step'.padEnd(width)}  score`);
  console.log(`${'-'.repeat(width)}  -----`);
  for (const r of rows) {
    console.log(`${r.step.padEnd(width)}  ${String(r.score).padStart(5)}${r.score < 100 ? '  ✘' : ''}`);
    for (const f of r.failures) console.log(`    ${f}`);
    if (r.errors) console.log(`    runtime error: ${r.errors}`);
  }
  const low = rows.filter((r) => r.score < 100);
  console.log(`\n${rows.length} steps in ${((Date.now() - started) / 1000).toFixed(0)} s; ${low.length ? `${low.length} below 100 (reports in ${path.relative(root, reportDir)}/)` : 'all 100'}`);
  if (rows.length !== STEPS.length || low.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
