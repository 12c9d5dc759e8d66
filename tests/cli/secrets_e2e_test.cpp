// SPDX-License-Identifier: Apache-2.0
// End to end: `shieldwall secrets` over files, stdin and git history, with its report formats,
// redaction, ignore file, baseline, a bad rule file and the exit codes.
#include <fstream>

#include <sys/stat.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "support/fixture.h"

namespace sw::test {
namespace {

// Built at run time, so this source file holds no literal token for scanners to trip over.
std::string aws_key() { return std::string("AKI") + "A" + "QX7TZ2VYB4R5KWMN"; }
std::string db_password() { return std::string("Copper") + "#4821!" + "Nimbus"; }

class SecretsE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<FixtureRoot>();
    write("app/settings.py", "import os\n\nAWS_ACCESS_KEY_ID = \"" + aws_key() + "\"\n");
    write("deploy/.env", "DB_HOST=db.internal\nDB_PASSWORD=" + db_password() + "\n");
    write("docs/example.md", "Set AWS_ACCESS_KEY_ID to AKIAIOSFODNN7EXAMPLE in the docs.\n");
  }
  void write(const std::string& rel, const std::string& text) {
    std::string p = dir_->path() + "/" + rel;
    std::string parent = p.substr(0, p.rfind('/'));
    run_program({"/bin/mkdir", "-p", parent});
    std::ofstream(p) << text;
  }
  std::string path() const { return dir_->path(); }
  std::unique_ptr<FixtureRoot> dir_;
};

