// SPDX-License-Identifier: Apache-2.0
// The secret-scanning engine (secrets/engine.h): one Hyperscan pass, then gitleaks' semantics with
// RE2 only around Hyperscan's hits. The steps follow ../shared/data/secrets/README.md, "How
// gitleaks applies a rule" (read from gitleaks' detect/detect.go, detect/location.go and
// detect/utils.go; described there, re-implemented here):
//   1. global allowlist commits/paths skip the fragment;
//   2. keyword gate: a rule with keywords runs only if one occurs in the fragment
//      (case-insensitively: gitleaks lower-cases fragment and keywords);
//   3. the rule's allowlist commits/paths and its `path` regex;
//   4. FindAll, leftmost-first, non-overlapping; each match trimmed of '\n';
//   5. `gitleaks:allow` (or our `shieldwall:allow`) on the match's line(s) drops it;
//   6. the secret: group secretGroup, else the first non-empty group, else the whole match, from
//      re-running the regex on the trimmed match alone (as gitleaks' FindStringSubmatch does);
//   7. entropy <= the rule's threshold drops it (a threshold of 0 means none);
//   8. global, then the rule's allowlists;
//   9. a finding of a rule whose id holds "generic" is dropped when another, non-generic rule's
//      finding on the same line (and commit) has a secret containing it.
// Path-only rules (no regex) report "file detected: PATH", as gitleaks reports pkcs12-file.
//
// Where this knowingly differs from gitleaks (all cosmetic or gitleaks bugs):
//   - columns are the byte column in the line on every line (gitleaks counts the preceding '\n'
//     as column 1 on lines after the first) and the reported line has no leading '\n';
//   - a match on a last line without a trailing newline has that line as its line (gitleaks
//     takes the fragment from its start, so a `gitleaks:allow` anywhere above drops it);
//   - a match trimmed of leading '\n' is located where its trimmed text is;
//   - keywords holding non-ASCII letters are matched with ASCII-only case folding.
//
// Speed: Hyperscan finds where each rule's regex (translated to a byte-mode superset,
// engine/hs_translate.h) can end and which keywords occur, in one pass holding every keyword and
// the regexes of rules with keywords common in code, plus a second pass over the other rules'
// regexes only when one of their keywords occurred (a shut gate needs no regex hits); only rules
// with both a regex hit and an open keyword gate reach RE2, and RE2 searches only windows that must
// hold every match: up to the pattern's maximum width before each hit, or a bounded number of lines
// before it when the width is unbounded (engine/find_all.h explains why the result equals FindAll
// over everything).
#include "secrets/engine.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include <fmt/format.h>
#include <hs/hs.h>
#include <re2/re2.h>

#include "secrets/engine/aho_corasick.h"
#include "secrets/engine/allowlist.h"
#include "secrets/engine/contains.h"
#include "secrets/engine/find_all.h"
#include "secrets/engine/hs_cache.h"
#include "secrets/engine/hs_translate.h"
#include "secrets/engine/utf8.h"
#include "secrets/entropy.h"
#include "secrets/validators.h"

namespace sw::secrets {
namespace {

using engine::CompiledAllowlist;
using engine::FindingView;
using engine::GoText;
using engine::Span;
using engine::Window;

constexpr std::string_view kGitleaksAllow = "gitleaks:allow";
constexpr std::string_view kShieldwallAllow = "shieldwall:allow";
// Hyperscan windows wider than this use the line bound when one exists (fewer bytes for RE2).
constexpr unsigned kWideWindow = 4096;
// Bytes of a long line kept on each side of a match in SecretMatch::line.
constexpr size_t kLineContext = 1024;

struct HsDatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct HsScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};
struct HsCompileErrorDeleter {
  void operator()(hs_compile_error_t* e) const { hs_free_compile_error(e); }
};
using HsDatabase = std::unique_ptr<hs_database_t, HsDatabaseDeleter>;
using HsScratch = std::unique_ptr<hs_scratch_t, HsScratchDeleter>;
using HsCompileError = std::unique_ptr<hs_compile_error_t, HsCompileErrorDeleter>;

enum class WindowKind {
  kBounded,  // [end - max_width, end]
  kLines,    // from the start of the line max_newlines lines before the end's line
  kWhole,    // from the start of the fragment
};

struct CompiledRule {
  size_t index = 0;  // in RuleSet::rules
  std::unique_ptr<RE2> regex;
  std::unique_ptr<RE2> path;
  std::vector<const CompiledAllowlist*> allowlists;  // the rule's own, then targeted globals
  std::vector<uint32_t> keywords;                    // ids into Impl::keywords
  bool gate_always = false;                          // no keywords (or an empty one)
  const Validator* validator = nullptr;
  bool prefiltered = false;  // Hyperscan sees this rule's regex
  bool common = true;        // in the first Hyperscan pass (else in the second, see below)
  WindowKind window = WindowKind::kWhole;
  size_t max_width = 0;
  int max_newlines = -1;
  bool generic = false;
  int groups = 0;
};

// "gitleaks.toml:1234" -> ("gitleaks.toml", 1234); otherwise (origin, 0).
std::pair<std::string, int> split_origin(const std::string& origin) {
  const size_t colon = origin.rfind(':');
  if (colon == std::string::npos || colon + 1 == origin.size()) return {origin, 0};
  int line = 0;
  for (size_t i = colon + 1; i < origin.size(); ++i) {
    if (origin[i] < '0' || origin[i] > '9' || line > 100000000) return {origin, 0};
    line = line * 10 + (origin[i] - '0');
  }
  return {origin.substr(0, colon), line};
}

std::string hex_literal(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 4);
  for (unsigned char c : bytes) out += fmt::format("\\x{:02x}", c);
  return out;
}

