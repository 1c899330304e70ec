// Issue "The trust's view without tracking": the events the host page is given (bubbling
// CustomEvents on the mount element; in an iframe, messages to the allowed parent only), the
// counts the API gets (sendBeacon to /events when it lists `events`; none with
// data-measure="off", Global Privacy Control or a 1.0 API), "left" on leaving mid-journey, the
// feedback form after booking and cancelling, and the service manager's report. Every event,
// beacon and message is checked against a deny-list of the personal values the test typed.
import type { Page } from '@playwright/test';
import {
  HEADINGS,
  PATIENT,
  REFERENCE,
  bookButton,
  chooseBand,
  chooseLocality,
  chooseService,
  chooseTime,
  enterDetails,
  expect,
  expectErrors,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectPage,
  openStart,
  personalStrings,
  startNow,
  test,
  type Demo,
} from './helpers';
import { requireFeatures } from './helpers-inclusive';
import { CHANGEABLE, openBooking } from './helpers-manage';

type Told = { type: string; detail: Record<string, unknown> };

/** Collects every nhsb:* event that reaches the document (they bubble from the mount element). */
async function listen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __told: Told[] };
    w.__told = [];
    for (const type of ['nhsb:step', 'nhsb:booked', 'nhsb:problem', 'nhsb:left']) {
      document.addEventListener(type, (e) => w.__told.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
}

const told = (page: Page): Promise<Told[]> =>
  page.evaluate(() => (window as unknown as { __told: Told[] }).__told);

/** The bodies of every request to the API's /events (sendBeacon, text/plain). */
function beacons(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/events') bodies.push(r.postData() ?? '');
  });
  return bodies;
}

/** What reached the demo API: events and feedback, as stored. */
async function arrived(demo: Demo): Promise<{ events: Record<string, unknown>[]; feedback: Record<string, unknown>[] }> {
  const res = await demo.request.get('/__demo/events');
  expect(res.status(), 'GET /__demo/events').toBe(200);
  return res.json();
}

/** Opens the start page and waits until measuring has begun (the start page's step event). */
async function openMeasured(page: Page, query = ''): Promise<void> {
  await openStart(page, query);
  await expect.poll(async () => (await told(page)).map((t) => t.detail.step)).toContain('start');
}

/** From the start page to the confirmation, as walkTo does, with the start event seen first. */
async function book(page: Page, demo: Demo): Promise<{ slotId: string; reference: string }> {
  await listen(page);
  await openMeasured(page);
  await startNow(page);
  await chooseService(page);
  await chooseBand(page);
  await chooseLocality(page);
  const { slotId } = await chooseTime(page, demo);
  await expectPage(page, HEADINGS.details, { focus: false });
  await enterDetails(page);
  await expectPage(page, HEADINGS.check, { focus: false });
  await bookButton(page).click();
  await expectPage(page, HEADINGS.confirmation, { focus: false });
  const reference = ((await page.getByText(REFERENCE).first().textContent()) ?? '').trim();
  return { slotId, reference };
}

/** None of `secrets` in any of `texts`. */
function expectNothingPersonal(texts: string[], secrets: string[], label: string): void {
  for (const text of texts) {
    for (const secret of secrets.filter((s) => s.length > 2)) {
      expect(text.toLowerCase(), `${label} must not contain "${secret}"`).not.toContain(secret.toLowerCase());
    }
  }
}

test.beforeEach(async ({ demo }) => {
  await demo.reset();
});

test('a whole booking: one nhsb:step per step and one nhsb:booked, counted by the API, with nothing personal', async ({ page, request, demo }) => {
  await requireFeatures(request, 'events');
  const sent = beacons(page);
  const { slotId, reference } = await book(page, demo);
  await expect.poll(async () => (await told(page)).filter((t) => t.type === 'nhsb:booked').length).toBe(1);
  const events = await told(page);
  const steps = events.filter((t) => t.type === 'nhsb:step').map((t) => t.detail.step);
  // Every page the walk showed, once each, in order (the 1.1 questions included).
  expect(steps).toEqual([
    'start',
    'service',
    'symptoms',
    'clinician',
    'location',
    'time',
    'who-for',
    'your-details',
    'support',
    'check-your-answers',
    'confirmation',
  ]);
  for (const e of events.filter((t) => t.type === 'nhsb:step')) {
    expect(Object.keys(e.detail).sort()).toEqual(['elapsed_s', 'source', 'step']);
    expect(e.detail.source).toBe('direct');
    expect(typeof e.detail.elapsed_s).toBe('number');
  }
  const booked = events.find((t) => t.type === 'nhsb:booked')!;
  expect(Object.keys(booked.detail).sort()).toEqual(['elapsed_s', 'mode', 'source']);
  expect(['in_person', 'telephone', 'video']).toContain(booked.detail.mode);

  // The same, counted by the API: one beacon per event, text/plain, nothing personal.
  await expect.poll(() => sent.length).toBeGreaterThanOrEqual(steps.length + 1);
  const stored = await arrived(demo);
  expect(stored.events.filter((e) => e.event === 'step').map((e) => e.step)).toEqual(steps);
  expect(stored.events.filter((e) => e.event === 'booked')).toHaveLength(1);
  const secrets = [...personalStrings(PATIENT), reference, slotId, PATIENT.email];
  expectNothingPersonal(events.map((e) => JSON.stringify(e)), secrets, 'a host page event');
  expectNothingPersonal(sent, secrets, 'a beacon');
  expectNothingPersonal([JSON.stringify(stored.events)], secrets, 'what the API stored');
});

