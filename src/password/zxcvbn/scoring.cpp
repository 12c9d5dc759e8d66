// SPDX-License-Identifier: Apache-2.0
// zxcvbn 4.4.2's scoring (scoring.coffee), ported to C++: the guesses of each match and the
// minimum-guesses match sequence. Hand-written because no Debian library reproduces zxcvbn 4.4.2
// faithfully (libzxcvbn 2.5 agrees on the score for only 72%).
//
// The dynamic programme: for every end position k and sequence length l it keeps the best
// g = l! * prod(guesses) + 10000^(l-1) (MIN_GUESSES_BEFORE_GROWING_SEQUENCE) over sequences of
// matches and bruteforce runs covering [0, k]; an entry is kept only if no entry of length <= l has
// g <= it, and on ties the first one stays (hence the match order of matching.cpp). JavaScript
// keeps these in objects keyed by l and visits them in ascending l; here the entries of one k are
// a short run of a flat vector sorted by l, and they are final once k is done (every update for k
// comes from a match ending at k), so no per-k allocation. O(n^2 * l) for the bruteforce runs plus
// O(matches * l). The floating-point operations are those of the JS code, in its order.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "password/zxcvbn/data.h"
#include "password/zxcvbn/model.h"
#include "password/zxcvbn/text.h"