bool contains_generic(std::string_view id) {
  return engine::go_lower_for_ascii(id).find("generic") != std::string::npos;
}

}  // namespace

namespace {

// What a compiled Scanner holds (Scanner::Impl is this; workers see it read-only).
struct EngineState {
  RuleSet rules;
  std::vector<CompiledRule> compiled;
  std::vector<std::unique_ptr<CompiledAllowlist>> allowlist_store;
  std::vector<const CompiledAllowlist*> global;  // untargeted global allowlists
  std::vector<std::string> keywords;             // distinct, lower-cased
  // Two Hyperscan passes: `db` holds every keyword, the detectors below and the regexes of rules
  // whose keywords are common in source code; `rare_db` the other rules' regexes, scanned only
  // when one of their keywords occurred (a rule whose gate is shut needs no regex hits). Results
  // do not depend on the split, only speed.
  HsDatabase db;
  HsDatabase rare_db;
  std::vector<std::vector<uint32_t>> keyword_rare_rules;  // per keyword: the rare_db rules it gates
  unsigned keyword_base = 0;  // Hyperscan ids: rules [0, n), keywords, then the three below
  unsigned fold_id = 0;       // U+212A or U+017F: (?i) regexes may match them as k / s
  unsigned fold_id2 = 0;
  unsigned lower_id = 0;  // U+0130: Go lower-cases it to 'i' (U+212A to 'k': fold_id)
  // Rules RE2 must consider even without a Hyperscan hit: path-only rules and rules Hyperscan
  // could not take.
  std::vector<uint32_t> unprefiltered;
  std::unique_ptr<engine::AhoCorasick> keyword_automaton;  // reference workers only
};

}  // namespace

struct Scanner::Impl : EngineState {};

namespace {

// Where a match was found and what its rule says of it: the same for every kind of match.
void copy_context(const Fragment& fragment, const Rule& r, SecretMatch& m) {
  m.path = fragment.path;
  m.commit = fragment.commit;
  m.author = fragment.author;
  m.email = fragment.email;
  m.date = fragment.date;
  m.message = fragment.message;
  m.tags = r.tags;
  m.severity = r.severity;
}

class Worker final : public FragmentScanner {
 public:
  Worker(const EngineState& impl, HsScratch scratch, bool reference)
      : impl_(impl),
        scratch_(std::move(scratch)),
        reference_(reference),
        hits_(impl.compiled.size()),
        keyword_seen_(impl.keywords.size(), 0) {}

  Result<void> scan(const Fragment& fragment, std::vector<SecretMatch>& out) override;

 private:
  struct RuleHits {
    std::vector<Window> windows;  // original offsets, sorted by begin unless `unsorted`
    bool touched = false;
    bool unsorted = false;
  };
  struct Found {
    size_t rule = 0;
    size_t offset = 0;
    SecretMatch match;
  };

  static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                      void* ctx);
  void on_rule_hit(unsigned rule, size_t end);
  void reset();
  const std::vector<size_t>& newlines();
  size_t line_index(size_t offset);  // 0-based line of a byte offset
  size_t line_begin(size_t line);
  size_t line_end_from(size_t offset);
  bool gate_open(const CompiledRule& rule) const;
  bool fragment_allowed(const CompiledRule& rule, const Fragment& fragment) const;
  void run_rule(uint32_t id, const Fragment& fragment);
  void consider(uint32_t id, const Fragment& fragment);
  void deduplicate_generic();
  void add_path_finding(const CompiledRule& rule, const Fragment& fragment);
  void process_match(const CompiledRule& rule, const Fragment& fragment, Span span);
  int file_line(const Fragment& fragment, size_t line) const;

  const EngineState& impl_;
  HsScratch scratch_;
  bool reference_ = false;  // gitleaks' design: no Hyperscan
  std::vector<RuleHits> hits_;
  std::vector<uint32_t> touched_;
  std::vector<uint8_t> keyword_seen_;
  std::vector<uint32_t> keywords_touched_;
  bool exotic_fold_ = false;
  bool exotic_lower_ = false;
  std::string_view text_;
  std::vector<size_t> newlines_;
  bool newlines_ready_ = false;
  GoText go_;
  bool go_ready_ = false;
  GoText go_path_;
  std::vector<Window> windows_;
  std::vector<Span> spans_;
  std::vector<re2::StringPiece> groups_;
  std::vector<Found> found_;
  // The line (byte range) of the last match and what is known about it, so that many matches on
  // one long line do not search it again and again.
  size_t memo_first_ = SIZE_MAX;
  size_t memo_last_ = SIZE_MAX;
  bool memo_inline_allow_ = false;
  std::vector<int8_t> line_memo_;
};

