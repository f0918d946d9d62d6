// The timeout warning: opens a little before the session times out (2 minutes, or half the timeout
// if that is shorter), counts down, and keeps the person signed in if they choose to. When the
// time has passed it reloads the page: the server then sends the person to sign in, saying why,
// and back to this page afterwards. A draft saved by htmx, like any request, restarts the count.
(function () {
  'use strict';
  var dialog = document.getElementById('timeout-warning');
  if (!dialog || typeof dialog.showModal !== 'function') {
    return;
  }
  var timeout = Number(dialog.getAttribute('data-timeout')) * 1000;
  var endsIn = Number(dialog.getAttribute('data-ends-in')) * 1000;
  if (!(timeout > 0) || !(endsIn >= 0)) {
    return;
  }
  var loaded = Date.now();
  var absoluteEnd = loaded + endsIn;
  var idleEnd = loaded + timeout;
  var warnBefore = Math.min(120000, timeout / 2);
  var idleText = dialog.querySelector('[data-idle]');
  var absoluteText = dialog.querySelector('[data-absolute]');
  var countdown = dialog.querySelector('[data-countdown]');
  var spoken = dialog.querySelector('[data-spoken]');
  var stay = dialog.querySelector('[data-stay]');
  var carryOn = dialog.querySelector('[data-continue]');
  var absoluteSeen = false;
  var leaving = false;

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function exactly(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    seconds = seconds % 60;
    if (minutes === 0) {
      return plural(seconds, 'second');
    }
    return plural(minutes, 'minute') + (seconds === 0 ? '' : ' ' + plural(seconds, 'second'));
  }

  // What a screen reader hears: changes only every half minute, not every second.
  function roughly(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    return seconds > 30 ? plural(Math.ceil(seconds / 60), 'minute') : '30 seconds';
  }

  function absoluteFirst() {
    return absoluteEnd <= idleEnd;
  }

  function leave() {
    if (!leaving) {
      leaving = true;
      window.location.assign(window.location.href.split('#')[0]);
    }
  }

  function extend() {
    idleEnd = Date.now() + timeout;
  }

  function show(absolute, left) {
    idleText.hidden = absolute;
    absoluteText.hidden = !absolute;
    stay.hidden = absolute;
    carryOn.hidden = !absolute;
    var words = absolute
      ? absoluteText.textContent
      : 'For your security, we will sign you out in ' + roughly(left) + '.';
    countdown.textContent = exactly(left);
    if (spoken.textContent !== words) {
      spoken.textContent = words;
    }
    if (!dialog.open) {
      dialog.showModal();
      (absolute ? carryOn : stay).focus();
    }
  }

  function tick() {
    if (leaving) {
      return;
    }
    var now = Date.now();
    var absolute = absoluteFirst();
    var end = absolute ? absoluteEnd : idleEnd;
    if (now >= end + 3000) {
      leave();
    } else if (now >= end - warnBefore && !(absolute && absoluteSeen)) {
      show(absolute, end - now);
    } else if (dialog.open && !absolute) {
      dialog.close();
    }
  }

  function staySignedIn() {
    var headers = { 'X-Requested-With': 'fetch' };
    var header = dialog.getAttribute('data-csrf-header');
    if (header) {
      headers[header] = dialog.getAttribute('data-csrf-token');
    }
    fetch(dialog.getAttribute('data-stay-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers
    }).then(function (response) {
      if (response.ok && response.url.indexOf('/sign-in') < 0) {
        extend();
        dialog.close();
      } else {
        leave();
      }
    }, leave);
  }

  stay.addEventListener('click', staySignedIn);
  carryOn.addEventListener('click', function () {
    absoluteSeen = true;
    dialog.close();
  });
  // Escape: stay signed in, as the pattern does; or, at the absolute end, just close
  dialog.addEventListener('cancel', function (event) {
    if (absoluteFirst()) {
      absoluteSeen = true;
    } else {
      event.preventDefault();
      staySignedIn();
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    var xhr = event.detail && event.detail.xhr;
    if (event.detail && event.detail.successful) {
      extend();
    } else if (xhr && xhr.status === 401) {
      leave();
    }
  });
  window.setInterval(tick, 1000);
})();
