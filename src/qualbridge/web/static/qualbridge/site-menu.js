// The site menu on a narrow screen: one button shows or hides the navigation (a script file, not an
// inline handler, so the Content-Security-Policy forbids inline script). Without script the navigation
// is always shown. The language switcher has its own button and never submits on a change of the
// select (WCAG 3.2.2: changing a setting does not change the context by itself).
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("menu-toggle");
  var nav = document.getElementById("site-nav");
  if (!button || !nav) { return; }
  document.documentElement.classList.add("has-menu");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("open", open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("open")) {
      button.setAttribute("aria-expanded", "false");
      nav.classList.remove("open");
      button.focus();
    }
  });
});
