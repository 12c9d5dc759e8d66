// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"
#include "vuln_store_support.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.updates.advisory_database";

TEST(UpdatesAdvisoryDatabase, MissingStoreIsAFinding) {
  FixtureRoot root, empty;
  scan::ScanOptions o;
  o.data_dir = empty.path();
  auto r = root.run_check(kId, false, o);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("shieldwall db update"), std::string::npos);
}

TEST(UpdatesAdvisoryDatabase, FreshStorePasses) {
  FixtureRoot root, store;
  build_store(store.path(), {simple_advisory("PYSEC-1", "PyPI", "django", "0", "4.0")});
  scan::ScanOptions o;
  o.data_dir = store.path();
  auto r = root.run_check(kId, false, o);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("1 advisory from 1 source"), std::string::npos) << r.detail;
}

}  // namespace
}  // namespace sw::test
