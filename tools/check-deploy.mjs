#!/usr/bin/env node
// Runs the shipped server config (deploy/nginx.conf, or deploy/apache.conf with `apache`)
// against dist/ on a spare port, as a trust's server would, and checks what a browser gets:
// compression by Accept-Encoding, the wasm MIME type, caching (a year for hashed files,
// revalidate the page and booking.js), the strict CSP with this build's style hash, page paths
// answered with the app. `make test-deploy` runs both; .ci/install-tools test installs nginx
// (with its brotli static module) and Apache from Debian.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const kind = process.argv[2] || 'nginx';
const port = Number(process.env.DEPLOY_PORT || (kind === 'nginx' ? 8093 : 8094));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nhsb-nginx-'));
const hash = fs.readFileSync(path.join(dist, 'csp-style-src.txt'), 'utf8').trim();
const files = fs.readdirSync(dist);
const one = (re) => files.find((f) => re.test(f)) ?? fail(`no ${re} in dist/`);
// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, sometimes fewer.
const wasm = one(/^nhs-booking-[0-9a-f]{12,16}_bg\.wasm$/);
const css = one(/^app-[0-9a-f]{12,16}\.css$/);
// A chunk: the wasm of pages after the first screen (tools/build-wasm.mjs).
const chunk = one(/^nhs-booking-[a-z]+\d*-[0-9a-f]{12,16}\.wasm$/);

function fail(message) {
  console.error(`check-deploy: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

// The shipped config, as the deploy steps in DEPLOYING.md make it, inside a minimal server.
const site = (file) =>
  fs
    .readFileSync(path.join(root, 'deploy', file), 'utf8')
    .replaceAll('__STYLE_HASH__', hash)
    .replaceAll('/srv/nhs-booking/dist', dist);
let server;
if (kind === 'nginx') {
  fs.writeFileSync(path.join(work, 'booking.conf'), site('nginx.conf').replace('listen 8080;', `listen 127.0.0.1:${port};`));
  fs.writeFileSync(
    path.join(work, 'nginx.conf'),
    `include /etc/nginx/modules-enabled/*.conf;
daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  include ${work}/booking.conf;
}
`,
  );
  execFileSync('nginx', ['-t', '-q', '-c', path.join(work, 'nginx.conf')], { stdio: 'inherit' });
  server = spawn('nginx', ['-c', path.join(work, 'nginx.conf')], { stdio: 'inherit' });
} else {
  fs.writeFileSync(path.join(work, 'booking.conf'), site('apache.conf'));
  const modules = ['mpm_event', 'authz_core', 'mime', 'headers', 'rewrite', 'setenvif', 'dir'];
  fs.writeFileSync(
    path.join(work, 'httpd.conf'),
    `ServerRoot ${work}
ServerName localhost
Listen 127.0.0.1:${port}
PidFile ${work}/httpd.pid
ErrorLog ${work}/error.log
${modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n')}
${process.getuid?.() === 0 ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
DirectoryIndex index.html
<VirtualHost *:${port}>
  Include ${work}/booking.conf
</VirtualHost>
`,
  );
  execFileSync('apache2', ['-t', '-f', path.join(work, 'httpd.conf')], { stdio: 'inherit' });
  server = spawn('apache2', ['-f', path.join(work, 'httpd.conf'), '-DFOREGROUND'], { stdio: 'inherit' });
}

function get(pathname, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

async function ready() {
  for (let i = 0; i < 50; i++) {
    try {
      return await get('/');
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  fail('nginx did not answer');
}

function expect(what, actual, wanted) {
  const ok = wanted instanceof RegExp ? wanted.test(actual ?? '') : actual === wanted;
  if (!ok) fail(`${what}: got ${JSON.stringify(actual)}, wanted ${wanted}`);
  checks++;
}

let checks = 0;
const HTML = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' };
try {
  await ready();
  const csp = `style-src 'self' ${hash};`;
  for (const page of ['/', '/time?service=physio-msk', '/manage/cancel']) {
    const r = await get(page, HTML);
    expect(`${page} status`, r.status, 200);
    expect(`${page} type`, r.headers['content-type'], /^text\/html/);
    expect(`${page} encoding`, r.headers['content-encoding'], 'br');
    expect(`${page} caching`, r.headers['cache-control'], 'no-cache');
    expect(`${page} CSP`, r.headers['content-security-policy'], new RegExp(csp.replace(/[+/]/g, '\\$&')));
    expect(`${page} CSP script`, r.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval';/);
  }
  for (const file of [wasm, chunk]) {
    for (const [accept, encoding, bytes] of [
      ['gzip, deflate, br', 'br', fs.statSync(path.join(dist, `${file}.br`)).size],
      ['gzip', 'gzip', fs.statSync(path.join(dist, `${file}.gz`)).size],
      ['identity', undefined, fs.statSync(path.join(dist, file)).size],
    ]) {
      const r = await get(`/${file}`, { 'accept-encoding': accept });
      expect(`${file} (${accept}) status`, r.status, 200);
      expect(`${file} (${accept}) type`, r.headers['content-type'], 'application/wasm');
      expect(`${file} (${accept}) encoding`, r.headers['content-encoding'], encoding);
      expect(`${file} (${accept}) bytes`, r.body.length, bytes);
      expect(`${file} (${accept}) caching`, r.headers['cache-control'], 'public, max-age=31536000, immutable');
      expect(`${file} (${accept}) vary`, r.headers.vary, /Accept-Encoding/i);
    }
  }
  const style = await get(`/${css}`, { 'accept-encoding': 'br' });
  expect('stylesheet type', style.headers['content-type'], /^text\/css/);
  expect('stylesheet caching', style.headers['cache-control'], 'public, max-age=31536000, immutable');
  const loader = await get('/booking.js', { 'accept-encoding': 'br' });
  expect('booking.js type', loader.headers['content-type'], /javascript/);
  expect('booking.js encoding', loader.headers['content-encoding'], 'br');
  expect('booking.js caching', loader.headers['cache-control'], 'no-cache');
  expect('a missing file', (await get('/missing.png')).status, 404);
  console.log(`check-deploy: deploy/${kind}.conf ok (${checks} checks against dist/ with ${kind})`);
} catch (e) {
  if (fs.existsSync(path.join(work, 'error.log'))) console.error(fs.readFileSync(path.join(work, 'error.log'), 'utf8'));
  throw e;
} finally {
  server.kill(kind === 'nginx' ? 'SIGQUIT' : 'SIGTERM');
  await new Promise((r) => server.on('exit', r));
  fs.rmSync(work, { recursive: true, force: true });
}
