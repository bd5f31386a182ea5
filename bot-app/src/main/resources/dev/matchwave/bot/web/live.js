// The live page refreshes its main part every few seconds without reloading the page.
// Served as a file by the bot: the Content-Security-Policy forbids inline scripts.
"use strict";
(function () {
  var REFRESH_MILLIS = 3000;
  var refreshes = 0;
  function refresh() {
    fetch("/live", { headers: { "Accept": "text/html" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
        var current = document.getElementById("main");
        if (fresh && current) {
          current.replaceWith(document.adoptNode(fresh));
          refreshes += 1;
          document.body.setAttribute("data-refreshes", String(refreshes));
        }
      })
      .catch(function () {
        // The bot may be restarting: try again at the next tick.
      })
      .finally(function () {
        setTimeout(refresh, REFRESH_MILLIS);
      });
  }
  setTimeout(refresh, REFRESH_MILLIS);
})();
