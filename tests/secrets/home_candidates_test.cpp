// SPDX-License-Identifier: Apache-2.0
// Tests of home_secret_candidates() on a fake home directory.
#include "secrets/home_candidates.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::secrets {
namespace {

// The candidates relative to the fake home.
std::vector<std::string> relative_candidates(const test::FixtureRoot& home) {
  std::vector<std::string> out;
  for (const std::string& path : home_secret_candidates(home.path())) {
    EXPECT_EQ(path.rfind(home.path() + "/", 0), 0u) << path;
    out.push_back(path.substr(home.path().size() + 1));
  }
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(HomeCandidates, FindsTheUsualCredentialStores) {
  test::FixtureRoot home;
  const std::vector<std::string> expected = {
      ".aws/config",
      ".aws/credentials",
      ".aws/sso/cache/abc.json",
      ".bash_history",
      ".config/gh/hosts.yml",
      ".config/rclone/rclone.conf",
      ".docker/config.json",
      ".env",
      ".git-credentials",
      ".gradle/gradle.properties",
      ".kube/config",
      ".local/share/fish/fish_history",
      ".m2/settings.xml",
      ".my.cnf",
      ".netrc",
      ".npmrc",
      ".pgpass",
      ".pypirc",
      ".ssh/deploy.pem",
      ".ssh/id_ed25519",
      ".ssh/id_rsa",
      ".terraformrc",
      ".zsh_history",
      "project/.env",
      "project/.env.production",
  };
  for (const std::string& path : expected) home.write("/" + path, "x\n");
  const std::vector<std::string> not_expected = {
      ".ssh/id_rsa.pub",
      ".ssh/known_hosts",
      ".ssh/authorized_keys",
      "project/.env.example",
      "project/deeper/.env",
      "notes.txt",
      "project/src/config.json",
      ".config/google-chrome/Default/Preferences.json",
      ".config/Code/CachedData/x/data.json",
      ".config/a/b/c/d/too-deep.json",
      ".config/app/readme.md",
      ".cache/pip/http/x.json",
  };
  for (const std::string& path : not_expected) home.write("/" + path, "x\n");
  home.mkdir("/.zsh_history_dir_not_file/.netrc");

  std::vector<std::string> got = relative_candidates(home);
  for (const std::string& path : expected) EXPECT_TRUE(has(got, path)) << path;
  for (const std::string& path : not_expected) EXPECT_FALSE(has(got, path)) << path;
  EXPECT_TRUE(std::is_sorted(got.begin(), got.end()));
  EXPECT_EQ(got.size(), expected.size());
}

TEST(HomeCandidates, DirectoriesNamedLikeFilesAndSymlinkedDirectoriesAreLeftOut) {
  test::FixtureRoot home;
  test::FixtureRoot elsewhere;
  elsewhere.write("/conf/secret.json", "x\n");
  home.mkdir("/.netrc");  // a directory, not a file
  home.symlink(elsewhere.real("/conf"), "/.config/linked");
  home.write("/dotfiles/aws-credentials", "x\n");
  home.symlink(home.real("/dotfiles/aws-credentials"), "/.aws/credentials");
  std::vector<std::string> got = relative_candidates(home);
  EXPECT_EQ(got, (std::vector<std::string>{".aws/credentials"}));
}

TEST(HomeCandidates, AMissingHomeGivesNothing) {
  test::FixtureRoot root;
  EXPECT_TRUE(home_secret_candidates(root.real("/no-such-home")).empty());
}

}  // namespace
}  // namespace sw::secrets
