// Hostile but contract-valid data from the API (page.route on /api/services, /api/localities
// and /api/slots): markup and script in names, a javascript: URL, bidi overrides, emoji, a
// 500-character place name, an unknown appointment type and unknown fields, an empty service
// list, and 10,000 times. The app must show every string as text, never run it, never crash,
// and stay usable.
import type { Page, Route } from '@playwright/test';
import {
  HEADINGS,
  TIME_NAME,
  continueButton,
  enterDetails,
  expect,
  expectNoHorizontalScroll,
  expectPage,
  h1,
  openStart,
  startNow,
  summaryValue,
  test,
  timeRadios,
} from './helpers';
import { PHONE, addDays } from './helpers-manage';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const JS_URL = 'javascript:window.__pwned=1';
/** U+202E RIGHT-TO-LEFT OVERRIDE: "Clinic exe.gnp" would read as "Clinic png.exe". */
const BIDI = 'Clinic \u202Eexe.gnp\u202C annex';
const EMOJI = 'St Ives 🦴💪🏽 Clinic 👩‍⚕️';
/** 500 characters, with one 120-character word that cannot wrap at a space. */
const LONG = (() => {
  const word = 'Hinchingbrooke'.repeat(9).slice(0, 120);
  const text = `${word} ${'Community Physiotherapy and Musculoskeletal Rehabilitation Centre '.repeat(8)}`;
  return text.slice(0, 499) + 'X';
})();

const SERVICE_NAME = `Physiotherapy ${SCRIPT}`;
const SERVICE_DESCRIPTION = `Back, neck and joints ${IMG} ${EMOJI}`;
const BAND_NAME = `Physiotherapist ${IMG}`;
const BAND_DESCRIPTION = JS_URL;
const OTHER_SERVICE = IMG;

// ---------------------------------------------------------------------------------------------
// Contract-valid answers

/** London's offset on a date ("+00:00" or "+01:00"), as the API would give it. */
const offsets = new Map<string, string>();
function londonOffset(date: string): string {
  const known = offsets.get(date);
  if (known) return known;
  const hour = new Date(`${date}T12:00:00Z`).toLocaleString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hour12: false });
  const offset = Number(hour) === 13 ? '+01:00' : '+00:00';
  offsets.set(date, offset);
  return offset;
}

