// SPDX-License-Identifier: Apache-2.0
// gitleaks TOML rule files (format and semantics in gitleaks_config.h), parsed with toml++.
#include "secrets/gitleaks_config.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/toml_parse.h"

namespace sw::secrets {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxExtendDepth = 2;  // gitleaks' maxExtendDepth

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// Case-insensitive key lookup (viper lower-cases keys).
const toml::node* get(const toml::table& t, std::string_view key) {
  for (const auto& [k, v] : t) {
    if (lower(k.str()) == key) return &v;
  }
  return nullptr;
}

// Reads fields of one table, collecting the first problem met.
class Fields {
 public:
  Fields(const toml::table& t, const std::string& origin) : t_(t), origin_(origin) {}

  std::string str(std::string_view key) {
    const toml::node* n = get(t_, key);
    if (n == nullptr) return {};
    if (auto v = n->value<std::string>()) return *v;
    problem(*n, fmt::format("'{}' must be a string", key));
    return {};
  }
  std::vector<std::string> strs(std::string_view key) {
    std::vector<std::string> out;
    const toml::node* n = get(t_, key);
    if (n == nullptr) return out;
    const toml::array* a = n->as_array();
    if (a == nullptr) {
      problem(*n, fmt::format("'{}' must be an array of strings", key));
      return out;
    }
    for (const toml::node& item : *a) {
      if (auto v = item.value<std::string>()) {
        out.push_back(*v);
      } else {
        problem(item, fmt::format("'{}' must hold only strings", key));
      }
    }
    return out;
  }
  std::optional<double> number(std::string_view key) {
    const toml::node* n = get(t_, key);
    if (n == nullptr) return std::nullopt;
    if (auto v = n->value<double>()) return *v;  // integers convert too
    problem(*n, fmt::format("'{}' must be a number", key));
    return std::nullopt;
  }
  std::optional<int64_t> integer(std::string_view key) {
    const toml::node* n = get(t_, key);
    if (n == nullptr) return std::nullopt;
    if (auto v = n->value_exact<int64_t>()) return *v;
    problem(*n, fmt::format("'{}' must be an integer", key));
    return std::nullopt;
  }
  bool boolean(std::string_view key) {
    const toml::node* n = get(t_, key);
    if (n == nullptr) return false;
    if (auto v = n->value_exact<bool>()) return *v;
    problem(*n, fmt::format("'{}' must be true or false", key));
    return false;
  }
  void problem(const toml::node& n, std::string message) {
    if (!error_) error_ = Error(Errc::kParse, std::move(message), origin_, line_of(n));
  }
  std::optional<Error>& error() { return error_; }

