import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRendererHandler, isRendererEntry, rendererFile } from '../../../../electron/shell/renderer-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/shell/window-options.js';

const ROOT = join(tmpdir(), 'taper-renderer-root');

describe('rendererFile', () => {
  it('maps the root to index.html and a path to the file under the root, whatever the query, fragment or host case', () => {
    expect(rendererFile('taper://app/', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(rendererFile('taper://app/index.html', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(rendererFile('taper://APP/assets/app.js?v=3#top', ROOT)).toBe(join(ROOT, 'assets', 'app.js'));
    expect(rendererFile('taper://app/assets/my%20font.woff2', ROOT)).toBe(join(ROOT, 'assets', 'my font.woff2'));
  });

  it('refuses other schemes, other hosts, a port and what is not a URL', () => {
    for (const url of [
      'https://app/index.html',
      'file:///index.html',
      `file://${join(ROOT, 'index.html')}`,
      'taper://evil/index.html',
      'taper://app.evil/index.html',
      'taper://app:8080/index.html',
      'taper:app/index.html',
      'not a url',
    ]) {
      expect(rendererFile(url, ROOT), url).toBeNull();
    }
  });

  it('keeps plain and percent-encoded dot segments at the root (the URL parser resolves them)', () => {
    expect(rendererFile('taper://app/../../etc/passwd', ROOT)).toBe(join(ROOT, 'etc', 'passwd'));
    expect(rendererFile('taper://app/%2e%2e/%2E%2E/etc/passwd', ROOT)).toBe(join(ROOT, 'etc', 'passwd'));
    expect(rendererFile('taper://app/assets/../index.html', ROOT)).toBe(join(ROOT, 'index.html'));
  });

  it('refuses a climb out of the root hidden behind an encoded slash', () => {
    for (const url of [
      'taper://app/..%2fsecret.txt',
      'taper://app/%2e%2e%2fsecret.txt',
      'taper://app/assets/..%2f..%2f..%2fetc%2fpasswd',
      'taper://app/a%2F..%2F..%2Fsecret.txt',
    ]) {
      expect(rendererFile(url, ROOT), url).toBeNull();
    }
  });

  it('refuses backslashes, NUL bytes and broken percent-encoding', () => {
    for (const url of [
      'taper://app/assets\\..\\..\\secret.txt',
      'taper://app/%5c..%5csecret.txt',
      'taper://app/index.html%00.js',
      'taper://app/%E0%A4%A',
    ]) {
      expect(rendererFile(url, ROOT), url).toBeNull();
    }
  });
});

describe('createRendererHandler', () => {
  let directory: string;
  let root: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'taper-renderer-'));
    root = join(directory, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Taper</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log("taper");');
    await writeFile(join(root, 'assets', 'app.css'), 'body { margin: 0; }');
    await writeFile(join(directory, 'secret.txt'), 'outside the renderer root');
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  function handler() {
    const read = vi.fn((path: string) => readFile(path));
    return { handle: createRendererHandler({ root, readFile: read }), read };
  }

  it('serves the files with their type, the CSP and nosniff', async () => {
    const { handle } = handler();
    for (const [url, type, body] of [
      ['taper://app/', 'text/html; charset=utf-8', '<!doctype html><title>Taper</title>'],
      ['taper://app/index.html?lang=en', 'text/html; charset=utf-8', '<!doctype html><title>Taper</title>'],
      ['taper://app/assets/app.js', 'text/javascript; charset=utf-8', 'console.log("taper");'],
      ['taper://app/assets/app.css', 'text/css; charset=utf-8', 'body { margin: 0; }'],
    ] as const) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Type'), url).toBe(type);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
      expect(await response.text(), url).toBe(body);
    }
  });

  it('answers 404 for a missing file and for a directory', async () => {
    const { handle } = handler();
    for (const url of ['taper://app/assets/missing.js', 'taper://app/assets']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('Content-Type'), url).toBe('text/plain');
    }
  });

  it('answers 404 for a traversal attempt without reading the file outside the root', async () => {
    const { handle, read } = handler();
    for (const url of [
      'taper://app/..%2fsecret.txt',
      'taper://app/%2e%2e%2fsecret.txt',
      'taper://app/assets/..%2f..%2fsecret.txt',
      'taper://app/%5c..%5csecret.txt',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer root');
    }
    expect(read).not.toHaveBeenCalled();
  });

  it('answers 404 for a method other than GET, even for a file that exists', async () => {
    const { handle, read } = handler();
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await handle(new Request('taper://app/index.html', { method }));
      expect(response.status, method).toBe(404);
    }
    expect(read).not.toHaveBeenCalled();
  });
});

describe('isRendererEntry', () => {
  it('accepts the entry page with any query or fragment and any host case', () => {
    for (const url of [
      'taper://app/index.html',
      'taper://app/index.html?lang=zh-CN',
      'taper://app/index.html#/history',
      'taper://APP/index.html?x=1#y',
      'TAPER://app/index.html',
    ]) {
      expect(isRendererEntry(url), url).toBe(true);
    }
  });

  it('refuses other paths, ports, userinfo, schemes, hosts and file:// URLs', () => {
    for (const url of [
      'taper://app/',
      'taper://app/other.html',
      'taper://app/assets/app.js',
      'taper://app/index.html/',
      'taper://app//index.html',
      'taper://app:1234/index.html',
      'taper://user@app/index.html',
      'taper://:pass@app/index.html',
      'taper://user:pass@app/index.html',
      'https://app/index.html',
      'http://app/index.html',
      'taper://evil/index.html',
      'taper://app.evil/index.html',
      'file:///index.html',
      'file:///opt/Taper/resources/app/dist/renderer/index.html',
      'not a url',
      '',
    ]) {
      expect(isRendererEntry(url), url).toBe(false);
    }
  });
});
