// Cymraeg (issue #17): a whole booking and a cancellation in Welsh, no English of ours left on
// any Welsh page (each page's text compared with the English catalogue), axe at 320 and
// 1280 px with the page's language right, the header's switch keeping the step and the
// answers, and the language sent with the booking when the API takes it.
//
// The Welsh of every control is looked up in the catalogue (target/catalogue.json, written by
// `make test-e2e` from examples/catalogue.rs) by its English words, so the walk below reads
// like the English one and a missing translation fails by name.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { APIRequestContext, Page } from '@playwright/test';
import {
  BAND_6,
  HEADINGS,
  PATIENT,
  PLACE,
  SERVICE,
  apiFeatures,
  expect,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  h1,
  passScreening,
  settled,
  test,
  type Demo,
} from './helpers';
import { CHANGEABLE, MANAGE, PHONE, type Dob } from './helpers-manage';
import { freeUp, offerLink } from './helpers-held';

type Message = { area: string; key: string; en: string; cy: string };

const CATALOGUE = path.join(__dirname, '..', 'target', 'catalogue.json');

function loadCatalogue(): Message[] {
  if (!fs.existsSync(CATALOGUE)) {
    const json = execFileSync('cargo', ['run', '-q', '-p', 'nhs-booking', '--example', 'catalogue'], { encoding: 'utf8' });
    fs.mkdirSync(path.dirname(CATALOGUE), { recursive: true });
    fs.writeFileSync(CATALOGUE, json);
  }
  return JSON.parse(fs.readFileSync(CATALOGUE, 'utf8'));
}

const MESSAGES = loadCatalogue();

/** The Welsh for one of our English messages (the first with those exact words, in `area` when
 *  given: the same English is sometimes worded differently in Welsh in another place). */
function cy(en: string, area?: string): string {
  const found = MESSAGES.find((m) => m.en === en && (!area || m.area === area));
  if (!found) throw new Error(`"${en}" is not in the catalogue`);
  return found.cy;
}

/** A message with its placeholders filled, in Welsh. */
function cyFill(en: string, values: Record<string, string>): string {
  return cy(en).replace(/\{(\w+)\}/g, (whole, k: string) => values[k] ?? whole);
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

// What counts as English left over: a whole piece of text on the page that is one of our
// English messages (even one word: "Continue"), or a run of two words or more of one (a
// sentence, or a template's fixed words around its placeholders). Messages Welsh spells the
// same (names, codes) are not English left over.
const ENGLISH_WHOLE = new Set(MESSAGES.filter((m) => m.en !== m.cy && !/\{/.test(m.en)).map((m) => m.en.trim()));
const ENGLISH_PIECES = [
  ...new Set(
    MESSAGES.filter((m) => m.en !== m.cy)
      .flatMap((m) => m.en.split(/\{\w+\}/))
      .map((s) => s.trim().replace(/^[.,:;–-]\s*|\s*[.,:;–-]$/g, ''))
      .filter((s) => words(s).length >= 2 && !MESSAGES.some((m) => m.cy.includes(s))),
  ),
];

/** Every text a patient may see or hear on the page: text nodes (visually hidden ones too),
 *  labels given by attributes, and the tab's title. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.getElementById('nhs-booking')!;
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      // <noscript>: shown only when scripts are off, when no language can be chosen.
      if (el.closest('[hidden], script, style, template, noscript')) continue;
      const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
    }
    for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push(v.trim());
      }
    }
    return out;
  });
}

/** Every string in the API's JSON answers this page has had: names, addresses and the
 *  clinicians' words come from the API (in English only: contract 1.1 has no Welsh), so they are
 *  not English of ours. */
const apiTexts = new WeakMap<Page, Set<string>>();
function recordApiTexts(page: Page): void {
  const seen = new Set<string>();
  apiTexts.set(page, seen);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') seen.add(v.trim());
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  page.on('response', async (r) => {
    if (!new URL(r.url()).pathname.startsWith('/api/')) return;
    if (!(r.headers()['content-type'] ?? '').includes('json')) return;
    walk(await r.json().catch(() => null));
  });
}

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const texts = await pageTexts(page);
  const fromApi = [...(apiTexts.get(page) ?? [])];
  const left = new Set<string>();
  for (const t of texts) {
    if (fromApi.some((a) => a === t || (words(t).length >= 2 && a.includes(t)))) continue;
    if (ENGLISH_WHOLE.has(t)) left.add(t);
    for (const piece of ENGLISH_PIECES) if (t.includes(piece)) left.add(piece);
  }
  expect.soft([...left], `English words of ours on the Welsh page "${where}"`).toEqual([]);
}

/** Nothing is loading any more, in Welsh ("Yn llwytho…"; `settled` waits for the English). */
async function settledCy(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: new RegExp(cy('Loading')) })).toHaveCount(0);
}

