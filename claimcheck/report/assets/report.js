(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=status]"));
  var conflictsOnly = document.getElementById("conflicts-only");
  var claims = Array.prototype.slice.call(document.querySelectorAll("article.claim"));
  var shown = document.getElementById("shown-count");
  function apply() {
    var on = {};
    boxes.forEach(function (box) { on[box.value] = box.checked; });
    var count = 0;
    claims.forEach(function (claim) {
      var visible = on[claim.getAttribute("data-status")] === true &&
        (!conflictsOnly.checked || claim.getAttribute("data-conflict") === "1");
      claim.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = count + " of " + claims.length + " claims shown";
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  conflictsOnly.addEventListener("change", apply);
  // Paper has no disclosure triangles: print every folded evidence table.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) {
      d.open = true;
    });
  });
  apply();
}());
