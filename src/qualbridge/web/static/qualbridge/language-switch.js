// The language menu submits its form when a language is chosen (a script file, not an inline handler,
// so the Content-Security-Policy can forbid inline script).
document.addEventListener("DOMContentLoaded", function () {
  var select = document.getElementById("language-switch");
  if (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
});
