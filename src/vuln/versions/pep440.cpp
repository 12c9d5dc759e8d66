// SPDX-License-Identifier: Apache-2.0
// PyPI version ordering: PEP 440 as Python's `packaging` 21.3 implements it
// (packaging/version.py: VERSION_PATTERN, _parse_letter_version, _parse_local_version, _cmpkey),
// with that release's LegacyVersion fallback for strings that are not PEP 440.
//
// PEP 440 side. The string must match VERSION_PATTERN (case-insensitive, surrounding whitespace
// allowed): `v`? epoch `N!`? release `N(.N)*`, pre-release `[-_.]?(a|b|c|rc|alpha|beta|pre|
// preview)[-_.]?N?`, post-release `-N` or `[-_.]?(post|rev|r)[-_.]?N?`, dev `[-_.]?dev[-_.]?N?`,
// local `+[a-z0-9]+([-_.][a-z0-9]+)*`. It is matched by hand with the regex's own backtracking
// order, so that `1.0a-1` reads as 1.0a1 (not 1.0a0.post1) exactly as in Python. Normalisation:
// alpha -> a, beta -> b, c/pre/preview -> rc, rev/r -> post, a missing number is 0. The sort
// key is _cmpkey: epoch; release with trailing zeros dropped (1.0 == 1.0.0); pre-release, where a
// version with only a dev part sorts before every pre-release and a version with none after;
// post-release (none first); dev (none last); local (none first; segments split on [-_.],
// numbers compare numerically and sort after words, words compare lowercased). So
// 1.0.dev0 < 1.0a1.dev0 < 1.0a1 < 1.0a1.post0.dev0 < 1.0a1.post0 < 1.0 < 1.0.post0.dev0 <
// 1.0.post0 < 1.0+abc < 1.0+5. Numbers have any length, as Python ints do.
//
// Legacy side. packaging < 22 reads any other string as a LegacyVersion, which sorts before every
// PEP 440 version (epoch -1) and orders by setuptools' old parse_version key (_legacy_cmpkey):
// the lowercased string is split into digit runs, letter runs, `.` and `-`; pre/preview/rc -> c,
// dev -> @, `-` -> final-; numbers are zero-padded to 8, everything else gets a `*` prefix;
// `*final-` before a pre-release tag and trailing zeros of each numeric series are dropped; a
// final `*final` is appended; keys compare as tuples of strings. OSV's PyPI data and the
// conformance vectors were produced with packaging < 22, so this fallback is kept on purpose:
// packaging >= 22 rejects these strings instead. Rejected here (kParse): empty or blank strings,
// bytes outside ASCII and control bytes other than whitespace (packaging 21.3 would read them as
// legacy versions; Unicode digits and case folding are not reproduced). Written by hand: no C++
// library implements PEP 440.
#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "vuln/versions/decimal.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace versions {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_sep(char c) { return c == '-' || c == '_' || c == '.'; }

struct LocalPart {
  std::string text;  // lowercased
  bool number;
};

struct Pep440Version {
  bool legacy = false;
  std::vector<std::string> legacy_key;  // legacy only

  std::string_view epoch = "0";
  std::vector<std::string_view> release;  // trailing zeros dropped
  int pre_rank = 2;                       // 0: dev-only (-inf), 1: pre-release, 2: none (+inf)
  int pre_letter = 0;                     // 0 a, 1 b, 2 rc
  std::string_view pre_n;
  bool has_post = false;
  std::string_view post_n;
  bool has_dev = false;
  std::string_view dev_n;
  bool has_local = false;
  std::vector<LocalPart> local;
};

// One way an optional group of VERSION_PATTERN can match at a position.
struct Candidate {
  size_t end;
  bool present;
  int letter;
  std::string_view number;  // empty: no number (0)
};

