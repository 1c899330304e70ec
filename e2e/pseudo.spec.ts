// Right-to-left and long-word readiness (issue #17): the pseudo-locale build (`make
// build-pseudo`: every message of ours accented and 40 % longer, in brackets) walked at 320 px.
// On every step, and on the error states with the longest messages, nothing scrolls sideways,
// nothing sticks out of the page and no box clips its text.
import type { APIRequestContext, Page } from '@playwright/test';
import { HEADINGS, PLACE, SERVICE, apiFeatures, errorSummary, expect, h1, test, type Demo } from './helpers';
import { CHANGEABLE, MANAGE, TOO_LATE, type Dob } from './helpers-manage';
import { freeUp, offerLink } from './helpers-held';

const port = Number(process.env.E2E_PSEUDO_PORT || Number(process.env.E2E_PORT || 8091) + 1);
test.use({ baseURL: `http://127.0.0.1:${port}` });

/** Nothing wider than the window, nothing clipped. */
async function expectFits(page: Page, where: string): Promise<void> {
  // Our words are pseudo-translated (a heading from the API, like the symptoms question, is not).
  await expect(page.locator('main')).toContainText(/\[[^\]]*[áéíóú]/);
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    for (const el of document.querySelectorAll<HTMLElement>('#nhs-booking *')) {
      if (el.closest('.nhsb-visually-hidden, .nhsb-skip-link, [hidden]')) continue;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (cs.display === 'none' || r.width === 0) continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      if (r.right > width + 1 || r.left < -1) out.push(`${name} sticks out (${Math.round(r.left)}–${Math.round(r.right)} px)`);
      const clips = ['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`${name} clips its text`);
    }
    return out.slice(0, 10);
  });
  expect(problems, `at 320 px on ${where}`).toEqual([]);
}

const submit = (page: Page) => page.locator('main button[type="submit"], main button.nhsb-button:not(.nhsb-button--secondary)').first();

test('pseudo-locale at 320 px: a whole booking, its error states, and finding a booking fit without clipping', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await expect(page.locator('main a.nhsb-button')).toBeVisible();
  await expectFits(page, 'the start page');
  await page.locator('main a.nhsb-button').click();

  const seen: string[] = [];
  for (let i = 0; i < 14; i++) {
    await expect(page.locator('main')).toContainText(/\[[^\]]*[áéíóú]/);
    const path = new URL(page.url()).pathname.replace(/^\//, '');
    seen.push(path);
    await expectFits(page, path);
    if (path === 'confirmation') break;
    const main = page.locator('main');
    switch (path) {
      case 'symptoms':
        await main.locator('input[value="none"]').check();
        break;
      case 'time':
        await main.locator('input[name="slot"]').first().check();
        break;
      case 'support':
        await main.locator('input[type="radio"]').last().check();
        break;
      case 'your-details':
        // Every error message at once first: the longest words on one page.
        await submit(page).click();
        await expect(page.locator('.nhsb-error-summary')).toBeVisible();
        await expectFits(page, 'details with every error');
        await page.locator('#given-name').fill('Siân');
        await page.locator('#family-name').fill('Llywelyn-Pritchard');
        await page.locator('#dob-day').fill('28');
        await page.locator('#dob-month').fill('2');
        await page.locator('#dob-year').fill('1958');
        await page.locator('#nhs-number').fill('9434765919');
        await page.locator('#phone').fill('07700 900123');
        break;
      case 'check-your-answers':
        break;
      default:
        if (await main.locator('input[type="radio"]').count()) await main.locator('input[type="radio"]').first().check();
    }
    const before = page.url();
    await submit(page).click();
    await expect(page).not.toHaveURL(before);
  }
  expect(seen, 'the walk reached the confirmation').toContain('confirmation');
  expect(seen).toEqual(expect.arrayContaining(['service', 'clinician', 'location', 'time', 'your-details', 'check-your-answers']));

  await page.goto('/manage');
  await expectFits(page, 'find your appointment');
  await submit(page).click();
  await expect(page.locator('.nhsb-error-summary')).toBeVisible();
  await expectFits(page, 'find your appointment with errors');
  await page.goto('/accessibility-statement');
  await expectFits(page, 'the accessibility statement');
  await page.goto('/no-such-page');
  await expectFits(page, 'page not found');
});