namespace sw::password::zxcvbn {

const char* pattern_name(Pattern p) {
  switch (p) {
    case Pattern::kDictionary:
      return "dictionary";
    case Pattern::kSpatial:
      return "spatial";
    case Pattern::kRepeat:
      return "repeat";
    case Pattern::kSequence:
      return "sequence";
    case Pattern::kRegex:
      return "regex";
    case Pattern::kDate:
      return "date";
    case Pattern::kBruteforce:
      return "bruteforce";
  }
  return "bruteforce";
}

double js_log10(double x) {
  static const double kLn10 = js_log(10.0);
  return js_log(x) / kLn10;
}

double nck(double n, double k) {
  if (k > n) return 0;
  if (k == 0) return 1;
  double r = 1;
  for (double d = 1; d <= k; d += 1) {
    r *= n;
    r /= d;
    n -= 1;
  }
  return r;
}

double factorial(double n) {
  if (n < 2) return 1;
  double f = 1;
  for (double i = 2; i <= n; i += 1) f *= i;
  return f;
}

namespace {

constexpr int kMinYearSpace = 20;

double factorial_of(int l) {
  static const auto table = [] {
    std::array<double, 200> t{};
    for (std::size_t k = 0; k < t.size(); ++k) t[k] = factorial(static_cast<double>(k));
    return t;
  }();
  if (l < static_cast<int>(table.size())) return table[static_cast<std::size_t>(l)];
  return factorial(l);
}

double additive(int l) {
  static const auto table = [] {
    std::array<double, 200> t{};
    for (std::size_t k = 0; k < t.size(); ++k) {
      t[k] = js_pow(kMinGuessesBeforeGrowingSequence, static_cast<double>(k));
    }
    return t;
  }();
  int e = l - 1;
  if (e < static_cast<int>(table.size())) return table[static_cast<std::size_t>(e)];
  return js_pow(kMinGuessesBeforeGrowingSequence, e);
}

double uppercase_variations(std::u16string_view word) {
  bool has_upper = std::any_of(word.begin(), word.end(), is_upper);
  if (!has_upper) return 1;  // ALL_LOWER (or toLowerCase() === word)
  bool has_lower = std::any_of(word.begin(), word.end(), is_lower);
  const std::size_t n = word.size();
  // START_UPPER /^[A-Z][^A-Z]+$/, END_UPPER /^[^A-Z]+[A-Z]$/, ALL_UPPER /^[^a-z]+$/
  if (n >= 2 && is_upper(word[0]) && std::none_of(word.begin() + 1, word.end(), is_upper)) return 2;
  if (n >= 2 && is_upper(word[n - 1]) && std::none_of(word.begin(), word.end() - 1, is_upper)) {
    return 2;
  }
  if (!has_lower) return 2;
  double u = 0, l = 0;
  for (char16_t c : word) {
    if (is_upper(c)) u += 1;
    if (is_lower(c)) l += 1;
  }
  double variations = 0;
  for (double i = 1; i <= std::min(u, l); i += 1) variations += nck(u + l, i);
  return variations;
}

double l33t_variations(const Context& ctx, const RawMatch& m) {
  if (!m.l33t) return 1;
  double variations = 1;
  std::u16string lower = js_to_lower(
      ctx.password.substr(static_cast<std::size_t>(m.i), static_cast<std::size_t>(m.length())));
  for (std::uint32_t k = 0; k < m.sub_len; ++k) {
    const L33tPair& p = ctx.subs[m.sub_off + k];
    double s = 0, u = 0;
    for (char16_t c : lower) {
      if (c == p.l33t) s += 1;
      if (c == p.letter) u += 1;
    }
    if (s == 0 || u == 0) {
      variations *= 2;
    } else {
      double lim = std::min(u, s);
      double possibilities = 0;
      for (double i = 1; i <= lim; i += 1) possibilities += nck(u + s, i);
      variations *= possibilities;
    }
  }
  return variations;
}

double spatial_guesses(const RawMatch& m) {
  const bool keyboard = m.graph <= 1;
  const KeyboardGraph& basis = kGraphs[keyboard ? 0 : 2];  // qwerty / keypad, as in JS
  const double s = basis.starting_positions;
  const double d = basis.average_degree;
  double guesses = 0;
  const double len = m.length();
  const double t = m.turns;
  for (double i = 2; i <= len; i += 1) {
    double possible_turns = std::min(t, i - 1);
    for (double j = 1; j <= possible_turns; j += 1) {
      guesses += nck(i - 1, j - 1) * s * js_pow(d, j);
    }
  }
  if (m.shifted_count != 0) {
    double sc = m.shifted_count;
    double uc = len - sc;
    if (sc == 0 || uc == 0) {
      guesses *= 2;
    } else {
      double shifted_variations = 0;
      for (double i = 1; i <= std::min(sc, uc); i += 1) shifted_variations += nck(sc + uc, i);
      guesses *= shifted_variations;
    }
  }
  return guesses;
}

double sequence_guesses(const Context& ctx, const RawMatch& m) {
  char16_t first = ctx.password[static_cast<std::size_t>(m.i)];
  double base = 0;
  if (first == u'a' || first == u'A' || first == u'z' || first == u'Z' || first == u'0' ||
      first == u'1' || first == u'9') {
    base = 4;
  } else if (is_digit(first)) {
    base = 10;
  } else {
    base = 26;
  }
  if (!m.ascending) base *= 2;
  return base * m.length();
}

double estimate_guesses(Context& ctx, RawMatch& m, std::size_t password_len) {
  if (!std::isnan(m.guesses)) return m.guesses;
  double min_guesses = 1;
  const auto len = static_cast<std::size_t>(m.length());
  if (len < password_len) {
    min_guesses = len == 1 ? kMinSubmatchGuessesSingleChar : kMinSubmatchGuessesMultiChar;
  }
  double guesses = 0;
  switch (m.pattern) {
    case Pattern::kBruteforce:
      guesses = bruteforce_guesses(len);
      break;
    case Pattern::kDictionary: {
      m.base_guesses = m.rank;
      m.uppercase_variations =
          uppercase_variations(ctx.password.substr(static_cast<std::size_t>(m.i), len));
      m.l33t_variations = l33t_variations(ctx, m);
      double reversed_variations = m.reversed ? 2 : 1;
      guesses = m.base_guesses * m.uppercase_variations * m.l33t_variations * reversed_variations;
      break;
    }
    case Pattern::kSpatial:
      guesses = spatial_guesses(m);
      break;
    case Pattern::kRepeat: {
      const RepeatInfo& r = ctx.repeats[static_cast<std::size_t>(m.repeat_idx)];
      guesses = r.base_guesses * r.repeat_count;
      break;
    }
    case Pattern::kSequence:
      guesses = sequence_guesses(ctx, m);
      break;
    case Pattern::kRegex:
      guesses = std::max(std::abs(m.year - ctx.reference_year), kMinYearSpace);
      break;
    case Pattern::kDate: {
      guesses = std::max(std::abs(m.year - ctx.reference_year), kMinYearSpace) * 365.0;
      if (m.separator != 0) guesses *= 4;
      break;
    }
  }
  m.guesses = std::max(guesses, min_guesses);
  return m.guesses;
}

struct Entry {
  std::int32_t l;
  std::int32_t match;  // index into ctx.matches, or -1 - i for the bruteforce match [i, k]
  double g;
  double pi;
};

}  // namespace

double bruteforce_guesses(std::size_t token_len) {
  double guesses = js_pow(10.0, static_cast<double>(token_len));
  if (std::isinf(guesses)) guesses = std::numeric_limits<double>::max();
  double min_guesses =
      token_len == 1 ? kMinSubmatchGuessesSingleChar + 1 : kMinSubmatchGuessesMultiChar + 1;
  return std::max(guesses, min_guesses);
}

Analysis most_guessable_match_sequence(Context& ctx, bool exclude_additive) {
  const std::size_t n = ctx.password.size();
  Analysis result;
  if (n == 0) {
    result.guesses = 1;
    result.guesses_log10 = js_log10(1);
    return result;
  }
  std::vector<RawMatch>& matches = ctx.matches;
  // matches_by_j, each in order of i: JS sorts all matches by (i, j) and then each j's list by i,
  // both stable; that is a stable sort by (j, i) of the matchers' concatenated output. Two stable
  // counting sorts (by i, then by j), O(matches + n), in scratch kept by the thread (the scorer
  // does not recurse: repeat matching's nested analyses finish before this runs).
  thread_local std::vector<std::int32_t> order;
  thread_local std::vector<std::int32_t> by_i;
  thread_local std::vector<std::uint32_t> count;
  thread_local std::vector<Entry> entries;
  thread_local std::vector<std::size_t> begin;
  thread_local std::vector<double> bf_cache;
  struct NonBruteforce {
    std::int32_t l;
    double pi;
  };
  thread_local std::vector<NonBruteforce> non_bf;
  thread_local std::vector<std::size_t> nb_begin;
  const std::size_t m_count = matches.size();
  by_i.resize(m_count);
  order.resize(m_count);
  count.assign(n + 1, 0);
  for (const RawMatch& m : matches) ++count[static_cast<std::size_t>(m.i) + 1];
  for (std::size_t k = 1; k <= n; ++k) count[k] += count[k - 1];
  for (std::size_t k = 0; k < m_count; ++k) {
    by_i[count[static_cast<std::size_t>(matches[k].i)]++] = static_cast<std::int32_t>(k);
  }
  count.assign(n + 1, 0);
  for (const RawMatch& m : matches) ++count[static_cast<std::size_t>(m.j) + 1];
  for (std::size_t k = 1; k <= n; ++k) count[k] += count[k - 1];
  for (std::int32_t idx : by_i) {
    order[count[static_cast<std::size_t>(matches[static_cast<std::size_t>(idx)].j)]++] = idx;
  }

  entries.clear();
  begin.assign(n + 1, 0);
  non_bf.clear();
  nb_begin.assign(n + 1, 0);
  bf_cache.assign(n + 1, std::numeric_limits<double>::quiet_NaN());

  auto bf_guesses = [&](std::size_t len) {
    double& v = bf_cache[len];
    if (std::isnan(v)) {
      double g = bruteforce_guesses(len);
      double min_guesses = 1;
      if (len < n) {
        min_guesses = len == 1 ? kMinSubmatchGuessesSingleChar : kMinSubmatchGuessesMultiChar;
      }
      v = std::max(g, min_guesses);
    }
    return v;
  };

  // update(m, l) for the current k (entries of k are entries[begin[k]..]).
  auto update = [&](std::size_t k, std::int32_t match, double guesses, std::int32_t l,
                    double prev_pi) {
    double pi = guesses;
    if (l > 1) pi *= prev_pi;
    double g = factorial_of(l) * pi;
    if (!exclude_additive) g += additive(l);
    // JS visits every competing l and skips those > l; sorted by l, the scan stops there.
    std::size_t pos = entries.size();
    for (std::size_t e = begin[k]; e < entries.size(); ++e) {
      const Entry& c = entries[e];
      if (c.l > l) {
        pos = e;
        break;
      }
      if (c.g <= g) return;
      if (c.l == l) {
        entries[e] = {l, match, g, pi};
        return;
      }
    }
    entries.insert(entries.begin() + static_cast<std::ptrdiff_t>(pos), Entry{l, match, g, pi});
  };

  std::size_t next = 0;
  for (std::size_t k = 0; k < n; ++k) {
    begin[k] = entries.size();
    for (; next < order.size() &&
           matches[static_cast<std::size_t>(order[next])].j == static_cast<std::int32_t>(k);
         ++next) {
      std::int32_t idx = order[next];
      RawMatch& m = matches[static_cast<std::size_t>(idx)];
      double guesses = estimate_guesses(ctx, m, n);
      if (m.i > 0) {
        auto prev = static_cast<std::size_t>(m.i - 1);
        for (std::size_t e = begin[prev]; e < begin[prev + 1]; ++e) {
          Entry pe = entries[e];  // copy: update may insert
          update(k, idx, guesses, pe.l + 1, pe.pi);
        }
      } else {
        update(k, idx, guesses, 1, 1);
      }
    }
    // bruteforce_update(k)
    update(k, -1, bf_guesses(k + 1), 1, 1);
    for (std::size_t i = 1; i <= k; ++i) {
      for (std::size_t e = nb_begin[i - 1]; e < nb_begin[i]; ++e) {
        const NonBruteforce pe = non_bf[e];
        update(k, -1 - static_cast<std::int32_t>(i), bf_guesses(k - i + 1), pe.l + 1, pe.pi);
      }
    }
    begin[k + 1] = entries.size();
    // The entries of k not ending in a bruteforce match, the only ones later bruteforce runs
    // extend (final now: nothing updates k any more).
    for (std::size_t e = begin[k]; e < begin[k + 1]; ++e) {
      if (entries[e].match >= 0) non_bf.push_back({entries[e].l, entries[e].pi});
    }
    nb_begin[k + 1] = non_bf.size();
  }

  // unwind
  std::size_t k = n - 1;
  std::int32_t l = -1;
  double g = std::numeric_limits<double>::infinity();
  double pi = 1;
  for (std::size_t e = begin[k]; e < begin[k + 1]; ++e) {
    if (entries[e].g < g) {
      g = entries[e].g;
      l = entries[e].l;
      pi = entries[e].pi;
    }
  }
  std::vector<RawMatch> seq;
  std::int64_t kk = static_cast<std::int64_t>(k);
  std::int32_t ll = l;
  while (kk >= 0) {
    const Entry* found = nullptr;
    for (std::size_t e = begin[static_cast<std::size_t>(kk)];
         e < begin[static_cast<std::size_t>(kk) + 1]; ++e) {
      if (entries[e].l == ll) found = &entries[e];
    }
    if (found == nullptr) break;  // not reached: every stored entry has its predecessor
    RawMatch m;
    if (found->match >= 0) {
      m = matches[static_cast<std::size_t>(found->match)];
    } else {
      m.pattern = Pattern::kBruteforce;
      m.i = -1 - found->match;
      m.j = static_cast<std::int32_t>(kk);
      estimate_guesses(ctx, m, n);
    }
    seq.push_back(m);
    kk = m.i - 1;
    --ll;
  }
  std::reverse(seq.begin(), seq.end());
  result.guesses = g;
  result.guesses_log10 = js_log10(g);
  result.pi = pi;
  result.sequence.reserve(seq.size());
  for (const RawMatch& m : seq) result.sequence.push_back(to_public(ctx, m));
  return result;
}

Match to_public(const Context& ctx, const RawMatch& m) {
  Match out;
  out.pattern = pattern_name(m.pattern);
  out.i = static_cast<std::size_t>(m.i);
  out.j = static_cast<std::size_t>(m.j);
  std::u16string_view token =
      ctx.password.substr(static_cast<std::size_t>(m.i), static_cast<std::size_t>(m.length()));
  out.token = utf16_to_utf8(token);
  out.guesses = m.guesses;
  out.guesses_log10 = js_log10(m.guesses);  // JS computes it for every match; only these show
  switch (m.pattern) {
    case Pattern::kDictionary: {
      out.dictionary_name = kDictNames[m.dict];
      std::u16string_view word(ctx.pool.data() + m.word_off, m.word_len);
      out.matched_word = utf16_to_utf8(word);  // as found (in the reversed password)
      out.rank = m.rank;
      out.reversed = m.reversed;
      out.l33t = m.l33t;
      for (std::uint32_t k = 0; k < m.sub_len; ++k) {
        const L33tPair& p = ctx.subs[m.sub_off + k];
        out.sub.emplace_back(utf16_to_utf8(std::u16string_view(&p.l33t, 1)),
                             utf16_to_utf8(std::u16string_view(&p.letter, 1)));
      }
      out.base_guesses = m.base_guesses;
      out.uppercase_variations = m.uppercase_variations;
      out.l33t_variations = m.l33t_variations;
      break;
    }
    case Pattern::kSpatial:
      out.graph = kGraphs[m.graph].name;
      out.turns = m.turns;
      out.shifted_count = m.shifted_count;
      break;
    case Pattern::kRepeat: {
      const RepeatInfo& r = ctx.repeats[static_cast<std::size_t>(m.repeat_idx)];
      out.base_token = utf16_to_utf8(ctx.password.substr(static_cast<std::size_t>(r.base_off),
                                                         static_cast<std::size_t>(r.base_len)));
      out.base_guesses = r.base_guesses;
      out.repeat_count = r.repeat_count;
      out.base_matches = r.base_matches;
      break;
    }
    case Pattern::kSequence: {
      static constexpr const char* kNames[] = {"lower", "upper", "digits", "unicode"};
      out.sequence_name = kNames[m.sequence_name];
      out.sequence_space = m.sequence_space;
      out.ascending = m.ascending;
      break;
    }
    case Pattern::kRegex:
      out.regex_name = "recent_year";
      break;
    case Pattern::kDate:
      out.year = m.year;
      out.month = m.month;
      out.day = m.day;
      if (m.separator != 0) out.separator = utf16_to_utf8(std::u16string_view(&m.separator, 1));
      break;
    case Pattern::kBruteforce:
      break;
  }
  return out;
}

Analysis analyze(std::u16string_view password, const UserDict* user, int reference_year) {
  Context ctx;
  ctx.reset(password, user, reference_year);
  omnimatch(ctx);
  return most_guessable_match_sequence(ctx);
}

}  // namespace sw::password::zxcvbn