test('leaving mid-journey is counted as "left" on that step', async ({ page, request, demo }) => {
  await requireFeatures(request, 'events');
  await listen(page);
  await openMeasured(page);
  await startNow(page);
  await chooseService(page);
  await expectPage(page, HEADINGS.clinician, { focus: false });
  await expect.poll(async () => (await arrived(demo)).events.length).toBeGreaterThanOrEqual(4);
  // The patient goes elsewhere: the page is hidden and a beacon says where they were.
  await page.goto('about:blank');
  await expect
    .poll(async () => (await arrived(demo)).events.filter((e) => e.event === 'left').map((e) => e.step))
    .toEqual(['clinician']);
});

test('data-measure="off", Global Privacy Control and a 1.0 API: no request to /events; the host page still hears', async ({ page, request, demo }) => {
  await requireFeatures(request, 'events');
  const sent: string[] = [];
  /** A fresh tab, set up by `prepare`, walked to the clinician question. */
  const walk = async (prepare: (p: Page) => Promise<unknown>, steps = ['start', 'service', 'symptoms', 'clinician']) => {
    const tab = await page.context().newPage();
    await listen(tab);
    tab.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/events') sent.push(r.postData() ?? '');
    });
    await prepare(tab);
    await openMeasured(tab);
    await startNow(tab);
    await chooseService(tab);
    await expectPage(tab, HEADINGS.clinician, { focus: false });
    // The host page hears every step either way.
    expect((await told(tab)).map((t) => t.detail.step)).toEqual(steps);
    // Leaving mid-journey would be counted too, were counting on.
    await tab.goto('about:blank');
    await tab.close();
  };
  // The host page turns counting off on the mount element.
  await walk((tab) =>
    tab.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const res = await route.fetch();
      // (dist/index.html is minified: the id may be unquoted.)
      const html = (await res.text()).replace(/id="?nhs-booking"?/, 'id="nhs-booking" data-measure="off"');
      expect(html).toContain('data-measure="off"');
      return route.fulfill({ response: res, body: html });
    }),
  );
  // The browser sends Global Privacy Control.
  await walk((tab) =>
    tab.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })),
  );
  // An API without `events` (as a 1.0 API: no features, so no symptoms question either).
  await walk(
    (tab) =>
      tab.route('**/api/services', async (route) => {
        const res = await route.fetch();
        const json = await res.json();
        delete json.features;
        return route.fulfill({ response: res, json });
      }),
    ['start', 'service', 'clinician'],
  );
  expect(sent, 'requests to /events').toEqual([]);
  expect((await arrived(demo)).events).toEqual([]);
});

