// Issue "Tell me if an earlier time comes up" (contract 1.1 slot_alerts), the asking side: a
// patient for whom no time suits (from the time page), or with a booking they would move
// earlier (from "Your appointment"), answers where, which times and who to text, checks the
// answers and sets the alert up; the demo API stores it, and when a matching time is freed it
// holds the time and "texts" a link (read from the demo outbox) that books or moves to it.
// Also: every question's errors, Change and Back from check answers, stopping an alert, axe at
// 320 and 1280 px on every page and error state, a keyboard-only walk, and no links at all
// against an API without slot_alerts (1.0). offer.spec.ts covers the offer page itself.
import type { APIRequestContext, Page, Route } from '@playwright/test';
import {
  BAND_6,
  HEADINGS,
  PATIENT,
  PLACE,
  SERVICE,
  TITLE_SUFFIX,
  chooseLocality,
  continueButton,
  dobGroup,
  expect,
  expectErrors,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectPage,
  h1,
  openStart,
  passScreening,
  startNow,
  summaryRow,
  summaryValue,
  test,
  timeRadios,
  walkTo,
  type Demo,
  type Slot,
} from './helpers';
import { expectTabCycle, tabTo } from './helpers-a11y';
import { requireFeatures } from './helpers-inclusive';
import { CHANGEABLE, INVITE, MANAGE, addDays, findBooking, longDate, openFind, plainDate } from './helpers-manage';
import { bookThroughApi, freeUp, offerLinks, outbox } from './helpers-held';

// ---------------------------------------------------------------------------------------------
// What the patient meets

const ALERT = {
  where: 'Where could you go for an earlier appointment?',
  before: 'Which times should we tell you about?',
  details: 'Who should we text?',
  check: 'Check your answers before we set up your alert',
  set: 'We will text you if an earlier time comes up',
  stop: 'Stop texts about earlier times',
  stopped: 'Alert stopped',
} as const;

const ASK = 'Get a text if an earlier time comes up';
const ASK_NO_TIMES = 'Get a text if a time comes up';
const STOP_LINK = 'Stop texts about earlier times';
const ONLY_HERE = `Only at ${PLACE}`;
const ANY_PLACE = 'Any place with a clinic for this';
/** The hint under "Any place": the clinician, and that the text will say where. */
const ANY_PLACE_HINT = new RegExp(`^With a ${BAND_6.replace(/[()]/g, '\\$&')}\\. The text message says where\\.$`);
const BEFORE_LEGEND = 'Only tell me about times before';
const EARLIER_DATE = 'Only times before an earlier date';
const HELD = 'An earlier time is held for you';
const ALERT_NOT_FOUND = 'We could not find an alert with those details. Check your alert reference and date of birth';
/** `ALT-` and six characters of the reference alphabet (no I, L, O, 0 or 1). */
const ALERT_REFERENCE = /^ALT-[A-HJKMNP-Z2-9]{6}$/;
const PHONE_MISSING = 'Enter a UK mobile phone number. We need it to text you';
const PHONE_NOT_MOBILE = 'Enter a UK mobile phone number, like 07700 900 982';

const FILTER = { service: 'physio-msk', band: 'band-6', locality: 'hinchingbrooke' };
const OTHER_PLACE = 'doddington';

type Person = { first: string; last: string; day: string; month: string; year: string; iso: string; phone: string };
const AMIR: Person = { first: 'Amir', last: 'Khan', day: '15', month: '6', year: '1990', iso: '1990-06-15', phone: '07700 900456' };

/** While walking to a page, its h1 and title are checked; focus is checked where it is tested. */
const QUIET = { focus: false } as const;

// ---------------------------------------------------------------------------------------------
// The demo API as an oracle

type DemoAlert = {
  alert: string;
  service: string;
  band: string;
  locality: string | null;
  before: string;
  booking: string | null;
  phone: string;
  state: 'active' | 'stopped' | 'used' | 'expired';
  hold: { code: string; slot_id: string } | null;
};

async function demoAlerts(request: APIRequestContext): Promise<DemoAlert[]> {
  const res = await request.get('/__demo/alerts');
  expect(res.status(), 'GET /__demo/alerts').toBe(200);
  return (await res.json()).alerts;
}


