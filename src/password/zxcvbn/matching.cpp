// SPDX-License-Identifier: Apache-2.0
// zxcvbn 4.4.2's matchers (matching.coffee), ported to C++. Hand-written because no Debian library
// reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5 agrees on the score for only 72%).
//
// What must stay exactly as in JavaScript, because ties in the scorer go to the first match:
// - the order of the matches: each matcher's own order, then one stable sort by (i, j) (V8's sort
//   is stable). Dictionaries come in list order, user_inputs last; graphs in qwerty, dvorak,
//   keypad, mac_keypad order; l33t substitution tables in enumerate_l33t_subs' order.
// - UTF-16 code units everywhere (positions, sequence deltas, the `.` of the repeat regexes, which
//   does not match line terminators), JS toLowerCase, JS \s in date separators.
// - the quirks: date matching's candidate order and REFERENCE_YEAR distance, recent_year being
//   19xx|200x|201x only, l33t matches whose token lower-cases to the word being dropped.
//
// Speed: zxcvbn tests every substring against every list (O(n^2) hash lookups per list). Here the
// six lists are one trie (data.h), so a walk from each start position stops at the first character
// no word continues with: O(n * longest word) for all lists at once. Known divergence: JS finds the
// substrings "constructor" and "__proto__" in every list through Object.prototype; we do not.
#include <algorithm>
#include <array>
#include <cstdlib>

#include "password/zxcvbn/data.h"
#include "password/zxcvbn/model.h"
#include "password/zxcvbn/text.h"

