// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.logging.persistent_logs";

void systemd(FixtureRoot& root) { root.write("/lib/systemd/systemd", ""); }

TEST(LoggingPersistentLogs, AutoWithJournalDirPasses) {
  FixtureRoot root;
  systemd(root);
  root.mkdir("/var/log/journal");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(LoggingPersistentLogs, AutoWithoutJournalDirFails) {
  FixtureRoot root;
  systemd(root);
  root.write("/etc/systemd/journald.conf", "[Journal]\n#Storage=auto\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
}

TEST(LoggingPersistentLogs, DropInOrderAndMasking) {
  FixtureRoot root;
  systemd(root);
  root.write("/etc/systemd/journald.conf", "[Journal]\nStorage=persistent\n");
  // A vendor drop-in sorted later sets volatile: it wins...
  root.write("/usr/lib/systemd/journald.conf.d/50-vendor.conf", "[Journal]\nStorage=volatile\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.path, "/usr/lib/systemd/journald.conf.d/50-vendor.conf");
  // ...unless /etc masks it with a /dev/null link of the same name.
  root.symlink("/dev/null", "/etc/systemd/journald.conf.d/50-vendor.conf");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(LoggingPersistentLogs, EnabledRsyslogPasses) {
  FixtureRoot root;
  systemd(root);
  root.write("/etc/systemd/journald.conf", "[Journal]\nStorage=volatile\n");
  root.write("/lib/systemd/system/rsyslog.service", "[Service]\n");
  root.symlink("/lib/systemd/system/rsyslog.service",
               "/etc/systemd/system/multi-user.target.wants/rsyslog.service");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(LoggingPersistentLogs, ContainerIsNotApplicable) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
