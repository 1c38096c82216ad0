/* kg view: the behaviour of the page (written for kg).
 * The graph data is the JSON of #kg-data; the claims, the JSON of #kg-claims, are parsed on first use.
 * One Cytoscape edge per pair of actors; the filters (relations, quad classes, time window) recount
 * each pair's evidence, hide the pairs left with none, and restyle the rest in the look of their
 * strongest relation (kg.styles, as in kg draw). */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var RELS = data.styles.relations;
  var QUADS = data.styles.quads;
  var DATES = data.dates;
  var BLOC_TINTS = ["#E4E4E4", "#CFE3F2", "#F6D8C3", "#D3EDE2", "#F2E5B0", "#E2D3EC", "#DADADA", "#F5D0DF", "#D8E6C0"];
  var claimsCache = null;
  var edgeById = {};
  var nodeById = {};
  var dateIndex = {};
  var big = data.edges.length > 4000;
  var labelled = data.edges.length <= 150;
  var WIDTHS = 8;
  var state = {rel: {}, from: 0, to: Math.max(DATES.length - 1, 0), undated: true, shown: null};

  DATES.forEach(function (d, i) { dateIndex[d] = i; });
  RELS.forEach(function (r, i) { state.rel[i] = true; });

  function claims() {
    if (claimsCache === null) {
      claimsCache = JSON.parse(document.getElementById("kg-claims").textContent);
    }
    return claimsCache;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  var SVG = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /* a legend swatch: the line with its dash, colour and the mark at its middle */
  function swatch(r) {
    var s = svgEl("svg", {width: 38, height: 12, viewBox: "0 0 38 12", "aria-hidden": "true"});
    var line = svgEl("line", {x1: 1, y1: 6, x2: 37, y2: 6, stroke: r.colour, "stroke-width": 2.2});
    if (r.dash.length) { line.setAttribute("stroke-dasharray", r.dash.map(function (d) { return d * 2.2; }).join(" ")); }
    s.appendChild(line);
    var fill = r.fill === "hollow" ? "#ffffff" : r.colour;
    var mark = null;
    if (r.marker === "circle") { mark = svgEl("circle", {cx: 19, cy: 6, r: 3.4}); }
    else if (r.marker === "square") { mark = svgEl("rect", {x: 15.8, y: 2.8, width: 6.4, height: 6.4}); }
    else if (r.marker === "diamond") { mark = svgEl("polygon", {points: "19,1.8 23.2,6 19,10.2 14.8,6"}); }
    else if (r.marker === "triangle") { mark = svgEl("polygon", {points: "15,10 19,2 23,10"}); }
    else if (r.marker === "vee") { mark = svgEl("polygon", {points: "15,2 19,10 23,2 19,5"}); }
    if (mark) {
      mark.setAttribute("fill", fill);
      mark.setAttribute("stroke", r.colour);
      mark.setAttribute("stroke-width", 1.2);
      s.appendChild(mark);
    }
    return s;
  }

  /* ------------------------------------------------------------------ the graph */

  var maxEvidence = 1;
  data.nodes.forEach(function (n) { nodeById[n.id] = n; maxEvidence = Math.max(maxEvidence, n.evidence); });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({group: "nodes", position: {x: n.x, y: n.y}, classes: "t-" + n.type + " bloc" + (n.bloc % 9),
      data: {id: n.id, label: n.label, size: 10 + 24 * Math.sqrt(n.evidence / maxEvidence)}});
  });
  data.edges.forEach(function (e) {
    var look = edgeLook(e);
    elements.push({group: "edges", classes: look.classes,
      data: {id: e.id, source: e.source, target: e.target, label: look.label}});
  });

  var style = [
    {selector: "node", style: {
      "width": "data(size)", "height": "data(size)", "background-color": BLOC_TINTS[0],
      "border-width": 1, "border-color": "#333333", "label": "data(label)", "font-size": 11,
      "text-valign": "bottom", "text-margin-y": 2, "text-background-color": "#ffffff",
      "text-background-opacity": 0.75, "text-background-padding": 1, "min-zoomed-font-size": big ? 9 : 0}},
    {selector: "node.t-organization", style: {"shape": "round-rectangle", "background-color": "#FFF3C4"}},
    {selector: "node.t-group", style: {"shape": "diamond", "background-color": "#FFF3C4"}},
    {selector: "node.focus", style: {"border-width": 4, "border-color": "#000000", "font-weight": "bold"}},
    {selector: "node:selected", style: {"border-width": 3, "border-color": "#0B57A4", "font-weight": "bold"}},
    {selector: "edge", style: big ? {"width": 1, "curve-style": "haystack", "line-color": "#999999", "opacity": 0.8} : {
      "width": 1, "curve-style": "straight", "line-color": "#999999",
      "opacity": 0.85, "arrow-scale": 0.8, "font-size": 9, "color": "#333333",
      "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
      "text-rotation": "autorotate", "min-zoomed-font-size": 7}},
    {selector: "edge.labelled", style: {"label": "data(label)"}},
    {selector: "edge:selected", style: {"overlay-color": "#0B57A4", "overlay-opacity": 0.25, "overlay-padding": 3}},
    {selector: ".hidden", style: {"display": "none"}}
  ];
  for (var w = 2; w <= WIDTHS; w++) {
    style.push({selector: "edge.w" + w, style: {"width": w * 0.9}});
  }
  for (var b = 1; b < BLOC_TINTS.length; b++) {
    style.splice(1, 0, {selector: "node.bloc" + b, style: {"background-color": BLOC_TINTS[b]}});
  }
  RELS.forEach(function (r, i) {
    var s = {"line-color": r.colour, "target-arrow-color": r.colour, "source-arrow-color": r.colour,
      "mid-target-arrow-color": r.colour, "line-style": r.dash.length ? "dashed" : "solid"};
    if (r.dash.length) { s["line-dash-pattern"] = r.dash.map(function (d) { return d * 2; }); }
    if (!big) {
      s["mid-target-arrow-shape"] = r.marker;
      s["mid-target-arrow-fill"] = r.fill;
    }
    style.push({selector: "edge.r" + i, style: s});
  });
  if (!big) {
    style.push({selector: "edge.fwd", style: {"target-arrow-shape": "triangle"}});
    style.push({selector: "edge.back", style: {"source-arrow-shape": "triangle"}});
  }

  var cy = cytoscape({
    container: document.getElementById("cy"), elements: elements, style: style,
    layout: {name: "preset"}, minZoom: 0.03, maxZoom: 8, boxSelectionEnabled: false,
    textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: big ? 1 : "auto"
  });
  if (data.focus && nodeById[data.focus]) { cy.getElementById(data.focus).addClass("focus"); }

  /* ------------------------------------------------------------------ filters */

  function inWindow(d) {
    return d < 0 ? state.undated : (d >= state.from && d <= state.to);
  }

  function claimInWindow(date) {
    return date === null ? state.undated : inWindow(dateIndex[date]);
  }

  /* [relation index, direction, evidence in the window] of the relations of pair e that are shown */
  function active(e) {
    var out = [];
    e.rels.forEach(function (r) {
      if (!state.rel[r[0]]) { return; }
      var n = 0;
      r[2].forEach(function (dc) { if (inWindow(dc[0])) { n += dc[1]; } });
      if (n > 0) { out.push([r[0], r[1], n]); }
    });
    return out;
  }

  function pairLabel(act) {
    var per = {};
    var order = [];
    act.forEach(function (a) {
      if (!(a[0] in per)) { per[a[0]] = 0; order.push(a[0]); }
      per[a[0]] += a[2];
    });
    order.sort(function (x, y) { return x - y; });
    return order.map(function (i) { return RELS[i].name + (per[i] > 1 ? " \u00d7" + per[i] : ""); }).join(", ");
  }

  /* the classes (look of the strongest relation shown, direction, width) and label of pair e */
  function edgeLook(e) {
    var act = active(e);
    e.active = act;
    if (!act.length) { return {classes: "hidden", label: ""}; }
    var perRel = {};
    var total = 0;
    act.forEach(function (a) { perRel[a[0]] = (perRel[a[0]] || 0) + a[2]; total += a[2]; });
    var dom = -1;
    Object.keys(perRel).forEach(function (k) {
      var i = +k;
      if (dom < 0 || perRel[i] > perRel[dom] || (perRel[i] === perRel[dom] && i < dom)) { dom = i; }
    });
    var classes = ["r" + dom, "w" + Math.min(WIDTHS, 1 + Math.round(1.5 * Math.log2(total)))];
    if (RELS[dom].arrow) {
      act.forEach(function (a) {
        if (a[0] === dom && a[1] === 0) { classes.push("fwd"); }
        if (a[0] === dom && a[1] === 1) { classes.push("back"); }
      });
    }
    if (labelled) { classes.push("labelled"); }
    return {classes: classes.join(" "), label: labelled ? pairLabel(act) : ""};
  }

  function apply() {
    var nodesShown = {};
    var pairs = 0;
    var relations = 0;
    cy.batch(function () {
      data.edges.forEach(function (e) {
        var ele = cy.getElementById(e.id);
        var look = edgeLook(e);
        if (ele.classes().join(" ") !== look.classes) { ele.classes(look.classes); }
        if (ele.data("label") !== look.label) { ele.data("label", look.label); }
        if (!e.active.length) { return; }
        var act = e.active;
        nodesShown[e.source] = true;
        nodesShown[e.target] = true;
        pairs += 1;
        relations += act.length;
      });
      cy.nodes().forEach(function (n) {
        n.toggleClass("hidden", !nodesShown[n.id()]);
      });
    });
    var actors = Object.keys(nodesShown).length;
    var status = document.getElementById("status");
    status.textContent = actors + " actors, " + pairs + " pairs, " + relations + " relations shown";
    status.dataset.actors = actors;
    status.dataset.pairs = pairs;
    status.dataset.relations = relations;
    if (state.shown) { show(state.shown[0], state.shown[1]); }
  }

  /* ------------------------------------------------------------------ the panels */

  var details = document.getElementById("details");

  function clear() {
    while (details.firstChild) { details.removeChild(details.firstChild); }
  }

  function name(id) {
    return nodeById[id] ? nodeById[id].label : id;
  }

  function actorLink(id) {
    var a = el("a", {"class": "actor", "data-actor": id, tabindex: "0"}, name(id));
    a.addEventListener("click", function () { select(id); });
    return a;
  }

  function showEdge(id) {
    var e = edgeById[id];
    clear();
    details.dataset.kind = "edge";
    details.dataset.id = id;
    var h = el("h3");
    h.appendChild(actorLink(e.source));
    h.appendChild(document.createTextNode(" \u2013 "));
    h.appendChild(actorLink(e.target));
    details.appendChild(h);
    details.appendChild(el("p", {"class": "pair-label"}, pairLabel(e.active || [])));
    var list = (claims()[id] || []).filter(function (c) { return state.rel[c.p] && claimInWindow(c.date); });
    details.appendChild(el("h4", {}, list.length + (list.length === 1 ? " claim" : " claims")));
    list.forEach(function (c) {
      var r = RELS[c.p];
      var box = el("div", {"class": "claim", "data-relation": r.name});
      var head = el("div");
      head.appendChild(swatch(r));
      head.appendChild(document.createTextNode(" " + name(c.s) + " "));
      head.appendChild(el("span", {"class": "rel-name"}, r.name));
      head.appendChild(document.createTextNode(" " + name(c.o)));
      box.appendChild(head);
      var q = el("q");
      if (c.hl) {
        q.appendChild(document.createTextNode(c.text.slice(0, c.hl[0])));
        q.appendChild(el("mark", {}, c.text.slice(c.hl[0], c.hl[1])));
        q.appendChild(document.createTextNode(c.text.slice(c.hl[1])));
      } else {
        q.textContent = c.text;
      }
      box.appendChild(q);
      var meta = el("div", {"class": "meta"});
      meta.appendChild(document.createTextNode((c.date || "undated") + " \u00b7 "));
      if (c.url) {
        meta.appendChild(el("a", {href: c.url, target: "_blank", rel: "noopener noreferrer"}, c.title || c.doc));
      } else {
        meta.appendChild(el("span", {"class": "doc-title"}, c.title || c.doc));
      }
      meta.appendChild(document.createTextNode(" (" + c.doc + ") \u00b7 confidence " + c.confidence.toFixed(2) + " "));
      if (c.negated) { meta.appendChild(el("span", {"class": "flag negated"}, "negated")); }
      if (c.hedged) { meta.appendChild(el("span", {"class": "flag hedged"}, "hedged")); }
      if (c.attributed) { meta.appendChild(el("span", {"class": "flag attributed"}, "attributed to " + c.attributed)); }
      box.appendChild(meta);
      details.appendChild(box);
    });
  }

  /* the signed ties of kg analyze over what is shown: polarity x weight / 10 x evidence, summed per pair */
  function showNode(id) {
    var n = nodeById[id];
    clear();
    details.dataset.kind = "actor";
    details.dataset.id = id;
    details.appendChild(el("h3", {}, n.name));
    details.appendChild(el("p", {"class": "meta"}, n.type + (n.bloc ? ", bloc " + n.bloc : "")));
    var ties = [];
    cy.getElementById(id).connectedEdges().forEach(function (ele) {
      if (ele.hasClass("hidden")) { return; }
      var e = edgeById[ele.id()];
      var w = 0;
      (e.active || []).forEach(function (a) { w += RELS[a[0]].unit * a[2]; });
      ties.push({other: e.source === id ? e.target : e.source, w: Math.round(w * 100) / 100, label: pairLabel(e.active)});
    });
    ties.sort(function (x, y) { return Math.abs(y.w) - Math.abs(x.w) || (name(x.other) < name(y.other) ? -1 : 1); });
    [["Partners", function (t) { return t.w > 0; }, "partners"],
     ["Adversaries", function (t) { return t.w < 0; }, "adversaries"]].forEach(function (part) {
      var mine = ties.filter(part[1]);
      details.appendChild(el("h4", {}, part[0] + " (" + mine.length + ")"));
      var ul = el("ul", {"class": part[2]});
      mine.forEach(function (t) {
        var li = el("li", {"data-actor": t.other});
        li.appendChild(actorLink(t.other));
        li.appendChild(document.createTextNode(" " + (t.w > 0 ? "+" : "") + t.w.toFixed(2) + ": " + t.label));
        ul.appendChild(li);
      });
      details.appendChild(ul);
    });
  }

  function show(kind, id) {
    state.shown = [kind, id];
    if (kind === "edge") { showEdge(id); } else { showNode(id); }
  }

  function select(id) {
    var node = cy.getElementById(id);
    if (node.empty()) { return false; }
    cy.elements().unselect();
    node.select();
    cy.center(node);
    show("actor", id);
    return true;
  }

  cy.on("tap", "node", function (evt) { show("actor", evt.target.id()); });
  cy.on("tap", "edge", function (evt) { show("edge", evt.target.id()); });
  cy.on("tap", function (evt) {
    if (evt.target === cy) {
      state.shown = null;
      clear();
      delete details.dataset.kind;
      details.appendChild(el("p", {"class": "hint"}, "Click an actor for its partners and adversaries, an edge for the claims behind it."));
    }
  });

  /* ------------------------------------------------------------------ controls */

  var search = document.getElementById("search");
  var names = document.getElementById("actor-names");
  data.nodes.slice().sort(function (x, y) { return x.label < y.label ? -1 : 1; }).forEach(function (n) {
    names.appendChild(el("option", {value: n.label}));
  });

  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) { return null; }
    var tests = [
      function (n) { return n.label.toLowerCase() === q || n.name.toLowerCase() === q || n.id.toLowerCase() === q; },
      function (n) { return n.label.toLowerCase().indexOf(q) === 0 || n.name.toLowerCase().indexOf(q) === 0; },
      function (n) { return n.label.toLowerCase().indexOf(q) >= 0 || n.name.toLowerCase().indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < data.nodes.length; i++) {
        if (tests[t](data.nodes[i])) { return data.nodes[i].id; }
      }
    }
    return null;
  }

  function runSearch() {
    var id = find(search.value);
    search.setCustomValidity(id ? "" : "no such actor");
    if (id) { select(id); }
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (evt) { if (evt.key === "Enter") { runSearch(); } });

  var toggles = document.getElementById("toggles");
  var present = {};
  data.edges.forEach(function (e) { e.rels.forEach(function (r) { present[r[0]] = true; }); });
  var quadBoxes = {};

  function syncQuad(q) {
    var boxes = toggles.querySelectorAll("input[data-quad-member='" + q + "']");
    var on = 0;
    boxes.forEach(function (x) { if (x.checked) { on += 1; } });
    quadBoxes[q].checked = on === boxes.length;
    quadBoxes[q].indeterminate = on > 0 && on < boxes.length;
  }

  QUADS.forEach(function (q) {
    var members = [];
    RELS.forEach(function (r, i) { if (r.quad === q.name && present[i]) { members.push(i); } });
    if (!members.length) { return; }
    var div = el("div", {"class": "quad"});
    var lab = el("label");
    var box = el("input", {type: "checkbox", id: "quad-" + q.name, "data-quad": q.name});
    box.checked = true;
    quadBoxes[q.name] = box;
    lab.appendChild(box);
    lab.appendChild(document.createTextNode(" " + q.heading));
    div.appendChild(lab);
    box.addEventListener("change", function () {
      members.forEach(function (i) {
        state.rel[i] = box.checked;
        document.getElementById("rel-" + RELS[i].name).checked = box.checked;
      });
      apply();
    });
    members.forEach(function (i) {
      var r = RELS[i];
      var row = el("label", {"class": "rel"});
      var cb = el("input", {type: "checkbox", id: "rel-" + r.name, "data-relation": r.name, "data-quad-member": q.name});
      cb.checked = true;
      cb.addEventListener("change", function () { state.rel[i] = cb.checked; syncQuad(q.name); apply(); });
      row.appendChild(cb);
      row.appendChild(swatch(r));
      row.appendChild(document.createTextNode(r.name + (r.arrow ? " \u2192" : " (mutual)")));
      div.appendChild(row);
    });
    toggles.appendChild(div);
  });

  var from = document.getElementById("time-from");
  var to = document.getElementById("time-to");
  var undated = document.getElementById("undated");

  function timeLabels() {
    document.getElementById("time-from-label").textContent = DATES.length ? DATES[state.from] : "no dates";
    document.getElementById("time-to-label").textContent = DATES.length ? DATES[state.to] : "";
  }
  from.max = to.max = String(Math.max(DATES.length - 1, 0));
  from.value = "0";
  to.value = String(state.to);
  from.disabled = to.disabled = DATES.length < 2;
  from.addEventListener("input", function () {
    state.from = +from.value;
    if (state.from > state.to) { state.to = state.from; to.value = String(state.to); }
    timeLabels();
    apply();
  });
  to.addEventListener("input", function () {
    state.to = +to.value;
    if (state.to < state.from) { state.from = state.to; from.value = String(state.from); }
    timeLabels();
    apply();
  });
  undated.addEventListener("change", function () { state.undated = undated.checked; apply(); });
  timeLabels();

  var legend = document.getElementById("sign-legend");
  legend.appendChild(el("div", {}, "An edge: one pair of actors, in the look of its strongest relation shown; width: evidence."));
  legend.appendChild(el("div", {}, "Actor fill: its bloc (kg analyze)."));

  apply();
  cy.fit(undefined, 30);
  if (data.focus && nodeById[data.focus]) { select(data.focus); cy.fit(undefined, 30); }
  document.body.dataset.ready = "true";
  window.kgView = {cy: cy, state: state, apply: apply, select: select};
}());