int Worker::on_match(unsigned id, unsigned long long /*from*/, unsigned long long to,
                     unsigned /*flags*/, void* ctx) {
  auto* self = static_cast<Worker*>(ctx);
  const EngineState& impl = self->impl_;
  if (id < impl.keyword_base) {
    self->on_rule_hit(id, static_cast<size_t>(to));
  } else if (id < impl.fold_id) {
    const unsigned k = id - impl.keyword_base;
    if (!self->keyword_seen_[k]) {
      self->keyword_seen_[k] = 1;
      self->keywords_touched_.push_back(k);
    }
  } else if (id == impl.fold_id) {
    self->exotic_fold_ = true;
    self->exotic_lower_ = true;  // U+212A is both
  } else if (id == impl.fold_id2) {
    self->exotic_fold_ = true;
  } else if (id == impl.lower_id) {
    self->exotic_lower_ = true;
  }
  return 0;  // keep scanning
}

void Worker::on_rule_hit(unsigned rule_id, size_t end) {
  const CompiledRule& rule = impl_.compiled[rule_id];
  RuleHits& h = hits_[rule_id];
  if (!h.touched) {
    h.touched = true;
    touched_.push_back(rule_id);
  }
  size_t begin = 0;
  switch (rule.window) {
    case WindowKind::kBounded:
      begin = end > rule.max_width ? end - rule.max_width : 0;
      break;
    case WindowKind::kLines: {
      const auto& nl = newlines();
      const auto before =
          static_cast<size_t>(std::lower_bound(nl.begin(), nl.end(), end) - nl.begin());
      const auto lines = static_cast<size_t>(rule.max_newlines);
      begin = before <= lines ? 0 : nl[before - lines - 1] + 1;
      if (rule.max_width > 0 && end > rule.max_width) begin = std::max(begin, end - rule.max_width);
      break;
    }
    case WindowKind::kWhole:
      begin = 0;
      break;
  }
  if (!h.windows.empty()) {
    Window& last = h.windows.back();
    if (begin >= last.begin && begin <= last.end) {
      last.end = std::max(last.end, end);
      return;
    }
    if (begin < last.begin) h.unsorted = true;
  }
  h.windows.push_back(Window{begin, end});
}

void Worker::reset() {
  for (uint32_t r : touched_) {
    hits_[r].windows.clear();
    hits_[r].touched = false;
    hits_[r].unsorted = false;
  }
  touched_.clear();
  for (uint32_t k : keywords_touched_) keyword_seen_[k] = 0;
  keywords_touched_.clear();
  exotic_fold_ = false;
  exotic_lower_ = false;
  newlines_.clear();
  newlines_ready_ = false;
  go_ready_ = false;
  found_.clear();
  memo_first_ = SIZE_MAX;
  memo_last_ = SIZE_MAX;
}

const std::vector<size_t>& Worker::newlines() {
  if (!newlines_ready_) {
    newlines_ready_ = true;
    const char* base = text_.data();
    const char* p = base;
    const char* end = base + text_.size();
    while (p < end) {
      const void* hit = std::memchr(p, '\n', static_cast<size_t>(end - p));
      if (hit == nullptr) break;
      const char* nl = static_cast<const char*>(hit);
      newlines_.push_back(static_cast<size_t>(nl - base));
      p = nl + 1;
    }
  }
  return newlines_;
}

size_t Worker::line_index(size_t offset) {
  const auto& nl = newlines();
  return static_cast<size_t>(std::lower_bound(nl.begin(), nl.end(), offset) - nl.begin());
}

size_t Worker::line_begin(size_t line) { return line == 0 ? 0 : newlines()[line - 1] + 1; }

size_t Worker::line_end_from(size_t offset) {
  const auto& nl = newlines();
  auto it = std::lower_bound(nl.begin(), nl.end(), offset);
  return it == nl.end() ? text_.size() : *it;
}

int Worker::file_line(const Fragment& fragment, size_t line) const {
  if (fragment.line_numbers.empty()) return static_cast<int>(line + 1);
  if (line < fragment.line_numbers.size()) return fragment.line_numbers[line];
  return fragment.line_numbers.back() + static_cast<int>(line - fragment.line_numbers.size() + 1);
}

bool Worker::gate_open(const CompiledRule& rule) const {
  if (rule.gate_always) return true;
  for (uint32_t k : rule.keywords) {
    if (keyword_seen_[k]) return true;
  }
  return false;
}

bool Worker::fragment_allowed(const CompiledRule& rule, const Fragment& fragment) const {
  for (const CompiledAllowlist* a : rule.allowlists) {
    if (a->allows_fragment(fragment.path, fragment.commit)) return true;
  }
  return false;
}

void Worker::add_path_finding(const CompiledRule& rule, const Fragment& fragment) {
  const Rule& r = impl_.rules.rules[rule.index];
  Found f;
  f.rule = rule.index;
  f.offset = 0;
  SecretMatch& m = f.match;
  m.rule_id = r.id;
  m.description = r.description;
  m.match = "file detected: " + fragment.path;
  copy_context(fragment, r, m);
  found_.push_back(std::move(f));
}

