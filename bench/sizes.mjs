// First-load asset sizes of a Trunk build: the files index.html loads (stylesheet, JS glue,
// wasm) plus index.html itself — raw, gzip (level 9) and brotli (quality 11), with node's zlib
// so no extra tool is needed.
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

/** The files that index.html references from the same origin (href/src attributes, import). */
export function firstLoadFiles(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*["']?(\/[^"' >)]+)/g)) {
    const file = m[1].split(/[?#]/)[0];
    if (file !== '/' && fs.existsSync(path.join(dist, file))) refs.add(file.slice(1));
  }
  return ['index.html', ...[...refs].sort()];
}

export function kindOf(file) {
  if (file === 'index.html') return 'index.html';
  const ext = path.extname(file).slice(1);
  return ext === 'mjs' ? 'js' : ext;
}

/** Per-file and per-kind sizes, plus the total. */
export function measure(dist) {
  const files = firstLoadFiles(dist).map((name) => ({
    name,
    kind: kindOf(name),
    ...compressed(fs.readFileSync(path.join(dist, name))),
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
  return { files, kinds, total };
}

/** Kilobytes of 1000 bytes, as the goals and reference measurements are given. */
export const kb = (n) => (n / 1000).toFixed(1);
