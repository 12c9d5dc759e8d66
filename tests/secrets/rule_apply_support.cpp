// SPDX-License-Identifier: Apache-2.0
// Reference RE2-only rule applier (see rule_apply_support.h).
#include "rule_apply_support.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "secrets/entropy.h"

namespace sw::secrets::test {
namespace {

std::unique_ptr<RE2> compile(const std::string& pattern, std::vector<std::string>& errors,
                             const std::string& what) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(pattern, opts);
  if (!re->ok()) {
    errors.push_back(what + ": " + re->error());
    return nullptr;
  }
  return re;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

struct CompiledAllowlist {
  const Allowlist* source = nullptr;
  std::vector<std::unique_ptr<RE2>> regexes;
  std::vector<std::unique_ptr<RE2>> paths;
  std::vector<std::string> stopwords;  // lower case
};

struct CompiledRule {
  const Rule* source = nullptr;
  std::unique_ptr<RE2> regex;
  std::unique_ptr<RE2> path;
  std::vector<CompiledAllowlist> allowlists;
};

CompiledAllowlist compile_allowlist(const Allowlist& a, std::vector<std::string>& errors,
                                    const std::string& what) {
  CompiledAllowlist c;
  c.source = &a;
  for (const auto& r : a.regexes) {
    if (auto re = compile(r, errors, what + " allowlist regex")) c.regexes.push_back(std::move(re));
  }
  for (const auto& p : a.paths) {
    if (auto re = compile(p, errors, what + " allowlist path")) c.paths.push_back(std::move(re));
  }
  for (const auto& s : a.stopwords) c.stopwords.push_back(lower(s));
  return c;
}

// Whether the allowlist allows this finding (gitleaks: OR of the criteria it has, or AND).
bool allows(const CompiledAllowlist& a, std::string_view secret, std::string_view match,
            std::string_view line, std::string_view path) {
  std::string_view target = secret;
  if (a.source->regex_target == RegexTarget::kMatch) target = match;
  if (a.source->regex_target == RegexTarget::kLine) target = line;
  std::vector<bool> criteria;
  if (!a.regexes.empty()) {
    bool hit = false;
    for (const auto& re : a.regexes) hit = hit || RE2::PartialMatch(target, *re);
    criteria.push_back(hit);
  }
  if (!a.paths.empty()) {
    bool hit = false;
    for (const auto& re : a.paths) hit = hit || RE2::PartialMatch(path, *re);
    criteria.push_back(hit);
  }
  if (!a.stopwords.empty()) {
    const std::string low = lower(secret);
    bool hit = false;
    for (const auto& w : a.stopwords) hit = hit || low.find(w) != std::string::npos;
    criteria.push_back(hit);
  }
  if (!a.source->commits.empty()) criteria.push_back(false);
  if (criteria.empty()) return false;
  if (a.source->condition == Condition::kAnd) {
    return std::all_of(criteria.begin(), criteria.end(), [](bool b) { return b; });
  }
  return std::any_of(criteria.begin(), criteria.end(), [](bool b) { return b; });
}

}  // namespace

struct SimpleMatcher::Impl {
  RuleSet rules;
  std::vector<CompiledRule> compiled;
  std::vector<CompiledAllowlist> global;
  std::vector<std::string> errors;
};

SimpleMatcher::SimpleMatcher(const RuleSet& rules) : impl_(std::make_unique<Impl>()) {
  impl_->rules = rules;
  for (const Rule& r : impl_->rules.rules) {
    CompiledRule c;
    c.source = &r;
    if (!r.regex.empty()) c.regex = compile(r.regex, impl_->errors, r.id);
    if (!r.path.empty()) c.path = compile(r.path, impl_->errors, r.id + " path");
    for (const Allowlist& a : r.allowlists) {
      c.allowlists.push_back(compile_allowlist(a, impl_->errors, r.id));
    }
    impl_->compiled.push_back(std::move(c));
  }
  for (const Allowlist& a : impl_->rules.allowlists) {
    impl_->global.push_back(compile_allowlist(a, impl_->errors, "global"));
  }
}

SimpleMatcher::~SimpleMatcher() = default;

const std::vector<std::string>& SimpleMatcher::errors() const { return impl_->errors; }

std::vector<SimpleFinding> SimpleMatcher::scan(std::string_view text, std::string_view path) const {
  std::vector<SimpleFinding> found;
  for (const auto& g : impl_->global) {
    if (g.regexes.empty() && g.stopwords.empty() && !g.paths.empty() && g.source->commits.empty()) {
      for (const auto& re : g.paths) {
        if (RE2::PartialMatch(path, *re)) return found;
      }
    }
  }
  const std::string low = lower(text);
  for (const CompiledRule& c : impl_->compiled) {
    const Rule& r = *c.source;
    if (!c.regex) continue;
    if (!r.keywords.empty()) {
      bool gate = false;
      for (const auto& k : r.keywords) gate = gate || low.find(k) != std::string::npos;
      if (!gate) continue;
    }
    if (c.path && !RE2::PartialMatch(path, *c.path)) continue;
    const int ngroups = c.regex->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> groups(static_cast<std::size_t>(ngroups) + 1);
    std::size_t pos = 0;
    while (pos <= text.size()) {
      if (!c.regex->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(),
                          RE2::UNANCHORED, groups.data(), ngroups + 1)) {
        break;
      }
      const re2::StringPiece whole = groups[0];
      const auto start = static_cast<std::size_t>(whole.data() - text.data());
      pos = start + whole.size() + (whole.empty() ? 1 : 0);
      std::string_view match(whole.data(), whole.size());
      std::string_view secret = match;
      if (r.secret_group > 0 && r.secret_group <= ngroups) {
        const auto& g = groups[static_cast<std::size_t>(r.secret_group)];
        secret = std::string_view(g.data() == nullptr ? "" : g.data(), g.size());
      } else {
        for (int i = 1; i <= ngroups; ++i) {
          const auto& g = groups[static_cast<std::size_t>(i)];
          if (g.data() != nullptr && !g.empty()) {
            secret = std::string_view(g.data(), g.size());
            break;
          }
        }
      }
      const std::size_t line_start = text.rfind('\n', start == 0 ? 0 : start - 1);
      const std::size_t ls =
          (line_start == std::string_view::npos || start == 0) ? 0 : line_start + 1;
      std::size_t le = text.find('\n', start);
      if (le == std::string_view::npos) le = text.size();
      const std::string_view line = text.substr(ls, le - ls);
      if (line.find("gitleaks:allow") != std::string_view::npos ||
          line.find("shieldwall:allow") != std::string_view::npos) {
        continue;
      }
      if (r.entropy && shannon_entropy(secret) <= *r.entropy) continue;
      bool allowed = false;
      for (const auto& g : impl_->global) {
        const auto& targets = g.source->target_rules;
        if (!targets.empty() && std::find(targets.begin(), targets.end(), r.id) == targets.end()) {
          continue;
        }
        allowed = allowed || allows(g, secret, match, line, path);
      }
      for (const auto& a : c.allowlists) allowed = allowed || allows(a, secret, match, line, path);
      if (allowed) continue;
      const int line_no = 1 + static_cast<int>(std::count(
                                  text.begin(), text.begin() + static_cast<long>(start), '\n'));
      found.push_back({r.id, std::string(secret), std::string(match), line_no});
    }
  }
  // Generic de-duplication: a "generic" rule's finding goes when another rule found, on the same
  // line, a secret that contains it.
  std::vector<SimpleFinding> out;
  for (const auto& f : found) {
    bool drop = false;
    if (f.rule_id.find("generic") != std::string::npos) {
      for (const auto& o : found) {
        if (&o != &f && o.rule_id != f.rule_id && o.line == f.line &&
            o.rule_id.find("generic") == std::string::npos &&
            o.secret.find(f.secret) != std::string::npos) {
          drop = true;
        }
      }
    }
    if (!drop) out.push_back(f);
  }
  return out;
}

}  // namespace sw::secrets::test
