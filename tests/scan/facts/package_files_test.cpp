// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/package_files.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

TEST(PackageFiles, ListMapsMergedUsrAliases) {
  PackageFiles files;
  files.merged_dirs = {"/bin", "/sbin"};
  std::vector<int> bad;
  parse_dpkg_list("/.\n/bin\n/bin/su\n/usr/bin/newgrp\nrelative\n\n/sbin/unix_chkpwd\n",
                  "util-linux", files, &bad);
  ASSERT_NE(files.package_of("/usr/bin/su"), nullptr);
  EXPECT_EQ(*files.package_of("/usr/bin/su"), "util-linux");
  EXPECT_NE(files.package_of("/usr/bin/newgrp"), nullptr);
  EXPECT_NE(files.package_of("/usr/sbin/unix_chkpwd"), nullptr);
  EXPECT_EQ(files.package_of("/bin/su"), nullptr);
  EXPECT_EQ(files.package_of("/."), nullptr);
  EXPECT_EQ(bad, std::vector<int>{5});
}

TEST(PackageFiles, CanonicalPathOnlyForWholeComponents) {
  std::vector<std::string> merged = {"/bin", "/lib"};
  EXPECT_EQ(canonical_package_path("/bin/su", merged), "/usr/bin/su");
  EXPECT_EQ(canonical_package_path("/binary/x", merged), "/binary/x");
  EXPECT_EQ(canonical_package_path("/lib64/ld.so", merged), "/lib64/ld.so");
  EXPECT_EQ(canonical_package_path("/bin/su", {}), "/bin/su");
}

TEST(PackageFiles, StatOverrideParsesAndReportsBadLines) {
  std::map<std::string, StatOverride> out;
  auto errors = parse_statoverride(
      "root ssl-cert 710 /etc/ssl/private\n"
      "root messagebus 4754 /usr/lib/dbus-1.0/dbus-daemon-launch-helper\n"
      "#0 #42 2755 /opt/my tool\n"
      "root root\n"
      "root root 9999 /x\n"
      "root root 0644 relative\n",
      out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out["/usr/lib/dbus-1.0/dbus-daemon-launch-helper"].mode, 04754u);
  EXPECT_EQ(out["/usr/lib/dbus-1.0/dbus-daemon-launch-helper"].group, "messagebus");
  EXPECT_EQ(out["/opt/my tool"].user, "#0");
  EXPECT_EQ(out["/opt/my tool"].line, 3);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_EQ(errors[1].line, 5);
  EXPECT_EQ(errors[2].line, 6);
}

TEST(PackageFiles, DiversionsKeepTheOriginalOwner) {
  PackageFiles files;
  parse_dpkg_list("/usr/bin/pg_config\n", "libpq-dev", files);
  int bad = apply_diversions(
      "/usr/bin/pg_config\n/usr/bin/pg_config.libpq-dev\npostgresql-common\n/usr/bin/x\n", files);
  ASSERT_NE(files.package_of("/usr/bin/pg_config.libpq-dev"), nullptr);
  EXPECT_EQ(*files.package_of("/usr/bin/pg_config.libpq-dev"), "libpq-dev");
  EXPECT_EQ(bad, 1);
}

TEST(PackageFiles, LoadsAFixtureDatabase) {
  sw::test::FixtureRoot root;
  root.mkdir("/usr/bin");
  root.symlink("usr/bin", "/bin");
  root.write("/var/lib/dpkg/info/login:amd64.list", "/.\n/bin/su\n");
  root.write("/var/lib/dpkg/info/login:amd64.md5sums", "x /bin/other\n");
  root.write("/var/lib/dpkg/info/passwd.list", "/usr/bin/passwd\nbroken\n");
  root.write("/var/lib/dpkg/statoverride", "root root 4755 /usr/bin/passwd\nbad\n");
  Host host(root.path(), false);
  ScanContext ctx(host, ScanOptions{});
  const auto& files = ctx.fact<PackageFiles>();
  ASSERT_TRUE(files);
  EXPECT_TRUE(files->have_dpkg);
  EXPECT_EQ(files->merged_dirs, std::vector<std::string>{"/bin"});
  ASSERT_NE(files->package_of("/usr/bin/su"), nullptr);
  EXPECT_EQ(*files->package_of("/usr/bin/su"), "login");
  EXPECT_EQ(files->package_of("/usr/bin/other"), nullptr);
  ASSERT_NE(files->override_of("/usr/bin/passwd"), nullptr);
  auto errors = ctx.input_errors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "/var/lib/dpkg/info/passwd.list:2: not an absolute path");
  EXPECT_EQ(errors[1], "/var/lib/dpkg/statoverride:2: 1 fields, expected USER GROUP MODE PATH");
}

TEST(PackageFiles, NoDpkgDatabase) {
  sw::test::FixtureRoot root;
  Host host(root.path(), false);
  ScanContext ctx(host, ScanOptions{});
  const auto& files = ctx.fact<PackageFiles>();
  ASSERT_TRUE(files);
  EXPECT_FALSE(files->have_dpkg);
}

}  // namespace
}  // namespace sw::scan
