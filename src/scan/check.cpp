// SPDX-License-Identifier: Apache-2.0
#include "scan/check.h"

#include <algorithm>
#include <map>
#include <sstream>

#include <fmt/format.h>

namespace sw::scan {

std::vector<std::string> references_of(const CheckInfo& info) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream cis{std::string(info.cis)};
  while (cis >> item) out.push_back(fmt::format("CIS Debian 12 {}", item));
  std::istringstream lynis{std::string(info.lynis)};
  while (lynis >> item) out.push_back(fmt::format("Lynis {}", item));
  std::istringstream refs{std::string(info.refs)};
  while (refs >> item) out.push_back(item);
  return out;
}

void Outcome::pass(std::string detail) {
  passed_ = true;
  if (!detail.empty()) pass_notes_.push_back(std::move(detail));
}

void Outcome::fail(Issue issue) { issues_.push_back(std::move(issue)); }

void Outcome::fail(std::string subject, std::string evidence, Location location) {
  Issue issue;
  issue.subject = std::move(subject);
  issue.evidence = std::move(evidence);
  issue.location = std::move(location);
  issues_.push_back(std::move(issue));
}

void Outcome::not_applicable(std::string reason) { na_reasons_.push_back(std::move(reason)); }

void Outcome::error(std::string reason) { errors_.push_back(std::move(reason)); }

std::optional<CheckStatus> Outcome::status() const {
  if (!issues_.empty()) return CheckStatus::kFail;
  if (!errors_.empty()) return CheckStatus::kError;
  if (!na_reasons_.empty() && !passed_) return CheckStatus::kNotApplicable;
  if (passed_) return CheckStatus::kPass;
  return std::nullopt;
}

std::string Outcome::detail() const {
  std::vector<std::string> parts;
  auto st = status();
  if (st == CheckStatus::kError || st == CheckStatus::kFail) {
    for (const auto& e : errors_) parts.push_back(e);
  }
  if (st == CheckStatus::kNotApplicable) parts = na_reasons_;
  if (st == CheckStatus::kPass) parts = pass_notes_;
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

namespace {

std::map<std::string_view, RegisteredCheck>& table() {
  static std::map<std::string_view, RegisteredCheck> checks;
  return checks;
}

}  // namespace

bool Registry::add(const CheckInfo& info, CheckFn fn) {
  auto [it, inserted] = table().try_emplace(info.id, RegisteredCheck{&info, fn});
  // A duplicated id is a programmer error; the registry test catches it by counting files.
  return inserted;
}

std::vector<RegisteredCheck> Registry::all() {
  std::vector<RegisteredCheck> out;
  for (const auto& [id, check] : table()) out.push_back(check);
  return out;
}

std::optional<RegisteredCheck> Registry::find(std::string_view id) {
  auto it = table().find(id);
  if (it == table().end()) return std::nullopt;
  return it->second;
}

}  // namespace sw::scan
