// Issue 7, browser side: seeded, reproducible booking runs against the demo API's faults. Each
// run walks a patient to "Check your answers", then the booking POST meets a seeded list of
// faults (503/429 with Retry-After, an HTML 502 from a proxy, a response lost after the booking
// was made, a 409 because a second client took the time, added latency up to 2 seconds). The
// patient retries ("Try again" or "Book appointment" again, or a nearby time after a 409) until
// the booking is confirmed, or gives up after 3 tries.
//
// The demo data is reset once for the whole file, so every run's booking stays in the API and
// the double-booking checks look across all runs. Reproduce a run list with E2E_FAULT_SEED.
import { test as base, type Page } from '@playwright/test';
import {
  Demo,
  HEADINGS,
  PATIENT,
  REFERENCE,
  bookButton,
  chooseBand,
  chooseLocality,
  chooseService,
  chooseTime,
  continueButton,
  enterDetails,
  expect,
  expectPage,
  h1,
  openStart,
  slotFromUrl,
  startNow,
  tryAgainButton,
  type DemoBooking,
  type Patient,
} from './helpers';
import { PHONE, expectClearEnd } from './helpers-manage';

const SEED = Number(process.env.E2E_FAULT_SEED || 20261123);
const RUNS = 24;
const MAX_TRIES = 3;

const BUSY = 'The booking service is busy';
const UNKNOWN_OUTCOME =
  'We do not know if your appointment was booked. Select ‘Book appointment’ again: you will not be booked twice.';

// ---------------------------------------------------------------------------------------------
// The seeded run list

/** mulberry32: small, fast and the same everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TryFault = '503' | '429' | 'html502' | 'drop' | 'taken' | 'none';
type Run = {
  index: number;
  /** What meets each try, in order (a run ends earlier when a try books). */
  tries: { fault: TryFault; retryAfter: number }[];
  latencyMs: number;
  /** After an error page: "Try again" (true) or "Book appointment" again (false). */
  useTryAgain: boolean[];
  patient: Patient;
};

const FIRST = ['Siân', 'Oluwaseun', 'Zoë', 'Marek', 'Aoife', 'Priya', 'Chukwuemeka', 'Ffion'];
const LAST = ["O'Neill", 'Okonkwo-Smith', 'Ní Bhriain', 'Kowalski', 'Patel', 'Jones', 'Llewellyn', 'MacDonald'];

function planRuns(seed: number, count: number): Run[] {
  const r = rng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const failing: TryFault[] = ['503', '429', 'html502', 'drop', 'taken'];
  const runs: Run[] = [];
  for (let index = 0; index < count; index++) {
    let faults: TryFault[];
    if (index < failing.length) {
      // Every fault on its own first, so each is always covered.
      faults = [failing[index]];
    } else if (index === failing.length) {
      // A patient who gives up: three failures in a row.
      faults = ['503', 'html502', '429'];
    } else if (index === failing.length + 1) {
      // The answer is lost three times: the booking was made, the patient never saw it.
      faults = ['drop', 'drop', 'drop'];
    } else if (index === failing.length + 2) {
      // Someone else is always quicker: the patient gives up on the 409 page.
      faults = ['taken', 'taken', 'taken'];
    } else {
      const n = 1 + Math.floor(r() * MAX_TRIES);
      faults = [];
      for (let i = 0; i < n; i++) {
        // After a lost answer the booking exists: nobody else can take that time any more.
        const options = faults.includes('drop') ? failing.filter((f) => f !== 'taken') : failing;
        faults.push(pick(options));
      }
    }
    const tries = faults.map((fault) => ({ fault, retryAfter: 1 + Math.floor(r() * 5) }));
    if (tries.length < MAX_TRIES) tries.push({ fault: 'none', retryAfter: 0 });
    const latencyMs = r() < 0.4 ? 100 * (1 + Math.floor(r() * 20)) : 0;
    const useTryAgain = tries.map(() => r() < 0.5);
    const noNhs = r() < 0.3;
    const patient: Patient = {
      ...PATIENT,
      first: pick(FIRST),
      last: pick(LAST),
      day: String(1 + Math.floor(r() * 28)),
      month: String(1 + Math.floor(r() * 12)),
      year: String(1930 + Math.floor(r() * 75)),
      nhs: noNhs ? '' : PATIENT.nhs,
      noNhs,
    };
    runs.push({ index, tries, latencyMs, useTryAgain, patient });
  }
  return runs;
}

const RUN_LIST = planRuns(SEED, RUNS);

// ---------------------------------------------------------------------------------------------
// What the file has seen (one worker, tests in order)

const totals = { runs: 0, faults: 0, confirmed: 0, gaveUp: 0, posts: 0, bookings: 0 };
let demoReady = false;

