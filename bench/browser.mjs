// Browser measurements with Playwright and headless system Chromium, against a running demo
// API (base URL in argv[2]) that serves dist/ with --test-controls:
//  - first load of `/`: every request until network idle, bytes on the wire, third-party origins;
//  - slot rendering: a day of 200 times (GET /api/slots intercepted with contract-shaped JSON),
//    show and switch days, median of 20, with and without 4x CPU throttling;
//  - one whole booking: /api requests made, JS heap and wasm memory at the end.
// Prints JSON on stdout (BENCH_ONLY=slots: only the slot page, as text).
import { chromium } from 'playwright';

const base = process.argv[2] || 'http://127.0.0.1:8097';
const RUNS = Number(process.env.BENCH_RUNS || 20);
const SLOTS_PER_DAY = 200;
const QUERY = '?service=physio-msk&band=band-6&locality=hinchingbrooke';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});
const newPage = async () => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 }, locale: 'en-GB', timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  // Keep the wasm instance, for its memory size.
  await page.addInitScript(() => {
    const keep = (p) => p.then((r) => { window.__wasm = (r.instance ?? r).exports; return r; });
    const { instantiate, instantiateStreaming } = WebAssembly;
    WebAssembly.instantiate = (...a) => keep(instantiate.apply(WebAssembly, a));
    if (instantiateStreaming) WebAssembly.instantiateStreaming = (...a) => keep(instantiateStreaming.apply(WebAssembly, a));
  });
  return { context, page };
};
const appReady = (page) => page.getByRole('button', { name: 'Start now' }).waitFor();
const reset = (page) => page.request.post(`${base}/__demo/reset`);

// ---------------------------------------------------------------------------------------------
// First load of `/`
async function firstLoad() {
  const { context, page } = await newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const reqs = new Map();
  cdp.on('Network.requestWillBeSent', (e) => reqs.set(e.requestId, { url: e.request.url, type: e.type }));
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { status: e.response.status, encoding: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '' });
  });
  cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) r.transfer = e.encodedDataLength; });
  // When the app's "Start now" is in the page (the static shell has none): the start page works.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const start = [...document.querySelectorAll('.nhsb main a, .nhsb main button')].find((e) => e.textContent.trim() === 'Start now');
      if (start) {
        window.__interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const t0 = Date.now();
  await page.goto(`${base}/`);
  await appReady(page);
  const ready = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  // What the start page needed before it worked (the page itself and what it fetched until
  // then); what it fetched after (the next pages' chunks) is prefetching.
  const interactive = await page.evaluate(() => 1 + performance.getEntriesByType('resource').filter((e) => e.startTime <= window.__interactiveAt && !e.name.startsWith('data:')).length);
  const origin = new URL(base).origin;
  const list = [...reqs.values()].filter((r) => !r.url.startsWith('data:'));
  const thirdParty = [...new Set(list.map((r) => new URL(r.url).origin).filter((o) => o !== origin))];
  await context.close();
  return {
    requests: list.map((r) => ({ path: new URL(r.url).pathname, type: r.type, status: r.status, encoding: r.encoding, transfer: r.transfer ?? 0 })),
    count: list.length,
    countInteractive: interactive,
    transfer: list.reduce((s, r) => s + (r.transfer ?? 0), 0),
    thirdParty,
    appReadyMs: ready,
  };
}

// ---------------------------------------------------------------------------------------------
// Slot rendering
function fakeSlots(url, real) {
  // Three days from tomorrow, SLOTS_PER_DAY times each, 3 minutes apart from 07:00, with the
  // clinic's offset as the real API gave it. Later windows (and pages) are empty.
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  const offset = real.slots[0]?.start.slice(19) ?? '+00:00';
  const tomorrow = new Date(Date.now() + 86400e3).toISOString().slice(0, 10);
  const slots = [];
  if (!url.searchParams.get('cursor')) {
    for (let d = 0; d < 3; d++) {
      const day = new Date(Date.parse(tomorrow) + d * 86400e3).toISOString().slice(0, 10);
      if (day < from || day > to) continue;
      for (let i = 0; i < SLOTS_PER_DAY; i++) {
        const t = (m) => `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00${offset}`;
        const m = 7 * 60 + 3 * i;
        slots.push({ id: `slot-${day.replaceAll('-', '')}${String(i).padStart(4, '0')}`, start: t(m), end: t(m + 3),
          locality: 'hinchingbrooke', band: 'band-6', mode: i % 10 === 9 ? 'telephone' : 'in_person', clinician: 'Physiotherapist' });
      }
    }
  }
  return { ...real, slots, next_cursor: null };
}