void Worker::run_rule(uint32_t id, const Fragment& fragment) {
  const CompiledRule& rule = impl_.compiled[id];
  if (!go_ready_) {
    go_.assign(text_);
    go_ready_ = true;
  }
  const std::string_view text = go_.text();
  windows_.clear();
  RuleHits& h = hits_[id];
  if (reference_ || !rule.prefiltered || exotic_fold_ || h.windows.empty()) {
    windows_.push_back(Window{0, text.size()});
  } else {
    if (h.unsorted) {
      std::sort(h.windows.begin(), h.windows.end(),
                [](const Window& a, const Window& b) { return a.begin < b.begin; });
    }
    for (const Window& w : h.windows) {
      const Window mapped{go_.to_copy(w.begin), go_.to_copy(w.end)};
      if (!windows_.empty() && mapped.begin <= windows_.back().end) {
        windows_.back().end = std::max(windows_.back().end, mapped.end);
      } else {
        windows_.push_back(mapped);
      }
    }
  }
  spans_.clear();
  engine::go_find_all(*rule.regex, text, windows_, spans_);
  for (const Span& span : spans_) process_match(rule, fragment, span);
}

void Worker::process_match(const CompiledRule& rule, const Fragment& fragment, Span span) {
  const Rule& r = impl_.rules.rules[rule.index];
  const std::string_view text = go_.text();
  // Step 4: trim '\n' on both sides.
  size_t b = span.begin;
  size_t e = span.end;
  while (b < e && text[b] == '\n') ++b;
  while (e > b && text[e - 1] == '\n') --e;
  const size_t ob = go_.to_original(b);
  const size_t oe = go_.to_original(e);

  // Location (original bytes). The line(s): from the start of the first line of the match to the
  // end of its last.
  const size_t start_line = line_index(ob);
  const size_t end_line = oe > ob ? line_index(oe - 1) : start_line;
  const size_t first_byte = line_begin(start_line);
  const size_t last_byte = line_end_from(oe > ob ? oe - 1 : ob);
  const std::string_view line = text_.substr(first_byte, last_byte - first_byte);
  if (first_byte != memo_first_ || last_byte != memo_last_) {
    memo_first_ = first_byte;
    memo_last_ = last_byte;
    memo_inline_allow_ = line.find(kGitleaksAllow) != std::string_view::npos ||
                         line.find(kShieldwallAllow) != std::string_view::npos;
    line_memo_.assign(impl_.allowlist_store.size(), -1);
  }
  // Step 5: inline allow.
  if (memo_inline_allow_) return;

  // Step 6: the secret, from the regex re-run on the trimmed match alone.
  const std::string_view match_go = text.substr(b, e - b);
  std::string_view secret_go = match_go;
  groups_.assign(static_cast<size_t>(rule.groups) + 1, re2::StringPiece());
  if (rule.groups >= 1 &&
      rule.regex->Match(re2::StringPiece(match_go.data(), match_go.size()), 0, match_go.size(),
                        RE2::UNANCHORED, groups_.data(), rule.groups + 1)) {
    if (r.secret_group > 0) {
      const re2::StringPiece g = groups_[static_cast<size_t>(r.secret_group)];
      secret_go = g.data() == nullptr ? std::string_view(match_go.data(), 0)
                                      : std::string_view(g.data(), g.size());
    } else {
      for (int k = 1; k <= rule.groups; ++k) {
        const re2::StringPiece g = groups_[static_cast<size_t>(k)];
        if (!g.empty()) {
          secret_go = std::string_view(g.data(), g.size());
          break;
        }
      }
    }
  }
  const auto secret_begin = static_cast<size_t>(secret_go.data() - text.data());
  const size_t osb = go_.to_original(secret_begin);
  const size_t ose = go_.to_original(secret_begin + secret_go.size());
  const std::string_view secret = text_.substr(osb, ose - osb);

  // Step 7: entropy.
  const double entropy = shannon_entropy(secret);
  if (r.entropy && *r.entropy != 0.0 && entropy <= *r.entropy) return;

  // Step 8: global, then the rule's allowlists.
  const size_t line_go_begin = go_.to_copy(first_byte);
  const std::string_view line_go =
      text.substr(line_go_begin, go_.to_copy(last_byte) - line_go_begin);
  const FindingView view{secret_go,       match_go,        line_go,
                         go_path_.text(), fragment.commit, line_memo_.data()};
  for (const CompiledAllowlist* a : impl_.global) {
    if (a->allows_finding(view)) return;
  }
  for (const CompiledAllowlist* a : rule.allowlists) {
    if (a->allows_finding(view)) return;
  }

  Found f;
  f.rule = rule.index;
  f.offset = ob;
  SecretMatch& m = f.match;
  m.rule_id = r.id;
  m.description = r.description;
  m.secret = std::string(secret);
  m.match = std::string(text_.substr(ob, oe - ob));
  // The reported line: the match's line(s), cut to kLineContext bytes either side of the match
  // (a minified file is one long line; every finding on it would carry all of it).
  const size_t keep_first = ob - first_byte > kLineContext ? ob - kLineContext : first_byte;
  const size_t keep_last = last_byte - oe > kLineContext ? oe + kLineContext : last_byte;
  m.line = std::string(text_.substr(keep_first, keep_last - keep_first));
  m.start_line = file_line(fragment, start_line);
  m.end_line = file_line(fragment, end_line);
  m.start_column = static_cast<int>(ob - first_byte + 1);
  m.end_column = static_cast<int>(oe - line_begin(end_line));
  m.entropy = entropy;
  copy_context(fragment, r, m);
  if (rule.validator != nullptr) {
    switch (rule.validator->check(secret)) {
      case Validity::kValid:
        m.validation = "valid";
        break;
      case Validity::kInvalid:
        m.validation = "invalid";
        break;
      case Validity::kUnknown:
        break;
    }
  }
  found_.push_back(std::move(f));
}

