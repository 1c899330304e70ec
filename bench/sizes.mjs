// First-load asset sizes of a build: the files index.html loads (stylesheet, booking.js with
// the JS glue, the main wasm module) plus index.html itself, and the chunks (the wasm modules
// of the pages after the first screen, fetched later) — raw, gzip (level 9) and brotli
// (quality 11), with node's zlib so no extra tool is needed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const KINDS = ['index.html', 'css', 'js', 'wasm'];

export function compressed(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

/** A chunk: `nhs-booking-<chunk>-<hash>.wasm` (tools/build-wasm.mjs), not the main module. */
export const isChunk = (file) => /^nhs-booking-[a-z]+[0-9]*-[0-9a-f]{12,16}\.wasm$/.test(file);

/** Fetched only for a patient reading that language: the static shell's Welsh words. */
export const isOneLanguage = (file) => /^nhs-booking-shell-[a-z]{2}-[0-9a-f]{12,16}\.json$/.test(file);

/**
 * The files index.html references from the same origin (href/src attributes), and the files
 * those scripts name in turn (booking.js names the stylesheet and the wasm as './file').
 */
export function firstLoadFiles(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = new Set();
  const add = (file) => {
    file = file.split(/[?#]/)[0].replace(/^\.?\//, '');
    if (!file || refs.has(file) || isChunk(file) || isOneLanguage(file) || !fs.existsSync(path.join(dist, file))) return;
    refs.add(file);
    if (file.endsWith('.js') || file.endsWith('.mjs')) {
      const js = fs.readFileSync(path.join(dist, file), 'utf8');
      for (const m of js.matchAll(/["'](\.\/[^"'\s]+)["']/g)) add(m[1]);
    }
  };
  for (const m of html.matchAll(/(?:href|src)\s*=\s*["']?(\/[^"' >)]+)/g)) add(m[1]);
  return ['index.html', ...[...refs].sort()];
}

export function kindOf(file) {
  if (file === 'index.html') return 'index.html';
  const ext = path.extname(file).slice(1);
  return ext === 'mjs' ? 'js' : ext;
}

/** Per-file and per-kind sizes, plus the total. */
export function measure(dist) {
  // The standalone index.html carries the stylesheet inline (booking.js then does not fetch
  // app-….css; a host page gets the file). Its bytes count once, as css: index.html is
  // measured without them, so the kinds and the budget mean the same in both cases.
  const bytes = (name) => {
    const buf = fs.readFileSync(path.join(dist, name));
    if (name !== 'index.html') return buf;
    return Buffer.from(buf.toString('utf8').replace(/<style data-nhsb-css>[\s\S]*?<\/style>/, ''));
  };
  const files = firstLoadFiles(dist).map((name) => ({
    name,
    kind: kindOf(name),
    ...compressed(bytes(name)),
  }));
  const kinds = {};
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const k = (kinds[f.kind] ??= { raw: 0, gzip: 0, brotli: 0 });
    for (const e of ['raw', 'gzip', 'brotli']) {
      k[e] += f[e];
      total[e] += f[e];
    }
  }
  // Every chunk, as if all were fetched (a patient who books and then changes the booking).
  const chunks = { raw: 0, gzip: 0, brotli: 0, count: 0 };
  for (const name of fs.readdirSync(dist).filter(isChunk)) {
    const c = compressed(bytes(name));
    for (const e of ['raw', 'gzip', 'brotli']) chunks[e] += c[e];
    chunks.count++;
  }
  const allWasm = Object.fromEntries(['raw', 'gzip', 'brotli'].map((e) => [e, (kinds.wasm?.[e] ?? 0) + chunks[e]]));
  return { files, kinds, total, chunks, allWasm };
}

/** Kilobytes of 1000 bytes, as the goals and reference measurements are given. */
export const kb = (n) => (n / 1000).toFixed(1);
