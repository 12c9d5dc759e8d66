// SPDX-License-Identifier: Apache-2.0
// Small helpers for the lockfile parser tests: "name@version" lists of a PackageList.
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

inline const Package* find(const PackageList& list, const std::string& name) {
  for (const auto& p : list.packages) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace sw::vuln::testing
