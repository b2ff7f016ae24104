// The Kazakh stemmer of lunr.kk (overrides/assets/javascripts/lunr/min/lunr.kk.min.js).
// Run: node --test tests/search/   (tests/search/test_node.py runs it inside `make test`).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const kk = require(path.join(__dirname, "../../overrides/assets/javascripts/lunr/min/lunr.kk.min.js"));

// lemma: forms of it found in course-like text. Each form's stem candidates must include the lemma.
const FORMS = {
  // plural, case, possessive in both harmonies, after vowels, voiced and voiceless consonants
  "мемлекет": ["мемлекеттің", "мемлекетке", "мемлекетте", "мемлекеттен", "мемлекетпен", "мемлекеттер",
               "мемлекеттерге", "мемлекеттердің", "мемлекеті", "мемлекетіміз", "мемлекетінде"],
  "ұлт": ["ұлттың", "ұлтқа", "ұлтта", "ұлттан", "ұлтпен", "ұлттар", "ұлттардың", "ұлты"],
  "тіл": ["тілдің", "тілге", "тілде", "тілден", "тілмен", "тілдер", "тілі", "тілін", "тіліміз", "тілдерінің"],
  "дін": ["діннің", "дінге", "дінде", "діннен", "діндер", "діні", "дінін"],
  "азамат": ["азаматтың", "азаматқа", "азаматтар", "азаматтарға", "азаматтардың", "азаматы", "азаматтарымыз"],
  "қызметші": ["қызметшінің", "қызметшіге", "қызметшілер", "қызметшілерге", "қызметшісі", "қызметшілеріміз"],
  "миссионер": ["миссионерлер", "миссионерлердің", "миссионерлерді", "миссионерлермен", "миссионердің",
                "миссионерге"],
  "мешіт": ["мешіттің", "мешітке", "мешітте", "мешіттер", "мешіті"],
  "ассамблея": ["ассамблеяның", "ассамблеяға", "ассамблеясы", "ассамблеясын", "ассамблеяны"],
  "конституция": ["конституцияның", "конституцияға", "конституцияда", "конституциясы", "конституциясына"],
  "референдум": ["референдумның", "референдумға", "референдумда", "референдумнан"],
  "бала": ["балаға", "баласы", "балалар", "балалардың", "балаларымыз"],
  "қала": ["қалаға", "қалада", "қаладан", "қалалар", "қаласы", "қаладағы"],
  "ана": ["анаға", "анасы", "аналар"],
  "ел": ["елдің", "елге", "елде", "елден", "елдер", "елдегі"],
  "үй": ["үйдің", "үйге", "үйде", "үйлер"],
  "адам": ["адамның", "адамға", "адамдар", "адамдардың", "адамдары", "адамнан"],
  "қазақстан": ["қазақстанның", "қазақстанға", "қазақстанда", "қазақстаннан", "қазақстандағы"],
  "облыс": ["облысы", "облысында", "облыстар", "облысындағы"],
  "құжат": ["құжаттың", "құжатқа", "құжаттар", "құжаттарды", "құжаттардағы"],
  // voiced stem consonant before a vowel: б → п, г → к, ғ → қ
  "кітап": ["кітаптың", "кітапқа", "кітапта", "кітаптан", "кітаппен", "кітаптар", "кітабы", "кітабын",
            "кітабым", "кітабымыз", "кітабында", "кітабынан", "кітабыма"],
  "мектеп": ["мектептің", "мектепке", "мектепте", "мектептен", "мектеппен", "мектептер", "мектебі",
             "мектебін", "мектебінде", "мектебіміз"],
  "агенттік": ["агенттіктің", "агенттікке", "агенттікте", "агенттіктен", "агенттікпен", "агенттіктер",
               "агенттігі", "агенттігін", "агенттігінің", "агенттігіне"],
  "министрлік": ["министрліктің", "министрлікке", "министрлігі", "министрлігінде", "министрліктер"],
  "бірлестік": ["бірлестіктің", "бірлестікке", "бірлестіктер", "бірлестігі", "бірлестіктерге", "бірлестігінің"],
  "қауымдастық": ["қауымдастықтың", "қауымдастыққа", "қауымдастығы", "қауымдастығын", "қауымдастықтар"],
  "сабақ": ["сабақтың", "сабаққа", "сабақта", "сабақтар", "сабағы", "сабағын", "сабағымыз"],
  "тармақ": ["тармағы", "тармағында", "тармақтар"],
  "талап": ["талаптың", "талапқа", "талаптар", "талабы", "талабын"],
  "бап": ["баптың", "бапқа", "бапта", "баптар", "бабы", "бабында"],
  "бұйрық": ["бұйрықтың", "бұйрығы", "бұйрығымен"],
  "жарлық": ["жарлықтың", "жарлыққа", "жарлығы", "жарлығымен", "жарлықтар"],
  "әкімдік": ["әкімдігі", "әкімдіктің", "әкімдіктер", "әкімдіктердің"],
  // dropped vowel before a vowel-initial possessive
  "халық": ["халықтың", "халыққа", "халықта", "халықтан", "халықпен", "халықтар", "халқы", "халқының",
            "халқына", "халқымыз", "халқымыздың"],
  "орын": ["орынның", "орынға", "орында", "орыннан", "орындар", "орны", "орнын", "орнына", "орнында"],
  "ауыз": ["аузы", "аузын", "ауызға"],
  "ерін": ["ерні", "ернін"],
  "мұрын": ["мұрны"],
  // predicate endings
  "мұғалім": ["мұғаліммін"],
  "студент": ["студентпін", "студентсің"],
  "қазақ": ["қазақпыз", "қазақпын"]
};

