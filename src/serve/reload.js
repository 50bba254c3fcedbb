// Put into every page by `hubsite serve`, never by `build`: shows the new page when a change has been built, and
// shows the problems when a change could not be built (the page itself stays as it last was).
//
// The new page is swapped in where the old one was: it shows sooner than a reload, without a blank moment, and the
// reader stays where they were on it. A page that runs scripts of its own (search, the copy for partners' sites) is
// reloaded instead, as its scripts would not run again.
(function () {
  "use strict";
  var mine = VERSION;
  if (!window.EventSource) return;
  var events = new EventSource("/__hubsite/events");
  var asked = 0;
  var scripts = "script:not([type='application/ld+json']):not(#hubsite-reload)";
  // The problems with the last change, while it could not be built: a page swapped in after they came keeps them.
  var problems = null;

  function reload() {
    location.reload();
  }

  function show(version) {
    if (!window.fetch || !window.DOMParser || document.querySelector(scripts)) return reload();
    var ask = ++asked;
    fetch(location.href, { cache: "no-store" })
      .then(function (answer) {
        var type = answer.headers.get("content-type") || "";
        if (!answer.ok || type.indexOf("text/html") !== 0) throw new Error("not a page");
        return answer.text();
      })
      .then(function (html) {
        // A later change is on its way: its page is the one to show.
        if (ask !== asked) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        var ours = page.getElementById("hubsite-reload");
        // The version the page is from, which may be later than the one asked for.
        var from = ours && /var mine = (\d+);/.exec(ours.textContent);
        if (ours) ours.remove();
        if (page.querySelector(scripts)) return reload();
        document.replaceChild(document.adoptNode(page.documentElement), document.documentElement);
        mine = from ? Number(from[1]) : version;
        if (problems !== null) showProblems(problems);
        // For the benchmark: when the new page is about to be painted.
        requestAnimationFrame(function () {
          mark("hubsite-shown");
        });
      })
      .catch(reload);
  }

  function mark(name) {
    if (!performance.mark) return;
    performance.clearMarks(name);
    performance.mark(name);
  }

  function showProblems(text) {
    var box = document.getElementById("hubsite-problems");
    if (!box) {
      box = document.createElement("div");
      box.id = "hubsite-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = STYLE;
      box.innerHTML = OVERLAY;
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.querySelector("pre").textContent = text;
  }

  events.addEventListener("built", function (e) {
    var version = Number(e.data);
    problems = null;
    if (version === mine) return;
    mark("hubsite-built");
    show(version);
  });
  events.addEventListener("problems", function (e) {
    problems = e.data;
    showProblems(e.data);
  });
})();