test('in an iframe: the parent on an allowed origin gets nhsb messages; another origin gets none', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const collect = () =>
    page.addInitScript(() => {
      const w = window as unknown as { __messages: unknown[] };
      w.__messages = [];
      window.addEventListener('message', (e) => {
        if (typeof e.data?.type === 'string' && e.data.type.startsWith('nhsb:')) w.__messages.push(e.data);
      });
    });
  await collect();
  // A trust's page on the app's own origin framing it (always an allowed origin).
  const host = (src: string) => ({
    contentType: 'text/html',
    body: `<!DOCTYPE html><html lang="en"><title>Trust</title><iframe data-nhs-booking title="Book" src="${src}"></iframe></html>`,
  });
  await page.route(`${origin}/trust-frame.html`, (route) => route.fulfill(host(`${origin}/`)));
  await page.goto(`${origin}/trust-frame.html`);
  const frame = page.frameLocator('iframe[data-nhs-booking]');
  await expect(frame.getByRole('button', { name: 'Start now' })).toBeVisible();
  const messages = () => page.evaluate(() => (window as unknown as { __messages: { type: string; step?: string }[] }).__messages);
  await expect.poll(async () => (await messages()).map((m) => m.step)).toContain('start');
  await frame.getByRole('button', { name: 'Start now' }).click();
  await expect.poll(async () => (await messages()).map((m) => m.step)).toContain('service');
  for (const m of await messages()) expect(Object.keys(m).sort()).toEqual(['elapsed_s', 'source', 'step', 'type']);
  expect((await messages())[0]).toMatchObject({ type: 'nhsb:step', source: 'website' });

  // The same app framed by a page on another origin (localhost frames 127.0.0.1): not allowed.
  const other = origin.replace('127.0.0.1', 'localhost');
  await page.route(`${other}/elsewhere.html`, (route) => route.fulfill(host(`${origin}/`)));
  // The demo's policy lets only its own origin frame the app (frame-ancestors): lifted for
  // this frame, so what is tested is the app's own rule about whom it tells.
  await page.route(`${origin}/`, async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    delete headers['content-security-policy'];
    return route.fulfill({ response: res, headers });
  });
  await page.goto(`${other}/elsewhere.html`);
  const framed = page.frameLocator('iframe');
  await expect(framed.getByRole('button', { name: 'Start now' })).toBeVisible();
  await framed.getByRole('button', { name: 'Start now' }).click();
  await expect(framed.getByRole('heading', { level: 1, name: HEADINGS.service })).toBeVisible();
  expect(await messages(), 'messages to a parent on an origin not allowed').toEqual([]);
});

test('feedback after booking: validated, sent without an identifier, thanked; axe and keyboard', async ({ page, request, demo }) => {
  await requireFeatures(request, 'feedback');
  const { reference } = await book(page, demo);
  const form = page.getByRole('region', { name: 'Help us improve this service' });
  await expect(form).toBeVisible();
  const question = form.getByRole('group', { name: 'How easy was it to book an appointment?' });
  await expect(question.getByRole('radio')).toHaveCount(5);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `feedback at ${width}px`);
  }
  await expectNoHorizontalScroll(page, 'feedback');

  // Nothing chosen; a comment too long.
  await form.getByLabel('Tell us more (optional)').fill('x'.repeat(1201));
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expectErrors(page, ['Select how easy it was to book an appointment', 'Your comment must be 1,200 characters or fewer']);
  await expectNoAxeViolations(page, 'feedback with errors');
  expect((await arrived(demo)).feedback).toEqual([]);

  // With the keyboard only: focus the first option, choose with the arrows, type, send.
  await question.getByRole('radio').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(question.getByRole('radio', { name: 'Easy', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Tell us more (optional)')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('The times were clear. <script>alert(1)</script>');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Send feedback' })).toBeFocused();
  await page.keyboard.press('Enter');
  const thanks = form.getByRole('status').filter({ hasText: 'Thank you for your feedback.' });
  await expect(thanks).toBeVisible();
  await expect(thanks).toBeFocused();
  await expectNoAxeViolations(page, 'feedback sent');

  const stored = (await arrived(demo)).feedback;
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ rating: 4, step: 'confirmation', source: 'direct' });
  expectNothingPersonal([JSON.stringify(stored)], [...personalStrings(PATIENT), reference], 'feedback');
});

test('feedback after cancelling asks how easy it was to cancel', async ({ page, request }) => {
  await requireFeatures(request, 'feedback');
  await openBooking(page, CHANGEABLE);
  await page.getByRole('link', { name: 'Cancel appointment' }).click();
  await page.getByRole('button', { name: 'Yes, cancel appointment' }).click();
  await expectPage(page, 'Appointment cancelled', { focus: false });
  const form = page.getByRole('region', { name: 'Help us improve this service' });
  await form.getByRole('radio', { name: 'Very easy', exact: true }).check();
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expect(form.getByText('Thank you for your feedback.')).toBeVisible();
});

test("the service manager's report: figures for what arrived, accessible, readable at 320px", async ({ page, request, demo }) => {
  await requireFeatures(request, 'events');
  await book(page, demo);
  await page.goto('/report');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('table').first()).toBeVisible();
  for (const svg of await page.locator('svg').all()) {
    await expect(svg).toHaveAttribute('role', 'img');
  }
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `report at ${width}px`);
  }
});
