// SPDX-License-Identifier: Apache-2.0
#include <ctime>

#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.updates.index_age";

void set_age_days(const FixtureRoot& root, const std::string& inside, int days) {
  struct timespec ts[2];
  ts[0].tv_sec = ts[1].tv_sec = std::time(nullptr) - static_cast<time_t>(days) * 86400;
  ts[0].tv_nsec = ts[1].tv_nsec = 0;
  ASSERT_EQ(::utimensat(AT_FDCWD, root.real(inside).c_str(), ts, 0), 0);
}

TEST(UpdatesIndexAge, PassesWhenRecent) {
  FixtureRoot root;
  root.write("/var/lib/apt/periodic/update-success-stamp", "");
  set_age_days(root, "/var/lib/apt/periodic/update-success-stamp", 1);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(UpdatesIndexAge, MediumAfterAWeekHighAfterAMonth) {
  FixtureRoot root;
  const std::string f = "/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease";
  root.write(f, "x");
  set_age_days(root, f, 10);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
  set_age_days(root, f, 45);
  r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_NE(r.issues[0].evidence.find("45 days"), std::string::npos);
}

TEST(UpdatesIndexAge, FailsWithoutIndex) {
  FixtureRoot root;
  root.mkdir("/etc/apt");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "/var/lib/apt/lists");
}

TEST(UpdatesIndexAge, NotApplicableWithoutApt) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
