// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

TEST(ServicesRshServer, PackageAndInetdShellFail) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("bash"));
  EXPECT_EQ(root.run_check("host.services.rsh_server").status, CheckStatus::kPass);
  root.write("/var/lib/dpkg/status", dpkg_stanza("rsh-server"));
  root.write("/etc/inetd.conf", "shell stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.rshd\n");
  auto r = root.run_check("host.services.rsh_server");
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues.size(), 2u);
}

}  // namespace
}  // namespace sw::test
