// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"
#include "vuln_store_support.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.updates.vulnerable_dependencies";

TEST(UpdatesVulnerableDependencies, NotApplicableWithoutPaths) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(UpdatesVulnerableDependencies, FindingPointsAtTheLockfileLineAndTheCodeOwner) {
  FixtureRoot root, project, store;
  project.write("/.git/HEAD", "ref: refs/heads/main\n");
  project.write("/.github/CODEOWNERS", "/api/ @acme/backend\n");
  project.write("/api/requirements.txt", "# pinned\nflask==2.0.0\ndjango==3.2.1\n");
  build_store(store.path(), {simple_advisory("PYSEC-2021-1", "PyPI", "Django", "0", "3.2.5")});
  scan::ScanOptions o;
  o.data_dir = store.path();
  o.paths = {project.path()};
  auto r = root.run_check(kId, false, o);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  const auto& issue = r.issues[0];
  EXPECT_EQ(issue.title, "upgrade django from 3.2.1 to 3.2.5: fixes one advisory");
  EXPECT_EQ(issue.location.line, 3);
  EXPECT_NE(issue.location.path.find("api/requirements.txt"), std::string::npos);
  EXPECT_EQ(issue.role, Role::kTeam);
  EXPECT_EQ(issue.team, "backend");
  EXPECT_TRUE(issue.owner_final);
}

TEST(UpdatesVulnerableDependencies, CleanProjectPasses) {
  FixtureRoot root, project, store;
  project.write("/requirements.txt", "django==4.2.0\n");
  build_store(store.path(), {simple_advisory("PYSEC-2021-1", "PyPI", "django", "0", "3.2.5")});
  scan::ScanOptions o;
  o.data_dir = store.path();
  o.paths = {project.path()};
  auto r = root.run_check(kId, false, o);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(UpdatesVulnerableDependencies, AllUncheckedIsAnError) {
  FixtureRoot root, project, store;
  project.write("/requirements.txt", "django==4.2.0\n");
  build_store(store.path(), {simple_advisory("GO-1", "Go", "example.com/x", "0", "1.0.0")});
  scan::ScanOptions o;
  o.data_dir = store.path();
  o.paths = {project.path()};
  auto r = root.run_check(kId, false, o);
  EXPECT_EQ(r.status, CheckStatus::kError) << r.detail;
}

}  // namespace
}  // namespace sw::test
