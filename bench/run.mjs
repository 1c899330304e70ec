#!/usr/bin/env node
// `make bench`: measures the release build in dist/ and writes the results into BENCHMARKS.md
// (between the bench markers) and prints them. Timings are reported, never gated.
//   BENCH_PORT (8097)  LH_RUNS (5)  BENCH_RUNS (20, slot rendering)  BENCH_SKIP_LH=1
import { execFileSync, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, kb, isChunk, compressed } from './sizes.mjs';
import { crateSizes } from './wasm-crates.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const port = Number(process.env.BENCH_PORT || 8097);
const base = `http://127.0.0.1:${port}`;
const LH_RUNS = Number(process.env.LH_RUNS || 5);
const QUERY = '?service=physio-msk&band=band-6&locality=hinchingbrooke';
const GOAL = { wasmBrotli: 100_000, firstLoadBrotli: 115_000, allWasmBrotli: 211_000, requests: 5 };
const log = (...a) => console.error('bench:', ...a);

// 1. A snapshot of dist/ (other builds may replace dist/ while we measure), precompressed.
const snap = path.join(root, 'target/bench/dist');
fs.rmSync(snap, { recursive: true, force: true });
fs.mkdirSync(path.dirname(snap), { recursive: true });
fs.cpSync(path.join(root, 'dist'), snap, { recursive: true });
execFileSync('node', [path.join(root, 'tools', 'compress.mjs'), snap], { stdio: 'ignore' });
const sizes = measure(snap);
// cargo's output for the same build still has its name section (wasm-opt strips it): the whole
// app before it is split (tools/build-wasm.mjs).
const cargoWasm = path.join(root, 'target/split/wasm32-unknown-unknown/release/nhs-booking.wasm');
const crates = fs.existsSync(cargoWasm) ? crateSizes(cargoWasm) : null;

// 2. The demo API serving the snapshot, and the static floor page at /bench/.
const api = spawn(path.join(root, 'target/release/demo-api'),
  ['--port', String(port), '--static-dir', snap, '--test-controls', '--extra-static', `/bench=${here}`],
  { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok, fail) => {
  api.stdout.on('data', (d) => { if (String(d).includes('listening')) ok(); });
  api.on('exit', (c) => fail(new Error(`demo-api exited (${c}); is port ${port} free? (BENCH_PORT)`)));
});
let browser, lh;
try {
  log('browser measurements (first load, slot rendering, one booking)');
  browser = JSON.parse(execFileSync('node', [path.join(here, 'browser.mjs'), base], { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] }));
  const urls = { floor: `${base}/bench/static-floor.html`, start: `${base}/`, slot: `${base}/time${QUERY}` };
  if (!process.env.BENCH_SKIP_LH) {
    log(`Lighthouse, ${LH_RUNS} runs each on ${Object.keys(urls).join(', ')} (a few minutes)`);
    const raw = JSON.parse(execFileSync('node', [path.join(here, 'lighthouse.mjs'), String(LH_RUNS), ...Object.values(urls)], { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] }));
    lh = Object.fromEntries(Object.entries(urls).map(([k, u]) => [k, raw[u]]));
    // The same pages with the network and CPU really slowed (what the page does, observed), not
    // simulated from a fast load: the simulation counts a script that ran before the first paint
    // on localhost as holding it up (BENCHMARKS.md, "The start page's LCP").
    log(`Lighthouse with applied throttling, ${LH_RUNS} runs each on floor, start`);
    const applied = JSON.parse(execFileSync('node', [path.join(here, 'lighthouse.mjs'), String(LH_RUNS), urls.floor, urls.start],
      { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LH_THROTTLING: 'devtools' } }));
    lh.applied = { floor: applied[urls.floor], start: applied[urls.start] };
  }
} finally {
  api.kill();
}

