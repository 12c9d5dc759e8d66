// SPDX-License-Identifier: Apache-2.0
// Translates a Go/RE2-syntax regex into a Hyperscan pattern whose matches, scanned in Hyperscan's
// byte mode, are a SUPERSET of the Go regexp's matches (every Go match ends where a match of the
// translation ends), so Hyperscan can prefilter for RE2, which then finds the exact matches.
//
// Why a translation: Hyperscan's UTF-8 mode would count code points as Go does, but compiling
// gitleaks' rules in it takes minutes (kubernetes-secret-yaml alone over a minute) and scanning
// invalid UTF-8 in it is undefined. In byte mode three things differ from Go, and the translation
// widens each:
//   - one code point is one byte: `.`, negated classes, \S, \W, \D, \pX and non-ASCII literals
//     become "one byte, then up to three UTF-8 continuation bytes" (an invalid byte, which Go reads
//     as U+FFFD, is a one-byte code point for them too);
//   - Hyperscan's \s also holds \v (Go's does not): \s and \S are spelled out as Go defines them;
//   - classes are re-emitted as explicit byte sets (case-folded here when (?i) is on).
// Case folding of the two non-ASCII letters Go folds onto ASCII ones (U+212A KELVIN SIGN ~ k,
// U+017F LONG S ~ s) is not expressible here; the engine handles fragments holding them apart.
//
// Hand-written: neither RE2 nor Hyperscan exposes a parse tree of a pattern, and no library
// translates between their dialects. The parser follows Go's regexp/syntax grammar (Perl flags).
#pragma once

#include <string>
#include <string_view>

namespace sw::secrets::engine {

struct HsTranslation {
  bool ok = false;
  std::string expression;  // for hs_compile (byte mode, no flags needed beyond ALLOWEMPTY)
  std::string error;       // why not ok (a construct this translator does not know)
  // The most '\n' bytes one match can hold; -1 when unbounded. Lets the engine start a window a
  // bounded number of lines before a match's end when the match width itself is unbounded.
  int max_newlines = 0;
};

HsTranslation translate_for_hyperscan(std::string_view go_regex);

}  // namespace sw::secrets::engine
