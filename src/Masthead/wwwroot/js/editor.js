// The story editor: live preview, autosave of drafts, tag suggestions and a warning before leaving unsaved work.
// Everything here is an extra: the form posts and previews without it.
(function () {
    'use strict';
    var form = document.getElementById('editor');
    if (!form) { return; }
    var preview = document.getElementById('preview');
    var status = document.getElementById('autosave-status');
    var dirty = false;
    var submitting = false;
    var autosaveTimer = null;
    var previewTimer = null;
    var saving = false;
    // A button pressed while an autosave was on its way: pressed again once the autosave has landed.
    var heldSubmitter = null;

    // Pictures are uploaded by the form's own buttons, never with every autosave or preview.
    function formData() {
        var data = new FormData(form);
        data.delete('NewImage');
        return data;
    }

    function refreshPreview() {
        fetch(form.dataset.preview, { method: 'POST', body: formData(), credentials: 'same-origin' })
            // A redirect (an expired session) would put a whole page into the preview: keep the old preview instead.
            .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
            .then(function (html) { if (html !== null && preview) { preview.innerHTML = html; } })
            .catch(function () { /* the Preview button still works */ });
    }

    function say(text) { if (status) { status.textContent = text; } }

    function autosave() {
        if (form.dataset.autosave !== 'on' || !dirty || saving || submitting) { return; }
        saving = true;
        var sentAt = Date.now();
        fetch(form.dataset.autosaveUrl, { method: 'POST', body: formData(), credentials: 'same-origin' })
            .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
            .then(function (result) {
                if (result.ok && result.body.saved) {
                    if (lastChange <= sentAt) { dirty = false; }
                    var base = form.querySelector('input[name="BaseRevision"]');
                    if (base) { base.value = result.body.revision; }
                    if (form.getAttribute('action') !== result.body.url) {
                        // The first autosave of a new story created it: from now on the form edits that story.
                        form.setAttribute('action', result.body.url);
                        form.dataset.preview = result.body.url + '?handler=Preview';
                        form.dataset.autosaveUrl = result.body.url + '?handler=Autosave';
                        history.replaceState(null, '', result.body.url);
                    }
                    say('Draft saved ' + result.body.savedAt);
                } else {
                    say('Not autosaved: ' + (result.body.message || 'try saving yourself.'));
                }
            })
            .catch(function () { say('Not autosaved: the connection failed. Your text is still here.'); })
            .finally(function () {
                saving = false;
                if (heldSubmitter) {
                    var held = heldSubmitter;
                    heldSubmitter = null;
                    form.requestSubmit(held.button);
                }
            });
    }

    var lastChange = 0;
    function changed() {
        dirty = true;
        lastChange = Date.now();
        clearTimeout(previewTimer);
        previewTimer = setTimeout(refreshPreview, 600);
        clearTimeout(autosaveTimer);
        autosaveTimer = setTimeout(autosave, 5000);
    }

    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', function (e) {
        clearTimeout(autosaveTimer);
        if (saving) {
            // Posting now would race the autosave: the same story saved twice at once, or a new story created twice.
            e.preventDefault();
            heldSubmitter = { button: e.submitter || null };
            return;
        }
        submitting = true;
    });
    window.addEventListener('beforeunload', function (e) {
        if (dirty && !submitting) {
            e.preventDefault();
            e.returnValue = '';
        }
    });
    setInterval(autosave, 30000);

    // Suggestions for the tag being typed (the part after the last comma).
    var tags = document.getElementById('Edit_Tags');
    var list = document.getElementById('tag-suggestions');
    var tagTimer = null;
    if (tags && list) {
        tags.addEventListener('input', function () {
            clearTimeout(tagTimer);
            tagTimer = setTimeout(function () {
                var parts = tags.value.split(',');
                var current = parts.pop().trim();
                if (current.length < 2) { return; }
                var before = parts.map(function (p) { return p.trim(); }).filter(Boolean);
                fetch(form.dataset.tagsUrl + '&q=' + encodeURIComponent(current), { credentials: 'same-origin' })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(function (names) {
                        list.innerHTML = '';
                        names.forEach(function (name) {
                            var option = document.createElement('option');
                            option.value = before.concat([name]).join(', ');
                            list.appendChild(option);
                        });
                    })
                    .catch(function () { });
            }, 250);
        });
    }

    if (form.getAttribute('action') !== '/admin/articles/new') { refreshPreview(); }
})();
