import {
  BAND_6,
  HEADINGS,
  PATIENT,
  PLACE,
  SERVICE,
  bookButton,
  continueButton,
  continueOn,
  dayHeading,
  detailsFields,
  expect,
  expectPage,
  h1,
  moveOverSymptoms,
  openStart,
  passScreening,
  recordBookingPosts,
  settled,
  slotFromUrl,
  startNow,
  summaryValue,
  test,
  timeRadios,
  walkTo,
} from './helpers';

const back = (page: import('@playwright/test').Page) => page.getByRole('link', { name: 'Back', exact: true });

test('a deep link with service, clinician and place goes straight to "Choose a time"', async ({ page }) => {
  await openStart(page, '?service=physio-msk&band=band-6&locality=hinchingbrooke');
  await startNow(page);
  // A 1.1 API asks about urgent symptoms first, whatever the link says ("None of these").
  await passScreening(page, HEADINGS.start);
  await expectPage(page, HEADINGS.time);
  await expect(page.getByText(PLACE, { exact: true })).toBeVisible();
  await expect(timeRadios(page).first()).toBeVisible();
  const url = new URL(page.url());
  expect(url.pathname).toBe('/time');
  expect(url.searchParams.get('service')).toBe('physio-msk');
  expect(url.searchParams.get('band')).toBe('band-6');
  expect(url.searchParams.get('locality')).toBe('hinchingbrooke');

  // The earlier questions are answered already.
  await back(page).click();
  await expectPage(page, HEADINGS.location);
  await expect(page.getByRole('radio', { name: PLACE, exact: true })).toBeChecked();
  await back(page).click();
  await expectPage(page, HEADINGS.clinician);
  await expect(page.getByRole('radio', { name: BAND_6, exact: true })).toBeChecked();
  await moveOverSymptoms(page, () => back(page).click(), HEADINGS.service);
  await expectPage(page, HEADINGS.service);
  await expect(page.getByRole('radio', { name: SERVICE, exact: true })).toBeChecked();
});

test('a deep link with an unknown clinician asks who the patient needs to see', async ({ page }) => {
  await openStart(page, '?service=physio-msk&band=nope&locality=hinchingbrooke');
  await startNow(page);
  await passScreening(page, HEADINGS.start);
  await expectPage(page, HEADINGS.clinician);
  for (const radio of await page.getByRole('radio').all()) await expect(radio).not.toBeChecked();
});

test('a deep link with an unknown service asks what the appointment is for', async ({ page }) => {
  await openStart(page, '?service=nope&band=band-6&locality=hinchingbrooke');
  await startNow(page);
  await expectPage(page, HEADINGS.service);
  for (const radio of await page.getByRole('radio').all()) await expect(radio).not.toBeChecked();
});

test('refreshing check answers and the details page keeps every answer (this tab only)', async ({ page, demo }) => {
  await walkTo(page, demo, 'check');
  const when = (await summaryValue(page, 'Date and time').textContent())!.trim();

  await page.reload();
  await expectPage(page, HEADINGS.check, { focus: false });
  await expect(summaryValue(page, 'Name')).toHaveText(`${PATIENT.first} ${PATIENT.last}`);
  await expect(summaryValue(page, 'NHS number')).toHaveText(PATIENT.nhs);
  await expect(summaryValue(page, 'Mobile phone')).toHaveText(PATIENT.phone);
  await expect(summaryValue(page, 'Date and time')).toHaveText(when);
  await expect(summaryValue(page, 'Location')).toContainText(PLACE);

  await page.getByRole('link', { name: 'Change name', exact: true }).click();
  await expectPage(page, HEADINGS.details);
  await page.reload();
  await expectPage(page, HEADINGS.details, { focus: false });
  const f = detailsFields(page);
  await expect(f.first).toHaveValue(PATIENT.first);
  await expect(f.last).toHaveValue(PATIENT.last);
  await expect(f.day).toHaveValue(PATIENT.day);
  await expect(f.month).toHaveValue(PATIENT.month);
  await expect(f.year).toHaveValue(PATIENT.year);
  await expect(f.nhs).toHaveValue(PATIENT.nhs);
  await expect(f.phone).toHaveValue(PATIENT.phone);
  await expect(f.email).toHaveValue(PATIENT.email);
  await expect(f.bySms).toBeChecked();
  expect(await page.evaluate(() => window.localStorage.length)).toBe(0);

  // Another tab starts afresh: the answers live in this tab's session only.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
  await settled(other);
  await expect(other.getByRole('main')).not.toContainText(PATIENT.last);
  const typed = await other.evaluate(
    (values) => Array.from(document.querySelectorAll('input')).some((i) => values.includes(i.value)),
    [PATIENT.first, PATIENT.last, PATIENT.nhs, PATIENT.phone],
  );
  expect(typed, 'another tab shows none of the details').toBe(false);
  await other.close();
});

