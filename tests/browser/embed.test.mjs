// The embed snippet in Chromium: a partner's page on another origin shows a place's page in a frame that fits its
// content, and keeps fitting when the phone turns; a site not in `[embed] allow_origins` gets nothing; without
// JavaScript the plain link shows.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { browser, buildSite, cleanUp, scratch, serve, visit } from "./harness.mjs";

let site, partner, stranger, snippet, phone;

before(async () => {
  const work = scratch("embed");
  const pub = join(work, "public");
  const partnerDir = join(work, "partner");
  const strangerDir = join(work, "stranger");
  site = await serve(pub);
  partner = await serve(partnerDir);
  stranger = await serve(strangerDir);
  // The example site, with this machine as its address and as the one partner allowed to frame it.
  buildSite(pub, site, [partner]);
  // The code a partner copies, exactly as the oEmbed file gives it.
  snippet = JSON.parse(readFileSync(join(pub, "embed/bn/places/st-lukes-church-hall/oembed.json"), "utf8")).html;
  const page = (title) =>
    `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>${title}</title></head>` +
    `<body><h1>${title}</h1>${snippet}<p>After the frame.</p></body></html>`;
  for (const [dir, title] of [[partnerDir, "A partner's page"], [strangerDir, "Some other site"]]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.html"), page(title));
  }
  phone = await browser();
});
after(cleanUp);

/// How tall the frame is on the partner's page, and how tall the page inside it is.
async function heights(page) {
  const frame = await page.locator("[data-hubsite-embed] iframe").boundingBox();
  const inside = await page
    .frameLocator("[data-hubsite-embed] iframe")
    .locator("html")
    .evaluate((html) => html.getBoundingClientRect().height);
  return { frame: frame.height, inside: Math.ceil(inside) };
}

test("the snippet on a partner's site shows the page in a frame that fits its content", async () => {
  assert.match(snippet, /data-hubsite-embed="places\/st-lukes-church-hall" data-lang="bn"/);
  const { page, trouble } = await visit(phone, `${partner}/`);
  const box = page.locator("[data-hubsite-embed]");
  // The page in the frame has said how tall it is.
  await page.locator("[data-hubsite-embed][data-hubsite-height]").waitFor();
  assert.deepEqual(trouble, []);
  const frame = box.locator("iframe");
  assert.equal(await frame.getAttribute("src"), `${site}/embed/bn/places/st-lukes-church-hall/`);
  assert.match(await frame.getAttribute("title"), /^St Luke's Church Hall/);
  // The page shows inside the frame, in Bengali.
  const inside = page.frameLocator("[data-hubsite-embed] iframe");
  assert.match(await inside.locator("h1").innerText(), /St Luke's Church Hall/);
  assert.equal(await inside.locator("html").getAttribute("lang"), "bn");
  // The frame took the height of the page inside it: no second scroll bar, no empty space.
  const { frame: tall, inside: content } = await heights(page);
  assert.ok(tall > 300, `the frame fits a whole page, not a sliver: ${tall}`);
  assert.ok(Math.abs(tall - content) <= 1, `frame ${tall}, page ${content}`);
  // The plain link steps aside once the page is showing.
  assert.equal(await box.locator("a").first().isVisible(), false);
  // Turned sideways the page inside is wider and shorter, and the frame follows it.
  await page.setViewportSize({ width: 800, height: 360 });
  await page.waitForFunction((was) => {
    const h = document.querySelector("[data-hubsite-embed]").getAttribute("data-hubsite-height");
    return Number(h) < was;
  }, tall);
  const turned = await heights(page);
  assert.ok(turned.frame < tall, `${turned.frame} after ${tall}`);
  assert.ok(Math.abs(turned.frame - turned.inside) <= 1, JSON.stringify(turned));
  await page.close();
});

test("a site that is not a partner gets no page in the frame", async () => {
  const { page, trouble } = await visit(phone, `${stranger}/`);
  // Give the frame time to load, as it did for the partner.
  await page.waitForTimeout(1500);
  const box = page.locator("[data-hubsite-embed]");
  assert.equal(await box.locator("iframe").count(), 1);
  assert.equal(await box.getAttribute("data-hubsite-height"), null);
  assert.ok(await box.locator("a").first().isVisible(), "the plain link stays");
  // The frame holds nothing of the site's page, because the page's frame-ancestors rule names only the partner.
  const inside = page.frames().find((f) => f !== page.mainFrame());
  assert.doesNotMatch(await inside.content(), /St Luke/);
  assert.ok(
    trouble.some((t) => t.includes(`Content Security Policy directive: "frame-ancestors ${partner}"`)),
    trouble.join("\n"),
  );
  await page.close();
});

test("without JavaScript the snippet is a plain link to the page", async () => {
  const noScript = await browser({ javaScript: false });
  const { page, trouble } = await visit(noScript, `${partner}/`);
  assert.deepEqual(trouble, []);
  const box = page.locator("[data-hubsite-embed]");
  assert.equal(await box.locator("iframe").count(), 0);
  const link = box.getByRole("link", { name: /St Luke's Church Hall/ });
  assert.equal(await link.getAttribute("href"), `${site}/bn/places/st-lukes-church-hall/`);
  await link.click();
  await page.waitForURL(`${site}/bn/places/st-lukes-church-hall/`);
  assert.equal(await page.getAttribute("html", "lang"), "bn");
});
