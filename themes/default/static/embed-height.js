// Runs in each copy of a page under /embed/, inside the frame on a partner's page: tells embed.js there how tall
// the copy is, now and whenever it changes (the phone turns, a "more dates" list opens), so the frame fits.
(function () {
  "use strict";
  var last = 0;
  function send() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      parent.postMessage({ hubsite: "height", height: h }, "*");
    }
  }
  addEventListener("load", send);
  addEventListener("resize", send);
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
  send();
})();