test('typing on the details page, then refreshing before Continue, keeps what was typed after an error', async ({ page, demo }) => {
  await walkTo(page, demo, 'details');
  const f = detailsFields(page);
  await f.first.fill(PATIENT.first);
  await f.last.fill(PATIENT.last);
  await continueButton(page).click();
  await expect(page).toHaveTitle(/^Error: /);
  await page.reload();
  await expectPage(page, HEADINGS.details, { focus: false });
  await expect(f.first).toHaveValue(PATIENT.first);
  await expect(f.last).toHaveValue(PATIENT.last);
});

test('moving through days, then refreshing, keeps the day on show', async ({ page, demo }) => {
  await walkTo(page, demo, 'time');
  const firstDay = (await dayHeading(page).textContent())!.trim();
  await expect(page.getByRole('button', { name: 'Previous day' })).toBeDisabled();

  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(dayHeading(page)).not.toHaveText(firstDay);
  const secondDay = (await dayHeading(page).textContent())!.trim();
  // The day change is announced politely.
  await expect(page.getByText(new RegExp(`^\\d+ times? available on ${secondDay}$`))).toBeAttached();
  await expect(page.getByRole('button', { name: 'Previous day' })).toBeEnabled();

  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(dayHeading(page)).not.toHaveText(secondDay);
  const thirdDay = (await dayHeading(page).textContent())!.trim();
  const date = new URL(page.url()).searchParams.get('date');
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await page.reload();
  await expectPage(page, HEADINGS.time, { focus: false });
  await expect(dayHeading(page)).toHaveText(thirdDay);
  expect(new URL(page.url()).searchParams.get('date')).toBe(date);
  await expect(page.getByText(PLACE, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(dayHeading(page)).toHaveText(secondDay);

  // "Or choose a day" jumps straight to a day.
  const picker = page.getByLabel('Or choose a day');
  const options = await picker.getByRole('option').allTextContents();
  expect(options.length).toBeGreaterThan(3);
  await picker.selectOption({ index: 3 });
  // The option names the day in short ("Fri 27 Nov …"); the heading names it in full.
  const [weekday, dayOfMonth] = options[3].trim().split(/\s+/);
  await expect(dayHeading(page)).toHaveText(new RegExp(`^${weekday.slice(0, 3)}\\w*day ${dayOfMonth} `));
  expect(new URL(page.url()).searchParams.get('date')).not.toBe(date);
});

test('the times of each day replace the last day\'s in place: a chosen time is chosen on its own day only, and the day list follows', async ({ page, demo }) => {
  await walkTo(page, demo, 'time');
  const radios = timeRadios(page);
  const picker = page.getByLabel('Or choose a day');
  const checkedValues = () => radios.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).map((e) => (e as HTMLInputElement).value));
  const ids = () => radios.evaluateAll((els) => els.map((e) => e.id));

  // The first day with two times or more (late in the day, today may have one left).
  await expect(radios.first()).toBeVisible();
  let base = 0;
  while ((await radios.count()) < 2) {
    base += 1;
    await page.getByRole('button', { name: 'Next day', exact: true }).click();
    await expect(picker).toHaveValue(String(base));
    await expect(radios.first()).toBeVisible();
  }

  // Choose the second time of that day.
  await radios.nth(1).check();
  const chosen = await radios.nth(1).getAttribute('value');
  const chosenName = await radios.nth(1).getAttribute('id');
  expect(chosenName).toBe('slot-2');
  const firstDay = (await dayHeading(page).textContent())!.trim();
  await expect(picker).toHaveValue(String(base));

  // Another day: its own times, none chosen, ids numbered from the top again, the list moved on.
  await page.getByRole('button', { name: 'Next day', exact: true }).click();
  await expect(dayHeading(page)).not.toHaveText(firstDay);
  await expect(picker).toHaveValue(String(base + 1));
  expect(await checkedValues()).toEqual([]);
  const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values).not.toContain(chosen);
  expect(new Set(values).size, 'no time shown twice').toBe(values.length);
  const dayIds = await ids();
  expect(dayIds[0]).toBe('slot');
  expect(dayIds).toEqual(dayIds.map((_, i) => (i === 0 ? 'slot' : `slot-${i + 1}`)));
  // Each label still belongs to its own radio.
  for (const id of dayIds.slice(0, 3)) {
    await expect(page.locator(`label[for="${id}"]`)).toHaveCount(1);
  }

  // Back to the first day by the list: the chosen time is chosen again, and only it.
  await picker.selectOption({ index: base });
  await expect(dayHeading(page)).toHaveText(firstDay);
  await expect(picker).toHaveValue(String(base));
  expect(await checkedValues()).toEqual([chosen]);

  // Choosing on the second day replaces the choice; going back shows nothing chosen there.
  await page.getByRole('button', { name: 'Next day', exact: true }).click();
  await expect(picker).toHaveValue(String(base + 1));
  await radios.first().check();
  const second = await radios.first().getAttribute('value');
  await page.getByRole('button', { name: 'Previous day', exact: true }).click();
  await expect(dayHeading(page)).toHaveText(firstDay);
  expect(await checkedValues()).toEqual([]);
  await page.getByRole('button', { name: 'Next day', exact: true }).click();
  expect(await checkedValues()).toEqual([second]);
  // (Past "Who is this appointment for?" with "Me" when a 1.1 API asks it.)
  await continueOn(page, HEADINGS.time);
  await expectPage(page, HEADINGS.details);
  expect(new URL(page.url()).searchParams.get('slot')).toBe(second);
});

