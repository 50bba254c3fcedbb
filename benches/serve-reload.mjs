// Times what a person sees in `hubsite serve`: from saving a session's file to its new title being on the page of
// an open tab, in headless Chromium, over several saves, and prints the median. The time shown is by the tab's own
// clock: the frame before the new page is painted when the reload script swapped it in, or DOMContentLoaded when
// the tab reloaded.
//
//   node benches/serve-reload.mjs                       # a copy of the example site, baby-massage
//   node benches/serve-reload.mjs /tmp/g10k session-0   # a generated site (edited in place, then put back)
//   node benches/serve-reload.mjs - baby-massage /en/timetable/
//                                      # the tab is on a list that shows the session, not on the session's page
//
// Needs the release binary (cargo build --release), Chromium and tests/browser's packages (npm ci there).

import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { browser, cleanUp, copySite, repo } from "../tests/browser/harness.mjs";

const SAVES = 11;
const ms = (t) => Math.round(t);
const [given, slug = "baby-massage", watched] = process.argv.slice(2);
const site = !given || given === "-" ? copySite() : given;
const file = join(site, `content/sessions/${slug}.md`);
const source = readFileSync(file, "utf8");
const title = source.match(/^title = "(.*)"$/m)?.[1];
if (!title) throw new Error(`${file} has no title line`);

const server = spawn(
  join(repo, "target/release/hubsite"),
  ["serve", "--port", "0", "--today", "2026-11-23", "--site", site],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const origin = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    const found = out.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
    if (found) resolve(`http://${found[1]}`);
  });
  server.on("exit", (code) => reject(new Error(`hubsite serve stopped with ${code}: ${out}`)));
});

const times = [];
try {
  // A plain tab, as a person has: the test harness's watch on every request would slow each reload.
  const page = await (await browser()).newPage();
  await page.goto(`${origin}${watched ?? `/en/activities/${slug}/`}`, { waitUntil: "load" });
  for (let i = 1; i <= SAVES; i++) {
    const wanted = `${title} ${i}`;
    const saved = Date.now();
    writeFileSync(file, source.replace(`title = "${title}"`, `title = "${wanted}"`));
    // The session's own page has the title as its heading; a list has it somewhere in its text. A page swapped in
    // has marked the frame it is painted in, or the tab has reloaded since the save.
    await page.waitForFunction(
      ([w, list, saved]) =>
        (list
          ? document.querySelector("main")?.textContent.includes(w)
          : document.querySelector("main h1")?.textContent === w) &&
        (performance.timeOrigin > saved ||
          performance.getEntriesByName("hubsite-shown").some((m) => performance.timeOrigin + m.startTime > saved)),
      [wanted, Boolean(watched), saved],
      { timeout: 60_000 },
    );
    // The tab's own clock says when the reloaded page had been read and laid out (the same clock as ours, on
    // this machine), so the time Playwright takes to notice is left out.
    const [began, asked, answered, shown] = await page.evaluate(() => {
      const at = (t) => performance.timeOrigin + t;
      const last = (name) => performance.getEntriesByName(name).at(-1);
      // A page swapped in by the reload script marks when it is about to be painted; the last fetch of the page is
      // the one it showed.
      const swapped = last("hubsite-shown");
      if (swapped) {
        const fetched = performance.getEntriesByName(location.href).at(-1);
        return [at(last("hubsite-built").startTime), at(fetched.requestStart), at(fetched.responseStart), at(swapped.startTime)];
      }
      const nav = performance.getEntriesByType("navigation")[0];
      return [performance.timeOrigin, at(nav.requestStart), at(nav.responseStart), at(nav.domContentLoadedEventEnd)];
    });
    times.push(shown - saved);
    // SPLIT=1: how much of it is before the tab starts to reload or, for a swap, has the event (the watcher, the
    // rebuild, the event), until the page is asked for, until the server answers (a list waits for the lists to be
    // made), and until it is shown.
    if (process.env.SPLIT) {
      const after = (t) => ms(t - saved);
      console.log(
        `after the save: reload began ${after(began)} ms, page asked for ${after(asked)}, answered ${after(answered)}, ` +
          `shown ${after(shown)}`,
      );
    }
    // Let the freed build go before the next save, as a person's next save would.
    await new Promise((r) => setTimeout(r, 1000));
  }
} finally {
  writeFileSync(file, source);
  server.kill();
  await cleanUp();
}
times.sort((a, b) => a - b);
console.log(
  `${site}${watched ?? ""}: saved to shown in the tab, ${SAVES} saves: median ${ms(times[SAVES >> 1])} ms ` +
    `(fastest ${ms(times[0])}, slowest ${ms(times[SAVES - 1])})`,
);
