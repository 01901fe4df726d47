// The group-chat simulator: live messages over a websocket; speak as any member.
(function () {
  "use strict";
  var main = document.querySelector(".wx-main");
  if (!main) return;
  var key = main.dataset.key;
  var csrf = main.dataset.csrf;
  var direct = main.dataset.direct;
  var directName = main.dataset.directName;
  var log = document.getElementById("log");
  var live = document.getElementById("live");
  var speaker = document.getElementById("speaker");
  var newname = document.getElementById("newname");
  var form = document.getElementById("composer");
  var textarea = document.getElementById("text");
  var errorBox = document.getElementById("compose-error");
  var lastTs = Number(document.getElementById("last-ts").dataset.ts || 0);
  var storeKey = "clusterbot.speaker." + key;
  var ws = null;
  var retry = 500;

  function hue(name) {
    var sum = 0;
    for (var i = 0; i < name.length; i++) sum += name.charCodeAt(i);
    return sum % 8;
  }

  function current() {
    if (direct) return { id: direct, name: directName };
    if (!speaker) return null;
    if (speaker.value === "__new__") return { id: "", name: newname.value.trim() };
    var opt = speaker.selectedOptions[0];
    return opt ? { id: opt.value, name: opt.dataset.name } : null;
  }

  function markMine() {
    var me = current();
    log.querySelectorAll(".msg").forEach(function (el) {
      var mine = !!me && !el.classList.contains("bot") &&
        (el.dataset.sender === me.id || (!me.id && el.dataset.name === me.name));
      el.classList.toggle("mine", mine);
    });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function bubble(m) {
    var row = el("div", "msg" + (m.bot ? " bot" : ""));
    row.dataset.id = m.id;
    row.dataset.sender = m.sender_id;
    row.dataset.name = m.sender_name;
    row.appendChild(el("span", "avatar " + (m.bot ? "botc" : "c" + hue(m.sender_name)), m.bot ? "助" : m.sender_name.slice(0, 1)));
    var body = el("div", "body");
    body.appendChild(el("div", "nick", m.sender_name));
    if (m.file_url) {
      var link = el("a", "bubble file");
      link.href = m.file_url;
      link.setAttribute("download", "");
      var kind = /\.xlsx$/.test(m.file_name) ? "XLS" : /\.csv$/.test(m.file_name) ? "CSV" : "文件";
      link.appendChild(el("span", "ficon", kind));
      var label = el("span");
      label.appendChild(el("b", "", m.file_name));
      label.appendChild(el("small", "", "点击下载"));
      link.appendChild(label);
      body.appendChild(link);
    } else {
      body.appendChild(el("div", "bubble", m.text));
    }
    row.appendChild(body);
    return row;
  }

  function add(m) {
    if (log.querySelector('[data-id="' + CSS.escape(m.id) + '"]')) return;
    var hint = document.getElementById("empty-hint");
    if (hint) hint.remove();
    if (m.ts - lastTs > 300000) {
      var sep = el("div", "sep");
      sep.appendChild(el("span", "", m.date.slice(5) + " " + m.time));
      log.appendChild(sep);
    }
    lastTs = m.ts;
    log.appendChild(bubble(m));
    markMine();
    log.scrollTop = log.scrollHeight;
  }

  function showError(text) {
    if (!errorBox) return;
    errorBox.textContent = text || "";
  }

  function connect() {
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(proto + location.host + "/chat/ws?key=" + encodeURIComponent(key) + "&csrf=" + encodeURIComponent(csrf));
    ws.onopen = function () {
      retry = 500;
      live.textContent = "已连接";
      live.className = "live on";
    };
    ws.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "message") add(data);
      else if (data.type === "error") showError(data.text);
    };
    ws.onclose = function () {
      live.textContent = "重新连接中…";
      live.className = "live off";
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  if (speaker) {
    var saved = localStorage.getItem(storeKey);
    if (saved && speaker.querySelector('option[value="' + CSS.escape(saved) + '"]')) speaker.value = saved;
    var savedName = localStorage.getItem(storeKey + ".name");
    if (savedName) newname.value = savedName;
    newname.hidden = speaker.value !== "__new__";
    speaker.addEventListener("change", function () {
      newname.hidden = speaker.value !== "__new__";
      if (!newname.hidden) newname.focus();
      localStorage.setItem(storeKey, speaker.value);
      markMine();
    });
    newname.addEventListener("input", function () {
      localStorage.setItem(storeKey + ".name", newname.value.trim());
      markMine();
    });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = textarea.value.trim();
      var me = current();
      if (!text) return;
      if (!me || (!me.id && !me.name)) return showError("请先选择发言身份，或填写「单位-姓名」。");
      if (!ws || ws.readyState !== WebSocket.OPEN) return showError("还没有连上，请稍候再发。");
      showError("");
      ws.send(JSON.stringify({ type: "say", sender_id: me.id, sender_name: me.name, text: text }));
      textarea.value = "";
      textarea.focus();
    });
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  markMine();
  log.scrollTop = log.scrollHeight;
  connect();
})();
