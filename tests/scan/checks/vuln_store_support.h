// SPDX-License-Identifier: Apache-2.0
// Test support for the vulnerability checks: an advisory store built in a fixture directory.
#pragma once

#include <string>
#include <vector>

#include "vuln/osv/advisory.h"

namespace sw::test {

// An advisory with one affected entry and one ECOSYSTEM range [introduced, fixed).
vuln::Advisory simple_advisory(const std::string& id, const std::string& ecosystem,
                               const std::string& name, const std::string& introduced,
                               const std::string& fixed);

// Builds `<dir>/osv.db` holding `advisories` (KEV-marked by `kev_cves`). Fails the test on error.
void build_store(const std::string& dir, std::vector<vuln::Advisory> advisories,
                 const std::vector<std::string>& kev_cves = {});

}  // namespace sw::test
