// Article page: clicking an event (or opening #ev-ID) highlights its sentence in the text and
// scrolls it into view; the sentence gets the keyboard focus. Plain JS, no dependencies.
(function () {
  "use strict";
  var text = document.querySelector(".article-text");
  if (!text) { return; }

  function sentencesOf(id) {
    return Array.prototype.filter.call(text.querySelectorAll(".sent"), function (el) {
      return (el.getAttribute("data-events") || "").split(" ").indexOf(id) !== -1;
    });
  }

  function activate(id, focus) {
    Array.prototype.forEach.call(document.querySelectorAll(".sent.hl"), function (el) { el.classList.remove("hl"); });
    Array.prototype.forEach.call(document.querySelectorAll("li.event.active"), function (el) {
      el.classList.remove("active");
      var link = el.querySelector(".event-link");
      if (link) { link.removeAttribute("aria-current"); }
    });
    var parts = sentencesOf(id);
    parts.forEach(function (el) { el.classList.add("hl"); });
    var item = document.getElementById("ev-" + id);
    if (item) {
      item.classList.add("active");
      var link = item.querySelector(".event-link");
      if (link) { link.setAttribute("aria-current", "true"); }
    }
    if (parts.length) {
      parts[0].scrollIntoView({ block: "center" });
      if (focus) { parts[0].focus({ preventScroll: true }); }
    }
    return parts.length > 0;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.event-link") : null;
    if (!link) { return; }
    var id = link.getAttribute("data-event");
    if (id && activate(id, true)) {
      event.preventDefault();
      if (window.history && window.history.replaceState) { window.history.replaceState(null, "", "#ev-" + id); }
    }
  });

  if (window.location.hash.indexOf("#ev-") === 0) {
    var id = decodeURIComponent(window.location.hash.slice(4));
    activate(id, false);
    var item = document.getElementById("ev-" + id);
    if (item) { item.scrollIntoView({ block: "nearest" }); }
  }
})();
