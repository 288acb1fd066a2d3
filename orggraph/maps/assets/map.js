/* orggraph maps: draw every [data-orggraph-map] canvas with vis-network.
   User data only ever reaches the page through textContent (className is text too: a finding's
   severity names its CSS class). */
(function () {
  "use strict";
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function tooltip(name, facts, findings) {
    var box = el("div", "og-tip");
    if (name) { box.appendChild(el("div", "og-tip-name", name)); }
    if (facts && facts.length) {
      var table = el("table");
      facts.forEach(function (f) {
        var tr = el("tr");
        tr.appendChild(el("td", "", f[0]));
        tr.appendChild(el("td", "", f[1]));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    if (findings && findings.length) {
      var ul = el("ul");
      findings.forEach(function (f) { ul.appendChild(el("li", f[0], f[1])); });
      box.appendChild(ul);
    }
    return box;
  }

  function draw(container, record) {
    var data = JSON.parse(document.getElementById(container.getAttribute("data-orggraph-map")).textContent);
    var nodes = data.nodes.map(function (n) {
      var t = data.tips[n.id] || {};
      var copy = Object.assign({}, n);
      copy.title = tooltip(t.name, t.facts, t.findings);
      return copy;
    });
    var edges = data.edges.map(function (e, i) {
      var copy = Object.assign({ id: "e" + i }, e);
      var facts = data.edgeTips[i];
      if (facts && facts.length) { copy.title = tooltip("", facts, []); }
      return copy;
    });
    record.view = data.view;
    record.nodes = nodes.length;
    record.edges = edges.length;
    record.stable = !data.physics;
    var network = new vis.Network(container, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }, data.options);
    record.network = network;
    if (data.physics) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        record.stable = true;
        network.redraw();
      });
    } else {
      network.fit({ animation: false });
    }
    network.on("afterDrawing", function () {
      if (record.stable && !record.drawn) {
        record.drawn = true;
        record.drawnAt = performance.now();
        if (window.orggraphMaps.every(function (r) { return r.drawn; })) {
          document.documentElement.setAttribute("data-maps-drawn", String(window.orggraphMaps.length));
        }
      }
    });
    return network;
  }

  function search(input, network) {
    input.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") { return; }
      var q = input.value.trim();
      if (!q) { return; }
      var ids = network.body.data.nodes.getIds({ filter: function (n) { return String(n.label).indexOf(q) >= 0; } });
      if (ids.length) {
        network.selectNodes(ids);
        network.focus(ids[0], { scale: 1.2, animation: false });
      }
    });
  }

  window.orggraphMaps = [];
  var containers = document.querySelectorAll("[data-orggraph-map]");
  Array.prototype.forEach.call(containers, function (c) {
    window.orggraphMaps.push({ id: c.id, drawn: false });
  });
  Array.prototype.forEach.call(containers, function (c, i) {
    var network = draw(c, window.orggraphMaps[i]);
    var input = document.querySelector('.og-search[data-for="' + c.id + '"]');
    if (input) { search(input, network); }
  });
  if (!containers.length) { document.documentElement.setAttribute("data-maps-drawn", "0"); }
})();
