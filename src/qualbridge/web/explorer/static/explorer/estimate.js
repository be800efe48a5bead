/* Free estimate: suggest qualification types as the visitor types (progressive enhancement: without
   script, the typed name is resolved on submit and ambiguous names list their candidates). */
(function () {
  "use strict";
  var form = document.getElementById("estimate-form");
  if (!form) { return; }
  var input = form.querySelector("#id_qualification");
  var country = form.querySelector("#id_country");
  var target = document.getElementById("suggestions");
  var url = form.getAttribute("data-suggest");
  var timer = null;
  var last = "";
  function load() {
    var params = new URLSearchParams({ qualification: input.value, country: country.value });
    var query = params.toString();
    if (query === last) { return; }
    last = query;
    fetch(url + "?" + query, { headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { if (query === last) { target.innerHTML = html; } })
      .catch(function () { /* suggestions are a convenience; the form still works */ });
  }
  function later() { clearTimeout(timer); timer = setTimeout(load, 250); }
  input.addEventListener("input", later);
  country.addEventListener("change", later);
})();
