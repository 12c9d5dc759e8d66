// SPDX-License-Identifier: Apache-2.0
// The OS package inventory over fixture roots: dpkg, apk and rpm databases with their os-release.
#include "vuln/inventory/os_packages.h"

#include <gtest/gtest.h>

#include "core/host.h"
#include "rpm_fixture_support.h"
#include "support/fixture.h"

namespace sw::vuln {
namespace {

using sw::test::FixtureRoot;
using test::rpm_header;

constexpr std::string_view kDebian12 =
    "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n"
    "ID=debian\n";

const Package* find(const OsInventory& inv, std::string_view name) {
  for (const auto& p : inv.packages.packages) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

TEST(OsPackages, DpkgUsesSourcePackagesOfInstalledBinaries) {
  FixtureRoot root;
  root.write("/etc/os-release", kDebian12);
  root.write("/var/lib/dpkg/status",
             "Package: libssl3\n"  // 1
             "Status: install ok installed\n"
             "Architecture: amd64\n"
             "Source: openssl\n"
             "Version: 3.0.11-1~deb12u2\n"
             "\n"
             "Package: openssl\n"  // 7
             "Status: install ok installed\n"
             "Version: 3.0.11-1~deb12u2\n"
             "\n"
             "Package: libgcc-s1\n"  // 11
             "Status: install ok installed\n"
             "Source: gcc-12 (12.2.0-14)\n"
             "Version: 12.2.0-14\n"
             "\n"
             "Package: libzstd1\n"  // 16: binNMU, source version differs
             "Status: install ok installed\n"
             "Source: libzstd (1.5.4+dfsg2-5)\n"
             "Version: 1.5.4+dfsg2-5+b1\n"
             "\n"
             "Package: removed\n"  // 21: config files only
             "Status: deinstall ok config-files\n"
             "Version: 1.0-1\n"
             "\n"
             "Package: half\n"  // 25: unpacked, not configured
             "Status: install ok unpacked\n"
             "Version: 1.0-1\n"
             "\n"
             "Package: bash\n"  // 29
             "Status: install ok installed\n"
             "Version: 5.2.15-2+b2\n"
             "Source: bash (5.2.15-2)\n"
             "\n"
             "Package: broken\n"  // 34: malformed stanza
             "no colon here\n");
  auto inv = os_packages(root.host());
  ASSERT_TRUE(inv.os_release);
  EXPECT_EQ(inv.os_release->id, "debian");
  EXPECT_EQ(inv.ecosystem, "Debian:12");
  EXPECT_EQ(inv.package_manager, "dpkg");
  EXPECT_EQ(inv.database, "/var/lib/dpkg/status");
  EXPECT_TRUE(inv.reason.empty());
  ASSERT_EQ(inv.packages.errors.size(), 1u);
  EXPECT_EQ(inv.packages.errors[0].line(), 35);

  ASSERT_EQ(inv.packages.packages.size(), 4u);
  const auto* ssl = find(inv, "openssl");
  ASSERT_NE(ssl, nullptr);
  EXPECT_EQ(ssl->ecosystem, "Debian:12");
  EXPECT_EQ(ssl->version, "3.0.11-1~deb12u2");
  EXPECT_EQ(ssl->binary, "libssl3");
  EXPECT_EQ(ssl->binaries, (std::vector<std::string>{"libssl3", "openssl"}));
  EXPECT_EQ(ssl->path, "/var/lib/dpkg/status");
  EXPECT_EQ(ssl->line, 1);
  const auto* gcc = find(inv, "gcc-12");
  ASSERT_NE(gcc, nullptr);
  EXPECT_EQ(gcc->version, "12.2.0-14");
  EXPECT_EQ(gcc->line, 11);
  const auto* zstd = find(inv, "libzstd");
  ASSERT_NE(zstd, nullptr);
  EXPECT_EQ(zstd->version, "1.5.4+dfsg2-5");
  EXPECT_EQ(zstd->binary, "libzstd1");
  const auto* bash = find(inv, "bash");
  ASSERT_NE(bash, nullptr);
  EXPECT_EQ(bash->version, "5.2.15-2");
  EXPECT_EQ(bash->binary, "");  // same name as the source
  EXPECT_EQ(find(inv, "removed"), nullptr);
  EXPECT_EQ(find(inv, "half"), nullptr);
}

TEST(OsPackages, DistrolessStatusD) {
  FixtureRoot root;
  root.write("/etc/os-release", kDebian12);
  root.write("/var/lib/dpkg/status.d/base", "Package: base-files\nVersion: 12.4+deb12u5\n");
  root.write("/var/lib/dpkg/status.d/base.md5sums", "0123 etc/debian_version\n");
  root.write("/var/lib/dpkg/status.d/libc6",
             "Package: libc6\nSource: glibc\nVersion: 2.36-9+deb12u7\nArchitecture: amd64\n");
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.package_manager, "dpkg");
  EXPECT_TRUE(inv.packages.errors.empty());
  ASSERT_EQ(inv.packages.packages.size(), 2u);
  EXPECT_EQ(inv.packages.packages[0].name, "base-files");
  EXPECT_EQ(inv.packages.packages[0].path, "/var/lib/dpkg/status.d/base");
  EXPECT_EQ(inv.packages.packages[1].name, "glibc");
  EXPECT_EQ(inv.packages.packages[1].binary, "libc6");
}

TEST(OsPackages, ApkUsesOrigins) {
  FixtureRoot root;
  root.write("/etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n");
  root.write("/lib/apk/db/installed",
             "P:busybox\nV:1.36.1-r15\nA:x86_64\no:busybox\n\n"
             "P:ssl_client\nV:1.36.1-r15\nA:x86_64\no:busybox\n\n"
             "P:libcrypto3\nV:3.1.4-r5\nA:x86_64\no:openssl\n\n"
             "P:musl\nV:1.2.4_git20230717-r4\nA:x86_64\n");
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.ecosystem, "Alpine:v3.19");
  EXPECT_EQ(inv.package_manager, "apk");
  EXPECT_EQ(inv.database, "/lib/apk/db/installed");
  ASSERT_EQ(inv.packages.packages.size(), 3u);
  const auto& bb = inv.packages.packages[0];
  EXPECT_EQ(bb.name, "busybox");
  EXPECT_EQ(bb.ecosystem, "Alpine:v3.19");
  EXPECT_EQ(bb.binaries, (std::vector<std::string>{"busybox", "ssl_client"}));
  EXPECT_EQ(bb.line, 1);
  EXPECT_EQ(inv.packages.packages[1].name, "openssl");
  EXPECT_EQ(inv.packages.packages[1].binary, "libcrypto3");
  EXPECT_EQ(inv.packages.packages[1].line, 11);
  EXPECT_EQ(inv.packages.packages[2].name, "musl");
}

void write_rpm_root(FixtureRoot& root, std::string_view os_release) {
  root.write("/etc/os-release", os_release);
  root.mkdir("/var/lib/rpm");
  test::write_rpmdb_sqlite(
      root.real("/var/lib/rpm/rpmdb.sqlite"),
      {rpm_header("gpg-pubkey", std::nullopt, "3abb34f8", "5ffd890e", "", ""),
       rpm_header("openssl-libs", 1, "3.0.7", "27.el9", "x86_64", "openssl-3.0.7-27.el9.src.rpm"),
       rpm_header("openssl-libs", 1, "3.0.7", "27.el9", "i686", "openssl-3.0.7-27.el9.src.rpm"),
       rpm_header("openssl", 1, "3.0.7", "27.el9", "x86_64", "openssl-3.0.7-27.el9.src.rpm"),
       rpm_header("python3-libs", std::nullopt, "3.9.18", "3.el9", "x86_64",
                  "python3.9-3.9.18-3.el9.src.rpm")});
}

TEST(OsPackages, RpmAlmaLinuxUsesBinaryNames) {
  FixtureRoot root;
  write_rpm_root(root, "ID=\"almalinux\"\nVERSION_ID=\"9.4\"\nID_LIKE=\"rhel centos fedora\"\n");
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.ecosystem, "AlmaLinux:9");
  EXPECT_EQ(inv.package_manager, "rpm");
  EXPECT_EQ(inv.database, "/var/lib/rpm/rpmdb.sqlite");
  EXPECT_TRUE(inv.packages.errors.empty());
  ASSERT_EQ(inv.packages.packages.size(), 3u);  // gpg-pubkey skipped, i686 merged
  const auto* libs = find(inv, "openssl-libs");
  ASSERT_NE(libs, nullptr);
  EXPECT_EQ(libs->version, "1:3.0.7-27.el9");
  EXPECT_EQ(libs->binaries, (std::vector<std::string>{"openssl-libs"}));
  EXPECT_EQ(libs->path, "/var/lib/rpm/rpmdb.sqlite");
  ASSERT_NE(find(inv, "openssl"), nullptr);
  ASSERT_NE(find(inv, "python3-libs"), nullptr);
  EXPECT_EQ(find(inv, "python3.9"), nullptr);
  EXPECT_EQ(find(inv, "gpg-pubkey"), nullptr);
}

