// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.dotfile_permissions";

TEST(HomeDotfilePermissions, FailsOnWritableStartupFilesAndHome) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.bashrc", "alias ll='ls -l'\n", 0666);
  root.write("/home/alice/.profile", ". ~/.bashrc\n", 0644);
  root.write("/home/alice/.ssh/config", "Host *\n", 0602);
  root.chmod("/root", 0777);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 3u);
  EXPECT_EQ(r.issues[0].subject, "/root");
  EXPECT_EQ(r.issues[0].owner_name, "root");
  EXPECT_EQ(r.issues[1].evidence, "/home/alice/.bashrc: mode 0666: writable by every user");
  EXPECT_EQ(r.issues[1].owner_name, "alice");
  EXPECT_EQ(r.issues[2].subject, "/home/alice/.ssh/config");
}

TEST(HomeDotfilePermissions, PassesWhenOnlyOwnersWrite) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.bashrc", "x\n", 0644);
  root.write("/home/alice/.zshrc", "x\n", 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("2 startup file(s)"), std::string::npos) << r.detail;
}

TEST(HomeDotfilePermissions, SymlinkedDotfileIsJudgedByItsTarget) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/dotfiles/bashrc", "x\n", 0666);
  root.symlink("dotfiles/bashrc", "/home/alice/.bashrc");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("symlink target"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
