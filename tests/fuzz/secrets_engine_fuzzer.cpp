// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the secret-scanning engine (secrets/engine.h): arbitrary bytes scanned with
// a small fixed rule set (bounded, unbounded, multi-line and empty-matching regexes, keywords,
// groups, entropy, allowlists, a generic rule). Besides not crashing or hanging, the engine must
// find exactly what the reference worker (gitleaks' design: RE2 over the whole fragment) finds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "secrets/engine.h"

namespace {

sw::secrets::Rule rule(std::string id, std::string regex, std::vector<std::string> keywords) {
  sw::secrets::Rule r;
  r.id = std::move(id);
  r.regex = std::move(regex);
  r.keywords = std::move(keywords);
  return r;
}

const sw::secrets::Scanner& scanner() {
  static const std::unique_ptr<sw::secrets::Scanner> compiled = [] {
    sw::secrets::RuleSet rs;
    rs.rules.push_back(
        rule("aws", R"(\b((?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z2-7]{16})\b)", {"akia", "asia"}));
    rs.rules.push_back(rule(
        "generic-api-key",
        R"((?i)[\w.-]{0,20}?(?:key|token|secret)(?:[ \t\w.-]{0,10})[\s'"]{0,3}(?:=|:|=>)[\x60'"\s=]{0,5}([\w.=-]{6,40}|[a-z0-9][a-z0-9+/]{7,}={0,3})(?:[\x60'"\s;]|\\[nr]|$))",
        {"key", "token", "secret"}));
    rs.rules.back().entropy = 2.0;
    rs.rules.push_back(rule(
        "private-key", R"((?i)-----BEGIN[ A-Z0-9_-]{0,20}PRIVATE KEY-----[\s\S-]{8,}?KEY-----)",
        {"-----begin"}));
    rs.rules.push_back(
        rule("jwt", R"(\b(ey[a-zA-Z0-9]{5,}\.ey[a-zA-Z0-9_-]{5,}\.[a-zA-Z0-9_-]*))", {"ey"}));
    rs.rules.push_back(rule("quoted", R"re(pw="([^"]{3,})")re", {}));
    rs.rules.push_back(rule("empty", R"(x*)", {"xx"}));
    rs.rules.push_back(rule("anchors", R"(^a.{2}\b|z$|(?m)^q\w+$)", {}));
    sw::secrets::Allowlist stop;
    stop.stopwords = {"example"};
    rs.rules[1].allowlists.push_back(stop);
    sw::secrets::Allowlist global;
    global.regexes = {R"(^\$\{\w+\}$)"};
    rs.allowlists.push_back(global);
    auto s = sw::secrets::Scanner::compile(std::move(rs), nullptr);
    if (!s) std::abort();
    return std::move(*s);
  }();
  return *compiled;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto worker = scanner().make_worker();
  static auto reference = scanner().make_reference_worker();
  if (!worker || !reference) std::abort();
  sw::secrets::Fragment fragment;
  fragment.text = std::string_view(reinterpret_cast<const char*>(data), size);
  fragment.path = "fuzz/input.txt";
  std::vector<sw::secrets::SecretMatch> got;
  std::vector<sw::secrets::SecretMatch> want;
  if (!(*worker)->scan(fragment, got) || !(*reference)->scan(fragment, want)) std::abort();
  if (got.size() != want.size()) std::abort();
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i].rule_id != want[i].rule_id || got[i].match != want[i].match ||
        got[i].secret != want[i].secret || got[i].start_line != want[i].start_line ||
        got[i].start_column != want[i].start_column) {
      std::abort();
    }
  }
  return 0;
}
