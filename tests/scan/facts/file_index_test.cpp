// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/file_index.h"

#include <cstdio>
#include <cstdlib>

#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "scan/check.h"
#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

using sw::test::FixtureRoot;

bool has(const std::vector<IndexedFile>& list, std::string_view path) {
  for (const auto& f : list) {
    if (f.path == path) return true;
  }
  return false;
}

WalkOptions options_for(const FixtureRoot& root) {
  WalkOptions opt;
  opt.root = root.path();
  return opt;
}

TEST(FileIndex, FindsInterestingEntriesWithPathsInsideTheRoot) {
  FixtureRoot root;
  root.write("/usr/bin/tool", "x", 04755);
  root.write("/usr/bin/gtool", "x", 02755);
  root.write("/usr/bin/plain", "x", 0755);
  root.write("/srv/open.txt", "x", 0666);
  root.mkdir("/srv/drop", 0777);
  root.mkdir("/tmp", 01777);
  root.write("/tmp/scratch", "x", 0600);
  for (int threads : {1, 2, 4}) {
    SCOPED_TRACE(threads);
    auto opt = options_for(root);
    opt.threads = threads;
    FileIndex idx = walk_filesystem(opt);
    EXPECT_TRUE(idx.walked);
    EXPECT_TRUE(has(idx.setid, "/usr/bin/tool"));
    EXPECT_TRUE(has(idx.setid, "/usr/bin/gtool"));
    EXPECT_FALSE(has(idx.setid, "/usr/bin/plain"));
    EXPECT_EQ(idx.setid_total, 2u);
    EXPECT_TRUE(has(idx.world_writable_files, "/srv/open.txt"));
    EXPECT_EQ(idx.world_writable_files_total, 1u);
    EXPECT_TRUE(has(idx.world_writable_dirs, "/srv/drop"));
    EXPECT_TRUE(has(idx.world_writable_dirs, "/tmp"));
    EXPECT_EQ(idx.files, 5u);
    EXPECT_EQ(idx.dirs, 6u);  // /, /usr, /usr/bin, /srv, /srv/drop, /tmp
    EXPECT_TRUE(idx.unowned.empty());
  }
}

TEST(FileIndex, NeverFollowsSymlinksAndSkipsPseudoPaths) {
  FixtureRoot outside;
  outside.write("/secret/suid", "x", 04755);
  FixtureRoot root;
  root.mkdir("/etc");
  root.symlink(outside.path() + "/secret", "/etc/link");
  root.write("/proc/1/exe", "x", 04755);
  root.write("/run/user/x", "x", 0666);
  root.write("/sys/kernel/x", "x", 0666);
  FileIndex idx = walk_filesystem(options_for(root));
  EXPECT_TRUE(idx.setid.empty());
  EXPECT_TRUE(idx.world_writable_files.empty());
  EXPECT_EQ(idx.skipped_mounts, (std::vector<std::string>{"/proc", "/run", "/sys"}));
}

TEST(FileIndex, RecordsUnknownOwnersOnlyWhenOwnersAreKnown) {
  FixtureRoot root;
  root.write("/data/file", "x", 0644);
  auto opt = options_for(root);
  FileIndex idx = walk_filesystem(opt);
  EXPECT_TRUE(idx.unowned.empty());
  opt.owners_known = true;
  opt.known_uids = {::getuid() == 0 ? 1u : 0u};
  opt.known_gids = {::getgid()};
  idx = walk_filesystem(opt);
  EXPECT_TRUE(has(idx.unowned, "/data/file"));
  EXPECT_TRUE(has(idx.unowned, "/data"));
  opt.known_uids = {::getuid()};
  idx = walk_filesystem(opt);
  EXPECT_TRUE(idx.unowned.empty());
}

TEST(FileIndex, CountsUnreadableDirectories) {
  if (sw::test::running_as_root()) GTEST_SKIP() << "root reads every directory";
  FixtureRoot root;
  root.write("/locked/inner/suid", "x", 04755);
  root.chmod("/locked", 0);
  FileIndex idx = walk_filesystem(options_for(root));
  EXPECT_EQ(idx.unreadable_dirs, 1u);
  EXPECT_EQ(idx.unreadable_examples, (std::vector<std::string>{"/locked"}));
  EXPECT_NE(idx.unreadable_note().find("could not read 1 directory (/locked)"), std::string::npos);
}

TEST(FileIndex, LoadRespectsNoWalk) {
  FixtureRoot root;
  root.write("/x", "x", 04755);
  Host host(root.path(), false);
  ScanContext ctx(host, ScanOptions{.walk = false});
  const auto& idx = ctx.fact<FileIndex>();
  ASSERT_TRUE(idx);
  EXPECT_FALSE(idx->walked);
  EXPECT_EQ(idx->not_walked_reason, "filesystem walk disabled (--no-walk)");
}

