/* Kelisim SCORM 1.2 runtime: connects a package's pages to the LMS (packages: scripts/kelisim/scorm).
 *
 * Loaded in the head of every page of a SCORM package, before progress.js, with the SCO's settings
 * in <script id="kl-scorm">: {course, sco, mastery, questions: [ids of the SCO's questions], strings}.
 * With an LMS, the LMS is the source of truth: learners' answers (the KelisimProgress records) live
 * in cmi.suspend_data through progress.js's storage hook (window.KelisimProgressStorage), so they
 * resume on another computer. Every change sets cmi.core.score.raw (0-100 over all the SCO's
 * questions), cmi.core.lesson_status (incomplete until every question is answered, then passed or
 * failed by the mastery score; completed for a SCO without questions) and commits. pagehide and a
 * hidden tab set cmi.core.session_time and cmi.core.exit and commit; leaving the SCO finishes the
 * session. Never `unload`: Chromium blocks unload handlers in frames, and Moodle would lose the score.
 * Without an LMS (a plain copy, or an LMS on another origin the browser keeps us from) the page works
 * like the site, with localStorage, and says so in a small notice.
 */
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("kl-scorm").textContent);
  var PREFIX = "kelisim:" + settings.course + ":q:"; // progress.js's key of a question
  var START = "kelisim:scorm:start:" + settings.course + ":" + settings.sco;
  var SUSPEND_LIMIT = 4096; // SCORM 1.2's cmi.suspend_data, as Moodle enforces it

  /* The SCORM 1.2 API discovery: up the window's parents (at most 7 hops), then from its opener. */
  function findAPI(win) {
    var tries = 0;
    while (!win.API && win.parent && win.parent !== win) {
      if (++tries > 7) return null;
      win = win.parent;
    }
    return win.API || null;
  }

  var api = null, blocked = false;
  try {
    api = findAPI(window);
    if (!api && window.opener) api = findAPI(window.opener);
  } catch (e) {
    blocked = true; // an LMS frame on another origin: the browser keeps us from its API
  }

  function ok(result) { return String(result) === "true"; }
  function get(name) { return String(api.LMSGetValue(name) || ""); }
  function set(name, value) { return ok(api.LMSSetValue(name, String(value))); }

  /* LMSInitialize once per SCO session: the SCO's next page finds the session open (values readable). */
  function initialize() {
    get("cmi.core.lesson_status");
    var joined = String(api.LMSGetLastError()) === "0";
    if (!joined && !ok(api.LMSInitialize(""))) return false;
    try {
      if (!joined || !sessionStorage.getItem(START)) sessionStorage.setItem(START, String(Date.now()));
    } catch (e) { /* no sessionStorage: this page's time only */ }
    return true;
  }

  var started = Date.now();
  var lms = !!api && initialize();
  if (!lms) {
    notice(settings.strings[blocked ? "blocked" : "no-lms"]);
    return; // progress.js keeps the answers in localStorage, under this package's course name
  }
  try { started = Number(sessionStorage.getItem(START)) || started; } catch (e) { /* keep this page's */ }

  /* cmi.suspend_data: {"v":1,"q":[[question id, answer, score, max, time in base-36 seconds], ...]}. */
  function encode(records) {
    var list = Object.keys(records).sort().map(function (key) {
      var r = JSON.parse(records[key]);
      return [key.slice(PREFIX.length), r.answer, r.score, r.max, Math.round(Date.parse(r.at) / 1000).toString(36)];
    });
    return JSON.stringify({v: 1, q: list});
  }

  function decode(text) {
    var records = {};
    if (!text) return records;
    try {
      var data = JSON.parse(text);
      if (!data || data.v !== 1 || !Array.isArray(data.q)) throw new Error("not Kelisim's suspend_data");
      data.q.forEach(function (e) {
        if (!Array.isArray(e) || typeof e[0] !== "string" || typeof e[4] !== "string") throw new Error("bad entry");
        var at = new Date(parseInt(e[4], 36) * 1000).toISOString();
        records[PREFIX + e[0]] = JSON.stringify({v: 1, answer: e[1], score: e[2], max: e[3], at: at});
      });
      return records;
    } catch (e) {
      console.warn("Kelisim SCORM: cmi.suspend_data from the LMS is corrupted and was ignored (" + e.message + ")");
      return {};
    }
  }

  var records = decode(get("cmi.suspend_data"));

  /* Score 0-100 over every question of the SCO (unanswered ones count 0); null when none answered. */
  function result() {
    var sum = 0, answered = 0;
    settings.questions.forEach(function (id) {
      var raw = records[PREFIX + id];
      if (!raw) return;
      var r = JSON.parse(raw);
      if (typeof r.score === "number" && r.max > 0) {
        sum += r.score / r.max;
        answered++;
      }
    });
    var n = settings.questions.length;
    return {answered: answered, total: n, raw: n && answered ? Math.round(100 * sum / n) : null};
  }

  function status() {
    var r = result();
    if (!r.total) return "completed";
    if (r.answered < r.total) return "incomplete";
    return r.raw >= settings.mastery ? "passed" : "failed";
  }

  function timespan(ms) { // CMITimespan, HHHH:MM:SS.SS
    var s = Math.max(0, ms) / 1000, h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
    function two(x) { return (x < 10 ? "0" : "") + x; }
    return (h < 100 ? two(h) : String(Math.min(h, 9999))) + ":" + two(m) + ":" + two(Math.floor(s % 60)) + ".00";
  }

  var finished = false;
  function record(commit) {
    if (finished) return;
    var r = result(), lesson = status(), data = encode(records);
    if (data.length > SUSPEND_LIMIT) console.warn("Kelisim SCORM: suspend_data is " + data.length + " characters, over SCORM 1.2's " + SUSPEND_LIMIT);
    set("cmi.suspend_data", data);
    if (r.raw !== null) {
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", r.raw);
    }
    set("cmi.core.lesson_status", lesson);
    set("cmi.core.exit", lesson === "incomplete" ? "suspend" : "");
    set("cmi.core.session_time", timespan(Date.now() - started));
    if (commit) api.LMSCommit("");
  }

  // progress.js stores its records here instead of localStorage (its storage backend hook).
  window.KelisimProgressStorage = {
    getItem: function (key) { return Object.prototype.hasOwnProperty.call(records, key) ? records[key] : null; },
    setItem: function (key, value) { records[key] = String(value); record(true); },
    removeItem: function (key) { delete records[key]; record(true); },
    key: function (i) { return Object.keys(records)[i] || null; },
    get length() { return Object.keys(records).length; }
  };

  record(true); // incomplete on start (or the status the saved answers give)
  whenReady(function () { // the quiz's lead says where answers are kept: here, in the LMS
    Array.prototype.forEach.call(document.querySelectorAll(".kl-quiz__lead"), function (lead) {
      var last = lead.lastChild;
      if (last && last.nodeType === 3) last.nodeValue = last.nodeValue.replace(settings.strings["stored-browser"], settings.strings["stored-lms"]);
    });
  });

  // A link to another page of this SCO keeps the session open for it; anything else ends it.
  var staying = false;
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[href]");
    staying = !!link && link.origin === location.origin && !link.target && /\.html$/.test(link.pathname);
  }, true);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") record(true);
  });
  window.addEventListener("pagehide", function (e) {
    record(true);
    if (!staying && !e.persisted) {
      api.LMSFinish("");
      finished = true;
    }
  });

  window.KelisimScorm = {encode: encode, decode: decode, result: result, status: status, limit: SUSPEND_LIMIT};

  function whenReady(run) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
  }

  function notice(text) {
    whenReady(function () {
      var article = document.querySelector(".md-content__inner");
      if (!article) return;
      var box = document.createElement("div");
      box.className = "admonition info kl-scorm-notice";
      box.setAttribute("role", "note");
      var p = document.createElement("p");
      p.textContent = text;
      box.appendChild(p);
      article.insertBefore(box, article.firstChild);
    });
  }
})();
