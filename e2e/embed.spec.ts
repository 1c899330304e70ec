// The app embedded in a trust's page (examples/trust-site, EMBEDDING.md): one external
// loader, query routing, under the strict Content-Security-Policy a trust would send, with the
// trust's own global CSS. Runs its own demo API (with --csp-path / so every answer, the
// standalone page included, carries the strict policy) next to the suite's server.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  request as apiRequest,
  type APIRequestContext,
  type Frame,
  type FrameLocator,
  type Page,
} from '@playwright/test';
import { AXE_TAGS, BAND_6, Demo, HEADINGS, PATIENT, PLACE, REFERENCE, SERVICE, TIME_NAME, expect, oneOf, test } from './helpers';

const root = path.resolve(__dirname, '..');
let server: ChildProcess;
let origin = '';
let api: APIRequestContext;
let demo: Demo;

/** The host page's own URL: its path, its own parameters and a fragment, all to be kept. */
const HOST_PATH = '/trust-site/index.html';
const HOST_QUERY = 'lang=en&utm_source=news%20letter&section=physio';
const HOST_HASH = '#book';

test.beforeAll(async () => {
  server = spawn(
    'target/release/demo-api',
    ['--port', '0', '--static-dir', process.env.E2E_DIST || 'dist', '--extra-static', '/trust-site=examples/trust-site', '--csp-path', '/', '--test-controls'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`demo-api exited ${code}`)));
    setTimeout(() => reject(new Error('demo-api did not start')), 15_000);
  });
  api = await apiRequest.newContext({ baseURL: origin });
  demo = new Demo(api);
});

test.afterAll(async () => {
  await api?.dispose();
  server?.kill();
});

test.beforeEach(async () => {
  await demo.reset();
});

// ---------------------------------------------------------------------------------------------
// What must never happen: CSP violations, other origins, cookies, new globals

type Watch = { violations: string[]; foreign: string[] };

/** Records every CSP violation (event in any frame, or console report) and foreign request. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { violations: [], foreign: [] };
  await page.exposeBinding('__nhsbTestCsp', (_source, text: string) => {
    w.violations.push(text);
  });
  await page.addInitScript(() => {
    (window as any).__nhsbTestGlobals = Object.getOwnPropertyNames(window);
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__nhsbTestCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) w.violations.push(`console: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && new URL(url).origin !== origin) w.foreign.push(url);
  });
  return w;
}

async function expectClean(page: Page, w: Watch, label: string, app: Page | Frame = page): Promise<void> {
  expect(w.violations, `CSP violations (${label})`).toEqual([]);
  expect(w.foreign, `requests to other origins (${label})`).toEqual([]);
  expect(await page.context().cookies(), `cookies (${label})`).toEqual([]);
  const added = await app.evaluate(() => {
    const before = new Set<string>((window as any).__nhsbTestGlobals ?? []);
    return Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && !n.startsWith('__nhsbTest'))
      // What the tests themselves bring: axe-core, and child frames' indices.
      .filter((n) => !['axe', '__core-js_shared__'].includes(n) && !/^\d+$/.test(n));
  });
  expect(added, `globals the app added (${label})`).toEqual(['NHSBooking']);
}

async function expectAxeClean(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations
    .map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
  expect.soft(report, `axe violations on ${label}`).toBe('');
}

// ---------------------------------------------------------------------------------------------
// The host page's layout and look

const HOST_PARTS = ['#site-header', '#site-nav', '.breadcrumbs', '#page-intro', '#site-footer'];
const HOST_ELEMENTS = [
  'body',
  '.site-header__name',
  '#site-q',
  '.site-search label',
  '.site-search button',
  '.site-nav a',
  '.breadcrumbs li',
  '#page-intro p',
  '#site-footer p',
  '#site-footer a',
];
const PROPS = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing',
  'word-spacing', 'text-transform', 'text-align', 'text-decoration-line', 'color',
  'background-color', 'background-image', 'border-top-width', 'border-top-style',
  'border-top-color', 'border-left-width', 'border-left-style', 'border-left-color',
  'border-top-left-radius', 'box-shadow', 'box-sizing', 'padding-top', 'padding-right',
  'padding-bottom', 'padding-left', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'display', 'position', 'list-style-type', 'min-width', 'min-height', 'width', 'height',
  'outline-style', 'cursor', 'appearance', 'vertical-align', 'white-space',
];

/** Document-relative boxes of the host's parts (the footer's top moves with the app). */
async function hostLayout(page: Page) {
  return page.evaluate((parts) => {
    const out: Record<string, number[]> = {};
    for (const sel of parts) {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      const box = [r.left + scrollX, r.top + scrollY, r.width, r.height].map((v) => Math.round(v * 10) / 10);
      out[sel] = sel === '#site-footer' ? [box[0], box[2], box[3]] : box;
    }
    return out;
  }, HOST_PARTS);
}

