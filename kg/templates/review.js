// kg review: the fact list, a fact's sentences in their reports, and the decision buttons.
(function () {
  "use strict";
  const list = document.getElementById("facts");
  const pane = document.getElementById("fact-pane");
  const filter = document.getElementById("filter");
  const status = document.getElementById("status");
  let state = { facts: [], entities: [], labels: [], decisions: 0 };
  let selected = null;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(message, error) {
    status.textContent = message;
    status.className = error ? "error" : "";
    status.style.display = "block";
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { status.style.display = "none"; }, error ? 8000 : 3000);
  }

  async function load() {
    const response = await fetch("/api/facts");
    state = await response.json();
    document.getElementById("counts").textContent =
      `${state.facts.length} facts, ${state.entities.length} entities, ${state.decisions} decisions`;
    const names = document.getElementById("entity-names");
    names.replaceChildren(...state.entities.map((e) => el("option", { value: e.id }, `${e.name} (${e.label})`)));
    drawList();
    const still = selected && state.facts.find((f) => f.key === selected);
    if (still) show(still); else if (selected) { selected = null; pane.replaceChildren(el("p", { class: "muted" }, "Done: pick the next fact.")); }
  }

  function title(f) {
    return `${f.source.name} \u2014${f.type}\u2192 ${f.target.name}`;
  }

  function badges(f) {
    const box = el("span");
    if (f.confidence) box.appendChild(el("span", { class: "badge hedged" }, f.confidence));
    box.appendChild(el("span", { class: "badge" }, `${f.reports} report${f.reports === 1 ? "" : "s"}`));
    if (f.review) box.appendChild(el("span", { class: "badge accepted" }, f.review));
    return box;
  }

  function drawList() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = state.facts.filter((f) => {
      const text = [title(f), ...f.quotes.map((q) => q.quote)].join(" ").toLowerCase();
      return words.every((w) => text.includes(w));
    });
    list.replaceChildren(...shown.map((f) => {
      const row = el("div", { class: "fact" + (f.key === selected ? " selected" : ""), "data-key": f.key });
      row.appendChild(el("div", { class: "type" }, f.type));
      row.appendChild(el("div", {}, `${f.source.name} \u2192 ${f.target.name}`));
      row.appendChild(badges(f));
      row.addEventListener("click", () => show(f));
      return row;
    }));
  }

  async function decide(action, target, extra) {
    const response = await fetch("/api/decisions", {
      method: "POST", headers: { "content-type": "application/json", "x-kg-review": "1" },
      body: JSON.stringify({ action, target, ...(extra || {}) }) });
    const answer = await response.json();
    if (!response.ok) { say(answer.error, true); return; }
    say(`${answer.action} ${answer.what}` + (answer.new ? "" : " (already decided)"));
    await load();
  }

  async function showReport(q, box) {
    const response = await fetch(`/api/report?id=${encodeURIComponent(q.report)}&chars=${encodeURIComponent(q.chars)}`);
    const r = await response.json();
    const text = el("div", { id: "report" });
    if (r.text && r.span) {
      const mark = el("mark", {}, r.text.slice(r.span[0], r.span[1]));
      text.append(r.text.slice(0, r.span[0]), mark, r.text.slice(r.span[1]));
      box.replaceChildren(el("div", { class: "src" }, `${r.title || q.report} \u00b7 ${r.publisher || ""} ${r.published || ""} \u00b7 ${r.path}`), text);
      text.scrollTop = Math.max(0, mark.offsetTop - 60);  // (the report box scrolls, not the page)
    } else {
      text.appendChild(el("mark", {}, q.quote));
      box.replaceChildren(el("div", { class: "src" }, `${r.title || q.report}: the report file is not where it was loaded from; its sentence:`), text);
    }
  }

  function entityTools(role, e) {
    const box = el("div", { class: "entity", "data-role": role, "data-id": e.id });
    box.appendChild(el("div", {}, `${role}: ${e.name} (${e.label})` + (e.aliases.length ? ` \u2014 also ${e.aliases.join(", ")}` : "")));
    const row = (label, input, button) => {
      const div = el("div", { class: "row" });
      div.append(label + " ", input, button);
      box.appendChild(div);
    };
    const name = el("input", { class: "rename-value", value: e.name, size: 28 });
    const rename = el("button", { class: "rename" }, "Rename");
    rename.addEventListener("click", () => decide("rename", e.id, { value: name.value }));
    row("Name", name, rename);
    const label = el("select", { class: "retype-value" });
    for (const l of state.labels) label.appendChild(el("option", l === e.label ? { value: l, selected: "" } : { value: l }, l));
    const retype = el("button", { class: "retype" }, "Retype");
    retype.addEventListener("click", () => decide("retype", e.id, { value: label.value }));
    row("Label", label, retype);
    const other = el("input", { class: "merge-value", list: "entity-names", size: 28, placeholder: "id or name to keep" });
    const merge = el("button", { class: "merge" }, "Merge into");
    merge.addEventListener("click", () => decide("merge", e.id, { into: other.value }));
    row("Same as", other, merge);
    if (e.aliases.length) {
      const alias = el("select", { class: "split-value" });
      for (const a of e.aliases) alias.appendChild(el("option", { value: a }, a));
      const split = el("button", { class: "split" }, "Split off");
      split.addEventListener("click", () => decide("split", e.id, { value: alias.value }));
      row("Alias", alias, split);
    }
    const drop = el("button", { class: "reject-entity reject" }, "Reject entity");
    drop.addEventListener("click", () => decide("reject", e.id));
    box.appendChild(drop);
    return box;
  }

  function show(f) {
    selected = f.key;
    for (const row of list.querySelectorAll(".fact")) row.classList.toggle("selected", row.dataset.key === f.key);
    pane.replaceChildren();
    pane.dataset.key = f.key;
    pane.appendChild(el("h2", {}, title(f)));
    const line = el("p");
    line.appendChild(badges(f));
    if (f.attributed_to) line.appendChild(el("span", { class: "badge" }, "according to " + f.attributed_to));
    for (const [k, v] of Object.entries(f.detail)) line.appendChild(el("span", { class: "badge" }, `${k}: ${v}`));
    pane.appendChild(line);
    const accept = el("button", { class: "accept" }, "Accept fact");
    accept.addEventListener("click", () => decide("accept", f.key));
    const reject = el("button", { class: "reject reject-fact" }, "Reject fact");
    reject.addEventListener("click", () => decide("reject", f.key));
    pane.append(accept, reject, el("span", { class: "muted" }, " " + f.key));
    pane.appendChild(el("h3", {}, "Evidence"));
    const report = el("div", { class: "report-box" });
    f.quotes.forEach((q, i) => {
      const div = el("div", { class: "quote" });
      div.appendChild(el("div", {}, "\u201c" + q.quote + "\u201d"));
      div.appendChild(el("div", { class: "src" }, `${q.publisher || q.title || q.report} ${q.published || ""} \u00b7 chars ${q.chars}`));
      div.addEventListener("click", () => {
        for (const other of pane.querySelectorAll(".quote")) other.classList.remove("current");
        div.classList.add("current");
        showReport(q, report);
      });
      pane.appendChild(div);
      if (i === 0) { div.classList.add("current"); showReport(q, report); }
    });
    if (!f.quotes.length) pane.appendChild(el("p", { class: "muted" }, "No quote kept."));
    pane.appendChild(report);
    pane.appendChild(el("h3", {}, "Entities"));
    pane.appendChild(entityTools("subject", f.source));
    pane.appendChild(entityTools("object", f.target));
  }

  filter.addEventListener("input", drawList);
  window.kgReview = { load, decide };
  load().then(() => document.body.setAttribute("data-ready", "1"));
})();
