// What this tab keeps and forgets: "Start again" deletes every answer, a booking clears the
// personal details, nothing personal reaches the console, and a Rust panic leaves a page
// with the phone number rather than a dead one.
import type { Page } from '@playwright/test';
import {
  HEADINGS,
  PATIENT,
  bookButton,
  expect,
  expectNoAxeViolations,
  expectPage,
  h1,
  openStart,
  personalStrings,
  startNow,
  test,
  walkTo,
} from './helpers';

const startAgain = (page: Page) => page.getByRole('link', { name: 'Start again and delete your answers', exact: true });

/** Everything in this tab's sessionStorage and localStorage, as one string per key. */
async function stored(page: Page): Promise<{ session: string[]; local: number }> {
  return page.evaluate(() => ({
    session: Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`),
    local: localStorage.length,
  }));
}

function personalIn(texts: string[]): string[] {
  return personalStrings().filter((secret) => texts.some((t) => t.includes(secret)));
}

test('"Start again" on check answers deletes every answer from this tab, and neither Back nor a reload brings them back', async ({ page, demo }) => {
  await walkTo(page, demo, 'check');
  // The answers are in sessionStorage now (so a reload keeps them): proves the check below can fail.
  expect(personalIn((await stored(page)).session).length, 'details kept in the tab before "Start again"').toBeGreaterThan(0);

  await startAgain(page).click();
  await expectPage(page, HEADINGS.start);
  const after = await stored(page);
  expect(personalIn(after.session), `sessionStorage after "Start again": ${after.session.join(' | ')}`).toEqual([]);
  expect(after.session.filter((s) => s.startsWith('nhs-booking:')), 'no booking data kept at all').toEqual([]);
  expect(after.local).toBe(0);
  expect(new URL(page.url()).search, 'no answers left in the address').toBe('');

  // A new start asks every question again, with nothing chosen.
  await startNow(page);
  await expect(h1(page)).toHaveText(/^(What do you need an appointment for\?|Who do you need to see\?)$/);
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);

  // Back to the check-answers address: its URL still names the service, clinician, place and
  // time (an address holds no personal details), but the details are gone, so there is
  // nothing to check: the patient is asked for them again. A reload does not bring them back.
  await page.goBack();
  await page.goBack();
  await expect(h1(page)).not.toHaveText(HEADINGS.check);
  await expect(page.getByText(PATIENT.last)).toHaveCount(0);
  await page.reload();
  await expect(h1(page)).not.toHaveText(HEADINGS.check);
  await expect(page.getByText(PATIENT.last)).toHaveCount(0);
  expect(personalIn((await stored(page)).session)).toEqual([]);
});

test('"Start again" under a booking question is a 44 px link with no axe violations, and keeps an SMS invite', async ({ page, demo }) => {
  await walkTo(page, demo, 'details');
  await expect(startAgain(page)).toBeVisible();
  const box = (await startAgain(page).boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page, 'details with "Start again"');
  await startAgain(page).click();
  await expectPage(page, HEADINGS.start);

  await page.goto('/?invite=Q7P2MX');
  await expect(page.getByText(/invited/i).first()).toBeVisible();
  await startNow(page);
  await expect(startAgain(page)).toBeVisible();
  await startAgain(page).click();
  await expectPage(page, HEADINGS.start);
  expect(new URL(page.url()).searchParams.get('invite'), 'the invite stays: it is not personal').toBe('Q7P2MX');
  await expect(page.getByText(/invited/i).first()).toBeVisible();
});

test('a booking clears the personal details from the tab: only the booking (no name, birth date, NHS number or phone) is kept', async ({ page, demo }) => {
  await walkTo(page, demo, 'confirmation');
  const s = await stored(page);
  expect(personalIn(s.session), s.session.join(' | ')).toEqual([]);
  expect(s.local).toBe(0);
  await page.reload();
  await expectPage(page, HEADINGS.confirmation, { focus: false });
});

test('nothing personal reaches the console, even when requests fail', async ({ page, demo }) => {
  const lines: string[] = [];
  page.on('console', (m) => lines.push(m.text()));
  page.on('pageerror', (e) => lines.push(`${e.message}\n${e.stack ?? ''}`));
  await walkTo(page, demo, 'check');
  // A refused booking (422 on the patient's own fields), a dropped connection, then a booking.
  await page.route(
    (url) => url.pathname === '/api/bookings',
    (r) =>
      r.fulfill({
        status: 422,
        json: { error: { code: 'validation_failed', message: 'Check the details', fields: { 'patient.phone': 'Enter a UK mobile number' } } },
      }),
    { times: 1 },
  );
  await bookButton(page).click();
  await expectPage(page, HEADINGS.details, { focus: false, title: false });
  await expect(page.getByText('Enter a UK mobile number').first()).toBeVisible();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expectPage(page, HEADINGS.check, { focus: false });
  await page.route((url) => url.pathname === '/api/bookings', (r) => r.abort('internetdisconnected'), { times: 1 });
  await bookButton(page).click();
  await expect(page.getByRole('button', { name: 'Try again', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Try again', exact: true }).click();
  await expectPage(page, HEADINGS.confirmation, { focus: false });
  expect(personalIn(lines), lines.join('\n')).toEqual([]);
});

test('a Rust panic shows a page with the phone number, not a dead page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A real panic in the release build: the browser refuses to make DOM nodes (as a broken
  // extension or a locked-down embed might), and the view layer unwraps what it cannot do
  // without. Nothing in the app is there for this test.
  await page.addInitScript(() => {
    const refuse = (original: Function) =>
      function (this: unknown, ...args: unknown[]) {
        if ((window as unknown as { __refuseDom?: boolean }).__refuseDom) throw new Error('dom-refused');
        return original.apply(this, args);
      };
    Document.prototype.createElement = refuse(Document.prototype.createElement) as typeof Document.prototype.createElement;
    Node.prototype.cloneNode = refuse(Node.prototype.cloneNode) as typeof Node.prototype.cloneNode;
  });
  await openStart(page);
  await page.evaluate(() => {
    (window as unknown as { __refuseDom?: boolean }).__refuseDom = true;
  });
  await startNow(page);
  await expect(h1(page)).toHaveText('Sorry, there is a problem with the service');
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveTitle('Sorry, there is a problem with the service');
  const phone = page.getByRole('link', { name: '01480 123456', exact: true });
  await expect(phone).toHaveAttribute('href', 'tel:01480123456');
  await expect(page.getByText('Monday to Friday, 8am to 6pm', { exact: false })).toBeVisible();
  expect(errors.join('\n'), 'the wasm really stopped (a trap, not a caught error)').toMatch(/unreachable/i);
  expect(errors.join('\n'), 'the panic message is not shown or thrown').not.toMatch(/dom-refused|unwrap/);
  // The browser makes nodes again for axe's own use (the app stays stopped).
  await page.evaluate(() => {
    (window as unknown as { __refuseDom?: boolean }).__refuseDom = false;
  });
  await expectNoAxeViolations(page, 'panic page');
});
