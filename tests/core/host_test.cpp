// SPDX-License-Identifier: Apache-2.0
#include "core/host.h"

#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw {
namespace {

using test::FixtureRoot;

TEST(Host, ReadsFilesInsideTheRoot) {
  FixtureRoot root;
  root.write("/etc/hostname", "# comment\nimage-host\n");
  Host host = root.host();
  EXPECT_FALSE(host.live());
  EXPECT_FALSE(host.is_system_root());
  auto text = host.read_file("/etc/hostname");
  ASSERT_TRUE(text);
  EXPECT_EQ(host.hostname(), "image-host");
}

TEST(Host, MissingAndUnreadableFilesAreTypedErrors) {
  FixtureRoot root;
  Host host = root.host();
  auto missing = host.read_file("/etc/shadow");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), Errc::kNotFound);
  EXPECT_EQ(missing.error().file(), "/etc/shadow");
  if (!test::running_as_root()) {
    root.write("/etc/secret", "x", 0000);
    auto denied = host.read_file("/etc/secret");
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code(), Errc::kPermission);
  }
  root.mkdir("/etc/dir");
  EXPECT_FALSE(host.read_file("/etc/dir"));
}

TEST(Host, AbsoluteSymlinksResolveInsideTheRoot) {
  FixtureRoot root;
  root.write("/etc/real.conf", "inside");
  root.symlink("/etc/real.conf", "/etc/link.conf");
  auto text = root.host().read_file("/etc/link.conf");
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "inside");
}

TEST(Host, SymlinksNeverEscapeTheRoot) {
  FixtureRoot root;
  root.write("/etc/passwd", "image passwd");
  // A link to the real machine's /etc/passwd and a ../ chain both stay in the image.
  root.symlink("/etc/passwd", "/evil-absolute");
  root.symlink("../../../../../../../../etc/passwd", "/sub/evil-relative");
  Host host = root.host();
  EXPECT_EQ(*host.read_file("/evil-absolute"), "image passwd");
  EXPECT_EQ(*host.read_file("/sub/evil-relative"), "image passwd");
  EXPECT_EQ(*host.read_file("/../../../etc/passwd"), "image passwd");
  EXPECT_EQ(host.real_path("/../../etc/passwd"), root.path() + "/etc/passwd");
}

TEST(Host, SymlinkLoopsEndWithoutHanging) {
  FixtureRoot root;
  root.symlink("/b", "/a");
  root.symlink("/a", "/b");
  EXPECT_FALSE(root.host().read_file("/a"));
}

TEST(Host, LstatSeesTheLinkStatFollowsIt) {
  FixtureRoot root;
  root.write("/target", "x", 0600);
  root.symlink("/target", "/link");
  Host host = root.host();
  EXPECT_EQ(host.lstat("/link")->type, FileType::kSymlink);
  auto st = host.stat("/link");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->type, FileType::kRegular);
  EXPECT_EQ(st->mode, 0600u);
  EXPECT_EQ(*host.read_link("/link"), "/target");
}

TEST(Host, ListDirIsSortedAndListFilesFilters) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config.d/b.conf", "");
  root.write("/etc/ssh/sshd_config.d/a.conf", "");
  root.write("/etc/ssh/sshd_config.d/c.txt", "");
  root.mkdir("/etc/ssh/sshd_config.d/d.conf");
  Host host = root.host();
  auto entries = host.list_dir("/etc/ssh/sshd_config.d");
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 4u);
  EXPECT_EQ((*entries)[0].name, "a.conf");
  auto files = host.list_files("/etc/ssh/sshd_config.d", ".conf");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0], "/etc/ssh/sshd_config.d/a.conf");
  EXPECT_TRUE(host.list_files("/nonexistent").empty());
}

TEST(Host, SplitLinesAndTrim) {
  auto lines = split_lines("a\r\nb\n\nc");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(lines[3], "c");
  EXPECT_EQ(trim("  x y \t"), "x y");
  EXPECT_EQ(trim("   "), "");
}

}  // namespace
}  // namespace sw
