// Every kind of page in every language, in Chromium at a phone's size: no accessibility failures (WCAG 2.2 A and
// AA, by axe-core), no errors, nothing fetched from another host; the same with JavaScript turned off, where the
// content and the menus must still work; and the language links lead to the same page in the other language.
// A picture of each is saved under target/screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { KINDS, LANGS, SHARED, browser, cleanUp, exampleSite, fontsOf, problems, screenshot, visit } from "./harness.mjs";

let site, withScript, withoutScript;

before(async () => {
  site = await exampleSite();
  withScript = await browser();
  withoutScript = await browser({ javaScript: false });
});
after(cleanUp);

for (const [kind, path] of KINDS) {
  for (const lang of LANGS) {
    test(`${kind} in ${lang}: accessible, no errors, nothing from another host, fits 320 pixels`, async () => {
      const opened = await visit(withScript, site.origin + path(lang));
      assert.equal(await opened.page.getAttribute("html", "lang"), lang);
      assert.deepEqual(await problems(opened), []);
      await screenshot(opened.page, `${kind}-${lang}`);
      // Readable on the narrowest phones: nothing pushes the page wider than a 320 pixel screen.
      await opened.page.setViewportSize({ width: 320, height: 640 });
      const wide = await opened.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `${path(lang)} is ${wide} pixels wide on a 320 pixel screen`);
      await opened.page.close();
    });
  }
}

for (const [kind, path] of SHARED) {
  test(`${kind}: accessible, no errors, nothing from another host`, async () => {
    const opened = await visit(withScript, site.origin + path);
    // The missing page is answered with the not-found page and status 404, which is what it should say.
    if (kind === "not-found") opened.trouble = opened.trouble.filter((t) => !/404/.test(t));
    assert.deepEqual(await problems(opened), []);
    await screenshot(opened.page, kind);
    await opened.page.close();
  });
}

for (const [kind, path] of KINDS) {
  for (const lang of LANGS) {
    test(`${kind} in ${lang} without JavaScript: the content shows and the links work`, async () => {
      const opened = await visit(withoutScript, site.origin + path(lang));
      const { page } = opened;
      // axe-core itself needs JavaScript (it waits on timers), so here only the trouble while loading is checked.
      assert.deepEqual(opened.trouble, []);
      await assert.doesNotReject(page.locator("main h1").waitFor({ state: "visible", timeout: 2000 }));
      const words = (await page.locator("main").innerText()).trim();
      assert.ok(words.length > 40, `the page has its content without JavaScript: ${words}`);
      // Every link on the page leads somewhere on this site that answers.
      const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => a.href));
      for (const href of new Set(hrefs.filter((h) => h.startsWith(site.origin)))) {
        const answer = await page.request.get(href);
        assert.equal(answer.status(), 200, `${href} on ${path(lang)}`);
      }
      if (kind.startsWith("embed-")) {
        // A copy shown in a partner's frame opens its links in the whole window, not inside the frame.
        assert.equal(await page.getAttribute("base", "target"), "_top");
      } else {
        // The menu works by tapping: the timetable link opens the timetable in the same language.
        await page.locator(`nav a[href="/${lang}/timetable/"]`).first().click();
        await page.waitForURL(`${site.origin}/${lang}/timetable/`);
        assert.equal(await page.getAttribute("html", "lang"), lang);
        assert.ok(await page.locator("main h1").isVisible());
      }
      await page.close();
    });
  }
}

for (const [kind, path] of KINDS.filter(([k]) => !k.startsWith("embed-"))) {
  for (const lang of LANGS) {
    test(`${kind} in ${lang}: each language link opens the same page in that language`, async () => {
      for (const other of LANGS.filter((l) => l !== lang)) {
        const { page } = await visit(withoutScript, site.origin + path(lang));
        await page.locator(`header a[hreflang="${other}"]`).click();
        await page.waitForURL(site.origin + path(other));
        assert.equal(await page.getAttribute("html", "lang"), other);
        await page.close();
      }
    });
  }
}

test("Bengali is drawn with a Bengali font, not empty boxes, with room between lines", async () => {
  for (const path of ["/bn/", "/bn/activities/bengali-rhymes/", "/"]) {
    const { page } = await visit(withScript, site.origin + path);
    const selector = path === "/" ? 'li[lang="bn"] span' : "main h1";
    const text = await page.locator(selector).first().innerText();
    assert.match(text, /[\u0980-\u09FF]/, `${path} has Bengali in ${selector}`);
    const fonts = await fontsOf(page, selector);
    const bengali = fonts.filter((f) => /Bengali/.test(f.familyName));
    assert.ok(bengali.length > 0, `${path}: ${JSON.stringify(fonts)}`);
    // Every Bengali letter was drawn by a Bengali font: any other font drew no more than the spaces and Latin
    // letters, so nothing fell through to a font that would show an empty box.
    const others = [...text].filter((c) => !/[\u0980-\u09FF]/.test(c)).length;
    const drawnByOthers = fonts.filter((f) => !/Bengali/.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
    assert.ok(drawnByOthers <= others, `${path}: ${JSON.stringify(fonts)} for ${JSON.stringify(text)}`);
    // Bengali letters reach above and below the line, so its lines are spaced at 1.6 or more.
    const spacing = await page.locator(`${selector === "main h1" ? "main p" : selector}`).first().evaluate((el) => {
      const style = getComputedStyle(el);
      return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
    });
    assert.ok(spacing >= 1.6, `${path}: line spacing ${spacing}`);
    await page.close();
  }
});