// ---------------------------------------------------------------------------------------------
// The rest of the steps a patient can reach, found by their pseudo-translated words.

const ACCENTED: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ', s: 'š', t: 'ţ',
  A: 'Á', E: 'É', O: 'Ó', C: 'Ç', S: 'Š', T: 'Ţ',
};

/** One of our English messages as the pseudo-locale shows it (domain/src/lang.rs `pseudo`):
 *  letters accented, lower-case vowels doubled, `{placeholders}` kept, then padded with "~" to
 *  40 % longer than the English, in brackets. "Continue" → "[Çóóñţííñúúéé]". */
function pseudo(en: string, values: Record<string, string> = {}): string {
  let out = '[';
  let placeholder = false;
  for (const c of en) {
    if (c === '{') placeholder = true;
    else if (c === '}') placeholder = false;
    if (placeholder) {
      out += c;
      continue;
    }
    const shown = ACCENTED[c] ?? c;
    out += 'aeiou'.includes(c) ? shown + shown : shown;
  }
  const target = Math.floor(([...en].length * 14) / 10);
  let length = [...out].length;
  if (length < target) {
    out += ' ';
    length += 1;
  }
  out += '~'.repeat(Math.max(0, target - length)) + ']';
  return out.replace(/\{(\w+)\}/g, (whole, k: string) => values[k] ?? whole);
}

const button = (page: Page, en: string) => page.getByRole('button', { name: pseudo(en), exact: true });
const link = (page: Page, en: string) => page.getByRole('link', { name: pseudo(en), exact: true });
const radio = (page: Page, en: string) => page.getByRole('radio', { name: pseudo(en), exact: true });
const label = (page: Page, en: string) => page.getByLabel(pseudo(en), { exact: true });
const group = (page: Page, en: string) => page.getByRole('group', { name: pseudo(en) });

