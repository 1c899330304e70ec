// Safe and inclusive booking (contract 1.1: `screening`, `needs`, `booked_by`): urgent symptoms
// stop the booking and send nothing; "None of these" is exclusive and sent as "none"; each kind
// of support is sent exactly as chosen and read back on every page that shows the booking;
// booking for someone else; what the API and the patient type stays text; and against a 1.0
// API (or one that offers only part of 1.1) none of the pages it cannot use appear.
import type { Page, Route } from '@playwright/test';
import {
  HEADINGS,
  PATIENT,
  PLACE,
  REFERENCE,
  SERVICE,
  TITLE_SUFFIX,
  bookButton,
  chooseBand,
  chooseLocality,
  continueButton,
  errorSummary,
  expect,
  expectErrors,
  expectPage,
  fillDetails,
  h1,
  openStart,
  personalStrings,
  pickTime,
  startNow,
  summaryRow,
  summaryValue,
  test,
  timeRadios,
  type Demo,
} from './helpers';
import { MANAGE, findBooking, openFind } from './helpers-manage';
import {
  expectOnlyCounts,
  isCount,
  ACCESS,
  BOOKER,
  COMMUNICATION,
  ERRORS,
  HINCHINGBROOKE_ACCESS,
  NEW_FEATURES,
  NOT_SENT,
  SYMPTOMS,
  SYMPTOMS_HINT,
  SYMPTOM_IDS,
  URGENT_TEXT,
  backLink,
  bookerFields,
  bookingPosts,
  countMessage,
  fillBooker,
  fillNeeds,
  fillTheirDetails,
  needsBody,
  needsFields,
  noneOfThese,
  pickLanguageByKeyboard,
  radio,
  recordRequests,
  requireFeatures,
  rowLines,
  supportLines,
  symptom,
  theirDetailsFields,
  walkInclusive,
  type Needs,
  type Sent,
} from './helpers-inclusive';

/** The one booking request sent, parsed. */
function onlyBooking(sent: Sent[]): Record<string, unknown> {
  const posts = bookingPosts(sent);
  expect(posts, 'exactly one POST /api/bookings').toHaveLength(1);
  return JSON.parse(posts[0].body ?? '{}');
}

/** Finds a booking the patient just made and waits for "Your appointment". */
async function openManage(page: Page, reference: string, p = PATIENT): Promise<void> {
  await openFind(page);
  await findBooking(page, reference, p);
  await expectPage(page, MANAGE.booking, { focus: false });
  await expect(page.getByText(`Reference ${reference}`, { exact: true })).toBeVisible();
}

/** No script from text ran and no element was made from it. */
async function expectStayedText(page: Page, where: string, sent: Sent[] = []): Promise<void> {
  // An <img src=x onerror=…> would fire after its failed load: give it time to.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `window.__pwned on ${where}`).toBeUndefined();
  await expect(page.locator('main img, main script:not([type="application/json"]), main b, main a[href^="javascript"]'), `elements made from text on ${where}`).toHaveCount(0);
  expect(sent.filter((s) => new URL(s.url).pathname === '/x'), `a request for the hostile <img src=x> on ${where}`).toEqual([]);
}

// =============================================================================================

