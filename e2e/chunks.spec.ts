// Issue 14: the pages after the first screen come from chunks (separate wasm modules,
// src/chunks.rs, tools/build-wasm.mjs). They are fetched while the patient reads the page
// before, so no step waits on the network; one that cannot be fetched gives the problem page
// with "Try again" and the phone number, and "Try again" works once the network is back.
import type { Page, Request } from '@playwright/test';
import {
  HEADINGS,
  SERVICE,
  chooseBand,
  chooseLocality,
  chooseService,
  continueButton,
  expect,
  expectPage,
  h1,
  openStart,
  startNow,
  test,
  tryAgainButton,
} from './helpers';
import { PHONE } from './helpers-manage';

const CHUNK = /\/nhs-booking-([a-z]+\d*)-[0-9a-f]{12,16}\.wasm$/;

/** The chunks the page has asked for so far, by name, in order. */
function chunkRequests(page: Page): () => string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    const m = new URL(r.url()).pathname.match(CHUNK);
    if (m) seen.push(m[1]);
  });
  return () => [...seen];
}

/** The first question after the service question (symptoms on a 1.1 API, else the clinician). */
async function firstQuestionAfterService(page: Page): Promise<void> {
  const either = [HEADINGS.symptoms, HEADINGS.clinician].map((h) => h.replace(/[?.()]/g, '\\$&')).join('|');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^(${either})$`) })).toBeVisible();
}

test('the first screen needs no chunk; the next pages are fetched while the patient reads, so Continue waits on none', async ({ page }) => {
  const chunks = chunkRequests(page);
  await openStart(page);
  // The start page works without any chunk; the booking journey's is fetched after it shows.
  await expect.poll(chunks, { message: 'the journey chunk is prefetched from the start page' }).toContain('journey');
  await page.waitForLoadState('networkidle');
  // What the journey chunk needs (its module and the code it shares), all fetched by now.
  const forJourney = chunks();
  await startNow(page);
  await expectPage(page, HEADINGS.service, { focus: false });
  await page.getByRole('radio', { name: SERVICE, exact: true }).check();
  const before = chunks().length;
  await continueButton(page).click();
  await firstQuestionAfterService(page);
  // Fetched since: only what the pages after this one need (prefetched now), none of it again.
  expect(chunks().slice(before).filter((c) => forJourney.includes(c)), 'nothing fetched for the question on show').toEqual([]);

  // Walk on to the time page: nothing more is fetched for it.
  await page.goBack();
  await chooseService(page);
  await chooseBand(page);
  await chooseLocality(page);
  await expectPage(page, HEADINGS.time, { focus: false });
  // Nothing more, not even for the time page's "Get a text…" (its pages are in `journey`).
  expect(chunks(), 'no chunk fetched on the way to the time page').toEqual(forJourney);
  expect(chunks(), 'a booking never fetches the manage pages').not.toContain('manage');
  expect(new Set(chunks()).size, 'each chunk fetched once').toBe(chunks().length);
});

for (const [what, fault] of [
  ['the network is down', 'abort'],
  ['a proxy answers with an HTML error page', 'html'],
] as const) {
  test(`a chunk that cannot be fetched (${what}) shows the problem page with Try again and the phone; Try again works once it can`, async ({ page }) => {
    const chunks = chunkRequests(page);
    let failing = true;
    await page.route(
      (url) => /\/nhs-booking-journey-[0-9a-f]+\.wasm$/.test(url.pathname),
      (route) => {
        if (!failing) return route.continue();
        return fault === 'abort'
          ? route.abort('internetdisconnected')
          : route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
      },
    );
    // The start page works without chunks; its Start now leads to the journey's first question.
    await openStart(page);
    await startNow(page);

    const problem = { title: 'Sorry, there is a problem', error: true };
    await expectPage(page, 'We could not connect to the booking service', problem);
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: PHONE })).toHaveAttribute('href', `tel:${PHONE.replace(/ /g, '')}`);
    await expect(tryAgainButton(page)).toBeVisible();
    // Nothing asks again behind the patient's back (the page's prefetch did, which swapped this
    // page for "Loading" and back and lost its focus): after the frames in which a prefetch
    // starts, the heading still has focus and the chunk was not asked for again.
    const failedAsks = chunks().filter((c) => c === 'journey').length;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
    await expect(h1(page)).toBeFocused();
    expect(chunks().filter((c) => c === 'journey').length, 'asked again without Try again').toBe(failedAsks);
    // Still failing: Try again asks again and shows the same page.
    const asked = chunks().filter((c) => c === 'journey').length;
    await tryAgainButton(page).click();
    await expect.poll(() => chunks().filter((c) => c === 'journey').length).toBeGreaterThan(asked);
    await expectPage(page, 'We could not connect to the booking service', problem);

    failing = false;
    await tryAgainButton(page).click();
    await expectPage(page, HEADINGS.service);
    await page.getByRole('radio', { name: SERVICE, exact: true }).check();
    await continueButton(page).click();
    await firstQuestionAfterService(page);
    await expect(page.getByRole('heading', { name: 'We could not connect to the booking service' })).toHaveCount(0);
  });
}
