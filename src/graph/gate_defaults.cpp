// SPDX-License-Identifier: Apache-2.0
// Default p of vulnerability gates (gate_defaults.h; ../shared/specs/graph.md, 2.2). The CVSS
// vector reading is hand-written on purpose: we need four base metrics of a v3 vector and one of
// a v2 vector, and sw_graph does not depend on the vuln module.
#include "graph/gate_defaults.h"

#include <algorithm>
#include <map>
#include <string>

namespace sw::graph {
namespace {

// CVSS v3.x exploitability weights (FIRST CVSS v3.1 specification, section 7.4).
constexpr double kEMax = 8.22 * 0.85 * 0.77 * 0.85 * 0.85;  // 3.887: AV:N/AC:L/PR:N/UI:N

// "K:V/K:V/..." to a map; false on a malformed part or a repeated metric.
bool metrics(std::string_view s, std::map<std::string, std::string, std::less<>>& out) {
  while (!s.empty()) {
    auto slash = s.find('/');
    std::string_view part = s.substr(0, slash);
    auto colon = part.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == part.size()) return false;
    if (!out.emplace(std::string(part.substr(0, colon)), std::string(part.substr(colon + 1)))
             .second) {
      return false;
    }
    if (slash == std::string_view::npos) break;
    s.remove_prefix(slash + 1);
  }
  return true;
}

std::optional<double> weight(const std::map<std::string, std::string, std::less<>>& m,
                             std::string_view key,
                             std::initializer_list<std::pair<std::string_view, double>> table) {
  auto it = m.find(key);
  if (it == m.end()) return std::nullopt;
  for (const auto& [value, w] : table) {
    if (it->second == value) return w;
  }
  return std::nullopt;
}

}  // namespace

std::optional<CvssP> cvss_exploit_p(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '(')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == ')')) v.remove_suffix(1);
  int version = 2;
  if (v.starts_with("CVSS:3.0/") || v.starts_with("CVSS:3.1/")) {
    version = 3;
    v.remove_prefix(9);
  } else if (v.starts_with("CVSS:2.0/")) {
    v.remove_prefix(9);
  } else if (v.starts_with("CVSS:")) {
    return std::nullopt;  // 4.0 or unknown
  }
  std::map<std::string, std::string, std::less<>> m;
  if (!metrics(v, m)) return std::nullopt;
  if (version == 2) {
    if (m.count("Au") == 0) return std::nullopt;  // not a v2 vector
    auto ac = weight(m, "AC", {{"L", 0.9}, {"M", 0.6}, {"H", 0.2}});
    if (!ac) return std::nullopt;
    return CvssP{*ac, 2};
  }
  bool changed = false;
  if (auto s = m.find("S"); s != m.end()) {
    if (s->second != "U" && s->second != "C") return std::nullopt;
    changed = s->second == "C";
  }
  auto av = weight(m, "AV", {{"N", 0.85}, {"A", 0.62}, {"L", 0.55}, {"P", 0.2}});
  auto ac = weight(m, "AC", {{"L", 0.77}, {"H", 0.44}});
  auto pr =
      weight(m, "PR", {{"N", 0.85}, {"L", changed ? 0.68 : 0.62}, {"H", changed ? 0.5 : 0.27}});
  auto ui = weight(m, "UI", {{"N", 0.85}, {"R", 0.62}});
  if (!av || !ac || !pr || !ui) return std::nullopt;
  // The spec writes E_max as 3.887; dividing by the exact product makes AV:N/AC:L/PR:N/UI:N give
  // exactly 0.9, as the spec says it does.
  double e = 8.22 * *av * *ac * *pr * *ui;
  return CvssP{std::min(0.9, 0.9 * e / kEMax), 3};
}

DefaultP default_vuln_p(const Finding& f, const Defaults& d) {
  if (f.kev.value_or(false)) return {d.kev_p, "kev"};
  if (f.epss) return {std::min(1.0, std::max(*f.epss, d.epss_min_p)), "epss"};
  if (!f.cvss.empty()) {
    if (auto c = cvss_exploit_p(f.cvss)) return {c->p, c->version == 3 ? "cvss3" : "cvss2"};
  }
  if (f.effect == Effect::kCodeExec) return {d.vuln_remote_p, "default"};
  return {d.vuln_local_p, "default"};
}

}  // namespace sw::graph