/** The checks every Welsh page gets: its language, no English of ours, axe at both widths and
 *  no sideways scrolling at 320 px. */
async function checkWelshPage(page: Page, heading: string): Promise<void> {
  await expect(h1(page)).toHaveText(heading);
  await settled(page);
  await settledCy(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.locator('#nhs-booking')).toHaveAttribute('lang', 'cy');
  await expect(page).toHaveTitle(new RegExp(`– GIG$`));
  await expectNoEnglish(page, heading);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page, `${heading} at ${width}px`);
  }
  await expectNoHorizontalScroll(page, heading);
  await page.setViewportSize({ width: 375, height: 667 });
}

/** The patient's name, date of birth and mobile (and NHS number) in boxes with Welsh labels. */
async function fillPerson(page: Page, nhsNumber: boolean): Promise<void> {
  const dob = page.getByRole('group', { name: cy('Date of birth') });
  await page.getByLabel(cy('First name'), { exact: true }).fill(PATIENT.first);
  await page.getByLabel(cy('Last name'), { exact: true }).fill(PATIENT.last);
  await dob.getByLabel(cy('Day'), { exact: true }).fill(PATIENT.day);
  await dob.getByLabel(cy('Month'), { exact: true }).fill(PATIENT.month);
  await dob.getByLabel(cy('Year'), { exact: true }).fill(PATIENT.year);
  if (nhsNumber) await page.getByLabel(cy('NHS number'), { exact: true }).fill(PATIENT.nhs);
  await page.getByLabel(cy('Mobile phone number'), { exact: true }).fill(PATIENT.phone);
}

const continueCy = (page: Page) => page.getByRole('button', { name: cy('Continue'), exact: true });

/** Answers a 1.1 question if it is the page on show ("None of these", "Me", "No"): known by
 *  its address, as the symptoms question's heading is the service's own (from the API). */
async function ifAsked(page: Page, slug: string, heading: string | null, answer: string, role: 'radio' | 'checkbox'): Promise<void> {
  await settled(page);
  if (!new URL(page.url()).pathname.endsWith(`/${slug}`)) return;
  // The question is on show (not the page the app starts from) before its heading is read.
  await expect(page.getByRole(role, { name: cy(answer), exact: true })).toBeVisible();
  if (heading) await checkWelshPage(page, cy(heading));
  else await checkWelshPage(page, ((await h1(page).textContent()) ?? '').trim());
  await page.getByRole(role, { name: cy(answer), exact: true }).check();
  const before = page.url();
  await continueCy(page).click();
  await expect(page).not.toHaveURL(before);
}

