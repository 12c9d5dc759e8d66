// SPDX-License-Identifier: Apache-2.0
// Lure language: phrases that push the reader to act before thinking (deadlines, "verify your
// account", "your account will be suspended", payment trouble, prizes, parcels held) in the
// subject and the first characters of the visible text, in English, German, French, Spanish,
// Portuguese, Italian and Dutch. The phrase list is data (data/phish/lures.txt, embedded at build
// time), not code.
//
// Who does the work: ICU folds both the phrases and the text the same way (NFKC case folding, so
// "𝐕𝐄𝐑𝐈𝐅𝐘" and full-width letters read as "verify"; uspoof confusable skeletons, so a Cyrillic
// "е" in "Suspеnded" reads as Latin; NFD with the accents dropped, so "Gluckwunsch" matches
// "Glückwunsch"); Hyperscan (already the secrets engine) finds all phrases in one pass over the
// folded text (hs_compile_lit_multi, literal mode). Written here by hand: the folding pipeline's
// last step, which turns every run of non-letters into one space, so phrase boundaries are simply
// spaces and "sign-in", "sign in" and "sign  in" read the same; and the scoring.
//
// Scoring: each category counts once per message — its strongest phrase, plus a little for more
// distinct phrases and for the subject — up to a cap; the categories together are capped again.
// Language alone is weak evidence (honest newsletters say "last chance"), so the default caps keep
// a message with lure words alone below the "phishing" threshold.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "phish/reason.h"

namespace sw::phish {

struct LurePhrase {
  std::string category;  // "urgency", "credential", "suspension", "payment", "prize", "delivery"
  int points = 0;        // points of the phrase alone (before caps)
  std::string phrase;    // as written in the list (shown to the reader)
  bool subject_only = false;  // counts only in the Subject line (4th field "subject")
};

// Parses the list format: one `CATEGORY<TAB>POINTS<TAB>PHRASE[<TAB>subject]` per line, '#'
// comment lines and blank lines ignored. Errors (Errc::kParse, with the line number) on a line
// without three tab-separated fields, a fourth field other than "subject", points outside
// 0..100, an empty category or phrase, or more than 10,000 phrases.
Result<std::vector<LurePhrase>> parse_lure_list(std::string_view text);

// The list shipped with shieldwall (data/phish/lures.txt), parsed once.
const std::vector<LurePhrase>& default_lures();

// The folded form used for matching: NFKC case folding, accents removed, the confusable
// skeleton of every other non-ASCII character, every run of characters that are not letters or
// digits turned into one space, trimmed.
// ("Wаllеt  Suspеnded!" with Cyrillic letters -> "wallet suspended").
std::string fold_for_lures(std::string_view utf8);

struct LureMatch {
  size_t phrase = 0;  // index into the matcher's phrase list
  bool in_subject = false;
};

// A compiled phrase list. Immutable after construction and safe to share between threads (each
// thread keeps its own Hyperscan scratch space).
class LureMatcher {
 public:
  // Errors when Hyperscan rejects the list (e.g. a phrase that folds to nothing).
  static Result<LureMatcher> create(std::vector<LurePhrase> phrases);
  // The matcher for default_lures(), built once.
  static const LureMatcher& default_matcher();

  LureMatcher(LureMatcher&&) noexcept;
  LureMatcher& operator=(LureMatcher&&) noexcept;
  ~LureMatcher();

  // Indices of the phrases found in `folded` (fold_for_lures output), whole words only, each at
  // most once, in list order.
  std::vector<size_t> find_folded(std::string_view folded) const;

  const std::vector<LurePhrase>& phrases() const;

 private:
  LureMatcher();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct LurePoints {
  int category_cap = 12;  // most one category adds
  int extra_phrase = 2;   // per further distinct phrase of a category
  int subject_bonus = 4;  // when a phrase of the category is in the subject
  int total_cap = 30;     // most all lure categories add together
};

struct LureOptions {
  LurePoints points;
  size_t max_subject_chars = 1000;  // subject characters looked at (the rest is ignored)
  size_t max_body_chars = 2000;     // visible-text characters looked at, from the start
};

// The lure detectors ("lure_<category>"): one reason per category found, highest first. `body`
// is the visible text of the message (text/plain, or the visible text of the HTML part). Words
// holding '@', "://" or starting with "www." (addresses, links) are not language and are skipped.
std::vector<Reason> analyze_lures(std::string_view subject, std::string_view body,
                                  const LureMatcher& matcher = LureMatcher::default_matcher(),
                                  const LureOptions& options = {});

}  // namespace sw::phish
