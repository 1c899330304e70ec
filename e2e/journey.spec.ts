import { readFile } from 'node:fs/promises';
import {
  BAND_6,
  HEADINGS,
  PATIENT,
  PLACE,
  REFERENCE,
  SERVICE,
  START_TITLE,
  TIME_NAME,
  TITLE_SUFFIX,
  bookButton,
  continueButton,
  dayHeading,
  detailsFields,
  expect,
  expectPage,
  fillDetails,
  openStart,
  personalStrings,
  pickTime,
  recordBookingPosts,
  startNow,
  summaryRow,
  summaryValue,
  test,
  walkTo,
  h1,
  settled,
} from './helpers';

test('a patient books an appointment from start to confirmation', async ({ page, demo }) => {
  const urls: string[] = [];
  const titles: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  page.on('request', (request) => urls.push(request.url()));
  const posts = recordBookingPosts(page);
  const step = async (heading: string) => {
    await expectPage(page, heading);
    urls.push(page.url());
    titles.push(await page.title());
  };
  // A question a 1.1 API adds (urgent symptoms, who it is for, support): when its page follows
  // `left`, it is a step of its own (focus, title) and gets the answer that changes nothing else.
  let added = 0;
  const ifAsked = async (left: string, heading: string, answer: string, role: 'radio' | 'checkbox') => {
    await expect(h1(page)).not.toHaveText(left);
    await settled(page);
    if (((await h1(page).textContent()) ?? '').trim() !== heading) return;
    added++;
    await step(heading);
    await page.getByRole(role, { name: answer, exact: true }).check();
    await continueButton(page).click();
    await expect(h1(page)).not.toHaveText(heading);
  };

  // Start
  await openStart(page);
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Book a physiotherapy appointment' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(/If you cannot book online, call 01480 123456 \(.+\)/);
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' })).toBeVisible();
  await expect(h1(page)).toHaveText(HEADINGS.start);
  titles.push(await page.title());
  urls.push(page.url());
  await startNow(page);

  // What do you need an appointment for?
  await step(HEADINGS.service);
  await expect(page.getByRole('radio')).not.toHaveCount(0);
  expect(await page.getByRole('radio').count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('link', { name: 'Back', exact: true })).toBeVisible();
  await page.getByRole('radio', { name: SERVICE, exact: true }).check();
  await continueButton(page).click();

  // Do you have any of these symptoms? (1.1)
  await ifAsked(HEADINGS.service, HEADINGS.symptoms, 'None of these', 'checkbox');

  // Who do you need to see?
  await step(HEADINGS.clinician);
  await expect(page.getByRole('radio', { name: 'Physiotherapist (Band 6)', exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Senior physiotherapist (Band 7)', exact: true })).toBeVisible();
  await page.getByRole('radio', { name: BAND_6, exact: true }).check();
  await continueButton(page).click();

  // Where would you like your appointment?
  await step(HEADINGS.location);
  const place = page.getByRole('radio', { name: PLACE, exact: true });
  await expect(place).toBeVisible();
  await expect(page.getByRole('main')).toContainText('PE29 6NT');
  await expect(page.getByRole('main')).toContainText(/Next available: /);
  await place.check();
  await continueButton(page).click();

  // Choose a time
  await step(HEADINGS.time);
  await expect(dayHeading(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next day' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous day' })).toBeVisible();
  await expect(page.getByLabel('Or choose a day')).toBeVisible();
  await expect(page.getByRole('group', { name: /^(Morning|Afternoon|Evening)$/ }).first()).toBeVisible();
  const picked = await pickTime(page, demo);
  expect(picked.name).toMatch(TIME_NAME);
  await continueButton(page).click();

  // Who is this appointment for? (1.1)
  await ifAsked(HEADINGS.time, HEADINGS.whoFor, 'Me', 'radio');

  // Your details
  await step(HEADINGS.details);
  await fillDetails(page);
  await continueButton(page).click();

  // Do you need any support at your appointment? (1.1)
  await ifAsked(HEADINGS.details, HEADINGS.support, 'No', 'radio');

  // Check your answers
  await step(HEADINGS.check);
  await expect(summaryValue(page, 'Appointment')).toHaveText(SERVICE);
  await expect(summaryValue(page, 'Clinician')).toHaveText(BAND_6);
  await expect(summaryValue(page, 'Location')).toContainText(PLACE);
  await expect(summaryValue(page, 'Date and time')).not.toBeEmpty();
  await expect(summaryValue(page, 'Name')).toHaveText(`${PATIENT.first} ${PATIENT.last}`);
  await expect(summaryValue(page, 'Date of birth')).toContainText('1958');
  await expect(summaryValue(page, 'NHS number')).toHaveText(PATIENT.nhs);
  await expect(summaryValue(page, 'Mobile phone')).toHaveText(PATIENT.phone);
  await expect(summaryValue(page, 'Email')).toHaveText(PATIENT.email);
  await expect(summaryValue(page, 'Reminders')).toHaveText('By text message');
  for (const what of ['date of birth', 'name', 'NHS number', 'date and time', 'location', 'clinician']) {
    await expect(page.getByRole('link', { name: `Change ${what}`, exact: true })).toBeVisible();
  }
  await expect(summaryRow(page, 'Name')).toHaveCount(1);
  const slotId = new URL(page.url()).searchParams.get('slot');
  expect(slotId).toBe(picked.slotId);
  await bookButton(page).click();

  // Appointment booked
  await step(HEADINGS.confirmation);
  await expect(page.getByText('Your booking reference is')).toBeVisible();
  const reference = (await page.getByText(REFERENCE).textContent())!.trim();
  expect(reference).toMatch(REFERENCE);
  await expect(page.getByRole('main')).toContainText(PLACE);
  await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'If you need to change or cancel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeVisible();

  // Add to calendar: a blob: download named after the reference
  const calendar = page.getByRole('link', { name: 'Add to calendar' });
  await expect(calendar).toHaveAttribute('href', /^blob:/);
  const [download] = await Promise.all([page.waitForEvent('download'), calendar.click()]);
  expect(download.suggestedFilename()).toBe(`appointment-${reference}.ics`);
  const ics = await readFile((await download.path())!, 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  expect(ics).toContain(reference);
  expect(ics).toContain('END:VCALENDAR');

  // Exactly one booking, for the time picked, with the key the browser sent
  const bookings = await demo.patientBookings();
  expect(bookings).toHaveLength(1);
  expect(bookings[0].reference).toBe(reference);
  expect(bookings[0].slot_id).toBe(picked.slotId);
  expect(bookings[0].status).toBe('booked');
  expect(posts).toHaveLength(1);
  expect(bookings[0].idempotency_key).toBe(posts[0].key);

  // Personal details never in a URL (address bar or requests), nothing in localStorage
  for (const url of urls) {
    for (const secret of personalStrings()) {
      expect(decodeURIComponent(url), `URL ${url}`).not.toContain(secret);
      expect(url, `URL ${url}`).not.toContain(secret);
    }
  }
  expect(await page.evaluate(() => window.localStorage.length)).toBe(0);

  // Every step has its own title
  expect(titles).toHaveLength(8 + added);
  expect(new Set(titles).size, titles.join('\n')).toBe(titles.length);
  // The start page's title is the service's name, said once; every other ends with it.
  expect(titles[0]).toBe(START_TITLE);
  for (const title of titles.slice(1)) expect(title.endsWith(TITLE_SUFFIX), title).toBe(true);
});

test('the book button is disabled and says so while the booking is sent', async ({ page, demo }) => {
  await walkTo(page, demo, 'check');
  await demo.faults({ latency_ms: 1500 });
  await bookButton(page).click();
  const sending = page.getByRole('button', { name: 'Booking your appointment…' });
  await expect(sending).toBeVisible();
  await expect(sending).toBeDisabled();
  await expectPage(page, HEADINGS.confirmation);
});

test('details typed are kept on the details page when coming back to it', async ({ page, demo }) => {
  await walkTo(page, demo, 'check');
  await page.getByRole('link', { name: 'Change name', exact: true }).click();
  await expectPage(page, HEADINGS.details);
  const f = detailsFields(page);
  await expect(f.first).toHaveValue(PATIENT.first);
  await expect(f.last).toHaveValue(PATIENT.last);
  await expect(f.nhs).toHaveValue(PATIENT.nhs);
  await expect(f.bySms).toBeChecked();
});

test('one phone number on every page: the host page’s, even for a service whose API number differs', async ({ page }) => {
  // The static shell (before the app runs) and the app say the same number.
  const shell = await (await page.request.get('/')).text();
  expect(shell).toContain('01480 123456');
  await openStart(page);
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('call 01480 123456 (');
  await startNow(page);
  await expectPage(page, HEADINGS.service);
  // Podiatry's own number in the API is 01480 123789; the page's data-phone wins.
  await page.getByRole('radio', { name: /^Podiatry/ }).check();
  await continueButton(page).click();
  await expect(h1(page)).not.toHaveText(HEADINGS.service);
  await expect(footer).toContainText('call 01480 123456 (');
  await expect(page.locator('body')).not.toContainText('01480 123789');
});
