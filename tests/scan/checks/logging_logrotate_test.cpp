// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.logging.logrotate";

TEST(LoggingLogrotate, PassesWithRuleAndTimer) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status",
             "Package: rsyslog\nStatus: install ok installed\n\n"
             "Package: logrotate\nStatus: install ok installed\n\n");
  root.write("/etc/logrotate.conf", "weekly\n");
  root.write("/etc/logrotate.d/rsyslog", "/var/log/syslog {}\n");
  root.write("/lib/systemd/system/logrotate.timer", "[Timer]\n");
  root.symlink("/lib/systemd/system/logrotate.timer",
               "/etc/systemd/system/timers.target.wants/logrotate.timer");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(LoggingLogrotate, FailsWithoutLogrotate) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", "Package: rsyslog\nStatus: install ok installed\n\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
}

TEST(LoggingLogrotate, NoSyslogIsNotApplicable) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", "Package: logrotate\nStatus: install ok installed\n\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(LoggingLogrotate, NoDpkgIsNotApplicable) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
  EXPECT_NE(r.detail.find("dpkg"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