/** Books in Welsh from `/?lang=cy`, checking every page; returns the reference. */
async function bookInWelsh(page: Page, laterDay = false): Promise<string> {
  recordApiTexts(page);
  await page.goto('/?lang=cy');
  await expect(page.getByRole('link', { name: cy('Skip to main content') })).toBeAttached();
  await checkWelshPage(page, cy(HEADINGS.start));
  await page.getByRole('button', { name: cy('Start now') }).click();

  await checkWelshPage(page, cy(HEADINGS.service));
  await page.getByRole('radio', { name: SERVICE, exact: true }).check();
  await continueCy(page).click();
  await ifAsked(page, 'symptoms', null, 'None of these', 'checkbox');

  await checkWelshPage(page, cy(HEADINGS.clinician));
  await page.getByRole('radio', { name: BAND_6, exact: true }).check();
  await continueCy(page).click();

  await checkWelshPage(page, cy(HEADINGS.location));
  await page.getByRole('radio', { name: PLACE, exact: true }).check();
  await continueCy(page).click();

  await checkWelshPage(page, cy(HEADINGS.time));
  if (laterDay) {
    // A time days ahead, so it can still be cancelled online.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: cy('Next day'), exact: true }).click();
    await settledCy(page);
  }
  // Welsh days and times in each time's name: "Dydd Mawrth 1 Rhagfyr 2026, 9:15yb, …".
  const first = page.locator('main input[type="radio"][name="slot"]').first();
  const name = await first.evaluate((e) => ((e as HTMLInputElement).labels?.[0]?.textContent ?? '').trim());
  expect(name).toMatch(/^Dydd \S+ \d{1,2} \S+ \d{4}, (\d{1,2}(:\d{2})?y[bp]|canol dydd|hanner nos)\b/);
  await first.check();
  await continueCy(page).click();
  await ifAsked(page, 'who-for', HEADINGS.whoFor, 'Me', 'radio');

  await checkWelshPage(page, cy(HEADINGS.details));
  // Every error at once, in Welsh: the summary, each message and the "Gwall: " title.
  await continueCy(page).click();
  await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
  await expect(page).toHaveTitle(/^Gwall: /);
  await checkWelshPage(page, cy(HEADINGS.details));
  await fillPerson(page, true);
  await continueCy(page).click();
  await ifAsked(page, 'support', HEADINGS.support, 'No', 'radio');

  await checkWelshPage(page, cy(HEADINGS.check));
  if (await page.getByText(cy('Letters and texts in'), { exact: true }).count()) {
    const row = page.locator('.nhsb-summary-list__row', { hasText: cy('Letters and texts in') });
    await expect(row).toContainText('Cymraeg');
  }
  await page.getByRole('button', { name: cy('Book appointment'), exact: true }).click();

  await checkWelshPage(page, cy(HEADINGS.confirmation));
  const text = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
  const reference = text.match(/PHY-[A-HJKMNP-Z2-9]{6}/)?.[0];
  expect(reference, 'the booking reference on the confirmation').toBeTruthy();
  return reference!;
}

const findButtonCy = (page: Page) => page.getByRole('button', { name: cy('Find appointment'), exact: true });

/** Types a reference and date of birth into the Welsh-labelled boxes of "Find your appointment". */
async function fillFind(page: Page, reference: string, dob: Pick<Dob, 'day' | 'month' | 'year'>): Promise<void> {
  await page.getByLabel(cy('Booking reference'), { exact: true }).fill(reference);
  const group = page.getByRole('group', { name: cy('Date of birth') });
  await group.getByLabel(cy('Day'), { exact: true }).fill(dob.day);
  await group.getByLabel(cy('Month'), { exact: true }).fill(dob.month);
  await group.getByLabel(cy('Year'), { exact: true }).fill(dob.year);
}

/** On "Find your appointment" (Welsh): checked empty and with its errors, then the booking found. */
async function findInWelsh(page: Page, reference: string, dob: Pick<Dob, 'day' | 'month' | 'year'>): Promise<void> {
  await checkWelshPage(page, cy(MANAGE.find));
  await findButtonCy(page).click();
  await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
  await checkWelshPage(page, cy(MANAGE.find));
  await fillFind(page, reference, dob);
  await findButtonCy(page).click();
}

test('a whole booking in Welsh: every page Welsh, accessible, and the language sent with the booking', async ({ page, request }) => {
  test.setTimeout(120_000);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/bookings') posts.push(r.postData() ?? '');
  });
  await bookInWelsh(page);
  expect(posts).toHaveLength(1);
  const sent = JSON.parse(posts[0]);
  if ((await apiFeatures(request)).includes('language')) {
    expect(sent.language, 'letters and texts in Welsh').toBe('cy');
  } else {
    expect(sent.language, 'nothing a 1.0 API does not take').toBeUndefined();
  }
});