 private:
  const toml::table& t_;
  const std::string& origin_;
  std::optional<Error> error_;
};

std::optional<Allowlist> parse_allowlist(const toml::table& t, const std::string& origin,
                                         bool global, std::string_view owner,
                                         std::vector<Error>& errors) {
  Fields f(t, origin);
  Allowlist a;
  a.description = f.str("description");
  const std::string condition = lower(f.str("condition"));
  if (condition == "and" || condition == "&&") {
    a.condition = Condition::kAnd;
  } else if (!condition.empty() && condition != "or" && condition != "||") {
    f.problem(t, fmt::format("unknown allowlist condition '{}' (OR or AND)", condition));
  }
  const std::string target = lower(f.str("regextarget"));
  if (target == "match") {
    a.regex_target = RegexTarget::kMatch;
  } else if (target == "line") {
    a.regex_target = RegexTarget::kLine;
  } else if (!target.empty() && target != "secret") {
    f.problem(t, fmt::format("unknown regexTarget '{}' (secret, match or line)", target));
  }
  a.regexes = f.strs("regexes");
  a.paths = f.strs("paths");
  a.commits = f.strs("commits");
  a.stopwords = f.strs("stopwords");
  if (global) {
    a.target_rules = f.strs("targetrules");
  } else if (get(t, "targetrules") != nullptr) {
    f.problem(t, "targetRules is only for global [[allowlists]]");
  }
  if (!f.error() && a.regexes.empty() && a.paths.empty() && a.commits.empty() &&
      a.stopwords.empty()) {
    f.problem(t, "an allowlist must have at least one of commits, paths, regexes or stopwords");
  }
  if (f.error()) {
    Error e = *f.error();
    errors.emplace_back(e.code(), fmt::format("{}: {}", owner, e.message()), e.file(), e.line());
    return std::nullopt;
  }
  return a;
}

// The allowlists of a table: the legacy single table under `legacy_key` or the array under
// `array_key`, not both. Returns false when the form itself is wrong.
bool parse_allowlists(const toml::table& t, std::string_view legacy_key, std::string_view array_key,
                      const std::string& origin, bool global, std::string_view owner,
                      std::vector<Allowlist>& out, std::vector<Error>& errors) {
  const toml::node* legacy = get(t, legacy_key);
  const toml::node* list = get(t, array_key);
  if (legacy != nullptr && list != nullptr) {
    errors.emplace_back(Errc::kParse,
                        fmt::format("{}: [{}] is deprecated and cannot be used alongside [[{}]]",
                                    owner, legacy_key, array_key),
                        origin, line_of(*legacy));
    return false;
  }
  bool ok = true;
  if (legacy != nullptr) {
    if (const toml::table* lt = legacy->as_table()) {
      if (auto a = parse_allowlist(*lt, origin, global, owner, errors)) {
        out.push_back(std::move(*a));
      } else {
        ok = false;
      }
    } else {
      errors.emplace_back(Errc::kParse, fmt::format("{}: [{}] must be a table", owner, legacy_key),
                          origin, line_of(*legacy));
      ok = false;
    }
  }
  if (list != nullptr) {
    const toml::array* arr = list->as_array();
    if (arr == nullptr) {
      errors.emplace_back(Errc::kParse,
                          fmt::format("{}: [[{}]] must be an array of tables", owner, array_key),
                          origin, line_of(*list));
      return false;
    }
    for (const toml::node& item : *arr) {
      const toml::table* it = item.as_table();
      if (it == nullptr) {
        errors.emplace_back(Errc::kParse,
                            fmt::format("{}: [[{}]] entries must be tables", owner, array_key),
                            origin, line_of(item));
        ok = false;
        continue;
      }
      if (auto a = parse_allowlist(*it, origin, global, owner, errors)) {
        out.push_back(std::move(*a));
      } else {
        ok = false;
      }
    }
  }
  return ok;
}

std::optional<Rule> parse_rule(const toml::table& t, const std::string& origin,
                               std::vector<Error>& errors) {
  Fields f(t, origin);
  Rule r;
  r.origin = fmt::format("{}:{}", origin, line_of(t));
  r.id = f.str("id");
  const std::string who =
      r.id.empty() ? fmt::format("rule at line {}", line_of(t)) : fmt::format("rule {}", r.id);
  r.description = f.str("description");
  r.regex = f.str("regex");
  if (auto g = f.integer("secretgroup")) {
    if (*g < 0 || *g > 1000) {
      f.problem(t, fmt::format("secretGroup {} is out of range", *g));
    } else {
      r.secret_group = static_cast<int>(*g);
    }
  }
  r.entropy = f.number("entropy");
  if (r.entropy && *r.entropy == 0.0) r.entropy.reset();  // gitleaks: 0 means no check
  r.keywords = f.strs("keywords");
  for (auto& k : r.keywords) k = lower(k);
  r.path = f.str("path");
  r.tags = f.strs("tags");
  r.validator = f.str("validate");
  r.why = f.str("why");
  r.fix = f.str("fix");
  if (std::string sev = f.str("severity"); !sev.empty()) {
    if (auto s = parse_severity(sev)) {
      r.severity = *s;
    } else {
      f.problem(t, fmt::format("unknown severity '{}'", sev));
    }
  }
  if (get(t, "required") != nullptr) {
    f.problem(*get(t, "required"),
              "composite rules ([[rules.required]]) are not supported by shieldwall yet");
  }
  if (f.boolean("skipreport")) f.problem(t, "skipReport is not supported by shieldwall yet");
  if (!f.error() && r.id.empty()) f.problem(t, "a rule needs an id");
  if (!f.error() && r.regex.empty() && r.path.empty()) {
    f.problem(t, "both regex and path are empty: the rule would have no effect");
  }
  if (f.error()) {
    Error e = *f.error();
    errors.emplace_back(e.code(), fmt::format("{}: {}", who, e.message()), e.file(), e.line());
    return std::nullopt;
  }
  if (!parse_allowlists(t, "allowlist", "allowlists", origin, false, who, r.allowlists, errors)) {
    return std::nullopt;
  }
  return r;
}

Result<std::string> read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unexpected(error_from_errno(errno, "cannot read rule file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Unexpected(error_from_errno(errno, "cannot read rule file", path));
  return ss.str();
}

Result<RuleSet> load(const std::string& path, const DefaultRules& defaults,
                     std::vector<Error>& rule_errors, int depth) {
  auto text = read_whole(path);
  if (!text) return Unexpected(text.error());
  auto parsed = parse_rules_toml(*text, path, rule_errors);
  if (!parsed) return Unexpected(parsed.error());
  const ExtendSpec& ext = parsed->extend;
  if (!ext.use_default && ext.path.empty()) return std::move(parsed->rules);
  if (depth >= kMaxExtendDepth) {
    rule_errors.emplace_back(
        Errc::kUsage,
        fmt::format("[extend] nested more than {} levels deep: not followed", kMaxExtendDepth),
        path);
    return std::move(parsed->rules);
  }
  // gitleaks: useDefault, else path (not both).
  RuleSet base;
  if (ext.use_default) {
    auto d = defaults ? defaults() : fail(Errc::kInternal, "no default rules available");
    if (!d) return Unexpected(d.error());
    base = std::move(*d);
  } else {
    std::error_code ec;
    fs::path p = ext.path;
    if (p.is_relative()) {
      fs::path beside = fs::path(path).parent_path() / p;
      if (fs::exists(beside, ec)) p = beside;
    }
    auto other = load(p.string(), defaults, rule_errors, depth + 1);
    if (!other) return Unexpected(other.error());
    base = std::move(*other);
  }
  return extend_rules(std::move(base), std::move(parsed->rules), ext.disabled_rules);
}

}  // namespace

Result<ParsedRuleFile> parse_rules_toml(std::string_view text, const std::string& origin,
                                        std::vector<Error>& rule_errors) {
  auto parsed_doc = parse_toml(text, origin);
  if (!parsed_doc) return Unexpected(parsed_doc.error());
  const toml::table& doc = *parsed_doc;
  ParsedRuleFile out;
  Fields top(doc, origin);
  out.rules.title = top.str("title");
  if (const toml::node* ext = get(doc, "extend")) {
    if (const toml::table* et = ext->as_table()) {
      Fields f(*et, origin);
      out.extend.use_default = f.boolean("usedefault");
      out.extend.path = f.str("path");
      out.extend.disabled_rules = f.strs("disabledrules");
      if (!f.str("url").empty())
        f.problem(*et, "[extend] url is not supported (gitleaks ignores it too)");
      if (f.error()) rule_errors.push_back(*f.error());
    } else {
      rule_errors.emplace_back(Errc::kParse, "[extend] must be a table", origin, line_of(*ext));
    }
  }
  if (top.error()) rule_errors.push_back(*top.error());
  parse_allowlists(doc, "allowlist", "allowlists", origin, true, "global allowlist",
                   out.rules.allowlists, rule_errors);
  if (const toml::node* rules = get(doc, "rules")) {
    const toml::array* arr = rules->as_array();
    if (arr == nullptr) {
      return fail(Errc::kParse, "'rules' must be an array of tables ([[rules]])", origin,
                  line_of(*rules));
    }
    std::map<std::string, int, std::less<>> seen;
    for (const toml::node& item : *arr) {
      const toml::table* t = item.as_table();
      if (t == nullptr) {
        rule_errors.emplace_back(Errc::kParse, "[[rules]] entries must be tables", origin,
                                 line_of(item));
        continue;
      }
      auto rule = parse_rule(*t, origin, rule_errors);
      if (!rule) continue;
      if (auto it = seen.find(rule->id); it != seen.end()) {
        rule_errors.emplace_back(
            Errc::kParse,
            fmt::format("rule {}: defined twice (first at line {}); the later one is used",
                        rule->id, it->second),
            origin, line_of(*t));
        auto& rs = out.rules.rules;
        rs.erase(
            std::remove_if(rs.begin(), rs.end(), [&](const Rule& r) { return r.id == rule->id; }),
            rs.end());
      }
      seen[rule->id] = line_of(*t);
      out.rules.rules.push_back(std::move(*rule));
    }
  }
  // targetRules must name rules that exist in this file or a base it extends: checked when the
  // whole set is known (the engine reports unknown ones).
  return out;
}

RuleSet extend_rules(RuleSet base, RuleSet current, const std::vector<std::string>& disabled) {
  auto& rules = base.rules;
  rules.erase(std::remove_if(rules.begin(), rules.end(),
                             [&](const Rule& r) {
                               return std::find(disabled.begin(), disabled.end(), r.id) !=
                                      disabled.end();
                             }),
              rules.end());
  for (Rule& cur : current.rules) {
    auto it =
        std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == cur.id; });
    if (it == rules.end()) {
      rules.push_back(std::move(cur));
      continue;
    }
    Rule& b = *it;
    if (!cur.description.empty()) b.description = cur.description;
    if (cur.entropy) b.entropy = cur.entropy;
    if (cur.secret_group != 0) b.secret_group = cur.secret_group;
    if (!cur.regex.empty()) b.regex = cur.regex;
    if (!cur.path.empty()) b.path = cur.path;
    b.tags.insert(b.tags.end(), cur.tags.begin(), cur.tags.end());
    b.keywords.insert(b.keywords.end(), cur.keywords.begin(), cur.keywords.end());
    for (auto& a : cur.allowlists) b.allowlists.push_back(std::move(a));
    // shieldwall's own keys follow the same override rule.
    if (!cur.validator.empty()) b.validator = cur.validator;
    if (!cur.why.empty()) b.why = cur.why;
    if (!cur.fix.empty()) b.fix = cur.fix;
    b.origin = cur.origin;
  }
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
  for (auto& a : current.allowlists) base.allowlists.push_back(std::move(a));
  if (!current.title.empty()) base.title = current.title;
  return base;
}

Result<RuleSet> load_rules_file(const std::string& path, const DefaultRules& defaults,
                                std::vector<Error>& rule_errors) {
  return load(path, defaults, rule_errors, 0);
}

}  // namespace sw::secrets