TEST_F(SecretsE2e, FindsRedactsRoutesAndExitsOne) {
  test::Run r = run_shieldwall({"secrets", path(), "-f", "json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["command"], "secrets");
  std::map<std::string, int> lines;
  for (const auto& f : j["findings"]) {
    lines[f["location"]["path"].get<std::string>()] = f["location"]["line"].get<int>();
    EXPECT_EQ(f["check"].get<std::string>().rfind("secrets.", 0), 0u);
    EXPECT_EQ(f["id"].get<std::string>().rfind("SW-", 0), 0u);
  }
  EXPECT_EQ(lines["app/settings.py"], 3);
  EXPECT_EQ(lines["deploy/.env"], 2);
  EXPECT_EQ(lines.count("docs/example.md"), 0u);  // the documentation example is not a secret
  // Never the secret in full, anywhere in the output.
  EXPECT_EQ(r.out.find(aws_key()), std::string::npos);
  EXPECT_EQ(r.out.find(db_password()), std::string::npos);
  EXPECT_EQ(r.err.find(aws_key()), std::string::npos);

  test::Run text = run_shieldwall({"secrets", path()});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_EQ(text.out.find(aws_key()), std::string::npos);
  EXPECT_NE(text.out.find("app/settings.py"), std::string::npos);

  test::Run shown = run_shieldwall({"secrets", path(), "-f", "gitleaks-json", "--show-secrets"});
  EXPECT_EQ(shown.exit_code, 1);
  EXPECT_NE(shown.out.find(aws_key()), std::string::npos);  // asked for
  auto g = nlohmann::json::parse(shown.out);
  ASSERT_TRUE(g.is_array());
  EXPECT_TRUE(g[0].contains("RuleID"));
  EXPECT_TRUE(g[0].contains("Fingerprint"));
}

TEST_F(SecretsE2e, CleanTreeExitsZero) {
  FixtureRoot clean;
  std::ofstream(clean.path() + "/main.c") << "int main(void) { return 0; }\n";
  test::Run r = run_shieldwall({"secrets", clean.path()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(SecretsE2e, IgnoreFileAndBaselineLeaveOnlyNewFindings) {
  test::Run first = run_shieldwall({"secrets", path(), "-f", "json"});
  auto j = nlohmann::json::parse(first.out);
  std::string env_id;
  for (const auto& f : j["findings"]) {
    if (f["location"]["path"] == "deploy/.env") env_id = f["id"];
  }
  ASSERT_FALSE(env_id.empty());
  write("shieldwall-secrets-ignore.toml", "[[ignore]]\nfingerprint = \"" + env_id +
                                              "\"\nreason = \"test fixture\"\nowner = \"qa\"\n");
  test::Run ignored = run_shieldwall({"secrets", path(), "-f", "json"});
  auto k = nlohmann::json::parse(ignored.out);
  for (const auto& f : k["findings"]) EXPECT_NE(f["id"], env_id);

  FixtureRoot aux;
  std::string baseline = aux.path() + "/baseline.json";
  std::ofstream(baseline) << ignored.out;
  // Lines move; the baseline still covers the old finding (fingerprints ignore positions).
  write("app/settings.py", "import os\nimport sys\n\nAWS_ACCESS_KEY_ID = \"" + aws_key() + "\"\n");
  test::Run again = run_shieldwall({"secrets", path(), "--baseline", baseline, "-f", "json"});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_TRUE(nlohmann::json::parse(again.out)["findings"].empty());
}

TEST_F(SecretsE2e, StdinIsScanned) {
  test::Run r = run_program(
      {"/bin/sh", "-c",
       "printf 'password = \"" + db_password() + "\"\\n' | '" + SW_BINARY + "' secrets - -f json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["location"]["line"], 1);
}

TEST_F(SecretsE2e, GitHistoryFindsARemovedSecretAndNamesItsAuthor) {
  FixtureRoot repo;
  const std::string git =
      "cd '" + repo.path() +
      "' && export GIT_AUTHOR_NAME='Dev One' GIT_AUTHOR_EMAIL=dev1@example.org "
      "GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.org "
      "GIT_AUTHOR_DATE='2024-01-02T03:04:05Z' GIT_COMMITTER_DATE='2024-01-02T03:04:05Z' && "
      "git init -q -b main . && ";
  std::ofstream(repo.path() + "/config.py") << "KEY = \"" << aws_key() << "\"\n";
  test::Run setup = run_program({"/bin/sh", "-c",
                                 git + "git add config.py && git commit -q -m add && "
                                       "echo 'KEY = os.environ[\"KEY\"]' > config.py && "
                                       "git commit -q -am remove"});
  ASSERT_EQ(setup.exit_code, 0) << setup.err;
  test::Run files = run_shieldwall({"secrets", repo.path()});
  EXPECT_EQ(files.exit_code, 0) << files.out;  // gone from the files
  test::Run hist = run_shieldwall({"secrets", "--git", repo.path(), "-f", "json"});
  ASSERT_EQ(hist.exit_code, 1) << hist.err;
  auto j = nlohmann::json::parse(hist.out);
  ASSERT_EQ(j["findings"].size(), 1u);
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["location"]["path"], "config.py");
  EXPECT_NE(f["responsible"].dump().find("Dev One"), std::string::npos) << f.dump();
  ASSERT_TRUE(f.contains("details"));
  EXPECT_EQ(f["details"]["commit"].get<std::string>().size(), 40u);
}

TEST_F(SecretsE2e, ABadRuleIsNamedTheOthersStillRun) {
  FixtureRoot aux;
  std::string rules = aux.path() + "/rules.toml";
  std::ofstream(rules) << "[[rules]]\nid = \"broken\"\nregex = '''(unclosed'''\n"
                          "keywords = [\"x\"]\n"
                          "[[rules]]\nid = \"aws-key\"\nregex = '''AKIA[A-Z2-7]{16}'''\n"
                          "keywords = [\"akia\"]\n";
  test::Run r = run_shieldwall({"secrets", path(), "--rules", rules, "-f", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("broken"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["findings"].empty());  // the good rule still ran
  EXPECT_EQ(j["findings"][0]["check"], "secrets.aws-key");
}

}  // namespace
}  // namespace sw::test