TEST(FileIndex, LoadUsesTheRootsAccounts) {
  FixtureRoot root;
  uint32_t other = ::getuid() == 4242 ? 4343 : 4242;
  root.write("/etc/passwd", fmt::format("ghost:x:{0}:{0}::/:/bin/false\n", other));
  root.write("/etc/group", fmt::format("ghost:x:{}:\n", other));
  Host host(root.path(), false);
  ScanContext ctx(host, ScanOptions{});
  const auto& idx = ctx.fact<FileIndex>();
  ASSERT_TRUE(idx);
  EXPECT_TRUE(idx->walked);
  EXPECT_TRUE(idx->owners_known);
  EXPECT_TRUE(has(idx->unowned, "/etc/passwd"));  // owned by the test user, not in that passwd
}

TEST(FileIndex, MountinfoGivesPseudoAndNetworkMountPoints) {
  const char* text =
      "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
      "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n"
      "28 27 0:25 / /home rw - ext4 /dev/vdb rw\n"
      "29 27 0:26 / /run rw - tmpfs tmpfs rw\n"
      "30 29 0:27 / /run/user/1000 rw - tmpfs tmpfs rw\n"
      "31 27 0:28 / /tmp rw - tmpfs tmpfs rw\n"
      "32 27 0:29 / /mnt/nas\\040share rw shared:5 - nfs4 srv:/x rw\n"
      "33 27 0:30 / /media/usb rw - fuse.sshfs x rw\n"
      "34 27 0:31 / /var/lib/docker/overlay2/a/merged rw - overlay overlay rw\n"
      "garbage line\n";
  EXPECT_EQ(pseudo_mounts_from_mountinfo(text, "/"),
            (std::vector<std::string>{"/media/usb", "/mnt/nas share", "/proc", "/run",
                                      "/run/user/1000"}));
  // Under another root only its own mounts count, as paths inside it.
  const char* chroot =
      "1 0 0:1 / /srv/img rw - ext4 x rw\n"
      "2 1 0:2 / /srv/img/proc rw - proc proc rw\n"
      "3 1 0:3 / /srv/image2/proc rw - proc proc rw\n";
  EXPECT_EQ(pseudo_mounts_from_mountinfo(chroot, "/srv/img"), (std::vector<std::string>{"/proc"}));
  EXPECT_TRUE(is_pseudo_or_network_fs("cgroup2"));
  EXPECT_TRUE(is_pseudo_or_network_fs("fuse.gvfsd-fuse"));
  EXPECT_FALSE(is_pseudo_or_network_fs("overlay"));
  EXPECT_FALSE(is_pseudo_or_network_fs("ext4"));
}

// Measures the walk of this machine's root: run by hand with
//   sw_scan_tests --gtest_also_run_disabled_tests --gtest_filter='*WalkThisMachine*'
TEST(FileIndex, DISABLED_WalkThisMachine) {
  Host host("/");
  ScanContext ctx(host, ScanOptions{});
  const auto& idx = ctx.fact<FileIndex>();
  ASSERT_TRUE(idx);
  if (const char* t = std::getenv("SW_WALK_THREADS")) {  // compare thread counts by hand
    WalkOptions opt;
    opt.threads = std::atoi(t);
    FileIndex again = walk_filesystem(opt);
    std::printf("walk with %d thread(s): %.3f s\n", opt.threads, again.seconds);
  }
  std::printf(
      "walk: %.3f s, %llu files, %llu dirs, %llu errors, %llu unreadable, setid %llu, "
      "ww files %llu, ww dirs %llu, unowned %llu, skipped %zu\n",
      idx->seconds, static_cast<unsigned long long>(idx->files),
      static_cast<unsigned long long>(idx->dirs), static_cast<unsigned long long>(idx->errors),
      static_cast<unsigned long long>(idx->unreadable_dirs),
      static_cast<unsigned long long>(idx->setid_total),
      static_cast<unsigned long long>(idx->world_writable_files_total),
      static_cast<unsigned long long>(idx->world_writable_dirs_total),
      static_cast<unsigned long long>(idx->unowned_total), idx->skipped_mounts.size());
  for (const auto& m : idx->skipped_mounts) std::printf("  skipped %s\n", m.c_str());
}

}  // namespace
}  // namespace sw::scan

namespace sw::scan {
namespace {

// Runs every permissions check on this machine and prints the outcome: run by hand with
//   sw_scan_tests --gtest_also_run_disabled_tests --gtest_filter='*PermissionChecksOnThisMachine*'
TEST(FileIndex, DISABLED_PermissionChecksOnThisMachine) {
  Host host("/");
  ScanContext ctx(host, ScanOptions{});
  for (const auto& c : Registry::all()) {
    if (c.info->family != "permissions") continue;
    Outcome out;
    c.run(ctx, out);
    std::printf("%s: %s %s\n", std::string(c.info->id).c_str(),
                out.status() ? std::string(check_status_name(*out.status())).c_str() : "none",
                out.detail().c_str());
    for (const auto& i : out.issues()) std::printf("   - %s\n", i.evidence.c_str());
  }
}

}  // namespace
}  // namespace sw::scan
