/* Kelisim learner progress, on every page: KelisimProgress records (progress.js) judged against the
 * current banks (window.KelisimCourse, written by kelisim.quiz.progress at build time).
 * Shows "answered / total" beside each quiz's page in the navigation and under that page's title, and
 * fills in the progress page (.kl-progress): figures per part and for the seminar tests, outcomes,
 * export / import, print, reset. Everything follows "kelisim:progress" (and other tabs' storage) live.
 * A record that no longer fits its question (question removed, options changed) is counted as
 * "from an older version", never as wrong.
 */
(function () {
  "use strict";
  var P = window.KelisimProgress, D = window.KelisimCourse, me = document.currentScript;
  if (!P || !D || !me) return;
  var SCHEMA = 1, FORMAT = "kelisim-progress";
  var lang = document.documentElement.lang, S = D.strings[lang] || D.strings[Object.keys(D.strings)[0]];
  var home = me.src.replace(/assets\/kelisim\/[^\/]*$/, "") + (D.langs[lang] || "");
  var page = document.querySelector(".kl-progress"), T = page ? JSON.parse(page.getAttribute("data-kl-strings")) : {};

  function all(el, sel) { return Array.prototype.slice.call(el.querySelectorAll(sel)); }
  function fill(s, v) { return s.replace(/\{(\w+)\}/g, function (m, k) { return k in v ? v[k] : m; }); }
  function num(x) { return String(Math.round(x * 100) / 100).replace(".", ","); }
  function url(path) { return home + path; }
  function here(path) { return location.href.split("#")[0].replace(/\/$/, "/index.html") === url(path); }

  /* Figures for question ids: n total, a answered, ok fully right, s points, at latest answer, next unanswered. */
  function tally(ids, records) {
    var f = {n: ids.length, a: 0, ok: 0, s: 0, at: "", next: null, done: {}};
    ids.forEach(function (id) {
      var r = records[id], q = D.q[id];
      if (r && q && P.fits(q, r.answer)) {
        var s = P.score(q, r.answer);
        f.a++;
        f.s += s;
        if (s === 1) f.ok++;
        if (r.at > f.at) f.at = r.at;
        f.done[id] = true;
      } else if (f.next === null) f.next = id;
    });
    return f;
  }

  function badge(link, f) {
    var b = link.querySelector(".kl-badge");
    if (!b) {
      b = document.createElement("span");
      b.className = "kl-badge";
      b.innerHTML = '<span aria-hidden="true"></span><span class="kl-sr"></span>';
      link.appendChild(b);
    }
    b.hidden = !f.a;
    b.firstChild.textContent = f.a + " / " + f.n;
    b.lastChild.textContent = " (" + fill(S.badge, f) + ")";
  }

  function indicators(records) {
    D.parts.forEach(function (part) {
      var f = tally(part.q, records);
      // The module's own entry, or the quiz's for a quiz that has no module (the introduction).
      var target = url(/^modules\//.test(part.page) ? part.page : part.quiz);
      all(document, "a.md-nav__link[href]").forEach(function (a) {  // not the contents' #section links
        if (a.getAttribute("href").charAt(0) !== "#" && a.href.split("#")[0] === target) badge(a, f);
      });
      if (!here(part.page) || !/^modules\//.test(part.page)) return;
      var box = document.querySelector(".kl-here"), h1 = document.querySelector(".md-content h1");
      if (!box && h1) {
        box = document.createElement("p");
        box.className = "kl-here";
        // The sentence is the bar's text equivalent: a screen reader reads it once, not twice.
        box.innerHTML = '<span></span> <progress class="kl-progress__bar" aria-hidden="true"></progress> ';
        // Only where the navigation leads there too (a SCORM package keeps each SCO's own pages only).
        if (D.page && all(document, "a.md-nav__link[href]").some(function (a) { return a.href === url(D.page); })) {
          var link = box.appendChild(document.createElement("a"));
          link.href = url(D.page);
          link.textContent = S.link;
        }
        h1.parentNode.insertBefore(box, h1.nextSibling);
      }
      if (box) {
        box.firstChild.textContent = fill(S.here, f);
        bar(box.querySelector("progress"), f, S.badge);
      }
    });
  }

  function bar(el, f, text) {
    el.max = f.n || 1;
    el.value = f.a;
    el.setAttribute("aria-valuetext", fill(text, f));
  }

  function date(iso) {
    var d = new Date(iso);
    return fill(T.date, {d: d.getDate(), month: T.months[d.getMonth()], y: d.getFullYear()});
  }

  function dashboard(records) {
    var every = [], old = 0;
    D.parts.forEach(function (part) {
      var f = tally(part.q, records), box = page.querySelector('[data-kl-part="' + part.id + '"]');
      every = every.concat(part.q);
      if (!box) return;
      figures(box, f);
      box.querySelector(".kl-progress__last").textContent = f.a ? fill(T.last, {date: date(f.at)}) : T.never;
      var next = box.querySelector(".kl-progress__next");
      next.href = next.getAttribute("href").split("#")[0] + (f.next ? "#q-" + f.next : "");
      next.textContent = f.next && f.a ? T.next : T.open;
      var items = all(box, "[data-kl-outcome]"), covered = 0;
      items.forEach(function (li) {
        var o = li.getAttribute("data-kl-outcome");
        var ok = part.q.every(function (id) { return D.q[id].o.indexOf(o) < 0 || f.done[id]; });
        li.classList.toggle("is-covered", ok);
        if (ok) covered++;
      });
      var summary = box.querySelector(".kl-progress__outcomes summary");
      if (summary) summary.textContent = fill(T.outcomes, {a: covered, n: items.length});
    });
    figures(page.querySelector(".kl-progress__total"), tally(every, records));
    all(page, "[data-kl-test]").forEach(function (li) {
      var test = D.tests.filter(function (x) { return x.id === li.getAttribute("data-kl-test"); })[0];
      var f = tally(test.q, records), name = li.getAttribute("data-kl-name");
      li.textContent = f.a ? fill(T.test, {name: name, a: f.a, n: f.n, s: num(f.s), p: Math.round(100 * f.s / f.n)})
        : fill(T["test.none"], {name: name});
    });
    Object.keys(records).forEach(function (id) {
      if (!D.q[id] || !P.fits(D.q[id], records[id].answer)) old++;
    });
    var older = page.querySelector(".kl-progress__older");
    older.hidden = !old;
    older.textContent = fill(T.older, {n: old});
    page.querySelector(".kl-progress__printed").textContent = fill(T.printed, {date: date(new Date().toISOString())});
  }

  function figures(box, f) {
    box.querySelector(".kl-progress__counts").textContent = fill(T.counts, f);
    bar(box.querySelector("progress"), f, T.bar);
  }

  /* Many changes at once (import, reset) redraw once, not once per answer. */
  var quiet = false;
  function batch(change) {
    quiet = true;
    try { change(); } finally { quiet = false; }
    refresh();
  }

  function refresh() {
    if (quiet) return;
    var records = P.all();
    indicators(records);
    if (page) dashboard(records);
  }

  function say(text) { page.querySelector(".kl-progress__status").textContent = text; }

  function exported() {
    return JSON.stringify({format: FORMAT, schema: SCHEMA, course: P.course, version: D.version,
      exported: new Date().toISOString(), answers: P.all()}, null, 1);
  }

  function download() {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([exported()], {type: "application/json"}));
    a.download = P.course + "-answers-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  /* Checks the whole file before touching anything; merges newest-wins; returns the message to show. */
  function merge(text) {
    var file, records = {}, added = 0;
    try { file = JSON.parse(text); } catch (e) { return T["import.bad"]; }
    if (!file || file.format !== FORMAT || typeof file.schema !== "number") return T["import.bad"];
    if (file.schema > SCHEMA) return fill(T["import.future"], {n: file.schema});
    if (file.course !== P.course) return fill(T["import.course"], {name: String(file.course)});
    var answers = file.answers;
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) return T["import.bad"];
    for (var id in answers) {
      var r = answers[id];
      if (!r || typeof r !== "object" || r.v !== 1 || r.answer === undefined || r.answer === null || typeof r.score !== "number" ||
          typeof r.max !== "number" || !(r.max > 0) || !(r.score >= 0 && r.score <= r.max) || isNaN(Date.parse(r.at))) {
        return T["import.bad"];
      }
      records[id] = {v: 1, answer: r.answer, score: r.score, max: r.max, at: r.at};
    }
    batch(function () {
      Object.keys(records).forEach(function (id) {
        var mine = P.get(id);
        if (!mine || Date.parse(records[id].at) > Date.parse(mine.at)) {
          P.set(id, records[id]);
          added++;
        }
      });
    });
    return fill(T["import.added"], {n: added});
  }

  function reset(ids, question, done) {
    if (!window.confirm(question)) return;
    batch(function () { P.reset(ids); });
    say(done);
  }

  if (page) {
    page.classList.add("kl-progress--ready");
    page.addEventListener("click", function (e) {
      var button = e.target.closest("button");
      if (!button) return;
      var part = button.getAttribute("data-kl-reset"), action = button.getAttribute("data-kl-do");
      if (part) {
        var name = button.getAttribute("data-kl-name");
        reset(D.parts.filter(function (x) { return x.id === part; })[0].q, fill(T.confirm, {name: name}),
          fill(T["reset.done"], {name: name}));
      } else if (action === "reset-all") reset(undefined, T["confirm.all"], T["reset.all.done"]);
      else if (action === "export") download();
      else if (action === "print") window.print();
    });
    var input = page.querySelector("input[type=file]");
    input.addEventListener("change", function () {
      var file = input.files[0], reader = new FileReader();
      if (!file) return;
      reader.onload = function () { say(merge(String(reader.result))); input.value = ""; };
      reader.onerror = function () { say(T["import.bad"]); input.value = ""; };
      reader.readAsText(file);
    });
  }
  window.addEventListener("kelisim:progress", refresh);
  window.addEventListener("storage", refresh);
  refresh();
})();