async function hostStyles(page: Page) {
  return page.evaluate(
    ({ selectors, props }) =>
      Object.fromEntries(
        selectors.map((sel) => {
          const cs = getComputedStyle(document.querySelector(sel)!);
          // The body grows with the app; everything else keeps its size.
          const own = sel === 'body' ? props.filter((p) => p !== 'height') : props;
          return [sel, Object.fromEntries(own.map((p) => [p, cs.getPropertyValue(p)]))];
        }),
      ),
    { selectors: HOST_ELEMENTS, props: PROPS },
  );
}

/** Every element of the app's main: tag, classes, box relative to the app, and its styles. */
async function appLook(page: Page) {
  return page.evaluate((props) => {
    const app = document.querySelector('.nhsb')!;
    const a = app.getBoundingClientRect();
    return [...app.querySelectorAll('main, main *')].map((el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const round = (v: number) => Math.round(v);
      const shown = r.width > 0 || r.height > 0;
      return {
        el: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
        box: shown ? [round(r.left - a.left), round(r.top - a.top), round(r.width), round(r.height)].join(',') : 'none',
        ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])),
      };
    });
  }, PROPS);
}

// ---------------------------------------------------------------------------------------------
// A patient's journey in any frame

type Scope = Page | FrameLocator;

const hostUrl = (page: Page) => new URL(page.url());

