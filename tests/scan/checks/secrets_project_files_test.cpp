// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.secrets.project_files";
const std::string kToken = std::string("ghp_") + "R4nd0mT0k3nV4lu3W1thMuchEntr0pyXyZ0A";

TEST(SecretsProjectFiles, NotApplicableWithoutPaths) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(SecretsProjectFiles, FindsSecretsUnderThePathsAndRoutesThemToCodeOwners) {
  FixtureRoot project;
  project.write("/.github/CODEOWNERS", "/deploy/ @acme/platform\n");
  project.write("/deploy/values.yaml", "github:\n  token: " + kToken + "\n");
  project.write("/src/main.c", "int main(void) { return 0; }\n");
  FixtureRoot root;
  scan::ScanOptions options;
  options.paths = {project.path()};
  auto r = root.run_check(kId, false, options);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].role, Role::kTeam);
  EXPECT_EQ(r.issues[0].team, "platform");
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_EQ(r.issues[0].evidence.find(kToken), std::string::npos);
}

TEST(SecretsProjectFiles, PassesOnACleanTree) {
  FixtureRoot project;
  project.write("/src/main.c", "int main(void) { return 0; }\n");
  FixtureRoot root;
  scan::ScanOptions options;
  options.paths = {project.path()};
  auto r = root.run_check(kId, false, options);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

}  // namespace
}  // namespace sw::test