void Worker::consider(uint32_t id, const Fragment& fragment) {
  const CompiledRule& rule = impl_.compiled[id];
  if (!gate_open(rule)) return;
  if (fragment_allowed(rule, fragment)) return;
  if (rule.path && !RE2::PartialMatch(go_path_.text(), *rule.path)) return;
  if (!rule.regex) {
    if (rule.path) add_path_finding(rule, fragment);
    return;
  }
  run_rule(id, fragment);
}

void Worker::deduplicate_generic() {
  if (found_.size() < 2) return;
  bool any_generic = false;
  for (const Found& f : found_) any_generic = any_generic || contains_generic(f.match.rule_id);
  if (!any_generic) return;
  // Group by start line; compare within a line only.
  std::vector<size_t> order(found_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return found_[a].match.start_line < found_[b].match.start_line;
  });
  std::vector<uint8_t> drop(found_.size(), 0);
  std::vector<uint8_t> generic(found_.size(), 0);
  for (size_t i = 0; i < found_.size(); ++i) generic[i] = contains_generic(found_[i].match.rule_id);
  size_t group = 0;
  while (group < order.size()) {
    size_t group_end = group + 1;
    while (group_end < order.size() &&
           found_[order[group_end]].match.start_line == found_[order[group]].match.start_line) {
      ++group_end;
    }
    // Within one fragment every finding has the same commit, and a generic finding and a
    // non-generic one never share a rule id.
    std::vector<std::string_view> needles;
    std::vector<size_t> needle_index;
    std::vector<std::string_view> haystacks;
    for (size_t i = group; i < group_end; ++i) {
      const size_t fi = order[i];
      if (generic[fi]) {
        needles.push_back(found_[fi].match.secret);
        needle_index.push_back(fi);
      } else {
        haystacks.push_back(found_[fi].match.secret);
      }
    }
    if (!needles.empty() && !haystacks.empty()) {
      const std::vector<uint8_t> contained = engine::occurs_in_any(needles, haystacks);
      for (size_t k = 0; k < needles.size(); ++k) drop[needle_index[k]] = contained[k];
    }
    group = group_end;
  }
  size_t keep = 0;
  for (size_t i = 0; i < found_.size(); ++i) {
    if (!drop[i]) {
      if (keep != i) found_[keep] = std::move(found_[i]);
      ++keep;
    }
  }
  found_.resize(keep);
}

Result<void> Worker::scan(const Fragment& fragment, std::vector<SecretMatch>& out) {
  reset();
  text_ = fragment.text;
  go_path_.assign(fragment.path);
  // Step 1: global allowlist commits and paths.
  for (const CompiledAllowlist* a : impl_.global) {
    if (a->allows_fragment(go_path_.text(), fragment.commit)) return {};
  }
  if (text_.size() > std::numeric_limits<unsigned int>::max()) {
    return fail(Errc::kUnsupported, "too large to scan in one piece (4 GiB or more)",
                fragment.path);
  }
  if (reference_) {
    // gitleaks: lower-case the fragment, find keywords with Aho-Corasick, then run every gated
    // rule over the whole fragment.
    const std::string lowered = engine::go_lower_for_ascii(text_);
    impl_.keyword_automaton->scan(lowered, [this](uint32_t k) {
      if (!keyword_seen_[k]) {
        keyword_seen_[k] = 1;
        keywords_touched_.push_back(k);
      }
    });
    for (uint32_t id = 0; id < impl_.compiled.size(); ++id) consider(id, fragment);
  } else {
    static constexpr char kEmpty[1] = {0};
    const hs_error_t rc = hs_scan(impl_.db.get(), text_.empty() ? kEmpty : text_.data(),
                                  static_cast<unsigned int>(text_.size()), 0, scratch_.get(),
                                  &Worker::on_match, this);
    if (rc != HS_SUCCESS) {
      return fail(Errc::kInternal, fmt::format("Hyperscan scan failed (error {})", rc),
                  fragment.path);
    }
    // The second pass only if a rule in it may run here: its gate is open and its path fits.
    bool rare_open = exotic_lower_;
    for (size_t i = 0; i < keywords_touched_.size() && !rare_open; ++i) {
      for (uint32_t id : impl_.keyword_rare_rules[keywords_touched_[i]]) {
        const CompiledRule& r = impl_.compiled[id];
        if (!r.path || RE2::PartialMatch(go_path_.text(), *r.path)) {
          rare_open = true;
          break;
        }
      }
    }
    if (rare_open && impl_.rare_db && !exotic_fold_) {
      const hs_error_t rc2 = hs_scan(impl_.rare_db.get(), text_.empty() ? kEmpty : text_.data(),
                                     static_cast<unsigned int>(text_.size()), 0, scratch_.get(),
                                     &Worker::on_match, this);
      if (rc2 != HS_SUCCESS) {
        return fail(Errc::kInternal, fmt::format("Hyperscan scan failed (error {})", rc2),
                    fragment.path);
      }
    }
    if (exotic_lower_) {
      // U+212A / U+0130 lower-case to ASCII in Go: gate as gitleaks does, on the lowered text.
      const std::string lowered = engine::go_lower_for_ascii(text_);
      for (uint32_t k = 0; k < impl_.keywords.size(); ++k) {
        if (!keyword_seen_[k] && lowered.find(impl_.keywords[k]) != std::string::npos) {
          keyword_seen_[k] = 1;
          keywords_touched_.push_back(k);
        }
      }
    }
    if (exotic_fold_) {
      for (uint32_t id = 0; id < impl_.compiled.size(); ++id) consider(id, fragment);
    } else {
      // Rules with a Hyperscan hit, then those Hyperscan cannot prefilter (disjoint sets).
      for (size_t i = 0; i < touched_.size(); ++i) consider(touched_[i], fragment);
      for (uint32_t id : impl_.unprefiltered) consider(id, fragment);
    }
  }
  // Step 9.
  deduplicate_generic();
  std::stable_sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.rule < b.rule;
  });
  for (Found& f : found_) out.push_back(std::move(f.match));
  found_.clear();
  return {};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Compilation.