namespace sw::password::zxcvbn {
namespace {

// ---- dictionary -------------------------------------------------------------------------------

// The trie's grandchildren of the root by their two ASCII characters (64 KiB, built on first use):
// most walks end within two steps, and the root's children have the most children to search.
struct TwoLevel {
  std::uint32_t at[128][128] = {};
  TwoLevel() {
    for (char16_t a = 0; a < 128; ++a) {
      std::uint32_t first = kTrie.root_child[a];
      if (first == 0) continue;
      for (char16_t b = 0; b < 128; ++b) at[a][b] = kTrie.child(first, b);
    }
  }
};
const TwoLevel& two_level() {
  static const TwoLevel table;
  return table;
}

// Matches of `lower` (the lower-cased string to look words up in, at pool offset `lower_off`)
// against every list and the user dictionary; i and j in `lower`'s coordinates, j < n.
// Appended in (i, j, list) order for the trie, then user_inputs (the stable sort in omnimatch puts
// user_inputs after the lists for equal (i, j), as JS's dictionary order does).
// skip_start(i) may rule out walks from i (l33t: walks that cannot reach a substituted
// character); reach, when given, receives per start the first position the walk failed at (or n).
template <class Emit, class Skip>
void dictionary_walk(const Context& ctx, std::uint32_t lower_off, std::int32_t n, Emit&& emit,
                     Skip&& skip_start, std::vector<std::int32_t>* reach = nullptr) {
  if (reach != nullptr) reach->assign(static_cast<std::size_t>(n), 0);
  const std::u16string_view lower(ctx.pool.data() + lower_off, static_cast<std::size_t>(n));
  const Trie& trie = kTrie;
  const TwoLevel& two = two_level();
  for (std::int32_t i = 0; i < n; ++i) {
    if (skip_start(i)) continue;
    // The first two characters through a direct table, the rest through the trie.
    const char16_t c0 = lower[static_cast<std::size_t>(i)];
    if (c0 >= 128) {
      if (reach != nullptr) (*reach)[static_cast<std::size_t>(i)] = i;
      continue;
    }
    std::uint32_t node = 0;
    std::int32_t j = i;
    for (; j < n; ++j) {
      const char16_t c = lower[static_cast<std::size_t>(j)];
      if (j == i) {
        node = trie.root_child[c0];
      } else if (j == i + 1) {
        node = c < 128 ? two.at[c0][c] : 0;
      } else {
        node = trie.child(node, c);
      }
      if (node == 0) break;
      if (!trie.ends_word(node)) continue;
      std::uint32_t term = trie.term[node];
      const std::uint16_t* ranks = trie.ranks + static_cast<std::size_t>(term) * kDictCount;
      for (int d = 0; d < kDictCount; ++d) {
        if (ranks[d] != 0) emit(i, j, d, static_cast<std::int32_t>(ranks[d]));
      }
    }
    if (reach != nullptr) (*reach)[static_cast<std::size_t>(i)] = j;
  }
  if (ctx.user == nullptr) return;
  for (const auto& [word, rank] : ctx.user->words) {
    if (word.empty() || word.size() > static_cast<std::size_t>(n)) continue;
    std::size_t last = static_cast<std::size_t>(n) - word.size();
    for (std::size_t pos = lower.find(word); pos != std::u16string_view::npos && pos <= last;
         pos = lower.find(word, pos + 1)) {
      emit(static_cast<std::int32_t>(pos), static_cast<std::int32_t>(pos + word.size() - 1),
           kUserInputsDict, rank);
    }
  }
}

void dictionary_match(Context& ctx, std::uint32_t lower_off, std::vector<RawMatch>& out) {
  const auto n = static_cast<std::int32_t>(ctx.password.size());
  dictionary_walk(
      ctx, lower_off, n,
      [&](std::int32_t i, std::int32_t j, int d, std::int32_t r) {
        RawMatch m;
        m.pattern = Pattern::kDictionary;
        m.i = i;
        m.j = j;
        m.dict = static_cast<std::uint8_t>(d);
        m.rank = r;
        m.word_off = lower_off + static_cast<std::uint32_t>(i);
        m.word_len = static_cast<std::uint32_t>(j - i + 1);
        out.push_back(m);
      },
      [](std::int32_t) { return false; }, &ctx.reach);
}

void reverse_dictionary_match(Context& ctx, std::uint32_t rev_lower_off,
                              std::vector<RawMatch>& out) {
  const auto n = static_cast<std::int32_t>(ctx.password.size());
  dictionary_walk(
      ctx, rev_lower_off, n,
      [&](std::int32_t i, std::int32_t j, int d, std::int32_t r) {
        RawMatch m;
        m.pattern = Pattern::kDictionary;
        m.i = n - 1 - j;
        m.j = n - 1 - i;
        m.dict = static_cast<std::uint8_t>(d);
        m.rank = r;
        m.reversed = true;
        m.word_off = rev_lower_off + static_cast<std::uint32_t>(i);
        m.word_len = static_cast<std::uint32_t>(j - i + 1);
        out.push_back(m);
      },
      [](std::int32_t) { return false; });
}

// ---- l33t -------------------------------------------------------------------------------------

struct L33tEntry {
  char16_t letter;
  std::u16string_view subs;
};
constexpr std::array<L33tEntry, 12> kL33tTable = {{{u'a', u"4@"},
                                                   {u'b', u"8"},
                                                   {u'c', u"({[<"},
                                                   {u'e', u"3"},
                                                   {u'g', u"69"},
                                                   {u'i', u"1!|"},
                                                   {u'l', u"1|7"},
                                                   {u'o', u"0"},
                                                   {u's', u"$5"},
                                                   {u't', u"+7"},
                                                   {u'x', u"%"},
                                                   {u'z', u"2"}}};

// One substitution table: distinct l33t characters (20 at most) -> letters, in order. Fixed
// storage, so enumerating them allocates only the list.
struct Sub {
  std::array<L33tPair, 24> p{};
  std::size_t n = 0;
  std::size_t size() const { return n; }
  bool empty() const { return n == 0; }
  const L33tPair& operator[](std::size_t k) const { return p[k]; }
  const L33tPair* begin() const { return p.data(); }
  const L33tPair* end() const { return p.data() + n; }
  L33tPair* begin() { return p.data(); }
  L33tPair* end() { return p.data() + n; }
  void push_back(L33tPair pair) { p[n++] = pair; }
  void erase_at(std::size_t k) {
    for (std::size_t m = k + 1; m < n; ++m) p[m - 1] = p[m];
    --n;
  }
};

// enumerate_l33t_subs(relevant_l33t_subtable(password, L33T_TABLE)), each sub as a list of pairs
// in JS object key order (integer-like keys, i.e. digits, ascending first, then insertion order).
std::vector<Sub> enumerate_l33t_subs(std::u16string_view password) {
  std::array<bool, 128> present{};
  for (char16_t c : password) {
    if (c < 128) present[c] = true;
  }
  struct Row {
    char16_t letter;
    std::array<char16_t, 4> chars;
    std::size_t count;
  };
  std::array<Row, kL33tTable.size()> table{};
  std::size_t rows = 0;
  bool any = false;
  for (const auto& entry : kL33tTable) {
    for (char16_t c : entry.subs) any = any || present[c];
  }
  if (!any) return {};  // JS: [{}], and l33t_match stops at the empty sub
  for (const auto& entry : kL33tTable) {
    Row row{entry.letter, {}, 0};
    for (char16_t c : entry.subs) {
      if (present[c]) row.chars[row.count++] = c;
    }
    if (row.count != 0) table[rows++] = row;
  }
  std::vector<Sub> subs(1);
  std::vector<Sub> next;
  for (std::size_t r = 0; r < rows; ++r) {
    const char16_t letter = table[r].letter;
    next.clear();
    for (std::size_t c = 0; c < table[r].count; ++c) {
      const char16_t l33t_chr = table[r].chars[c];
      for (const Sub& sub : subs) {
        int dup = -1;
        for (std::size_t k = 0; k < sub.size(); ++k) {
          if (sub[k].l33t == l33t_chr) {
            dup = static_cast<int>(k);
            break;
          }
        }
        if (dup == -1) {
          Sub ext = sub;
          ext.push_back({l33t_chr, letter});
          next.push_back(std::move(ext));
        } else {
          Sub alt = sub;
          alt.erase_at(static_cast<std::size_t>(dup));
          alt.push_back({l33t_chr, letter});
          next.push_back(sub);
          next.push_back(std::move(alt));
        }
      }
    }
    // dedup: JS labels a sub by its sorted (pair, original index) list, i.e. the exact sequence.
    std::vector<Sub> deduped;
    deduped.reserve(next.size());
    for (Sub& sub : next) {
      bool seen = std::any_of(deduped.begin(), deduped.end(), [&](const Sub& other) {
        return other.size() == sub.size() && std::equal(other.begin(), other.end(), sub.begin(),
                                                        [](const L33tPair& a, const L33tPair& b) {
                                                          return a.l33t == b.l33t &&
                                                                 a.letter == b.letter;
                                                        });
      });
      if (!seen) deduped.push_back(std::move(sub));
    }
    subs = std::move(deduped);
  }
  // To object key order: digits ascending first, then the rest in insertion order.
  for (Sub& sub : subs) {
    std::stable_sort(sub.begin(), sub.end(), [](const L33tPair& a, const L33tPair& b) {
      bool da = is_digit(a.l33t);
      bool db = is_digit(b.l33t);
      if (da != db) return da;
      if (da) return a.l33t < b.l33t;
      return false;
    });
  }
  return subs;
}

void l33t_match(Context& ctx, bool ascii, std::uint32_t lower_off, std::vector<RawMatch>& out) {
  const std::u16string_view pw = ctx.password;
  const auto n = static_cast<std::int32_t>(pw.size());
  std::vector<Sub> subs = enumerate_l33t_subs(pw);
  if (subs.empty()) return;
  std::vector<std::int32_t>& next_sub = ctx.next_sub;
  for (const Sub& sub : subs) {
    if (sub.empty()) break;
    std::array<char16_t, 128> map{};
    for (const L33tPair& p : sub) map[p.l33t] = p.letter;
    // subbed_password.toLowerCase() into the pool
    auto subbed_off = static_cast<std::uint32_t>(ctx.pool.size());
    if (ascii) {
      // translate and lower-case commute for ASCII (the letters are lower case, the l33t
      // characters have no case)
      for (std::int32_t k = 0; k < n; ++k) {
        char16_t c = ctx.pool[lower_off + static_cast<std::uint32_t>(k)];
        ctx.pool.push_back(c < 128 && map[c] != 0 ? map[c] : c);
      }
    } else {
      std::u16string translated(pw);
      for (char16_t& c : translated) {
        if (c < 128 && map[c] != 0) c = map[c];
      }
      js_to_lower(translated, ctx.pool);
    }
    // For ASCII the translated string differs from the lower-cased one only at substituted
    // characters, and a match without one is dropped (its token lower-cases to the word). So a
    // walk from i is useless when no substitution follows i, or when the plain walk from i (same
    // characters up to there) died before reaching the first one.
    if (ascii) {
      next_sub.assign(static_cast<std::size_t>(n) + 1, n);
      for (std::int32_t k = n - 1; k >= 0; --k) {
        char16_t c = ctx.pool[lower_off + static_cast<std::uint32_t>(k)];
        next_sub[static_cast<std::size_t>(k)] =
            (c < 128 && map[c] != 0) ? k : next_sub[static_cast<std::size_t>(k) + 1];
      }
    }
    auto skip = [&](std::int32_t i) {
      if (!ascii) return false;
      std::int32_t f = next_sub[static_cast<std::size_t>(i)];
      return f == n || ctx.reach[static_cast<std::size_t>(i)] < f;
    };
    dictionary_walk(
        ctx, subbed_off, n,
        [&](std::int32_t i, std::int32_t j, int d, std::int32_t r) {
          const auto len = static_cast<std::size_t>(j - i + 1);
          std::u16string_view token = pw.substr(static_cast<std::size_t>(i), len);
          std::u16string_view word(ctx.pool.data() + subbed_off + i, len);
          if (ascii) {
            std::u16string_view token_lower(ctx.pool.data() + lower_off + i, len);
            if (token_lower == word) return;
          } else if (js_to_lower(token) == word) {
            return;
          }
          RawMatch m;
          m.pattern = Pattern::kDictionary;
          m.i = i;
          m.j = j;
          m.dict = static_cast<std::uint8_t>(d);
          m.rank = r;
          m.l33t = true;
          m.word_off = subbed_off + static_cast<std::uint32_t>(i);
          m.word_len = static_cast<std::uint32_t>(len);
          m.sub_off = static_cast<std::uint32_t>(ctx.subs.size());
          for (const L33tPair& p : sub) {
            if (token.find(p.l33t) != std::u16string_view::npos) ctx.subs.push_back(p);
          }
          m.sub_len = static_cast<std::uint32_t>(ctx.subs.size()) - m.sub_off;
          if (len > 1) out.push_back(m);
        },
        skip);
  }
}

// ---- spatial ----------------------------------------------------------------------------------

bool is_shifted(char16_t c) {
  constexpr std::u16string_view kShifted = u"~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?";
  return kShifted.find(c) != std::u16string_view::npos;
}

// For each graph and (previous, current) ASCII pair: 0 when current is no neighbour of previous,
// else 1 + 2 * direction + (1 if current is the shifted character of that neighbour). The
// direction is the first one whose neighbour string holds the character, as JS's loop finds it.
struct SpatialSteps {
  std::uint8_t at[kGraphCount][128][128] = {};
  SpatialSteps() {
    for (int g = 0; g < kGraphCount; ++g) {
      for (int prev = 0; prev < 128; ++prev) {
        for (int dir = kGraphs[g].degree[prev] - 1; dir >= 0; --dir) {  // first direction wins
          const char* adj = kGraphs[g].adj[prev][dir];
          if (adj == nullptr) continue;
          for (int k = 0; adj[k] != 0 && k < 2; ++k) {
            // indexOf: the first position of the character in the string
            if (k == 1 && adj[0] == adj[1]) continue;
            at[g][prev][static_cast<unsigned char>(adj[k])] =
                static_cast<std::uint8_t>(1 + 2 * dir + k);
          }
        }
      }
    }
  }
};
const SpatialSteps& spatial_steps() {
  static const SpatialSteps steps;  // 64 KiB, built on first use
  return steps;
}

void spatial_match(const Context& ctx, std::vector<RawMatch>& out) {
  const std::u16string_view pw = ctx.password;
  const auto n = static_cast<std::int32_t>(pw.size());
  const SpatialSteps& steps = spatial_steps();
  for (int g = 0; g < kGraphCount; ++g) {
    const bool keyboard = g <= 1;  // qwerty, dvorak
    std::int32_t i = 0;
    while (i < n - 1) {
      std::int32_t j = i + 1;
      int last_direction = -2;  // JS null
      std::int32_t turns = 0;
      std::int32_t shifted_count =
          (keyboard && is_shifted(pw[static_cast<std::size_t>(i)])) ? 1 : 0;
      while (true) {
        char16_t prev = pw[static_cast<std::size_t>(j - 1)];
        bool found = false;
        if (j < n && prev < 128) {
          char16_t cur = pw[static_cast<std::size_t>(j)];
          std::uint8_t step = cur < 128 ? steps.at[g][prev][cur] : 0;
          if (step != 0) {
            const int dir = (step - 1) >> 1;
            found = true;
            if (((step - 1) & 1) != 0) ++shifted_count;
            if (last_direction != dir) {
              ++turns;
              last_direction = dir;
            }
          }
        }
        if (found) {
          ++j;
        } else {
          if (j - i > 2) {
            RawMatch m;
            m.pattern = Pattern::kSpatial;
            m.i = i;
            m.j = j - 1;
            m.graph = static_cast<std::uint8_t>(g);
            m.turns = turns;
            m.shifted_count = shifted_count;
            out.push_back(m);
          }
          i = j;
          break;
        }
      }
    }
  }
}

// ---- repeat -----------------------------------------------------------------------------------

bool same(std::u16string_view s, std::size_t a, std::size_t b, std::size_t len) {
  return s.compare(a, len, s.substr(b, len)) == 0;
}

// Number of further copies of s[p, p + L) right after it (the greedy \1+).
std::size_t copies(std::u16string_view s, std::size_t p, std::size_t len) {
  std::size_t k = 0;
  while (p + (k + 2) * len <= s.size() && same(s, p, p + (k + 1) * len, len)) ++k;
  return k;
}

void repeat_match(Context& ctx, std::vector<RawMatch>& out) {
  const std::u16string_view pw = ctx.password;
  const std::size_t n = pw.size();
  std::size_t last_index = 0;
  while (last_index < n) {
    // The leftmost position where /(.+)\1+/ matches (the same for the greedy and lazy forms).
    std::size_t p = last_index;
    std::size_t lazy_len = 0;
    std::size_t greedy_len = 0;
    std::size_t next_terminator = p;  // first line terminator at or after p (or n)
    for (; p < n; ++p) {
      if (next_terminator < p) next_terminator = p;
      while (next_terminator < n && !is_line_terminator(pw[next_terminator])) ++next_terminator;
      std::size_t run = next_terminator - p;
      std::size_t max_len = std::min(run, (n - p) / 2);
      for (std::size_t len = 1; len <= max_len; ++len) {
        if (pw[p] == pw[p + len] && same(pw, p, p + len, len)) {
          if (lazy_len == 0) lazy_len = len;
          greedy_len = len;
        }
      }
      if (lazy_len != 0) break;
    }
    if (lazy_len == 0) break;
    std::size_t greedy_total = greedy_len * (1 + copies(pw, p, greedy_len));
    std::size_t lazy_total = lazy_len * (1 + copies(pw, p, lazy_len));
    std::size_t total = 0;
    std::size_t base_len = 0;
    if (greedy_total > lazy_total) {
      total = greedy_total;
      // /^(.+?)\1+$/ on the greedy match: the shortest period that tiles it.
      for (base_len = 1; base_len <= total / 2; ++base_len) {
        if (total % base_len != 0) continue;
        bool tiles = true;
        for (std::size_t off = base_len; off < total && tiles; off += base_len) {
          tiles = same(pw, p, p + off, base_len);
        }
        if (tiles) break;
      }
    } else {
      total = lazy_total;
      base_len = lazy_len;
    }
    std::u16string_view base = pw.substr(p, base_len);
    Analysis base_analysis = analyze(base, ctx.user, ctx.reference_year);
    RepeatInfo info;
    info.base_off = static_cast<std::int32_t>(p);
    info.base_len = static_cast<std::int32_t>(base_len);
    info.base_guesses = base_analysis.guesses;
    info.repeat_count = static_cast<double>(total) / static_cast<double>(base_len);
    info.base_matches = std::move(base_analysis.sequence);
    RawMatch m;
    m.pattern = Pattern::kRepeat;
    m.i = static_cast<std::int32_t>(p);
    m.j = static_cast<std::int32_t>(p + total - 1);
    m.repeat_idx = static_cast<std::int32_t>(ctx.repeats.size());
    ctx.repeats.push_back(std::move(info));
    out.push_back(m);
    last_index = p + total;
  }
}

// ---- sequence ---------------------------------------------------------------------------------

constexpr int kMaxDelta = 5;

void sequence_match(const Context& ctx, std::vector<RawMatch>& out) {
  const std::u16string_view pw = ctx.password;
  const auto n = static_cast<std::int32_t>(pw.size());
  if (n == 1) return;
  auto update = [&](std::int32_t i, std::int32_t j, int delta, bool has_delta) {
    if (!has_delta) return;
    if (j - i > 1 || std::abs(delta) == 1) {
      int ad = std::abs(delta);
      if (ad > 0 && ad <= kMaxDelta) {
        std::u16string_view token =
            pw.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(j - i + 1));
        RawMatch m;
        m.pattern = Pattern::kSequence;
        m.i = i;
        m.j = j;
        if (std::all_of(token.begin(), token.end(), is_lower)) {
          m.sequence_name = 0;
          m.sequence_space = 26;
        } else if (std::all_of(token.begin(), token.end(), is_upper)) {
          m.sequence_name = 1;
          m.sequence_space = 26;
        } else if (std::all_of(token.begin(), token.end(), is_digit)) {
          m.sequence_name = 2;
          m.sequence_space = 10;
        } else {
          m.sequence_name = 3;
          m.sequence_space = 26;
        }
        m.ascending = delta > 0;
        out.push_back(m);
      }
    }
  };
  std::int32_t i = 0;
  int last_delta = 0;
  bool has_last = false;
  for (std::int32_t k = 1; k < n; ++k) {
    int delta = static_cast<int>(pw[static_cast<std::size_t>(k)]) -
                static_cast<int>(pw[static_cast<std::size_t>(k - 1)]);
    if (!has_last) {
      last_delta = delta;
      has_last = true;
    }
    if (delta == last_delta) continue;
    std::int32_t j = k - 1;
    update(i, j, last_delta, true);
    i = j;
    last_delta = delta;
  }
  update(i, n - 1, last_delta, has_last);
}

// ---- regex (recent_year: /19\d\d|200\d|201\d/g) -------------------------------------------------

void regex_match(const Context& ctx, std::vector<RawMatch>& out) {
  const std::u16string_view pw = ctx.password;
  std::size_t p = 0;
  while (p + 4 <= pw.size()) {
    char16_t a = pw[p], b = pw[p + 1], c = pw[p + 2], d = pw[p + 3];
    bool hit = a == u'1' && b == u'9' && is_digit(c) && is_digit(d);
    hit = hit || (a == u'2' && b == u'0' && (c == u'0' || c == u'1') && is_digit(d));
    if (!hit) {
      ++p;
      continue;
    }
    RawMatch m;
    m.pattern = Pattern::kRegex;
    m.i = static_cast<std::int32_t>(p);
    m.j = static_cast<std::int32_t>(p + 3);
    m.year = (a - u'0') * 1000 + (b - u'0') * 100 + (c - u'0') * 10 + (d - u'0');
    out.push_back(m);
    p += 4;
  }
}

// ---- date -------------------------------------------------------------------------------------

constexpr int kDateMaxYear = 2050;
constexpr int kDateMinYear = 1000;

struct Dmy {
  int year, month, day;
};

bool map_ints_to_dm(int a, int b, int& day, int& month) {
  if (1 <= a && a <= 31 && 1 <= b && b <= 12) {
    day = a;
    month = b;
    return true;
  }
  if (1 <= b && b <= 31 && 1 <= a && a <= 12) {
    day = b;
    month = a;
    return true;
  }
  return false;
}

int two_to_four_digit_year(int year) {
  if (year > 99) return year;
  if (year > 50) return year + 1900;
  return year + 2000;
}

bool map_ints_to_dmy(const std::array<int, 3>& ints, Dmy& out) {
  if (ints[1] > 31 || ints[1] <= 0) return false;
  int over_12 = 0, over_31 = 0, under_1 = 0;
  for (int v : ints) {
    if ((99 < v && v < kDateMinYear) || v > kDateMaxYear) return false;
    if (v > 31) ++over_31;
    if (v > 12) ++over_12;
    if (v <= 0) ++under_1;
  }
  if (over_31 >= 2 || over_12 == 3 || under_1 >= 2) return false;
  const std::array<std::array<int, 3>, 2> splits = {
      {{ints[2], ints[0], ints[1]}, {ints[0], ints[1], ints[2]}}};
  for (const auto& s : splits) {
    if (kDateMinYear <= s[0] && s[0] <= kDateMaxYear) {
      int d = 0, m = 0;
      if (!map_ints_to_dm(s[1], s[2], d, m)) return false;
      out = {s[0], m, d};
      return true;
    }
  }
  for (const auto& s : splits) {
    int d = 0, m = 0;
    if (map_ints_to_dm(s[1], s[2], d, m)) {
      out = {two_to_four_digit_year(s[0]), m, d};
      return true;
    }
  }
  return false;
}

int parse_int(std::u16string_view s) {
  int v = 0;
  for (char16_t c : s) v = v * 10 + (c - u'0');
  return v;
}

bool is_date_separator(char16_t c) {
  return is_js_space(c) || c == u'/' || c == u'\\' || c == u'_' || c == u'.' || c == u'-';
}

void date_match(Context& ctx, std::vector<RawMatch>& out) {
  static constexpr std::array<std::array<std::array<int, 2>, 4>, 9> kSplits = {{
      {},
      {},
      {},
      {},
      {{{1, 2}, {2, 3}}},
      {{{1, 3}, {2, 3}}},
      {{{1, 2}, {2, 4}, {4, 5}}},
      {{{1, 3}, {2, 3}, {4, 5}, {4, 6}}},
      {{{2, 4}, {4, 6}}},
  }};
  static constexpr std::array<int, 9> kSplitCount = {0, 0, 0, 0, 2, 2, 3, 4, 2};
  const std::u16string_view pw = ctx.password;
  const auto n = static_cast<std::int32_t>(pw.size());
  std::vector<RawMatch>& found = ctx.dates;
  found.clear();
  auto push = [&](std::int32_t i, std::int32_t j, char16_t sep, const Dmy& dmy) {
    RawMatch m;
    m.pattern = Pattern::kDate;
    m.i = i;
    m.j = j;
    m.separator = sep;
    m.year = dmy.year;
    m.month = dmy.month;
    m.day = dmy.day;
    found.push_back(m);
  };
  // Without separator: /^\d{4,8}$/, the candidate closest to REFERENCE_YEAR (first on ties).
  for (std::int32_t i = 0; i <= n - 4; ++i) {
    if (!is_digit(pw[static_cast<std::size_t>(i)])) continue;  // every candidate starts with one
    for (std::int32_t j = i + 3; j <= i + 7 && j < n; ++j) {
      std::u16string_view token =
          pw.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(j - i + 1));
      if (!std::all_of(token.begin(), token.end(), is_digit)) continue;
      const std::size_t len = token.size();
      bool have = false;
      Dmy best{};
      int min_distance = 0;
      for (int s = 0; s < kSplitCount[len]; ++s) {
        auto [k, l] = kSplits[len][static_cast<std::size_t>(s)];
        std::array<int, 3> ints = {
            parse_int(token.substr(0, static_cast<std::size_t>(k))),
            parse_int(token.substr(static_cast<std::size_t>(k), static_cast<std::size_t>(l - k))),
            parse_int(token.substr(static_cast<std::size_t>(l)))};
        Dmy dmy{};
        if (!map_ints_to_dmy(ints, dmy)) continue;
        int distance = std::abs(dmy.year - ctx.reference_year);
        if (!have || distance < min_distance) {
          best = dmy;
          min_distance = distance;
          have = true;
        }
      }
      if (have) push(i, j, 0, best);
    }
  }
  // With separator: /^(\d{1,4})([\s\/\\_.-])(\d{1,2})\2(\d{1,4})$/
  for (std::int32_t i = 0; i <= n - 6; ++i) {
    if (!is_digit(pw[static_cast<std::size_t>(i)])) continue;
    for (std::int32_t j = i + 5; j <= i + 9 && j < n; ++j) {
      std::u16string_view token =
          pw.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(j - i + 1));
      std::size_t a = 0;
      while (a < token.size() && is_digit(token[a])) ++a;
      if (a < 1 || a > 4 || a >= token.size() || !is_date_separator(token[a])) continue;
      char16_t sep = token[a];
      std::size_t b = a + 1;
      while (b < token.size() && is_digit(token[b])) ++b;
      if (b - (a + 1) < 1 || b - (a + 1) > 2 || b >= token.size() || token[b] != sep) continue;
      std::size_t c = b + 1;
      std::size_t rest = token.size() - c;
      if (rest < 1 || rest > 4) continue;
      bool digits = true;
      for (std::size_t k = c; k < token.size(); ++k) digits = digits && is_digit(token[k]);
      if (!digits) continue;
      std::array<int, 3> ints = {parse_int(token.substr(0, a)),
                                 parse_int(token.substr(a + 1, b - a - 1)),
                                 parse_int(token.substr(c))};
      Dmy dmy{};
      if (!map_ints_to_dmy(ints, dmy)) continue;
      push(i, j, sep, dmy);
    }
  }
  // Drop matches inside another date match.
  for (std::size_t x = 0; x < found.size(); ++x) {
    bool is_submatch = false;
    for (std::size_t y = 0; y < found.size(); ++y) {
      if (x == y) continue;
      if (found[y].i <= found[x].i && found[y].j >= found[x].j) {
        is_submatch = true;
        break;
      }
    }
    if (!is_submatch) out.push_back(found[x]);
  }
}

}  // namespace

void omnimatch(Context& ctx) {
  const std::u16string_view pw = ctx.password;
  const bool ascii = is_ascii(pw);
  // password.toLowerCase() and reversed_password.toLowerCase() into the pool
  const std::uint32_t lower_off = 0;
  js_to_lower(pw, ctx.pool);
  const auto rev_off = static_cast<std::uint32_t>(ctx.pool.size());
  if (ascii) {
    for (std::size_t k = pw.size(); k-- > 0;) ctx.pool.push_back(ctx.pool[lower_off + k]);
  } else {
    std::u16string reversed(pw.rbegin(), pw.rend());
    js_to_lower(reversed, ctx.pool);
  }
  std::vector<RawMatch>& out = ctx.matches;
  dictionary_match(ctx, lower_off, out);
  reverse_dictionary_match(ctx, rev_off, out);
  l33t_match(ctx, ascii, lower_off, out);
  spatial_match(ctx, out);
  repeat_match(ctx, out);
  sequence_match(ctx, out);
  regex_match(ctx, out);
  date_match(ctx, out);
  // JS sorts by (i, j) here; the scorer only needs the matches ending at each j in order of i
  // (ties in this order), which it derives itself with a stable counting sort.
}

}  // namespace sw::password::zxcvbn
