// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.kernel.protected_links";

TEST(KernelProtectedLinks, PassesWhenPersistedGood) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "fs.protected_symlinks = 1\nfs.protected_hardlinks = 1\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(KernelProtectedLinks, FailsWhenPersistedWeakWithFileAndLine) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "# weak\nfs.protected_symlinks = 0\nfs.protected_hardlinks = 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "fs.protected_symlinks");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/60-hardening.conf");
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_NE(r.issues[0].evidence.find("/etc/sysctl.d/60-hardening.conf:2"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(KernelProtectedLinks, ImageModeUsesKernelDefaultWhenUnset) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_FALSE(r.issues.empty());
  EXPECT_NE(r.issues[0].evidence.find("default"), std::string::npos) << r.issues[0].evidence;
}

TEST(KernelProtectedLinks, LiveWeakButPersistedGoodFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "fs.protected_symlinks = 1\nfs.protected_hardlinks = 1\n");
  root.write("/proc/sys/fs/protected_symlinks", "1\n");
  root.write("/proc/sys/fs/protected_hardlinks", "1\n");
  root.write("/proc/sys/fs/protected_symlinks", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("live 0"), std::string::npos) << r.issues[0].evidence;
  EXPECT_NE(r.issues[0].evidence.find("next boot"), std::string::npos) << r.issues[0].evidence;
}

TEST(KernelProtectedLinks, LiveGoodButNotPersistedFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "fs.protected_symlinks = 0\nfs.protected_hardlinks = 0\n");
  root.write("/proc/sys/fs/protected_symlinks", "1\n");
  root.write("/proc/sys/fs/protected_hardlinks", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("not persisted"), std::string::npos) << r.issues[0].evidence;
}

TEST(KernelProtectedLinks, LiveAndPersistedGoodPasses) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "fs.protected_symlinks = 1\nfs.protected_hardlinks = 1\n");
  root.write("/proc/sys/fs/protected_symlinks", "1\n");
  root.write("/proc/sys/fs/protected_hardlinks", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(KernelProtectedLinks, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(KernelProtectedLinks, DebianProcpsFilePasses) {
  FixtureRoot root;
  root.write("/usr/lib/sysctl.d/99-protect-links.conf",
             "fs.protected_fifos = 1\nfs.protected_hardlinks = 1\nfs.protected_regular = 2\n"
             "fs.protected_symlinks = 1\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(KernelProtectedLinks, EtcFileMasksVendorFile) {
  FixtureRoot root;
  root.write("/usr/lib/sysctl.d/99-protect-links.conf",
             "fs.protected_hardlinks = 1\nfs.protected_symlinks = 1\n");
  root.symlink("/dev/null", "/etc/sysctl.d/99-protect-links.conf");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_EQ(r.issues.size(), 2u);
}

}  // namespace
}  // namespace sw::test
