// SPDX-License-Identifier: Apache-2.0
#include "core/config.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/glob.h"
#include "core/toml_parse.h"

namespace sw {

bool OwnershipRule::matches(const Finding& f) const {
  if (!check.empty() && !glob_match(check, f.check)) return false;
  if (!host.empty() && !glob_match(host, f.host)) return false;
  if (!path.empty() && (f.location.path.empty() || !glob_match(path, f.location.path, true))) {
    return false;
  }
  if (!package.empty() && (f.package.empty() || !glob_match(package, f.package))) return false;
  return true;
}

Responsible Config::resolve(const Finding& f) const {
  Responsible r = f.responsible;
  for (const auto& rule : owners) {
    if (rule.matches(f)) {
      r = rule.responsible;
      break;
    }
  }
  if (r.name.empty()) {
    auto it = role_names.find(r.key());
    if (it != role_names.end()) r.name = it->second;
  }
  return r;
}

bool Config::skipped(std::string_view check_id) const {
  for (const auto& g : skip) {
    if (glob_match(g, check_id)) return true;
  }
  return false;
}

namespace {

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

using ErrFn = std::function<void(int, std::string)>;

// An array of strings; a non-string entry or a non-array value is reported and skipped.
void read_strings(const toml::node& node, std::string_view what, std::vector<std::string>& out,
                  const ErrFn& err) {
  auto* a = node.as_array();
  if (!a) {
    err(line_of(node), fmt::format("{} must be an array of strings", what));
    return;
  }
  for (auto&& v : *a) {
    if (auto s = v.value<std::string>()) {
      out.push_back(*s);
    } else {
      err(line_of(v), fmt::format("{} entries must be strings", what));
    }
  }
}

void parse_phish(const toml::node& node, PhishConfig& out, const ErrFn& err) {
  auto* t = node.as_table();
  if (!t) {
    err(line_of(node), "[phish] must be a table");
    return;
  }
  for (auto&& [key, v] : *t) {
    std::string k(key.str());
    if (k == "trusted_authserv_ids") {
      read_strings(v, "[phish] trusted_authserv_ids", out.trusted_authserv_ids, err);
    } else if (k == "trusted_arc_sealers") {
      read_strings(v, "[phish] trusted_arc_sealers", out.trusted_arc_sealers, err);
    } else if (k == "protected_domains") {
      read_strings(v, "[phish] protected_domains", out.protected_domains, err);
    } else if (k == "own_domains") {
      read_strings(v, "[phish] own_domains", out.own_domains, err);
    } else if (k == "feeds") {
      read_strings(v, "[phish] feeds", out.feeds, err);
    } else if (k == "public_suffix_list") {
      if (auto path = v.value<std::string>()) {
        out.public_suffix_list = *path;
      } else {
        err(line_of(v), "[phish] public_suffix_list must be a file path (a string)");
      }
    } else if (k == "suspicious_at" || k == "phishing_at") {
      auto n = v.value<int64_t>();
      if (!n || *n < 1 || *n > 10000) {
        err(line_of(v), fmt::format("[phish] {} must be a whole number from 1 to 10000", k));
        continue;
      }
      (k == "suspicious_at" ? out.suspicious_at : out.phishing_at) = static_cast<int>(*n);
    } else if (k == "protected_person") {
      auto* arr = v.as_array();
      if (!arr) {
        err(line_of(v), "protected people are written [[phish.protected_person]]");
        continue;
      }
      for (auto&& item : *arr) {
        auto* pt = item.as_table();
        if (!pt) {
          err(line_of(item), "a [[phish.protected_person]] entry must be a table");
          continue;
        }
        ProtectedPerson person;
        for (auto&& [pk, pv] : *pt) {
          std::string f(pk.str());
          if (f == "name") {
            if (auto s = pv.value<std::string>()) {
              person.name = *s;
            } else {
              err(line_of(pv), "[[phish.protected_person]] name must be a string");
            }
          } else if (f == "domains") {
            read_strings(pv, "[[phish.protected_person]] domains", person.domains, err);
          } else {
            err(line_of(pv), fmt::format("unknown [[phish.protected_person]] field '{}'", f));
          }
        }
        if (person.name.empty()) {
          err(line_of(item), "[[phish.protected_person]] without a name");
          continue;
        }
        out.protected_people.push_back(std::move(person));
      }
    } else {
      err(line_of(v), fmt::format("unknown [phish] key '{}'", k));
    }
  }
  if (out.suspicious_at && out.phishing_at && *out.suspicious_at > *out.phishing_at) {
    err(line_of(node), "[phish] suspicious_at must not be above phishing_at");
    out.suspicious_at.reset();
    out.phishing_at.reset();
  }
}

}  // namespace

ConfigLoad parse_config(std::string_view text, const std::string& path) {
  ConfigLoad out;
  out.config.path = path;
  auto err = [&](int line, std::string msg) {
    out.errors.emplace_back(Errc::kUsage, std::move(msg), path, line);
  };
  auto document = parse_toml(text, path, Errc::kUsage);
  if (!document) {
    out.errors.push_back(document.error());
    return out;
  }
  toml::table& root = *document;
  for (auto&& [key, node] : root) {
    std::string k(key.str());
    if (k == "roles") {
      auto* t = node.as_table();
      if (!t) {
        err(line_of(node), "[roles] must be a table");
        continue;
      }
      for (auto&& [rk, rv] : *t) {
        std::string role(rk.str());
        auto parsed = parse_responsible(role);
        if (!parsed) {
          err(line_of(rv), fmt::format("unknown role '{}' in [roles]", role));
          continue;
        }
        auto name = rv.value<std::string>();
        if (!name) {
          err(line_of(rv), fmt::format("[roles] {} must be a string", role));
          continue;
        }
        out.config.role_names[parsed->key()] = *name;
      }
    } else if (k == "owner") {
      auto* arr = node.as_array();
      if (!arr) {
        err(line_of(node), "owner rules are written [[owner]]");
        continue;
      }
      for (auto&& item : *arr) {
        auto* t = item.as_table();
        if (!t) {
          err(line_of(item), "an [[owner]] entry must be a table");
          continue;
        }
        OwnershipRule rule;
        rule.line = line_of(item);
        bool ok = true;
        bool has_responsible = false;
        for (auto&& [fk, fv] : *t) {
          std::string field(fk.str());
          auto value = fv.value<std::string>();
          if (!value) {
            err(line_of(fv), fmt::format("owner field '{}' must be a string", field));
            ok = false;
            continue;
          }
          if (field == "check") {
            rule.check = *value;
          } else if (field == "host") {
            rule.host = *value;
          } else if (field == "path") {
            rule.path = *value;
          } else if (field == "package") {
            rule.package = *value;
          } else if (field == "name") {
            rule.responsible.name = *value;
          } else if (field == "responsible") {
            auto who = parse_responsible(*value);
            if (!who) {
              err(line_of(fv), fmt::format("unknown responsible '{}' (use user, admin, developer, "
                                           "org or team:NAME)",
                                           *value));
              ok = false;
              continue;
            }
            has_responsible = true;
            rule.responsible.role = who->role;
            rule.responsible.team = who->team;
          } else {
            err(line_of(fv), fmt::format("unknown owner field '{}'", field));
            ok = false;
          }
        }
        if (!has_responsible && ok) {
          err(rule.line, "[[owner]] rule without 'responsible'");
          ok = false;
        }
        if (ok) out.config.owners.push_back(std::move(rule));
      }
    } else if (k == "scan") {
      auto* t = node.as_table();
      if (!t) {
        err(line_of(node), "[scan] must be a table");
        continue;
      }
      for (auto&& [sk, sv] : *t) {
        std::string field(sk.str());
        if (field == "skip") {
          auto* a = sv.as_array();
          if (!a) {
            err(line_of(sv), "[scan] skip must be an array of strings");
            continue;
          }
          for (auto&& g : *a) {
            if (auto s = g.value<std::string>()) {
              out.config.skip.push_back(*s);
            } else {
              err(line_of(g), "[scan] skip entries must be strings");
            }
          }
        } else if (field == "fail_on") {
          auto s = sv.value<std::string>();
          auto sev = s ? parse_severity(*s) : std::nullopt;
          if (!sev) {
            err(line_of(sv), "[scan] fail_on must be one of info, low, medium, high, critical");
            continue;
          }
          out.config.fail_on = sev;
        } else {
          err(line_of(sv), fmt::format("unknown [scan] key '{}'", field));
        }
      }
    } else if (k == "phish") {
      parse_phish(node, out.config.phish, err);
    } else {
      err(line_of(node), fmt::format("unknown section or key '{}'", k));
    }
  }
  // toml++ iterates tables by key, not in file order; report problems in file order.
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const Error& a, const Error& b) { return a.line() < b.line(); });
  return out;
}

ConfigLoad load_config(const std::string& path, bool optional) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ConfigLoad out;
    out.config.path = path;
    if (!optional) out.errors.emplace_back(Errc::kNotFound, "cannot open config file", path);
    return out;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_config(ss.str(), path);
}

}  // namespace sw
