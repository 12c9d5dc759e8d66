// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

TEST(ServicesTalk, FailsAndPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf", "ntalk dgram udp wait nobody.tty /usr/sbin/in.ntalkd in.ntalkd\n");
  EXPECT_EQ(root.run_check("host.services.talk").status, CheckStatus::kFail);
  root.write("/etc/inetd.conf", "# nothing\n");
  EXPECT_EQ(root.run_check("host.services.talk").status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