TEST(OsPackages, RpmSuseUsesSourceNames) {
  FixtureRoot root;
  write_rpm_root(root,
                 "ID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"\nVERSION_ID=\"15.5\"\n"
                 "PRETTY_NAME=\"openSUSE Leap 15.5\"\n");
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.ecosystem, "openSUSE:Leap 15.5");
  ASSERT_EQ(inv.packages.packages.size(), 2u);
  const auto* ssl = find(inv, "openssl");
  ASSERT_NE(ssl, nullptr);
  EXPECT_EQ(ssl->binary, "openssl-libs");
  EXPECT_EQ(ssl->binaries, (std::vector<std::string>{"openssl-libs", "openssl"}));
  ASSERT_NE(find(inv, "python3.9"), nullptr);
}

TEST(OsPackages, RpmInUsrLibSysimage) {
  FixtureRoot root;
  root.write("/etc/os-release", "ID=fedora\nVERSION_ID=40\n");
  root.mkdir("/usr/lib/sysimage/rpm");
  test::write_rpmdb_sqlite(root.real("/usr/lib/sysimage/rpm/rpmdb.sqlite"),
                           {rpm_header("bash", std::nullopt, "5.2.26", "3.fc40")});
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.ecosystem, "");  // Fedora has no OSV ecosystem
  EXPECT_NE(inv.ecosystem_note.find("fedora"), std::string::npos);
  EXPECT_EQ(inv.package_manager, "rpm");
  EXPECT_EQ(inv.database, "/usr/lib/sysimage/rpm/rpmdb.sqlite");
  ASSERT_EQ(inv.packages.packages.size(), 1u);
  EXPECT_EQ(inv.packages.packages[0].version, "5.2.26-3.fc40");
}

