// kg view: the graph (vis-network), the map (SVG on an offline base map) and the details pane.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const byKey = new Map(data.edges.map((e) => [e.key, e]));
  const details = document.getElementById("details");
  const SVG = "http://www.w3.org/2000/svg";
  const MODES = { sea: ["#1f77b4", "2 5"], river: ["#17becf", "2 5"], rail: ["#333", "10 4"],
                  road: ["#8c564b", ""], air: ["#9467bd", "1 7"], pipeline: ["#e377c2", "14 3 2 3"],
                  unknown: ["#999", "4 4"] };

  document.getElementById("counts").textContent =
    `${data.nodes.length} entities, ${data.edges.length} facts, ${data.places.length} places on the map`;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function quotes(list) {
    const box = el("div", { class: "quotes" });
    if (!list.length) box.appendChild(el("p", { class: "muted" }, "No quote kept."));
    for (const q of list) {
      const div = el("div", { class: "quote" });
      div.appendChild(el("div", {}, "\u201c" + q.quote + "\u201d"));
      const where = (q.page ? `p. ${q.page}, ` : "") + `chars ${q.chars}`;
      div.appendChild(el("div", { class: "src" },
        `${q.publisher || q.title || q.report} ${q.published || ""} \u00b7 ${where} \u00b7 ${q.report}`));
      box.appendChild(div);
    }
    return box;
  }

  function props(obj) {
    const dl = el("p", { class: "props" });
    for (const [k, v] of Object.entries(obj)) {
      if (["key", "first_reported", "merged_ids", "lookup"].includes(k)) continue;
      dl.appendChild(el("span", { class: "badge" }, `${k}: ${Array.isArray(v) ? v.join(", ") : v}`));
    }
    return dl;
  }

  function showNode(id) {
    const n = byId.get(id);
    if (!n) return;
    details.replaceChildren();
    details.dataset.showing = id;
    details.appendChild(el("h2", {}, `${n.name} \u2014 ${n.label}`));
    if (n.aliases.length) details.appendChild(el("p", { class: "muted" }, "also " + n.aliases.join(", ")));
    details.appendChild(props(n.props));
    details.appendChild(el("p", {}, `In ${n.reports} report(s).`));
    details.appendChild(quotes(n.quotes));
  }

  function showEdge(key) {
    const e = byKey.get(key);
    if (!e) return;
    details.replaceChildren();
    details.dataset.showing = key;
    const a = byId.get(e.source), b = byId.get(e.target);
    details.appendChild(el("h2", {}, `${a ? a.name : e.source} \u2014${e.type}\u2192 ${b ? b.name : e.target}`));
    const badges = el("p");
    badges.appendChild(el("span", { class: "badge" + (e.confidence ? " hedged" : "") },
      "confidence: " + (e.confidence || "stated")));
    badges.appendChild(el("span", { class: "badge" }, `corroboration: ${e.reports} report(s)`));
    if (e.review) badges.appendChild(el("span", { class: "badge accepted" }, e.review));
    if (e.props.attributed_to) badges.appendChild(el("span", { class: "badge" }, "according to " + e.props.attributed_to));
    details.appendChild(badges);
    details.appendChild(props(e.props));
    details.appendChild(el("p", { class: "muted" }, e.key));
    details.appendChild(quotes(e.quotes));
  }

  // -- the graph ---------------------------------------------------------------------
  const nodes = new vis.DataSet(data.nodes.map((n) => {
    const style = data.styles[n.label] || {};
    const caption = (style.caption && n.props[style.caption]) || n.name;
    return { id: n.id, label: String(caption).slice(0, 40), title: `${n.label}: ${n.name}`, group: n.label,
             color: { background: style.color || "#A5ABB6", border: "#555" }, shape: "dot", size: 10 + Math.min(n.reports, 5) * 2 };
  }));
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.key, from: e.source, to: e.target, label: e.type, arrows: "to",
    dashes: Boolean(e.confidence), width: 1 + Math.min(e.reports, 4),
    color: { color: e.review ? "#2e7d32" : "#888" }, font: { size: 10, align: "middle" } })));
  const network = new vis.Network(document.getElementById("graph"), { nodes, edges }, {
    physics: { stabilization: { iterations: 250 }, barnesHut: { springLength: 140 } },
    interaction: { hover: true, tooltipDelay: 150 }, edges: { smooth: { type: "dynamic" } } });
  network.once("stabilizationIterationsDone", () => network.setOptions({ physics: false }));
  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  window.kgView = { network, data, showNode, showEdge };

  // -- the map -----------------------------------------------------------------------
  const svg = document.getElementById("map");
  const legend = document.getElementById("legend");
  if (!data.places.length) {
    legend.textContent = "No place with coordinates in this view.";
    return;
  }
  const lat0 = data.places.reduce((s, p) => s + p.lat, 0) / data.places.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const project = (lon, lat) => [lon * k * 10, -lat * 10];  // equirectangular, true to scale at the mean latitude
  const path = (points, close) => points.map((p, i) => (i ? "L" : "M") + project(p[0], p[1]).map((v) => v.toFixed(1)).join(" ")).join("") + (close ? "Z" : "");
  function add(tag, attrs, parent) {
    const node = document.createElementNS(SVG, tag);
    for (const [a, v] of Object.entries(attrs)) node.setAttribute(a, v);
    (parent || svg).appendChild(node);
    return node;
  }
  const base = add("g", { class: "basemap" });
  for (const poly of data.basemap.land) add("path", { class: "land", d: path(poly, true) }, base);
  for (const poly of data.basemap.lakes) add("path", { class: "lake", d: path(poly, true) }, base);
  for (const line of data.basemap.borders) add("path", { class: "border", d: path(line, false) }, base);
  const where = new Map(data.places.map((p) => [p.id, project(p.lon, p.lat)]));
  const modes = new Set();
  for (const r of data.routes) {
    const [color, dash] = MODES[r.mode] || MODES.unknown;
    modes.add(r.mode);
    const [x1, y1] = where.get(r.source), [x2, y2] = where.get(r.target);
    const line = add("path", { class: "route", d: `M${x1} ${y1}L${x2} ${y2}`, stroke: color, "stroke-dasharray": dash,
                               "data-key": r.key, "data-mode": r.mode });
    line.addEventListener("click", () => showEdge(r.key));
  }
  const xs = [...where.values()].map((p) => p[0]), ys = [...where.values()].map((p) => p[1]);
  // Room around the places (at least 4 degrees of map) and, on the right, for their names.
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 40);
  const pad = span * 0.12;
  let view = [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) - Math.min(...xs) + 3 * pad,
              Math.max(...ys) - Math.min(...ys) + 2 * pad];
  for (const p of data.places) {
    const [x, y] = where.get(p.id);
    const dot = add("circle", { class: "place", cx: x, cy: y, r: 5, fill: data.styles.Place.color, "data-id": p.id });
    dot.appendChild(Object.assign(document.createElementNS(SVG, "title"), { textContent: `${p.name} (${p.kind})` }));
    dot.addEventListener("click", () => showNode(p.id));
    add("text", { class: "place-name", "data-x": x, "data-y": y }).textContent = p.name;
  }
  // Labels and dots keep their size on screen whatever the zoom.
  function draw() {
    svg.setAttribute("viewBox", view.join(" "));
    const scale = view[2] / (svg.clientWidth || 600);
    for (const t of svg.querySelectorAll("text")) {
      t.setAttribute("x", Number(t.dataset.x) + 7 * scale);
      t.setAttribute("y", Number(t.dataset.y) + 4 * scale);
      t.style.fontSize = 12 * scale + "px";
      t.style.strokeWidth = 3 * scale + "px";
    }
    for (const c of svg.querySelectorAll("circle")) c.setAttribute("r", 5 * scale);
  }
  draw();
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const f = ev.deltaY > 0 ? 1.2 : 1 / 1.2;
    const box = svg.getBoundingClientRect();
    const mx = view[0] + ((ev.clientX - box.left) / box.width) * view[2];
    const my = view[1] + ((ev.clientY - box.top) / box.height) * view[3];
    view = [mx - (mx - view[0]) * f, my - (my - view[1]) * f, view[2] * f, view[3] * f];
    draw();
  }, { passive: false });
  let drag = null;
  svg.addEventListener("mousedown", (ev) => { drag = [ev.clientX, ev.clientY, view[0], view[1]]; });
  window.addEventListener("mouseup", () => { drag = null; });
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    const s = view[2] / svg.getBoundingClientRect().width;
    view[0] = drag[2] - (ev.clientX - drag[0]) * s;
    view[1] = drag[3] - (ev.clientY - drag[1]) * s;
    draw();
  });
  legend.replaceChildren();
  for (const mode of [...modes].sort()) {
    const [color, dash] = MODES[mode] || MODES.unknown;
    const item = el("span", { style: "margin-right:10px" });
    item.innerHTML = `<svg width="28" height="8"><line x1="0" y1="4" x2="28" y2="4" stroke="${color}" stroke-width="2.5" stroke-dasharray="${dash}"/></svg> `;
    item.appendChild(document.createTextNode(mode));
    legend.appendChild(item);
  }
  if (data.unplaced.length) legend.appendChild(el("div", { class: "muted" }, "not on the map (no coordinates): " + data.unplaced.join(", ")));
})();
