// SPDX-License-Identifier: Apache-2.0
// Helpers for the lockfile parser tests: "name@version" lists of a PackageList.
#pragma once

#include <string>
#include <vector>

#include "vuln/inventory/package.h"

namespace sw::vuln::testing {

inline std::vector<std::string> ids(const PackageList& list) {
  std::vector<std::string> out;
  for (const auto& p : list.packages) out.push_back(p.name + "@" + p.version);
  return out;
}

}  // namespace sw::vuln::testing
