"use strict";
// Filters by severity and rule, and ties highlights to their findings.
(function () {
  const findings = new Map();
  for (const li of document.querySelectorAll("li.finding")) findings.set(li.id, li);
  const marks = Array.from(document.querySelectorAll("mark[data-f]"));
  const rank = { info: 0, warning: 1, error: 2 };

  function apply() {
    const shown = (selector, key) => new Set(Array.from(document.querySelectorAll(selector))
      .filter((box) => box.checked).map((box) => box.dataset[key]));
    const severities = shown("input[data-severity]", "severity");
    const rules = shown("input[data-rule]", "rule");
    for (const li of findings.values()) {
      li.hidden = !(severities.has(li.dataset.severity) && rules.has(li.dataset.rule));
    }
    for (const mark of marks) {
      const visible = mark.dataset.f.split(" ").map((id) => findings.get(id)).filter((li) => li && !li.hidden);
      mark.classList.toggle("off", visible.length === 0);
      mark.classList.remove("sev-error", "sev-warning", "sev-info");
      const worst = visible.map((li) => li.dataset.severity)
        .sort((a, b) => rank[b] - rank[a])[0] || "info";
      mark.classList.add("sev-" + worst);
    }
  }

  function activate(ids) {
    for (const el of document.querySelectorAll(".active")) el.classList.remove("active");
    for (const id of ids) {
      const li = findings.get(id);
      if (li && !li.hidden) li.classList.add("active");
      for (const mark of marks) {
        if (mark.dataset.f.split(" ").includes(id) && !mark.classList.contains("off")) mark.classList.add("active");
      }
    }
  }

  for (const box of document.querySelectorAll("#filters input")) box.addEventListener("change", apply);
  for (const mark of marks) {
    mark.addEventListener("click", () => {
      const ids = mark.dataset.f.split(" ");
      activate(ids);
      const li = findings.get(ids[0]);
      if (li) li.scrollIntoView({ block: "nearest" });
    });
  }
  for (const li of findings.values()) {
    li.addEventListener("click", () => {
      activate([li.id]);
      const first = document.querySelector("mark.active");
      if (first) first.scrollIntoView({ block: "center" });
    });
  }
  apply();
})();
