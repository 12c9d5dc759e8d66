// SPDX-License-Identifier: Apache-2.0
// A differential set for the zxcvbn port: N (default 3000) generated passwords (words, reversed,
// l33t, capitalised, years, dates with every separator kind, keyboard walks, sequences, repeats,
// symbols, Unicode with special casing, emoji, user inputs) scored by the original zxcvbn 4.4.2
// with REFERENCE_YEAR pinned to 2026, as JSON Lines in the reference file's format:
//   NODE_PATH=/tmp/zxcvbn-node/node_modules node bench/zxcvbn-differential.js [N] [SEED] > d.jsonl
//   build/h-est-rel/bench/sw_zxcvbn_conformance d.jsonl
'use strict';
const scoring = require('zxcvbn/lib/scoring');
scoring.REFERENCE_YEAR = 2026;
const zxcvbn = require('zxcvbn');
const f = require('zxcvbn/lib/frequency_lists');
let seed = Number(process.argv[3] || 12345);
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = [].concat(f.passwords.slice(0, 3000), f.english_wikipedia.slice(0, 3000), f.surnames.slice(0, 500), f.female_names.slice(0, 300));
const pieces = [
  () => pick(words),
  () => pick(words).split('').reverse().join(''),
  () => pick(words).replace(/a/g, pick(['4', '@'])).replace(/e/g, '3').replace(/o/g, '0').replace(/i/g, pick(['1', '!', '|'])).replace(/s/g, pick(['$', '5'])).replace(/l/g, pick(['1', '7', '|'])).replace(/t/g, pick(['+', '7'])),
  () => { const w = pick(words); return w.charAt(0).toUpperCase() + w.slice(1); },
  () => pick(words).toUpperCase(),
  () => String(Math.floor(rnd() * 10000)),
  () => String(1900 + Math.floor(rnd() * 130)),
  () => { const d = 1 + Math.floor(rnd() * 31), m = 1 + Math.floor(rnd() * 12), y = Math.floor(rnd() * 100); return [d, m, y].join(pick(['/', '-', '.', ' ', '_', '\\', '\u3000', '\t', ''])); },
  () => pick(['qwerty', 'asdfgh', 'zxcvbn', '1qaz2wsx', '!QAZ@WSX', 'poiuy', '7896321', '/*-+', 'qazwsxedc', 'QwErTy', 'aoeuidhtns', '147258369']),
  () => pick(['abc', 'xyz', '2468', '9753', 'ZYXW', 'acegi', 'αβγδ', 'аб']),
  () => pick(['aaa', 'abab', 'zzzzzz', '1212', 'xyxyxy', '😀😀😀', 'ab\nab\nab']),
  () => pick(['!', '#', '$', '%', '&', '*', ' ', '\n', '\u00a0', '_']),
  () => pick(['İstanbul', 'ΟΔΟΣ', 'Straße', 'ÉCOLE', 'ǅemal', 'ﬁnance', 'café', '😀', '🎉x', 'ΣΑΣ', 'İİİ', 'Ⅻ', 'ᾈ']),
  () => String.fromCharCode(33 + Math.floor(rnd() * 94)),
];
const out = [];
const count = Number(process.argv[2] || 3000);
for (let n = 0; n < count; n++) {
  let pw = '';
  const k = 1 + Math.floor(rnd() * 4);
  for (let q = 0; q < k; q++) pw += pick(pieces)();
  const ui = rnd() < 0.15 ? [pick(words), pick(['John', 'ACME', 'İlker', 'x@y.com'])] : undefined;
  const r = zxcvbn(pw, ui || []);
  const o = {id: 'd-' + n, password: pw, guesses: r.guesses, guesses_log10: r.guesses_log10, score: r.score,
             crack_times_display: r.crack_times_display, crack_times_seconds: r.crack_times_seconds, feedback: r.feedback,
             sequence: r.sequence.map(function clean(m) { const c = Object.assign({}, m); delete c.regex_match; delete c.sub_display; if (c.base_matches) c.base_matches = c.base_matches.map(clean); return c; }),
             ref_year: 2026};
  if (ui) o.user_inputs = ui;
  out.push(JSON.stringify(o));
}
console.log(out.join('\n'));
