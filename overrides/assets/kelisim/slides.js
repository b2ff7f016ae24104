/* Kelisim lecture decks (pages written by scripts/kelisim/slides.py).
 * Three views of one deck: the presentation (reveal.js), `?print-pdf` (reveal's print view,
 * one PDF page per slide) and `?handout` (a printable document: each slide with its notes). */
(function () {
  "use strict";

  var WIDTH = 1280, HEIGHT = 720;
  var printing = /print-pdf/i.test(window.location.search);
  var handingOut = new URLSearchParams(window.location.search).has("handout");
  // On screen a slide that is still too long scrolls; on paper every slide must fit its page.
  var MIN_SCALE = printing || handingOut ? 35 : 60;
  var strings = JSON.parse(document.getElementById("kl-deck-strings").textContent);
  var deck = document.querySelector(".kl-deck");
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".slides > section"));

  // Long slides get smaller text rather than being cut off (never below MIN_SCALE %).
  function fitText() {
    document.documentElement.classList.add("kl-measuring");
    // In pixels: the handout moves slides into boxes whose own font size differs.
    var base = parseFloat(window.getComputedStyle(deck).fontSize);
    slides.forEach(function (slide) {
      var body = slide.querySelector(".kl-slide__body");
      var scale = 100;
      while (body.scrollHeight > HEIGHT && scale > MIN_SCALE) {
        scale -= 5;
        slide.style.fontSize = (base * scale / 100) + "px";
      }
      if (scale < 100) slide.setAttribute("data-kl-scale", String(scale));
      if (body.scrollHeight > HEIGHT) slide.setAttribute("data-kl-overflow", "");
    });
    document.documentElement.classList.remove("kl-measuring");
  }

  // The handout: no reveal.js; each slide drawn at half size, its notes underneath.
  function handout() {
    document.documentElement.classList.add("kl-handout");
    deck.classList.remove("reveal");
    var heading = document.createElement("h1");
    heading.className = "kl-handout__title";
    heading.textContent = document.title;
    deck.insertBefore(heading, deck.firstChild);
    slides.forEach(function (slide, index) {
      var item = document.createElement("article");
      item.className = "kl-handout__item";
      var label = document.createElement("p");
      label.className = "kl-handout__label";
      label.textContent = strings.slide.replace("{n}", index + 1);
      var frame = document.createElement("div");
      frame.className = "kl-handout__frame";
      slide.parentNode.insertBefore(item, slide);
      item.appendChild(label);
      item.appendChild(frame);
      frame.appendChild(slide);
      var notes = slide.querySelectorAll("aside.notes");
      if (notes.length) {
        var box = document.createElement("div");
        box.className = "kl-handout__notes";
        var title = document.createElement("p");
        title.className = "kl-handout__notes-title";
        title.textContent = strings.notes;
        box.appendChild(title);
        Array.prototype.forEach.call(notes, function (note) { box.appendChild(note); });
        item.appendChild(box);
      }
    });
  }

  // Gives each element of `doc` found by a selector its text (or, with `attribute`, that attribute).
  function label(doc, labels, attribute) {
    Object.keys(labels).forEach(function (selector) {
      var element = doc.querySelector(selector);
      if (!element) return;
      if (attribute) element.setAttribute(attribute, labels[selector]); else element.textContent = labels[selector];
    });
  }

  // reveal.js's speaker view is English: relabel it in the deck's language once it is written.
  function translateSpeakerView(win) {
    var doc = win.document;
    doc.documentElement.lang = document.documentElement.lang;
    doc.title = strings["speaker.title"];
    label(doc, {
      "#upcoming-slide .label": strings["speaker.upcoming"],
      ".speaker-controls-time .reset-button": strings["speaker.reset"],
      ".pacing-title": strings["speaker.pacing"],
      ".speaker-controls-notes .label": strings["speaker.notes"]
    });
    var time = doc.querySelector(".speaker-controls-time .label");
    if (time && time.firstChild) time.firstChild.textContent = strings["speaker.time"] + " ";
  }

  // reveal.js's own controls speak English: give them the deck's language.
  function relabel() {
    label(document, {".controls .navigate-left": strings.previous, ".controls .navigate-right": strings.next},
          "aria-label");
    label(document, {".pause-overlay .resume-button": strings.resume});
  }

  function present() {
    var open = window.open;
    window.open = function (url) {
      var win = open.apply(window, arguments);
      // The notes plugin writes its speaker view into an about:blank pop-up right after this call.
      if (win && url === "about:blank") window.setTimeout(function () { translateSpeakerView(win); }, 0);
      return win;
    };
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
      help: false, // its key list is English only; the trainer bar lists the keys instead
      keyboard: true,
      touch: true,
      transition: "slide",
      pdfMaxPagesPerSlide: 1,
      pdfSeparateFragments: false,
      plugins: [window.RevealNotes]
    }).then(function () {
      relabel();
      document.documentElement.setAttribute("data-kl-ready", "");
    });
    var root = document.documentElement;
    root.toggleAttribute("data-kl-first", window.Reveal.getIndices().h === 0);
    window.Reveal.on("slidechanged", function (event) {
      root.toggleAttribute("data-kl-first", event.indexh === 0);
    });
  }

  fitText();
  if (handingOut) {
    handout();
    document.documentElement.setAttribute("data-kl-ready", "");
  } else {
    present();
  }
})();
