// Lighthouse (performance only, default mobile emulation and simulated throttling) on headless
// system Chromium: the median of N runs for each URL. Prints JSON on stdout.
//   node bench/lighthouse.mjs RUNS URL...
// LH_THROTTLING=devtools: applied throttling instead (the load really slowed, times observed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules/.bin/lighthouse');
const [runsArg, ...urls] = process.argv.slice(2);
const RUNS = Number(runsArg || 5);
const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
  tti: 'interactive',
  bytes: 'total-byte-weight',
};

const out = {};
for (const url of urls) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const file = path.join(os.tmpdir(), `nhsb-lh-${process.pid}-${i}.json`);
    try {
      execFileSync(bin, [url, '--output=json', `--output-path=${file}`, '--only-categories=performance', ...(process.env.LH_THROTTLING ? [`--throttling-method=${process.env.LH_THROTTLING}`] : []),
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage', '--quiet'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
      const lhr = JSON.parse(fs.readFileSync(file, 'utf8'));
      const r = { score: lhr.categories.performance.score == null ? null : Math.round(lhr.categories.performance.score * 100) };
      for (const [k, id] of Object.entries(METRICS)) r[k] = lhr.audits[id]?.numericValue ?? null;
      r.lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null;
      r.error = lhr.runtimeError?.code ?? null;
      r.version = lhr.lighthouseVersion;
      runs.push(r);
    } catch (e) {
      runs.push({ error: String(e.stderr || e.message).slice(0, 300) });
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
  const ok = runs.filter((r) => !r.error);
  const med = { runs: ok.length, failed: runs.length - ok.length, version: ok[0]?.version ?? null,
    lcpElement: ok[0]?.lcpElement ?? null, errors: runs.filter((r) => r.error).map((r) => r.error) };
  for (const k of ['score', ...Object.keys(METRICS)]) med[k] = median(ok.map((r) => r[k]));
  med.all = runs;
  out[url] = med;
}
console.log(JSON.stringify(out, null, 2));