/** Open Band 6 physiotherapy times at `locality` from `from` to `to` days after today. */
async function slotsBetween(demo: Demo, today: string, from: number, to: number, locality = FILTER.locality): Promise<Slot[]> {
  const slots = await demo.slots({ ...FILTER, locality, from: addDays(today, from), to: addDays(today, to) });
  expect(slots.length, `open times at ${locality} ${from} to ${to} days ahead`).toBeGreaterThan(0);
  return slots;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** The boxes for a YYYY-MM-DD date, as a patient types them ("3", "12", "2026"). */
function boxes(iso: string): { day: string; month: string; year: string } {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** YYYY-MM-DD `months` after `today`, the day clamped to the month's last (as chrono does). */
function addMonths(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Locators and answers

const askLink = (page: Page) => page.getByRole('link', { name: ASK, exact: true });
const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });
const backLink = (page: Page) => page.getByRole('link', { name: 'Back', exact: true });
const beforeGroup = (page: Page) => page.getByRole('group', { name: BEFORE_LEGEND });
const setUpButton = (page: Page) => page.getByRole('button', { name: 'Set up alert', exact: true });
const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop the alert', exact: true });
const referenceBox = (page: Page) => page.getByLabel('Alert reference', { exact: true });
const changeLink = (page: Page, what: string) => page.getByRole('link', { name: `Change ${what}`, exact: true });

function detailsBoxes(page: Page) {
  return {
    first: page.getByLabel('First name', { exact: true }),
    last: page.getByLabel('Last name', { exact: true }),
    day: dobGroup(page).getByLabel('Day', { exact: true }),
    month: dobGroup(page).getByLabel('Month', { exact: true }),
    year: dobGroup(page).getByLabel('Year', { exact: true }),
    phone: page.getByLabel('Mobile phone number', { exact: true }),
  };
}

async function fillBefore(page: Page, date: { day: string; month: string; year: string }): Promise<void> {
  const group = beforeGroup(page);
  await group.getByLabel('Day', { exact: true }).fill(date.day);
  await group.getByLabel('Month', { exact: true }).fill(date.month);
  await group.getByLabel('Year', { exact: true }).fill(date.year);
}

async function fillAlertDetails(page: Page, p: Partial<Person>): Promise<void> {
  const f = detailsBoxes(page);
  for (const key of ['first', 'last', 'day', 'month', 'year', 'phone'] as const) {
    if (p[key] !== undefined) await f[key].fill(p[key]!);
  }
}

async function answerWhere(page: Page, choice: string): Promise<void> {
  await expectPage(page, ALERT.where, QUIET);
  await radio(page, choice).check();
  await continueButton(page).click();
}

async function answerBeforeDate(page: Page, iso: string): Promise<void> {
  await expectPage(page, ALERT.before, QUIET);
  await fillBefore(page, boxes(iso));
  await continueButton(page).click();
}

async function answerDetails(page: Page, p: Person = AMIR): Promise<void> {
  await expectPage(page, ALERT.details, QUIET);
  await fillAlertDetails(page, p);
  await continueButton(page).click();
}

/** From the time page, every question answered (only this place, before `beforeIso`, AMIR). */
async function askFromTimePage(page: Page, beforeIso: string, p: Person = AMIR): Promise<void> {
  await askLink(page).click();
  await answerWhere(page, ONLY_HERE);
  await answerBeforeDate(page, beforeIso);
  await answerDetails(page, p);
  await expectPage(page, ALERT.check, QUIET);
}

/** "Set up alert", then the confirmation: returns the alert's reference. */
async function setUp(page: Page): Promise<string> {
  await setUpButton(page).click();
  await expectPage(page, ALERT.set);
  const reference = page.locator('.nhsb-panel').getByText(ALERT_REFERENCE);
  await expect(reference).toBeVisible();
  return (await reference.textContent())!.trim();
}

/** A booking made through the API at the last open time in 3 to 30 days; found on "Your appointment". */
async function openBookedLater(page: Page, request: APIRequestContext, demo: Demo): Promise<{ today: string; reference: string; later: Slot; bookedDay: string }> {
  const { today } = await demo.reset();
  const slots = await slotsBetween(demo, today, 3, 30);
  const later = slots[slots.length - 1];
  const reference = await bookThroughApi(request, later.id, AMIR.iso, AMIR.first);
  await openFind(page);
  await findBooking(page, reference, AMIR);
  await expectPage(page, MANAGE.booking, QUIET);
  await expect(page.getByText(`Reference ${reference}`, { exact: true })).toBeVisible();
  return { today, reference, later, bookedDay: later.start.slice(0, 10) };
}

/** axe (WCAG 2.2 AA) at 320 and 1280 px, no sideways scrolling at 320 px; back to the default size. */
async function axeBothWidths(page: Page, label: string): Promise<void> {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page, `${label} at ${width}px`);
  }
  await expectNoHorizontalScroll(page, label);
  await page.setViewportSize({ width: 375, height: 667 });
}

/** An API without slot_alerts, as the app sees it: `features` (and screening) taken out of /api/services. */
async function pretendApi10(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname === '/api/services',
    async (route: Route) => {
      const res = await route.fetch();
      const json = await res.json();
      delete json.features;
      for (const s of json.services) delete s.screening;
      await route.fulfill({ response: res, json });
    },
  );
}

/**
 * No way to ask for (or stop) alerts anywhere: the time page under Continue, "Find your
 * appointment" and "Your appointment" (both reached inside the app, after the catalogue has
 * arrived, so the absence is not merely "not loaded yet").
 */