// 3. The machine.
const sh = (cmd) => { try { return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return '?'; } };
const machine = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  rustc: sh('rustc --version'),
  trunk: sh('trunk --version'),
  wasmOpt: sh(`${root}/node_modules/.bin/wasm-opt --version`),
  chromium: sh('/usr/bin/chromium --version 2>/dev/null').split('\n').pop(),
  node: process.version,
  lighthouse: lh?.start?.version ?? sh(`${root}/node_modules/.bin/lighthouse --version`),
  playwright: JSON.parse(fs.readFileSync(path.join(root, 'node_modules/playwright/package.json'))).version,
  commit: sh('git rev-parse --short HEAD') + (sh('git status --porcelain') ? ' (+ uncommitted changes)' : ''),
};

// 4. The report.
const ms = (x) => (x == null ? '–' : x > 0 && x < 20 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const s = (x) => (x == null ? '–' : `${(x / 1000).toFixed(2)} s`);
const ok = (good) => (good ? 'ok' : '**over**');
const L = [];
L.push(`Measured ${machine.date} on commit ${machine.commit}. Re-run with \`make bench\`.`, '');
L.push('### First load of `/` (release build, dist/)', '');
L.push('| file | raw | gzip -9 | brotli q11 |', '| --- | ---: | ---: | ---: |');
for (const f of sizes.files) L.push(`| ${f.name.replace(/-[0-9a-f]{12,}/, '-…')} | ${kb(f.raw)} KB | ${kb(f.gzip)} KB | ${kb(f.brotli)} KB |`);
L.push(`| **total** | **${kb(sizes.total.raw)} KB** | **${kb(sizes.total.gzip)} KB** | **${kb(sizes.total.brotli)} KB** |`, '');
const fl = browser.firstLoad;
const wasmBr = sizes.kinds.wasm?.brotli ?? 0;
L.push('| goal | measured | goal | |', '| --- | ---: | ---: | --- |');
L.push(`| wasm on the first screen (the main module; no chunk is fetched before the start page is interactive), brotli | ${kb(wasmBr)} KB | ≤ 100 KB | ${ok(wasmBr <= GOAL.wasmBrotli)} |`);
L.push(`| first load, brotli (files above) | ${kb(sizes.total.brotli)} KB | ≤ 115 KB | ${ok(sizes.total.brotli <= GOAL.firstLoadBrotli)} |`);
L.push(`| bytes on the wire until network idle (Chromium, precompressed files served) | ${kb(fl.transfer)} KB | | |`);
L.push(`| all wasm (main module and every chunk), brotli | ${kb(sizes.allWasm.brotli)} KB | ≤ 211 KB | ${ok(sizes.allWasm.brotli <= GOAL.allWasmBrotli)} |`);
L.push(`| requests until the start page is interactive | ${fl.countInteractive} | ≤ 5 | ${ok(fl.countInteractive <= GOAL.requests)} |`);
L.push(`| requests until network idle (with the next pages' chunks, prefetched) | ${fl.count} | | |`);
L.push(`| third-party origins | ${fl.thirdParty.length ? fl.thirdParty.join(', ') : 'none'} | none | ${ok(!fl.thirdParty.length)} |`, '');
L.push(`Requests: ${fl.requests.map((r) => `\`${r.path.replace(/-[0-9a-f]{12,}/, '-…')}\` ${kb(r.transfer)} KB${r.encoding ? ` (${r.encoding})` : ''}`).join(', ')}.`, '');
{
  const chunkFiles = fs.readdirSync(snap).filter(isChunk).map((name) => ({ name, ...compressed(fs.readFileSync(path.join(snap, name))) }));
  chunkFiles.sort((a, b) => b.brotli - a.brotli);
  L.push('### Chunks (the pages after the first screen; `src/chunks.rs`)', '');
  L.push('Fetched when a page before them shows (prefetch), or when a page of theirs opens first. `journey` (every booking question, the check and confirmation pages, earlier-time alerts and a time held for the patient) and `manage` (a booking found again, the information pages) hold pages, `welsh` the Welsh words; `chunkN` holds code two or more of them share, fetched with the first that needs it.', '');
  L.push('| chunk | raw | gzip -9 | brotli q11 |', '| --- | ---: | ---: | ---: |');
  for (const f of chunkFiles) L.push(`| ${f.name.replace(/^nhs-booking-/, '').replace(/-[0-9a-f]{12,}\.wasm$/, '')} | ${kb(f.raw)} KB | ${kb(f.gzip)} KB | ${kb(f.brotli)} KB |`);
  L.push(`| **${sizes.chunks.count} chunks** | **${kb(sizes.chunks.raw)} KB** | **${kb(sizes.chunks.gzip)} KB** | **${kb(sizes.chunks.brotli)} KB** |`);
  L.push(`| **all wasm** (main module + chunks) | **${kb(sizes.allWasm.raw)} KB** | **${kb(sizes.allWasm.gzip)} KB** | **${kb(sizes.allWasm.brotli)} KB** |`, '');
}
if (crates) {
  const top = crates.groups.slice(0, 14);
  const rest = crates.groups.slice(14);
  const restBytes = rest.reduce((a, g) => a + g.bytes, 0);
  const pct = (n) => `${((100 * n) / crates.code).toFixed(1)} %`;
  L.push('### Where the wasm\'s bytes are (by crate)', '');
  L.push(`Function bodies of cargo's output for this build (\`${path.relative(root, cargoWasm)}\`, before wasm-bindgen and wasm-opt, so larger than the shipped file; the shares are what to read): ${kb(crates.code)} KB of code in ${crates.functions} functions, plus ${kb(crates.data)} KB of data (strings, tables). Grouped by the first crate in each function's name, so generic code is counted where it is defined (a \`tachys\` view function built for one of our pages counts as \`tachys\`); serde's derived impls are counted apart from the crate that derives them. \`node bench/wasm-crates.mjs\` prints the full list.`, '');
  L.push('| crate | code | share | functions |', '| --- | ---: | ---: | ---: |');
  for (const g of top) L.push(`| ${g.group} | ${kb(g.bytes)} KB | ${pct(g.bytes)} | ${g.functions} |`);
  if (rest.length) L.push(`| ${rest.length} others | ${kb(restBytes)} KB | ${pct(restBytes)} | ${rest.reduce((a, g) => a + g.functions, 0)} |`);
  L.push('');
}
if (lh) {
  L.push(`### Lighthouse ${machine.lighthouse}, mobile (default simulated throttling), median of ${LH_RUNS}`, '');
  L.push('| page | performance | FCP | LCP | LCP ÷ floor | TBT | CLS | Speed Index | bytes | LCP element |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const names = { floor: 'static floor (`bench/static-floor.html`)', start: 'start page `/`', slot: `slot page \`/time${QUERY}\`` };
  for (const k of ['floor', 'start', 'slot']) {
    const r = lh[k];
    const ratio = r?.lcp && lh.floor?.lcp ? `${(r.lcp / lh.floor.lcp).toFixed(2)}×` : '–';
    L.push(`| ${names[k]} | ${r?.score ?? '–'} | ${s(r?.fcp)} | ${s(r?.lcp)} | ${ratio} | ${ms(r?.tbt)} | ${r?.cls?.toFixed(3) ?? '–'} | ${s(r?.si)} | ${r?.bytes ? kb(r.bytes) + ' KB' : '–'} | ${(r?.lcpElement ?? '').replace(/\|/g, '\\|').replace(/</g, '&lt;').slice(0, 40)} |`);
    if (r?.failed) L.push(`| ↳ ${r.failed} failed run(s): ${r.errors.join('; ').replace(/\|/g, '/').slice(0, 200)} | | | | | | | | | |`);
  }
  L.push('');
  if (lh.applied) {
    const a = lh.applied;
    L.push(`The same with applied throttling (\`--throttling-method=devtools\`: the page loaded over a really slowed network and CPU, times observed, not simulated), median of ${LH_RUNS}:`, '');
    L.push('| page | FCP | LCP | LCP ÷ floor | TBT |', '| --- | ---: | ---: | ---: | ---: |');
    for (const k of ['floor', 'start']) {
      const r = a[k];
      const ratio = r?.lcp && a.floor?.lcp ? `${(r.lcp / a.floor.lcp).toFixed(2)}×` : '–';
      L.push(`| ${names[k]} | ${s(r?.fcp)} | ${s(r?.lcp)} | ${ratio} | ${ms(r?.tbt)} |`);
    }
    L.push('');
  }
}
L.push(`### Slot page with 200 times in a day (headless Chromium, median of ${browser.slots[0].runs})`, '');
L.push('`/api/slots` is intercepted (`page.route`) to answer three days of 200 times each. *Show* = Continue on the location page until the frame after 200 radios are in the DOM (includes the intercepted fetch); *switch* = Next day / Previous day until the frame after the new day shows; *of it, script* = from the click until the app has finished changing the DOM (every microtask the click queued has run); *a frame alone* = the same wait for the next frame after changing one attribute: the part of *switch* no app can remove.', '');
L.push('| CPU | show a day of 200 | switch day | of it, script | a frame alone |', '| --- | ---: | ---: | ---: | ---: |');
for (const r of browser.slots) L.push(`| ${r.throttle === 1 ? 'unthrottled' : `${r.throttle}× slower (CDP)`} | ${ms(r.showMs)} | ${ms(r.switchMs)} | ${ms(r.switchScriptMs)} | ${ms(r.emptyFrameMs)} |`);
L.push('');
L.push(`### From Continue to the next question (headless Chromium, median of ${browser.next[0].runs})`, '');
L.push('Service question → the next question ("Do you have any of these symptoms?" on a 1.1 API, "Who do you need to see?" on 1.0; a page that needs no request): from the click until the frame after its heading is in the DOM. The next question’s chunk was prefetched while the service question showed (the page is left until the network is idle before Continue), so no code is fetched on the way.', '');
L.push('| CPU | time | requests on the way (the step\'s count to `/api/events`, sent and never waited on, left out) |', '| --- | ---: | ---: |');
for (const r of browser.next) L.push(`| ${r.throttle === 1 ? 'unthrottled' : `${r.throttle}× slower (CDP)`} | ${ms(r.ms)} | ${r.requests} |`);
L.push('');
const b = browser.booking;
L.push('### One whole booking (start → confirmation)', '');
L.push(`| API requests | JS heap used (after GC) | wasm linear memory |`, '| ---: | ---: | ---: |');
// The steps' counts (POST /api/events, sent by sendBeacon and never waited on) apart.
const counts = b.api.filter((r) => r === 'POST /api/events').length;
const waited = b.api.filter((r) => r !== 'POST /api/events');
L.push(`| ${waited.length} (${waited.join(', ')}), and ${counts} step counts (POST /api/events) | ${(b.jsHeapUsed / 2 ** 20).toFixed(2)} MiB of ${(b.jsHeapTotal / 2 ** 20).toFixed(2)} MiB | ${b.wasmMemory ? (b.wasmMemory / 2 ** 20).toFixed(2) + ' MiB' : '–'} |`, '');
L.push('### Machine', '');
L.push(`${machine.cpus}; ${machine.memory}; load average at the end ${machine.load} (other builds and browsers may be running: timings are noisy and only reported). ${machine.rustc}; ${machine.trunk}; wasm-opt ${machine.wasmOpt}; ${machine.chromium}; node ${machine.node}; Lighthouse ${machine.lighthouse}; Playwright ${machine.playwright}.`);
const report = L.join('\n');

const file = path.join(root, 'BENCHMARKS.md');
const BEGIN = '<!-- bench:begin (written by `make bench`; edit outside these markers) -->';
const END = '<!-- bench:end -->';
let md = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
if (!md.includes(BEGIN) || !md.includes(END)) md += `\n${BEGIN}\n${END}\n`;
md = md.slice(0, md.indexOf(BEGIN) + BEGIN.length) + '\n' + report + '\n' + md.slice(md.indexOf(END));
fs.writeFileSync(file, md);
fs.writeFileSync(path.join(root, 'target/bench/results.json'), JSON.stringify({ machine, sizes, crates, browser, lighthouse: lh }, null, 2));
console.log(report);
log('wrote BENCHMARKS.md and target/bench/results.json');