test('browser Back and Forward move through the steps with the answers given', async ({ page, demo }) => {
  await walkTo(page, demo, 'time');
  await page.goBack();
  await expectPage(page, HEADINGS.location);
  await expect(page.getByRole('radio', { name: PLACE, exact: true })).toBeChecked();
  await page.goBack();
  await expectPage(page, HEADINGS.clinician);
  await expect(page.getByRole('radio', { name: BAND_6, exact: true })).toBeChecked();
  // (Across "Do you have any of these symptoms?" when a 1.1 API asked it.)
  await moveOverSymptoms(page, () => page.goBack(), HEADINGS.service);
  await expectPage(page, HEADINGS.service);
  await expect(page.getByRole('radio', { name: SERVICE, exact: true })).toBeChecked();
  await moveOverSymptoms(page, () => page.goForward(), HEADINGS.clinician);
  await expectPage(page, HEADINGS.clinician);
  await page.goForward();
  await expectPage(page, HEADINGS.location);
  await page.goForward();
  await expectPage(page, HEADINGS.time);
  await expect(timeRadios(page).first()).toBeVisible();
});

test('Back after the confirmation never books again', async ({ page, demo }) => {
  await walkTo(page, demo, 'confirmation');
  expect(await demo.patientBookings()).toHaveLength(1);
  const posts = recordBookingPosts(page);

  await page.goBack();
  await expect(h1(page)).toBeVisible();
  await settled(page);
  await expect(h1(page)).not.toHaveText(HEADINGS.confirmation);
  await page.goBack();
  await expect(h1(page)).toBeVisible();
  await settled(page);
  await page.goForward();
  await page.goForward();
  await expect(h1(page)).toBeVisible();
  await settled(page);

  expect(posts).toHaveLength(0);
  expect(await demo.patientBookings()).toHaveLength(1);
});

test('"Change date of birth" on check answers comes back to check answers after Continue', async ({ page, demo }) => {
  await walkTo(page, demo, 'check');
  await page.getByRole('link', { name: 'Change date of birth', exact: true }).click();
  await expectPage(page, HEADINGS.details);
  expect(new URL(page.url()).searchParams.get('change')).toBe('1');
  const f = detailsFields(page);
  await expect(f.year).toHaveValue(PATIENT.year);
  await f.year.fill('1959');
  await continueButton(page).click();

  await expectPage(page, HEADINGS.check);
  await expect(summaryValue(page, 'Date of birth')).toContainText('1959');
  await expect(summaryValue(page, 'Name')).toHaveText(`${PATIENT.first} ${PATIENT.last}`);
  await expect(bookButton(page)).toBeVisible();
});

test('"Change date and time" comes back to check answers with the new time and the details kept', async ({ page, demo }) => {
  const { slotId } = await walkTo(page, demo, 'check');
  await page.getByRole('link', { name: 'Change date and time', exact: true }).click();
  await expectPage(page, HEADINGS.time);
  await expect(timeRadios(page).first()).toBeVisible();
  // The time chosen before is selected.
  await expect(page.getByRole('radio', { checked: true })).toHaveAttribute('value', slotId!);
  // Pick a different time on a later day.
  await page.getByRole('button', { name: 'Next day' }).click();
  const other = timeRadios(page).first();
  await other.check();
  const otherId = await other.getAttribute('value');
  expect(otherId).not.toBe(slotId);
  await continueButton(page).click();

  await expectPage(page, HEADINGS.check);
  expect(slotFromUrl(page)).toBe(otherId);
  await expect(summaryValue(page, 'Name')).toHaveText(`${PATIENT.first} ${PATIENT.last}`);
});

test('"Back" on a page reached by "Change" returns to check answers', async ({ page, demo }) => {
  await walkTo(page, demo, 'check');
  await page.getByRole('link', { name: 'Change clinician', exact: true }).click();
  await expectPage(page, HEADINGS.clinician);
  await back(page).click();
  await expectPage(page, HEADINGS.check);
  await expect(summaryValue(page, 'Name')).toHaveText(`${PATIENT.first} ${PATIENT.last}`);
});