const allForms = Object.entries(FORMS).flatMap(([lemma, forms]) => forms.map(form => [lemma, form]));

test("the table holds at least 150 word forms", () => {
  assert.ok(allForms.length >= 150, `only ${allForms.length} forms`);
});

for (const [lemma, form] of allForms) {
  test(`${form} → ${lemma}`, () => {
    assert.ok(kk.stems(form).includes(lemma), `${form}: ${kk.stems(form).join(", ")}`);
  });
  test(`${form} typed without Kazakh letters → ${kk.fold(lemma)}`, () => {
    const stems = kk.foldedStems(kk.fold(form));
    assert.ok(stems.includes(kk.fold(lemma)), `${kk.fold(form)}: ${stems.join(", ")}`);
  });
}

test("the word itself is always the first candidate", () => {
  for (const [, form] of allForms) assert.equal(kk.stems(form)[0], form);
});

test("a dictionary form keeps its stem", () => {
  for (const lemma of Object.keys(FORMS)) {
    assert.ok(kk.stems(lemma).includes(lemma), lemma);
  }
});

// Over-stemming guards: words that look inflected but are not, short words, function words.
const UNCHANGED = ["орта", "ата", "адам", "бала", "дала", "қала", "қазан", "заман", "мен", "және", "тіл",
                   "ақ", "ойы", "әке", "кітап", "студент", "агенттік", "халық", "үшін", "бойынша"];
for (const word of UNCHANGED) {
  test(`${word} is left whole`, () => assert.deepEqual(kk.stems(word), [word]));
}

const NEVER = {
  "қазақстанда": "қазақста",   // -нда only after a possessive -ы/-і
  "балалар": "бал",            // бала is not бал + а
  "анаға": "а",                // a stem keeps two letters
  "үйдің": "ү",
  "орында": "ор",              // one-letter suffixes leave three letters
  "дінге": "ді"
};
for (const [form, wrong] of Object.entries(NEVER)) {
  test(`${form} does not yield ${wrong}`, () => assert.ok(!kk.stems(form).includes(wrong), kk.stems(form).join(", ")));
}

test("ambiguous forms give every reading", () => {
  assert.deepEqual(kk.stems("кітабы").slice().sort(), ["кітаб", "кітабы", "кітап"]);
  assert.ok(kk.stems("орны").includes("орн") && kk.stems("орны").includes("орын"));
  assert.ok(kk.stems("халқы").includes("халқ") && kk.stems("халқы").includes("халық"));
});

test("keyboard folding: Kazakh letters and ё to what a Russian layout types", () => {
  assert.equal(kk.fold("қазақтану"), "казактану");
  assert.equal(kk.fold("әліпби"), "алипби");
  assert.equal(kk.fold("ұлттық бірлік"), "улттык бирлик");
  assert.equal(kk.fold("өңір үйі"), "онир уйи");
  assert.equal(kk.fold("ғибадат"), "гибадат");
  assert.equal(kk.fold("һ"), "х");
  assert.equal(kk.fold("учётная"), "учетная");
  assert.equal(kk.fold("мешит"), "мешит");
  assert.equal(kk.fold("бiрлiк"), "бирлик");        // Latin i inside a Cyrillic word
  assert.equal(kk.fold("pdf"), "pdf");               // a Latin word stays Latin
});

test("the stop words are function words, never content words", () => {
  for (const word of ["және", "мен", "үшін", "бұл"]) assert.ok(kk.stopWords.includes(word), word);
  for (const word of ["тіл", "ел", "адам", "қала", "дін"]) assert.ok(!kk.stopWords.includes(word), word);
});