/**
 * ms from the click until the frame after the DOM shows a new day heading (`frame`), and until
 * the app's script has finished updating the DOM (`script`: a message posted at the click is
 * delivered after every microtask the click queued, where the reactive updates run).
 */
async function timeClick(page, buttonName) {
  return page.evaluate(async (name) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
    const heading = () => document.querySelector('.nhsb-day-nav__day')?.textContent;
    const before = heading();
    const channel = new MessageChannel();
    const script = new Promise((r) => { channel.port1.onmessage = () => r(performance.now()); });
    const t0 = performance.now();
    button.click();
    channel.port2.postMessage(0);
    const scriptDone = await script;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (heading() !== before) break;
    }
    // The frame with the new day has been produced; the next task runs after it is painted.
    await new Promise((r) => setTimeout(r, 0));
    return { frame: performance.now() - t0, script: scriptDone - t0 };
  }, buttonName);
}

/** The same wait for a change of one attribute: what waiting for a frame costs by itself. */
async function timeEmptyFrame(page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    document.body.dataset.benchTick = String(t0);
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t0;
  });
}

async function slotRendering(throttle) {
  const { context, page } = await newPage();
  await reset(page);
  await page.route('**/api/slots?**', async (route) => {
    const res = await route.fetch();
    const real = await res.json();
    await route.fulfill({ response: res, json: fakeSlots(new URL(route.request().url()), real) });
  });
  const cdp = await context.newCDPSession(page);
  // A 1.1 API screens for urgent symptoms first: answer "None of these" once (the answer stays
  // in this tab's session storage for every run below).
  await page.goto(`${base}/symptoms?service=physio-msk`);
  await answerScreening(page);
  const show = [];
  const sw = [];
  const script = [];
  const empty = [];
  for (let run = 0; run < RUNS; run++) {
    // Show: from "Where would you like your appointment?" press Continue; the slot page fetches
    // and shows the first day of 200 times.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.goto(`${base}/location${QUERY}`);
    await page.getByRole('heading', { level: 1, name: 'Where would you like your appointment?' }).waitFor();
    await page.getByRole('radio', { name: 'Hinchingbrooke Hospital' }).check();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    show.push(await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Continue');
      const t0 = performance.now();
      button.click();
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        if (document.querySelectorAll('input[type=radio][name=slot]').length >= 200) break;
      }
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }));
    // Switch: Next day, then Previous day (each a day of 200 times).
    for (const name of ['Next day', 'Previous day']) {
      const t = await timeClick(page, name);
      sw.push(t.frame);
      script.push(t.script);
    }
    empty.push(await timeEmptyFrame(page));
  }
  const radios = await page.locator('input[type=radio][name=slot]').count();
  await context.close();
  return { throttle, runs: RUNS, radios, showMs: median(show), switchMs: median(sw), switchScriptMs: median(script), emptyFrameMs: median(empty), showAll: show, switchAll: sw, switchScriptAll: script, emptyFrameAll: empty };
}

// ---------------------------------------------------------------------------------------------
/** "None of these" on the symptoms question, when the API asks it (a 1.1 API). */
async function answerScreening(page) {
  const none = page.getByRole('checkbox', { name: 'None of these', exact: true });
  const band = page.getByRole('heading', { level: 1, name: 'Who do you need to see?' });
  await none.or(band).first().waitFor();
  if (await none.isVisible()) {
    await none.check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Do you have any of these symptoms?' }).waitFor({ state: 'detached' });
  }
}