/** A name starting with the pseudo-translated words before a message's first placeholder. */
const startsWith = (en: string) => new RegExp(`^${pseudo(en).split('{')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Nothing is loading any more (as `settled` waits for "Loading"): every "Loading …" message
 *  starts "[Lóóáádííñg", pseudo('Loading') without its closing bracket. */
async function settledPseudo(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: pseudo('Loading').slice(0, -1) })).toHaveCount(0);
}

/** The page shows `heading` (one of our messages) as its h1, loaded. */
async function expectHeading(page: Page, heading: string): Promise<void> {
  await expect(h1(page)).toHaveText(pseudo(heading));
  await settledPseudo(page);
}

/** The error summary is up (after a press of the form's button). */
async function expectErrorsShown(page: Page): Promise<void> {
  await expect(errorSummary(page)).toBeVisible();
  await expect(errorSummary(page)).toContainText(pseudo('There is a problem'));
}

/** Fills a day, month and year group (legend given in English). */
async function fillDate(page: Page, legend: string, d: Pick<Dob, 'day' | 'month' | 'year'>): Promise<void> {
  const g = group(page, legend);
  await g.getByLabel(pseudo('Day'), { exact: true }).fill(d.day);
  await g.getByLabel(pseudo('Month'), { exact: true }).fill(d.month);
  await g.getByLabel(pseudo('Year'), { exact: true }).fill(d.year);
}

/** "Find your appointment": a reference and date of birth typed, the button pressed. */
async function find(page: Page, reference: string, dob: Pick<Dob, 'day' | 'month' | 'year'>): Promise<void> {
  await label(page, 'Booking reference').fill(reference);
  await fillDate(page, 'Date of birth', dob);
  await button(page, 'Find appointment').click();
}

/** The feedback form on `where` (a confirmation): its error, then sent; each fits. */
async function feedbackFits(page: Page, where: string): Promise<void> {
  await button(page, 'Send feedback').click();
  await expectErrorsShown(page);
  await expectFits(page, `${where}, feedback with an error`);
  await page.locator('.nhsb-feedback').getByRole('radio').first().check();
  await button(page, 'Send feedback').click();
  await expect(page.getByRole('status').filter({ hasText: pseudo('Thank you for your feedback.') })).toBeVisible();
  await expectFits(page, `${where}, feedback sent`);
}

/** Someone else takes `slot` before `confirm` is pressed (409): the page `heading` offers the
 *  nearest times, and fits; returns their group. */
async function takenFirst(page: Page, demo: Demo, slot: string, confirm: string, heading: string, where: string) {
  await demo.takeSlot(slot);
  await button(page, confirm).click();
  await expectHeading(page, heading);
  const nearest = page.getByRole('group', { name: pseudo('Nearest times at {place}', { place: PLACE }) });
  await expect(nearest.getByRole('radio').first()).toBeVisible();
  await expectFits(page, where);
  return nearest;
}

/** The first time on show three days on (so none is about to start); returns its slot id. */
async function pickLaterTime(page: Page): Promise<string> {
  for (let i = 0; i < 3; i++) await button(page, 'Next day').click();
  await settledPseudo(page);
  const time = page.getByRole('main').getByRole('radio').first();
  await time.check();
  return (await time.getAttribute('value'))!;
}

const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};
const daysAfter = (today: string, n: number) => new Date(Date.parse(today) + n * 864e5).toISOString().slice(0, 10);

test('pseudo-locale at 320 px: finding, moving and cancelling a booking fit, with an error state on each form', async ({ page, request, demo }) => {
  test.setTimeout(120_000);
  const features = await apiFeatures(request);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/manage');
  await expectHeading(page, MANAGE.find);
  // Not found (the API's 404), then a proxy's HTML 502 (the service busy).
  await find(page, 'PHY-4B7K2N', CHANGEABLE.dob);
  await expectErrorsShown(page);
  await expectFits(page, 'find your appointment, not found');
  await demo.failNext({ method: 'GET', path: '/api/bookings/*', status: 502, html: true });
  await find(page, CHANGEABLE.reference, CHANGEABLE.dob);
  await expect(page.getByRole('alert').filter({ hasText: pseudo('The booking service is busy') })).toBeVisible();
  await expectFits(page, 'find your appointment, the service busy');
  await button(page, 'Find appointment').click();

  await expectHeading(page, MANAGE.booking);
  await expectFits(page, 'your appointment');
  await link(page, 'Change the time').click();

  await expectHeading(page, MANAGE.newTime);
  await expectFits(page, 'choose a new time');
  await button(page, 'Continue').click();
  await expectErrorsShown(page);
  await expectFits(page, 'choose a new time, nothing chosen');
  const first = await pickLaterTime(page);
  await button(page, 'Continue').click();

  await expectHeading(page, MANAGE.checkNewTime);
  await expectFits(page, 'check your new time');
  // Someone else takes it first (409): the nearest times, one of them confirmed.
  const nearest = await takenFirst(page, demo, first, 'Confirm new time', MANAGE.taken, 'new time taken');
  await nearest.getByRole('radio').first().check();
  await button(page, 'Continue').click();
  await expectHeading(page, MANAGE.checkNewTime);
  await button(page, 'Confirm new time').click();
  await expectHeading(page, MANAGE.changed);
  await expectFits(page, 'appointment changed');

  // Cancelled, with a reason: the question, then the end page (and its feedback form, if any).
  await page.getByRole('contentinfo').getByRole('link', { name: pseudo('Change or cancel an appointment') }).click();
  await expectHeading(page, MANAGE.find);
  await find(page, CHANGEABLE.reference, CHANGEABLE.dob);
  await expectHeading(page, MANAGE.booking);
  await link(page, 'Cancel appointment').click();
  await expectHeading(page, MANAGE.cancel);
  await radio(page, 'Another reason').check();
  await expectFits(page, 'cancel, a reason chosen');
  await button(page, 'Yes, cancel appointment').click();
  await expectHeading(page, MANAGE.cancelled);
  await expectFits(page, 'appointment cancelled');
  if (features.includes('feedback')) await feedbackFits(page, 'appointment cancelled');

  // Found again: cancelled. And a booking too late to change online.
  await page.goto('/manage');
  await expectHeading(page, MANAGE.find);
  await find(page, CHANGEABLE.reference, CHANGEABLE.dob);
  await expectHeading(page, MANAGE.booking);
  await expect(link(page, 'Book a new appointment')).toBeVisible();
  await expectFits(page, 'your appointment, cancelled');
  await page.goto('/manage');
  await expectHeading(page, MANAGE.find);
  await find(page, TOO_LATE.reference, TOO_LATE.dob);
  await expectHeading(page, MANAGE.booking);
  await expect(page.getByRole('main')).toContainText(pseudo('It is too late to change or cancel this appointment online.'));
  await expectFits(page, 'your appointment, too late to change');
});

test('pseudo-locale at 320 px: an earlier-time alert (each question with its error, check, set up), the held time, and stopping the alert fit', async ({ page, request, demo }) => {
  test.setTimeout(120_000);
  test.skip(!(await apiFeatures(request)).includes('slot_alerts'), 'the API does not offer earlier-time alerts');
  const { today } = await demo.reset();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/symptoms?service=physio-msk&band=band-6');
  await page.getByRole('checkbox', { name: pseudo('None of these'), exact: true }).check();
  await button(page, 'Continue').click();
  await expectHeading(page, HEADINGS.location);
  await page.goto('/time?service=physio-msk&band=band-6&locality=hinchingbrooke');
  await expectHeading(page, HEADINGS.time);
  await link(page, 'Get a text if an earlier time comes up').click();

  await expectHeading(page, 'Where could you go for an earlier appointment?');
  await expectFits(page, 'alert: where');
  await button(page, 'Continue').click();
  await expectErrorsShown(page);
  await expectFits(page, 'alert: where, nothing chosen');
  await page.getByRole('radio', { name: pseudo('Only at {place}', { place: PLACE }), exact: true }).check();
  await button(page, 'Continue').click();

  await expectHeading(page, 'Which times should we tell you about?');
  await expectFits(page, 'alert: which times');
  await fillDate(page, 'Only tell me about times before', dateParts(today));
  await button(page, 'Continue').click();
  await expectErrorsShown(page);
  await expectFits(page, 'alert: which times, a date not after today');
  const before = daysAfter(today, 20);
  await fillDate(page, 'Only tell me about times before', dateParts(before));
  await button(page, 'Continue').click();

  await expectHeading(page, 'Who should we text?');
  await expectFits(page, 'alert: who should we text');
  await button(page, 'Continue').click();
  await expectErrorsShown(page);
  await expectFits(page, 'alert: who should we text, every error');
  await label(page, 'First name').fill('Siân');
  await label(page, 'Last name').fill('Llywelyn-Pritchard');
  await fillDate(page, 'Date of birth', { day: '15', month: '6', year: '1990' });
  await label(page, 'Mobile phone number').fill('07700 900456');
  await button(page, 'Continue').click();

  await expectHeading(page, 'Check your answers before we set up your alert');
  await expectFits(page, 'alert: check your answers');
  await button(page, 'Set up alert').click();
  await expectHeading(page, 'We will text you if an earlier time comes up');
  await expectFits(page, 'alert: set up');
  const reference = (await page.getByRole('main').innerText()).match(/ALT-[A-HJKMNP-Z2-9]+/)?.[0];
  expect(reference, 'the alert reference').toBeTruthy();

  // A time before the date is freed: the text message's link opens the time held.
  const [slot] = await demo.slots({ service: 'physio-msk', band: 'band-6', locality: 'hinchingbrooke', from: daysAfter(today, 3), to: daysAfter(today, 15) });
  await freeUp(request, slot.id);
  const offer = await offerLink(request);
  await page.goto(offer);
  await expectHeading(page, 'An earlier time is held for you');
  await expectFits(page, 'the held time');
  await button(page, 'Book this time').click();
  await expectErrorsShown(page);
  await expectFits(page, 'the held time, no date of birth');
  // Someone else's date of birth: the API's refusal next to the field.
  await fillDate(page, 'Confirm your date of birth', { day: '16', month: '6', year: '1990' });
  await button(page, 'Book this time').click();
  await expectErrorsShown(page);
  await expectFits(page, 'the held time, held for someone else');
  await fillDate(page, 'Confirm your date of birth', { day: '15', month: '6', year: '1990' });
  await button(page, 'Book this time').click();
  await expectHeading(page, HEADINGS.confirmation);
  // The link again: no longer held (used), and a code never sent.
  await page.goto(offer);
  await expectHeading(page, 'This time is no longer held for you');
  await expectFits(page, 'the time no longer held');

  // Stopping the alert (filled in from this tab): its error with the reference taken out, then stopped.
  await page.goto('/manage');
  await expectHeading(page, MANAGE.find);
  await link(page, 'Stop texts about earlier times').click();
  await expectHeading(page, 'Stop texts about earlier times');
  await expectFits(page, 'stop texts');
  await label(page, 'Alert reference').fill('');
  await button(page, 'Stop the alert').click();
  await expectErrorsShown(page);
  await expectFits(page, 'stop texts, no reference');
  await label(page, 'Alert reference').fill(reference!);
  await fillDate(page, 'Date of birth', { day: '15', month: '6', year: '1990' });
  await button(page, 'Stop the alert').click();
  await expectHeading(page, 'Alert stopped');
  await expectFits(page, 'alert stopped');
});

test('pseudo-locale at 320 px: an earlier-time alert about a booking (its own choices) fits', async ({ page, request }) => {
  test.setTimeout(120_000);
  test.skip(!(await apiFeatures(request)).includes('slot_alerts'), 'the API does not offer earlier-time alerts');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/manage');
  await expectHeading(page, MANAGE.find);
  await find(page, CHANGEABLE.reference, CHANGEABLE.dob);
  await expectHeading(page, MANAGE.booking);
  await link(page, 'Get a text if an earlier time comes up').click();
  await expectHeading(page, 'Where could you go for an earlier appointment?');
  await radio(page, 'Any place with a clinic for this').first().check();
  await button(page, 'Continue').click();
  await expectHeading(page, 'Which times should we tell you about?');
  await expectFits(page, 'alert about a booking: which times');
  await button(page, 'Continue').click();
  await expectErrorsShown(page);
  await expectFits(page, 'alert about a booking: which times, nothing chosen');
  await radio(page, 'Only times before an earlier date').check();
  await button(page, 'Continue').click();
  await expectErrorsShown(page);
  await expectFits(page, 'alert about a booking: an earlier date, not given');
  await page.getByRole('radio', { name: startsWith('Any time before my current appointment on {date}') }).check();
  await button(page, 'Continue').click();
  await expectHeading(page, 'Who should we text?');
  await label(page, 'First name').fill('Siân');
  await label(page, 'Last name').fill("O'Neill");
  await fillDate(page, 'Date of birth', CHANGEABLE.dob);
  await label(page, 'Mobile phone number').fill('07700 900123');
  await button(page, 'Continue').click();
  await expectHeading(page, 'Check your answers before we set up your alert');
  await expectFits(page, 'alert about a booking: check your answers');
  await button(page, 'Set up alert').click();
  await expectHeading(page, 'We will text you if an earlier time comes up');
  await expectFits(page, 'alert about a booking: set up');
});

test('pseudo-locale at 320 px: the services failing, each question\'s error, get help now, booking for someone else with support, a time taken and the feedback form fit', async ({ page, request, demo }) => {
  test.setTimeout(120_000);
  const features = await apiFeatures(request);
  await page.setViewportSize({ width: 320, height: 640 });
  /** Continue with nothing answered: the question's error fits. */
  const errorFits = async (where: string) => {
    await button(page, 'Continue').click();
    await expectErrorsShown(page);
    await expectFits(page, `${where}, nothing answered`);
  };

  // The services list meets a proxy's HTML 500 as the app starts; "Try again" brings the question.
  await demo.failNext({ method: 'GET', path: '/api/services', status: 500, html: true });
  await page.goto('/service');
  await expectHeading(page, 'Sorry, there is a problem with the booking service');
  await expectFits(page, 'the services failing');
  await button(page, 'Try again').click();
  await expectHeading(page, HEADINGS.service);
  await errorFits('the service question');
  await page.getByRole('radio', { name: SERVICE, exact: true }).check();
  await button(page, 'Continue').click();

  if (features.includes('screening')) {
    // The symptoms question is the service's own (from the API): known by its address.
    await expect(page).toHaveURL(/\/symptoms\?/);
    await expect(page.getByRole('checkbox', { name: pseudo('None of these'), exact: true })).toBeVisible();
    await errorFits('the symptoms question');
    await page.getByRole('main').getByRole('checkbox').first().check();
    await button(page, 'Continue').click();
    // The service's own heading and advice (from the API), with our words around them.
    await expect(h1(page)).toHaveText(HEADINGS.urgent);
    await expect(page.getByRole('main')).toContainText(pseudo('You have not booked an appointment. Nothing you told us has been sent.'));
    await expectFits(page, 'get help now');
    await link(page, 'Back').click();
    await page.getByRole('main').getByRole('checkbox').first().uncheck();
    await page.getByRole('checkbox', { name: pseudo('None of these'), exact: true }).check();
    await button(page, 'Continue').click();
  }

  await expectHeading(page, HEADINGS.clinician);
  await errorFits('the clinician question');
  await page.getByRole('radio', { name: /Band 6/ }).check();
  await button(page, 'Continue').click();
  await expectHeading(page, HEADINGS.location);
  await errorFits('the place question');
  await page.getByRole('radio', { name: PLACE, exact: true }).check();
  await button(page, 'Continue').click();
  await expectHeading(page, HEADINGS.time);
  await errorFits('the time question');
  const first = await pickLaterTime(page);
  await button(page, 'Continue').click();

  if (features.includes('booked_by')) {
    await expectHeading(page, HEADINGS.whoFor);
    await errorFits('who it is for');
    await radio(page, 'Someone else').check();
    await button(page, 'Continue').click();
    await expectHeading(page, HEADINGS.aboutYou);
    await expectFits(page, 'about you');
    await errorFits('about you');
    await label(page, 'Your full name').fill('Angharad Llywelyn-Pritchard');
    await label(page, 'Your relationship to them').fill('daughter');
    await label(page, 'Your phone number').fill('01632 960001');
    await button(page, 'Continue').click();

    await expectHeading(page, HEADINGS.theirDetails);
    await expectFits(page, 'their details');
    await errorFits('their details');
    await label(page, 'First name').fill('Siân');
    await label(page, 'Last name').fill('Llywelyn-Pritchard');
    await fillDate(page, 'Their date of birth', { day: '28', month: '2', year: '1958' });
    await label(page, 'Their NHS number').fill('9434765919');
    await label(page, 'Their mobile phone number').fill('07700 900123');
    await button(page, 'Continue').click();
  } else {
    await expectHeading(page, HEADINGS.details);
    await label(page, 'First name').fill('Siân');
    await label(page, 'Last name').fill('Llywelyn-Pritchard');
    await fillDate(page, 'Date of birth', { day: '28', month: '2', year: '1958' });
    await label(page, 'NHS number').fill('9434765919');
    await label(page, 'Mobile phone number').fill('07700 900123');
    await button(page, 'Continue').click();
  }

  if (features.includes('needs')) {
    const them = features.includes('booked_by');
    await expectHeading(page, them ? HEADINGS.supportThem : HEADINGS.support);
    await errorFits('the support question');
    await radio(page, 'Yes').check();
    await button(page, 'Continue').click();
    await expectHeading(page, them ? HEADINGS.supportNeededThem : HEADINGS.supportNeeded);
    await expectFits(page, 'the support needed');
    await errorFits('the support needed');
    await page.getByRole('checkbox', { name: pseudo('Large print'), exact: true }).check();
    await page.getByRole('checkbox', { name: pseudo('A longer appointment'), exact: true }).check();
    await button(page, 'Continue').click();
  }

  await expectHeading(page, HEADINGS.check);
  await expectFits(page, 'check your answers, with every answer given');
  // Someone else books the time first (409): the nearest times, one of them booked.
  const nearest = await takenFirst(page, demo, first, 'Book appointment', HEADINGS.taken, 'the time taken');
  await button(page, 'Continue').click();
  await expectErrorsShown(page);
  await expectFits(page, 'the time taken, nothing chosen');
  await nearest.getByRole('radio').first().check();
  await button(page, 'Continue').click();
  await expectHeading(page, HEADINGS.check);
  await button(page, 'Book appointment').click();
  await expectHeading(page, HEADINGS.confirmation);
  await expectFits(page, 'appointment booked');

  if (features.includes('feedback')) await feedbackFits(page, 'appointment booked');
});
