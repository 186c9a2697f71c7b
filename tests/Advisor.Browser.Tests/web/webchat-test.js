// Renders Web Chat with a Direct Line token and domain passed in the URL fragment:
// #token=…&domain=http://127.0.0.1:PORT/v3/directline&webSocket=true|false
(function () {
  'use strict';
  var params = new URLSearchParams(location.hash.slice(1));
  var directLine = window.WebChat.createDirectLine({
    token: params.get('token'),
    domain: params.get('domain'),
    webSocket: params.get('webSocket') === 'true'
  });
  window.testDirectLine = directLine;
  window.WebChat.renderWebChat({ directLine: directLine, userID: 'dl_browser_test', locale: 'zh-CN' },
    document.getElementById('webchat'));
}());