/** A demo fixture that resets the data once for the file and clears faults before each run. */
const test = base.extend<{ demo: Demo }>({
  demo: async ({ request }, use) => {
    const demo = new Demo(request);
    if (!demoReady) {
      await demo.reset();
      demoReady = true;
    }
    await demo.faults({ latency_ms: 0, fail_rate: 0, html_errors: false, force_409: false, fail_next: [] });
    await use(demo);
    await demo.faults({ latency_ms: 0, fail_next: [] });
  },
});

function duplicates(bookings: DemoBooking[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const b of bookings.filter((b) => b.status === 'booked')) {
    if (seen.has(b.slot_id)) twice.push(b.slot_id);
    seen.add(b.slot_id);
  }
  return twice;
}

/** Every POST /api/bookings the page sends, and how many have been answered (or failed). */
function watchBookingPosts(page: Page) {
  const posts: { key: string; body: string }[] = [];
  let answered = 0;
  const isPost = (r: { method(): string; url(): string }) =>
    r.method() === 'POST' && new URL(r.url()).pathname === '/api/bookings';
  page.on('request', (r) => {
    if (isPost(r)) posts.push({ key: r.headers()['idempotency-key'] ?? '', body: r.postData() ?? '' });
  });
  page.on('requestfinished', (r) => void (isPost(r) && answered++));
  page.on('requestfailed', (r) => void (isPost(r) && answered++));
  return { posts, answered: () => answered };
}

async function walkToCheck(page: Page, demo: Demo, patient: Patient): Promise<void> {
  await openStart(page);
  await startNow(page);
  await chooseService(page);
  await chooseBand(page);
  await chooseLocality(page);
  await chooseTime(page, demo);
  await enterDetails(page, patient);
  await expectPage(page, HEADINGS.check, { focus: false });
}

type Outcome = 'booked' | 'busy' | 'unknown' | 'taken';