async function heading(scope: Scope, name: string): Promise<void> {
  await expect(scope.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

/**
 * The questions a 1.1 API adds (its `features`), each with the answer that changes nothing else.
 * A 1.0 API asks none of them.
 */
const ADDED = [
  { step: 'symptoms', heading: HEADINGS.symptoms, role: 'checkbox', answer: 'None of these' },
  { step: 'who-for', heading: HEADINGS.whoFor, role: 'radio', answer: 'Me' },
  { step: 'support', heading: HEADINGS.support, role: 'radio', answer: 'No' },
] as const;
const ADDED_STEPS: string[] = ADDED.map((a) => a.step);

/**
 * After a Continue: when the page that follows is one of the ADDED questions rather than `next`,
 * calls `at` on it, answers it and continues. Leaves `next` showing either way.
 */
async function passAdded(scope: Scope, next: string, at: (step: string) => Promise<void> = async () => {}): Promise<string | null> {
  const h = scope.getByRole('heading', { level: 1 });
  await expect(h).toHaveText(oneOf(next, ...ADDED.map((a) => a.heading)));
  const shown = ((await h.textContent()) ?? '').trim();
  const added = ADDED.find((a) => a.heading === shown);
  if (!added) return null;
  await at(added.step);
  await scope.getByRole(added.role, { name: added.answer, exact: true }).check();
  await scope.getByRole('button', { name: 'Continue', exact: true }).click();
  await heading(scope, next);
  return added.step;
}

/**
 * Every step of a booking, calling `at` on each page once it shows (the ADDED questions too,
 * when the API asks them). Returns the reference.
 */
async function book(scope: Scope, at: (step: string) => Promise<void> = async () => {}): Promise<string> {
  const cont = () => scope.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(scope.getByRole('button', { name: 'Start now' })).toBeVisible();
  await at('start');
  await scope.getByRole('button', { name: 'Start now' }).click();
  await heading(scope, HEADINGS.service);
  await at('service');
  await scope.getByRole('radio', { name: SERVICE, exact: true }).check();
  await cont();
  await passAdded(scope, HEADINGS.clinician, at);
  await heading(scope, HEADINGS.clinician);
  await at('clinician');
  await scope.getByRole('radio', { name: BAND_6, exact: true }).check();
  await cont();
  await heading(scope, HEADINGS.location);
  await at('location');
  await scope.getByRole('radio', { name: PLACE, exact: true }).check();
  await cont();
  await heading(scope, HEADINGS.time);
  const radios = scope.getByRole('radio', { name: TIME_NAME });
  await expect(radios.first()).toBeVisible();
  await at('time');
  // A time at least an hour away, so it cannot start while the test runs.
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const now = new Date();
  const open = await demo.slots({
    service: 'physio-msk', band: 'band-6', locality: 'hinchingbrooke',
    from: iso(now), to: iso(new Date(now.getTime() + 30 * 864e5)),
  });
  const safe = new Set(open.filter((s) => Date.parse(s.start) > Date.now() + 3600e3).map((s) => s.id));
  const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const index = values.findIndex((v) => safe.has(v));
  if (index >= 0) {
    await radios.nth(index).check();
  } else {
    await scope.getByRole('button', { name: 'Next day' }).click();
    await scope.getByRole('radio', { name: TIME_NAME }).first().check();
  }
  await cont();
  await passAdded(scope, HEADINGS.details, at);
  await heading(scope, HEADINGS.details);
  await at('details');
  const p = PATIENT;
  await scope.getByLabel('First name', { exact: true }).fill(p.first);
  await scope.getByLabel('Last name', { exact: true }).fill(p.last);
  const dob = scope.getByRole('group', { name: 'Date of birth' });
  await dob.getByLabel('Day', { exact: true }).fill(p.day);
  await dob.getByLabel('Month', { exact: true }).fill(p.month);
  await dob.getByLabel('Year', { exact: true }).fill(p.year);
  await scope.getByLabel('NHS number', { exact: true }).fill(p.nhs);
  await scope.getByLabel('Mobile phone number', { exact: true }).fill(p.phone);
  await cont();
  await passAdded(scope, HEADINGS.check, at);
  await heading(scope, HEADINGS.check);
  await at('check');
  await scope.getByRole('button', { name: 'Book appointment', exact: true }).click();
  await heading(scope, HEADINGS.confirmation);
  await at('confirmation');
  const reference = (await scope.getByText(REFERENCE).textContent())?.trim() ?? '';
  expect(reference).toMatch(REFERENCE);
  return reference;
}

// ---------------------------------------------------------------------------------------------

test('a whole booking inside the trust page, under the strict CSP, leaves the host alone', async ({ page }) => {
  const w = await watch(page);
  const start = `${origin}${HOST_PATH}?${HOST_QUERY}${HOST_HASH}`;

  // The host page as it is without the app (the loader blocked).
  await page.route('**/booking.js', (route) => route.abort());
  await page.goto(start);
  await expect(page.locator('#nhs-booking')).toContainText('Loading the booking service');
  const layoutBefore = await hostLayout(page);
  const stylesBefore = await hostStyles(page);
  await page.unroute('**/booking.js');

  await page.goto('about:blank');
  const response = await page.goto(start);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const steps: string[] = [];
  const reference = await book(page, async (step) => {
    steps.push(step);
    // The host's path, own parameters (same order, same spelling) and fragment stay.
    const url = hostUrl(page);
    expect(url.pathname, `path at ${step}`).toBe(HOST_PATH);
    expect(url.search.slice(1).startsWith(HOST_QUERY), `host query at ${step}: ${url.search}`).toBe(true);
    expect(url.hash, `fragment at ${step}`).toBe(HOST_HASH);
    const param = url.searchParams.get('booking');
    const expected: Record<string, string | null> = {
      start: null, service: 'service', clinician: 'clinician', location: 'location', time: 'time',
      details: 'your-details', check: 'check-your-answers', confirmation: 'confirmation',
      symptoms: 'symptoms', 'who-for': 'who-for', support: 'support',
    };
    expect(param, `booking= at ${step}`).toBe(expected[step]);
    if (['start', 'symptoms', 'time', 'details', 'support', 'check', 'confirmation'].includes(step)) {
      await expectAxeClean(page, `host page, ${step}`);
    }
  });
  expect(steps.filter((s) => !ADDED_STEPS.includes(s))).toHaveLength(8);
  expect(reference).toMatch(REFERENCE);
  expect((await demo.patientBookings()).map((b) => b.reference)).toEqual([reference]);

  // The app changed nothing about the host page's layout or look.
  expect(await hostLayout(page)).toEqual(layoutBefore);
  expect(await hostStyles(page)).toEqual(stylesBefore);
  await expectClean(page, w, 'host page');
});

test('Back, Forward and refresh move through the steps and keep the host URL', async ({ page }) => {
  const w = await watch(page);
  await page.goto(`${origin}${HOST_PATH}?${HOST_QUERY}`);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  await button('Start now').click();
  await heading(page, HEADINGS.service);
  await page.getByRole('radio', { name: SERVICE, exact: true }).check();
  await button('Continue').click();
  // A 1.1 API asks about urgent symptoms between the service and the clinician.
  const symptoms = (await passAdded(page, HEADINGS.clinician)) === 'symptoms';
  await heading(page, HEADINGS.clinician);
  await page.getByRole('radio', { name: BAND_6, exact: true }).check();
  await button('Continue').click();
  await heading(page, HEADINGS.location);

  const expectStep = async (h: string, param: string | null) => {
    await heading(page, h);
    const url = hostUrl(page);
    expect(url.pathname).toBe(HOST_PATH);
    expect(url.search.slice(1).startsWith(HOST_QUERY), url.search).toBe(true);
    expect(url.searchParams.get('booking')).toBe(param);
  };
  await page.goBack();
  await expectStep(HEADINGS.clinician, 'clinician');
  await expect(page.getByRole('radio', { name: BAND_6, exact: true })).toBeChecked();
  if (symptoms) {
    await page.goBack();
    await expectStep(HEADINGS.symptoms, 'symptoms');
    await expect(page.getByRole('checkbox', { name: 'None of these', exact: true })).toBeChecked();
  }
  await page.goBack();
  await expectStep(HEADINGS.service, 'service');
  if (symptoms) {
    await page.goForward();
    await expectStep(HEADINGS.symptoms, 'symptoms');
  }
  await page.goForward();
  await expectStep(HEADINGS.clinician, 'clinician');
  await page.goForward();
  await expectStep(HEADINGS.location, 'location');
  await page.reload();
  await expectStep(HEADINGS.location, 'location');
  expect(hostUrl(page).searchParams.get('service')).toBe('physio-msk');
  // Back past the first question: the host page as it was, the app's start page.
  await page.goBack();
  await page.goBack();
  if (symptoms) await page.goBack();
  await page.goBack();
  await expect(button('Start now')).toBeVisible();
  expect(hostUrl(page).search).toBe(`?${HOST_QUERY}`);
  await expectClean(page, w, 'back and forward');
});

test("the trust's global CSS does not change how the app looks", async ({ page }) => {
  const w = await watch(page);
  await page.goto(`${origin}${HOST_PATH}?${HOST_QUERY}`);
  const width = await page.locator('#nhs-booking').evaluate((e) => e.getBoundingClientRect().width);
  const diffs: string[] = [];
  const compare = async (label: string, standalone: string) => {
    const title = (await page.locator('.nhsb main h1').textContent()) ?? '';
    await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
    const inHost = await appLook(page);
    const hostAt = page.url();
    // The same step as the whole page, at the width the app has in the host page.
    await page.setViewportSize({ width: Math.round(width), height: 667 });
    await page.goto(`${origin}${standalone}`);
    await expect(page.locator('.nhsb-skip-link')).toBeAttached();
    await expect(page.locator('.nhsb main h1')).toHaveText(title);
    await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
    const alone = await appLook(page);
    expect(inHost.map((e) => e.el), `same elements at ${label}`).toEqual(alone.map((e) => e.el));
    alone.forEach((a, i) => {
      for (const [k, v] of Object.entries(a)) {
        // By design: the standalone page's main is at least one screen tall (its footer never
        // moves as a page loads); in a host page the app is only as tall as its content.
        if (a.el === 'main.nhsb-main' && ['min-height', 'height', 'box'].includes(k)) continue;
        const h = (inHost[i] as Record<string, string>)[k];
        if (h !== v) diffs.push(`${label} ${a.el} ${k}: host ${h} vs standalone ${v}`);
      }
    });
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(hostAt);
  };
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await compare('start', '/');
  await page.getByRole('button', { name: 'Start now' }).click();
  await heading(page, HEADINGS.service);
  await compare('service', '/service');
  await page.getByRole('radio', { name: SERVICE, exact: true }).check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  // The urgent-symptoms question (a 1.1 API) looks the same in the host page and alone.
  if (await passAdded(page, HEADINGS.clinician, async () => compare('symptoms', '/symptoms?service=physio-msk'))) {
    await heading(page, HEADINGS.clinician);
  }
  await page.getByRole('radio', { name: BAND_6, exact: true }).check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('radio', { name: PLACE, exact: true }).check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await heading(page, HEADINGS.time);
  const q = hostUrl(page).searchParams;
  await compare('time', `/time?service=${q.get('service')}&band=${q.get('band')}&locality=${q.get('locality')}`);
  await page.getByRole('radio', { name: TIME_NAME }).first().check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await passAdded(page, HEADINGS.details);
  await heading(page, HEADINGS.details);
  const d = hostUrl(page).searchParams;
  const keys = ['service', 'band', 'locality', 'date', 'slot'];
  await compare('details', `/your-details?${keys.map((k) => `${k}=${d.get(k)}`).join('&')}`);
  if (process.env.EMBED_DIFFS) require('node:fs').writeFileSync(process.env.EMBED_DIFFS, diffs.join('\n'));
  expect(diffs, 'differences between the app in the host page and alone').toEqual([]);
  await expectClean(page, w, 'styles');
});

test('iframe mode: a booking in the standalone page, the frame as tall as its content', async ({ page }) => {
  const w = await watch(page);
  await page.goto(`${origin}/trust-site/iframe.html`);
  const frameEl = page.locator('iframe[data-nhs-booking]');
  const frame = page.frameLocator('iframe[data-nhs-booking]');
  const fits = async (label: string) => {
    // The frame follows its content (it starts at 600px; every page here is taller or shorter).
    await expect
      .poll(
        async () => {
          const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
          const inner = await frameEl.evaluate((f) => {
            const d = (f as HTMLIFrameElement).contentDocument!.documentElement;
            return Math.ceil(d.getBoundingClientRect().height);
          });
          return Math.abs(outer - inner);
        },
        { message: `frame height follows the content at ${label}` },
      )
      .toBeLessThanOrEqual(1);
    // No scrollbar inside the frame.
    const scroll = await frameEl.evaluate((f) => {
      const d = (f as HTMLIFrameElement).contentDocument!.documentElement;
      return d.scrollHeight - d.clientHeight;
    });
    expect(scroll, `inner scrolling at ${label}`).toBeLessThanOrEqual(0);
  };
  const heights: number[] = [];
  await book(frame, async (step) => {
    await fits(step);
    heights.push(await frameEl.evaluate((f) => f.getBoundingClientRect().height));
    if (['start', 'details', 'confirmation'].includes(step)) await expectAxeClean(page, `iframe page, ${step}`);
  });
  expect(new Set(heights).size, `the frame's height changed with the pages: ${heights}`).toBeGreaterThan(2);
  expect(page.url()).toBe(`${origin}/trust-site/iframe.html`);
  const app = page.frames().find((f) => f !== page.mainFrame())!;
  await expectClean(page, w, 'iframe', app);
});

// ---------------------------------------------------------------------------------------------
// The standalone page's inline stylesheet (its first paint needs no request) under the policy

const stylesheetRequests = (page: Page): string[] => {
  const css: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.css')) css.push(r.url());
  });
  return css;
};

test('standalone page: the stylesheet is inline and allowed by its hash, so no stylesheet request and no violation', async ({ page }) => {
  const w = await watch(page);
  const css = stylesheetRequests(page);
  const res = await page.goto(`${origin}/`);
  expect(res!.headers()['content-security-policy']).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
  expect(res!.headers()['content-security-policy']).not.toContain('unsafe-inline');
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  // Styled: the NHS blue header.
  await expect(page.locator('.nhsb-header')).toHaveCSS('background-color', 'rgb(0, 94, 184)');
  expect(css, 'no stylesheet request').toEqual([]);
  await expectClean(page, w, 'standalone');
});

test('standalone page under a policy without the hash: booking.js falls back to the stylesheet file', async ({ page }) => {
  const css = stylesheetRequests(page);
  await page.route(`${origin}/`, async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    headers['content-security-policy'] = headers['content-security-policy'].replace(/ 'sha256-[^']+'/, '');
    await route.fulfill({ response: res, headers });
  });
  await page.goto(`${origin}/`);
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await expect(page.locator('.nhsb-header')).toHaveCSS('background-color', 'rgb(0, 94, 184)');
  expect(css, 'the stylesheet file, once').toHaveLength(1);
});
