/* Kelisim self-check quiz: enhances the markup written by scripts/kelisim/quiz/render.py.
 * The learner chooses, then presses Check (arrow keys only move the selection). Answers
 * are kept through KelisimProgress (progress.js) by question id and option key, so they
 * survive reloads, new releases and the other language's page; stored answers that no
 * longer fit the question are ignored. UI strings come from data-kl-strings (i18n.py).
 */
(function () {
  "use strict";
  var P = window.KelisimProgress;

  function all(el, sel) { return Array.prototype.slice.call(el.querySelectorAll(sel)); }
  function fill(s, v) { return s.replace(/\{(\w+)\}/g, function (m, k) { return k in v ? v[k] : m; }); }
  // Russian and Kazakh both write a decimal comma (not every browser has kk locale data).
  function num(x) { return String(Math.round(x * 100) / 100).replace(".", ","); }
  function para(text, cls) {
    var p = document.createElement("p");
    p.textContent = text;
    if (cls) p.className = cls;
    return p;
  }
  function shuffle(box, sel) {
    var items = all(box, sel);
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    items.forEach(function (n) { box.appendChild(n); });
  }

  function Question(form, quiz) {
    var q = this;
    q.form = form;
    q.quiz = quiz;
    q.id = form.getAttribute("data-kl-q");
    q.type = form.getAttribute("data-kl-type");
    q.correct = JSON.parse(form.getAttribute("data-kl-answer"));
    q.result = form.querySelector(".kl-quiz__result");
    q.retry = form.querySelector(".kl-quiz__retry");
    q.rows = all(form, "[data-kl-key]");
    q.keys = q.rows.map(function (r) { return r.getAttribute("data-kl-key"); });
    q.list = form.querySelector(".kl-quiz__order");
    q.initial = q.keys.slice();
    var rights = form.querySelector("select");  // matching: every select offers the same right-hand keys
    q.judge = {t: q.type, k: q.keys, c: q.correct,
      r: rights ? all(rights, "option").map(function (o) { return o.value; }).filter(Boolean) : []};
    if (form.hasAttribute("data-kl-shuffle")) {
      if (q.type === "single" || q.type === "multiple") shuffle(form.querySelector(".kl-quiz__choices"), ".kl-quiz__choice");
      all(form, "select").forEach(function (s) { shuffle(s, "option[value]:not([value=''])"); });
    }
    form.querySelector(".kl-quiz__actions").hidden = false;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      q.check();
    });
    form.addEventListener("change", function () { q.stale(); });
    q.retry.addEventListener("click", function () { q.clear(true); });
    if (q.list) q.list.addEventListener("click", function (e) {
      var button = e.target.closest("[data-kl-move]");
      if (button) q.move(button);
    });
  }

  Question.prototype.row = function (key) {
    return this.rows.filter(function (r) { return r.getAttribute("data-kl-key") === key; })[0];
  };

  /* The answer shown in the form, or null when it is incomplete. */
  Question.prototype.read = function () {
    var f = this.form, t = this.type;
    if (t === "single" || t === "true-false") {
      var on = f.querySelector("input:checked");
      return on ? (t === "single" ? on.value : on.value === "true") : null;
    }
    if (t === "multiple") {
      var keys = all(f, "input:checked").map(function (i) { return i.value; }).sort();
      return keys.length ? keys : null;
    }
    if (t === "matching") {
      var pairs = {}, complete = true;
      this.rows.forEach(function (r) {
        var v = r.querySelector("select").value;
        if (!v) complete = false;
        pairs[r.getAttribute("data-kl-key")] = v;
      });
      return complete ? pairs : null;
    }
    return all(this.list, "li").map(function (li) { return li.getAttribute("data-kl-key"); });
  };

  /* Does a stored answer still fit this question as it is now? */
  Question.prototype.fits = function (a) { return P.fits(this.judge, a); };

  /* Put an answer into the form. */
  Question.prototype.show = function (a) {
    var q = this;
    if (q.type === "matching") {
      q.rows.forEach(function (r) { r.querySelector("select").value = a ? a[r.getAttribute("data-kl-key")] : ""; });
    } else if (q.type === "ordering") {
      (a || q.initial).forEach(function (k) { q.list.appendChild(q.row(k)); });
    } else {
      var chosen = a === null ? [] : [].concat(a).map(String);
      all(q.form, "input").forEach(function (i) { i.checked = chosen.indexOf(i.value) >= 0; });
    }
  };

  Question.prototype.score = function (a) { return P.score(this.judge, a); };

  /* ✓/✗ on what the learner chose (matching: each pair; ordering: each position). */
  Question.prototype.mark = function (a) {
    var q = this, c = q.correct, s = q.quiz.strings;
    q.rows.forEach(function (r, i) {
      var k = r.getAttribute("data-kl-key"), verdict = null;
      if (a === null) verdict = null;
      else if (q.type === "matching") verdict = a[k] === c[k];
      else if (q.type === "ordering") verdict = a.indexOf(k) === c.indexOf(k);
      else if ([].concat(a).map(String).indexOf(k) >= 0) verdict = q.type === "multiple" ? c.indexOf(k) >= 0 : String(c) === k;
      var mark = r.querySelector(".kl-quiz__mark");
      r.classList.toggle("is-right", verdict === true);
      r.classList.toggle("is-wrong", verdict === false);
      mark.textContent = verdict === null ? "" : " " + s[verdict ? "mark.right" : "mark.wrong"];
    });
  };

  Question.prototype.render = function (a, score) {
    var q = this, s = q.quiz.strings;
    var verdict = score === 1 ? s.correct : score === 0 ? s.wrong : s.partial;
    var nodes = [para(verdict + " · " + fill(s.points, {s: num(score), m: num(1)}), "kl-quiz__verdict")];
    [].concat(a).map(String).forEach(function (k) {
      var fb = q.form.querySelector('.kl-quiz__feedback [data-kl-fb="' + k + '"]');
      var row = q.row(k);
      if (fb && q.type !== "matching" && q.type !== "ordering") {
        var label = row ? row.querySelector("label").textContent : "";
        nodes.push(para("«" + label + "» — " + fb.textContent, "kl-quiz__option-feedback"));
      }
    });
    var explanation = q.form.querySelector(".kl-quiz__explanation").cloneNode(true);
    explanation.hidden = false;
    nodes.push(explanation);
    q.mark(a);
    q.result.replaceChildren.apply(q.result, nodes);
    q.form.classList.add("is-checked");
    q.retry.hidden = false;
  };

  Question.prototype.check = function () {
    var a = this.read();
    if (a === null) {
      this.result.replaceChildren(para(this.quiz.strings[this.type === "matching" ? "match.all" : "choose"]));
      return;
    }
    var score = this.score(a);
    P.set(this.id, {v: 1, answer: a, score: score, max: 1, at: new Date().toISOString()});
    this.render(a, score);
    this.quiz.summarize();
  };

  /* The answer changed after checking: the old feedback no longer applies. */
  Question.prototype.stale = function () {
    if (!this.form.classList.contains("is-checked")) return;
    this.form.classList.remove("is-checked");
    this.mark(null);
    this.result.replaceChildren();
  };

  Question.prototype.clear = function (focus) {
    P.reset([this.id]);
    this.show(null);
    this.stale();
    this.result.replaceChildren();
    this.retry.hidden = true;
    this.quiz.summarize();
    if (focus) this.form.querySelector("input, select, button").focus();
  };

  Question.prototype.move = function (button) {
    var li = button.closest("li"), up = button.getAttribute("data-kl-move") === "-1";
    var other = up ? li.previousElementSibling : li.nextElementSibling, s = this.quiz.strings;
    var item = li.querySelector(".kl-quiz__item-text").textContent;
    this.stale();
    if (other) {
      this.list.insertBefore(li, up ? other : other.nextElementSibling);
      button.focus();
    }
    var items = all(this.list, "li");
    this.result.replaceChildren(para(other ? fill(s.moved, {item: item, n: items.indexOf(li) + 1, total: items.length})
      : fill(s[up ? "top" : "bottom"], {item: item})));
  };

  Question.prototype.restore = function () {
    var r = P.get(this.id);
    if (!r || !this.fits(r.answer)) return;
    var score = this.score(r.answer);
    this.show(r.answer);
    this.render(r.answer, score);
    // The bank may have changed since: keep the stored score true to the current question.
    if (score !== r.score) P.set(this.id, {v: 1, answer: r.answer, score: score, max: 1, at: r.at});
  };

  function Quiz(root) {
    var quiz = this;
    quiz.strings = JSON.parse(root.getAttribute("data-kl-strings"));
    quiz.summary = root.querySelector(".kl-quiz__summary");
    quiz.questions = all(root, "form[data-kl-q]").map(function (f) { return new Question(f, quiz); });
    var reset = root.querySelector(".kl-quiz__reset");
    reset.hidden = false;
    reset.addEventListener("click", function () {
      quiz.questions.forEach(function (q) { q.clear(false); });
      quiz.summary.textContent = quiz.strings["reset.done"];
    });
    quiz.questions.forEach(function (q) {
      try {
        q.restore();
      } catch (e) { /* a stored value we cannot use: start that question afresh */ }
    });
    quiz.summarize();
  }

  Quiz.prototype.summarize = function () {
    var s = 0, answered = 0, n = this.questions.length;
    this.questions.forEach(function (q) {
      var r = P.get(q.id);
      if (r && q.fits(r.answer)) {
        answered++;
        s += r.score / r.max;
      }
    });
    this.summary.textContent = answered ? fill(this.strings.summary, {
      s: num(s), m: n, p: Math.round(100 * s / n), a: answered, n: n
    }) : this.strings["summary.empty"];
  };

  all(document, ".kl-quiz[data-kl-quiz]").forEach(function (root) {
    root.classList.add("kl-quiz--ready");
    new Quiz(root);
  });
})();
