// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.logging.auditd";

void install_auditd(FixtureRoot& root, bool enable) {
  root.write("/var/lib/dpkg/status",
             "Package: auditd\nStatus: install ok installed\nVersion: 1:3.0.9-1\n\n");
  root.write("/lib/systemd/system/auditd.service", "[Service]\n");
  if (enable) {
    root.symlink("/lib/systemd/system/auditd.service",
                 "/etc/systemd/system/multi-user.target.wants/auditd.service");
  }
}

TEST(LoggingAuditd, PassesWithRules) {
  FixtureRoot root;
  install_auditd(root, true);
  root.write("/etc/audit/rules.d/50-scope.rules", "-D\n-b 8192\n-w /etc/sudoers -p wa -k scope\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(LoggingAuditd, FailsWithoutRules) {
  FixtureRoot root;
  install_auditd(root, true);
  root.write("/etc/audit/rules.d/audit.rules", "-D\n-b 8192\n--backlog_wait_time 60000\n-f 1\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
}

TEST(LoggingAuditd, FailsWhenNotEnabledOrMasked) {
  FixtureRoot root;
  install_auditd(root, false);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
  install_auditd(root, true);
  root.write("/etc/audit/rules.d/a.rules", "-w /etc/passwd -p wa\n");
  root.symlink("/dev/null", "/etc/systemd/system/auditd.service");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("masked"), std::string::npos);
}

TEST(LoggingAuditd, NotInstalledFails) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", "Package: bash\nStatus: install ok installed\n\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
}

TEST(LoggingAuditd, ContainerIsNotApplicable) {
  FixtureRoot root;
  root.write("/run/systemd/container", "lxc\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
