// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/systemd_units.h"

#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::scan {
namespace {

TEST(SystemdIni, SectionsCommentsContinuations) {
  std::vector<Error> errors;
  auto e = parse_systemd_ini(
      "# c\n[Journal]\n; c\nStorage = persistent\nForwardToSyslog=a\\\n  b\nnonsense\n[bad\n",
      "j.conf", errors);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].section, "Journal");
  EXPECT_EQ(e[0].value, "persistent");
  EXPECT_EQ(e[1].value, "a b");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line(), 7);
}

TEST(SystemdUnitsFact, EnabledMaskedInstalled) {
  test::FixtureRoot root;
  root.write("/usr/lib/systemd/system/a.service", "[Service]\n");
  root.write("/usr/lib/systemd/system/b.service", "[Service]\n");
  root.symlink("/usr/lib/systemd/system/a.service",
               "/etc/systemd/system/multi-user.target.wants/a.service");
  root.symlink("/usr/lib/systemd/system/b.service",
               "/etc/systemd/system/multi-user.target.wants/b.service");
  root.symlink("/dev/null", "/etc/systemd/system/b.service");
  Host host = root.host();
  ScanContext ctx(host, {});
  const auto& u = ctx.fact<SystemdUnits>();
  ASSERT_TRUE(u);
  auto a = u->unit("a.service");
  EXPECT_TRUE(a.installed);
  EXPECT_TRUE(a.enabled);
  EXPECT_FALSE(a.active.has_value());
  auto b = u->unit("b.service");
  EXPECT_TRUE(b.masked);
  EXPECT_FALSE(b.enabled);
  EXPECT_FALSE(u->unit("c.service").installed);
}

TEST(SystemdUnitsFact, LiveActiveFromInvocationOrProcess) {
  test::FixtureRoot root;
  root.write("/lib/systemd/system/auditd.service", "[Service]\n");
  root.write("/proc/42/comm", "chronyd\n");
  root.write("/run/systemd/units/invocation:auditd.service", "");
  Host host = root.host(true);
  ScanContext ctx(host, {});
  const auto& u = ctx.fact<SystemdUnits>();
  ASSERT_TRUE(u);
  EXPECT_EQ(u->unit("auditd.service").active, true);
  EXPECT_EQ(u->unit("chrony.service", "chronyd").active, true);
}

}  // namespace
}  // namespace sw::scan