function at(date: string, minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00${londonOffset(date)}`;
}

type GenSlot = { id: string; start: string; end: string; locality: string; band: string; mode: string; clinician: string; [k: string]: unknown };

/** Slots for the dates of a query: `perDay(date, dayIndex)` says how many, from 08:00. */
function generate(
  from: string,
  to: string,
  locality: string,
  band: string,
  perDay: (date: string) => number,
  mode: (i: number) => string = () => 'in_person',
): GenSlot[] {
  const slots: GenSlot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const n = perDay(date);
    for (let i = 0; i < n; i++) {
      // Spread over 08:00 to 18:00; many at once when there are more than 600.
      const minute = 8 * 60 + Math.floor((i * 600) / Math.max(n, 1));
      slots.push({
        id: `slot-h${date.replace(/-/g, '')}${String(i).padStart(5, '0')}`,
        start: at(date, minute),
        end: at(date, minute + 30),
        locality,
        band,
        mode: mode(i),
        clinician: `Physiotherapist ${SCRIPT}`,
        x_room: { floor: 2, name: EMOJI },
      });
    }
  }
  return slots;
}

function json(route: Route, body: unknown) {
  return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
}

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const tomorrow = () => addDays(today(), 1);

type Hostile = {
  services?: unknown;
  /** Slots per day for a date (none today, so nothing has started). */
  perDay?: (date: string) => number;
  mode?: (i: number) => string;
};

/** Serves hostile services, places and times in place of the API's. */
async function serveHostile(page: Page, opts: Hostile = {}): Promise<{ slotRequests: () => number }> {
  const services = opts.services ?? {
    services: [
      {
        id: 'physio-msk',
        name: SERVICE_NAME,
        description: SERVICE_DESCRIPTION,
        phone: PHONE,
        bands: [
          { id: 'band-6', name: BAND_NAME, description: BAND_DESCRIPTION, x_grade: 'unknown' },
          { id: 'band-7', name: BIDI, description: SCRIPT },
        ],
        x_unknown: { nested: [1, 2, 3], html: SCRIPT },
      },
      {
        id: 'other',
        name: OTHER_SERVICE,
        description: `${JS_URL} ${BIDI}`,
        phone: PHONE,
        bands: [{ id: 'b', name: EMOJI, description: '' }],
      },
    ],
    x_generated_at: '2026-11-23T09:00:00Z',
  };
  await page.route((url) => url.pathname === '/api/services', (route) => json(route, services));

  const perDay = opts.perDay ?? ((date: string) => (date >= tomorrow() ? 12 : 0));
  const first = tomorrow();
  await page.route(
    (url) => url.pathname === '/api/localities',
    (route) =>
      json(route, {
        localities: [
          {
            id: 'long',
            name: LONG,
            address: [SCRIPT, IMG],
            postcode: BIDI,
            access: JS_URL,
            next_available: at(first, 8 * 60),
            x_parking: { spaces: 3, note: IMG },
          },
          { id: 'emoji', name: EMOJI, address: [], postcode: '', access: null, next_available: at(first, 9 * 60) },
          { id: 'full', name: `Full ${SCRIPT}`, address: [IMG], postcode: 'PE29 6NT', access: '', next_available: null },
        ],
        x_total: 3,
      }),
  );

  let slotRequests = 0;
  // One list per query, made once and then served a page (200) at a time.
  const lists = new Map<string, GenSlot[]>();
  await page.route(
    (url) => url.pathname === '/api/slots',
    (route) => {
      slotRequests++;
      const q = new URL(route.request().url()).searchParams;
      const key = ['from', 'to', 'locality', 'band'].map((k) => q.get(k)).join('|');
      if (!lists.has(key)) {
        lists.set(key, generate(q.get('from')!, q.get('to')!, q.get('locality')!, q.get('band')!, perDay, opts.mode));
      }
      const all = lists.get(key)!;
      const offset = Number(q.get('cursor') ?? 0);
      const page = all.slice(offset, offset + 200);
      const next = offset + 200 < all.length ? String(offset + 200) : null;
      return json(route, { timezone: 'Europe/London', slots: page, next_cursor: next, x_source: SCRIPT });
    },
  );
  return { slotRequests: () => slotRequests };
}

// ---------------------------------------------------------------------------------------------
// Nothing hostile may run

type Guard = { errors: string[]; imageRequests: string[] };

function guard(page: Page): Guard {
  const g: Guard = { errors: [], imageRequests: [] };
  page.on('pageerror', (e) => g.errors.push(`${e.name}: ${e.message}`));
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/x') g.imageRequests.push(r.url());
  });
  return g;
}

async function expectNothingRan(page: Page, g: Guard, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `window.__pwned on ${where}`).toBeUndefined();
  expect(g.errors, `page errors on ${where}`).toEqual([]);
  expect(g.imageRequests, `an <img src=x> was created on ${where}`).toEqual([]);
  const injected = await page.evaluate(() => ({
    scripts: document.querySelectorAll('main script, main img, main iframe').length,
    jsLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
    handlers: Array.from(document.querySelectorAll('main *')).filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
  }));
  expect(injected, `injected elements on ${where}`).toEqual({ scripts: 0, jsLinks: 0, handlers: 0 });
}

// ---------------------------------------------------------------------------------------------

test('hostile names and descriptions are shown as literal text on every page and never run', async ({ page }) => {
  const g = guard(page);
  await serveHostile(page);
  await openStart(page);
  await startNow(page);

  // What do you need an appointment for?
  await expectPage(page, HEADINGS.service);
  const service = page.getByRole('radio', { name: SERVICE_NAME, exact: true });
  await expect(service).toBeVisible();
  await expect(page.getByRole('radio', { name: OTHER_SERVICE, exact: true })).toBeVisible();
  await expect(page.getByText(SERVICE_DESCRIPTION, { exact: true })).toBeVisible();
  await expect(page.getByText(`${JS_URL} ${BIDI}`, { exact: true })).toBeVisible();
  await expectNothingRan(page, g, 'the service question');
  await service.check();
  await continueButton(page).click();

  // Who do you need to see?
  await expectPage(page, HEADINGS.clinician);
  await expect(page.getByRole('radio', { name: BIDI, exact: true })).toBeVisible();
  await expect(page.getByText(BAND_DESCRIPTION, { exact: true })).toBeVisible();
  await expect(page.getByText(SCRIPT, { exact: true })).toBeVisible();
  await expectNothingRan(page, g, 'the clinician question');
  await page.getByRole('radio', { name: BAND_NAME, exact: true }).check();
  await continueButton(page).click();

  // Where would you like your appointment?
  await expectPage(page, HEADINGS.location);
  const long = page.getByRole('radio', { name: LONG, exact: true });
  await expect(long).toBeVisible();
  await expect(page.getByRole('radio', { name: EMOJI, exact: true })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText(`${SCRIPT}, ${IMG}, ${BIDI}`);
  await expect(page.getByText(JS_URL, { exact: true })).toBeVisible();
  // The fully booked place is listed as text, not offered.
  await expect(page.getByRole('listitem').filter({ hasText: `Full ${SCRIPT}` })).toBeVisible();
  await expect(page.getByRole('radio', { name: `Full ${SCRIPT}` })).toHaveCount(0);
  await expectNothingRan(page, g, 'the location question');
  await expectNoHorizontalScroll(page, 'the location question with a 500-character place name');
  await long.check();
  await continueButton(page).click();

  // Choose a time: the place's name in the caption and in each time's name.
  await expectPage(page, HEADINGS.time);
  await expect(page.locator('.nhsb-caption')).toHaveText(LONG);
  const radio = timeRadios(page).first();
  await expect(radio).toBeVisible();
  const name = await radio.evaluate((e) => ((e as HTMLInputElement).labels?.[0]?.textContent ?? '').trim());
  expect(name).toMatch(TIME_NAME);
  expect(name).toContain(LONG);
  await expectNothingRan(page, g, 'the time question');
  await expectNoHorizontalScroll(page, 'the time question with a 500-character place name');
  await radio.check();
  await continueButton(page).click();

  await enterDetails(page);
  await expectPage(page, HEADINGS.check);
  await expect(summaryValue(page, 'Appointment')).toHaveText(SERVICE_NAME);
  await expect(summaryValue(page, 'Clinician')).toHaveText(BAND_NAME);
  await expect(summaryValue(page, 'Location')).toContainText(LONG);
  await expect(summaryValue(page, 'Location')).toContainText(SCRIPT);
  await expect(summaryValue(page, 'Location')).toContainText(IMG);
  await expect(summaryValue(page, 'Location')).toContainText(BIDI);
  await expectNothingRan(page, g, 'check your answers');
  await expectNoHorizontalScroll(page, 'check your answers with a 500-character place name');
});

/** From the start page to the hostile place chosen (not yet sent) on "Where would you like…". */
async function chooseHostilePlace(page: Page): Promise<void> {
  await openStart(page);
  await startNow(page);
  await page.getByRole('radio', { name: SERVICE_NAME, exact: true }).check();
  await continueButton(page).click();
  await page.getByRole('radio', { name: BAND_NAME, exact: true }).check();
  await continueButton(page).click();
  await page.getByRole('radio', { name: EMOJI, exact: true }).check();
}

test('an unknown appointment type ("hologram") and unknown fields: "Appointment type to be confirmed", no crash', async ({ page }) => {
  const g = guard(page);
  await serveHostile(page, { mode: (i) => (i % 4 === 0 ? 'hologram' : ['in_person', 'telephone', 'video'][i % 3]) });
  await chooseHostilePlace(page);
  await continueButton(page).click();

  await expectPage(page, HEADINGS.time);
  const first = timeRadios(page).first();
  await expect(first).toBeVisible();
  await expect(page.getByText('Appointment type to be confirmed', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/hologram/i)).toHaveCount(0);
  const name = await first.evaluate((e) => ((e as HTMLInputElement).labels?.[0]?.textContent ?? '').trim());
  expect(name).toMatch(/type to be confirmed/);
  await expectNothingRan(page, g, 'the time question');
  await first.check();
  await continueButton(page).click();

  await enterDetails(page);
  await expectPage(page, HEADINGS.check);
  await expect(summaryValue(page, 'Date and time')).toContainText('Appointment type to be confirmed');
  await expect(summaryValue(page, 'Location')).toContainText(EMOJI);
  await expectNothingRan(page, g, 'check your answers');
});

test('an empty service list gives a clear page, not a blank one or an unanswerable question', async ({ page }) => {
  const g = guard(page);
  await serveHostile(page, { services: { services: [] } });
  await openStart(page);
  await startNow(page);
  await expect(h1(page)).toHaveCount(1);
  const heading = ((await h1(page).textContent()) ?? '').trim();
  expect(heading.length).toBeGreaterThan(0);
  await expect(page.getByRole('main')).toContainText(PHONE);
  expect(heading, 'a question with nothing to choose from').not.toBe(HEADINGS.service);
  await expect(page.getByRole('main').getByRole('radio')).toHaveCount(0);
  await expectNothingRan(page, g, 'the empty service list');
});

/** Walks to "Choose a time" with hostile data and 10,000 slots, returning how long they took. */
async function tenThousand(page: Page, perDay: (date: string) => number): Promise<{ ms: number; slotRequests: number }> {
  const served = await serveHostile(page, { perDay });
  await chooseHostilePlace(page);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const trouble: string[] = [];
  page.on('console', (m) => m.type() === 'error' && trouble.push(`console: ${m.text().slice(0, 200)}`));
  page.on('requestfailed', (r) => trouble.push(`failed: ${new URL(r.url()).pathname} ${r.failure()?.errorText}`));
  const started = Date.now();
  await continueButton(page).click();
  await expectPage(page, HEADINGS.time, { focus: false });
  try {
    // A CSS locator: working out 10,000 accessible names is slow for the test, not the app.
    await expect(slotInputs(page).first()).toBeVisible({ timeout: 60_000 });
  } catch (e) {
    // Twice in CI (never in 50 local runs, some with both cores loaded) no time had appeared
    // after 30 and 60 s: say what the page showed and what went wrong in the error itself, as
    // CI keeps only the end of its output, where the failures are listed.
    const shown = crashed ? '(the page crashed)' : await page.getByRole('main').innerText({ timeout: 2_000 }).catch((x) => `(unreadable: ${x})`);
    throw new Error(
      `no time after ${Date.now() - started} ms, ${served.slotRequests()} slot pages served; the page showed: ${shown.slice(0, 600).replace(/\s+/g, ' ')}; ${trouble.slice(0, 5).join('; ') || 'no console error or failed request'}\n${e}`,
    );
  }
  return { ms: Date.now() - started, slotRequests: served.slotRequests() };
}

const slotInputs = (page: Page) => page.locator('main input[type="radio"][name="slot"]');

/** The page answers at once, and choosing a time and Continue moves on. */
async function expectResponsive(page: Page, g: Guard, label: string) {
  const t0 = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  expect(Date.now() - t0, `${label}: a frame is drawn within 2 seconds`).toBeLessThan(2_000);
  const radio = slotInputs(page).nth(5);
  await radio.check();
  await expect(radio).toBeChecked();
  const t1 = Date.now();
  await continueButton(page).click();
  await expectPage(page, HEADINGS.details, { focus: false });
  const took = Date.now() - t1;
  console.log(`${label}: Continue to "Your details" took ${took} ms`);
  // Generous: the machine is shared; this catches a page that hangs, not one that is slow.
  expect(took, `${label}: Continue answers within 15 seconds`).toBeLessThan(15_000);
  await expectNothingRan(page, g, label);
}

test.describe('10,000 times', () => {
  // One retry, for these two only: twice in CI (never locally) the first time had not appeared
  // after 30 and 60 s. The failed try is still reported (as "flaky", with what the page showed
  // and any failed request or console error), so the cause stays visible while one bad run of a
  // shared machine no longer blocks everything else.
  test.describe.configure({ retries: 1 });

  test('10,000 times across the 31-day window: a day is shown and the page stays responsive', async ({ page }) => {
    test.setTimeout(150_000);
    const g = guard(page);
    const from = tomorrow();
    const to = addDays(today(), 30);
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 864e5) + 1;
    // 10,000 spread evenly over the dates the first query covers.
    const perDay = (date: string) => {
      if (date < from || date > to) return 0;
      const i = Math.round((Date.parse(date) - Date.parse(from)) / 864e5);
      return Math.floor(10_000 / days) + (i < 10_000 % days ? 1 : 0);
    };
    const { ms, slotRequests } = await tenThousand(page, perDay);
    console.log(`10,000 times across ${days} days: first day shown after ${ms} ms, ${slotRequests} slot pages`);
    expect(slotRequests, 'every page of 200 fetched').toBeGreaterThanOrEqual(50);
    await expect(page.getByRole('heading', { level: 2, name: /^\w+day \d{1,2} \w+$/ })).toBeVisible();
    await expect(slotInputs(page)).toHaveCount(perDay(from));
    await expect(timeRadios(page).first()).toBeVisible();
    // Next day still works.
    await page.getByRole('button', { name: 'Next day' }).click();
    await expect(slotInputs(page)).toHaveCount(perDay(addDays(from, 1)));
    await expectResponsive(page, g, '10,000 times across the window');
  });

  test('a day with 10,000 times: the day is shown and the page stays responsive', async ({ page }) => {
    test.setTimeout(150_000);
    const g = guard(page);
    const day = tomorrow();
    const { ms } = await tenThousand(page, (date) => (date === day ? 10_000 : date > day ? 3 : 0));
    console.log(`a day with 10,000 times: shown after ${ms} ms`);
    await expect(slotInputs(page)).toHaveCount(10_000);
    // Every one is named in full for screen readers (checked on a few: names are slow to compute).
    for (const i of [0, 4_999, 9_999]) {
      const name = await slotInputs(page).nth(i).evaluate((e) => ((e as HTMLInputElement).labels?.[0]?.textContent ?? '').trim());
      expect(name).toMatch(TIME_NAME);
    }
    await expectResponsive(page, g, '10,000 times on one day');
  });
});