Scanner::Scanner() : impl_(std::make_unique<Impl>()) {}
Scanner::~Scanner() = default;

const RuleSet& Scanner::rules() const { return impl_->rules; }

bool Scanner::path_allowed(std::string_view path) const {
  GoText go;
  go.assign(path);
  for (const CompiledAllowlist* a : impl_->global) {
    if (a->allows_path_alone(go.text())) return true;
  }
  return false;
}

Result<std::unique_ptr<FragmentScanner>> Scanner::make_worker() const {
  hs_scratch_t* raw = nullptr;
  if (hs_alloc_scratch(impl_->db.get(), &raw) != HS_SUCCESS ||
      (impl_->rare_db && hs_alloc_scratch(impl_->rare_db.get(), &raw) != HS_SUCCESS)) {
    hs_free_scratch(raw);
    return fail(Errc::kInternal, "cannot allocate Hyperscan scratch space");
  }
  return std::unique_ptr<FragmentScanner>(
      std::make_unique<Worker>(*impl_, HsScratch(raw), /*reference=*/false));
}

Result<std::unique_ptr<FragmentScanner>> Scanner::make_reference_worker() const {
  return std::unique_ptr<FragmentScanner>(
      std::make_unique<Worker>(*impl_, HsScratch(), /*reference=*/true));
}

namespace {

struct HsPattern {
  std::string expression;
  unsigned flags = 0;
  uint32_t compiled_rule = 0;  // for rule patterns
};

// Fills in the rule's window from Hyperscan's view of its pattern; false if Hyperscan rejects it.
bool describe(CompiledRule& rule, const std::string& expression, unsigned flags) {
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_expression_info(expression.c_str(), flags, &info, &err) != HS_SUCCESS) {
    hs_free_compile_error(err);
    return false;
  }
  const unsigned max_width = info->max_width;
  std::free(info);  // NOLINT: Hyperscan allocates it with malloc
  const bool bounded = max_width != UINT_MAX && (flags & HS_FLAG_PREFILTER) == 0;
  rule.max_width = bounded ? max_width : 0;
  if (bounded && (max_width <= kWideWindow || rule.max_newlines < 0)) {
    rule.window = WindowKind::kBounded;
  } else if (rule.max_newlines >= 0) {
    rule.window = WindowKind::kLines;
  } else {
    rule.window = WindowKind::kWhole;
  }
  return true;
}

// Keywords that occur in a large share of source files: each opened its rules' gate for 5% or
// more of the bytes of the Linux 6.1 source tree or of /usr/include (measured with gitleaks'
// rules), plus any of at most three characters. Rules with such a keyword (or none) go to the first
// Hyperscan pass.
bool common_keyword(std::string_view kw) {
  static constexpr std::string_view kCommon[] = {
      "access", "auth",  "token",   "secret", "password", "passwd", "credential",
      "creds",  "test_", "live_",   "linear", "intra",    "cohere", "ext_",
      "ops_",   "fo1_",  "private", "client", "_pub",     "etsy"};
  if (kw.size() <= 3) return true;
  for (std::string_view c : kCommon) {
    if (kw == c) return true;
  }
  return false;
}

