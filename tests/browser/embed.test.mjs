// The embed snippet in a real browser: a partner's page on another origin shows a place's page in a frame that
// fits its content; a site not in `[embed] allow_origins` gets nothing; without JavaScript the plain link shows.
//
// Run by .ci/run: `node --test tests/browser/`. Needs Chromium (`CHROMIUM` names it, else it is looked for on the
// PATH) and Cargo, which builds the example site with this machine's address as its own and as the partner's.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, statSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const work = mkdtempSync(join(tmpdir(), "hubsite-embed-"));
const servers = [];

function chromium() {
  const names = [process.env.CHROMIUM, "chromium", "chromium-browser", "google-chrome"].filter(Boolean);
  for (const name of names) {
    if (spawnSync(name, ["--version"]).status === 0) return name;
  }
  throw new Error("Chromium is needed for the browser tests: install it, or name it in CHROMIUM");
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

/// The `_headers` rules as [pattern, {name: value}], as a static host reads them.
function headerRules(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    if (line.startsWith("  ")) {
      const [name, ...value] = line.trim().split(": ");
      rules[rules.length - 1][1][name] = value.join(": ");
    } else {
      rules.push([line.trim(), {}]);
    }
  }
  return rules;
}

/// Serves a folder on 127.0.0.1 at a free port, with the headers its `_headers` file gives each path.
function serve(folder) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let file = normalize(join(folder, decodeURIComponent(url.pathname)));
    if (!file.startsWith(folder)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return res.writeHead(404).end();
    const headers = { "Content-Type": TYPES[extname(file)] || "application/octet-stream" };
    const rules = existsSync(join(folder, "_headers")) ? headerRules(readFileSync(join(folder, "_headers"), "utf8")) : [];
    for (const [pattern, values] of rules) {
      const hit = pattern.endsWith("*") ? url.pathname.startsWith(pattern.slice(0, -1)) : url.pathname === pattern;
      if (hit) Object.assign(headers, values);
    }
    res.writeHead(200, headers).end(readFileSync(file));
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

/// The page's DOM after its scripts and frames have run, as Chromium sees it. Run without blocking, because the
/// servers it asks for pages live in this process.
function dom(url, ...flags) {
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=15000", ...flags, "--dump-dom", url];
  return new Promise((resolve, reject) => {
    const child = spawn(chromium(), args, { timeout: 120000 });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`Chromium stopped with ${code}: ${err}`))));
  });
}

let site, partner, stranger, snippet;

before(async () => {
  const siteDir = join(work, "site");
  const pub = join(work, "public");
  const partnerDir = join(work, "partner");
  const strangerDir = join(work, "stranger");
  site = await serve(pub);
  partner = await serve(partnerDir);
  stranger = await serve(strangerDir);
  // The example site, with this machine as its address and as the one partner allowed to frame it.
  for (const part of ["site.toml", "content", "locales", "themes"]) {
    cpSync(join(repo, part), join(siteDir, part), { recursive: true });
  }
  const toml = readFileSync(join(siteDir, "site.toml"), "utf8")
    .replace(/^base_url = .*$/m, `base_url = "${site}"`)
    .replace(/^allow_origins = .*$/m, `allow_origins = ["${partner}"]`);
  writeFileSync(join(siteDir, "site.toml"), toml);
  const build = spawnSync(
    "cargo",
    ["run", "--release", "--quiet", "--", "build", "--site", siteDir, "--out", pub, "--today", "2026-11-23"],
    { cwd: repo, encoding: "utf8" },
  );
  assert.equal(build.status, 0, build.stderr);
  // The code a partner copies, exactly as the oEmbed file gives it.
  snippet = JSON.parse(readFileSync(join(pub, "embed/bn/places/st-lukes-church-hall/oembed.json"), "utf8")).html;
  const page = (title) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1>${snippet}<p>After the frame.</p></body></html>`;
  mkdirSync(partnerDir, { recursive: true });
  writeFileSync(join(partnerDir, "index.html"), page("A partner's page"));
  // What a browser with JavaScript turned off has of the snippet: Chromium's DOM dump itself needs JavaScript, so
  // the script is left out instead of turned off.
  writeFileSync(join(partnerDir, "no-script.html"), page("A partner's page").replace(/<script[^>]*><\/script>/, ""));
  mkdirSync(strangerDir, { recursive: true });
  writeFileSync(join(strangerDir, "index.html"), page("Some other site"));
});

after(() => {
  for (const s of servers) s.close();
  rmSync(work, { recursive: true, force: true });
});

/// The partner's box after the script has run: its attributes and what is inside.
function box(html) {
  const start = html.indexOf("<div data-hubsite-embed=");
  assert.ok(start >= 0, html);
  return html.slice(start, html.indexOf("</div>", start) + 6);
}

test("the snippet on a partner's site shows the page in a frame that fits its content", async () => {
  assert.match(snippet, /data-hubsite-embed="places\/st-lukes-church-hall" data-lang="bn"/);
  const shown = box(await dom(`${partner}/`));
  // The frame loaded from the site's origin, its page ran and said how tall it is, and the frame took that height.
  assert.match(shown, new RegExp(`<iframe src="${site}/embed/bn/places/st-lukes-church-hall/"`));
  const height = Number((shown.match(/data-hubsite-height="(\d+)"/) || [])[1]);
  assert.ok(height > 300, `the frame fits a whole page, not a sliver: ${shown}`);
  assert.match(shown, new RegExp(`height: ${height}px`));
  assert.match(shown, /scrolling="no"/);
  assert.match(shown, /title="St Luke's Church Hall/);
  // The plain link steps aside once the page is showing.
  assert.match(shown, /<a [^>]*hidden/);
});

test("a site that is not a partner gets no page in the frame", async () => {
  const shown = box(await dom(`${stranger}/`));
  assert.match(shown, /<iframe /);
  assert.doesNotMatch(shown, /data-hubsite-height/);
  assert.doesNotMatch(shown, /<a [^>]*hidden/, "the plain link stays");
});

test("without JavaScript the snippet is a plain link to the page", async () => {
  const shown = box(await dom(`${partner}/no-script.html`));
  assert.doesNotMatch(shown, /<iframe/);
  assert.match(shown, new RegExp(`<a href="${site}/bn/places/st-lukes-church-hall/">St Luke's Church Hall`));
});
