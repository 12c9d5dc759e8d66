// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

TEST(ServicesNis, FailsAndPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("nis"));
  EXPECT_EQ(root.run_check("host.services.nis").status, CheckStatus::kFail);
  root.write("/var/lib/dpkg/status", dpkg_stanza("bash"));
  EXPECT_EQ(root.run_check("host.services.nis").status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
