// SPDX-License-Identifier: Apache-2.0
#include "secrets/gitleaks_config.h"

#include <fstream>

#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::secrets {
namespace {

ParsedRuleFile parse(std::string_view text, std::vector<Error>& errors) {
  auto r = parse_rules_toml(text, "rules.toml", errors);
  EXPECT_TRUE(r) << (r ? "" : r.error().to_string());
  return r ? *r : ParsedRuleFile{};
}

TEST(GitleaksConfig, ReadsEveryKeyOfARule) {
  std::vector<Error> errors;
  auto f = parse(R"toml(
title = "mine"
[[rules]]
id = "tok"
description = "A token"
regex = '''(?i)tok_([a-z0-9]{10})'''
secretGroup = 1
entropy = 3.5
keywords = ["TOK_", "token"]
path = '''\.env$'''
tags = ["t1"]
validate = "jwt"
severity = "critical"
why = "because"
fix = "rotate"
[[rules.allowlists]]
description = "examples"
condition = "AND"
regexTarget = "line"
regexes = ['''example''']
paths = ['''test/''']
stopwords = ["dummy"]
[[rules.allowlists]]
commits = ["abc123"]
)toml",
                 errors);
  EXPECT_TRUE(errors.empty()) << errors.front().to_string();
  EXPECT_EQ(f.rules.title, "mine");
  ASSERT_EQ(f.rules.rules.size(), 1u);
  const Rule& r = f.rules.rules[0];
  EXPECT_EQ(r.id, "tok");
  EXPECT_EQ(r.description, "A token");
  EXPECT_EQ(r.regex, "(?i)tok_([a-z0-9]{10})");
  EXPECT_EQ(r.secret_group, 1);
  ASSERT_TRUE(r.entropy);
  EXPECT_DOUBLE_EQ(*r.entropy, 3.5);
  EXPECT_EQ(r.keywords, (std::vector<std::string>{"tok_", "token"}));  // lower-cased
  EXPECT_EQ(r.path, "\\.env$");
  EXPECT_EQ(r.tags, std::vector<std::string>{"t1"});
  EXPECT_EQ(r.validator, "jwt");
  EXPECT_EQ(r.severity, Severity::kCritical);
  EXPECT_EQ(r.why, "because");
  EXPECT_EQ(r.fix, "rotate");
  EXPECT_EQ(r.origin, "rules.toml:3");
  ASSERT_EQ(r.allowlists.size(), 2u);
  EXPECT_EQ(r.allowlists[0].condition, Condition::kAnd);
  EXPECT_EQ(r.allowlists[0].regex_target, RegexTarget::kLine);
  EXPECT_EQ(r.allowlists[0].regexes, std::vector<std::string>{"example"});
  EXPECT_EQ(r.allowlists[0].paths, std::vector<std::string>{"test/"});
  EXPECT_EQ(r.allowlists[0].stopwords, std::vector<std::string>{"dummy"});
  EXPECT_EQ(r.allowlists[1].condition, Condition::kOr);
  EXPECT_EQ(r.allowlists[1].regex_target, RegexTarget::kSecret);
  EXPECT_EQ(r.allowlists[1].commits, std::vector<std::string>{"abc123"});
}

TEST(GitleaksConfig, KeysAreCaseInsensitiveAsViperReadsThem) {
  std::vector<Error> errors;
  auto f = parse(R"toml(
[[rules]]
ID = "a"
Regex = "x(y)"
SECRETGROUP = 1
[rules.allowlist]
RegexTarget = "match"
Regexes = ["z"]
)toml",
                 errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(f.rules.rules.size(), 1u);
  EXPECT_EQ(f.rules.rules[0].secret_group, 1);
  ASSERT_EQ(f.rules.rules[0].allowlists.size(), 1u);  // the legacy single-table form
  EXPECT_EQ(f.rules.rules[0].allowlists[0].regex_target, RegexTarget::kMatch);
}

TEST(GitleaksConfig, GlobalAllowlistsLegacyAndNew) {
  std::vector<Error> errors;
  auto legacy = parse(R"toml(
[allowlist]
description = "global"
paths = ['''\.png$''']
regexes = ['''^true$''']
stopwords = ["example"]
)toml",
                      errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(legacy.rules.allowlists.size(), 1u);
  EXPECT_EQ(legacy.rules.allowlists[0].paths.size(), 1u);

  auto modern = parse(R"toml(
[[allowlists]]
targetRules = ["a", "b"]
regexes = ["x"]
[[allowlists]]
paths = ["y"]
)toml",
                      errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(modern.rules.allowlists.size(), 2u);
  EXPECT_EQ(modern.rules.allowlists[0].target_rules, (std::vector<std::string>{"a", "b"}));

  auto both = parse(R"toml(
[allowlist]
paths = ["a"]
[[allowlists]]
paths = ["b"]
)toml",
                    errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find("cannot be used alongside"), std::string::npos);
}

