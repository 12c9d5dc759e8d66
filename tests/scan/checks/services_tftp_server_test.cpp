// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

TEST(ServicesTftpServer, FailsAndPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("tftpd-hpa"));
  EXPECT_EQ(root.run_check("host.services.tftp_server").status, CheckStatus::kFail);
  root.write("/var/lib/dpkg/status", dpkg_stanza("tftpd-hpa", "deinstall ok config-files"));
  EXPECT_EQ(root.run_check("host.services.tftp_server").status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