test('a cancellation in Welsh', async ({ page }) => {
  test.setTimeout(120_000);
  const reference = await bookInWelsh(page, true);
  await page.getByRole('contentinfo').getByRole('link', { name: cy('Change or cancel an appointment') }).click();
  await findInWelsh(page, reference, PATIENT);

  await checkWelshPage(page, cy(MANAGE.booking));
  await page.getByRole('link', { name: cy('Cancel appointment'), exact: true }).click();
  await checkWelshPage(page, cy(MANAGE.cancel));
  await page.getByRole('button', { name: cy('Yes, cancel appointment'), exact: true }).click();
  await checkWelshPage(page, cy(MANAGE.cancelled));
});

test('the header switch keeps the step and the answers, both ways', async ({ page }) => {
  await page.goto('/symptoms?service=physio-msk&band=band-6');
  await passScreening(page);
  await page.goto('/location?service=physio-msk&band=band-6');
  await expect(h1(page)).toHaveText(HEADINGS.location);
  await page.getByRole('radio', { name: PLACE, exact: true }).check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(h1(page)).toHaveText(HEADINGS.time);
  const url = new URL(page.url());

  const cymraeg = page.getByRole('banner').getByRole('link', { name: 'Cymraeg' });
  await expect(cymraeg).toHaveAttribute('lang', 'cy');
  await cymraeg.click();
  await expect(h1(page)).toHaveText(cy(HEADINGS.time));
  expect(new URL(page.url()).pathname).toBe(url.pathname);
  expect(new URL(page.url()).searchParams.get('locality')).toBe(url.searchParams.get('locality'));
  // The place chosen is still the time page's caption.
  await expect(page.getByRole('main')).toContainText(PLACE);
  // Kept for the tab: a page opened without ?lang is Welsh too.
  await page.getByRole('link', { name: cy('Back'), exact: true }).click();
  await expect(h1(page)).toHaveText(cy(HEADINGS.location));
  await expect(page.getByRole('radio', { name: PLACE, exact: true })).toBeChecked();

  const english = page.getByRole('banner').getByRole('link', { name: 'English' });
  await expect(english).toHaveAttribute('lang', 'en');
  await english.click();
  await expect(h1(page)).toHaveText(HEADINGS.location);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('radio', { name: PLACE, exact: true })).toBeChecked();
});

test('English patients download no Welsh: the Welsh chunk is fetched only for Welsh', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((p) => /welsh/.test(p)), 'Welsh files fetched for an English page').toEqual([]);
  await page.goto('/?lang=cy');
  await expect(h1(page)).toHaveText(cy(HEADINGS.start));
});

test('the static shell, before the app loads, is Welsh for a Welsh patient and English for an English one', async ({ page }) => {
  // The app never arrives: what shows is index.html's shell, as booking.js leaves it.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/?lang=cy');
  const shell = page.locator('#nhs-booking');
  await expect(h1(page)).toHaveText(cy(HEADINGS.start));
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(shell).toHaveAttribute('lang', 'cy');
  await expect(page).toHaveTitle(`${cy(HEADINGS.start)} – GIG`);
  await expect(shell.getByRole('main')).toContainText(cyFill('If you cannot book online, call {phone}.', { phone: `${PHONE} (${cy('Monday to Friday, 8am to 6pm')})` }));
  const english = page.getByRole('banner').getByRole('link', { name: 'English', exact: true });
  await expect(english).toHaveAttribute('lang', 'en');
  await expect(english).toHaveAttribute('href', '/?lang=en');
  await expectNoEnglish(page, 'the static shell');
  await expectNoAxeViolations(page, 'the static shell in Welsh at 320 px');

  // An English page's shell is left as it is.
  await page.goto('/?lang=en');
  await expect(h1(page)).toHaveText(HEADINGS.start);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cymraeg', exact: true })).toBeVisible();
});

