// What every browser test shares: the example site built for this machine, a static server that behaves like the
// site's host, Debian's Chromium driven through playwright-core, and the checks run on every page it opens.

import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const LANGS = ["en", "bn", "so"];
/// A cheap phone held upright.
export const PHONE = { width: 360, height: 800 };

/// One page of each kind, by the path it has in a language.
export const KINDS = [
  ["home", (l) => `/${l}/`],
  ["timetable", (l) => `/${l}/timetable/`],
  ["timetable-kind", (l) => `/${l}/timetable/kind/baby-group/`],
  ["timetable-area", (l) => `/${l}/timetable/area/old-town/`],
  ["activity", (l) => `/${l}/activities/bengali-rhymes/`],
  ["hub", (l) => `/${l}/places/old-town-hub/`],
  ["spoke", (l) => `/${l}/places/st-lukes-church-hall/`],
  ["start-for-life", (l) => `/${l}/start-for-life/`],
  ["offer", (l) => `/${l}/start-for-life/feeding-your-baby/`],
  ["print", (l) => `/${l}/start-for-life/print/`],
  ["search", (l) => `/${l}/search/`],
  ["about", (l) => `/${l}/about/`],
  ["accessibility", (l) => `/${l}/accessibility/`],
  ["privacy", (l) => `/${l}/privacy/`],
  ["embed-place", (l) => `/embed/${l}/places/st-lukes-church-hall/`],
  ["embed-activity", (l) => `/embed/${l}/activities/bengali-rhymes/`],
  ["embed-offer", (l) => `/embed/${l}/start-for-life/feeding-your-baby/`],
];
/// Pages in no one language: the language chooser at the root, and the page for an address that is not there.
export const SHARED = [
  ["choose-language", "/"],
  ["not-found", "/no-such-page/"],
];

const folders = [];
const servers = [];
const contexts = [];

/// A new empty folder, removed by `cleanUp`.
export function scratch(name) {
  const dir = mkdtempSync(join(tmpdir(), `hubsite-${name}-`));
  folders.push(dir);
  return dir;
}

/// Closes the servers and browsers and removes the folders this process made.
export async function cleanUp() {
  for (const context of contexts.splice(0)) await context.close();
  for (const server of servers.splice(0)) server.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".ics": "text/calendar; charset=utf-8",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

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

/// Serves a folder on 127.0.0.1 at a free port as a static host would: `index.html` for a folder, the headers its
/// `_headers` file gives each path (the Content-Security-Policy among them), and its `404.html` for anything
/// missing. Resolves to the origin.
export function serve(folder) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let file = normalize(join(folder, decodeURIComponent(url.pathname)));
    if (!file.startsWith(folder)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(folder, "404.html");
      if (!existsSync(file)) return res.writeHead(404).end();
    }
    const headers = { "Content-Type": TYPES[extname(file)] || "application/octet-stream" };
    const rules = existsSync(join(folder, "_headers")) ? headerRules(readFileSync(join(folder, "_headers"), "utf8")) : [];
    // As Cloudflare Pages does: every rule that matches applies, and a header two rules give is joined with a
    // comma, which for Content-Security-Policy makes two policies that must both allow a thing.
    for (const [pattern, values] of rules) {
      const hit = pattern.endsWith("*") ? url.pathname.startsWith(pattern.slice(0, -1)) : url.pathname === pattern;
      if (!hit) continue;
      for (const [name, value] of Object.entries(values)) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    res.writeHead(status, headers).end(readFileSync(file));
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

/// A copy of the example site's sources in a new folder, to change as a test needs.
export function copySite() {
  const siteDir = scratch("site");
  for (const part of ["site.toml", "content", "locales", "themes"]) {
    cpSync(join(repo, part), join(siteDir, part), { recursive: true });
  }
  return siteDir;
}

/// Builds the example site into `out` with `base` as its address and `partners` as the sites allowed to show its
/// embeds, on a fixed day so the timetable is the same on every run.
export function buildSite(out, base, partners = []) {
  const siteDir = copySite();
  const toml = readFileSync(join(siteDir, "site.toml"), "utf8")
    .replace(/^base_url = .*$/m, `base_url = "${base}"`)
    .replace(/^allow_origins = .*$/m, `allow_origins = ${JSON.stringify(partners)}`);
  writeFileSync(join(siteDir, "site.toml"), toml);
  const build = spawnSync(
    "cargo",
    ["run", "--release", "--quiet", "--", "build", "--site", siteDir, "--out", out, "--today", "2026-11-23"],
    { cwd: repo, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`hubsite build failed:\n${build.stderr}`);
}

/// The example site built and served here: resolves to its origin and its folder.
export async function exampleSite() {
  const pub = join(scratch("public"), "public");
  const origin = await serve(pub);
  buildSite(pub, origin);
  return { origin, pub };
}

/// Debian's Chromium, never a downloaded one: `CHROMIUM` may name another build of it.
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/// A new browser with a fresh profile at the phone's size, with or without JavaScript.
export async function browser({ javaScript = true, viewport = PHONE } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM`);
  const context = await chromium.launchPersistentContext(scratch("profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
    viewport,
    javaScriptEnabled: javaScript,
  });
  contexts.push(context);
  return context;
}

/// Opens a page and keeps what a family would never want to see happen on it: a script error, an error in the
/// console, a failed request, or a request to any host but this machine (which would be blocked and reported).
export async function visit(context, url) {
  const page = await context.newPage();
  const trouble = [];
  page.on("console", (m) => m.type() === "error" && trouble.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => trouble.push(`script error: ${e.message}`));
  page.on("requestfailed", (r) => trouble.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  await page.route("**/*", (route) => {
    const asked = new URL(route.request().url());
    if (["http:", "https:"].includes(asked.protocol) && asked.hostname !== "127.0.0.1") {
      trouble.push(`request to another host: ${asked.href}`);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response || !response.ok()) trouble.push(`${url} answered ${response?.status()}`);
  return { page, trouble, response };
}

const AXE = readFileSync(join(repo, "tests/browser/node_modules/axe-core/axe.min.js"), "utf8");
/// The rules of WCAG 2.2 at levels A and AA, as axe-core tags them.
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/// What axe-core finds wrong with the page against WCAG 2.2 A and AA, one line a rule, naming the elements.
export async function accessibility(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    WCAG,
  );
  return found.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

/// Every problem on an opened page: the trouble while it loaded and what axe-core finds.
export async function problems({ page, trouble }) {
  return [...trouble, ...(await accessibility(page))];
}

/// The fonts Chromium really drew an element's text with, and how many letters each drew.
export async function fontsOf(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return fonts;
}

/// Saves a picture of the whole page under target/screenshots/ for a person to look at.
export async function screenshot(page, name) {
  const dir = join(repo, "target", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

const VNU = join(repo, "tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");

/// What the Nu HTML Checker finds wrong in every HTML file under `folder`, as `file:line:column: message`, with the
/// file named from `folder`. Only errors: its warnings are advice.
export function validate(folder) {
  const run = spawnSync(
    process.env.JAVA || "java",
    ["-jar", VNU, "--errors-only", "--skip-non-html", "--format", "json", folder],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.error) throw new Error(`the Nu HTML Checker needs Java (apt-get install default-jre-headless): ${run.error}`);
  // It writes its findings as JSON to standard error, and exits 1 when there are any.
  const { messages } = JSON.parse(run.stderr);
  return messages.map((m) => {
    const file = decodeURIComponent(m.url.replace(/^file:/, "")).replace(`${folder}/`, "");
    return `${file}:${m.lastLine}:${m.firstColumn ?? m.lastColumn}: ${m.message}`;
  });
}
