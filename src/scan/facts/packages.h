// SPDX-License-Identifier: Apache-2.0
// Packages: the installed Debian packages, read once per scan from /var/lib/dpkg/status with the
// vulnerability inventory's parser (vuln/inventory/dpkg_status.h). Malformed stanzas are reported
// to ctx.input_error() and skipped. A root without a dpkg database (not Debian-based) is not an
// error: `available` is false and `unavailable_reason` says why, so checks that depend on the
// package list answer "not applicable" with that reason instead of passing.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "vuln/inventory/dpkg_status.h"

namespace sw::scan {

class ScanContext;
class Outcome;

inline constexpr std::string_view kDpkgStatusPath = "/var/lib/dpkg/status";

struct Packages {
  bool available = false;
  std::string unavailable_reason;  // set when !available
  vuln::DpkgDatabase db;

  // The package with this name whose files are present (any architecture), or nullptr.
  const vuln::DpkgPackage* present(std::string_view name) const;
  // The present packages among `names`, in the order given.
  std::vector<const vuln::DpkgPackage*> present_any(
      std::initializer_list<std::string_view> names) const;

  static Result<Packages> load(ScanContext& ctx);
};

// For checks: the package list, or nullptr after recording on `out` why it cannot be used
// (error when the status file is unreadable, not applicable when there is no dpkg database).
const Packages* packages_or_verdict(ScanContext& ctx, Outcome& out);

}  // namespace sw::scan
