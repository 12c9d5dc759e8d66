// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"
#include "vuln_store_support.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.updates.vulnerable_packages";

void debian_root(FixtureRoot& root) {
  root.write("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n");
  root.write("/var/lib/dpkg/status",
             "Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u2\n"
             "Source: openssl\nArchitecture: amd64\n\n"
             "Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\n"
             "Source: bash (5.2.15-2)\nArchitecture: amd64\n\n");
}

scan::ScanOptions with_store(const FixtureRoot& store) {
  scan::ScanOptions o;
  o.data_dir = store.path();
  return o;
}

TEST(UpdatesVulnerablePackages, FailsWithTheUpgradeThatFixesIt) {
  FixtureRoot root, store;
  debian_root(root);
  auto kev = simple_advisory("DSA-5678-1", "Debian:12", "openssl", "0", "3.0.13-1~deb12u1");
  kev.aliases = {"CVE-2024-0001"};
  build_store(store.path(),
              {kev, simple_advisory("DSA-1-1", "Debian:12", "bash", "0", "5.1-1"),
               simple_advisory("DSA-2-1", "Debian:11", "openssl", "0", "9.9")},
              {"CVE-2024-0001"});
  auto r = root.run_check(kId, false, with_store(store));
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  const auto& issue = r.issues[0];
  EXPECT_EQ(issue.title,
            "upgrade libssl3 (source openssl) from 3.0.11-1~deb12u2 to 3.0.13-1~deb12u1: fixes one "
            "advisory, actively exploited");
  EXPECT_EQ(issue.severity, Severity::kCritical);
  EXPECT_NE(issue.evidence.find("DSA-5678-1 (CVE-2024-0001)"), std::string::npos);
  EXPECT_NE(issue.evidence.find("CISA KEV since 2026-01-02"), std::string::npos);
  EXPECT_EQ(issue.location.path, "/var/lib/dpkg/status");
  EXPECT_NE(issue.fix.find("apt-get install --only-upgrade libssl3"), std::string::npos);
}

TEST(UpdatesVulnerablePackages, PassesWhenEverythingIsFixed) {
  FixtureRoot root, store;
  debian_root(root);
  build_store(store.path(), {simple_advisory("DSA-1-1", "Debian:12", "openssl", "0", "3.0.2-1")});
  auto r = root.run_check(kId, false, with_store(store));
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("2 packages checked"), std::string::npos) << r.detail;
}

TEST(UpdatesVulnerablePackages, NoStoreIsAnErrorNotAPass) {
  FixtureRoot root, empty;
  debian_root(root);
  auto r = root.run_check(kId, false, with_store(empty));
  EXPECT_EQ(r.status, CheckStatus::kError);
  EXPECT_NE(r.detail.find("shieldwall db update"), std::string::npos) << r.detail;
}

TEST(UpdatesVulnerablePackages, StoreWithoutThisDistributionIsAnError) {
  FixtureRoot root, store;
  debian_root(root);
  build_store(store.path(), {simple_advisory("PYSEC-1", "PyPI", "django", "0", "4.0")});
  auto r = root.run_check(kId, false, with_store(store));
  EXPECT_EQ(r.status, CheckStatus::kError);
  EXPECT_NE(r.detail.find("no Debian advisories"), std::string::npos) << r.detail;
}

TEST(UpdatesVulnerablePackages, NotApplicableWithoutAPackageDatabase) {
  FixtureRoot root, store;
  root.write("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
  build_store(store.path(), {simple_advisory("DSA-1-1", "Debian:12", "openssl", "0", "3.0.2-1")});
  EXPECT_EQ(root.run_check(kId, false, with_store(store)).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
