/* Kelisim lecture decks (pages written by scripts/kelisim/slides.py).
 * Three views of one deck: the presentation (reveal.js, with its speaker view in the deck's
 * language), `?print-pdf` (reveal's print view, one PDF page per slide) and `?handout` (for
 * participants: two slides per A4 page, each with its notes, trainer-only notes left out).
 * Slides are short by the build's rules and fit 1280x720 as they are: nothing is shrunk here. */
(function () {
  "use strict";

  var WIDTH = 1280, HEIGHT = 720;
  var query = new URLSearchParams(window.location.search);
  var printing = /print-pdf/i.test(window.location.search);
  var handingOut = query.has("handout");
  var config = JSON.parse(document.getElementById("kl-deck-config").textContent);
  var strings = config.strings;
  var root = document.documentElement;
  var deck = document.querySelector(".kl-deck");
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".slides > section"));

  // ---------- the handout -------------------------------------------------------------

  // Notes smaller than this are hard to read on paper; longer ones are cut at a paragraph.
  var NOTES_PT = [8.5, 8, 7.5, 7];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function overflows(box) {
    return box.scrollHeight > box.clientHeight + 1;
  }

  // Shrinks the notes a little, then drops whole paragraphs from the end, until the item fits
  // its half page; a line then says where the full text is (the learners' module page).
  function fitItem(item, notes) {
    if (!notes) return;
    for (var i = 0; i < NOTES_PT.length && overflows(item); i++) notes.style.fontSize = NOTES_PT[i] + "pt";
    if (!overflows(item)) return;
    var more = element("p", "kl-handout__more", strings["handout.more"]);
    notes.appendChild(more);
    while (overflows(item) && more.previousElementSibling && more.previousElementSibling.className !== "kl-handout__notes-title") {
      var last = more.previousElementSibling;
      // Go into a wrapper (a case, a list) rather than drop it whole while it has several parts.
      if (last.children.length > 1 && !/^(P|LI|TR)$/.test(last.tagName)) last.removeChild(last.lastElementChild);
      else notes.removeChild(last);
    }
  }

  function handout() {
    root.classList.add("kl-handout");
    deck.classList.remove("reveal");
    var sheets = deck.querySelector(".slides");
    var pages = [];
    slides.forEach(function (slide, index) {
      if (index % 2 === 0) {
        var page = element("div", "kl-handout__page");
        page.appendChild(element("p", "kl-handout__header", document.title));
        sheets.appendChild(page);
        pages.push(page);
      }
      var item = element("article", "kl-handout__item");
      item.appendChild(element("p", "kl-handout__label", strings.slide.replace("{n}", index + 1)));
      var frame = element("div", "kl-handout__frame");
      item.appendChild(frame);
      frame.appendChild(slide);
      var notes = null;
      var aside = slide.querySelector("aside.notes");
      if (aside) {
        // Trainer-only notes (how to run the exercise, what to look for) are not for participants.
        Array.prototype.forEach.call(aside.querySelectorAll(".kl-notes__trainer"), function (n) { n.remove(); });
        if (aside.textContent.trim()) {
          notes = element("div", "kl-handout__notes");
          notes.appendChild(element("p", "kl-handout__notes-title", strings["handout.notes"]));
          while (aside.firstChild) notes.appendChild(aside.firstChild);
          item.appendChild(notes);
        }
        aside.remove();
      }
      pages[pages.length - 1].appendChild(item);
      fitItem(item, notes);
    });
  }

  // ---------- the presentation ---------------------------------------------------------

  // A line in the deck's language instead of reveal's English alert (or nothing at all).
  function say(text) {
    var box = document.querySelector(".kl-deck-message") || document.body.appendChild(element("p", "kl-deck-message"));
    box.setAttribute("role", "alert");
    box.textContent = text;
    window.setTimeout(function () { box.remove(); }, 8000);
  }

  // The notes plugin writes its speaker view (English, 12-hour clock) into an about:blank pop-up:
  // the markup is put in the deck's language on its way in (pairs from kelisim.slides.SPEAKER_VIEW).
  function localiseSpeakerView() {
    var open = window.open;
    window.open = function (url) {
      var win = open.apply(window, arguments);
      if (url !== "about:blank") return win;
      if (!win) {
        say(strings["popup-blocked"]);
        return win;
      }
      var write = win.document.write;
      win.document.write = function (markup) {
        config.speakerView.forEach(function (pair) { markup = markup.split(pair[0]).join(pair[1]); });
        return write.call(win.document, markup);
      };
      return win;
    };
  }

  // Gives each element found by a selector an attribute value (or, without one, its text).
  function label(labels, attribute) {
    Object.keys(labels).forEach(function (selector) {
      var node = document.querySelector(selector);
      if (!node) return;
      if (attribute) node.setAttribute(attribute, labels[selector]); else node.textContent = labels[selector];
    });
  }

  function present() {
    localiseSpeakerView();
    if (query.has("receiver")) root.classList.add("kl-receiver"); // a preview inside the speaker view
    if (printing) {
      // Headless Chromium runs too few animation frames for reveal's print layout to finish.
      window.requestAnimationFrame = function (callback) {
        return window.setTimeout(function () { callback(Date.now()); }, 16);
      };
    }
    window.Reveal.initialize({
      width: WIDTH,
      height: HEIGHT,
      margin: 0,
      center: false,
      hash: true,
      controls: true,
      progress: true,
      slideNumber: "c/t",
      showSlideNumber: "all",
      overview: true,
      pause: true, // B or . blanks the screen (and back)
      help: false, // its key list is English only; the trainer bar lists the keys instead
      keyboard: true,
      touch: true,
      transition: "slide",
      pdfMaxPagesPerSlide: 1,
      pdfSeparateFragments: false,
      plugins: [window.RevealNotes]
    }).then(function () {
      // reveal.js's own controls speak English: give them the deck's language.
      label({".controls .navigate-left": strings.previous, ".controls .navigate-right": strings.next}, "aria-label");
      label({".pause-overlay .resume-button": strings.resume});
      root.setAttribute("data-kl-ready", "");
    });
    root.toggleAttribute("data-kl-first", window.Reveal.getIndices().h === 0);
    window.Reveal.on("slidechanged", function (event) {
      root.toggleAttribute("data-kl-first", event.indexh === 0);
    });
  }

  if (handingOut) {
    handout();
    root.setAttribute("data-kl-ready", "");
  } else {
    present();
  }
})();
