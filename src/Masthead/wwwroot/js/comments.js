// Masthead comments: the same form and the same server code path, enhanced when JavaScript runs. Validation
// messages show inline before posting, replies open under the comment, and a comment posts without leaving the page.
(function () {
  'use strict';

  function $(root, selector) { return root.querySelector(selector); }

  function setError(form, field, message) {
    var input = form.elements[field];
    var slot = document.getElementById(field + '-error');
    if (!slot) { return; }
    slot.textContent = message || '';
    if (input && input.setAttribute) {
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
      input.closest('.field') && input.closest('.field').classList.toggle('has-error', !!message);
    }
  }

  function validate(form) {
    var errors = {};
    var email = form.elements.email.value.trim();
    if (!form.elements.comment.value.trim()) { errors.comment = form.dataset.msgComment; }
    if (!form.elements.author.value.trim()) { errors.author = form.dataset.msgAuthor; }
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) { errors.email = form.dataset.msgEmail; }
    return errors;
  }

  function showErrors(form, errors) {
    ['comment', 'author', 'email', 'url'].forEach(function (field) { setError(form, field, errors[field]); });
    var first = ['comment', 'author', 'email', 'url'].filter(function (f) { return errors[f]; })[0];
    if (first) { form.elements[first].focus(); }
  }

  function status(form, message, isError) {
    var box = $(form, '.comment-status');
    box.textContent = message || '';
    box.classList.toggle('comment-notice-error', !!isError);
  }

  // A story's cached page is the same for every reader and carries no tokens: this reader's are asked for once,
  // when they start writing (or post straight away). Pages sent back with messages already have them.
  function ensureTokens(form) {
    var antiforgery = form.elements.__RequestVerificationToken;
    if (antiforgery.value && form.elements.token.value) { return Promise.resolve(); }
    if (!form.tokensRequest) {
      form.tokensRequest = fetch(form.dataset.tokens, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (!response.ok) {
            // The site's own words (too many requests, comments closed) are shown to the reader.
            return response.text().then(function (text) {
              var message = text;
              try { message = JSON.parse(text).message || text; } catch (ignored) { /* plain text */ }
              var error = new Error('form tokens: ' + response.status);
              error.readerMessage = message;
              throw error;
            });
          }
          return response.json();
        })
        .then(function (tokens) {
          antiforgery.value = tokens.antiforgery;
          form.elements.token.value = tokens.token;
        })
        .catch(function (error) {
          form.tokensRequest = null;
          throw error;
        });
    }
    return form.tokensRequest;
  }

  // Replace the whole comments section with the server's fresh rendering (which includes new tokens).
  function reloadComments(location, commentId) {
    return fetch(location, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('comments');
        var current = document.getElementById('comments');
        if (fresh && current) {
          current.replaceWith(fresh);
          init();
        }
        var posted = document.getElementById('comment-' + commentId);
        if (posted) {
          posted.scrollIntoView({ block: 'center' });
          posted.classList.add('comment-new');
        }
      });
  }

  function moveFormTo(form, comment, parentId, name) {
    var respond = document.getElementById('respond');
    var replying = $(respond, '.replying-to');
    form.elements.parent.value = parentId || '';
    if (parentId) {
      comment.querySelector('article').after(respond);
      replying.hidden = false;
      replying.textContent = 'Replying to ' + name + '. ';
      var cancel = document.createElement('a');
      cancel.href = '#respond';
      cancel.className = 'cancel-reply';
      cancel.textContent = 'Cancel reply';
      cancel.addEventListener('click', function (e) {
        e.preventDefault();
        moveFormTo(form, null, null, null);
      });
      replying.appendChild(cancel);
      form.elements.comment.focus();
    } else {
      document.getElementById('comments').appendChild(respond);
      replying.hidden = true;
      replying.textContent = '';
    }
  }

  // The server wrote "3 hours ago" when it rendered the (cached) page; say it again as of now.
  function refreshAges() {
    var now = Date.now();
    document.querySelectorAll('#comments .comment-meta').forEach(function (meta) {
      var time = meta.querySelector('time[datetime]');
      var age = meta.querySelector('.comment-age');
      if (!time || !age) { return; }
      var minutes = Math.floor((now - Date.parse(time.getAttribute('datetime'))) / 60000);
      if (isNaN(minutes)) { return; }
      age.textContent = minutes < 1 ? 'just now'
        : minutes < 2 ? '1 minute ago'
        : minutes < 60 ? minutes + ' minutes ago'
        : minutes < 120 ? '1 hour ago'
        : minutes < 1440 ? Math.floor(minutes / 60) + ' hours ago'
        : minutes < 2880 ? 'yesterday'
        : minutes < 43200 ? Math.floor(minutes / 1440) + ' days ago'
        : age.textContent;
    });
  }

  function init() {
    refreshAges();
    var form = document.getElementById('commentform');
    if (!form) { return; }

    document.querySelectorAll('#comments .comment-reply').forEach(function (link) {
      link.addEventListener('click', function (e) {
        e.preventDefault();
        moveFormTo(form, link.closest('.comment'), link.dataset.replyTo, link.dataset.replyName);
      });
    });

    form.addEventListener('focusin', function () {
      ensureTokens(form).catch(function () { /* asked again when the comment is posted */ });
    });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var errors = validate(form);
      showErrors(form, errors);
      if (Object.keys(errors).length) { return; }
      var button = $(form, 'button[type=submit]');
      button.disabled = true;
      status(form, 'Posting your comment\u2026');
      ensureTokens(form).then(function () {
        return fetch(form.action, {
          method: 'POST',
          body: new FormData(form),
          credentials: 'same-origin',
          headers: { 'Accept': 'application/json' }
        });
      }).then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('json') < 0) {
          return response.text().then(function (text) { return { ok: false, body: { message: text || 'Your comment could not be posted. Please try again.' } }; });
        }
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        button.disabled = false;
        if (result.ok) {
          status(form, result.body.message);
          return reloadComments(result.body.location.split('#')[0], result.body.id);
        }
        if (result.body.outcome === 'expired') {
          // Tokens refused (the reader's cookie changed, say): the next post asks for new ones.
          form.elements.__RequestVerificationToken.value = '';
          form.elements.token.value = '';
          form.tokensRequest = null;
        }
        showErrors(form, result.body.errors || {});
        status(form, result.body.message, true);
      }).catch(function (error) {
        button.disabled = false;
        status(form, (error && error.readerMessage) || 'The connection failed. Your comment is still here: please try again.', true);
      });
    });
  }

  init();
}());
