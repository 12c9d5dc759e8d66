// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.log_files";

TEST(PermissionsLogFiles, PassesOnDebianDefaults) {
  FixtureRoot root;
  root.write("/var/log/syslog", "", 0640);
  root.write("/var/log/auth.log.1", "", 0640);
  root.write("/var/log/wtmp", "", 0644);
  root.write("/var/log/lastlog", "", 0644);
  root.write("/var/log/btmp.1", "", 0600);
  root.write("/var/log/dpkg.log", "", 0644);
  root.write("/var/log/dpkg.log.2.gz", "", 0644);
  root.write("/var/log/alternatives.log", "", 0644);
  root.write("/var/log/apt/history.log", "", 0644);
  root.write("/var/log/apt/eipp.log.xz", "", 0644);
  root.write("/var/log/apt/term.log", "", 0640);
  root.write("/var/log/journal/abc/system.journal", "", 0640);
  root.symlink("../../usr/share/doc/systemd/README.logs", "/var/log/README");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("12 log files"), std::string::npos) << r.detail;
}

TEST(PermissionsLogFiles, FailsOnReadableAuthLogAndWritableFile) {
  FixtureRoot root;
  root.write("/var/log/auth.log", "", 0644);
  root.write("/var/log/btmp", "", 0644);
  root.write("/var/log/app/app.log", "", 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 3u);
  for (const auto& i : r.issues) {
    if (i.subject == "/var/log/app/app.log") {
      EXPECT_EQ(i.severity, Severity::kHigh);
    } else {
      EXPECT_EQ(i.severity, Severity::kMedium) << i.subject;
      EXPECT_NE(i.evidence.find("others can read"), std::string::npos);
    }
  }
}

TEST(PermissionsLogFiles, NoVarLogIsNotApplicable) {
  FixtureRoot root;
  root.mkdir("/var");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