async function expectNoAlertLinks(page: Page, demo: Demo): Promise<void> {
  await walkTo(page, demo, 'time');
  await expect(continueButton(page)).toBeVisible();
  await expect(page.getByRole('link', { name: /Get a text/ })).toHaveCount(0);
  await expect(page.getByText('None of these times suit you?')).toHaveCount(0);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Change or cancel an appointment' }).click();
  await expectPage(page, MANAGE.find, QUIET);
  await expect(page.getByRole('button', { name: 'Find appointment' })).toBeVisible();
  await expect(page.getByRole('link', { name: STOP_LINK })).toHaveCount(0);
  await findBooking(page, CHANGEABLE.reference, CHANGEABLE.dob);
  await expectPage(page, MANAGE.booking, QUIET);
  await expect(page.getByRole('link', { name: 'Change the time', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Would an earlier time suit you?' })).toHaveCount(0);
  await expect(askLink(page)).toHaveCount(0);
  await expect(page.getByRole('link', { name: STOP_LINK })).toHaveCount(0);
}

// ---------------------------------------------------------------------------------------------
// Against an API offering slot_alerts (the demo's default)

test.describe('slot_alerts offered', () => {
  test.beforeEach(async ({ request }) => {
    await requireFeatures(request, 'slot_alerts');
  });

  test('the ways in: under the times, on Find your appointment and on Your appointment', async ({ page, demo }) => {
    await walkTo(page, demo, 'time');
    // Under the Continue button, in a sentence.
    const under = page.getByRole('main').locator('p').filter({ has: askLink(page) });
    await expect(under).toHaveText(`None of these times suit you? ${ASK}`);
    // Inside the app, with the catalogue loaded: the manage pages offer it too.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Change or cancel an appointment' }).click();
    await expectPage(page, MANAGE.find, QUIET);
    await expect(page.getByRole('main').locator('p').filter({ has: page.getByRole('link', { name: STOP_LINK }) }))
      .toHaveText(`Asked us to text you about earlier times? ${STOP_LINK}`);
    await findBooking(page, CHANGEABLE.reference, CHANGEABLE.dob);
    await expectPage(page, MANAGE.booking, QUIET);
    await expect(page.getByRole('heading', { level: 2, name: 'Would an earlier time suit you?' })).toBeVisible();
    await expect(askLink(page)).toBeVisible();
    await expect(page.getByRole('main').locator('p').filter({ has: page.getByRole('link', { name: STOP_LINK }) }))
      .toHaveText(`Already asked for texts? ${STOP_LINK}`);
    await page.getByRole('main').getByRole('link', { name: STOP_LINK }).click();
    await expectPage(page, ALERT.stop);
    await expect(referenceBox(page), 'no alert set up in this tab').toHaveValue('');
  });

  test('no times at the place: the panel offers "Get a text if a time comes up", which asks for an alert', async ({ page, demo }) => {
    await page.route((url) => url.pathname === '/api/slots', (route) => route.fulfill({ json: { slots: [], next_cursor: null } }));
    await walkTo(page, demo, 'location');
    await chooseLocality(page);
    await expectPage(page, HEADINGS.time, QUIET);
    await expect(page.getByText(/There are no times available online here in the next \d+ weeks/)).toBeVisible();
    await expect(page.getByRole('main').locator('p').filter({ has: page.getByRole('link', { name: ASK_NO_TIMES }) }))
      .toHaveText(`We can tell you when a time comes up. ${ASK_NO_TIMES}`);
    await page.getByRole('link', { name: ASK_NO_TIMES, exact: true }).click();
    await expectPage(page, ALERT.where);
    expect(new URL(page.url()).pathname).toMatch(/\/earlier-time\/where$/);
    await expect(radio(page, ONLY_HERE)).toBeVisible();
  });

  test('a journey started from an SMS invite offers no alert (the trust chose when that appointment is)', async ({ page }) => {
    await openStart(page, `?invite=${INVITE.followUp}`);
    await startNow(page);
    await passScreening(page, HEADINGS.start);
    await chooseLocality(page);
    await expectPage(page, HEADINGS.time, QUIET);
    await expect(timeRadios(page).first()).toBeVisible();
    await expect(continueButton(page)).toBeVisible();
    await expect(page.getByRole('link', { name: /Get a text/ })).toHaveCount(0);
    await expect(page.getByText('None of these times suit you?')).toHaveCount(0);
  });

  test('journey: no time suits; an alert for this place before a date is set up, and the freed time it is texted about is booked', async ({ page, request, demo }) => {
    const { today } = await demo.reset();
    const before = addDays(today, 30);
    await walkTo(page, demo, 'time');
    await askLink(page).click();

    // Where
    await expectPage(page, ALERT.where);
    expect(new URL(page.url()).pathname).toMatch(/\/earlier-time\/where$/);
    await expect(page.getByRole('group', { name: ALERT.where })).toBeVisible();
    await expect(radio(page, ONLY_HERE)).toBeVisible();
    await expect(radio(page, ANY_PLACE)).toHaveAccessibleDescription(ANY_PLACE_HINT);
    await radio(page, ONLY_HERE).check();
    await continueButton(page).click();

    // Which times: the date boxes under their own legend, the page's h1 above them.
    await expectPage(page, ALERT.before);
    expect(new URL(page.url()).pathname).toMatch(/\/earlier-time\/before$/);
    await expect(beforeGroup(page)).toBeVisible();
    await expect(page.locator('#before-day')).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
    await fillBefore(page, boxes(before));
    await continueButton(page).click();

    // Who to text: nothing typed in this journey yet, so the boxes are empty.
    await expectPage(page, ALERT.details);
    expect(new URL(page.url()).pathname).toMatch(/\/earlier-time\/your-details$/);
    const f = detailsBoxes(page);
    await expect(f.first).toHaveValue('');
    await expect(f.phone).toHaveAccessibleDescription(/We will text this number when an earlier time comes up, and only about that\./);
    await fillAlertDetails(page, AMIR);
    await continueButton(page).click();

    // Check answers
    await expectPage(page, ALERT.check);
    expect(new URL(page.url()).pathname).toMatch(/\/earlier-time\/check$/);
    await expect(summaryValue(page, 'Appointment')).toContainText(SERVICE);
    await expect(summaryValue(page, 'Appointment')).toContainText(BAND_6);
    await expect(summaryRow(page, 'Earlier than')).toHaveCount(0);
    await expect(summaryValue(page, 'Where')).toHaveText(ONLY_HERE);
    await expect(summaryValue(page, 'Times')).toHaveText(`Before ${longDate(before)}`);
    await expect(summaryValue(page, 'Name')).toHaveText(`${AMIR.first} ${AMIR.last}`);
    await expect(summaryValue(page, 'Date of birth')).toHaveText(plainDate(AMIR.iso));
    await expect(summaryValue(page, 'Mobile phone number')).toHaveText(AMIR.phone);
    for (const what of ['where', 'which times', 'name', 'date of birth', 'mobile phone number']) {
      await expect(changeLink(page, what)).toBeVisible();
    }
    await expect(page.getByRole('link', { name: /^Change appointment/ })).toHaveCount(0);
    expect(await demoAlerts(request), 'nothing is sent before "Set up alert"').toEqual([]);

    // Set up
    const reference = await setUp(page);
    expect(new URL(page.url()).pathname).toMatch(/\/earlier-time\/set-up$/);
    await expect(page.locator('.nhsb-panel')).toContainText('Your alert reference is');
    await expect(page.getByRole('heading', { level: 2, name: 'What happens next' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`We will text ${AMIR.phone} if `);
    await expect(page.getByRole('main')).toContainText(`at ${PLACE} before ${longDate(before)}.`);
    await expect(page.getByText(`The alert ends on ${longDate(before)}.`, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Stop this alert', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop this alert' })).toHaveCount(0);
    // (Its wording has been both "…can still choose one of…" and "Choose one of…".)
    await expect(page.getByRole('link', { name: 'Choose one of the times available now' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to your appointment' })).toHaveCount(0);

    // The API has exactly this alert, and "texted" its reference.
    const alerts = await demoAlerts(request);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      alert: reference,
      service: FILTER.service,
      band: FILTER.band,
      locality: FILTER.locality,
      before,
      booking: null,
      phone: AMIR.phone,
      state: 'active',
    });
    const created = (await outbox(request)).filter((m) => m.kind === 'alert_created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ alert: reference, to: AMIR.phone });
    expect(created[0].text).toContain(reference);

    // The browser's Back to check answers shows the confirmation again: no second alert.
    await page.goBack();
    await expectPage(page, ALERT.set, QUIET);
    await expect(page.getByText(reference, { exact: true })).toBeVisible();
    expect(await demoAlerts(request), 'still one alert after Back').toHaveLength(1);
    // Reloaded, the tab still shows it (the alert is kept for this tab).
    await page.reload();
    await expectPage(page, ALERT.set, QUIET);
    await expect(page.getByText(reference, { exact: true })).toBeVisible();
    expect(await demoAlerts(request), 'still one alert after reloading').toHaveLength(1);

    // Times the alert does not want are freed: at another place, and here after its date.
    await freeUp(request, (await slotsBetween(demo, today, 3, 20, OTHER_PLACE))[0].id);
    await freeUp(request, (await slotsBetween(demo, today, 31, 45))[0].id);
    expect(await offerLinks(request), 'no offer for another place or a later date').toEqual([]);

    // Another patient cancels a time here before the date: it is held for this alert.
    const freed = (await slotsBetween(demo, today, 3, 20))[0];
    await freeUp(request, freed.id);
    const links = await offerLinks(request);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^\/\?offer=\w+$/);
    const offer = (await outbox(request)).find((m) => m.kind === 'offer_held')!;
    expect(offer).toMatchObject({ alert: reference, to: AMIR.phone });

    await page.goto(links[0]);
    await expectPage(page, HELD, QUIET);
    await expect(summaryValue(page, 'Location')).toContainText(PLACE);
    const confirm = page.getByRole('group', { name: 'Confirm your date of birth' });
    await confirm.getByLabel('Day', { exact: true }).fill(AMIR.day);
    await confirm.getByLabel('Month', { exact: true }).fill(AMIR.month);
    await confirm.getByLabel('Year', { exact: true }).fill(AMIR.year);
    await page.getByRole('button', { name: 'Book this time', exact: true }).click();
    await expectPage(page, HEADINGS.confirmation);
    const booked = (await demo.bookings()).filter((b) => b.slot_id === freed.id && b.status === 'booked');
    expect(booked, 'the freed time booked once').toHaveLength(1);
    expect((await demoAlerts(request))[0].state, 'the alert has done its job').toBe('used');
  });

  test('manage: a booking asks for any place before it; the freed earlier time elsewhere moves it', async ({ page, request, demo }) => {
    const { today, reference, bookedDay } = await openBookedLater(page, request, demo);
    await expect(page.getByRole('heading', { level: 2, name: 'Would an earlier time suit you?' })).toBeVisible();
    await askLink(page).click();

    await expectPage(page, ALERT.where);
    await radio(page, ANY_PLACE).check();
    await continueButton(page).click();

    // Which times: the radios' legend is the page's h1; the date boxes only for an earlier date.
    await expectPage(page, ALERT.before);
    const whichTimes = page.getByRole('group', { name: ALERT.before });
    await expect(whichTimes.getByRole('radio')).toHaveCount(2);
    const current = `Any time before my current appointment on ${longDate(bookedDay)}`;
    await expect(radio(page, current)).toBeVisible();
    await expect(radio(page, EARLIER_DATE)).toBeVisible();
    await expect(beforeGroup(page)).toHaveCount(0);
    await radio(page, current).check();
    await continueButton(page).click();

    // Who to text: the date of birth that found the booking is filled in.
    await expectPage(page, ALERT.details);
    const f = detailsBoxes(page);
    await expect(f.day).toHaveValue(AMIR.day);
    await expect(f.month).toHaveValue(AMIR.month);
    await expect(f.year).toHaveValue(AMIR.year);
    await expect(f.first).toHaveValue('');
    await expect(f.phone).toHaveValue('');
    await fillAlertDetails(page, { first: AMIR.first, last: AMIR.last, phone: AMIR.phone });
    await continueButton(page).click();

    await expectPage(page, ALERT.check);
    await expect(summaryValue(page, 'Earlier than')).toContainText(`Your appointment on ${longDate(bookedDay)}`);
    await expect(summaryValue(page, 'Earlier than')).toContainText(`Reference ${reference}`);
    await expect(summaryValue(page, 'Where')).toHaveText(ANY_PLACE);
    await expect(summaryValue(page, 'Times')).toHaveText(`Before your current appointment on ${longDate(bookedDay)}`);
    await expect(summaryValue(page, 'Date of birth')).toHaveText(plainDate(AMIR.iso));
    await expect(page.getByText('Your current appointment stays booked unless you take an earlier time we offer you.')).toBeVisible();

    const alertRef = await setUp(page);
    await expect(page.getByRole('main')).toContainText(`Your appointment on ${longDate(bookedDay)} is still booked.`);
    await expect(page.getByRole('main')).toContainText('at any place with a clinic for this');
    await expect(page.getByRole('link', { name: /choose one of the times available now/i })).toHaveCount(0);
    const alerts = await demoAlerts(request);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ alert: alertRef, booking: reference, locality: null, before: bookedDay, state: 'active' });

    // Back to the appointment, still at its time.
    await page.getByRole('link', { name: 'Back to your appointment', exact: true }).click();
    await expectPage(page, MANAGE.booking);
    await expect(page.getByText(`Reference ${reference}`, { exact: true })).toBeVisible();

    // An earlier time at another place is freed: held for this alert, and the link moves the booking.
    const earlier = (await slotsBetween(demo, today, 3, 20, OTHER_PLACE)).find((s) => s.start.slice(0, 10) < bookedDay)!;
    expect(earlier, 'an earlier time elsewhere').toBeTruthy();
    await freeUp(request, earlier.id);
    const links = await offerLinks(request);
    expect(links).toHaveLength(1);
    await page.goto(links[0]);
    await expectPage(page, HELD, QUIET);
    await expect(page.getByText(`Your appointment ${reference} moves to this time`, { exact: false })).toBeVisible();
    const confirm = page.getByRole('group', { name: 'Confirm your date of birth' });
    await confirm.getByLabel('Day', { exact: true }).fill(AMIR.day);
    await confirm.getByLabel('Month', { exact: true }).fill(AMIR.month);
    await confirm.getByLabel('Year', { exact: true }).fill(AMIR.year);
    await page.getByRole('button', { name: 'Move my appointment to this time', exact: true }).click();
    await expectPage(page, MANAGE.changed);
    const moved = (await demo.bookings()).find((b) => b.reference === reference);
    expect(moved?.slot_id, 'the booking is at the freed earlier time').toBe(earlier.id);
    expect(moved?.status).toBe('booked');
  });

  test('validation on each question: the summary and the field say it, the summary link focuses the field; Back and Change', async ({ page, demo }) => {
    const { today } = await demo.reset();
    await walkTo(page, demo, 'time');
    await askLink(page).click();
    await expectPage(page, ALERT.where);
    // Back from the first question: the time page.
    await backLink(page).click();
    await expectPage(page, HEADINGS.time);
    await askLink(page).click();

    // Where: nothing chosen.
    await expectPage(page, ALERT.where);
    await continueButton(page).click();
    let summary = await expectErrors(page, ['Select where you could go']);
    await expect(page).toHaveTitle(`Error: ${ALERT.where}${TITLE_SUFFIX}`);
    await expect(page.getByRole('group', { name: ALERT.where })).toHaveAccessibleDescription(/Select where you could go/);
    await summary.getByRole('link').click();
    await expect(radio(page, ONLY_HERE)).toBeFocused();
    await radio(page, ONLY_HERE).check();
    await continueButton(page).click();

    // Which times: every way a date can be wrong.
    await expectPage(page, ALERT.before);
    const day = beforeGroup(page).getByLabel('Day', { exact: true });
    const yearOn = addMonths(today, 12);
    const cases: [{ day: string; month: string; year: string }, string][] = [
      [{ day: '', month: '', year: '' }, 'Enter the date'],
      [boxes(today), 'The date must be after today'],
      [boxes(addDays(yearOn, 1)), `The date must be on or before ${longDate(yearOn)}, a year from today`],
      [{ ...boxes(addDays(today, 30)), day: '' }, 'The date must include a day'],
      [{ day: '31', month: '2', year: boxes(addDays(today, 100)).year }, 'The date must be a real date'],
    ];
    for (const [typed, message] of cases) {
      await fillBefore(page, typed);
      await continueButton(page).click();
      summary = await expectErrors(page, [message]);
      await expect(page).toHaveTitle(`Error: ${ALERT.before}${TITLE_SUFFIX}`);
      await expect(beforeGroup(page), `"${message}" said on the date`).toHaveAccessibleDescription(new RegExp(message.replace(/[()]/g, '\\$&')));
      await expect(day, 'what was typed is kept').toHaveValue(typed.day);
    }
    await summary.getByRole('link').click();
    await expect(day).toBeFocused();
    // A year from today is the latest allowed.
    const before = addDays(today, 30);
    await fillBefore(page, boxes(yearOn));
    await continueButton(page).click();
    await expectPage(page, ALERT.details);
    await backLink(page).click();
    await expectPage(page, ALERT.before);
    await expect(day).toHaveValue(boxes(yearOn).day);
    await fillBefore(page, boxes(before));
    await continueButton(page).click();

    // Who to text: nothing typed, then a landline.
    await expectPage(page, ALERT.details);
    await continueButton(page).click();
    await expectErrors(page, ['Enter your first name', 'Enter your last name', 'Enter your date of birth', PHONE_MISSING]);
    await expect(page).toHaveTitle(`Error: ${ALERT.details}${TITLE_SUFFIX}`);
    const f = detailsBoxes(page);
    await expect(f.phone).toHaveAccessibleDescription(new RegExp(PHONE_MISSING));
    await fillAlertDetails(page, { ...AMIR, phone: '01480 123456' });
    await continueButton(page).click();
    summary = await expectErrors(page, [PHONE_NOT_MOBILE]);
    await expect(f.phone).toHaveAccessibleDescription(new RegExp(PHONE_NOT_MOBILE));
    await expect(f.first, 'the other answers are kept').toHaveValue(AMIR.first);
    await summary.getByRole('link').click();
    await expect(f.phone).toBeFocused();
    await f.phone.fill(AMIR.phone);
    await continueButton(page).click();
    await expectPage(page, ALERT.check);

    // Change where: the question with its answer, Back returns to check answers unchanged.
    await changeLink(page, 'where').click();
    await expectPage(page, ALERT.where);
    await expect(radio(page, ONLY_HERE)).toBeChecked();
    await backLink(page).click();
    await expectPage(page, ALERT.check);
    await expect(summaryValue(page, 'Where')).toHaveText(ONLY_HERE);
    // Change where again, a new answer: Continue returns to check answers (not the next question).
    await changeLink(page, 'where').click();
    await expectPage(page, ALERT.where);
    await radio(page, ANY_PLACE).check();
    await continueButton(page).click();
    await expectPage(page, ALERT.check);
    await expect(summaryValue(page, 'Where')).toHaveText(ANY_PLACE);
    // Change which times.
    const sooner = addDays(today, 20);
    await changeLink(page, 'which times').click();
    await expectPage(page, ALERT.before);
    await expect(day).toHaveValue(boxes(before).day);
    await fillBefore(page, boxes(sooner));
    await continueButton(page).click();
    await expectPage(page, ALERT.check);
    await expect(summaryValue(page, 'Times')).toHaveText(`Before ${longDate(sooner)}`);
    // Change mobile phone number: the boxes as typed; Back returns.
    await changeLink(page, 'mobile phone number').click();
    await expectPage(page, ALERT.details);
    await expect(f.phone).toHaveValue(AMIR.phone);
    await expect(f.last).toHaveValue(AMIR.last);
    await f.phone.fill('07700 900789');
    await continueButton(page).click();
    await expectPage(page, ALERT.check);
    await expect(summaryValue(page, 'Mobile phone number')).toHaveText('07700 900789');
    // Back from check answers: the last question.
    await backLink(page).click();
    await expectPage(page, ALERT.details);
  });

  test('manage: which times, nothing chosen or a date after the appointment; Back from the first question returns to Your appointment', async ({ page, request, demo }) => {
    const { today, reference, bookedDay } = await openBookedLater(page, request, demo);
    await askLink(page).click();
    await expectPage(page, ALERT.where);
    await backLink(page).click();
    await expectPage(page, MANAGE.booking);
    await expect(page.getByText(`Reference ${reference}`, { exact: true })).toBeVisible();
    await askLink(page).click();
    await answerWhere(page, ONLY_HERE);

    await expectPage(page, ALERT.before);
    await continueButton(page).click();
    let summary = await expectErrors(page, ['Select which times we should tell you about']);
    await expect(page.getByRole('group', { name: ALERT.before })).toHaveAccessibleDescription(/Select which times we should tell you about/);
    await summary.getByRole('link').click();
    await expect(radio(page, `Any time before my current appointment on ${longDate(bookedDay)}`)).toBeFocused();

    // "Only times before an earlier date" reveals the date.
    await radio(page, EARLIER_DATE).check();
    await expect(beforeGroup(page)).toBeVisible();
    await continueButton(page).click();
    await expectErrors(page, ['Enter the date']);
    await fillBefore(page, boxes(addDays(bookedDay, 1)));
    await continueButton(page).click();
    const tooLate = `The date must be on or before your appointment on ${longDate(bookedDay)}`;
    summary = await expectErrors(page, [tooLate]);
    await expect(beforeGroup(page)).toHaveAccessibleDescription(new RegExp(tooLate));
    await summary.getByRole('link').click();
    await expect(beforeGroup(page).getByLabel('Day', { exact: true })).toBeFocused();

    const earlierDay = addDays(today, 2) < bookedDay ? addDays(today, 2) : bookedDay;
    await fillBefore(page, boxes(earlierDay));
    await continueButton(page).click();
    await expectPage(page, ALERT.details);
    await backLink(page).click();
    await expectPage(page, ALERT.before);
    await expect(radio(page, EARLIER_DATE)).toBeChecked();
    await expect(beforeGroup(page).getByLabel('Day', { exact: true })).toHaveValue(boxes(earlierDay).day);
    await continueButton(page).click();
    await answerDetails(page);
    await expectPage(page, ALERT.check);
    await expect(summaryValue(page, 'Times')).toHaveText(`Before ${longDate(earlierDay)}`);
  });

  test('details typed on "Your details" in this journey are filled in on "Who should we text?"', async ({ page, demo }) => {
    const { today } = await demo.reset();
    await walkTo(page, demo, 'check');
    await page.getByRole('link', { name: 'Change date and time', exact: true }).click();
    await expectPage(page, HEADINGS.time, QUIET);
    await askLink(page).click();
    await answerWhere(page, ONLY_HERE);
    await answerBeforeDate(page, addDays(today, 30));
    await expectPage(page, ALERT.details);
    const f = detailsBoxes(page);
    await expect(f.first).toHaveValue(PATIENT.first);
    await expect(f.last).toHaveValue(PATIENT.last);
    await expect(f.day).toHaveValue(PATIENT.day);
    await expect(f.month).toHaveValue(PATIENT.month);
    await expect(f.year).toHaveValue(PATIENT.year);
    await expect(f.phone).toHaveValue(PATIENT.phone);
  });

  test('stopping: "Stop this alert" has the alert filled in; a wrong date of birth is not found; stopped, it gets no offers', async ({ page, request, demo }) => {
    const { today } = await demo.reset();
    await walkTo(page, demo, 'time');
    await askFromTimePage(page, addDays(today, 30));
    const reference = await setUp(page);

    await page.getByRole('link', { name: 'Stop this alert', exact: true }).click();
    await expectPage(page, ALERT.stop);
    expect(new URL(page.url()).pathname).toMatch(/\/earlier-time\/stop$/);
    await expect(referenceBox(page)).toHaveValue(reference);
    const dob = dobGroup(page);
    await expect(dob.getByLabel('Day', { exact: true })).toHaveValue(AMIR.day);
    await expect(dob.getByLabel('Month', { exact: true })).toHaveValue(AMIR.month);
    await expect(dob.getByLabel('Year', { exact: true })).toHaveValue(AMIR.year);

    // Another date of birth: not found (the same words as for a wrong reference), nothing stopped.
    await dob.getByLabel('Day', { exact: true }).fill('16');
    await stopButton(page).click();
    let summary = await expectErrors(page, [ALERT_NOT_FOUND]);
    await expect(page).toHaveTitle(`Error: ${ALERT.stop}${TITLE_SUFFIX}`);
    await summary.getByRole('link').click();
    await expect(referenceBox(page)).toBeFocused();
    expect((await demoAlerts(request))[0].state).toBe('active');
    await referenceBox(page).fill('ALT-ZZZZZZ');
    await dob.getByLabel('Day', { exact: true }).fill(AMIR.day);
    await stopButton(page).click();
    summary = await expectErrors(page, [ALERT_NOT_FOUND]);
    // No reference at all: said before anything is sent.
    await referenceBox(page).fill('');
    await stopButton(page).click();
    await expectErrors(page, ['Enter your alert reference']);
    await expect(referenceBox(page)).toHaveAccessibleDescription(/Enter your alert reference/);
    expect((await demoAlerts(request))[0].state).toBe('active');

    // Typed as people do: lower case, a space.
    await referenceBox(page).fill(` ${reference.toLowerCase().replace('-', ' ')} `);
    await stopButton(page).click();
    await expectPage(page, ALERT.stopped);
    await expect(page.locator('.nhsb-panel')).toContainText(`Alert ${reference}`);
    await expect(page.getByRole('link', { name: 'Book an appointment online', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Change or cancel an appointment you have already booked', exact: true })).toBeVisible();
    const [alert] = await demoAlerts(request);
    expect(alert).toMatchObject({ alert: reference, state: 'stopped' });

    // Stopped: a freed time it would have wanted is not held for it.
    await freeUp(request, (await slotsBetween(demo, today, 3, 20))[0].id);
    expect(await offerLinks(request), 'no offer for a stopped alert').toEqual([]);

    // Find your appointment leads to an empty stop form (the stopped alert is forgotten).
    await page.getByRole('link', { name: 'Change or cancel an appointment you have already booked', exact: true }).click();
    await expectPage(page, MANAGE.find);
    await page.getByRole('link', { name: STOP_LINK, exact: true }).click();
    await expectPage(page, ALERT.stop);
    await expect(referenceBox(page)).toHaveValue('');
  });

  test('manage: asking again about the same booking says an alert is already set up, and the link stops it', async ({ page, request, demo }) => {
    const { reference } = await openBookedLater(page, request, demo);
    const askAboutBooking = async (where: string) => {
      await askLink(page).click();
      await answerWhere(page, where);
      await expectPage(page, ALERT.before, QUIET);
      await page.getByRole('radio', { name: /^Any time before my current appointment on / }).check();
      await continueButton(page).click();
      await answerDetails(page);
      await expectPage(page, ALERT.check, QUIET);
    };
    await askAboutBooking(ONLY_HERE);
    const first = await setUp(page);
    await page.getByRole('link', { name: 'Back to your appointment', exact: true }).click();
    await expectPage(page, MANAGE.booking, QUIET);

    // Asked again: a new set of questions, and the API refuses a second alert (409).
    await askAboutBooking(ANY_PLACE);
    await setUpButton(page).click();
    const problem = page.locator('.nhsb-error-summary').filter({ hasText: 'You already have an alert for this appointment' });
    await expect(problem).toBeVisible();
    await expect(problem).toHaveRole('alert');
    await expect(problem, 'focus on the problem').toBeFocused();
    await expect(page).toHaveTitle(`Error: ${ALERT.check}${TITLE_SUFFIX}`);
    await expect(h1(page)).toHaveText(ALERT.check);
    const alerts = await demoAlerts(request);
    expect(alerts, 'still one alert').toHaveLength(1);
    expect(alerts[0]).toMatchObject({ alert: first, booking: reference, locality: FILTER.locality });

    await problem.getByRole('link', { name: 'stop that alert', exact: true }).click();
    await expectPage(page, ALERT.stop);
    await referenceBox(page).fill(first);
    await expect(dobGroup(page).getByLabel('Year', { exact: true })).toHaveValue(AMIR.year);
    await stopButton(page).click();
    await expectPage(page, ALERT.stopped);
    expect((await demoAlerts(request))[0].state).toBe('stopped');
  });

  test('axe at 320 and 1280 px on every new page and its error state', async ({ page, request, demo }) => {
    test.setTimeout(120_000);
    const { today } = await demo.reset();
    await walkTo(page, demo, 'time');
    await askLink(page).click();
    await expectPage(page, ALERT.where);
    await axeBothWidths(page, 'where');
    await continueButton(page).click();
    await expectErrors(page, ['Select where you could go']);
    await axeBothWidths(page, 'where with an error');
    await radio(page, ONLY_HERE).check();
    await continueButton(page).click();

    await expectPage(page, ALERT.before);
    await axeBothWidths(page, 'which times');
    await fillBefore(page, boxes(today));
    await continueButton(page).click();
    await expectErrors(page, ['The date must be after today']);
    await axeBothWidths(page, 'which times with an error');
    await fillBefore(page, boxes(addDays(today, 30)));
    await continueButton(page).click();

    await expectPage(page, ALERT.details);
    await axeBothWidths(page, 'who should we text');
    await fillAlertDetails(page, { ...AMIR, phone: '01480 123456', first: '' });
    await continueButton(page).click();
    await expectErrors(page, ['Enter your first name', PHONE_NOT_MOBILE]);
    await axeBothWidths(page, 'who should we text with errors');
    await fillAlertDetails(page, AMIR);
    await continueButton(page).click();

    await expectPage(page, ALERT.check);
    await axeBothWidths(page, 'check answers');
    await setUp(page);
    await axeBothWidths(page, 'alert set up');

    await page.getByRole('link', { name: 'Stop this alert', exact: true }).click();
    await expectPage(page, ALERT.stop);
    await axeBothWidths(page, 'stop texts');
    await dobGroup(page).getByLabel('Day', { exact: true }).fill('16');
    await stopButton(page).click();
    await expectErrors(page, [ALERT_NOT_FOUND]);
    await axeBothWidths(page, 'stop texts, not found');
    await referenceBox(page).fill('');
    await stopButton(page).click();
    await expectErrors(page, ['Enter your alert reference']);
    await axeBothWidths(page, 'stop texts, empty reference');
    await referenceBox(page).fill((await demoAlerts(request))[0].alert);
    await dobGroup(page).getByLabel('Day', { exact: true }).fill(AMIR.day);
    await stopButton(page).click();
    await expectPage(page, ALERT.stopped);
    await axeBothWidths(page, 'alert stopped');

    // The pages asked about a booking: the radios, the revealed date with its error, check answers.
    await openBookedLater(page, request, demo);
    await askLink(page).click();
    await answerWhere(page, ANY_PLACE);
    await expectPage(page, ALERT.before);
    await axeBothWidths(page, 'which times (a booking)');
    await continueButton(page).click();
    await expectErrors(page, ['Select which times we should tell you about']);
    await axeBothWidths(page, 'which times (a booking) with an error');
    await radio(page, EARLIER_DATE).check();
    await continueButton(page).click();
    await expectErrors(page, ['Enter the date']);
    await axeBothWidths(page, 'which times (a booking), the date revealed with an error');
    await page.getByRole('radio', { name: /^Any time before my current appointment/ }).check();
    await continueButton(page).click();
    await answerDetails(page);
    await expectPage(page, ALERT.check);
    await axeBothWidths(page, 'check answers (a booking)');
    await setUp(page);
    await axeBothWidths(page, 'alert set up (a booking)');
  });

  test('keyboard only: time page → where → which times → details → check → set up → stop, with no mouse and no trap', async ({ page, demo }) => {
    test.setTimeout(90_000);
    const { today } = await demo.reset();
    await walkTo(page, demo, 'time');
    await h1(page).focus();
    await tabTo(page, askLink(page), { where: 'the time page, the alert link', max: 60 });
    await page.keyboard.press('Enter');

    await expectPage(page, ALERT.where);
    await expectTabCycle(page, 'where');
    await h1(page).focus();
    await tabTo(page, radio(page, ONLY_HERE), { where: 'where, the first option' });
    await page.keyboard.press('Space');
    await expect(radio(page, ONLY_HERE)).toBeChecked();
    await tabTo(page, continueButton(page), { where: 'where, Continue' });
    await page.keyboard.press('Enter');

    await expectPage(page, ALERT.before);
    const date = boxes(addDays(today, 30));
    for (const [label, value] of [['Day', date.day], ['Month', date.month], ['Year', date.year]] as const) {
      const box = beforeGroup(page).getByLabel(label, { exact: true });
      await tabTo(page, box, { where: `which times, ${label}` });
      await page.keyboard.type(value);
      await expect(box).toHaveValue(value);
    }
    await tabTo(page, continueButton(page), { where: 'which times, Continue' });
    await page.keyboard.press('Enter');

    await expectPage(page, ALERT.details);
    const f = detailsBoxes(page);
    for (const [key, value] of [['first', AMIR.first], ['last', AMIR.last], ['day', AMIR.day], ['month', AMIR.month], ['year', AMIR.year], ['phone', AMIR.phone]] as const) {
      await tabTo(page, f[key], { where: `who should we text, ${key}` });
      await page.keyboard.type(value);
      await expect(f[key]).toHaveValue(value);
    }
    await tabTo(page, continueButton(page), { where: 'who should we text, Continue' });
    await page.keyboard.press('Enter');

    await expectPage(page, ALERT.check);
    await expectTabCycle(page, 'check answers');
    await h1(page).focus();
    await tabTo(page, setUpButton(page), { where: 'check answers, Set up alert' });
    await page.keyboard.press('Enter');

    await expectPage(page, ALERT.set);
    await expect(page.getByText(ALERT_REFERENCE)).toBeVisible();
    await tabTo(page, page.getByRole('link', { name: 'Stop this alert', exact: true }), { where: 'set up, Stop this alert' });
    await page.keyboard.press('Enter');

    await expectPage(page, ALERT.stop);
    await tabTo(page, stopButton(page), { where: 'stop texts, the button' });
    await page.keyboard.press('Enter');
    await expectPage(page, ALERT.stopped);
  });
});

// ---------------------------------------------------------------------------------------------
// Against an API without slot_alerts

test('an API without slot_alerts (1.0, features taken out of /api/services): no alert links on the time page or the manage pages', async ({ page, demo }) => {
  await pretendApi10(page);
  await expectNoAlertLinks(page, demo);
});

test.describe('DEMO_API_VERSION=1.0', () => {
  // The demo API's version is a start-up flag (--api-version / DEMO_API_VERSION) with no test
  // control, and the config starts one server for the whole run: run the spec with
  // DEMO_API_VERSION=1.0 to check against the real thing.
  test.skip(process.env.DEMO_API_VERSION !== '1.0', 'runs against the demo API started with DEMO_API_VERSION=1.0');

  test('the demo API speaks 1.0: no slot_alerts, no alert links anywhere', async ({ page, request, demo }) => {
    const json = await (await request.get('/api/services')).json();
    expect(json).not.toHaveProperty('features');
    await expectNoAlertLinks(page, demo);
  });
});
