// SPDX-License-Identifier: Apache-2.0
#include "core/codeowners.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace sw {
namespace {

std::string owner(const CodeOwners& co, std::string_view path) {
  const CodeOwnersRule* rule = co.match(path);
  if (!rule) return "-";
  std::string out;
  for (const auto& o : rule->owners) out += (out.empty() ? "" : " ") + o;
  return out.empty() ? "(unowned)" : out;
}

TEST(CodeOwners, LastMatchingRuleWins) {
  auto co = parse_codeowners(
      "# comment\n"
      "*       @org/everyone\n"
      "*.js    @js-owner   # trailing comment\n"
      "/build/logs/ @doctocat\n"
      "docs/*  docs@example.com\n"
      "apps/   @octocat\n"
      "/scripts/ @doctocat @octocat\n"
      "/apps/github\n",
      "CODEOWNERS");
  EXPECT_TRUE(co.errors.empty());
  EXPECT_EQ(owner(co, "README.md"), "@org/everyone");
  EXPECT_EQ(owner(co, "web/app.js"), "@js-owner");
  EXPECT_EQ(owner(co, "build/logs/a/b.txt"), "@doctocat");
  EXPECT_EQ(owner(co, "x/build/logs/a.txt"), "@org/everyone");  // anchored
  EXPECT_EQ(owner(co, "docs/getting-started.md"), "docs@example.com");
  EXPECT_EQ(owner(co, "docs/build-app/troubleshooting.md"), "@org/everyone");  // * stops at /
  EXPECT_EQ(owner(co, "apps/x.txt"), "@octocat");
  EXPECT_EQ(owner(co, "sub/apps/x.txt"), "@octocat");  // unanchored directory
  EXPECT_EQ(owner(co, "scripts/run.sh"), "@doctocat @octocat");
  EXPECT_EQ(owner(co, "apps/github/x"), "(unowned)");
}

TEST(CodeOwners, BadOwnerIsReportedWithLine) {
  auto co = parse_codeowners("* @ok\nsrc/ not-an-owner\n", "CODEOWNERS");
  ASSERT_EQ(co.errors.size(), 1u);
  EXPECT_EQ(co.errors[0].line(), 2);
  EXPECT_EQ(owner(co, "src/a.c"), "@ok");
}

TEST(CodeOwners, ResponsibleForTeamsAndPeople) {
  auto team = responsible_for(CodeOwnersRule{"*", {"@acme/web-team"}, 1});
  ASSERT_TRUE(team);
  EXPECT_EQ(team->key(), "team:web-team");
  EXPECT_EQ(team->name, "@acme/web-team");
  auto dev = responsible_for(CodeOwnersRule{"*", {"@alice", "bob@example.com"}, 1});
  ASSERT_TRUE(dev);
  EXPECT_EQ(dev->role, Role::kDeveloper);
  EXPECT_EQ(dev->name, "@alice, bob@example.com");
  EXPECT_FALSE(responsible_for(CodeOwnersRule{"*", {}, 1}));
}

TEST(CodeOwners, IndexFindsTheRepositoryOfAFile) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / fmt::format("sw-codeowners-{}", ::getpid());
  fs::create_directories(dir / "repo/.github");
  fs::create_directories(dir / "repo/web");
  fs::create_directories(dir / "elsewhere");
  std::ofstream(dir / "repo/.github/CODEOWNERS") << "/web/ @acme/frontend\n";
  std::ofstream(dir / "repo/web/package-lock.json") << "{}";
  std::ofstream(dir / "elsewhere/package-lock.json") << "{}";
  CodeOwnersIndex index;
  std::string where;
  auto o = index.owner_of((dir / "repo/web/package-lock.json").string(), &where);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->key(), "team:frontend");
  EXPECT_NE(where.find("CODEOWNERS:1"), std::string::npos);
  EXPECT_FALSE(index.owner_of((dir / "elsewhere/package-lock.json").string()));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sw