TEST(OsPackages, RpmNonEmptyWalIsReported) {
  FixtureRoot root;
  write_rpm_root(root, "ID=almalinux\nVERSION_ID=9.4\n");
  root.write("/var/lib/rpm/rpmdb.sqlite-wal", "pending");
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.packages.packages.size(), 3u);
  ASSERT_EQ(inv.packages.errors.size(), 1u);
  EXPECT_NE(inv.packages.errors[0].message().find("write-ahead log"), std::string::npos);
}

TEST(OsPackages, BerkeleyDbIsUnsupportedNotEmpty) {
  FixtureRoot root;
  root.write("/etc/os-release", "ID=\"centos\"\nID_LIKE=\"rhel fedora\"\nVERSION_ID=\"8\"\n");
  std::string bdb(4096, '\0');
  bdb.replace(12, 4, std::string("\x61\x15\x06\x00", 4));
  root.write("/var/lib/rpm/Packages", bdb);
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.package_manager, "rpm");
  EXPECT_TRUE(inv.packages.packages.empty());
  EXPECT_NE(inv.reason.find("unsupported rpmdb format: BerkeleyDB"), std::string::npos);
  ASSERT_EQ(inv.packages.errors.size(), 1u);
  EXPECT_EQ(inv.packages.errors[0].code(), Errc::kUnsupported);
  EXPECT_EQ(inv.packages.errors[0].file(), "/var/lib/rpm/Packages");
}

TEST(OsPackages, NdbIsUnsupported) {
  FixtureRoot root;
  root.write("/etc/os-release",
             "ID=\"sles\"\nPRETTY_NAME=\"SUSE Linux Enterprise Server 15 SP5\"\n");
  root.write("/usr/lib/sysimage/rpm/Packages.db", std::string("RpmP\x00\x00\x00\x00", 8));
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.ecosystem, "SUSE:Linux Enterprise Server 15 SP5");
  EXPECT_NE(inv.reason.find("ndb"), std::string::npos);
  EXPECT_EQ(inv.packages.errors.size(), 1u);
}

TEST(OsPackages, NoDatabaseGivesAReason) {
  FixtureRoot root;
  root.write("/etc/os-release", "ID=arch\n");
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.ecosystem, "");
  EXPECT_EQ(inv.package_manager, "");
  EXPECT_TRUE(inv.packages.packages.empty());
  EXPECT_NE(inv.reason.find("no package database"), std::string::npos);
}

TEST(OsPackages, NoOsReleaseStillReadsPackages) {
  FixtureRoot root;
  root.write("/lib/apk/db/installed", "P:musl\nV:1.2.4-r2\n");
  auto inv = os_packages(root.host());
  EXPECT_FALSE(inv.os_release);
  EXPECT_EQ(inv.ecosystem, "");
  EXPECT_NE(inv.ecosystem_note.find("os-release"), std::string::npos);
  EXPECT_EQ(inv.package_manager, "apk");
  ASSERT_EQ(inv.packages.packages.size(), 1u);
  EXPECT_EQ(inv.packages.packages[0].ecosystem, "");
}

TEST(OsPackages, DistributionsOwnManagerIsPreferred) {
  FixtureRoot root;
  root.write("/etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n");
  root.write("/var/lib/dpkg/status", sw::test::dpkg_stanza("stray"));
  root.write("/lib/apk/db/installed", "P:musl\nV:1.2.4-r2\n");
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.package_manager, "apk");
  ASSERT_EQ(inv.packages.packages.size(), 1u);
}

TEST(OsPackages, EmptyDatabaseGivesAReason) {
  FixtureRoot root;
  root.write("/etc/os-release", kDebian12);
  root.write("/var/lib/dpkg/status", sw::test::dpkg_stanza("gone", "deinstall ok config-files"));
  auto inv = os_packages(root.host());
  EXPECT_EQ(inv.package_manager, "dpkg");
  EXPECT_TRUE(inv.packages.packages.empty());
  EXPECT_NE(inv.reason.find("no installed package"), std::string::npos);
}

}  // namespace
}  // namespace sw::vuln