// A fixed-capacity candidate list (no allocation): at most 2 separators x 8 words x 2 separators
// x 2 number choices, plus the implicit post-release and the group left out.
class Candidates {
 public:
  void push_back(const Candidate& c) {
    if (n_ < items_.size()) items_[n_++] = c;
  }
  const Candidate* begin() const { return items_.data(); }
  const Candidate* end() const { return items_.data() + n_; }

 private:
  std::array<Candidate, 72> items_;
  size_t n_ = 0;
};

struct Word {
  std::string_view text;
  int letter;
};

class Matcher {
 public:
  explicit Matcher(std::string_view s) : s_(s) {}

  bool match_ci(size_t pos, std::string_view word) const {
    if (pos + word.size() > s_.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      if (to_lower(s_[pos + i]) != word[i]) return false;
    }
    return true;
  }

  size_t digits(size_t pos) const {
    size_t n = 0;
    while (pos + n < s_.size() && is_digit(s_[pos + n])) ++n;
    return n;
  }

  // [-_.]? word [-_.]? N?  for each word in order, in the regex's preference order.
  template <size_t N>
  void lettered(size_t pos, const std::array<Word, N>& words, Candidates& out) const {
    const bool sep_first = pos < s_.size() && is_sep(s_[pos]);
    for (size_t start : {pos + 1, pos}) {
      if (start > pos && !sep_first) continue;
      for (const auto& [word, letter] : words) {
        if (!match_ci(start, word)) continue;
        const size_t q = start + word.size();
        const bool sep_after = q < s_.size() && is_sep(s_[q]);
        for (size_t after : {q + 1, q}) {
          if (after > q && !sep_after) continue;
          const size_t n = digits(after);
          if (n > 0) out.push_back({after + n, true, letter, s_.substr(after, n)});
          out.push_back({after, true, letter, {}});
        }
      }
    }
  }

  Candidates pre(size_t pos) const {
    static constexpr std::array<Word, 8> kWords{{{"a", 0},
                                                 {"b", 1},
                                                 {"c", 2},
                                                 {"rc", 2},
                                                 {"alpha", 0},
                                                 {"beta", 1},
                                                 {"pre", 2},
                                                 {"preview", 2}}};
    Candidates out;
    lettered(pos, kWords, out);
    out.push_back({pos, false, 0, {}});
    return out;
  }

  Candidates post(size_t pos) const {
    static constexpr std::array<Word, 3> kWords{{{"post", 0}, {"rev", 0}, {"r", 0}}};
    Candidates out;
    if (pos < s_.size() && s_[pos] == '-') {
      const size_t n = digits(pos + 1);
      if (n > 0) out.push_back({pos + 1 + n, true, 0, s_.substr(pos + 1, n)});
    }
    lettered(pos, kWords, out);
    out.push_back({pos, false, 0, {}});
    return out;
  }

  Candidates dev(size_t pos) const {
    static constexpr std::array<Word, 1> kWords{{{"dev", 0}}};
    Candidates out;
    lettered(pos, kWords, out);
    out.push_back({pos, false, 0, {}});
    return out;
  }

  // \+[a-z0-9]+([-_.][a-z0-9]+)*, longest match (a shorter one can never end the string).
  Candidates local(size_t pos) const {
    Candidates out;
    if (pos < s_.size() && s_[pos] == '+') {
      size_t i = pos + 1;
      size_t run = 0;
      while (i + run < s_.size() && is_alnum(s_[i + run])) ++run;
      if (run > 0) {
        i += run;
        while (i + 1 < s_.size() && is_sep(s_[i]) && is_alnum(s_[i + 1])) {
          ++i;
          while (i < s_.size() && is_alnum(s_[i])) ++i;
        }
        out.push_back({i, true, 0, s_.substr(pos + 1, i - pos - 1)});
      }
    }
    out.push_back({pos, false, 0, {}});
    return out;
  }

  bool at_end(size_t pos) const {
    while (pos < s_.size() && is_space(s_[pos])) ++pos;
    return pos == s_.size();
  }

