// SPDX-License-Identifier: Apache-2.0
// Baseline reading and comparison (see baseline.h). nlohmann-json parses; its exceptions are
// caught here, at the boundary.
#include "secrets/baseline.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "secrets/fingerprint.h"

namespace sw::secrets {
namespace {

using nlohmann::json;

std::string str(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int num(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number_integer()) return 0;
  const auto v = it->get<long long>();
  return v < 0 || v > 1'000'000'000 ? 0 : static_cast<int>(v);
}

int line_at(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
}

bool is_fingerprint(const std::string& s) { return s.size() == 19 && s.starts_with("SW-"); }

// Whether gitleaks redacted this secret (--redact: "REDACTED", --redact=N: "abc...", or a
// hand-masked "****"); sets the visible prefix.
bool gitleaks_redacted(const std::string& secret, std::string& prefix) {
  if (secret.empty() || secret == "REDACTED") return true;
  if (std::all_of(secret.begin(), secret.end(), [](char c) { return c == '*'; })) return true;
  if (secret.ends_with("...")) {
    prefix = secret.substr(0, secret.size() - 3);
    return true;
  }
  return false;
}

void add_gitleaks_entry(Baseline& b, const json& e, size_t index) {
  if (!e.is_object()) {
    b.errors.emplace_back(Errc::kParse, fmt::format("entry {} is not a finding object", index),
                          b.file);
    return;
  }
  const std::string rule = str(e, "RuleID");
  if (rule.empty()) {
    b.errors.emplace_back(Errc::kParse, fmt::format("entry {} has no RuleID", index), b.file);
    return;
  }
  ++b.entries;
  const std::string path = normalize_path(str(e, "File"));
  const std::string secret = str(e, "Secret");
  if (auto form = parse_redacted(secret)) {
    b.by_hash.push_back(Baseline::ByHash{rule, path, std::move(*form)});
    return;
  }
  std::string prefix;
  if (gitleaks_redacted(secret, prefix)) {
    b.by_position.push_back(Baseline::ByPosition{rule, path, str(e, "Commit"), num(e, "StartLine"),
                                                 num(e, "EndLine"), num(e, "StartColumn"),
                                                 num(e, "EndColumn"), std::move(prefix)});
    // "abc..." may also be a real secret that ends in dots; "" is also what a path-only rule
    // (a file found by name) reports.
    if (!secret.empty() && !secret.ends_with("...")) return;
  }
  b.fingerprints.insert(secret_fingerprint(rule, secret, path));
}

void add_shieldwall_report(Baseline& b, const json& findings) {
  for (size_t i = 0; i < findings.size(); ++i) {
    const json& f = findings[i];
    const std::string id = f.is_object() ? str(f, "id") : std::string();
    if (!is_fingerprint(id)) {
      b.errors.emplace_back(Errc::kParse, fmt::format("finding {} has no shieldwall id", i),
                            b.file);
      continue;
    }
    ++b.entries;
    b.fingerprints.insert(id);
  }
}

void add_sarif(Baseline& b, const json& runs) {
  for (const json& run : runs) {
    if (!run.is_object()) continue;
    auto results = run.find("results");
    if (results == run.end() || !results->is_array()) continue;
    for (const json& r : *results) {
      if (!r.is_object()) continue;
      auto pf = r.find("partialFingerprints");
      if (pf == r.end() || !pf->is_object()) continue;
      const std::string id = str(*pf, "shieldwall/v1");
      if (!is_fingerprint(id)) continue;
      ++b.entries;
      b.fingerprints.insert(id);
    }
  }
}

}  // namespace

bool Baseline::contains(const SecretMatch& m) const {
  const std::string path = normalize_path(m.path);
  if (!fingerprints.empty() && fingerprints.count(secret_fingerprint(m.rule_id, m.secret, path))) {
    return true;
  }
  for (const ByHash& h : by_hash) {
    if (h.rule == m.rule_id && h.path == path && redacted_matches(h.form, m.secret)) return true;
  }
  for (const ByPosition& p : by_position) {
    if (p.rule == m.rule_id && p.path == path && p.commit == m.commit &&
        p.start_line == m.start_line && p.end_line == m.end_line &&
        p.start_column == m.start_column && p.end_column == m.end_column &&
        m.secret.starts_with(p.prefix)) {
      return true;
    }
  }
  return false;
}

Baseline parse_baseline(std::string_view text, const std::string& path) {
  Baseline b;
  b.file = path;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    b.errors.emplace_back(Errc::kParse, "not valid JSON", path, line_at(text, e.byte));
    return b;
  } catch (const std::exception&) {
    b.errors.emplace_back(Errc::kParse, "not valid JSON", path);
    return b;
  }
  if (doc.is_array()) {
    for (size_t i = 0; i < doc.size(); ++i) add_gitleaks_entry(b, doc[i], i);
  } else if (doc.is_object() && doc.contains("findings") && doc["findings"].is_array()) {
    add_shieldwall_report(b, doc["findings"]);
  } else if (doc.is_object() && doc.contains("runs") && doc["runs"].is_array()) {
    add_sarif(b, doc["runs"]);
  } else {
    b.errors.emplace_back(Errc::kParse,
                          "not a report shieldwall knows (a gitleaks JSON array of findings, a "
                          "shieldwall report, or SARIF)",
                          path, 1);
  }
  return b;
}

Baseline load_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Baseline b;
    b.file = path;
    b.errors.push_back(error_from_errno(errno, "cannot read baseline", path));
    return b;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_baseline(ss.str(), path);
}

std::vector<SecretMatch> new_findings(const Baseline& baseline, std::vector<SecretMatch> matches) {
  std::vector<SecretMatch> out;
  out.reserve(matches.size());
  for (SecretMatch& m : matches) {
    if (!baseline.contains(m)) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sw::secrets
