// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/packages.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

TEST(PackagesFact, PresentStatesAndErrors) {
  test::FixtureRoot root;
  root.write("/var/lib/dpkg/status",
             "Package: a\nStatus: install ok installed\n\n"
             "Package: b\nStatus: install ok triggers-pending\n\n"
             "Package: c\nStatus: deinstall ok config-files\n\n"
             "garbage\n\n");
  Host host = root.host();
  ScanContext ctx(host, {});
  const auto& p = ctx.fact<Packages>();
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->available);
  EXPECT_NE(p->present("a"), nullptr);
  EXPECT_NE(p->present("b"), nullptr);
  EXPECT_EQ(p->present("c"), nullptr);
  EXPECT_EQ(ctx.input_errors().size(), 1u);
}

TEST(PackagesFact, MissingStatusFileIsUnavailable) {
  test::FixtureRoot root;
  Host host = root.host();
  ScanContext ctx(host, {});
  const auto& p = ctx.fact<Packages>();
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->available);
  EXPECT_NE(p->unavailable_reason.find("/var/lib/dpkg/status"), std::string::npos);
}

}  // namespace
}  // namespace sw::scan
