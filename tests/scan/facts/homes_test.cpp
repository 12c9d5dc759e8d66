// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/homes.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "scan/home_fixture.h"

namespace sw::test {
namespace {

using scan::Homes;

TEST(Homes, AllHomesAreHumansAndRootSkippingMissingOnes) {
  FixtureRoot root;
  add_alice(root);
  root.write("/etc/passwd", *root.host().read_file("/etc/passwd") +
                                "bob:x:1001:1001::/home/bob:/bin/bash\n"
                                "nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n");
  Host h = root.host();
  scan::ScanContext ctx(h, {});
  const auto& homes = ctx.fact<Homes>();
  ASSERT_TRUE(homes);
  ASSERT_EQ(homes->homes.size(), 2u);
  EXPECT_EQ(homes->homes[0].account, "root");
  EXPECT_EQ(homes->homes[1].account, "alice");
  EXPECT_EQ(homes->homes[1].path, "/home/alice");
  ASSERT_EQ(homes->skipped.size(), 1u);
  EXPECT_EQ(homes->skipped[0], "bob: home /home/bob does not exist");
}

TEST(Homes, OnlyTheSelectedUid) {
  FixtureRoot root;
  add_alice(root);
  Host h = root.host();
  scan::ScanContext ctx(h, {.all_homes = false, .home_uid = alice_uid()});
  const auto& homes = ctx.fact<Homes>();
  ASSERT_TRUE(homes);
  ASSERT_EQ(homes->homes.size(), 1u);
  EXPECT_EQ(homes->homes[0].account, "alice");
  EXPECT_EQ(homes->homes[0].private_gid, alice_uid());
}

TEST(Homes, SymlinkedHomeStaysInsideTheRoot) {
  FixtureRoot root;
  FixtureRoot outside;
  outside.mkdir("/carol");
  add_alice(root, false);
  root.mkdir("/data/alice");
  root.symlink("/data/alice", "/home/alice");
  root.write("/etc/passwd",
             *root.host().read_file("/etc/passwd") + "carol:x:1002:1002::/home/carol:/bin/bash\n");
  // carol's home points at a real directory outside the root: it must not be followed there.
  root.symlink(outside.path() + "/carol", "/home/carol");
  Host h = root.host();
  scan::ScanContext ctx(h, {});
  const auto& homes = ctx.fact<Homes>();
  ASSERT_TRUE(homes);
  ASSERT_EQ(homes->homes.size(), 2u);
  EXPECT_TRUE(homes->homes[1].symlink);
  EXPECT_EQ(homes->homes[1].link_target, "/data/alice");
  ASSERT_EQ(homes->skipped.size(), 1u);
  EXPECT_NE(homes->skipped[0].find("carol"), std::string::npos);
  EXPECT_EQ(homes->notes.size(), 2u);  // both links are noted; carol's is then skipped
}

TEST(Homes, MissingPasswdIsAnError) {
  FixtureRoot root;
  Host h = root.host();
  scan::ScanContext ctx(h, {});
  EXPECT_FALSE(ctx.fact<Homes>());
}

TEST(Homes, ForeignWritersHonourThePersonalGroup) {
  Homes homes;
  homes.group_names = {{1000, "alice"}, {50, "staff"}};
  homes.user_names = {{1000, "alice"}, {1001, "bob"}};
  scan::Home home;
  home.uid = 1000;
  home.private_gid = 1000;
  FileStat st;
  st.uid = 1000;
  st.gid = 1000;
  st.mode = 0664;
  EXPECT_EQ(scan::foreign_writers(homes, home, st), "");
  st.gid = 50;
  EXPECT_EQ(scan::foreign_writers(homes, home, st), "mode 0664: writable by group staff (gid 50)");
  st.mode = 0646;
  EXPECT_EQ(scan::foreign_writers(homes, home, st), "mode 0646: writable by every user");
  st.mode = 0644;
  st.uid = 1001;
  EXPECT_EQ(scan::foreign_writers(homes, home, st), "owned by bob (uid 1001)");
  st.uid = 0;
  EXPECT_EQ(scan::foreign_writers(homes, home, st), "");
  EXPECT_EQ(scan::foreign_readers(homes, home, st), "mode 0644: readable by every user");
  st.mode = 0640;
  EXPECT_EQ(scan::foreign_readers(homes, home, st), "mode 0640: readable by group staff (gid 50)");
  st.gid = 1000;
  EXPECT_EQ(scan::foreign_readers(homes, home, st), "");
}

TEST(Homes, SymlinkToAnotherUsersFileIsNotRead) {
  if (!running_as_root()) GTEST_SKIP() << "needs root for chown";
  FixtureRoot root;
  add_alice(root);
  root.write("/root/.netrc", "machine secret.example password x\n", 0600);
  root.symlink("/root/.netrc", "/home/alice/.netrc");
  root.write("/home/alice/.pgpass", "h:1:d:u:p\n", 0600);
  root.chown("/home/alice/.pgpass", alice_uid(), alice_uid());
  root.symlink("/home/alice/.pgpass", "/home/alice/.pgpass2");
  Host h = root.host();
  scan::ScanContext ctx(h, {});
  const auto& homes = ctx.fact<Homes>();
  ASSERT_TRUE(homes);
  const auto& alice = homes->homes[1];
  auto f = scan::read_home_file(h, alice, ".netrc");
  EXPECT_TRUE(f.exists);
  EXPECT_FALSE(f.text);
  ASSERT_TRUE(f.error);
  EXPECT_NE(f.error->message().find("not read"), std::string::npos);
  auto g = scan::read_home_file(h, alice, ".pgpass2");
  EXPECT_TRUE(g.text);
}

}  // namespace
}  // namespace sw::test
