// Presence Agent operator console. Plain JavaScript, no library, no build step: it talks to the
// admin API (../admin/) with the session cookie set at sign-in and sends the session's
// anti-forgery token with every change. Everything shown is written with textContent, never as HTML.
(function () {
  "use strict";

  var API = "../admin/";
  var COUNTERS_EVERY_MS = 2000;
  var LIST_EVERY_MS = 4000;
  var DETAIL_EVERY_MS = 3000;
  var CLUSTER_EVERY_MS = 5000; // each reading is a database query in a cluster: not as often as the counters
  var HISTORY_POINTS = 300; // ten minutes at one reading every two seconds

  var session = null;
  var previous = null;
  var history = loadHistory();
  var presentities = [];
  var selected = null;
  var timers = [];

  function $(id) { return document.getElementById(id); }

  function show(element, visible) { element.hidden = !visible; }

  function notice(text, isError) {
    var box = $("notice");
    box.textContent = text;
    box.className = isError ? "notice error" : "notice";
    show(box, true);
    clearTimeout(notice.timer);
    notice.timer = setTimeout(function () { show(box, false); }, 6000);
  }

  // One request to the admin API; resolves with the parsed JSON (or null for 204).
  function api(method, path, body, contentType) {
    var headers = { "X-Presence-Console": "1", "Accept": "application/json" };
    if (method !== "GET" && session) { headers["X-CSRF-Token"] = session.csrfToken; }
    if (body !== undefined) { headers["Content-Type"] = contentType || "application/json"; }
    return fetch(API + path, { method: method, headers: headers, body: body, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.status === 204) { return null; }
        return response.json().then(function (json) {
          if (response.status === 401 && path !== "session") { signedOut(); }
          if (!response.ok) { throw new Error(json.message || ("HTTP " + response.status)); }
          return json;
        });
      });
  }

  function segment(text) { return encodeURIComponent(text); }

  // ---------------------------------------------------------------- sign-in
  function signedIn(json) {
    session = json;
    $("operator").textContent = json.operator;
    show($("sign-in"), false);
    show($("tabs"), true);
    show($("who"), true);
    openTab("overview");
    every(refreshCounters, COUNTERS_EVERY_MS);
    every(refreshPresentities, LIST_EVERY_MS);
    every(refreshDetail, DETAIL_EVERY_MS);
    every(refreshCluster, CLUSTER_EVERY_MS);
  }

  function signedOut() {
    session = null;
    timers.forEach(clearInterval);
    timers = [];
    ["tabs", "who", "overview", "presentities", "settings"].forEach(function (id) { show($(id), false); });
    show($("sign-in"), true);
    $("user").focus();
  }

  function every(task, millis) {
    task();
    timers.push(setInterval(function () { if (!document.hidden) { task(); } }, millis));
  }

  $("sign-in").addEventListener("submit", function (event) {
    event.preventDefault();
    show($("sign-in-error"), false);
    api("POST", "session", JSON.stringify({ user: $("user").value, password: $("password").value }))
      .then(function (json) { $("password").value = ""; signedIn(json); })
      .catch(function (error) { $("sign-in-error").textContent = error.message; show($("sign-in-error"), true); });
  });

  $("sign-out").addEventListener("click", function () {
    api("DELETE", "session").then(signedOut, signedOut);
  });

  // ---------------------------------------------------------------- tabs
  function openTab(name) {
    document.querySelectorAll("#tabs button").forEach(function (button) {
      button.classList.toggle("active", button.dataset.tab === name);
    });
    ["overview", "presentities", "settings"].forEach(function (id) { show($(id), id === name); });
    if (name === "settings") { loadSettings(); }
    if (name === "presentities") { refreshPresentities(); }
    if (name === "overview") { refreshCluster(); }
  }

  document.querySelectorAll("#tabs button").forEach(function (button) {
    button.addEventListener("click", function () { openTab(button.dataset.tab); });
  });

  // ---------------------------------------------------------------- live counters and chart
  function refreshCounters() {
    api("GET", "counters").then(function (now) {
      $("c-presentities").textContent = now.presentities;
      $("c-publications").textContent = now.publications;
      $("c-registrations").textContent = now.registrations;
      $("c-notifies-sent").textContent = now.notifiesSent;
      $("c-notifies-failed").textContent = now.notifiesFailed;
      if (previous && now.time > previous.time) {
        var seconds = (now.time - previous.time) / 1000;
        var requests = Math.max(0, now.sipRequests - previous.sipRequests) / seconds;
        var notifies = Math.max(0, now.notifiesSent - previous.notifiesSent) / seconds;
        $("c-rate").textContent = requests.toFixed(1);
        history.push({ t: now.time, r: requests, n: notifies });
        while (history.length > HISTORY_POINTS) { history.shift(); }
        saveHistory();
      }
      previous = now;
      subscriptionTable(now.subscriptions);
      drawChart();
    }).catch(function (error) { if (session) { notice("counters: " + error.message, true); } });
  }

  // ---------------------------------------------------------------- cluster
  // Read only while the overview is shown: in a cluster every reading queries the shared database.
  function refreshCluster() {
    if (!session || $("overview").hidden) { return; }
    api("GET", "cluster").then(function (cluster) {
      show($("cluster-error"), false);
      show($("cluster-single"), !cluster.clustered);
      show($("cluster-detail"), cluster.clustered);
      if (!cluster.clustered) { $("cluster-read").textContent = ""; return; }
      var feed = cluster.changeFeed;
      $("cluster-read").textContent = "read at " + clock(cluster.databaseTime) + " database time";
      $("cl-node").textContent = cluster.nodeId + " (generation " + cluster.generation + ")";
      $("cl-lease").textContent = cluster.leaseHeld ? "held" : "not held: sends nothing";
      $("cl-lease").className = cluster.leaseHeld ? "" : "error";
      $("cl-orphaned").textContent = cluster.orphanedSubscriptions + " of " + cluster.subscriptions;
      $("cl-position").textContent = feed.position + " / " + feed.head;
      $("cl-behind").textContent = feed.behind;
      $("cl-idle").textContent = (feed.millisSinceLastRead / 1000).toFixed(1) + " s ago";
      $("cl-applied").textContent = feed.changesApplied;
      $("cl-dialogs").textContent = cluster.ownerAliveRefusals + " / " + cluster.dialogsAdopted;
      var body = $("cluster-nodes").tBodies[0];
      body.replaceChildren();
      cluster.nodes.forEach(function (node) {
        var lease = node.alive ? "alive, " + (node.leaseLeftMillis / 1000).toFixed(1) + " s left" : "lapsed";
        var tr = row(body, [node.nodeId + (node.self ? " (this node)" : ""), node.generation, lease,
          clock(node.leaseUntil), clock(node.lastRenewal), node.startedAt.replace("T", " ").replace(/\.\d+Z$/, "Z"),
          node.subscriptionsOwned]);
        tr.dataset.node = node.nodeId;
        tr.dataset.alive = String(node.alive);
        tr.dataset.owned = String(node.subscriptionsOwned);
        if (node.self) { tr.classList.add("self"); }
        if (!node.alive) { tr.classList.add("lapsed"); }
      });
    }).catch(function (error) {
      if (!session) { return; }
      $("cluster-error").textContent = "cluster: " + error.message;
      show($("cluster-error"), true);
    });
  }

  // The time of day of an ISO-8601 instant (UTC, as the database keeps it), to the millisecond.
  function clock(instant) {
    var match = /T(\d\d:\d\d:\d\d(\.\d{1,3})?)/.exec(instant);
    return match ? match[1] : instant;
  }

  function subscriptionTable(byEventAndState) {
    var events = {};
    Object.keys(byEventAndState).forEach(function (key) {
      var slash = key.lastIndexOf("/");
      var event = key.substring(0, slash);
      events[event] = events[event] || {};
      events[event][key.substring(slash + 1)] = byEventAndState[key];
    });
    var body = $("subscription-counts").tBodies[0];
    body.replaceChildren();
    Object.keys(events).sort().forEach(function (event) {
      row(body, [event, events[event].pending || 0, events[event].active || 0, events[event].terminated || 0])
        .dataset.event = event;
    });
  }

  function loadHistory() {
    try {
      var stored = JSON.parse(sessionStorage.getItem("presence-agent-history") || "[]");
      var horizon = Date.now() - HISTORY_POINTS * COUNTERS_EVERY_MS;
      return stored.filter(function (point) { return point.t >= horizon; });
    } catch (e) {
      return [];
    }
  }

  function saveHistory() {
    try { sessionStorage.setItem("presence-agent-history", JSON.stringify(history)); } catch (e) { /* full: keep in memory */ }
  }

  function drawChart() {
    var canvas = $("chart");
    var width = canvas.clientWidth || canvas.width;
    var ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(180 * ratio);
    }
    var g = canvas.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    var height = 180, left = 44, bottom = 22, top = 10;
    g.clearRect(0, 0, width, height);
    var end = Date.now(), start = end - HISTORY_POINTS * COUNTERS_EVERY_MS;
    var max = 1;
    history.forEach(function (point) { max = Math.max(max, point.r, point.n); });
    max = niceCeiling(max);
    g.font = "11px system-ui, sans-serif";
    g.fillStyle = "#5b6878";
    g.strokeStyle = "#e3e7ec";
    for (var i = 0; i <= 4; i++) {
      var y = top + (height - top - bottom) * i / 4;
      g.beginPath(); g.moveTo(left, y); g.lineTo(width - 6, y); g.stroke();
      g.fillText(String(+(max * (4 - i) / 4).toFixed(2)), 4, y + 4);
    }
    for (var m = 0; m <= 10; m += 2) {
      var x = left + (width - 6 - left) * (m / 10);
      g.fillText(m === 10 ? "now" : "-" + (10 - m) + " min", x - 14, height - 6);
    }
    function line(key, color) {
      g.strokeStyle = color; g.lineWidth = 2; g.beginPath();
      history.forEach(function (point, index) {
        var px = left + (width - 6 - left) * (point.t - start) / (end - start);
        var py = top + (height - top - bottom) * (1 - point[key] / max);
        if (index === 0) { g.moveTo(px, py); } else { g.lineTo(px, py); }
      });
      g.stroke(); g.lineWidth = 1;
      g.fillStyle = color; // the newest reading as a dot, so that one reading already shows
      var last = history[history.length - 1];
      if (last) {
        g.beginPath();
        g.arc(left + (width - 6 - left) * (last.t - start) / (end - start), top + (height - top - bottom) * (1 - last[key] / max), 3, 0, 2 * Math.PI);
        g.fill();
      }
    }
    line("r", "#0b6e4f");
    line("n", "#c2410c");
  }

  function niceCeiling(value) {
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (value <= steps[i] * power) { return steps[i] * power; } }
    return 10 * power;
  }

  $("cleanup").addEventListener("click", function () {
    api("POST", "cleanup").then(function (result) {
      $("cleanup-result").textContent = "removed " + result.subscriptions + " subscriptions, " + result.publications
        + " publications, " + result.registrations + " registrations, " + result.offlineWatchers + " offline watchers";
    }).catch(function (error) { notice("clean-up: " + error.message, true); });
  });

  // ---------------------------------------------------------------- presentities
  function refreshPresentities() {
    if ($("presentities").hidden) { return; }
    api("GET", "presentities").then(function (list) { presentities = list; presentityTable(); })
      .catch(function (error) { notice("presentities: " + error.message, true); });
  }

  function presentityTable() {
    var query = $("search").value.trim().toLowerCase();
    var shown = presentities.filter(function (p) { return p.presentity.toLowerCase().indexOf(query) >= 0; });
    var body = $("presentity-table").tBodies[0];
    body.replaceChildren();
    shown.slice(0, 500).forEach(function (p) {
      var tr = row(body, [p.presentity, p.online ? "online" : "offline", p.publications, p.registrations, p.subscriptions]);
      tr.className = "link" + (p.presentity === selected ? " selected" : "");
      tr.dataset.presentity = p.presentity;
      tr.addEventListener("click", function () { select(p.presentity); });
    });
    $("presentity-count").textContent = shown.length + " of " + presentities.length
      + (shown.length > 500 ? " (first 500 shown)" : "");
  }

  $("search").addEventListener("input", presentityTable);

  function select(presentity) {
    selected = presentity;
    presentityTable();
    show($("detail"), true);
    $("d-aor").textContent = presentity;
    if (!$("p-document").value) { $("p-document").value = pidfTemplate(presentity); }
    refreshDetail();
  }

  function refreshDetail() {
    if (!selected || $("presentities").hidden) { return; }
    var aor = segment(selected);
    api("GET", "presentities/" + aor).then(function (details) {
      $("d-online").textContent = details.online ? "online" : "offline";
      $("d-online").className = "badge " + (details.online ? "on" : "off");
      $("d-document").textContent = details.presenceDocument ? prettyXml(details.presenceDocument) : "(no document)";
      fill($("d-publications"), details.publicationList, function (p) { return [p.etag, p.event, p.contentType, p.expiresIn + " s"]; });
      fill($("d-bindings"), details.registrationList, function (b) { return [b.contact, b.q, b.instanceId, b.expiresIn + " s"]; });
    }).catch(function (error) {
      $("d-document").textContent = "(" + error.message + ")";
      fill($("d-publications"), [], null);
      fill($("d-bindings"), [], null);
    });
    api("GET", "presentities/" + aor + "/subscriptions").then(watcherTable)
      .catch(function () { fill($("d-watchers"), [], null); });
    api("GET", "presentities/" + aor + "/pres-rules").then(function (rules) {
      $("d-rules").textContent = prettyXml(rules.document);
    }).catch(function () { $("d-rules").textContent = "(no pres-rules stored)"; });
  }

  function watcherTable(subscriptions) {
    var body = $("d-watchers").tBodies[0];
    body.replaceChildren();
    subscriptions.forEach(function (s) {
      var tr = row(body, [s.watcher, s.event, s.state, s.expiresIn + " s", s.notifications]);
      tr.dataset.watcher = s.watcher;
      tr.dataset.state = s.state;
      tr.children[2].className = "state " + s.state;
      var cell = document.createElement("td");
      var end = document.createElement("button");
      end.type = "button";
      end.textContent = "Terminate";
      end.className = "danger";
      end.addEventListener("click", function () {
        if (!confirm("End " + s.watcher + "'s " + s.event + " subscription? The watcher gets a final NOTIFY (noresource).")) { return; }
        api("DELETE", "subscriptions/" + segment(s.id)).then(function () {
          notice("subscription of " + s.watcher + " terminated");
          refreshDetail();
        }).catch(function (error) { notice("terminate: " + error.message, true); });
      });
      cell.appendChild(end);
      tr.appendChild(cell);
    });
  }

  $("authorize").addEventListener("click", function () {
    api("POST", "presentities/" + segment(selected) + "/authorize").then(function () {
      notice("watchers of " + selected + " re-evaluated");
      setTimeout(refreshDetail, 300);
    }).catch(function (error) { notice("authorize: " + error.message, true); });
  });

  $("publish").addEventListener("submit", function (event) {
    event.preventDefault();
    var expires = $("p-expires").value.trim();
    api("POST", "presentities/" + segment(selected) + "/publications" + (expires ? "?expires=" + segment(expires) : ""),
      $("p-document").value, $("p-type").value).then(function (result) {
      $("p-result").textContent = "published, ETag " + result.etag + ", expires in " + result.expires + " s";
      refreshDetail();
    }).catch(function (error) { $("p-result").textContent = error.message; });
  });

  function pidfTemplate(presentity) {
    return '<?xml version="1.0" encoding="UTF-8"?>\n'
      + '<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="' + presentity.replace(/[<>&"]/g, "") + '">\n'
      + '  <tuple id="console">\n    <status><basic>open</basic></status>\n    <note>set by an operator</note>\n  </tuple>\n'
      + '</presence>\n';
  }

  // Indents XML by its tags for reading; the text itself is unchanged and shown as text.
  function prettyXml(xml) {
    var parts = xml.replace(/>\s*</g, "><").replace(/></g, ">\n<").split("\n");
    var depth = 0;
    return parts.map(function (part) {
      if (/^<\//.test(part)) { depth = Math.max(0, depth - 1); }
      var line = new Array(depth + 1).join("  ") + part;
      if (/^<[^!?\/][^>]*[^\/]>$/.test(part) && !/<\/[^>]+>$/.test(part)) { depth++; }
      return line;
    }).join("\n");
  }

  // ---------------------------------------------------------------- settings
  function loadSettings() {
    api("GET", "settings").then(function (settings) {
      var body = $("settings-table").tBodies[0];
      body.replaceChildren();
      Object.keys(settings).forEach(function (name) {
        var tr = row(body, [name]);
        var cell = document.createElement("td");
        if (session.liveSettings.indexOf(name) >= 0) {
          var input = document.createElement("input");
          input.name = name;
          input.value = settings[name];
          input.dataset.original = settings[name];
          input.className = "live";
          cell.appendChild(input);
        } else {
          cell.textContent = settings[name];
        }
        tr.appendChild(cell);
        var when = document.createElement("td");
        when.textContent = session.liveSettings.indexOf(name) >= 0 ? "at once" : "after a restart";
        when.className = "hint";
        tr.appendChild(when);
      });
    }).catch(function (error) { notice("settings: " + error.message, true); });
  }

  $("settings-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var changes = {};
    document.querySelectorAll("#settings-table input.live").forEach(function (input) {
      if (input.value !== input.dataset.original) { changes[input.name] = input.value.trim(); }
    });
    if (Object.keys(changes).length === 0) { $("settings-result").textContent = "nothing changed"; return; }
    api("PUT", "settings", JSON.stringify(changes)).then(function () {
      $("settings-result").textContent = "saved: " + Object.keys(changes).join(", ");
      loadSettings();
    }).catch(function (error) { $("settings-result").textContent = error.message; });
  });

  // ---------------------------------------------------------------- helpers
  function row(body, cells) {
    var tr = document.createElement("tr");
    cells.forEach(function (value) {
      var td = document.createElement("td");
      td.textContent = value === undefined || value === null ? "" : String(value);
      tr.appendChild(td);
    });
    body.appendChild(tr);
    return tr;
  }

  function fill(table, items, cells) {
    var body = table.tBodies[0];
    body.replaceChildren();
    items.forEach(function (item) { row(body, cells(item)); });
  }

  // Start: signed in already (a session cookie from before the reload)?
  api("GET", "session").then(signedIn, signedOut);
}());
