// The resident chat page: a small Direct Line 3.0 client (WebSocket stream, polling as fallback).
// No framework and no bundle, so it loads quickly on a slow phone connection.
(function () {
  'use strict';

  var DL = '/v3/directline';
  var STORE_KEY = 'dutyadvisor.chat';
  var REFRESH_MS = 10 * 60 * 1000;

  var log = document.getElementById('log');
  var quick = document.getElementById('quick');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var sendButton = document.getElementById('send');
  var statusLine = document.getElementById('status');

  var conv = null;            // { id, token, watermark }
  var userId = null;
  var socket = null;
  var polling = false;
  var pollKick = null;
  var lastTraffic = Date.now();
  var waitingForReply = 0;
  var seen = Object.create(null);
  var pending = Object.create(null);
  var lastActivity = null;
  var refreshTimer = null;

  function randomId(prefix) {
    var bytes = new Uint8Array(9);
    crypto.getRandomValues(bytes);
    return prefix + Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function setStatus(text) { statusLine.textContent = text || ''; }

  function save() {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify({ id: conv.id, token: conv.token, userId: userId }));
    } catch (e) { /* private mode: the conversation just does not survive a reload */ }
  }

  function load() {
    try { return JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null'); } catch (e) { return null; }
  }

  function forget() {
    try { sessionStorage.removeItem(STORE_KEY); } catch (e) { /* ignore */ }
  }

  function call(method, path, token, body) {
    var headers = { 'Accept': 'application/json', 'Authorization': 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(DL + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store'
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error('HTTP ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  function scrollToEnd() { log.scrollTop = log.scrollHeight; }

  function addBubble(role, text) {
    var row = document.createElement('div');
    row.className = 'msg ' + role;
    var bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.textContent = text;
    row.appendChild(bubble);
    log.appendChild(row);
    scrollToEnd();
    return row;
  }

  function showQuickReplies() {
    quick.textContent = '';
    var a = lastActivity;
    if (!a || !a.from || a.from.role !== 'bot' || !a.suggestedActions) return;
    (a.suggestedActions.actions || []).forEach(function (action) {
      if (action.type !== 'imBack' && action.type !== 'postBack') return;
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.title || action.value;
      button.addEventListener('click', function () { send(String(action.value || action.title)); });
      quick.appendChild(button);
    });
    // The buttons take room from the transcript: keep its end in view.
    scrollToEnd();
  }

  function receive(set) {
    if (!set) return;
    if (set.watermark) conv.watermark = set.watermark;
    (set.activities || []).forEach(function (a) {
      if (a.type !== 'message' || !a.id || seen[a.id]) return;
      seen[a.id] = true;
      lastTraffic = Date.now();
      var role = a.from && a.from.role === 'bot' ? 'bot' : 'user';
      if (role === 'user') {
        var clientId = a.channelData && a.channelData.clientActivityID;
        var row = clientId && pending[clientId];
        if (row) {
          row.classList.remove('pending');
          delete pending[clientId];
        } else {
          addBubble('user', a.text || '');
        }
      } else {
        addBubble('bot', a.text || '');
        if (waitingForReply > 0) waitingForReply--;
      }
      lastActivity = a;
    });
    showQuickReplies();
    setStatus(waitingForReply > 0 ? '正在查询，请稍等…' : '');
  }

  function send(text) {
    text = (text || '').trim();
    if (!text || !conv) return;
    var clientId = randomId('c');
    var row = addBubble('user', text);
    row.classList.add('pending');
    pending[clientId] = row;
    quick.textContent = '';
    waitingForReply++;
    setStatus('正在查询，请稍等…');
    post(text, clientId, row);
  }

  function post(text, clientId, row) {
    row.classList.remove('failed');
    var old = row.querySelector('.retry');
    if (old) old.remove();
    call('POST', '/conversations/' + encodeURIComponent(conv.id) + '/activities', conv.token, {
      type: 'message',
      from: { id: userId, role: 'user' },
      text: text,
      textFormat: 'plain',
      locale: 'zh-CN',
      channelData: { clientActivityID: clientId }
    }).then(function () {
      if (pollKick) pollKick();
    }).catch(function (error) {
      waitingForReply = Math.max(0, waitingForReply - 1);
      row.classList.remove('pending');
      row.classList.add('failed');
      var retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'retry';
      retry.textContent = '重发';
      retry.addEventListener('click', function () { waitingForReply++; post(text, clientId, row); });
      row.insertBefore(retry, row.firstChild);
      setStatus(error.status === 403 || error.status === 404
        ? '会话已过期，请刷新页面重新开始。'
        : '没有发出去，请检查网络后点「重发」。');
    });
  }

  function stream(streamUrl) {
    if (!streamUrl || typeof WebSocket === 'undefined') { poll(); return; }
    var opened = false;
    try {
      socket = new WebSocket(streamUrl);
    } catch (e) {
      poll();
      return;
    }
    socket.onopen = function () { opened = true; };
    socket.onmessage = function (event) {
      if (event.data) receive(JSON.parse(event.data));
    };
    socket.onclose = function () {
      socket = null;
      // Proxies and sleeping phones drop sockets: polling keeps the conversation going.
      if (!opened) setStatus('');
      poll();
    };
  }

  function poll() {
    if (polling) return;
    polling = true;
    function next() {
      var idle = Date.now() - lastTraffic;
      var delay = document.hidden ? 5000 : (idle > 60000 && waitingForReply === 0 ? 3000 : 1000);
      var timer = setTimeout(tick, delay);
      pollKick = function () { clearTimeout(timer); pollKick = null; tick(); };
    }
    function tick() {
      pollKick = null;
      var path = '/conversations/' + encodeURIComponent(conv.id) + '/activities?watermark=' + encodeURIComponent(conv.watermark || '');
      call('GET', path, conv.token).then(function (set) {
        receive(set);
        next();
      }).catch(function (error) {
        if (error.status === 404) {
          polling = false;
          restart('这次对话已经过期，已为您重新开始。');
          return;
        }
        if (error.status === 403) {
          refresh().then(next, function () { polling = false; restart('这次对话已经过期，已为您重新开始。'); });
          return;
        }
        setStatus('网络不太好，正在重试…');
        next();
      });
    }
    tick();
  }

  function refresh() {
    return call('POST', '/tokens/refresh', conv.token).then(function (info) {
      conv.token = info.token;
      save();
    });
  }

  function begin(info) {
    conv = { id: info.conversationId, token: info.token, watermark: '' };
    save();
    clearInterval(refreshTimer);
    refreshTimer = setInterval(function () { refresh().catch(function () { /* the next call will notice */ }); }, REFRESH_MS);
    sendButton.disabled = false;
    stream(info.streamUrl);
  }

  function newConversation() {
    return fetch('/api/directline/token', { method: 'POST', headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 429) {
          var error = new Error('too many');
          error.status = 429;
          throw error;
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (issued) {
        return call('POST', '/conversations', issued.token, { user: { id: userId }, locale: 'zh-CN' });
      });
  }

  function restart(notice) {
    forget();
    if (socket) { socket.onclose = null; socket.close(); socket = null; }
    conv = null;
    if (notice) setStatus(notice);
    userId = randomId('r_');
    newConversation().then(begin, failedToStart);
  }

  function failedToStart(error) {
    setStatus(error && error.status === 429
      ? '访问的人太多了，请一分钟后刷新页面。'
      : '暂时连不上，请检查网络后刷新页面。');
  }

  function start() {
    sendButton.disabled = true;
    var saved = load();
    if (saved && saved.id && saved.token) {
      userId = saved.userId || randomId('r_');
      // Reconnect, and replay the transcript from the start (empty watermark).
      call('GET', '/conversations/' + encodeURIComponent(saved.id) + '?watermark=', saved.token)
        .then(begin, function () { restart(); });
      return;
    }
    restart();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = '';
    grow();
    send(text);
    input.focus();
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function grow() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, 160) + 'px';
  }
  input.addEventListener('input', grow);

  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && pollKick) pollKick();
  });

  start();
}());
