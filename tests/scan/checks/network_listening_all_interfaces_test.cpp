// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.listening_all_interfaces";
constexpr const char* kHeader = "  sl  local_address rem_address   st ...\n";

TEST(NetworkListeningAllInterfaces, FailsPerWildcardSocketWithSeverityByPort) {
  FixtureRoot root;
  root.write("/proc/net/tcp", std::string(kHeader) +
                                  "   0: 00000000:0016 00000000:0000 0A 0:0 0:0 0 0 0 100 1\n"
                                  "   1: 00000000:18EB 00000000:0000 0A 0:0 0:0 0 0 0 101 1\n"
                                  "   2: 0100007F:0CEA 00000000:0000 0A 0:0 0:0 0 0 0 102 1\n");
  root.write("/proc/net/tcp6",
             std::string(kHeader) +
                 "   0: 00000000000000000000000000000000:0016 "
                 "00000000000000000000000000000000:0000 0A 0:0 0:0 0 0 0 103 1\n");
  root.write("/proc/123/comm", "sshd\n");
  root.mkdir("/proc/123/fd");
  root.symlink("socket:[100]", "/proc/123/fd/3");
  auto r = root.run_check(kId, true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 3u);
  EXPECT_EQ(r.issues[0].subject, "tcp/0.0.0.0:22");
  EXPECT_NE(r.issues[0].evidence.find("(sshd, pid 123)"), std::string::npos);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
  EXPECT_EQ(r.issues[1].subject, "tcp/0.0.0.0:6379");
  EXPECT_EQ(r.issues[1].severity, Severity::kHigh);
  EXPECT_NE(r.issues[1].evidence.find("process unknown"), std::string::npos);
  EXPECT_EQ(r.issues[2].subject, "tcp/[::]:22");
}

TEST(NetworkListeningAllInterfaces, PassesWhenOnlyLoopbackListens) {
  FixtureRoot root;
  root.write("/proc/net/tcp", std::string(kHeader) +
                                  "   0: 0100007F:0CEA 00000000:0000 0A 0:0 0:0 0 0 0 102 1\n"
                                  "   1: 00000000:0016 0200000A:C350 01 0:0 0:0 0 0 0 104 1\n");
  root.write("/proc/net/udp",
             std::string(kHeader) + "   0: 0100007F:0035 00000000:0000 07 0:0 0:0 0 0 0 105 1\n");
  auto r = root.run_check(kId, true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkListeningAllInterfaces, NotApplicableInImageMode) {
  FixtureRoot root;
  auto r = root.run_check(kId, false);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
  EXPECT_NE(r.detail.find("no running kernel"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
