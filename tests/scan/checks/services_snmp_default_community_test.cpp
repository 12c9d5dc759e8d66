// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.services.snmp_default_community";
constexpr const char* kStatus = "Package: snmpd\nStatus: install ok installed\nVersion: 5.9\n\n";

TEST(ServicesSnmpDefaultCommunity, PublicFailsHigh) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", kStatus);
  root.write("/etc/snmp/snmpd.conf", "sysLocation x\nrocommunity public default\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_FALSE(r.issues[0].severity.has_value());
  EXPECT_EQ(r.issues[0].location.line, 2);
}

TEST(ServicesSnmpDefaultCommunity, LoopbackOnlyIsMedium) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", kStatus);
  root.write("/etc/snmp/snmpd.conf",
             "agentaddress udp:127.0.0.1:161,udp6:[::1]:161\nrocommunity public default -V "
             "systemonly\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
}

TEST(ServicesSnmpDefaultCommunity, Com2secInIncludeDirAndSecretNotPrinted) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", kStatus);
  root.write("/etc/snmp/snmpd.conf", "includeDir /etc/snmp/snmpd.conf.d\nrocommunity Xy9secret\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_EQ(r.detail.find("Xy9secret"), std::string::npos);
  root.write("/etc/snmp/snmpd.conf.d/old.conf", "com2sec notConfigUser default private\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
}

TEST(ServicesSnmpDefaultCommunity, NotInstalledPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", "Package: bash\nStatus: install ok installed\n\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
