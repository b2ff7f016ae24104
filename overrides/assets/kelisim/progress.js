/* Kelisim progress store: the one place where learners' answers are kept.
 *
 * window.KelisimProgress, for the quiz widget, a progress dashboard or a SCORM 1.2 adapter:
 *   course            course id (from the page's data-kl-course)
 *   get(id)           the record for question `id`, or null (missing, corrupted or foreign)
 *   set(id, record)   store a record {v: 1, answer, score, max, at}; throws on an invalid one
 *   all()             {question id: record} for every valid record of this course
 *   reset(ids)        forget these questions (all of this course's when ids is omitted)
 *   key(id)           the storage key of question `id` (below)
 *   fits(q, answer)   does a stored answer still fit question q as the bank has it now?
 *   score(q, answer)  its score from 0 to 1
 *     q = {t: type, k: option keys (matching: left keys), r: matching's right keys, c: the correct answer};
 *     quiz.js reads q from the quiz form, progress-view.js from the build's progress-data.js.
 * Storage key: "kelisim:<course>:q:<question id>" (never a page, URL or position).
 * `answer` per type: single "key"; multiple ["key", ...]; true-false true|false;
 * matching {"left key": "right key"}; ordering ["key", ...] in the learner's order.
 * Every change dispatches "kelisim:progress" on window, detail {course, id, record|null}.
 * Without localStorage (blocked, private mode) records live in memory for the page's life.
 * Storage backend hook: a script that runs before this one may set window.KelisimProgressStorage to
 * an object with localStorage's getItem/setItem/removeItem/key/length; records then live there
 * (the SCORM runtime, scorm.js, keeps them in the LMS that way).
 */
(function () {
  "use strict";
  if (window.KelisimProgress) return;
  var memory = {};
  var store = null;
  try {
    store = window.KelisimProgressStorage || window.localStorage;
    store.getItem("kelisim");
  } catch (e) {
    store = null;
  }

  function read(key) {
    try {
      if (store) return store.getItem(key);
    } catch (e) { /* fall through to memory */ }
    return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
  }

  function write(key, value) {
    try {
      if (store) {
        if (value === null) store.removeItem(key); else store.setItem(key, value);
        return;
      }
    } catch (e) { /* quota or blocked: keep it in memory */ }
    if (value === null) delete memory[key]; else memory[key] = value;
  }

  function keys() {
    var out = Object.keys(memory);
    try {
      for (var i = 0; store && i < store.length; i++) out.push(store.key(i));
    } catch (e) { /* unreadable storage: memory only */ }
    return out;
  }

  // Ids of the questions this course has records for, whether valid or not.
  function courseIds() {
    var prefix = api.key("");
    return keys().filter(function (k) { return k && k.indexOf(prefix) === 0; })
      .map(function (k) { return k.slice(prefix.length); });
  }

  function valid(r) {
    return !!r && typeof r === "object" && !Array.isArray(r) && r.v === 1 &&
      r.answer !== undefined && r.answer !== null && typeof r.at === "string" &&
      typeof r.score === "number" && typeof r.max === "number" && isFinite(r.score) &&
      isFinite(r.max) && r.max > 0 && r.score >= 0 && r.score <= r.max;
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function emit(id, record) {
    window.dispatchEvent(new CustomEvent("kelisim:progress", {detail: {course: api.course, id: id, record: record}}));
  }

  var holder = document.querySelector("[data-kl-course]");
  var api = {
    course: holder ? holder.getAttribute("data-kl-course") : "kelisim",
    key: function (id) { return "kelisim:" + api.course + ":q:" + id; },
    get: function (id) {
      var raw = read(api.key(id));
      if (raw === null) return null;
      try {
        var record = JSON.parse(raw);
        return valid(record) ? record : null;
      } catch (e) {
        return null;
      }
    },
    set: function (id, record) {
      if (!valid(record)) throw new TypeError("KelisimProgress.set: invalid record");
      write(api.key(id), JSON.stringify(record));
      emit(id, record);
    },
    all: function () {
      var out = {};
      courseIds().forEach(function (id) {
        var record = api.get(id);
        if (record) out[id] = record;
      });
      return out;
    },
    reset: function (ids) {
      (ids || courseIds()).forEach(function (id) {
        write(api.key(id), null);
        emit(id, null);
      });
    },
    fits: function (q, a) {
      var k = q.k;
      function known(x) { return typeof x === "string" && k.indexOf(x) >= 0; }
      if (q.t === "single") return known(a);
      if (q.t === "true-false") return typeof a === "boolean";
      if (q.t === "multiple") {
        return Array.isArray(a) && a.length > 0 && a.every(known) && a.every(function (x, i) { return a.indexOf(x) === i; });
      }
      if (q.t === "matching") {
        return !!a && typeof a === "object" && !Array.isArray(a) && same(Object.keys(a).sort(), k.slice().sort()) &&
          k.every(function (x) { return q.r.indexOf(a[x]) >= 0; });
      }
      return Array.isArray(a) && same(a.slice().sort(), k.slice().sort());
    },
    // Multiple answers: +1/n per correct option, -1/m per wrong one (as in Moodle).
    score: function (q, a) {
      var c = q.c, t = q.t;
      if (t === "single" || t === "true-false") return a === c ? 1 : 0;
      if (t === "multiple") {
        var s = 0;
        a.forEach(function (x) { s += c.indexOf(x) >= 0 ? 1 / c.length : -1 / (q.k.length - c.length); });
        return Math.round(Math.max(0, Math.min(1, s)) * 1e5) / 1e5;
      }
      var keys = t === "matching" ? q.k : a, right = 0;
      keys.forEach(function (x, i) { if (t === "matching" ? a[x] === c[x] : c[i] === x) right++; });
      return Math.round(right / keys.length * 1e5) / 1e5;
    }
  };
  window.KelisimProgress = api;
})();
