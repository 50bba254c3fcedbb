// Shows a page of the family hub site on a partner's page. The partner pastes a box such as
//   <div data-hubsite-embed="places/st-lukes" data-lang="bn"><a href="…">St Luke's</a></div>
// and this script. The box gets a frame with the page's copy from /embed/; the copy tells this script how tall it
// is, so the frame always fits its content and there is never a second scroll bar. Without JavaScript, or until
// the frame has shown the page, the plain link in the box still works.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = script.src.replace(/\/embed\.js(?:[?#].*)?$/, "");
  var origin;
  try {
    origin = new URL(base).origin;
  } catch (e) {
    return;
  }
  var shown = [];

  function show(box) {
    if (box.getAttribute("data-hubsite-ready")) return;
    var what = box.getAttribute("data-hubsite-embed") || "";
    var lang = box.getAttribute("data-lang") || "en";
    // Only a kind and a slug, and a language code: nothing else can reach the frame's address.
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(what) || !/^[a-z]{2,3}$/.test(lang)) return;
    var link = box.querySelector("a");
    var frame = document.createElement("iframe");
    frame.src = base + "/embed/" + lang + "/" + what + "/";
    frame.title = link ? link.textContent : what;
    frame.setAttribute("scrolling", "no");
    frame.style.cssText = "display:block;width:100%;height:30em;border:0;overflow:hidden";
    box.setAttribute("data-hubsite-ready", "1");
    box.appendChild(frame);
    shown.push({ frame: frame, box: box, link: link });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || event.data.hubsite !== "height") return;
    var height = Math.max(0, Math.min(100000, Math.ceil(Number(event.data.height) || 0)));
    for (var i = 0; i < shown.length; i++) {
      if (shown[i].frame.contentWindow !== event.source) continue;
      shown[i].frame.style.height = height + "px";
      shown[i].box.setAttribute("data-hubsite-height", String(height));
      // The page is showing, and it has its own link to the full page.
      if (shown[i].link) shown[i].link.hidden = true;
    }
  });

  var boxes = document.querySelectorAll("[data-hubsite-embed]");
  for (var i = 0; i < boxes.length; i++) show(boxes[i]);
})();
