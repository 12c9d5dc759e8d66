// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.unexpected_suid";

// A merged-/usr Debian root whose util-linux lists /bin/su (as Debian 12's still does).
void debian(FixtureRoot& root) {
  root.write("/etc/passwd", "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
  root.mkdir("/usr/bin");
  root.symlink("usr/bin", "/bin");
  root.write("/var/lib/dpkg/info/util-linux:amd64.list", "/.\n/bin\n/bin/su\n/usr/bin/more\n");
  root.write("/var/lib/dpkg/info/findutils.list", "/.\n/usr/bin/find\n");
  root.write("/usr/bin/su", "elf", 04755);
  root.write("/usr/bin/find", "elf", 0755);
}

TEST(PermissionsUnexpectedSuid, PassesForPackageFilesThroughMergedUsr) {
  FixtureRoot root;
  debian(root);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("1 setuid/setgid file installed by Debian packages"), std::string::npos)
      << r.detail;
}

TEST(PermissionsUnexpectedSuid, FailsForFileNoPackageInstalled) {
  FixtureRoot root;
  debian(root);
  root.write("/usr/local/bin/helper", "elf", 04755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "/usr/local/bin/helper");
  EXPECT_NE(r.issues[0].evidence.find("not installed by any Debian package"), std::string::npos);
}

TEST(PermissionsUnexpectedSuid, FailsInUserWritablePlacesEvenIfListed) {
  FixtureRoot root;
  debian(root);
  root.write("/home/alice/.cache/sh", "elf", 04755);
  root.write("/tmp/x", "elf", 02755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_NE(r.issues[0].evidence.find("users can write"), std::string::npos);
  EXPECT_NE(r.issues[1].evidence.find("setgid"), std::string::npos);
}

TEST(PermissionsUnexpectedSuid, FailsForShellOrToolGivenTheBit) {
  FixtureRoot root;
  debian(root);
  root.chmod("/usr/bin/find", 04755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].package, "findutils");
  EXPECT_NE(r.issues[0].evidence.find("never installs it setuid"), std::string::npos);
}

TEST(PermissionsUnexpectedSuid, FollowsStatOverride) {
  FixtureRoot root;
  debian(root);
  root.write("/usr/lib/helper", "elf", 04754);
  root.write("/var/lib/dpkg/statoverride",
             fmt::format("#{} #{} 4754 /usr/lib/helper\n", ::getuid(), ::getgid()));
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.chmod("/usr/lib/helper", 04755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("statoverride line 1"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(PermissionsUnexpectedSuid, WithoutDpkgItCannotDecide) {
  FixtureRoot root;
  root.write("/usr/bin/su", "elf", 04755);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kError);
  EXPECT_NE(r.detail.find("no dpkg database"), std::string::npos) << r.detail;
}

TEST(PermissionsUnexpectedSuid, NotApplicableWithoutWalk) {
  FixtureRoot root;
  auto r = root.run_check(kId, false, scan::ScanOptions{.walk = false});
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
