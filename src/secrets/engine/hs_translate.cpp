// SPDX-License-Identifier: Apache-2.0
// Go/RE2 regex -> Hyperscan byte-mode superset pattern (see hs_translate.h for why and how).
// A small recursive-descent parser over Go's regexp/syntax grammar with Perl flags; it emits the
// translated pattern as it goes and counts how many newlines one match can hold.
#include "secrets/engine/hs_translate.h"

#include <bitset>
#include <cctype>
#include <cstdint>
#include <optional>

#include <fmt/format.h>

namespace sw::secrets::engine {
namespace {

// One code point beyond the first byte: what a one-code-point atom may still consume.
constexpr std::string_view kContinuation = "[\\x80-\\xbf]{0,3}";
constexpr int kInfinite = -1;
constexpr int kMaxDepth = 500;
constexpr uint32_t kMaxRune = 0x10FFFF;

using AsciiSet = std::bitset<128>;

struct Flags {
  bool fold = false;    // i
  bool dot_nl = false;  // s
};

int add_newlines(int a, int b) {
  if (a == kInfinite || b == kInfinite) return kInfinite;
  const int sum = a + b;
  return sum > 100000 ? kInfinite : sum;
}

int max_newlines(int a, int b) {
  if (a == kInfinite || b == kInfinite) return kInfinite;
  return a > b ? a : b;
}

void add_range(AsciiSet& set, uint32_t lo, uint32_t hi) {
  for (uint32_t c = lo; c <= hi && c < 128; ++c) set.set(c);
}

void fold_letters(AsciiSet& set) {
  for (uint32_t c = 'a'; c <= 'z'; ++c) {
    if (set.test(c) || set.test(c - 32)) {
      set.set(c);
      set.set(c - 32);
    }
  }
}

AsciiSet word_set() {
  AsciiSet s;
  add_range(s, '0', '9');
  add_range(s, 'A', 'Z');
  add_range(s, 'a', 'z');
  s.set('_');
  return s;
}

AsciiSet digit_set() {
  AsciiSet s;
  add_range(s, '0', '9');
  return s;
}

// Go's \s: [\t\n\f\r ] (no \v).
AsciiSet space_set() {
  AsciiSet s;
  s.set('\t');
  s.set('\n');
  s.set('\f');
  s.set('\r');
  s.set(' ');
  return s;
}

// POSIX classes as Go defines them (ASCII only).
std::optional<AsciiSet> posix_set(std::string_view name) {
  AsciiSet s;
  if (name == "alnum") {
    add_range(s, '0', '9');
    add_range(s, 'A', 'Z');
    add_range(s, 'a', 'z');
  } else if (name == "alpha") {
    add_range(s, 'A', 'Z');
    add_range(s, 'a', 'z');
  } else if (name == "ascii") {
    add_range(s, 0, 127);
  } else if (name == "blank") {
    s.set('\t');
    s.set(' ');
  } else if (name == "cntrl") {
    add_range(s, 0, 31);
    s.set(127);
  } else if (name == "digit") {
    add_range(s, '0', '9');
  } else if (name == "graph") {
    add_range(s, '!', '~');
  } else if (name == "lower") {
    add_range(s, 'a', 'z');
  } else if (name == "print") {
    add_range(s, ' ', '~');
  } else if (name == "punct") {
    add_range(s, '!', '/');
    add_range(s, ':', '@');
    add_range(s, '[', '`');
    add_range(s, '{', '~');
  } else if (name == "space") {
    add_range(s, '\t', '\r');
    s.set(' ');
  } else if (name == "upper") {
    add_range(s, 'A', 'Z');
  } else if (name == "word") {
    s = word_set();
  } else if (name == "xdigit") {
    add_range(s, '0', '9');
    add_range(s, 'A', 'F');
    add_range(s, 'a', 'f');
  } else {
    return std::nullopt;
  }
  return s;
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string hex_byte(uint32_t b) { return fmt::format("\\x{:02x}", b); }

// A byte set as a Hyperscan class body.
std::string class_body(const AsciiSet& set, bool non_ascii) {
  std::string out;
  uint32_t c = 0;
  while (c < 128) {
    if (!set.test(c)) {
      ++c;
      continue;
    }
    uint32_t end = c;
    while (end + 1 < 128 && set.test(end + 1)) ++end;
    out += hex_byte(c);
    if (end > c) out += "-" + hex_byte(end);
    c = end + 1;
  }
  if (non_ascii) out += "\\x80-\\xff";
  return out;
}

std::string emit_class(const AsciiSet& set, bool non_ascii) {
  std::string body = "[" + class_body(set, non_ascii) + "]";
  if (!non_ascii) return body;
  return "(?:" + body + std::string(kContinuation) + ")";
}

class Translator {
 public:
  explicit Translator(std::string_view re) : re_(re) {}

  HsTranslation run() {
    HsTranslation result;
    Flags flags;
    int nl = 0;
    std::string out;
    if (!parse_alternation(flags, out, nl, 0)) {
      result.error = error_.empty() ? "unsupported syntax" : error_;
      return result;
    }
    if (pos_ != re_.size()) {
      result.error = fmt::format("unexpected ')' at offset {}", pos_);
      return result;
    }
    result.ok = true;
    result.expression = std::move(out);
    result.max_newlines = nl;
    return result;
  }

 private:
  bool fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }

  bool at_end() const { return pos_ >= re_.size(); }
  char peek() const { return re_[pos_]; }

  // Decodes one UTF-8 code point (patterns are valid UTF-8: RE2 accepted them).
  uint32_t next_rune() {
    const auto b0 = static_cast<unsigned char>(re_[pos_]);
    int len = 1;
    uint32_t r = b0;
    if (b0 >= 0xF0) {
      len = 4;
      r = b0 & 0x07;
    } else if (b0 >= 0xE0) {
      len = 3;
      r = b0 & 0x0F;
    } else if (b0 >= 0xC0) {
      len = 2;
      r = b0 & 0x1F;
    }
    if (len > 1) {
      for (int k = 1; k < len; ++k) {
        if (pos_ + static_cast<size_t>(k) >= re_.size()) return ++pos_, 0xFFFD;
        r = (r << 6) | (static_cast<unsigned char>(re_[pos_ + static_cast<size_t>(k)]) & 0x3F);
      }
    }
    pos_ += static_cast<size_t>(len);
    return r;
  }

  bool parse_alternation(Flags& flags, std::string& out, int& nl, int depth) {
    if (depth > kMaxDepth) return fail("nesting too deep");
    int best = 0;
    std::string branch;
    int branch_nl = 0;
    if (!parse_concat(flags, branch, branch_nl, depth)) return false;
    out += branch;
    best = branch_nl;
    while (!at_end() && peek() == '|') {
      ++pos_;
      out += '|';
      branch.clear();
      branch_nl = 0;
      if (!parse_concat(flags, branch, branch_nl, depth)) return false;
      out += branch;
      best = max_newlines(best, branch_nl);
    }
    nl = best;
    return true;
  }

  bool parse_concat(Flags& flags, std::string& out, int& nl, int depth) {
    nl = 0;
    while (!at_end() && peek() != '|' && peek() != ')') {
      std::string atom;
      int atom_nl = 0;
      bool quantifiable = true;
      if (!parse_atom(flags, atom, atom_nl, quantifiable, depth)) return false;
      if (!quantifiable) {
        out += atom;
        continue;
      }
      int times_max = 1;
      std::string quant;
      if (!parse_quantifier(quant, times_max)) return false;
      if (!quant.empty()) {
        atom = "(?:" + atom + ")" + quant;
        if (atom_nl != 0) {
          if (times_max == kInfinite || atom_nl == kInfinite) {
            atom_nl = kInfinite;
          } else {
            const long long total = static_cast<long long>(atom_nl) * times_max;
            atom_nl = total > 100000 ? kInfinite : static_cast<int>(total);
          }
        }
      }
      out += atom;
      nl = add_newlines(nl, atom_nl);
    }
    return true;
  }

  // *, +, ?, {n}, {n,}, {n,m}, each optionally lazy. A '{' that is no repetition is a literal
  // (left for the next atom).
  bool parse_quantifier(std::string& quant, int& times_max) {
    if (at_end()) return true;
    const char c = peek();
    if (c == '*' || c == '+' || c == '?') {
      ++pos_;
      quant = std::string(1, c);
      times_max = c == '?' ? 1 : kInfinite;
    } else if (c == '{') {
      size_t p = pos_ + 1;
      auto digits = [&](size_t& q) {
        const size_t start = q;
        while (q < re_.size() && is_digit(re_[q])) ++q;
        return q > start;
      };
      const size_t lo_start = p;
      if (!digits(p)) return true;
      const std::string lo(re_.substr(lo_start, p - lo_start));
      std::string hi = lo;
      bool open = false;
      if (p < re_.size() && re_[p] == ',') {
        ++p;
        const size_t hi_start = p;
        if (digits(p)) {
          hi = std::string(re_.substr(hi_start, p - hi_start));
        } else {
          open = true;
        }
      }
      if (p >= re_.size() || re_[p] != '}') return true;  // a literal '{'
      pos_ = p + 1;
      if (lo.size() > 4 || hi.size() > 4) return fail("repetition count too large");
      quant = open ? "{" + lo + ",}" : (hi == lo ? "{" + lo + "}" : "{" + lo + "," + hi + "}");
      times_max = open ? kInfinite : std::stoi(hi);
    } else {
      return true;
    }
    if (!at_end() && peek() == '?') {
      ++pos_;
      quant += '?';
    }
    if (!at_end() && (peek() == '*' || peek() == '+' || peek() == '?')) {
      return fail("nested repetition");
    }
    return true;
  }

  bool parse_group(Flags& flags, std::string& out, int& nl, bool& quantifiable, int depth) {
    ++pos_;  // '('
    Flags inner = flags;
    std::string open = "(?:";
    if (!at_end() && peek() == '?') {
      ++pos_;
      if (!at_end() && (peek() == 'P' || peek() == '<')) {
        if (peek() == 'P') ++pos_;
        if (at_end() || peek() != '<') return fail("bad named group");
        const size_t close = re_.find('>', pos_);
        if (close == std::string_view::npos) return fail("bad named group");
        pos_ = close + 1;
      } else {
        // Flags: [imsU]* ( '-' [imsU]* )? then ')' or ':'.
        std::string hs_flags;
        bool negate = false;
        Flags changed = flags;
        while (true) {
          if (at_end()) return fail("bad flag group");
          const char c = peek();
          ++pos_;
          if (c == 'i' || c == 'm' || c == 's') {
            hs_flags += c;
            if (c == 'i') changed.fold = !negate;
            if (c == 's') changed.dot_nl = !negate;
          } else if (c == 'U') {
            // Greediness does not change where matches end: Hyperscan reports every end.
          } else if (c == '-' && !negate) {
            negate = true;
            hs_flags += '-';
          } else if (c == ')') {
            // Flags for the rest of the enclosing group.
            flags = changed;
            if (!hs_flags.empty() && hs_flags != "-") out += "(?" + hs_flags + ")";
            quantifiable = false;
            nl = 0;
            return true;
          } else if (c == ':') {
            inner = changed;
            if (!hs_flags.empty() && hs_flags != "-") open = "(?" + hs_flags + ":";
            break;
          } else {
            return fail("bad flag group");
          }
        }
      }
    }
    std::string body;
    if (!parse_alternation(inner, body, nl, depth + 1)) return false;
    if (at_end() || peek() != ')') return fail("missing ')'");
    ++pos_;
    out += open + body + ")";
    return true;
  }

  // An escape's single code point (\x, octal, control letters, escaped punctuation), or nullopt
  // when the escape is not a code point (\d, \pL, ...).
  bool parse_escape_rune(std::optional<uint32_t>& rune) {
    // pos_ is just past the backslash.
    if (at_end()) return fail("trailing backslash");
    const char c = peek();
    ++pos_;
    switch (c) {
      case 'a':
        rune = 7;
        return true;
      case 'f':
        rune = 12;
        return true;
      case 't':
        rune = 9;
        return true;
      case 'n':
        rune = 10;
        return true;
      case 'r':
        rune = 13;
        return true;
      case 'v':
        rune = 11;
        return true;
      case 'x': {
        if (!at_end() && peek() == '{') {
          ++pos_;
          uint32_t v = 0;
          int count = 0;
          while (!at_end() && peek() != '}') {
            const int h = hex_value(peek());
            if (h < 0) return fail("bad \\x{} escape");
            v = v * 16 + static_cast<uint32_t>(h);
            if (v > kMaxRune) return fail("bad \\x{} escape");
            ++pos_;
            ++count;
          }
          if (at_end() || count == 0) return fail("bad \\x{} escape");
          ++pos_;
          rune = v;
          return true;
        }
        if (pos_ + 2 > re_.size()) return fail("bad \\x escape");
        const int h1 = hex_value(re_[pos_]);
        const int h2 = hex_value(re_[pos_ + 1]);
        if (h1 < 0 || h2 < 0) return fail("bad \\x escape");
        pos_ += 2;
        rune = static_cast<uint32_t>(h1 * 16 + h2);
        return true;
      }
      default:
        break;
    }
    if (c >= '1' && c <= '7' && (at_end() || !is_octal(peek()))) {
      return fail("backreference");
    }
    if (c >= '0' && c <= '7') {
      uint32_t v = static_cast<uint32_t>(c - '0');
      for (int k = 1; k < 3 && !at_end() && is_octal(peek()); ++k) {
        v = v * 8 + static_cast<uint32_t>(peek() - '0');
        ++pos_;
      }
      rune = v;
      return true;
    }
    const auto uc = static_cast<unsigned char>(c);
    if (uc < 0x80 && !std::isalnum(uc)) {
      rune = uc;  // escaped punctuation
      return true;
    }
    --pos_;  // not a code point: let the caller read the class letter
    rune = std::nullopt;
    return true;
  }

  // \d \D \s \S \w \W \pX \p{..} \PX: the ASCII set and whether non-ASCII code points match.
  bool parse_perl_or_unicode_class(AsciiSet& set, bool& non_ascii) {
    const char c = peek();
    ++pos_;
    switch (c) {
      case 'd':
        set = digit_set();
        non_ascii = false;
        return true;
      case 'D':
        set = ~digit_set();
        non_ascii = true;
        return true;
      case 's':
        set = space_set();
        non_ascii = false;
        return true;
      case 'S':
        set = ~space_set();
        non_ascii = true;
        return true;
      case 'w':
        set = word_set();
        non_ascii = false;
        return true;
      case 'W':
        set = ~word_set();
        non_ascii = true;
        return true;
      case 'p':
      case 'P': {
        // Unicode classes: widened to every code point.
        if (at_end()) return fail("bad \\p escape");
        if (peek() == '{') {
          const size_t close = re_.find('}', pos_);
          if (close == std::string_view::npos) return fail("bad \\p escape");
          pos_ = close + 1;
        } else {
          next_rune();
        }
        set.set();
        non_ascii = true;
        return true;
      }
      default:
        return fail(fmt::format("unknown escape \\{}", c));
    }
  }

  bool parse_class(const Flags& flags, std::string& out, int& nl) {
    ++pos_;  // '['
    bool negated = false;
    if (!at_end() && peek() == '^') {
      negated = true;
      ++pos_;
    }
    AsciiSet set;
    bool non_ascii = false;
    bool first = true;
    while (true) {
      if (at_end()) return fail("missing ']'");
      if (peek() == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      // [:name:] and [:^name:]
      if (peek() == '[' && pos_ + 1 < re_.size() && re_[pos_ + 1] == ':') {
        const size_t close = re_.find(":]", pos_ + 2);
        if (close != std::string_view::npos) {
          std::string_view name = re_.substr(pos_ + 2, close - pos_ - 2);
          bool neg = false;
          if (!name.empty() && name[0] == '^') {
            neg = true;
            name.remove_prefix(1);
          }
          auto posix = posix_set(name);
          if (!posix) return fail("unknown POSIX class");
          if (neg) {
            set |= ~*posix;
            non_ascii = true;
          } else {
            set |= *posix;
          }
          pos_ = close + 2;
          continue;
        }
      }
      // A class letter escape (\d, \pL, ...), or a code point possibly starting a range.
      uint32_t lo = 0;
      if (peek() == '\\') {
        ++pos_;
        std::optional<uint32_t> rune;
        if (!parse_escape_rune(rune)) return false;
        if (!rune) {
          AsciiSet sub;
          bool sub_non_ascii = false;
          if (!parse_perl_or_unicode_class(sub, sub_non_ascii)) return false;
          set |= sub;
          non_ascii = non_ascii || sub_non_ascii;
          continue;
        }
        lo = *rune;
      } else {
        lo = next_rune();
      }
      uint32_t hi = lo;
      if (pos_ + 1 < re_.size() && peek() == '-' && re_[pos_ + 1] != ']') {
        ++pos_;
        if (peek() == '\\') {
          ++pos_;
          std::optional<uint32_t> rune;
          if (!parse_escape_rune(rune)) return false;
          if (!rune) return fail("bad class range");
          hi = *rune;
        } else {
          hi = next_rune();
        }
        if (hi < lo) return fail("bad class range");
      }
      add_range(set, lo, hi);
      if (hi >= 0x80) non_ascii = true;
    }
    if (flags.fold) {
      fold_letters(set);
      // (?i) folds some ASCII letters onto non-ASCII ones (k, s); the engine handles those texts
      // apart, as for literals.
    }
    if (negated) {
      set = ~set;
      non_ascii = true;  // widened: any non-ASCII code point
    }
    if (set.none() && !non_ascii) return fail("class matches nothing");
    out += emit_class(set, non_ascii);
    nl = set.test('\n') ? 1 : 0;
    return true;
  }

  void emit_rune(const Flags& flags, uint32_t rune, std::string& out, int& nl) {
    nl = rune == '\n' ? 1 : 0;
    if (rune < 0x80) {
      const auto ch = static_cast<unsigned char>(rune);
      if (std::isalnum(ch)) {
        out += static_cast<char>(ch);
      } else {
        out += hex_byte(rune);
      }
      return;
    }
    if (flags.fold) {
      // Its case variants are other byte sequences: any non-ASCII code point.
      out += "(?:[\\x80-\\xff]";
      out += kContinuation;
      out += ")";
      return;
    }
    // The code point's exact UTF-8 bytes.
    char buf[4];
    int len = 0;
    if (rune < 0x800) {
      buf[0] = static_cast<char>(0xC0 | (rune >> 6));
      buf[1] = static_cast<char>(0x80 | (rune & 0x3F));
      len = 2;
    } else if (rune < 0x10000) {
      buf[0] = static_cast<char>(0xE0 | (rune >> 12));
      buf[1] = static_cast<char>(0x80 | ((rune >> 6) & 0x3F));
      buf[2] = static_cast<char>(0x80 | (rune & 0x3F));
      len = 3;
    } else {
      buf[0] = static_cast<char>(0xF0 | (rune >> 18));
      buf[1] = static_cast<char>(0x80 | ((rune >> 12) & 0x3F));
      buf[2] = static_cast<char>(0x80 | ((rune >> 6) & 0x3F));
      buf[3] = static_cast<char>(0x80 | (rune & 0x3F));
      len = 4;
    }
    out += "(?:";
    for (int k = 0; k < len; ++k) out += hex_byte(static_cast<unsigned char>(buf[k]));
    out += ")";
  }

  bool parse_atom(Flags& flags, std::string& out, int& nl, bool& quantifiable, int depth) {
    const char c = peek();
    nl = 0;
    switch (c) {
      case '(':
        return parse_group(flags, out, nl, quantifiable, depth);
      case '[':
        return parse_class(flags, out, nl);
      case '.':
        ++pos_;
        out += "(?:.";
        out += kContinuation;
        out += ")";
        nl = flags.dot_nl ? 1 : 0;
        return true;
      case '^':
      case '$':
        ++pos_;
        out += c;
        quantifiable = true;  // Go allows ^* (it matches empty); harmless
        return true;
      case '*':
      case '+':
      case '?':
        return fail("missing argument to repetition operator");
      case '\\': {
        ++pos_;
        if (at_end()) return fail("trailing backslash");
        const char e = peek();
        if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
          ++pos_;
          out += '\\';
          out += e;
          return true;
        }
        if (e == 'Q') {
          ++pos_;
          const size_t end = re_.find("\\E", pos_);
          const size_t stop = end == std::string_view::npos ? re_.size() : end;
          std::string lit;
          int lit_nl = 0;
          while (pos_ < stop) {
            int one = 0;
            emit_rune(flags, next_rune(), lit, one);
            lit_nl += one;
          }
          pos_ = end == std::string_view::npos ? re_.size() : end + 2;
          out += "(?:" + lit + ")";
          nl = lit_nl;
          return true;
        }
        std::optional<uint32_t> rune;
        if (!parse_escape_rune(rune)) return false;
        if (rune) {
          emit_rune(flags, *rune, out, nl);
          return true;
        }
        AsciiSet set;
        bool non_ascii = false;
        if (!parse_perl_or_unicode_class(set, non_ascii)) return false;
        if (flags.fold) fold_letters(set);
        out += emit_class(set, non_ascii);
        nl = set.test('\n') ? 1 : 0;
        return true;
      }
      default:
        break;
    }
    emit_rune(flags, next_rune(), out, nl);
    return true;
  }

  std::string_view re_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

HsTranslation translate_for_hyperscan(std::string_view go_regex) {
  return Translator(go_regex).run();
}

}  // namespace sw::secrets::engine
