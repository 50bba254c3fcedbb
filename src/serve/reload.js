// Put into every page by `hubsite serve`, never by `build`: reloads the page when a change has been built, and
// shows the problems when a change could not be built (the page itself stays as it last was).
(function () {
  "use strict";
  var mine = VERSION;
  if (!window.EventSource) return;
  var events = new EventSource("/__hubsite/events");
  events.addEventListener("built", function (e) {
    if (Number(e.data) !== mine) location.reload();
  });
  events.addEventListener("problems", function (e) {
    var box = document.getElementById("hubsite-problems");
    if (!box) {
      box = document.createElement("div");
      box.id = "hubsite-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = STYLE;
      box.innerHTML = OVERLAY;
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.querySelector("pre").textContent = e.data;
  });
})();
