// SPDX-License-Identifier: Apache-2.0
// DpkgPackages: the dpkg database (/var/lib/dpkg/status) parsed once per scan for the host checks
// that ask "is package X installed" (see vuln/inventory/dpkg_status.h for the format).
#pragma once

#include <optional>
#include <string_view>

#include "core/error.h"
#include "core/result.h"
#include "vuln/inventory/dpkg_status.h"

namespace sw::scan {

class ScanContext;

struct DpkgPackages {
  bool present = false;        // /var/lib/dpkg/status exists (a Debian-family system)
  std::optional<Error> error;  // it exists but could not be read
  vuln::DpkgDatabase db;

  bool installed(std::string_view name) const { return db.installed(name) != nullptr; }

  static Result<DpkgPackages> load(ScanContext& ctx);
};

}  // namespace sw::scan