 private:
  std::string_view s_;
};

void strip_trailing_zeros(std::vector<std::string_view>& release) {
  while (!release.empty() && compare_decimal(release.back(), "0") == 0) release.pop_back();
}

// Version(s) of packaging 21.3; false when VERSION_PATTERN does not match.
bool parse_pep440(std::string_view s, Pep440Version& out) {
  const Matcher m(s);
  size_t pos = 0;
  while (pos < s.size() && is_space(s[pos])) ++pos;
  if (pos < s.size() && (s[pos] == 'v' || s[pos] == 'V')) ++pos;
  size_t n = m.digits(pos);
  if (n > 0 && pos + n < s.size() && s[pos + n] == '!') {
    out.epoch = s.substr(pos, n);
    pos += n + 1;
    n = m.digits(pos);
  }
  if (n == 0) return false;
  out.release.push_back(s.substr(pos, n));
  pos += n;
  while (pos + 1 < s.size() && s[pos] == '.' && is_digit(s[pos + 1])) {
    n = m.digits(pos + 1);
    out.release.push_back(s.substr(pos + 1, n));
    pos += 1 + n;
  }
  strip_trailing_zeros(out.release);
  for (const Candidate& pre : m.pre(pos)) {
    for (const Candidate& post : m.post(pre.end)) {
      for (const Candidate& dev : m.dev(post.end)) {
        for (const Candidate& local : m.local(dev.end)) {
          if (!m.at_end(local.end)) continue;
          if (pre.present) {
            out.pre_rank = 1;
            out.pre_letter = pre.letter;
            out.pre_n = pre.number.empty() ? std::string_view("0") : pre.number;
          } else if (!post.present && dev.present) {
            out.pre_rank = 0;
          }
          out.has_post = post.present;
          out.post_n = post.number.empty() ? std::string_view("0") : post.number;
          out.has_dev = dev.present;
          out.dev_n = dev.number.empty() ? std::string_view("0") : dev.number;
          out.has_local = local.present;
          if (local.present) {
            size_t start = 0;
            const std::string_view text = local.number;
            for (size_t i = 0; i <= text.size(); ++i) {
              if (i == text.size() || is_sep(text[i])) {
                LocalPart part;
                for (char c : text.substr(start, i - start)) part.text += to_lower(c);
                part.number = all_digits(part.text);
                out.local.push_back(std::move(part));
                start = i + 1;
              }
            }
          }
          return true;
        }
      }
    }
  }
  return false;
}

// _legacy_cmpkey of packaging 21.3 (setuptools' pre-PEP 440 parse_version).
std::vector<std::string> legacy_key(std::string_view version) {
  std::string lower;
  for (char c : version) lower += to_lower(c);
  // re.split(r"(\d+|[a-z]+|\.|-)") pieces, in order, empty ones dropped later.
  std::vector<std::string> pieces;
  std::string other;
  for (size_t i = 0; i < lower.size();) {
    size_t j = i;
    if (is_digit(lower[i])) {
      while (j < lower.size() && is_digit(lower[j])) ++j;
    } else if (lower[i] >= 'a' && lower[i] <= 'z') {
      while (j < lower.size() && lower[j] >= 'a' && lower[j] <= 'z') ++j;
    } else if (lower[i] == '.' || lower[i] == '-') {
      j = i + 1;
    } else {
      other += lower[i];
      ++i;
      continue;
    }
    if (!other.empty()) pieces.push_back(std::exchange(other, {}));
    pieces.push_back(lower.substr(i, j - i));
    i = j;
  }
  if (!other.empty()) pieces.push_back(other);

  std::vector<std::string> parts;
  auto add = [&parts](std::string part) {
    if (part[0] == '*') {
      if (part < "*final") {
        while (!parts.empty() && parts.back() == "*final-") parts.pop_back();
      }
      while (!parts.empty() && parts.back() == "00000000") parts.pop_back();
    }
    parts.push_back(std::move(part));
  };
  for (std::string& piece : pieces) {
    if (piece == "pre" || piece == "preview" || piece == "rc") {
      piece = "c";
    } else if (piece == "-") {
      piece = "final-";
    } else if (piece == "dev") {
      piece = "@";
    }
    if (piece.empty() || piece == ".") continue;
    if (is_digit(piece[0])) {
      if (piece.size() < 8) piece.insert(0, 8 - piece.size(), '0');
      add(std::move(piece));
    } else {
      add("*" + piece);
    }
  }
  add("*final");
  return parts;
}