TEST(GitleaksConfig, BadRulesAreLeftOutWithAnErrorNamingThemTheRestLoads) {
  std::vector<Error> errors;
  auto f = parse(R"toml(
[[rules]]
id = "good1"
regex = "a"
[[rules]]
description = "no id"
regex = "b"
[[rules]]
id = "no-effect"
description = "neither regex nor path"
[[rules]]
id = "bad-group"
regex = "c"
secretGroup = "one"
[[rules]]
id = "empty-allowlist"
regex = "d"
[[rules.allowlists]]
description = "nothing in it"
[[rules]]
id = "bad-target"
regex = "e"
[rules.allowlist]
regexTarget = "everything"
regexes = ["x"]
[[rules]]
id = "composite"
regex = "f"
[[rules.required]]
id = "good1"
[[rules]]
id = "good2"
path = '''\.p12$'''
)toml",
                 errors);
  ASSERT_EQ(f.rules.rules.size(), 2u);
  EXPECT_EQ(f.rules.rules[0].id, "good1");
  EXPECT_EQ(f.rules.rules[1].id, "good2");
  ASSERT_EQ(errors.size(), 6u);
  EXPECT_NE(errors[0].message().find("needs an id"), std::string::npos) << errors[0].message();
  EXPECT_EQ(errors[0].line(), 5);
  EXPECT_NE(errors[1].message().find("rule no-effect"), std::string::npos);
  EXPECT_NE(errors[2].message().find("rule bad-group: 'secretgroup' must be an integer"),
            std::string::npos)
      << errors[2].message();
  EXPECT_NE(errors[3].message().find("at least one of"), std::string::npos);
  EXPECT_NE(errors[4].message().find("regexTarget"), std::string::npos);
  EXPECT_NE(errors[5].message().find("composite"), std::string::npos);
  for (const auto& e : errors) EXPECT_EQ(e.file(), "rules.toml");
}

TEST(GitleaksConfig, SyntaxErrorFailsTheFileWithItsLine) {
  std::vector<Error> errors;
  auto r = parse_rules_toml("title = \"x\"\n[[rules]\nid = 1\n", "bad.toml", errors);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().file(), "bad.toml");
  EXPECT_EQ(r.error().line(), 2);
}

TEST(GitleaksConfig, ADuplicateIdKeepsTheLaterRule) {
  std::vector<Error> errors;
  auto f =
      parse("[[rules]]\nid = \"a\"\nregex = \"1\"\n[[rules]]\nid = \"a\"\nregex = \"2\"\n", errors);
  ASSERT_EQ(f.rules.rules.size(), 1u);
  EXPECT_EQ(f.rules.rules[0].regex, "2");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find("defined twice"), std::string::npos);
}

TEST(GitleaksConfig, ExtendMergesAsGitleaksDoes) {
  RuleSet base;
  Rule a;
  a.id = "a";
  a.description = "base a";
  a.regex = "base";
  a.keywords = {"k1"};
  a.entropy = 3.0;
  Rule b;
  b.id = "b";
  b.regex = "b";
  Rule c;
  c.id = "c";
  c.regex = "c";
  base.rules = {c, b, a};
  Allowlist g;
  g.paths = {"vendor/"};
  base.allowlists = {g};

  RuleSet cur;
  Rule a2;
  a2.id = "a";
  a2.keywords = {"k2"};
  Allowlist al;
  al.stopwords = {"x"};
  a2.allowlists = {al};
  Rule d;
  d.id = "d";
  d.regex = "d";
  cur.rules = {d, a2};
  Allowlist g2;
  g2.regexes = {"y"};
  cur.allowlists = {g2};

  RuleSet out = extend_rules(base, cur, {"b"});
  ASSERT_EQ(out.rules.size(), 3u);  // b disabled
  EXPECT_EQ(out.rules[0].id, "a");  // sorted by id
  EXPECT_EQ(out.rules[1].id, "c");
  EXPECT_EQ(out.rules[2].id, "d");
  EXPECT_EQ(out.rules[0].description, "base a");  // current left it empty
  EXPECT_EQ(out.rules[0].regex, "base");
  ASSERT_TRUE(out.rules[0].entropy);
  EXPECT_EQ(out.rules[0].keywords, (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(out.rules[0].allowlists.size(), 1u);
  EXPECT_EQ(out.allowlists.size(), 2u);
}

TEST(GitleaksConfig, LoadResolvesUseDefaultAndPath) {
  test::FixtureRoot dir;
  const std::string base_path = dir.path() + "/base.toml";
  const std::string mine_path = dir.path() + "/mine.toml";
  std::ofstream(base_path) << "[[rules]]\nid = \"from-base\"\nregex = \"b\"\n"
                              "[[rules]]\nid = \"off\"\nregex = \"o\"\n";
  std::ofstream(mine_path) << "[extend]\npath = \"base.toml\"\ndisabledRules = [\"off\"]\n"
                              "[[rules]]\nid = \"mine\"\nregex = \"m\"\n";
  std::vector<Error> errors;
  auto r = load_rules_file(mine_path, nullptr, errors);
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(r->rules.size(), 2u);
  EXPECT_EQ(r->rules[0].id, "from-base");
  EXPECT_EQ(r->rules[1].id, "mine");

  const std::string def_path = dir.path() + "/def.toml";
  std::ofstream(def_path)
      << "[extend]\nuseDefault = true\n[[rules]]\nid = \"extra\"\nregex = \"e\"\n";
  auto defaults = []() -> Result<RuleSet> {
    RuleSet s;
    Rule builtin;
    builtin.id = "builtin";
    builtin.regex = "x";
    s.rules.push_back(builtin);
    return s;
  };
  auto d = load_rules_file(def_path, defaults, errors);
  ASSERT_TRUE(d);
  ASSERT_EQ(d->rules.size(), 2u);
  EXPECT_EQ(d->rules[0].id, "builtin");
  EXPECT_TRUE(errors.empty());

  // A chain deeper than gitleaks allows stops with a warning, not a loop.
  const std::string loop_path = dir.path() + "/loop.toml";
  std::ofstream(loop_path)
      << "[extend]\npath = \"loop.toml\"\n[[rules]]\nid = \"l\"\nregex = \"l\"\n";
  auto l = load_rules_file(loop_path, nullptr, errors);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->rules.size(), 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find("nested"), std::string::npos);

  auto missing = load_rules_file(dir.path() + "/nope.toml", nullptr, errors);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), Errc::kNotFound);
}

}  // namespace
}  // namespace sw::secrets