// Compiles one block-mode database of `rules` (their regexes) and `extras` (literals). A rule
// pattern Hyperscan rejects (too large) is retried in prefilter mode, then left to RE2 alone.
// With a cache directory, a database compiled before from the same patterns is read from disk
// instead (engine/hs_cache.h), and a newly compiled one is written there.
Result<HsDatabase> compile_database(std::vector<HsPattern>& rules,
                                    const std::vector<HsPattern>& extras,
                                    std::vector<CompiledRule>& compiled,
                                    const std::string& cache_dir) {
  std::string key;
  if (!cache_dir.empty() && !(rules.empty() && extras.empty())) {
    std::vector<std::string_view> exprs;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (const std::vector<HsPattern>* list : {&std::as_const(rules), &extras}) {
      for (const HsPattern& p : *list) {
        exprs.emplace_back(p.expression);
        flags.push_back(p.flags);
        ids.push_back(p.compiled_rule);
      }
    }
    key = engine::hs_cache_key(exprs, flags, ids, HS_MODE_BLOCK);
    if (auto cached = engine::hs_cache_load(cache_dir, key)) {
      // Steps must fit the patterns as they stand at each step, or the entry is not ours.
      bool fits = true;
      size_t n = rules.size();
      for (const engine::HsCacheStep& step : cached->steps) {
        if (step.index >= n) {
          fits = false;
          break;
        }
        if (step.action == engine::kDrop) --n;
      }
      hs_database_t* raw = nullptr;
      if (fits && hs_deserialize_database(cached->database.data(), cached->database.size(), &raw) ==
                      HS_SUCCESS) {
        for (const engine::HsCacheStep& step : cached->steps) {
          HsPattern& p = rules[step.index];
          CompiledRule& c = compiled[p.compiled_rule];
          if (step.action == engine::kRetryPrefilter &&
              describe(c, p.expression, p.flags | HS_FLAG_PREFILTER)) {
            p.flags |= HS_FLAG_PREFILTER;
          } else {
            c.prefiltered = false;
            rules.erase(rules.begin() + step.index);
          }
        }
        return HsDatabase(raw);
      }
    }
  }
  engine::HsCacheEntry entry;
  for (size_t attempt = 0; attempt <= rules.size() + 1; ++attempt) {
    std::vector<const char*> exprs;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    auto add = [&](const std::vector<HsPattern>& list) {
      for (const HsPattern& p : list) {
        exprs.push_back(p.expression.c_str());
        flags.push_back(p.flags);
        ids.push_back(p.compiled_rule);
      }
    };
    add(rules);
    add(extras);
    if (exprs.empty()) return HsDatabase();
    hs_database_t* raw = nullptr;
    hs_compile_error_t* raw_err = nullptr;
    const hs_error_t rc = hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                                           nullptr, &raw, &raw_err);
    HsCompileError err(raw_err);
    if (rc == HS_SUCCESS) {
      HsDatabase db(raw);
      char* bytes = nullptr;
      size_t length = 0;
      if (!key.empty() && hs_serialize_database(db.get(), &bytes, &length) == HS_SUCCESS) {
        entry.database.assign(bytes, length);
        std::free(bytes);  // NOLINT: Hyperscan allocates it with malloc
        engine::hs_cache_store(cache_dir, key, entry);
      }
      return db;
    }
    const int bad = err ? err->expression : -1;
    if (bad < 0 || static_cast<size_t>(bad) >= rules.size()) {
      return fail(Errc::kInternal, fmt::format("Hyperscan cannot compile the rule set: {}",
                                               err ? err->message : "unknown error"));
    }
    HsPattern& p = rules[static_cast<size_t>(bad)];
    CompiledRule& c = compiled[p.compiled_rule];
    if ((p.flags & HS_FLAG_PREFILTER) == 0 &&
        describe(c, p.expression, p.flags | HS_FLAG_PREFILTER)) {
      p.flags |= HS_FLAG_PREFILTER;
      entry.steps.push_back({static_cast<uint32_t>(bad), engine::kRetryPrefilter});
    } else {
      c.prefiltered = false;  // RE2 over whole fragments for this rule
      rules.erase(rules.begin() + bad);
      entry.steps.push_back({static_cast<uint32_t>(bad), engine::kDrop});
    }
  }
  return fail(Errc::kInternal, "Hyperscan cannot compile the rule set");
}

}  // namespace

