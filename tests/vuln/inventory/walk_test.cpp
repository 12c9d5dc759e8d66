// SPDX-License-Identifier: Apache-2.0
// Tests of the lockfile walk: sorted order, paths, skipped directories, errors kept per file.
#include "vuln/inventory/walk.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "vuln/inventory/lock_test_util.h"

namespace sw::vuln {
namespace {

namespace fs = std::filesystem;

class Walk : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("sw_walk_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_ / "locked", fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  void write(const std::string& rel, const std::string& text) {
    auto p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  fs::path root_;
};

TEST_F(Walk, FindsLockfilesInSortedOrderAndSkipsNodeModulesAndGit) {
  write("b/requirements.txt", "flask==2.0.0\n");
  write("a/poetry.lock", "[[package]]\nname = \"six\"\nversion = \"1.16.0\"\n");
  write("a/node_modules/x/package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}");
  write(".git/yarn.lock", "# yarn lockfile v1\nq@^1:\n  version \"1.0.0\"\n");
  write("c/README.md", "not a lockfile");
  auto list = find_packages({root_.string()}, WalkOptions{});
  EXPECT_TRUE(list.errors.empty());
  ASSERT_EQ(testing::ids(list), (std::vector<std::string>{"six@1.16.0", "flask@2.0.0"}));
  EXPECT_EQ(list.packages[0].path, root_.string() + "/a/poetry.lock");

  WalkOptions installed;
  installed.installed = true;
  auto with = find_packages({root_.string()}, installed);
  EXPECT_EQ(testing::ids(with), (std::vector<std::string>{"x@1.0.0", "six@1.16.0", "flask@2.0.0"}));
}

TEST_F(Walk, MalformedFileDoesNotAffectOthersAndFileRootsWork) {
  write("bad/Pipfile.lock", "{ not json");
  write("good/uv.lock", "[[package]]\nname = \"a\"\nversion = \"1.0\"\n");
  auto list = find_packages({root_.string()}, WalkOptions{});
  EXPECT_EQ(testing::ids(list), std::vector<std::string>{"a@1.0"});
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].file(), root_.string() + "/bad/Pipfile.lock");
  EXPECT_EQ(list.errors[0].line(), 1);

  auto file = find_packages({(root_ / "good/uv.lock").string()}, WalkOptions{});
  ASSERT_EQ(file.packages.size(), 1u);
  EXPECT_EQ(file.packages[0].path, (root_ / "good/uv.lock").string());

  auto missing = find_packages({(root_ / "nope").string()}, WalkOptions{});
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0].code(), Errc::kNotFound);
}

TEST_F(Walk, SymlinkLoopsAreNotFollowed) {
  write("d/uv.lock", "[[package]]\nname = \"a\"\nversion = \"1.0\"\n");
  fs::create_directory_symlink(root_, root_ / "d" / "loop");
  auto list = find_packages({root_.string()}, WalkOptions{});
  EXPECT_EQ(list.packages.size(), 1u);
}

TEST_F(Walk, UnreadableDirectoryIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  write("locked/uv.lock", "[[package]]\nname = \"a\"\nversion = \"1.0\"\n");
  write("open/uv.lock", "[[package]]\nname = \"b\"\nversion = \"2.0\"\n");
  fs::permissions(root_ / "locked", fs::perms::none);
  auto list = find_packages({root_.string()}, WalkOptions{});
  EXPECT_EQ(testing::ids(list), std::vector<std::string>{"b@2.0"});
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].code(), Errc::kPermission);
  EXPECT_EQ(list.errors[0].file(), root_.string() + "/locked");
}

}  // namespace
}  // namespace sw::vuln
