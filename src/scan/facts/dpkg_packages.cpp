// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/dpkg_packages.h"

#include "scan/context.h"

namespace sw::scan {

Result<DpkgPackages> DpkgPackages::load(ScanContext& ctx) {
  DpkgPackages out;
  constexpr const char* kPath = "/var/lib/dpkg/status";
  auto text = ctx.host().read_file(kPath, 256u << 20);
  if (!text) {
    if (text.error().code() != Errc::kNotFound) {
      out.present = true;
      out.error = text.error();
    }
    return out;
  }
  out.present = true;
  out.db = vuln::parse_dpkg_status(*text, kPath);
  for (const auto& e : out.db.errors) ctx.input_error(e);
  return out;
}

}  // namespace sw::scan