test('a Welsh patient sees the Welsh shell until the app is drawn in Welsh: no English "Loading" between them', async ({ page }) => {
  // Welsh's words arrive late: until then, the Welsh shell, and nothing of the app's.
  let release: () => void = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(/nhs-booking-welsh-[0-9a-f]+\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const asked = page.waitForRequest(/nhs-booking-welsh-[0-9a-f]+\.wasm$/);
  await page.goto('/?lang=cy');
  // The app has started and is fetching Welsh's words.
  await asked;
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(h1(page)).toHaveText(cy(HEADINGS.start));
  await expect(page.getByText(/Loading|Yn llwytho/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start now' })).toHaveCount(0);
  release();
  // The app's start page, in Welsh, in place of the shell (one h1, one header).
  await expect(page.getByRole('button', { name: cy('Start now'), exact: true })).toBeVisible();
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expectNoEnglish(page, 'the start page drawn over the shell');
});

test('asking for an earlier-time alert in Welsh: every question, the check and the confirmation', async ({ page, request }) => {
  test.setTimeout(120_000);
  test.skip(!(await apiFeatures(request)).includes('slot_alerts'), 'the API does not offer earlier-time alerts');
  recordApiTexts(page);
  await page.goto('/symptoms?service=physio-msk&band=band-6&lang=cy');
  await ifAsked(page, 'symptoms', null, 'None of these', 'checkbox');
  await page.goto('/time?service=physio-msk&band=band-6&locality=hinchingbrooke');
  await checkWelshPage(page, cy(HEADINGS.time));
  await page.getByRole('link', { name: cy('Get a text if an earlier time comes up'), exact: true }).click();

  await checkWelshPage(page, cy('Where could you go for an earlier appointment?'));
  await continueCy(page).click();
  await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
  await checkWelshPage(page, cy('Where could you go for an earlier appointment?'));
  await page.getByRole('radio', { name: cyFill('Only at {place}', { place: PLACE }), exact: true }).check();
  await continueCy(page).click();

  await checkWelshPage(page, cy('Which times should we tell you about?'));
  const before = new Date(Date.now() + 20 * 864e5);
  const group = page.getByRole('group', { name: cy('Only tell me about times before') });
  await group.getByLabel(cy('Day'), { exact: true }).fill(String(before.getUTCDate()));
  await group.getByLabel(cy('Month'), { exact: true }).fill(String(before.getUTCMonth() + 1));
  await group.getByLabel(cy('Year'), { exact: true }).fill(String(before.getUTCFullYear()));
  await continueCy(page).click();

  await checkWelshPage(page, cy('Who should we text?'));
  await continueCy(page).click();
  await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
  await checkWelshPage(page, cy('Who should we text?'));
  await fillPerson(page, false);
  await continueCy(page).click();

  await checkWelshPage(page, cy('Check your answers before we set up your alert'));
  await page.getByRole('button', { name: cy('Set up alert'), exact: true }).click();
  await checkWelshPage(page, cy('We will text you if an earlier time comes up'));
  await expect(page.getByRole('main')).toContainText(/ALT-[A-HJKMNP-Z2-9]{6}/);
});

/** A time's radio in Welsh: "Dydd Mawrth 1 Rhagfyr 2026, 9:15yb, …". */
const WELSH_TIME = /^Dydd \S+ \d{1,2} \S+ \d{4}, /;

test('moving a booking to a new time in Welsh: find it, its page, a new time, check it, a busy service once, changed', async ({ page, demo }) => {
  test.setTimeout(120_000);
  recordApiTexts(page);
  await page.goto('/manage?lang=cy');
  await findInWelsh(page, CHANGEABLE.reference, CHANGEABLE.dob);

  await checkWelshPage(page, cy(MANAGE.booking));
  await page.getByRole('link', { name: cy('Change the time'), exact: true }).click();

  await checkWelshPage(page, cy(MANAGE.newTime));
  await continueCy(page).click();
  await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
  await checkWelshPage(page, cy(MANAGE.newTime));
  // A time days ahead, so none is about to start.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: cy('Next day'), exact: true }).click();
  await settledCy(page);
  const time = page.getByRole('radio', { name: WELSH_TIME }).first();
  await time.check();
  const chosen = await time.getAttribute('value');
  await continueCy(page).click();

  await checkWelshPage(page, cy(MANAGE.checkNewTime));
  // The service is busy once (503, Retry-After): the problem and when to try again in Welsh.
  await demo.failNext({ method: 'POST', path: '/api/bookings/*', status: 503, retry_after: 3 });
  await page.getByRole('button', { name: cy('Confirm new time'), exact: true }).click();
  await checkWelshPage(page, cy('The booking service is busy'));
  await page.getByRole('button', { name: cy('Try again'), exact: true }).click();

  await checkWelshPage(page, cy(MANAGE.changed));
  await expect(page.getByRole('main')).toContainText(CHANGEABLE.reference);
  const moved = (await demo.bookings()).find((b) => b.reference === CHANGEABLE.reference);
  expect(moved?.slot_id, 'the booking is at the new time').toBe(chosen);
});

const ALERT_FILTER = { service: 'physio-msk', band: 'band-6', locality: 'hinchingbrooke' };

/** An alert (any earlier Band 6 time at the place, for someone born on `dob`), then a time there
 *  freed: the demo API holds it and "texts" a link to it (`/?offer=CODE`), returned. */
async function heldTimeLink(request: APIRequestContext, demo: Demo, dob: string): Promise<{ link: string; alert: string }> {
  const { today } = await demo.reset();
  const day = (n: number) => new Date(Date.parse(today) + n * 864e5).toISOString().slice(0, 10);
  const alert = await request.post('/api/slot-alerts', {
    headers: { 'Idempotency-Key': `alert-${Date.now()}` },
    data: {
      ...ALERT_FILTER,
      before: day(40),
      patient: { given_name: 'Amir', family_name: 'Khan', date_of_birth: dob, phone: '07700 900456' },
    },
  });
  expect(alert.status(), await alert.text()).toBe(201);
  const [slot] = await demo.slots({ ...ALERT_FILTER, from: day(3), to: day(20) });
  await freeUp(request, slot.id);
  return { link: await offerLink(request), alert: (await alert.json()).alert };
}

test('the time held from a text message in Welsh: the held time, its errors, booked, the link once used, and stopping the alert', async ({ page, request, demo }) => {
  test.setTimeout(120_000);
  test.skip(!(await apiFeatures(request)).includes('slot_alerts'), 'the API does not offer earlier-time alerts');
  recordApiTexts(page);
  const { link, alert } = await heldTimeLink(request, demo, '1990-06-15');
  await page.goto(`${link}&lang=cy`);
  const held = cy('An earlier time is held for you');
  await checkWelshPage(page, held);
  await expect(page.getByRole('main')).toContainText(PLACE);

  const book = page.getByRole('button', { name: cy('Book this time'), exact: true });
  const dob = page.getByRole('group', { name: cy('Confirm your date of birth') });
  await book.click();
  await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
  await checkWelshPage(page, held);
  // Someone else's date of birth: refused by the API (its words are its own, in English).
  await dob.getByLabel(cy('Day'), { exact: true }).fill('16');
  await dob.getByLabel(cy('Month'), { exact: true }).fill('6');
  await dob.getByLabel(cy('Year'), { exact: true }).fill('1990');
  await book.click();
  await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
  await checkWelshPage(page, held);
  await dob.getByLabel(cy('Day'), { exact: true }).fill('15');
  await book.click();
  await checkWelshPage(page, cy(HEADINGS.confirmation));

  // The link again: the time was used, and is no longer held.
  await page.goto(`${link}&lang=cy`);
  await checkWelshPage(page, cy('This time is no longer held for you'));

  // Stopping the alert, from "Find your appointment": its error, then stopped.
  await page.goto('/manage?lang=cy');
  await expect(h1(page)).toHaveText(cy(MANAGE.find));
  await page.getByRole('link', { name: cy('Stop texts about earlier times', 'manage'), exact: true }).click();
  const stop = cy('Stop texts about earlier times');
  await checkWelshPage(page, stop);
  const stopButton = page.getByRole('button', { name: cy('Stop the alert'), exact: true });
  await stopButton.click();
  await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
  await checkWelshPage(page, stop);
  await page.getByLabel(cy('Alert reference'), { exact: true }).fill(alert);
  const born = page.getByRole('group', { name: cy('Date of birth') });
  await born.getByLabel(cy('Day'), { exact: true }).fill('15');
  await born.getByLabel(cy('Month'), { exact: true }).fill('6');
  await born.getByLabel(cy('Year'), { exact: true }).fill('1990');
  await stopButton.click();
  await checkWelshPage(page, cy('Alert stopped'));
});

test('problem pages in Welsh: a proxy\'s HTML error for the services (500) and when finding a booking (502), a page that does not exist', async ({ page, demo }) => {
  test.setTimeout(120_000);
  recordApiTexts(page);

  // The services list meets a proxy's HTML 500 as the app starts: the problem as the page's
  // heading, with a way on, then the question.
  await demo.failNext({ method: 'GET', path: '/api/services', status: 500, html: true });
  await page.goto('/service?lang=cy');
  await checkWelshPage(page, cy('Sorry, there is a problem with the booking service'));
  await page.getByRole('button', { name: cy('Try again'), exact: true }).click();
  await checkWelshPage(page, cy(HEADINGS.service));

  // A proxy's HTML 502 when finding a booking: busy, in our words (never the proxy's), in Welsh.
  await page.goto('/manage?lang=cy');
  await expect(h1(page)).toHaveText(cy(MANAGE.find));
  await fillFind(page, CHANGEABLE.reference, CHANGEABLE.dob);
  await demo.failNext({ method: 'GET', path: '/api/bookings/*', status: 502, html: true });
  await findButtonCy(page).click();
  await expect(page.getByRole('alert').filter({ hasText: cy('The booking service is busy') })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Bad Gateway');
  await checkWelshPage(page, cy(MANAGE.find));

  await page.goto('/no-such-page?lang=cy');
  await checkWelshPage(page, cy(HEADINGS.notFound));
});

test('the rest of the pages in Welsh: the statement, get help now, booking for someone else with support, a time taken, feedback', async ({ page, request, demo }) => {
  test.setTimeout(180_000);
  const features = await apiFeatures(request);
  recordApiTexts(page);
  await page.goto('/accessibility-statement?lang=cy');
  await checkWelshPage(page, cy('Accessibility statement for Book a physiotherapy appointment'));

  await page.goto('/service?lang=cy');
  await checkWelshPage(page, cy(HEADINGS.service));
  await page.getByRole('radio', { name: SERVICE, exact: true }).check();
  await continueCy(page).click();
  if (features.includes('screening')) {
    // A symptom: the service's advice, under our heading in Welsh (the API's is English only).
    const none = page.getByRole('checkbox', { name: cy('None of these'), exact: true });
    await expect(none).toBeVisible();
    const symptom = page.getByRole('main').getByRole('checkbox').first();
    await symptom.check();
    await continueCy(page).click();
    await checkWelshPage(page, cy(HEADINGS.urgent));
    await page.getByRole('link', { name: cy('Back'), exact: true }).click();
    await symptom.uncheck();
    await none.check();
    await continueCy(page).click();
  }
  await expect(h1(page)).toHaveText(cy(HEADINGS.clinician));
  await page.getByRole('radio', { name: BAND_6, exact: true }).check();
  await continueCy(page).click();
  await expect(h1(page)).toHaveText(cy(HEADINGS.location));
  await page.getByRole('radio', { name: PLACE, exact: true }).check();
  await continueCy(page).click();
  await expect(h1(page)).toHaveText(cy(HEADINGS.time));
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: cy('Next day'), exact: true }).click();
  await settledCy(page);
  const time = page.getByRole('radio', { name: WELSH_TIME }).first();
  await time.check();
  const first = (await time.getAttribute('value'))!;
  await continueCy(page).click();

  if (features.includes('booked_by')) {
    await checkWelshPage(page, cy(HEADINGS.whoFor));
    await page.getByRole('radio', { name: cy('Someone else'), exact: true }).check();
    await continueCy(page).click();
    await checkWelshPage(page, cy(HEADINGS.aboutYou));
    await continueCy(page).click();
    await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
    await checkWelshPage(page, cy(HEADINGS.aboutYou));
    await page.getByLabel(cy('Your full name'), { exact: true }).fill('Angharad Pritchard');
    await page.getByLabel(cy('Your relationship to them'), { exact: true }).fill('merch');
    await page.getByLabel(cy('Your phone number'), { exact: true }).fill('01632 960001');
    await continueCy(page).click();

    await checkWelshPage(page, cy(HEADINGS.theirDetails));
    await continueCy(page).click();
    await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
    await checkWelshPage(page, cy(HEADINGS.theirDetails));
    const dob = page.getByRole('group', { name: cy('Their date of birth') });
    await page.getByLabel(cy('First name'), { exact: true }).fill(PATIENT.first);
    await page.getByLabel(cy('Last name'), { exact: true }).fill(PATIENT.last);
    await dob.getByLabel(cy('Day'), { exact: true }).fill(PATIENT.day);
    await dob.getByLabel(cy('Month'), { exact: true }).fill(PATIENT.month);
    await dob.getByLabel(cy('Year'), { exact: true }).fill(PATIENT.year);
    await page.getByLabel(cy('Their NHS number'), { exact: true }).fill(PATIENT.nhs);
    await page.getByLabel(cy('Their mobile phone number'), { exact: true }).fill(PATIENT.phone);
    await continueCy(page).click();
  } else {
    await expect(h1(page)).toHaveText(cy(HEADINGS.details));
    await fillPerson(page, true);
    await continueCy(page).click();
  }

  if (features.includes('needs')) {
    const them = features.includes('booked_by');
    const [support, needed] = them ? [HEADINGS.supportThem, HEADINGS.supportNeededThem] : [HEADINGS.support, HEADINGS.supportNeeded];
    await checkWelshPage(page, cy(support));
    await page.getByRole('radio', { name: cy('Yes'), exact: true }).check();
    await continueCy(page).click();
    await checkWelshPage(page, cy(needed));
    await continueCy(page).click();
    await expect(page.getByRole('alert')).toContainText(cy('There is a problem'));
    await checkWelshPage(page, cy(needed));
    await page.getByRole('checkbox', { name: cy('Large print'), exact: true }).check();
    await page.getByRole('checkbox', { name: cy('A longer appointment'), exact: true }).check();
    await continueCy(page).click();
  }

  await checkWelshPage(page, cy(HEADINGS.check));
  // Someone else books the time first (409): the nearest times in Welsh, one of them booked.
  await demo.takeSlot(first);
  const book = page.getByRole('button', { name: cy('Book appointment'), exact: true });
  await book.click();
  await checkWelshPage(page, cy(HEADINGS.taken));
  const nearest = page.getByRole('group', { name: cyFill('Nearest times at {place}', { place: PLACE }) });
  await nearest.getByRole('radio').first().check();
  await continueCy(page).click();
  await expect(h1(page)).toHaveText(cy(HEADINGS.check));
  await book.click();
  await checkWelshPage(page, cy(HEADINGS.confirmation));

  if (features.includes('feedback')) {
    const send = page.getByRole('button', { name: cy('Send feedback'), exact: true });
    await send.click();
    await expect(page.getByRole('alert').first()).toContainText(cy('There is a problem'));
    await checkWelshPage(page, cy(HEADINGS.confirmation));
    await page.getByRole('radio', { name: cy('Very easy'), exact: true }).check();
    await send.click();
    await expect(page.getByRole('status').filter({ hasText: cy('Thank you for your feedback.') })).toBeVisible();
    await checkWelshPage(page, cy(HEADINGS.confirmation));
  }
});
