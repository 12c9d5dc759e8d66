// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/packages.h"

#include "scan/check.h"
#include "scan/context.h"

namespace sw::scan {

const vuln::DpkgPackage* Packages::present(std::string_view name) const {
  for (const auto& p : db.packages) {
    if (p.name == name && p.files_present()) return &p;
  }
  return nullptr;
}

std::vector<const vuln::DpkgPackage*> Packages::present_any(
    std::initializer_list<std::string_view> names) const {
  std::vector<const vuln::DpkgPackage*> out;
  for (auto n : names) {
    if (const auto* p = present(n)) out.push_back(p);
  }
  return out;
}

Result<Packages> Packages::load(ScanContext& ctx) {
  Packages out;
  const std::string path(kDpkgStatusPath);
  auto text = ctx.host().read_file(path);
  if (!text) {
    if (text.error().code() == Errc::kNotFound) {
      out.unavailable_reason =
          "no dpkg database (/var/lib/dpkg/status): not a Debian-based system, so the installed "
          "packages cannot be listed";
      return out;
    }
    return Unexpected(text.error());
  }
  out.available = true;
  out.db = vuln::parse_dpkg_status(*text, path);
  for (const auto& e : out.db.errors) ctx.input_error(e);
  return out;
}

const Packages* packages_or_verdict(ScanContext& ctx, Outcome& out) {
  const auto& pk = ctx.fact<Packages>();
  if (!pk) {
    out.error(pk.error().to_string());
    return nullptr;
  }
  if (!pk->available) {
    out.not_applicable(pk->unavailable_reason);
    return nullptr;
  }
  return &*pk;
}

}  // namespace sw::scan