// From Continue to the next question: service → the symptoms question (a 1.1 API) or the
// clinician (1.0), pages that need no request (the service list is already here), so this is
// the app's own time to the next page's frame.
async function nextQuestion(throttle) {
  const { context, page } = await newPage();
  await reset(page);
  const cdp = await context.newCDPSession(page);
  const times = [];
  const requests = [];
  for (let run = 0; run < RUNS; run++) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.goto(`${base}/service`);
    await page.getByRole('heading', { level: 1, name: 'What do you need an appointment for?' }).waitFor();
    // The next pages' chunks are prefetched once a page shows: as a patient reads, they arrive.
    await page.waitForLoadState('networkidle');
    await page.getByRole('radio', { name: 'Physiotherapy (muscles, bones and joints)', exact: true }).check();
    let during = 0;
    // The step's count (sendBeacon to /api/events, issue 18) is sent, never waited on.
    const count = (r) => { if (new URL(r.url()).pathname !== '/api/events') during++; };
    page.on('request', count);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    times.push(await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Continue');
      const t0 = performance.now();
      button.click();
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const h1 = document.querySelector('h1')?.textContent;
        if (h1 === 'Do you have any of these symptoms?' || h1 === 'Who do you need to see?') break;
      }
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }));
    page.off('request', count);
    requests.push(during);
  }
  await context.close();
  return { throttle, runs: RUNS, ms: median(times), all: times, requests: Math.max(...requests) };
}

// ---------------------------------------------------------------------------------------------
// One whole booking (start page to confirmation)
async function booking() {
  const { context, page } = await newPage();
  await reset(page);
  const api = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.startsWith('/api/')) api.push(`${r.method()} ${u.pathname}`); });
  await page.goto(`${base}/`);
  await appReady(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  const cont = () => page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('radio', { name: 'Physiotherapy (muscles, bones and joints)', exact: true }).check();
  await cont();
  await answerScreening(page);
  await page.getByRole('radio', { name: 'Physiotherapist (Band 6)', exact: true }).check();
  await cont();
  await page.getByRole('radio', { name: 'Hinchingbrooke Hospital', exact: true }).check();
  await cont();
  await page.getByRole('heading', { level: 1, name: 'Choose a time' }).waitFor();
  // A time on the next day, so it cannot start while we book.
  await page.getByRole('button', { name: 'Next day' }).click();
  await page.locator('input[type=radio][name=slot]').first().check();
  await cont();
  // A 1.1 API asks who the appointment is for.
  const me = page.getByRole('radio', { name: 'Me', exact: true });
  const details = page.getByRole('heading', { level: 1, name: 'Your details' });
  await me.or(details).first().waitFor();
  if (await me.isVisible()) {
    await me.check();
    await cont();
  }
  await details.waitFor();
  await page.getByLabel('First name', { exact: true }).fill('Siân');
  await page.getByLabel('Last name', { exact: true }).fill("O'Neill");
  const dob = page.getByRole('group', { name: 'Date of birth' });
  await dob.getByLabel('Day', { exact: true }).fill('28');
  await dob.getByLabel('Month', { exact: true }).fill('2');
  await dob.getByLabel('Year', { exact: true }).fill('1958');
  await page.getByLabel('NHS number', { exact: true }).fill('943 476 5919');
  await page.getByLabel('Mobile phone number', { exact: true }).fill('07700 900123');
  await cont();
  // And whether any support is needed.
  const no = page.getByRole('radio', { name: 'No', exact: true });
  const check = page.getByRole('heading', { level: 1, name: 'Check your answers before booking' });
  await no.or(check).first().waitFor();
  if (await no.isVisible()) {
    await no.check();
    await cont();
  }
  await check.waitFor();
  await page.getByRole('button', { name: 'Book appointment', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Appointment booked' }).waitFor();
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasmMemory = await page.evaluate(() => (window.__wasm && Object.values(window.__wasm).find((v) => v instanceof WebAssembly.Memory)?.buffer.byteLength) ?? null);
  await context.close();
  return { apiRequests: api.length, api, jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory };
}

// BENCH_ONLY=slots: the slot page alone (while working on it; `make bench` runs everything).
if (process.env.BENCH_ONLY === 'slots') {
  const slots = [await slotRendering(1), await slotRendering(4)];
  await browser.close();
  for (const s of slots) console.log(`${s.throttle}x CPU: show ${s.showMs.toFixed(1)} ms, switch ${s.switchMs.toFixed(1)} ms, of it script ${s.switchScriptMs.toFixed(1)} ms, a frame alone ${s.emptyFrameMs.toFixed(1)} ms`);
  process.exit(0);
}
const out = { firstLoad: await firstLoad() };
out.slots = [await slotRendering(1), await slotRendering(4)];
out.next = [await nextQuestion(1), await nextQuestion(4)];
out.booking = await booking();
await browser.close();
console.log(JSON.stringify(out, null, 2));