for (const run of RUN_LIST) {
  const plan = run.tries.map((t) => (t.fault === '503' || t.fault === '429' ? `${t.fault}(${t.retryAfter}s)` : t.fault)).join(' → ');
  const title = `fault run ${String(run.index + 1).padStart(2, '0')} (seed ${SEED}): ${plan}${run.latencyMs ? `, latency ${run.latencyMs}ms` : ''}`;

  test(title, async ({ page, demo }) => {
    const watch = watchBookingPosts(page);
    await walkToCheck(page, demo, run.patient);
    if (run.latencyMs) {
      await demo.faults({ latency_ms: run.latencyMs });
      totals.faults++;
    }

    let outcome: Outcome | undefined;
    let committed = false;
    let tries = 0;
    const slots: string[] = [];
    for (const t of run.tries) {
      if (tries === MAX_TRIES) break;
      const slot = slotFromUrl(page);
      slots.push(slot);
      switch (t.fault) {
        case '503':
        case '429':
          await demo.failNext({ method: 'POST', path: '/api/bookings', status: Number(t.fault), retry_after: t.retryAfter });
          break;
        case 'html502':
          await demo.failNext({ method: 'POST', path: '/api/bookings', status: 502, html: true });
          break;
        case 'drop':
          await demo.failNext({ method: 'POST', path: '/api/bookings', drop_after_commit: true });
          break;
        case 'taken':
          await demo.takeSlot(slot);
          break;
        case 'none':
          break;
      }
      if (t.fault !== 'none') totals.faults++;

      // The patient presses the button the page offers.
      const before = watch.answered();
      const sentBefore = watch.posts.length;
      const retryOffered = outcome === 'busy' || outcome === 'unknown';
      if (retryOffered && run.useTryAgain[tries]) {
        await tryAgainButton(page).click();
      } else {
        await bookButton(page).click();
      }
      tries++;
      await expect.poll(() => watch.answered(), { message: 'the booking request is answered', timeout: 20_000 }).toBeGreaterThan(before);
      await expect(h1(page), 'the page shows the outcome').not.toHaveText(HEADINGS.check, { timeout: 20_000 });
      expect(watch.posts.length - sentBefore, 'one request per press').toBe(1);

      const heading = ((await h1(page).textContent()) ?? '').trim();
      if (t.fault === 'drop') committed = true;
      if (t.fault === 'none') expect(heading, 'no fault: booked').toBe(HEADINGS.confirmation);
      if (heading === HEADINGS.confirmation) {
        outcome = 'booked';
        break;
      }
      if (heading === HEADINGS.taken) {
        expect(t.fault).toBe('taken');
        outcome = 'taken';
        await expect(page.getByText(/^We have kept all your answers/)).toBeVisible();
        if (tries === MAX_TRIES) break;
        // A nearby time, then check answers again.
        const nearest = page.getByRole('group', { name: /^Nearest times at / }).getByRole('radio');
        await expect(nearest.first()).toBeVisible();
        await nearest.first().check();
        await continueButton(page).click();
        await expectPage(page, HEADINGS.check, { focus: false });
        expect(slotFromUrl(page)).not.toBe(slot);
        outcome = undefined;
        continue;
      }
      // An error page: busy (with Retry-After) or an answer that never came back readable.
      expect(heading, `after ${t.fault}`).toBe(BUSY);
      await expect(page).toHaveTitle(/^Error: /);
      await expect(page.getByRole('main')).toContainText(PHONE);
      if (t.fault === '503' || t.fault === '429') {
        const wait = t.retryAfter === 1 ? '1 second' : `${t.retryAfter} seconds`;
        await expect(page.getByRole('main')).toContainText(`Try again in ${wait}.`);
        outcome = 'busy';
      } else {
        await expect(page.getByText(UNKNOWN_OUTCOME, { exact: true })).toBeVisible();
        outcome = 'unknown';
      }
      await expect(tryAgainButton(page)).toBeVisible();
      await expect(bookButton(page)).toBeVisible();
    }
    await demo.faults({ latency_ms: 0 });

    // ---- what the API holds now
    const all = await demo.bookings();
    const keys = new Set(watch.posts.map((p) => p.key));
    const mine = all.filter((b) => b.idempotency_key !== null && keys.has(b.idempotency_key));
    const twice = duplicates(all);
    expect(twice, 'no slot booked twice (all runs so far)').toEqual([]);
    expect(mine.length, "at most one booking for this run's patient").toBeLessThanOrEqual(1);

    // ---- the keys: one per attempt (same slot and answers), reused by every retry of it
    for (const p of watch.posts) expect(p.key, 'every booking request has an Idempotency-Key').toMatch(/\S/);
    const keyOfBody = new Map<string, string>();
    const bodyOfKey = new Map<string, string>();
    for (const p of watch.posts) {
      expect(keyOfBody.get(p.body) ?? p.key, 'the same attempt reuses its key').toBe(p.key);
      expect(bodyOfKey.get(p.key) ?? p.body, 'a key is never reused for another request').toBe(p.body);
      keyOfBody.set(p.body, p.key);
      bodyOfKey.set(p.key, p.body);
    }
    for (const p of watch.posts) expect(JSON.parse(p.body).source).toBe('web');

    if (outcome === 'booked') {
      const reference = (await page.getByText(REFERENCE).textContent())!.trim();
      expect(mine, 'the booking shown is the one booking held').toHaveLength(1);
      expect(mine[0].reference).toBe(reference);
      expect(mine[0].status).toBe('booked');
      expect(mine[0].slot_id).toBe(slots[slots.length - 1]);
      totals.confirmed++;
    } else {
      // Gave up after 3 tries: a clear page with a heading, the phone number and a way on.
      expect(tries).toBe(MAX_TRIES);
      if (outcome === 'taken') {
        // The 409 page offers nearby times and "See all available times"; its phone number is
        // the footer's ("If you cannot book online, call …").
        await expect(h1(page)).toHaveCount(1);
        await expect(page.getByRole('contentinfo')).toContainText(PHONE);
        await expect(page.getByRole('link', { name: 'See all available times' })).toBeVisible();
        await expect(page.getByRole('group', { name: /^Nearest times at / }).getByRole('radio').first()).toBeVisible();
      } else {
        await expectClearEnd(page, `run ${run.index + 1}`);
      }
      expect(mine, committed ? 'the lost answer had booked once' : 'nothing booked').toHaveLength(committed ? 1 : 0);
      totals.gaveUp++;
    }
    totals.runs++;
    totals.posts += watch.posts.length;
    totals.bookings += mine.length;
    console.log(
      `run ${run.index + 1}: ${plan}${run.latencyMs ? ` +${run.latencyMs}ms` : ''} → ${outcome === 'booked' ? `booked ${mine[0].reference}` : `gave up on "${await h1(page).textContent()}"`} (${watch.posts.length} requests, ${new Set(watch.posts.map((p) => p.key)).size} keys)`,
    );
  });
}

test('fault runs: summary (no slot booked twice, no patient booked twice)', async ({ demo }) => {
  const all = await demo.bookings();
  const patientBookings = all.filter((b) => b.origin === 'patient');
  const twice = duplicates(all);
  const keys = patientBookings.map((b) => b.idempotency_key);
  console.log(
    `faults summary (seed ${SEED}): runs ${totals.runs}, faults injected ${totals.faults}, booking requests ${totals.posts}, ` +
      `confirmed ${totals.confirmed}, gave up ${totals.gaveUp}, bookings ${patientBookings.length}, duplicates ${twice.length}`,
  );
  expect(twice).toEqual([]);
  expect(new Set(keys).size, 'one booking per idempotency key').toBe(keys.length);
  expect(totals.runs, 'every run finished in this worker').toBe(RUNS);
  expect(patientBookings.length, 'every booking the API holds belongs to one run').toBe(totals.bookings);
});
