// Actor graph: nodes = codes, edges = events between them, coloured by the sign of the summed
// PLOVER score. Deterministic force layout (Fruchterman-Reingold), drawn as SVG; every node is a
// real link to the actor page (keyboard: Tab moves between nodes, Enter opens). Plain JS.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  var source = document.getElementById("graph-data");
  if (!svg || !source) { return; }
  var data = JSON.parse(source.textContent);
  var NS = "http://www.w3.org/2000/svg";
  var W = 960, H = 640, PAD = 40;
  var nodes = data.nodes.map(function (n, i) {
    var angle = 2 * Math.PI * i / Math.max(1, data.nodes.length);
    var ring = i === 0 ? 0 : (i < 8 ? 0.25 : 0.42);
    return { code: n.code, label: n.label || n.code, events: n.events, url: n.url,
             x: W / 2 + Math.cos(angle) * W * ring, y: H / 2 + Math.sin(angle) * H * ring, dx: 0, dy: 0 };
  });
  var index = {};
  nodes.forEach(function (n, i) { index[n.code] = i; });
  var edges = data.edges.filter(function (e) { return e.source in index && e.target in index; });
  var maxEvents = Math.max.apply(null, nodes.map(function (n) { return n.events; }).concat([1]));
  nodes.forEach(function (n) { n.r = 10 + 18 * Math.sqrt(n.events / maxEvents); });

  // Fruchterman-Reingold with linear cooling; edges pull more when they carry more events.
  var k = Math.sqrt((W - 2 * PAD) * (H - 2 * PAD) / Math.max(1, nodes.length)) * 0.75;
  var temperature = W / 8;
  for (var step = 0; step < 400; step++) {
    var i, j, a, b, ddx, ddy, dist, force;
    for (i = 0; i < nodes.length; i++) { nodes[i].dx = 0; nodes[i].dy = 0; }
    for (i = 0; i < nodes.length; i++) {
      for (j = i + 1; j < nodes.length; j++) {
        a = nodes[i]; b = nodes[j];
        ddx = a.x - b.x; ddy = a.y - b.y;
        dist = Math.max(0.01, Math.sqrt(ddx * ddx + ddy * ddy));
        force = k * k / dist + (dist < a.r + b.r + 16 ? 3 * k : 0);
        a.dx += ddx / dist * force; a.dy += ddy / dist * force;
        b.dx -= ddx / dist * force; b.dy -= ddy / dist * force;
      }
    }
    edges.forEach(function (e) {
      var s = nodes[index[e.source]], t = nodes[index[e.target]];
      var ex = s.x - t.x, ey = s.y - t.y;
      var d = Math.max(0.01, Math.sqrt(ex * ex + ey * ey));
      var pull = d * d / k * (1 + Math.log(1 + e.events) / 3);
      s.dx -= ex / d * pull; s.dy -= ey / d * pull;
      t.dx += ex / d * pull; t.dy += ey / d * pull;
    });
    nodes.forEach(function (n) {
      n.dx += (W / 2 - n.x) * 0.02 * k / 10; n.dy += (H / 2 - n.y) * 0.02 * k / 10;  // gravity
      var len = Math.max(0.01, Math.sqrt(n.dx * n.dx + n.dy * n.dy));
      n.x += n.dx / len * Math.min(len, temperature);
      n.y += n.dy / len * Math.min(len, temperature);
      n.x = Math.min(W - PAD, Math.max(PAD, n.x));
      n.y = Math.min(H - PAD, Math.max(PAD, n.y));
    });
    temperature = Math.max(0.5, temperature * 0.985);
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function fmt(x) { return (x > 0 ? "+" : "") + (Math.round(x * 10) / 10); }

  var edgeLayer = svg.querySelector(".edges"), nodeLayer = svg.querySelector(".nodes");
  var maxEdge = Math.max.apply(null, edges.map(function (e) { return e.events; }).concat([1]));
  var lines = edges.map(function (e) {
    var s = nodes[index[e.source]], t = nodes[index[e.target]];
    var kind = e.score > 0 ? "coop" : (e.score < 0 ? "conf" : "neutral");
    var line = el("line", { x1: s.x.toFixed(1), y1: s.y.toFixed(1), x2: t.x.toFixed(1), y2: t.y.toFixed(1),
                            "class": kind, "stroke-width": (1.5 + 7 * Math.sqrt(e.events / maxEdge)).toFixed(1),
                            "data-source": e.source, "data-target": e.target }, edgeLayer);
    el("title", {}, line).textContent = e.source + " – " + e.target + " : " + e.events + " · " + fmt(e.score);
    return line;
  });

  nodes.forEach(function (n) {
    var link = el("a", { href: n.url, "class": "node", "data-code": n.code }, nodeLayer);
    el("title", {}, link).textContent = n.label + " (" + n.code + ") · " + n.events;
    el("circle", { cx: n.x.toFixed(1), cy: n.y.toFixed(1), r: n.r.toFixed(1) }, link);
    var code = el("text", { x: n.x.toFixed(1), y: (n.y + 4).toFixed(1), "text-anchor": "middle" }, link);
    code.textContent = n.code;
    if (n.label && n.label !== n.code) {
      var sub = el("text", { x: n.x.toFixed(1), y: (n.y + n.r + 12).toFixed(1), "text-anchor": "middle", "class": "sub" }, link);
      sub.textContent = n.label.length > 24 ? n.label.slice(0, 23) + "…" : n.label;
    }
    function on() {
      svg.classList.add("dim");
      lines.forEach(function (line) {
        var hit = line.getAttribute("data-source") === n.code || line.getAttribute("data-target") === n.code;
        line.classList.toggle("on", hit);
      });
    }
    function off() { svg.classList.remove("dim"); }
    link.addEventListener("mouseenter", on); link.addEventListener("focus", on);
    link.addEventListener("mouseleave", off); link.addEventListener("blur", off);
  });
  svg.setAttribute("data-ready", "true");
})();