Result<std::unique_ptr<Scanner>> Scanner::compile(RuleSet rules, std::vector<Error>* rule_errors,
                                                  const CompileOptions& options) {
  std::vector<Error> errors;
  std::unique_ptr<Scanner> scanner(new Scanner());  // NOLINT: the constructor is private
  Impl& impl = *scanner->impl_;
  impl.rules = std::move(rules);
  const auto& all = impl.rules.rules;

  auto keep_allowlist = [&](const Allowlist& a, std::string_view owner, const std::string& file,
                            int line) {
    impl.allowlist_store.push_back(std::make_unique<CompiledAllowlist>(
        a, impl.allowlist_store.size(), owner, file, line, errors));
    return impl.allowlist_store.back().get();
  };

  std::vector<HsPattern> patterns;
  std::vector<std::string> translated;  // per compiled rule
  for (size_t i = 0; i < all.size(); ++i) {
    const Rule& r = all[i];
    const std::pair<std::string, int> origin = split_origin(r.origin);
    const std::string& file = origin.first;
    const int line = origin.second;
    const std::string owner = fmt::format("rule '{}'", r.id);
    auto reject = [&](const std::string& why) {
      errors.emplace_back(Errc::kParse, fmt::format("{}: {}; the rule is left out", owner, why),
                          file, line);
    };
    if (r.regex.empty() && r.path.empty()) {
      reject("it has neither a regex nor a path");
      continue;
    }
    CompiledRule c;
    c.index = i;
    if (!r.validator.empty()) {
      c.validator = find_validator(r.validator);
      if (c.validator == nullptr) {
        reject(fmt::format("unknown validator '{}'", r.validator));
        continue;
      }
    }
    if (!r.regex.empty()) {
      c.regex = std::make_unique<RE2>(r.regex, engine::go_re2_options());
      if (!c.regex->ok()) {
        reject(fmt::format("invalid regex ({})", c.regex->error()));
        continue;
      }
      c.groups = c.regex->NumberOfCapturingGroups();
      if (r.secret_group < 0 || r.secret_group > c.groups) {
        reject(
            fmt::format("secretGroup {} but the regex has {} group(s)", r.secret_group, c.groups));
        continue;
      }
    }
    if (!r.path.empty()) {
      c.path = std::make_unique<RE2>(r.path, engine::go_re2_options());
      if (!c.path->ok()) {
        reject(fmt::format("invalid path regex ({})", c.path->error()));
        continue;
      }
    }
    for (const Allowlist& a : r.allowlists) {
      c.allowlists.push_back(keep_allowlist(a, owner, file, line));
    }
    for (const std::string& kw : r.keywords) {
      const std::string lower = engine::go_lower_for_ascii(kw);
      if (lower.empty()) {
        c.gate_always = true;
        continue;
      }
      auto it = std::find(impl.keywords.begin(), impl.keywords.end(), lower);
      if (it == impl.keywords.end()) {
        impl.keywords.push_back(lower);
        it = impl.keywords.end() - 1;
      }
      c.keywords.push_back(static_cast<uint32_t>(it - impl.keywords.begin()));
    }
    if (r.keywords.empty()) c.gate_always = true;
    c.common = c.gate_always;
    for (uint32_t k : c.keywords) c.common = c.common || common_keyword(impl.keywords[k]);
    c.generic = contains_generic(r.id);
    std::string expression;
    if (c.regex) {
      const auto t = engine::translate_for_hyperscan(r.regex);
      if (t.ok) {
        c.max_newlines = t.max_newlines;
        expression = t.expression;
      }
    }
    translated.push_back(std::move(expression));
    impl.compiled.push_back(std::move(c));
  }

  // Global allowlists: untargeted ones apply to every fragment and finding; targeted ones join
  // their rules' allowlists (as gitleaks does when it loads [[allowlists]] with targetRules).
  for (const Allowlist& a : impl.rules.allowlists) {
    const CompiledAllowlist* compiled = keep_allowlist(a, "global allowlist", "", 0);
    if (a.target_rules.empty()) {
      impl.global.push_back(compiled);
      continue;
    }
    for (const std::string& target : a.target_rules) {
      bool found = false;
      for (CompiledRule& c : impl.compiled) {
        if (all[c.index].id == target) {
          c.allowlists.push_back(compiled);
          found = true;
        }
      }
      if (!found) {
        errors.emplace_back(Errc::kParse,
                            fmt::format("global allowlist targets unknown rule '{}'", target));
      }
    }
  }

  // Hyperscan patterns: rule regexes (exact translation, else prefilter), keywords, detectors.
  for (uint32_t id = 0; id < impl.compiled.size(); ++id) {
    CompiledRule& c = impl.compiled[id];
    const std::string& expression = translated[id];
    if (!c.regex || expression.empty()) continue;
    unsigned flags = HS_FLAG_ALLOWEMPTY;
    if (!describe(c, expression, flags)) {
      flags |= HS_FLAG_PREFILTER;
      if (!describe(c, expression, flags)) continue;
    }
    c.prefiltered = true;
    patterns.push_back(HsPattern{expression, flags, id});
  }

  // Ids: rules [0, n), then keywords, then the three detectors.
  impl.keyword_base = static_cast<unsigned>(impl.compiled.size());
  impl.fold_id = impl.keyword_base + static_cast<unsigned>(impl.keywords.size());
  impl.fold_id2 = impl.fold_id + 1;
  impl.lower_id = impl.fold_id + 2;
  std::vector<HsPattern> extras;
  for (size_t k = 0; k < impl.keywords.size(); ++k) {
    extras.push_back(HsPattern{hex_literal(impl.keywords[k]),
                               HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH,
                               impl.keyword_base + static_cast<unsigned>(k)});
  }
  extras.push_back(HsPattern{hex_literal("\xE2\x84\xAA"), HS_FLAG_SINGLEMATCH, impl.fold_id});
  extras.push_back(HsPattern{hex_literal("\xC5\xBF"), HS_FLAG_SINGLEMATCH, impl.fold_id2});
  extras.push_back(HsPattern{hex_literal("\xC4\xB0"), HS_FLAG_SINGLEMATCH, impl.lower_id});
  std::vector<HsPattern> common;
  std::vector<HsPattern> rare;
  for (HsPattern& p : patterns) {
    (impl.compiled[p.compiled_rule].common ? common : rare).push_back(std::move(p));
  }
  auto main_db = compile_database(common, extras, impl.compiled, options.cache_dir);
  if (!main_db) return Unexpected(main_db.error());
  impl.db = std::move(*main_db);
  if (!rare.empty()) {
    auto rare_db = compile_database(rare, {}, impl.compiled, options.cache_dir);
    if (!rare_db) return Unexpected(rare_db.error());
    impl.rare_db = std::move(*rare_db);
  }
  impl.keyword_rare_rules.assign(impl.keywords.size(), {});
  for (const HsPattern& p : rare) {
    for (uint32_t k : impl.compiled[p.compiled_rule].keywords) {
      impl.keyword_rare_rules[k].push_back(p.compiled_rule);
    }
  }
  impl.keyword_automaton = std::make_unique<engine::AhoCorasick>(impl.keywords);
  for (uint32_t id = 0; id < impl.compiled.size(); ++id) {
    if (!impl.compiled[id].prefiltered) impl.unprefiltered.push_back(id);
  }
  if (impl.compiled.empty()) {
    if (rule_errors != nullptr) {
      rule_errors->insert(rule_errors->end(), errors.begin(), errors.end());
    }
    return fail(Errc::kUsage, "no usable secret rule is left");
  }
  if (rule_errors != nullptr) {
    rule_errors->insert(rule_errors->end(), errors.begin(), errors.end());
  }
  return scanner;
}

}  // namespace sw::secrets
