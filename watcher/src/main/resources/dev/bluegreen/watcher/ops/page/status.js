// The status page: renders each snapshot the watcher streams from /events. No library, no build.
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var CELL = { o: "ok", h: "error hidden by a retry", e: "error seen by the client", s: "slow" };
  var updates = 0;

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value == null ? "—" : String(value); }
  function badge(id, label, tone) { var el = $(id); el.textContent = label; el.className = "badge s-" + tone; }
  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content != null) e.textContent = content;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function pct(r) { return r == null ? "—" : (r * 100).toFixed(1) + " %"; }
  function ms(s) { return s == null ? "—" : Math.round(s * 1000) + " ms"; }
  function time(iso) { return iso ? iso.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : ""; }

  function pools(d) {
    text("serving-pool", d.serving_pool || "none yet");
    text("primary-pool", d.active_pool);
    text("release", d.serving_release);
    text("announced-pool", d.announced_pool);
    $("serving-pool").dataset.pool = d.serving_pool || "";
    if (!d.serving_pool) badge("serving-state", "no traffic seen", "off");
    else if (d.serving_pool === d.active_pool) badge("serving-state", "as expected", "ok");
    else badge("serving-state", "FAILED OVER: not the primary", "bad");
    if (d.maintenance) badge("maintenance", "ON: alerts suppressed", "warn");
    else badge("maintenance", "off", "ok");
  }

  function strip(w) {
    var node = $("strip"), counts = { o: 0, h: 0, e: 0, s: 0 };
    clear(node);
    for (var i = 0; i < w.cells.length; i++) {
      var c = w.cells[i];
      counts[c]++;
      var cell = el("span", "cell c-" + c);
      cell.title = CELL[c];
      node.appendChild(cell);
    }
    for (var k in counts) text("n-" + k, counts[k]);
    text("window-count", w.cells.length + " of " + w.size + " requests");
    node.setAttribute("aria-label", w.cells.length + " requests: " + counts.o + " ok, " + counts.h +
      " errors hidden by a retry, " + counts.e + " errors seen by clients, " + counts.s + " slow");
  }

  // x: the time the history covers (1 to 15 minutes), now at the right edge; y: 0 at the bottom,
  // the top fits the threshold and the highest value
  function span(points) {
    var covered = points.length ? points[points.length - 1][0] - points[0][0] : 0;
    return Math.min(15 * 60 * 1000, Math.max(60 * 1000, covered));
  }

  function spark(id, points, index, limit) {
    var svg = $(id), values = [], max = limit || 0, last = null, shown = span(points);
    clear(svg);
    points.forEach(function (p) { if (p[index] != null) max = Math.max(max, p[index]); });
    if (max <= 0) max = 1;
    var now = points.length ? points[points.length - 1][0] : 0;
    function y(v) { return (40 - (v / max) * 37).toFixed(1); }
    points.forEach(function (p) {
      if (p[index] == null) return;
      if (now - p[0] > shown) return;
      last = [(180 - ((now - p[0]) / shown) * 180).toFixed(1), y(p[index])];
      values.push(last.join(","));
    });
    if (limit != null) {
      var line = document.createElementNS(SVG, "line");
      line.setAttribute("class", "limit");
      line.setAttribute("x1", "0"); line.setAttribute("x2", "180");
      line.setAttribute("y1", y(limit)); line.setAttribute("y2", y(limit));
      svg.appendChild(line);
    }
    var poly = document.createElementNS(SVG, "polyline");
    poly.setAttribute("class", "value");
    poly.setAttribute("points", values.join(" "));
    svg.appendChild(poly);
    if (last) {
      var dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("class", "now");
      dot.setAttribute("cx", last[0]); dot.setAttribute("cy", last[1]); dot.setAttribute("r", "2");
      svg.appendChild(dot);
    }
  }

  function rates(d) {
    var w = d.window, pts = d.history.points;
    text("error-rate", pct(w.error_ratio));
    text("error-threshold", pct(w.error_threshold_ratio) + " threshold");
    if (w.error_ratio > w.error_threshold_ratio) badge("error-state", "ABOVE threshold", "bad");
    else badge("error-state", "below", "ok");
    text("p99", ms(w.p99_seconds));
    text("p99-threshold", ms(w.latency_threshold_seconds) + " threshold");
    if (w.p99_seconds == null) badge("p99-state", "too few timed requests", "off");
    else if (w.p99_seconds > w.latency_threshold_seconds) badge("p99-state", "SLOW", "bad");
    else badge("p99-state", "below", "ok");
    var minutes = Math.round(span(pts) / 60000);
    text("rates-h", minutes >= 15 ? "Last 15 minutes" : "Last " + minutes + " min (up to 15 kept)");
    spark("error-spark", pts, 1, w.error_threshold_ratio);
    spark("p99-spark", pts, 2, w.latency_threshold_seconds);
  }

  function episodes(list) {
    var node = $("episodes");
    clear(node);
    if (!list.length) { node.appendChild(el("li", "muted", "none")); return; }
    list.forEach(function (e) {
      var li = el("li");
      li.appendChild(el("span", "kind", e.kind.replace(/_/g, " ")));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "badge s-" + (e.severity === "critical" ? "bad" : "warn"), e.severity));
      node.appendChild(li);
    });
  }

  function timeline(list) {
    var node = $("timeline");
    clear(node);
    if (!list.length) { node.appendChild(el("li", "muted", "no alerts yet")); return; }
    list.forEach(function (m) {
      var li = el("li");
      li.dataset.kind = m.kind;
      var head = el("div");
      head.appendChild(el("span", "when", time(m.at) + " "));
      head.appendChild(el("span", "kind", m.kind + " "));
      if (m.severity) head.appendChild(el("span", "badge s-" + (m.severity === "critical" ? "bad" : "warn"), m.severity));
      li.appendChild(head);
      li.appendChild(el("div", "text", m.text));
      var sinks = el("div", "sinks");
      Object.keys(m.sinks).forEach(function (name) {
        var s = m.sinks[name];
        var mark = { delivered: "✓", queued: "…", superseded: "↷", dropped: "✗" }[s.state] || "";
        sinks.appendChild(el("span", "d-" + s.state, name + ": " + mark + " " + s.state + (s.reason ? " (" + s.reason + ")" : "")));
      });
      li.appendChild(sinks);
      node.appendChild(li);
    });
  }

  function standby(probes) {
    var panel = $("standby-panel"), node = $("standby");
    if (!probes || !probes.length) { panel.hidden = true; return; }
    panel.hidden = false;
    clear(node);
    probes.forEach(function (p) {
      var li = el("li");
      li.appendChild(el("span", "pool", p.pool + " "));
      li.appendChild(el("span", "badge s-" + (p.state === "up" ? "ok" : p.state === "down" ? "bad" : "off"), p.state));
      li.appendChild(el("span", "muted", (p.serving ? " · serving" : " · standby") +
        " · failures in a row: " + p.failures_in_row + (p.last_error ? " · " + p.last_error : "")));
      node.appendChild(li);
    });
  }

  function health(d) {
    var tone = d.status === "ok" ? "ok" : d.status === "degraded" ? "warn" : "bad";
    badge("health", d.status, tone);
    text("lines", d.lines);
    text("log", d.log + (d.waiting_for_log ? " (waiting for it)" : ""));
    var node = $("problems");
    clear(node);
    (d.problems || []).forEach(function (p) {
      var li = el("li");
      li.appendChild(el("span", "badge s-" + tone, p.code));
      li.appendChild(el("span", null, " " + p.detail + " "));
      li.appendChild(el("span", "muted", "fix: " + p.fix));
      node.appendChild(li);
    });
  }

  function render(d) {
    pools(d); strip(d.window); rates(d); episodes(d.episodes); timeline(d.timeline);
    standby(d.probes); health(d);
    updates++;
    document.body.dataset.updates = String(updates);
  }

  function connect() {
    var source = new EventSource("events");
    source.addEventListener("status", function (e) { render(JSON.parse(e.data)); });
    source.onopen = function () { badge("conn", "live", "ok"); $("conn").className = "badge conn-live"; };
    source.onerror = function () { $("conn").textContent = "reconnecting…"; $("conn").className = "badge conn-wait"; };
  }
  connect();
})();