test.describe('contract 1.1', () => {
  test.beforeEach(async ({ request }) => {
    await requireFeatures(request, ...NEW_FEATURES);
  });

  // -------------------------------------------------------------------------------------------
  // Urgent symptoms

  test('a symptom leads to "Get help now": a 999 link, no booking and nothing about it sent; Back returns to the symptoms', async ({ page, demo }) => {
    const sent = recordRequests(page);
    const addresses: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) addresses.push(f.url());
    });
    await walkInclusive(page, demo, 'symptoms');
    await expectPage(page, HEADINGS.symptoms, { focus: true });
    // The API's words: its question, its hint, each symptom, then "or" and "None of these".
    const group = page.getByRole('group', { name: HEADINGS.symptoms });
    await expect(group).toHaveAccessibleDescription(SYMPTOMS_HINT);
    await expect(group.getByRole('checkbox')).toHaveCount(4);
    for (const [i, text] of [SYMPTOMS.bladder, SYMPTOMS.saddle, SYMPTOMS.legs, 'None of these'].entries()) {
      await expect(group.getByRole('checkbox').nth(i)).toHaveAccessibleName(text);
    }
    await expect(group.getByText('or', { exact: true })).toBeVisible();
    const before = sent.length;

    await symptom(page, SYMPTOMS.saddle).check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.urgent);
    await expect(page).toHaveTitle(`${HEADINGS.urgent}${TITLE_SUFFIX}`);
    // A red care card (the NHS "immediate action required" card) holds the heading.
    await expect(page.locator('.nhsb-care-card').getByRole('heading', { level: 1, name: HEADINGS.urgent })).toBeVisible();
    await expect(page.getByText(URGENT_TEXT, { exact: true })).toBeVisible();
    const call = page.getByRole('link', { name: 'Call 999', exact: true });
    await expect(call).toBeVisible();
    await expect(call).toHaveAttribute('href', 'tel:999');
    await expect(page.getByText(NOT_SENT, { exact: true })).toBeVisible();
    await expect(backLink(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
    await expect(bookButton(page)).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('radio')).toHaveCount(0);

    // Nothing booked, nothing about the symptom in any request or address.
    expect(bookingPosts(sent), 'no POST /api/bookings').toEqual([]);
    // Only the anonymous count that the urgent page showed (issue 18), nothing about the symptom.
    expect(sent.slice(before).filter((s) => s.method !== 'GET' && !isCount(s)), 'no request but GETs after the answer').toEqual([]);
    expectOnlyCounts(sent);
    const told = [...SYMPTOM_IDS, ...Object.values(SYMPTOMS), 'symptom', 'screening', 'Numbness', 'bladder'];
    for (const s of sent) {
      // A count names the page that showed ("symptoms"), never what was chosen on it.
      for (const word of isCount(s) ? told.filter((w) => w !== 'symptom') : told) {
        expect(decodeURIComponent(s.url), `${s.method} ${s.url}`).not.toContain(word);
        expect(s.body ?? '', `body of ${s.method} ${s.url}`).not.toContain(word);
      }
    }
    for (const address of [...addresses, page.url()]) {
      for (const word of SYMPTOM_IDS) expect(address, `address ${address}`).not.toContain(word);
    }
    expect(await demo.patientBookings()).toEqual([]);

    await backLink(page).click();
    await expectPage(page, HEADINGS.symptoms);
    await expect(noneOfThese(page)).not.toBeChecked();
    expect(bookingPosts(sent)).toEqual([]);
  });

  test('after a symptom, an address further on (the times, check answers) brings back the symptoms question, never a booking step', async ({ page, demo }) => {
    const sent = recordRequests(page);
    await walkInclusive(page, demo, 'symptoms');
    await symptom(page, SYMPTOMS.legs).check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.urgent, { focus: false });
    for (const address of ['/time?service=physio-msk&band=band-6&locality=hinchingbrooke', '/check-your-answers?service=physio-msk&band=band-6&locality=hinchingbrooke']) {
      await page.goto(address);
      await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
      await expect(h1(page)).toHaveText(/^(Do you have any of these symptoms\?|Get help now)$/);
      await expect(timeRadios(page)).toHaveCount(0);
      await expect(bookButton(page)).toHaveCount(0);
    }
    expect(bookingPosts(sent)).toEqual([]);
    expect(sent.filter((s) => new URL(s.url).pathname === '/api/slots'), 'no times even asked for').toEqual([]);
  });

  test('"None of these" is exclusive: it unticks every symptom, and a symptom unticks it; nothing ticked is an error', async ({ page, demo }) => {
    await walkInclusive(page, demo, 'symptoms');
    await continueButton(page).click();
    const summary = await expectErrors(page, [ERRORS.symptoms]);
    await expect(page).toHaveTitle(`Error: ${HEADINGS.symptoms}${TITLE_SUFFIX}`);
    await expect(page.getByText(`Error: ${ERRORS.symptoms}`, { exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: HEADINGS.symptoms })).toHaveAccessibleDescription(new RegExp(ERRORS.symptoms));
    await summary.getByRole('link', { name: ERRORS.symptoms }).click();
    await expect(symptom(page, SYMPTOMS.bladder), 'the error links to the first box').toBeFocused();

    await symptom(page, SYMPTOMS.bladder).check();
    await symptom(page, SYMPTOMS.legs).check();
    await noneOfThese(page).check();
    await expect(noneOfThese(page)).toBeChecked();
    for (const text of Object.values(SYMPTOMS)) await expect(symptom(page, text), `"${text}" unticked by "None of these"`).not.toBeChecked();

    await symptom(page, SYMPTOMS.saddle).check();
    await expect(symptom(page, SYMPTOMS.saddle)).toBeChecked();
    await expect(noneOfThese(page), '"None of these" unticked by a symptom').not.toBeChecked();

    // Unticking the symptom leaves nothing ticked: the error again.
    await symptom(page, SYMPTOMS.saddle).uncheck();
    await continueButton(page).click();
    await expectErrors(page, [ERRORS.symptoms]);
    await noneOfThese(page).check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.clinician);
  });

  test('"None of these", "Me" and "No": the booking says screening "none", empty needs and no booked_by; check answers says so', async ({ page, demo }) => {
    const sent = recordRequests(page);
    const { slotId } = await walkInclusive(page, demo, 'check');
    await expect(summaryValue(page, 'Urgent symptoms')).toHaveText('None of these');
    await expect(summaryValue(page, 'Who it is for')).toHaveText('Me');
    await expect(rowLines(page, 'Support')).toHaveText(supportLines('none'));
    await expect(summaryRow(page, 'Booked by')).toHaveCount(0);
    for (const change of ['Change urgent symptoms', 'Change who the appointment is for', 'Change support']) {
      await expect(page.getByRole('link', { name: change, exact: true })).toBeVisible();
    }
    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    const body = onlyBooking(sent);
    expect(body.slot_id).toBe(slotId);
    expect(body.screening).toBe('none');
    expect(body.needs).toEqual({ interpreter: null, communication: [], access: [], other: null });
    expect(body, 'no booked_by when booking for yourself').not.toHaveProperty('booked_by');
    await expect(rowLines(page, 'Support')).toHaveText(supportLines('none'));
    await expect(summaryRow(page, 'Booked by')).toHaveCount(0);
    await expect(page.getByText(/It was booked by/)).toHaveCount(0);
  });

  // -------------------------------------------------------------------------------------------
  // Support

  test('each kind of support is sent exactly as chosen and shown on check answers, the confirmation and "Your appointment"', async ({ page, demo, request }) => {
    const sent = recordRequests(page);
    await walkInclusive(page, demo, 'support-needed');
    await expectPage(page, HEADINGS.supportNeeded, { focus: false });
    const f = needsFields(page);
    // The interpreter with the keyboard only: type, arrow down to the suggestion, Enter.
    await pickLanguageByKeyboard(page, 'Pol', 'Polish');
    await f.letters.getByRole('checkbox', { name: 'Large print', exact: true }).check();
    await f.access.getByRole('checkbox', { name: 'Step-free access', exact: true }).check();
    const other = 'I use a wheelchair; please book a ground-floor room.';
    await f.other.fill(other);
    const needs: Needs = { interpreter: 'Polish', communication: ['Large print'], access: ['Step-free access'], other };
    await continueButton(page).click();

    await expectPage(page, HEADINGS.check);
    await expect(rowLines(page, 'Support')).toHaveText(supportLines(needs));
    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    const reference = (await page.getByText(REFERENCE).textContent())!.trim();
    const body = onlyBooking(sent);
    expect(body.needs).toEqual({ interpreter: 'Polish', communication: ['large_print'], access: ['step_free'], other });
    expect(body.screening).toBe('none');
    await expect(rowLines(page, 'Support')).toHaveText(supportLines(needs));

    // The API holds what was sent.
    const held = await (await request.get(`/api/bookings/${reference}?date_of_birth=1958-02-28`)).json();
    expect(held.needs).toEqual(body.needs);

    await openManage(page, reference);
    await expect(rowLines(page, 'Support')).toHaveText(supportLines(needs));
    await expect(summaryRow(page, 'Booked by')).toHaveCount(0);
  });

  test('every format and every access need is sent as its API value, in order; "BSL" suggests British Sign Language', async ({ page, demo }) => {
    const sent = recordRequests(page);
    await walkInclusive(page, demo, 'support-needed');
    const f = needsFields(page);
    await f.interpreter.focus();
    await page.keyboard.type('BSL');
    await expect(f.suggestions.getByRole('option')).toHaveText(['British Sign Language']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(f.interpreter).toHaveValue('British Sign Language');
    await expect(f.letters.getByRole('checkbox')).toHaveCount(COMMUNICATION.length);
    await expect(f.access.getByRole('checkbox')).toHaveCount(ACCESS.length);
    const needs: Needs = {
      interpreter: 'British Sign Language',
      communication: COMMUNICATION.map(([l]) => l),
      access: ACCESS.map(([l]) => l),
    };
    await fillNeeds(page, { communication: needs.communication, access: needs.access });
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);
    await expect(rowLines(page, 'Support')).toHaveText(supportLines(needs));
    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    expect(onlyBooking(sent).needs).toEqual(needsBody(needs));
    await expect(rowLines(page, 'Support')).toHaveText(supportLines(needs));
  });

  test('a language typed that is not in the list is sent as typed', async ({ page, demo }) => {
    const sent = recordRequests(page);
    await walkInclusive(page, demo, 'support-needed');
    const f = needsFields(page);
    await f.interpreter.focus();
    await page.keyboard.type('Sylheti');
    await page.keyboard.press('Escape');
    await expect(f.interpreter).toHaveValue('Sylheti');
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);
    await expect(rowLines(page, 'Support')).toHaveText(['Interpreter: Sylheti']);
    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    expect(onlyBooking(sent).needs).toEqual({ interpreter: 'Sylheti', communication: [], access: [], other: null });
  });

  test('the chosen place\'s access notes show in an inset "At <place>", and no inset when the API gives none', async ({ page, demo }) => {
    await walkInclusive(page, demo, 'support-needed');
    const inset = page.getByRole('main').locator('.nhsb-inset-text').filter({ hasText: `At ${PLACE}` });
    await expect(inset).toBeVisible();
    await expect(inset.getByText(`At ${PLACE}`, { exact: true })).toBeVisible();
    await expect(inset.getByText(HINCHINGBROOKE_ACCESS, { exact: true })).toBeVisible();
    // The notes sit with the access needs (before "At your appointment").
    const order = await page.evaluate(() => {
      const inset = [...document.querySelectorAll('main .nhsb-inset-text')].find((e) => /^At /.test(e.textContent ?? ''));
      const legend = [...document.querySelectorAll('main legend')].find((e) => e.textContent === 'At your appointment');
      return !!inset && !!legend && !!(inset.compareDocumentPosition(legend) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order, 'the inset comes just before "At your appointment"').toBe(true);

    // A place without `access` (in a new tab, so the journey starts afresh): no inset.
    const other = await page.context().newPage();
    await other.route(
      (url) => url.pathname === '/api/localities',
      async (route) => {
        const res = await route.fetch();
        const json = await res.json();
        for (const l of json.localities) delete l.access;
        await route.fulfill({ response: res, json });
      },
    );
    await walkInclusive(other, demo, 'support-needed');
    await expect(needsFields(other).access).toBeVisible();
    await expect(other.getByText(`At ${PLACE}`, { exact: true })).toHaveCount(0);
    await expect(other.getByText(HINCHINGBROOKE_ACCESS)).toHaveCount(0);
    await expect(other.getByRole('main').locator('.nhsb-inset-text')).toHaveCount(0);
    await other.close();
  });

  test('"Anything else" counts characters; over 500 is an error and nothing is sent', async ({ page, demo }) => {
    const sent = recordRequests(page);
    await walkInclusive(page, demo, 'support-needed');
    const f = needsFields(page);
    await expect(countMessage(page)).toHaveText('You have 500 characters remaining');
    await expect(f.other).toHaveAccessibleDescription(/You can enter up to 500 characters/);
    await f.other.fill('x'.repeat(20));
    await expect(countMessage(page)).toHaveText('You have 480 characters remaining');
    await f.other.fill('x'.repeat(500));
    await expect(countMessage(page)).toHaveText('You have 0 characters remaining');
    await f.other.fill('x'.repeat(501));
    await expect(countMessage(page)).toHaveText('You have 1 character too many');
    const long = 'y'.repeat(510);
    await f.other.fill(long);
    await expect(countMessage(page)).toHaveText('You have 10 characters too many');
    // Screen readers hear the count politely once typing pauses.
    await expect(page.getByRole('status').filter({ hasText: 'You have 10 characters too many' })).toBeAttached();
    await continueButton(page).click();

    const summary = await expectErrors(page, [ERRORS.otherTooLong]);
    await expect(page).toHaveTitle(`Error: ${HEADINGS.supportNeeded}${TITLE_SUFFIX}`);
    await expect(page.getByText(`Error: ${ERRORS.otherTooLong}`, { exact: true })).toBeVisible();
    await expect(f.other).toHaveAccessibleDescription(new RegExp(ERRORS.otherTooLong));
    await expect(f.other, 'nothing typed is lost').toHaveValue(long);
    await expect(countMessage(page)).toHaveText('You have 10 characters too many');
    await summary.getByRole('link', { name: ERRORS.otherTooLong }).click();
    await expect(f.other).toBeFocused();
    expect(bookingPosts(sent)).toEqual([]);
    expect(sent.filter((s) => s.method !== 'GET' && !isCount(s)), 'nothing sent but GETs').toEqual([]);
    expectOnlyCounts(sent, [long.slice(0, 40)]);
    expect(sent.filter((s) => (s.body ?? '').includes('yyyy') || s.url.includes('yyyy')), 'the text never left the page').toEqual([]);

    // 500 exactly is fine.
    await f.other.fill('z'.repeat(500));
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);
    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    expect((onlyBooking(sent).needs as { other: string }).other).toBe('z'.repeat(500));
  });

  test('the new questions say what is missing: who-for, support and "What support do you need?" with nothing chosen', async ({ page, demo }) => {
    await walkInclusive(page, demo, 'who-for');
    await continueButton(page).click();
    await expectErrors(page, [ERRORS.whoFor]);
    await expect(page).toHaveTitle(`Error: ${HEADINGS.whoFor}${TITLE_SUFFIX}`);
    await errorSummary(page).getByRole('link', { name: ERRORS.whoFor }).click();
    await expect(radio(page, 'Me')).toBeFocused();
    await radio(page, 'Me').check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.details);
    await fillDetails(page);
    await continueButton(page).click();

    await expectPage(page, HEADINGS.support);
    await expect(page.getByRole('group', { name: HEADINGS.support })).toHaveAccessibleDescription(/For example, an interpreter/);
    await continueButton(page).click();
    await expectErrors(page, [ERRORS.support]);
    await expect(page).toHaveTitle(`Error: ${HEADINGS.support}${TITLE_SUFFIX}`);
    await radio(page, 'Yes').check();
    await continueButton(page).click();

    await expectPage(page, HEADINGS.supportNeeded);
    await continueButton(page).click();
    await expectErrors(page, [ERRORS.supportNeeded]);
    await expect(page).toHaveTitle(`Error: ${HEADINGS.supportNeeded}${TITLE_SUFFIX}`);
    // Whitespace only is nothing too.
    await needsFields(page).other.fill('   ');
    await continueButton(page).click();
    await expectErrors(page, [ERRORS.supportNeeded]);
    // Going back and saying no is a way on.
    await backLink(page).click();
    await expectPage(page, HEADINGS.support);
    await radio(page, 'No').check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);
    await expect(rowLines(page, 'Support')).toHaveText(['No support needed']);
  });

  // -------------------------------------------------------------------------------------------
  // Booking for someone else

  test('booking for someone else, end to end: "About you", "Their details" in the third person, booked_by sent, both named on the confirmation and "Your appointment"', async ({ page, demo }) => {
    const sent = recordRequests(page);
    const addresses: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) addresses.push(f.url());
    });
    await walkInclusive(page, demo, 'who-for');
    await expect(radio(page, 'Someone else')).toHaveAccessibleDescription(/For example, a family member or someone you care for/);
    await radio(page, 'Someone else').check();
    await continueButton(page).click();

    // About you: three boxes, each error its own, a phone number that is a UK number.
    await expectPage(page, HEADINGS.aboutYou);
    const b = bookerFields(page);
    await expect(b.name).toHaveAttribute('autocomplete', 'name');
    await expect(b.phone).toHaveAttribute('autocomplete', 'tel');
    await continueButton(page).click();
    const summary = await expectErrors(page, [ERRORS.bookerName, ERRORS.bookerRelationship, ERRORS.bookerPhone]);
    await expect(page).toHaveTitle(`Error: ${HEADINGS.aboutYou}${TITLE_SUFFIX}`);
    for (const [message, field] of [
      [ERRORS.bookerName, b.name],
      [ERRORS.bookerRelationship, b.relationship],
      [ERRORS.bookerPhone, b.phone],
    ] as const) {
      await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[()]/g, '\\$&')));
      await summary.getByRole('link', { name: message, exact: true }).click();
      await expect(field, `"${message}" focuses its box`).toBeFocused();
    }
    await fillBooker(page, { ...BOOKER, phone: '12' });
    await continueButton(page).click();
    await expectErrors(page, [ERRORS.bookerPhoneFormat]);
    await expect(b.name, 'nothing typed is lost').toHaveValue(BOOKER.name);
    await b.phone.fill(BOOKER.phone);
    await continueButton(page).click();

    // Their details: the same questions about them.
    await expectPage(page, HEADINGS.theirDetails);
    const t = theirDetailsFields(page);
    for (const field of [t.first, t.last, t.day, t.month, t.year, t.nhs, t.noNhs, t.phone, t.email, t.bySms, t.byEmail]) {
      await expect(field).toBeVisible();
    }
    await expect(page.getByLabel('Mobile phone number', { exact: true }), 'no first-person label left').toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'I do not know my NHS number' })).toHaveCount(0);
    await continueButton(page).click();
    await expectErrors(page, [
      'Enter their first name',
      'Enter their last name',
      'Enter their date of birth',
      'Enter their NHS number, or select ‘I do not know their NHS number’',
    ]);
    await expect(page).toHaveTitle(`Error: ${HEADINGS.theirDetails}${TITLE_SUFFIX}`);
    await expect(t.dob).toHaveAccessibleDescription(/Enter their date of birth/);
    await fillTheirDetails(page);
    await continueButton(page).click();

    // Support, about them.
    await expectPage(page, HEADINGS.supportThem);
    await continueButton(page).click();
    await expectErrors(page, [ERRORS.supportThem]);
    await radio(page, 'Yes').check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.supportNeededThem);
    const needs: Needs = { communication: ['Easy read'], access: ['A chaperone'] };
    await fillNeeds(page, needs, 'them');
    await continueButton(page).click();

    // Check answers: who it is for, who booked, their details, their support.
    await expectPage(page, HEADINGS.check);
    await expect(summaryValue(page, 'Who it is for')).toHaveText('Someone else');
    await expect(rowLines(page, 'Booked by')).toHaveText([`${BOOKER.name} (${BOOKER.relationship})`, BOOKER.phone]);
    await expect(page.getByRole('link', { name: 'Change your details', exact: true })).toBeVisible();
    await expect(summaryValue(page, 'Name')).toHaveText(`${PATIENT.first} ${PATIENT.last}`);
    await expect(rowLines(page, 'Support')).toHaveText(supportLines(needs));
    await bookButton(page).click();

    await expectPage(page, HEADINGS.confirmation);
    const reference = (await page.getByText(REFERENCE).textContent())!.trim();
    const body = onlyBooking(sent);
    expect(body.booked_by).toEqual({ name: BOOKER.name, relationship: BOOKER.relationship, phone: BOOKER.phone });
    expect((body.patient as { given_name: string }).given_name, 'the patient stays the patient').toBe(PATIENT.first);
    expect((body.patient as { phone: string }).phone).toBe(PATIENT.phone);
    expect(body.needs).toEqual(needsBody(needs));
    expect(body.screening).toBe('none');
    await expect(
      page.getByText(`This appointment is for ${PATIENT.first} ${PATIENT.last}. It was booked by ${BOOKER.name}.`, { exact: true }),
    ).toBeVisible();
    await expect(rowLines(page, 'Booked by')).toHaveText([`${BOOKER.name} (${BOOKER.relationship})`, BOOKER.phone]);
    await expect(rowLines(page, 'Support')).toHaveText(supportLines(needs));

    // Nothing about the booker in an address (the tab's, or a request's outside the API body).
    const secrets = [BOOKER.name, encodeURIComponent(BOOKER.name), BOOKER.phone.replace(/\s/g, ''), encodeURIComponent(BOOKER.phone), BOOKER.relationship];
    for (const url of [...addresses, ...sent.map((r) => r.url)]) {
      for (const secret of secrets) expect(decodeURIComponent(url), `address ${url}`).not.toContain(secret);
    }
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await openManage(page, reference);
    await expect(rowLines(page, 'Booked by')).toHaveText([`${BOOKER.name} (${BOOKER.relationship})`, BOOKER.phone]);
    await expect(rowLines(page, 'Support')).toHaveText(supportLines(needs));
  });

  // The rule session.spec.ts holds for a booking ("only the booking is kept: no name, birth date,
  // NHS number or phone") holds when booking for someone else too, the booker included. (The
  // build frozen at 01:47 UTC kept the patient's name in "nhs-booking:booked-for" and the
  // booker's name and phone in "nhs-booking:booked"; the build copied at 02:44 UTC does not.)
  test('a booking for someone else clears the personal details from the tab, as one for yourself does', async ({ page, demo }) => {
    await walkInclusive(page, demo, 'confirmation', { bookedBy: BOOKER });
    const session = await page.evaluate(() => Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`));
    const kept = (secret: string) => session.some((entry) => entry.includes(secret));
    expect.soft(personalStrings().filter(kept), `the patient's details in sessionStorage: ${session.join(' | ')}`).toEqual([]);
    expect.soft([BOOKER.name, BOOKER.phone].filter(kept), `the booker's details in sessionStorage: ${session.join(' | ')}`).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  test('"Start again" deletes the booker, the support asked for and the symptoms answer from the tab', async ({ page, demo }) => {
    const other = 'Secret: my condition';
    await walkInclusive(page, demo, 'check', { bookedBy: BOOKER, needs: { other, interpreter: 'Polish' } });
    const stored = () => page.evaluate(() => Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`).join(' | '));
    expect(await stored(), 'the answers are in the tab before "Start again"').toContain(BOOKER.name);
    await page.getByRole('link', { name: 'Start again and delete your answers', exact: true }).click();
    await expectPage(page, HEADINGS.start);
    const after = await stored();
    for (const secret of [BOOKER.name, BOOKER.phone, BOOKER.relationship, other, 'Polish', ...personalStrings()]) {
      expect(after, `"${secret}" after "Start again"`).not.toContain(secret);
    }
    // A new start asks the symptoms question again, nothing ticked.
    await startNow(page);
    await expectPage(page, HEADINGS.service, { focus: false });
    await radio(page, SERVICE).check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.symptoms);
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
  });

  test('the API refusing booked_by.phone or needs.other (422) takes the patient to that question with its message, answers kept; booking again works', async ({ page, demo }) => {
    const sent = recordRequests(page);
    const other = 'Please call before the appointment';
    await walkInclusive(page, demo, 'check', { bookedBy: BOOKER, needs: { other } });
    const refuse = (field: string, message: string) =>
      page.route(
        (url) => url.pathname === '/api/bookings',
        (r) => r.fulfill({ status: 422, json: { error: { code: 'validation_failed', message: 'Check the details', fields: { [field]: message } } } }),
        { times: 1 },
      );

    await refuse('booked_by.phone', 'Enter a phone number we can call you on');
    await bookButton(page).click();
    await expectPage(page, HEADINGS.aboutYou, { focus: false, title: false });
    await expectErrors(page, ['Enter a phone number we can call you on']);
    await expect(bookerFields(page).phone).toHaveAccessibleDescription(/Enter a phone number we can call you on/);
    await expect(bookerFields(page).name).toHaveValue(BOOKER.name);
    await expect(bookerFields(page).phone).toHaveValue(BOOKER.phone);
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);

    await refuse('needs.other', ERRORS.otherTooLong);
    await bookButton(page).click();
    await expectPage(page, HEADINGS.supportNeededThem, { focus: false, title: false });
    await expectErrors(page, [ERRORS.otherTooLong]);
    await expect(needsFields(page, 'them').other).toHaveValue(other);
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);

    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    expect(bookingPosts(sent)).toHaveLength(3);
    expect(await demo.patientBookings()).toHaveLength(1);
  });

  test('support values the app does not know, read back from the API, are shown in words on "Your appointment"', async ({ page }) => {
    // "Unknown values must be shown generically by a client that reads them back."
    await page.route(
      (url) => url.pathname.startsWith('/api/bookings/'),
      async (route: Route) => {
        const res = await route.fetch();
        const json = await res.json();
        json.needs = { interpreter: 'Welsh', communication: ['large_print', 'sign_video'], access: ['guide_dog'], other: null };
        await route.fulfill({ response: res, json });
      },
    );
    await openManage(page, 'PHY-4B7K2M', { ...PATIENT, day: '28', month: '2', year: '1958' });
    const lines = rowLines(page, 'Support');
    await expect(lines).toHaveCount(4);
    await expect(lines.nth(0)).toHaveText('Interpreter: Welsh');
    await expect(lines.nth(1)).toHaveText('Large print');
    for (const i of [2, 3]) {
      await expect(lines.nth(i), 'an unknown value is shown, not as a raw code').not.toHaveText(/_|^$/);
    }
    await expect(page.getByRole('link', { name: 'Cancel appointment', exact: true })).toBeVisible();
  });

  // The hint under "I do not know their NHS number" asks for the number of the person the
  // appointment is for (it said "We will need your mobile phone number instead" in the build
  // frozen at 01:47 UTC; the build copied at 02:44 UTC says "their").
  test('"Their details": the hint of "I do not know their NHS number" asks for their mobile number, not yours', async ({ page, demo }) => {
    await walkInclusive(page, demo, 'details', { bookedBy: BOOKER });
    const t = theirDetailsFields(page);
    await expect(t.noNhs).toHaveAccessibleDescription(/their mobile phone number/);
  });

  // -------------------------------------------------------------------------------------------
  // Change links

  test('"Change who the appointment is for" and "Change support" go to those questions, with the answers kept, and back to check answers', async ({ page, demo }) => {
    const sent = recordRequests(page);
    await walkInclusive(page, demo, 'check');

    await page.getByRole('link', { name: 'Change who the appointment is for', exact: true }).click();
    await expectPage(page, HEADINGS.whoFor);
    expect(new URL(page.url()).searchParams.get('change')).toBe('1');
    await expect(radio(page, 'Me')).toBeChecked();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);

    // Back from a page reached by "Change" returns to check answers too.
    await page.getByRole('link', { name: 'Change who the appointment is for', exact: true }).click();
    await expectPage(page, HEADINGS.whoFor);
    await backLink(page).click();
    await expectPage(page, HEADINGS.check);

    // "No" → "Yes" with a need → back to check answers with it.
    await page.getByRole('link', { name: 'Change support', exact: true }).click();
    await expectPage(page, HEADINGS.support);
    await expect(radio(page, 'No')).toBeChecked();
    await radio(page, 'Yes').check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.supportNeeded);
    await fillNeeds(page, { access: ['A quiet place to wait'] });
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);
    await expect(rowLines(page, 'Support')).toHaveText(['A quiet place to wait']);
    await expect(summaryValue(page, 'Name'), 'the details are kept').toHaveText(`${PATIENT.first} ${PATIENT.last}`);

    // Now "Change support" opens what was chosen.
    await page.getByRole('link', { name: 'Change support', exact: true }).click();
    await expect(h1(page)).toHaveText(/^(Do you need any support at your appointment\?|What support do you need\?)$/);
    if ((await h1(page).textContent())?.trim() === HEADINGS.support) {
      await expect(radio(page, 'Yes')).toBeChecked();
      await continueButton(page).click();
    }
    await expectPage(page, HEADINGS.supportNeeded);
    await expect(needsFields(page).access.getByRole('checkbox', { name: 'A quiet place to wait', exact: true })).toBeChecked();
    await needsFields(page).letters.getByRole('checkbox', { name: 'Braille', exact: true }).check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.check);
    await expect(rowLines(page, 'Support')).toHaveText(['Braille', 'A quiet place to wait']);
    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    expect(onlyBooking(sent).needs).toEqual({ interpreter: null, communication: ['braille'], access: ['quiet_wait'], other: null });
  });

  test('changing "Me" to "Someone else" from check answers asks about the booker and comes back to check answers', async ({ page, demo }) => {
    const sent = recordRequests(page);
    await walkInclusive(page, demo, 'check');
    await page.getByRole('link', { name: 'Change who the appointment is for', exact: true }).click();
    await expectPage(page, HEADINGS.whoFor);
    await radio(page, 'Someone else').check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.aboutYou);
    await fillBooker(page);
    await continueButton(page).click();
    // Their details may be confirmed on the way (the same person, now in the third person).
    await expect(h1(page)).toHaveText(/^(Their details|Check your answers before booking)$/);
    if ((await h1(page).textContent())?.trim() === HEADINGS.theirDetails) {
      await expect(theirDetailsFields(page).first, 'what was typed is kept').toHaveValue(PATIENT.first);
      await continueButton(page).click();
    }
    await expect(h1(page)).not.toHaveText(HEADINGS.theirDetails);
    if ((await h1(page).textContent())?.trim() === HEADINGS.supportThem) {
      await expect(radio(page, 'No')).toBeChecked();
      await continueButton(page).click();
    }
    await expectPage(page, HEADINGS.check);
    await expect(summaryValue(page, 'Who it is for')).toHaveText('Someone else');
    await expect(rowLines(page, 'Booked by')).toHaveText([`${BOOKER.name} (${BOOKER.relationship})`, BOOKER.phone]);
    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    expect(onlyBooking(sent).booked_by).toEqual(BOOKER);
  });

  // -------------------------------------------------------------------------------------------
  // Hostile text

  test('hostile text typed in "Anything else" and as the booker stays text: on check answers, the confirmation and "Your appointment"', async ({ page, demo }) => {
    const sent = recordRequests(page);
    const img = '<img src=x onerror=window.__pwned=1>';
    const script = '<script>window.__pwned=2</script>';
    const booker = { name: img, relationship: script, phone: '01632 960 001' };
    const needs: Needs = { other: `${img} & ${script} <b>bold</b>` };
    await walkInclusive(page, demo, 'check', { bookedBy: booker, needs });
    await expect(rowLines(page, 'Booked by')).toHaveText([`${img} (${script})`, booker.phone]);
    await expect(rowLines(page, 'Support')).toHaveText([needs.other!]);
    await expectStayedText(page, 'check answers', sent);

    await bookButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    const reference = (await page.getByText(REFERENCE).textContent())!.trim();
    const body = onlyBooking(sent);
    expect(body.booked_by).toEqual(booker);
    expect((body.needs as { other: string }).other, 'sent as typed').toBe(needs.other);
    await expect(page.getByText(`This appointment is for ${PATIENT.first} ${PATIENT.last}. It was booked by ${img}.`, { exact: true })).toBeVisible();
    await expect(rowLines(page, 'Booked by')).toHaveText([`${img} (${script})`, booker.phone]);
    await expect(rowLines(page, 'Support')).toHaveText([needs.other!]);
    await expectStayedText(page, 'confirmation', sent);

    await openManage(page, reference);
    await expect(rowLines(page, 'Booked by')).toHaveText([`${img} (${script})`, booker.phone]);
    await expect(rowLines(page, 'Support')).toHaveText([needs.other!]);
    await expectStayedText(page, '"Your appointment"', sent);
  });

  test('hostile words in the API\'s screening (question, symptom, urgent heading and text) and a place\'s access notes stay text', async ({ page, demo }) => {
    const sent = recordRequests(page);
    const question = 'Do you have <script>window.__pwned=1</script> any of these? <img src=x onerror="window.__pwned=2">';
    const hint = '<b>Select</b> all that apply.';
    const text = '<img src=x onerror="window.__pwned=3"> Numbness <b>bold</b>';
    const heading = 'Get help <script>window.__pwned=4</script> now';
    const urgent = '<img src=x onerror="window.__pwned=5">Call 999 <a href="javascript:window.__pwned=6">now</a>';
    const access = '<img src=x onerror="window.__pwned=7"> Step-free <script>window.__pwned=8</script>';
    await page.route(
      (url) => url.pathname === '/api/services',
      async (route: Route) => {
        const res = await route.fetch();
        const json = await res.json();
        const physio = json.services.find((s: { id: string }) => s.id === 'physio-msk');
        physio.screening.question = question;
        physio.screening.hint = hint;
        physio.screening.symptoms[0].text = text;
        physio.screening.urgent.heading = heading;
        physio.screening.urgent.text = urgent;
        await route.fulfill({ response: res, json });
      },
    );
    await page.route(
      (url) => url.pathname === '/api/localities',
      async (route: Route) => {
        const res = await route.fetch();
        const json = await res.json();
        for (const l of json.localities) l.access = access;
        await route.fulfill({ response: res, json });
      },
    );

    await openStart(page);
    await startNow(page);
    await radio(page, SERVICE).check();
    await continueButton(page).click();
    await expectPage(page, question);
    await expect(page).toHaveTitle(`${question}${TITLE_SUFFIX}`);
    await expect(page.getByRole('group', { name: question })).toHaveAccessibleDescription(hint);
    await expect(symptom(page, text)).toBeVisible();
    await expectStayedText(page, 'symptoms question', sent);

    await symptom(page, text).check();
    await continueButton(page).click();
    await expectPage(page, heading);
    await expect(page).toHaveTitle(`${heading}${TITLE_SUFFIX}`);
    await expect(page.getByText(urgent, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Call 999', exact: true })).toHaveAttribute('href', 'tel:999');
    await expectStayedText(page, 'urgent page', sent);

    // Then "None of these" on to the support page, where the place's access notes show.
    await backLink(page).click();
    await expectPage(page, question);
    await noneOfThese(page).check();
    await continueButton(page).click();
    await chooseBand(page);
    await chooseLocality(page);
    await pickTime(page, demo);
    await continueButton(page).click();
    await radio(page, 'Me').check();
    await continueButton(page).click();
    await fillDetails(page);
    await continueButton(page).click();
    await radio(page, 'Yes').check();
    await continueButton(page).click();
    await expectPage(page, HEADINGS.supportNeeded);
    await expect(page.getByText(access, { exact: true })).toBeVisible();
    await expectStayedText(page, 'support needed', sent);
  });

  // -------------------------------------------------------------------------------------------
  // An API that offers only part of 1.1 (each feature on its own, features listed in /services)

  for (const offered of [['screening'], ['needs'], ['booked_by'], ['needs', 'booked_by']]) {
    test(`an API offering only ${offered.join(' and ')}: only the questions whose answers it takes are asked, and only those are sent`, async ({ page, demo }) => {
      await page.route(
        (url) => url.pathname === '/api/services',
        async (route: Route) => {
          const res = await route.fetch();
          const json = await res.json();
          json.features = offered;
          await route.fulfill({ response: res, json });
        },
      );
      const sent = recordRequests(page);
      const paths: string[] = [];
      page.on('framenavigated', (f) => {
        if (f === page.mainFrame()) paths.push(new URL(f.url()).pathname);
      });
      await openStart(page);
      await startNow(page);
      await radio(page, SERVICE).check();
      await continueButton(page).click();
      if (offered.includes('screening')) {
        await expectPage(page, HEADINGS.symptoms);
        await noneOfThese(page).check();
        await continueButton(page).click();
      }
      await chooseBand(page);
      await chooseLocality(page);
      await pickTime(page, demo);
      await continueButton(page).click();
      if (offered.includes('booked_by')) {
        await expectPage(page, HEADINGS.whoFor);
        await radio(page, 'Someone else').check();
        await continueButton(page).click();
        await expectPage(page, HEADINGS.aboutYou);
        await fillBooker(page);
        await continueButton(page).click();
        await expectPage(page, HEADINGS.theirDetails);
        await fillTheirDetails(page);
      } else {
        await expectPage(page, HEADINGS.details);
        await fillDetails(page);
      }
      await continueButton(page).click();
      if (offered.includes('needs')) {
        await expectPage(page, offered.includes('booked_by') ? HEADINGS.supportThem : HEADINGS.support);
        await radio(page, 'Yes').check();
        await continueButton(page).click();
        await expectPage(page, offered.includes('booked_by') ? HEADINGS.supportNeededThem : HEADINGS.supportNeeded);
        await fillNeeds(page, { communication: ['Audio'] }, offered.includes('booked_by') ? 'them' : 'me');
        await continueButton(page).click();
      }
      await expectPage(page, HEADINGS.check);
      await expect(summaryRow(page, 'Urgent symptoms')).toHaveCount(offered.includes('screening') ? 1 : 0);
      await expect(summaryRow(page, 'Who it is for')).toHaveCount(offered.includes('booked_by') ? 1 : 0);
      await expect(summaryRow(page, 'Support')).toHaveCount(offered.includes('needs') ? 1 : 0);
      await bookButton(page).click();
      await expectPage(page, HEADINGS.confirmation);
      const body = onlyBooking(sent);
      expect('screening' in body, 'screening sent').toBe(offered.includes('screening'));
      expect('needs' in body, 'needs sent').toBe(offered.includes('needs'));
      expect('booked_by' in body, 'booked_by sent').toBe(offered.includes('booked_by'));
      const never = ['/symptoms', '/who-for', '/about-you', '/support', '/support-needed', '/get-help-now'].filter(
        (p) =>
          !(
            (offered.includes('screening') && p === '/symptoms') ||
            (offered.includes('booked_by') && ['/who-for', '/about-you'].includes(p)) ||
            (offered.includes('needs') && ['/support', '/support-needed'].includes(p))
          ),
      );
      expect(paths.filter((p) => never.includes(p)), 'pages for features the API does not offer').toEqual([]);
    });
  }
});

// =============================================================================================
// Against a 1.0 API none of the new pages appear

const OLD_KEYS = ['screening', 'needs', 'booked_by', 'language'];
const NEW_PATHS = ['/symptoms', '/get-help-now', '/who-for', '/about-you', '/support', '/support-needed'];

/**
 * The whole 1.0 journey: every page is exactly the 1.0 one (each h1 in turn), no page of the
 * 1.1 questions is ever shown, no 1.1 row on check answers or the confirmation, and the booking
 * carries none of the 1.1 fields. Returns the booking request's body.
 */
async function walkOldJourney(page: Page, demo: Demo): Promise<Record<string, unknown>> {
  const sent = recordRequests(page);
  const paths: string[] = [];
  const headings: string[] = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) paths.push(new URL(f.url()).pathname);
  });
  const step = async (heading: string) => {
    await expectPage(page, heading);
    headings.push(((await h1(page).textContent()) ?? '').trim());
  };
  await openStart(page);
  headings.push(((await h1(page).textContent()) ?? '').trim());
  await startNow(page);
  await step(HEADINGS.service);
  await radio(page, SERVICE).check();
  await continueButton(page).click();
  await step(HEADINGS.clinician);
  await radio(page, 'Physiotherapist (Band 6)').check();
  await continueButton(page).click();
  await step(HEADINGS.location);
  await radio(page, PLACE).check();
  await continueButton(page).click();
  await step(HEADINGS.time);
  await pickTime(page, demo);
  await continueButton(page).click();
  await step(HEADINGS.details);
  await expect(page.getByRole('checkbox', { name: 'I do not know my NHS number' })).toBeVisible();
  await fillDetails(page);
  await continueButton(page).click();
  await step(HEADINGS.check);
  for (const key of ['Urgent symptoms', 'Who it is for', 'Booked by', 'Support']) {
    await expect(summaryRow(page, key), `no "${key}" row on check answers`).toHaveCount(0);
  }
  await bookButton(page).click();
  await step(HEADINGS.confirmation);
  for (const key of ['Booked by', 'Support']) {
    await expect(summaryRow(page, key), `no "${key}" row on the confirmation`).toHaveCount(0);
  }
  expect(headings).toEqual([
    HEADINGS.start,
    HEADINGS.service,
    HEADINGS.clinician,
    HEADINGS.location,
    HEADINGS.time,
    HEADINGS.details,
    HEADINGS.check,
    HEADINGS.confirmation,
  ]);
  expect(paths.filter((p) => NEW_PATHS.includes(p)), 'no page of the 1.1 questions').toEqual([]);
  const body = onlyBooking(sent);
  for (const key of OLD_KEYS) expect(body, `the booking has no "${key}"`).not.toHaveProperty(key);
  expect(Object.keys(body).sort()).toEqual(['channel', 'patient', 'reminders', 'slot_id', 'source']);
  return body;
}

test('a 1.0 API (features and screening taken out of /api/services): the journey is the 1.0 one and the booking has no screening, needs or booked_by', async ({ page, demo }) => {
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
  await walkOldJourney(page, demo);
});

test('a service with screening but an API without the feature: the symptoms question is not asked', async ({ page, demo }) => {
  // The contract: a feature not listed does not exist; a `screening` block alone is not enough.
  await page.route(
    (url) => url.pathname === '/api/services',
    async (route: Route) => {
      const res = await route.fetch();
      const json = await res.json();
      delete json.features;
      await route.fulfill({ response: res, json });
    },
  );
  await walkOldJourney(page, demo);
});

test.describe('DEMO_API_VERSION=1.0', () => {
  test.skip(process.env.DEMO_API_VERSION !== '1.0', 'runs against the demo API started with DEMO_API_VERSION=1.0');

  test('the demo API speaks 1.0: no features, no screening', async ({ request }) => {
    const json = await (await request.get('/api/services')).json();
    expect(json).not.toHaveProperty('features');
    for (const s of json.services) expect(s, s.id).not.toHaveProperty('screening');
  });

  test('the whole journey is the 1.0 one and the booking has no screening, needs or booked_by', async ({ page, demo }) => {
    await walkOldJourney(page, demo);
  });

  test('a deep link to the times opens the times (no symptoms question)', async ({ page }) => {
    await page.goto('/time?service=physio-msk&band=band-6&locality=hinchingbrooke');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
    await expectPage(page, HEADINGS.time, { focus: false });
    await expect(timeRadios(page).first()).toBeVisible();
  });
});