Result<Pep440Version> parse(std::string_view v) {
  // Some byte other than whitespace, and no byte outside printable ASCII but whitespace.
  bool acceptable = false;
  for (char c : v) {
    if (is_space(c)) continue;
    acceptable = c >= 0x20 && c <= 0x7e;
    if (!acceptable) break;
  }
  if (!acceptable) {
    return fail(Errc::kParse, fmt::format("not a PEP 440 or legacy Python version: {}", quoted(v)));
  }
  Pep440Version out;
  if (!parse_pep440(v, out)) {
    out = Pep440Version{};
    out.legacy = true;
    out.legacy_key = legacy_key(v);
  }
  return out;
}

int compare_local(const std::vector<LocalPart>& a, const std::vector<LocalPart>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    int c = 0;
    if (a[i].number && b[i].number) {
      c = compare_decimal(a[i].text, b[i].text);
    } else if (a[i].number != b[i].number) {
      c = a[i].number ? 1 : -1;
    } else {
      c = compare_bytes(a[i].text, b[i].text);
    }
    if (c != 0) return c;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

int compare_versions(const Pep440Version& a, const Pep440Version& b) {
  if (a.legacy != b.legacy) return a.legacy ? -1 : 1;
  if (a.legacy) {
    for (size_t i = 0; i < a.legacy_key.size() && i < b.legacy_key.size(); ++i) {
      if (int c = compare_bytes(a.legacy_key[i], b.legacy_key[i])) return c;
    }
    if (a.legacy_key.size() == b.legacy_key.size()) return 0;
    return a.legacy_key.size() < b.legacy_key.size() ? -1 : 1;
  }
  if (int c = compare_decimal(a.epoch, b.epoch)) return c;
  for (size_t i = 0; i < a.release.size() && i < b.release.size(); ++i) {
    if (int c = compare_decimal(a.release[i], b.release[i])) return c;
  }
  if (a.release.size() != b.release.size()) return a.release.size() < b.release.size() ? -1 : 1;
  if (a.pre_rank != b.pre_rank) return a.pre_rank < b.pre_rank ? -1 : 1;
  if (a.pre_rank == 1) {
    if (a.pre_letter != b.pre_letter) return a.pre_letter < b.pre_letter ? -1 : 1;
    if (int c = compare_decimal(a.pre_n, b.pre_n)) return c;
  }
  if (a.has_post != b.has_post) return a.has_post ? 1 : -1;
  if (a.has_post) {
    if (int c = compare_decimal(a.post_n, b.post_n)) return c;
  }
  if (a.has_dev != b.has_dev) return a.has_dev ? -1 : 1;
  if (a.has_dev) {
    if (int c = compare_decimal(a.dev_n, b.dev_n)) return c;
  }
  if (a.has_local != b.has_local) return a.has_local ? 1 : -1;
  return compare_local(a.local, b.local);
}

class Pep440Scheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "PEP 440"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    auto va = parse(a);
    if (!va) return Unexpected(va.error());
    auto vb = parse(b);
    if (!vb) return Unexpected(vb.error());
    return compare_versions(*va, *vb);
  }
};

}  // namespace
}  // namespace versions

const VersionScheme& pep440_scheme() {
  static const versions::Pep440Scheme scheme;
  return scheme;
}

}  // namespace sw::vuln
