// SPDX-License-Identifier: Apache-2.0
// Tests of the secret-scanning engine (secrets/engine.h): each step of gitleaks' rule semantics
// (../shared/data/secrets/README.md, "How gitleaks applies a rule") with small rule sets built
// here, the Hyperscan translation's superset property on non-ASCII and invalid UTF-8 text, and a
// differential check of the windowed RE2 search against Go's FindAll over the whole text.
#include "secrets/engine.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "secrets/engine/contains.h"
#include "secrets/engine/utf8.h"
#include "secrets/entropy.h"

namespace sw::secrets {
namespace {

Rule make_rule(std::string id, std::string regex, std::vector<std::string> keywords = {}) {
  Rule r;
  r.id = std::move(id);
  r.description = "test rule " + r.id;
  r.regex = std::move(regex);
  r.keywords = std::move(keywords);
  r.origin = "test.toml:1";
  return r;
}

struct Scan {
  std::vector<SecretMatch> found;
  std::vector<Error> errors;
};

std::unique_ptr<Scanner> compile_or_die(RuleSet rules, std::vector<Error>* errors = nullptr) {
  auto scanner = Scanner::compile(std::move(rules), errors);
  EXPECT_TRUE(scanner.has_value()) << (scanner ? "" : scanner.error().to_string());
  return scanner ? std::move(*scanner) : nullptr;
}

std::vector<SecretMatch> run(const Scanner& scanner, const Fragment& fragment) {
  auto worker = scanner.make_worker();
  EXPECT_TRUE(worker.has_value());
  std::vector<SecretMatch> out;
  auto r = (*worker)->scan(fragment, out);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return out;
}

std::vector<SecretMatch> scan_text(RuleSet rules, std::string_view text,
                                   std::string path = "src/app.py") {
  auto scanner = compile_or_die(std::move(rules));
  if (!scanner) return {};
  Fragment f;
  f.text = text;
  f.path = std::move(path);
  return run(*scanner, f);
}

RuleSet one(Rule r) {
  RuleSet rs;
  rs.rules.push_back(std::move(r));
  return rs;
}

constexpr std::string_view kAws = "AKIAZ7XQ3PLMNB4W2RTY";

TEST(SecretsEngine, FindsAndLocatesAMatch) {
  auto found = scan_text(one(make_rule("aws", "AKIA[0-9A-Z]{16}", {"akia"})),
                         "first line\n  key = AKIAZ7XQ3PLMNB4W2RTY # note\n");
  ASSERT_EQ(found.size(), 1u);
  const SecretMatch& m = found[0];
  EXPECT_EQ(m.rule_id, "aws");
  EXPECT_EQ(m.secret, kAws);
  EXPECT_EQ(m.match, kAws);
  EXPECT_EQ(m.line, "  key = AKIAZ7XQ3PLMNB4W2RTY # note");
  EXPECT_EQ(m.start_line, 2);
  EXPECT_EQ(m.end_line, 2);
  EXPECT_EQ(m.start_column, 9);  // 1-based byte column of 'A'
  EXPECT_EQ(m.end_column, 28);   // of the last byte, inclusive
  EXPECT_EQ(m.path, "src/app.py");
  EXPECT_NEAR(m.entropy, shannon_entropy(kAws), 1e-12);
}

TEST(SecretsEngine, FirstLineColumnsAndFindingsInPositionOrder) {
  RuleSet rs;
  rs.rules.push_back(make_rule("b", "bbb[0-9]+"));
  rs.rules.push_back(make_rule("a", "aaa[0-9]+"));
  auto found = scan_text(rs, "bbb1 aaa2 bbb3\naaa4");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].match, "bbb1");
  EXPECT_EQ(found[0].start_column, 1);
  EXPECT_EQ(found[0].end_column, 4);
  EXPECT_EQ(found[1].match, "aaa2");
  EXPECT_EQ(found[2].match, "bbb3");
  EXPECT_EQ(found[3].match, "aaa4");
  EXPECT_EQ(found[3].start_line, 2);
  EXPECT_EQ(found[3].start_column, 1);
  EXPECT_EQ(found[3].line, "aaa4");  // a last line without a newline is just that line
}

TEST(SecretsEngine, KeywordGateAppliesToTheWholeFragmentCaseInsensitively) {
  // Like gitleaks' sourcegraph-access-token: a bare 40-hex branch that only counts where the
  // keyword occurs somewhere in the fragment.
  const Rule r = make_rule("sourcegraph", R"(\b(?:sgp_[a-f0-9]{40}|[a-fA-F0-9]{40})\b)",
                           {"sgp_", "sourcegraph"});
  const std::string hex = "0123456789abcdef0123456789abcdef01234567";
  EXPECT_TRUE(scan_text(one(r), "commit " + hex + "\n").empty());
  auto found = scan_text(one(r), "# SourceGraph token\n\ncommit " + hex + "\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, hex);
  EXPECT_EQ(found[0].start_line, 3);
}

TEST(SecretsEngine, RuleWithoutKeywordsAlwaysRuns) {
  auto found = scan_text(one(make_rule("nokw", "tok_[a-z]{6}")), "x tok_abcdef y");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "tok_abcdef");
}

TEST(SecretsEngine, SecretIsTheChosenGroupOrFirstNonEmptyGroupOrTheMatch) {
  Rule grouped = make_rule("g", R"((user)=(\w+);)");
  grouped.secret_group = 2;
  auto found = scan_text(one(grouped), "user=hunter22;");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "hunter22");
  EXPECT_EQ(found[0].match, "user=hunter22;");

  auto first = scan_text(one(make_rule("f", R"(pw=(?:(\d+)|(\w+)))")), "pw=letters");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].secret, "letters");  // group 1 did not take part

  auto whole = scan_text(one(make_rule("w", R"(pw=\w+)")), "pw=letters");
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole[0].secret, "pw=letters");
}

TEST(SecretsEngine, SecretComesFromTheRegexRerunOnTheMatchAlone) {
  // In context "axy", \B holds before 'x' and group 1 is "y". gitleaks re-runs the regex on the
  // match "xy" alone, where \B fails at its start and nothing matches: the secret is the match.
  auto found = scan_text(one(make_rule("b", R"(\Bx(y)|q(z))")), "axy");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].match, "xy");
  EXPECT_EQ(found[0].secret, "xy");
}

TEST(SecretsEngine, SecretGroupBeyondTheRegexGroupsIsARuleError) {
  RuleSet rs;
  Rule bad = make_rule("bad-group", "(a)b");
  bad.secret_group = 3;
  rs.rules.push_back(bad);
  rs.rules.push_back(make_rule("ok", "zz[0-9]"));
  std::vector<Error> errors;
  auto scanner = compile_or_die(rs, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find("bad-group"), std::string::npos);
}

TEST(SecretsEngine, EntropyAtTheThresholdIsDropped) {
  Rule r = make_rule("e", R"(s=(\w+))");
  r.entropy = 1.0;  // "ab" has entropy exactly 1.0
  EXPECT_TRUE(scan_text(one(r), "s=ab").empty());
  r.entropy = 0.99;
  EXPECT_EQ(scan_text(one(r), "s=ab").size(), 1u);
  r.entropy = 0.0;  // 0 means no threshold, as in gitleaks
  EXPECT_EQ(scan_text(one(r), "s=aaaa").size(), 1u);
  r.entropy = 2.5;
  auto found = scan_text(one(r), "s=aaaa s=a1b2c3d4e5f6");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "a1b2c3d4e5f6");
}

TEST(SecretsEngine, InlineAllowCommentsDropMatchesOnTheirLineOnly) {
  const RuleSet rs = one(make_rule("t", "tok_[a-z]{6}"));
  EXPECT_TRUE(scan_text(rs, "x = tok_abcdef  # gitleaks:allow\n").empty());
  EXPECT_TRUE(scan_text(rs, "x = tok_abcdef  // shieldwall:allow\n").empty());
  auto found = scan_text(rs, "# gitleaks:allow\nx = tok_abcdef\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start_line, 2);
}

TEST(SecretsEngine, GlobalAllowlistRegexesTestTheSecret) {
  RuleSet rs = one(make_rule("t", R"(key=(\S+))"));
  Allowlist global;
  global.regexes = {R"(^\$\{[A-Z_]+\}$)"};
  rs.allowlists.push_back(global);
  auto found = scan_text(rs, "key=${API_KEY}\nkey=real-value-1\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "real-value-1");
}

TEST(SecretsEngine, RuleAllowlistRegexTargets) {
  Rule r = make_rule("t", R"(key=(\w+))");
  Allowlist on_match;
  on_match.regex_target = RegexTarget::kMatch;
  on_match.regexes = {"^key=test"};  // would never match the secret alone
  r.allowlists.push_back(on_match);
  auto found = scan_text(one(r), "key=testvalue\nkey=othervalue\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "othervalue");

  Rule l = make_rule("t", R"(key=(\w+))");
  Allowlist on_line;
  on_line.regex_target = RegexTarget::kLine;
  on_line.regexes = {"--mount=type=secret"};
  l.allowlists.push_back(on_line);
  auto lines = scan_text(one(l), "RUN --mount=type=secret key=abc123\nkey=def456\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].secret, "def456");
}

TEST(SecretsEngine, StopwordsAreCaseInsensitiveSubstringsOfTheSecret) {
  Rule r = make_rule("t", R"(key=(\w+))");
  Allowlist a;
  a.stopwords = {"example"};
  r.allowlists.push_back(a);
  auto found = scan_text(one(r), "key=MyEXAMPLEKey\nkey=realsecret\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "realsecret");
}

TEST(SecretsEngine, AllowlistPathsAndCommitsSkipTheFragment) {
  Rule r = make_rule("t", "tok_[a-z]{6}");
  Allowlist a;
  a.paths = {R"(^test/)"};
  a.commits = {"abc123"};
  r.allowlists.push_back(a);
  auto scanner = compile_or_die(one(r));
  Fragment f;
  f.text = "tok_abcdef";
  f.path = "test/x.py";
  EXPECT_TRUE(run(*scanner, f).empty());
  f.path = "src/x.py";
  EXPECT_EQ(run(*scanner, f).size(), 1u);
  f.commit = "abc123def456";  // a listed prefix of the commit id
  EXPECT_TRUE(run(*scanner, f).empty());
  f.commit = "fff";
  EXPECT_EQ(run(*scanner, f).size(), 1u);
}

TEST(SecretsEngine, AndConditionNeedsEveryCriterion) {
  Rule r = make_rule("t", R"(key=(\w+))");
  Allowlist a;
  a.condition = Condition::kAnd;
  a.paths = {R"(\.bb$)"};
  a.regex_target = RegexTarget::kLine;
  a.regexes = {"LICENSE"};
  r.allowlists.push_back(a);
  auto scanner = compile_or_die(one(r));
  Fragment f;
  f.text = "LICENSE key=abc\nkey=def\n";
  f.path = "recipe.bb";
  auto found = run(*scanner, f);  // path and line both hold on line 1 only
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "def");
  f.path = "recipe.txt";  // path fails: nothing allowed
  EXPECT_EQ(run(*scanner, f).size(), 2u);

  // OR (the default) with the same lists: the path alone skips the file.
  r.allowlists[0].condition = Condition::kOr;
  auto or_scanner = compile_or_die(one(r));
  f.path = "recipe.bb";
  EXPECT_TRUE(run(*or_scanner, f).empty());
}

TEST(SecretsEngine, GlobalAllowlistPathsSkipFilesAndAnswerPathAllowed) {
  RuleSet rs = one(make_rule("t", "tok_[a-z]{6}"));
  Allowlist global;
  global.paths = {R"((?:^|/)node_modules/)", R"(\.png$)"};
  rs.allowlists.push_back(global);
  Allowlist needs_commit;  // AND with a commit: a path alone cannot decide
  needs_commit.condition = Condition::kAnd;
  needs_commit.paths = {R"(^vendor/)"};
  needs_commit.commits = {"c0ffee"};
  rs.allowlists.push_back(needs_commit);
  auto scanner = compile_or_die(rs);
  EXPECT_TRUE(scanner->path_allowed("web/node_modules/x/index.js"));
  EXPECT_TRUE(scanner->path_allowed("logo.png"));
  EXPECT_FALSE(scanner->path_allowed("src/main.c"));
  EXPECT_FALSE(scanner->path_allowed("vendor/lib.c"));
  Fragment f;
  f.text = "tok_abcdef";
  f.path = "web/node_modules/x/index.js";
  EXPECT_TRUE(run(*scanner, f).empty());
  f.path = "vendor/lib.c";
  EXPECT_EQ(run(*scanner, f).size(), 1u);
  f.commit = "c0ffee";
  EXPECT_TRUE(run(*scanner, f).empty());
}

TEST(SecretsEngine, TargetedGlobalAllowlistAppliesToItsRulesOnly) {
  RuleSet rs;
  rs.rules.push_back(make_rule("one", "one_[a-z]{4}"));
  rs.rules.push_back(make_rule("two", "two_[a-z]{4}"));
  Allowlist a;
  a.regexes = {"abcd"};
  a.target_rules = {"two"};
  rs.allowlists.push_back(a);
  auto found = scan_text(rs, "one_abcd two_abcd two_wxyz");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].match, "one_abcd");
  EXPECT_EQ(found[1].match, "two_wxyz");
}

TEST(SecretsEngine, GenericFindingsYieldToSpecificOnesOnTheSameLine) {
  RuleSet rs;
  rs.rules.push_back(make_rule("generic-api-key", R"(key\s*=\s*"?(\w+))", {"key"}));
  rs.rules.push_back(make_rule("acme-token", R"(\b(acme_\w{8}))", {"acme_"}));
  rs.rules.push_back(make_rule("other-generic-thing", R"(key\s*=\s*"?(\w+))", {"key"}));
  auto found = scan_text(rs,
                         "key = \"acme_12345678\"\n"
                         "key = plainvalue\n");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].rule_id, "acme-token");
  EXPECT_EQ(found[0].start_line, 1);
  // Line 2: both generic rules stay (a generic finding never hides another generic one).
  EXPECT_EQ(found[1].start_line, 2);
  EXPECT_EQ(found[2].start_line, 2);
  EXPECT_NE(found[1].rule_id, found[2].rule_id);
}

TEST(SecretsEngine, PathOnlyRuleReportsTheFile) {
  Rule p;
  p.id = "pkcs12-file";
  p.description = "PKCS#12 file";
  p.path = R"((?i)(?:^|/)[^/]+\.p(?:12|fx)$)";
  RuleSet rs = one(p);
  rs.rules.push_back(make_rule("t", "tok_[a-z]{6}"));
  auto scanner = compile_or_die(rs);
  Fragment f;
  f.text = "\x30\x82 binary tok_abcdef";
  f.path = "certs/client.P12";
  auto found = run(*scanner, f);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule_id, "pkcs12-file");
  EXPECT_EQ(found[0].match, "file detected: certs/client.P12");
  EXPECT_EQ(found[0].secret, "");
  EXPECT_EQ(found[0].start_line, 0);
  f.path = "certs/client.pem";
  found = run(*scanner, f);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule_id, "t");
}

TEST(SecretsEngine, RulePathRestrictsARegexRule) {
  Rule r = make_rule("php-only", R"(sk_[a-z]{8})");
  r.path = R"(\.php$)";
  auto scanner = compile_or_die(one(r));
  Fragment f;
  f.text = "sk_abcdefgh";
  f.path = "a.py";
  EXPECT_TRUE(run(*scanner, f).empty());
  f.path = "a.php";
  EXPECT_EQ(run(*scanner, f).size(), 1u);
}

TEST(SecretsEngine, GitLineNumbersMapThroughTheFragment) {
  auto scanner = compile_or_die(one(make_rule("t", "tok_[a-z]{6}")));
  Fragment f;
  f.text = "added one\nadded tok_abcdef\nadded three tok_ghijkl";
  f.path = "app.cfg";
  f.commit = "0123456789abcdef";
  f.author = "A. Person";
  f.email = "a@example.org";
  f.date = "2024-01-02T03:04:05Z";
  f.message = "oops";
  f.line_numbers = {10, 42, 43};
  auto found = run(*scanner, f);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].start_line, 42);
  EXPECT_EQ(found[0].start_column, 7);
  EXPECT_EQ(found[1].start_line, 43);
  EXPECT_EQ(found[0].commit, f.commit);
  EXPECT_EQ(found[0].author, f.author);
  EXPECT_EQ(found[0].email, f.email);
  EXPECT_EQ(found[0].date, f.date);
  EXPECT_EQ(found[0].message, f.message);
}

TEST(SecretsEngine, MultiLinePrivateKey) {
  // gitleaks' private-key rule (unbounded, spans lines).
  const Rule r = make_rule(
      "private-key",
      R"((?i)-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S-]{64,}?KEY(?: BLOCK)?-----)",
      {"-----begin"});
  const std::string key =
      "-----BEGIN RSA PRIVATE KEY-----\n"
      "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
      "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
      "-----END RSA PRIVATE KEY-----";
  const std::string text = "config:\n  key: |\n" + key + "\nafter\n";
  auto found = scan_text(one(r), text, "deploy/key.yaml");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].match, key);
  EXPECT_EQ(found[0].secret, key);
  EXPECT_EQ(found[0].start_line, 3);
  EXPECT_EQ(found[0].end_line, 6);
  EXPECT_EQ(found[0].start_column, 1);
  EXPECT_EQ(found[0].end_column, 29);
}

TEST(SecretsEngine, WindowsAtFragmentEdges) {
  RuleSet rs;
  rs.rules.push_back(make_rule("start", R"(^head_[0-9]{4}\b)"));
  rs.rules.push_back(make_rule("end", R"(\btail_[0-9]{4}$)"));
  auto found = scan_text(rs, "head_1234 head_5678\nmiddle tail_0000 x\ntail_9999");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].match, "head_1234");  // ^ only at the fragment's start (no (?m))
  EXPECT_EQ(found[1].match, "tail_9999");  // $ only at its end
  // \b sees the real neighbour before a window: "xhead" is no word boundary.
  auto none = scan_text(one(make_rule("wb", R"(\bkey_[a-z]{3})")), "xkey_abc");
  EXPECT_TRUE(none.empty());
}

TEST(SecretsEngine, BadRegexAndUnknownValidatorAreReportedAndTheRestRuns) {
  RuleSet rs;
  Rule bad = make_rule("broken-rule", "(unclosed");
  bad.origin = "rules.toml:77";
  rs.rules.push_back(bad);
  Rule bad_validator = make_rule("unvalidated", "x[0-9]");
  bad_validator.validator = "no-such-validator";
  bad_validator.origin = "rules.toml:90";
  rs.rules.push_back(bad_validator);
  rs.rules.push_back(make_rule("good", "tok_[a-z]{6}"));
  std::vector<Error> errors;
  auto scanner = compile_or_die(rs, &errors);
  ASSERT_TRUE(scanner);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].message().find("broken-rule"), std::string::npos);
  EXPECT_EQ(errors[0].file(), "rules.toml");
  EXPECT_EQ(errors[0].line(), 77);
  EXPECT_NE(errors[1].message().find("unvalidated"), std::string::npos);
  EXPECT_EQ(errors[1].line(), 90);
  Fragment f;
  f.text = "tok_abcdef x1";
  auto found = run(*scanner, f);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule_id, "good");
}

TEST(SecretsEngine, NothingUsableIsAnError) {
  RuleSet rs = one(make_rule("broken", "(unclosed"));
  std::vector<Error> errors;
  auto scanner = Scanner::compile(rs, &errors);
  EXPECT_FALSE(scanner.has_value());
  EXPECT_EQ(errors.size(), 1u);
}

TEST(SecretsEngine, CodePointsCountAsGoCountsThem) {
  // `.{3}` is three code points (six bytes here): Hyperscan in byte mode must not miss it.
  auto found = scan_text(one(make_rule("cp", R"(x=(.{3});)")), "x=\xC3\xA9\xC3\xA9\xC3\xA9;");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "\xC3\xA9\xC3\xA9\xC3\xA9");
  // Go's \s has no \v, so \S matches it (Hyperscan's \s would hold it).
  auto vt = scan_text(one(make_rule("vt", R"(a\Sb[^\s]c)")), "a\vb\vc");
  EXPECT_EQ(vt.size(), 1u);
}

TEST(SecretsEngine, InvalidUtf8BytesAreOneCodePointEachAsInGo) {
  // Go reads \xff as U+FFFD, which [^"] matches: three code points between the quotes.
  auto found = scan_text(one(make_rule("q", R"re(pw="([^"]{3})")re")),
                         "pw=\"a\xff"
                         "b\"");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret,
            "a\xff"
            "b");
  EXPECT_EQ(found[0].match,
            "pw=\"a\xff"
            "b\"");
  // Offsets after invalid bytes stay in original bytes.
  auto later = scan_text(one(make_rule("t", "tok_[a-z]{6}")), "\xff\xfe\xfd tok_abcdef");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].start_column, 5);
  EXPECT_EQ(later[0].match, "tok_abcdef");
}

TEST(SecretsEngine, UnicodeCaseFoldingOntoAsciiAsInGo) {
  // Go lower-cases U+212A KELVIN SIGN to 'k' before matching keywords, and (?i) folds it too.
  auto found = scan_text(one(make_rule("k", R"((?i)key=(\w+))", {"key"})),
                         "\xE2\x84\xAA"
                         "EY=abcdef");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "abcdef");
  // U+017F LONG S folds to s under (?i).
  auto long_s = scan_text(one(make_rule("s", R"((?i)secret=(\w+))")),
                          "\xC5\xBF"
                          "ecret=abcdef");
  EXPECT_EQ(long_s.size(), 1u);
}

TEST(SecretsEngine, NulBytesAndEmptyFragments) {
  const RuleSet rs = one(make_rule("t", "tok_[a-z]{6}"));
  const std::string text("\0\0tok_abcdef\0", 13);
  auto found = scan_text(rs, text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].start_column, 3);
  EXPECT_TRUE(scan_text(rs, "").empty());
  EXPECT_TRUE(scan_text(rs, "", "").empty());
}

TEST(SecretsEngine, LongLinesAndManyHitsOfAnUnboundedRule) {
  // A 100,000-byte line ending in a secret; and a line full of hits of an unbounded rule.
  std::string text(100000, 'x');
  text += " tok_abcdef\n";
  for (int i = 0; i < 5000; ++i) text += "ey" + std::string(20, 'a') + " ";
  RuleSet rs;
  rs.rules.push_back(make_rule("t", "tok_[a-z]{6}"));
  rs.rules.push_back(make_rule("unbounded", R"(\bey[a-z]{17,}\b)", {"ey"}));
  auto found = scan_text(rs, text);
  ASSERT_EQ(found.size(), 5001u);
  EXPECT_EQ(found[0].start_column, 100002);
  EXPECT_EQ(found[0].line, std::string(1023, 'x') + " tok_abcdef");  // cut before the match
  EXPECT_EQ(found[5000].start_line, 2);
}

// ---------------------------------------------------------------------------------------------
// Differential check: the engine's windowed search equals Go's FindAll over the whole text.

// Go's FindAll over the whole text (RE2 on the U+FFFD-substituted copy).
std::vector<std::pair<size_t, size_t>> reference_find_all(const std::string& regex,
                                                          std::string_view original) {
  engine::GoText go;
  go.assign(original);
  const std::string_view text = go.text();
  RE2 re(regex);
  std::vector<std::pair<size_t, size_t>> out;
  size_t pos = 0;
  size_t prev_end = static_cast<size_t>(-1);
  re2::StringPiece whole(text.data(), text.size());
  while (pos <= text.size()) {
    re2::StringPiece m;
    if (!re.Match(whole, pos, text.size(), RE2::UNANCHORED, &m, 1)) break;
    const auto b = static_cast<size_t>(m.data() - text.data());
    const size_t e = b + m.size();
    bool accept = true;
    if (e == pos) {
      if (b == prev_end) accept = false;
      const size_t w = engine::go_rune_width(text, pos);
      pos = w > 0 ? pos + w : text.size() + 1;
    } else {
      pos = e;
    }
    prev_end = e;
    if (!accept) continue;
    size_t tb = b;
    size_t te = e;
    while (tb < te && text[tb] == '\n') ++tb;
    while (te > tb && text[te - 1] == '\n') --te;
    out.emplace_back(go.to_original(tb), go.to_original(te));
  }
  return out;
}

TEST(SecretsEngine, WindowedSearchEqualsFindAllOnRandomText) {
  const std::vector<std::string> regexes = {
      R"(key\s*=\s*(\w{3,}))",                                                // bounded
      R"((?i)[\w.-]{0,10}?(?:key|tok)[ \t]*[=:][ \t"']{0,3}([a-z0-9]{4,}))",  // unbounded, one line
      R"(\bey[a-z0-9]{5,}\.[a-z0-9]+)",                                       // unbounded
      R"(k[\s\S]{0,30}?y)",   // spans lines, bounded
      R"(a[^"]{2,}")",        // spans lines, unbounded
      R"((?s)t.{3,})",        // to the end of text
      R"(=\s*(?:[\w"']|$))",  // $ at the end only
      R"(x*)",                // empty matches
      R"(.{2}\b)",            // code points and \b
  };
  const std::vector<std::string> pieces = {"key", " ",        "=",    "\"", "'", "a", "y",
                                           "ey",  "tok",      ".",    "\n", "0", "9", "x",
                                           "t",   "\xC3\xA9", "\xff", ":",  "K", "\t"};
  std::mt19937 rng(12345);
  for (size_t ri = 0; ri < regexes.size(); ++ri) {
    RuleSet rs = one(make_rule("r" + std::to_string(ri), regexes[ri]));
    auto scanner = compile_or_die(rs);
    ASSERT_TRUE(scanner);
    auto worker = scanner->make_worker();
    ASSERT_TRUE(worker.has_value());
    for (int round = 0; round < 60; ++round) {
      std::string text;
      const size_t n = 1 + rng() % 200;
      for (size_t i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
      Fragment f;
      f.text = text;
      f.path = "r.txt";
      std::vector<SecretMatch> out;
      ASSERT_TRUE((*worker)->scan(f, out).has_value());
      const auto expected = reference_find_all(regexes[ri], text);
      std::vector<std::string> got_matches;
      for (const auto& m : out) got_matches.push_back(m.match);
      std::vector<std::string> want_matches;
      for (const auto& [b, e] : expected) want_matches.push_back(text.substr(b, e - b));
      ASSERT_EQ(got_matches, want_matches) << "regex " << regexes[ri] << " text " << text;
    }
  }
}

}  // namespace
}  // namespace sw::secrets

namespace sw::secrets {
namespace {

TEST(SecretsEngine, EngineEqualsGitleaksDesignOnRandomText) {
  // Every step at once (keywords common and rare, groups, entropy, allowlists, generic
  // de-duplication, multi-line and unbounded rules): the Hyperscan-windowed engine must report
  // exactly what the reference worker (RE2 over whole fragments) reports.
  RuleSet rs;
  rs.rules.push_back(make_rule(
      "generic-api-key",
      R"((?i)[\w.-]{0,20}?(?:key|token)(?:[ \t\w.-]{0,10})[\s'"]{0,3}(?:=|:)[\x60'"\s=]{0,5}([\w.=-]{4,40}|[a-z0-9][a-z0-9+/]{5,}={0,3})(?:[\x60'"\s;]|\\[nr]|$))",
      {"key", "token"}));
  rs.rules.back().entropy = 1.5;
  Allowlist stop;
  stop.stopwords = {"aaa"};
  rs.rules.back().allowlists.push_back(stop);
  rs.rules.push_back(make_rule("acme", R"(\b(acme_[a-z0-9]{4,}))", {"acme_"}));
  rs.rules.push_back(make_rule("kapi", R"((?i)kapi_[a-z]{4})", {"kapi_"}));
  rs.rules.push_back(make_rule("pem", R"((?i)-----BEGIN[ A-Z]{0,10}KEY-----[\s\S-]{4,}?-----END)",
                               {"-----begin"}));
  rs.rules.push_back(make_rule("quoted", R"re(pw="([^"]{3,})")re"));
  Allowlist global;
  global.regex_target = RegexTarget::kLine;
  global.regexes = {"ignore-me"};
  rs.allowlists.push_back(global);
  auto scanner = compile_or_die(rs);
  ASSERT_TRUE(scanner);
  auto worker = scanner->make_worker();
  auto reference = scanner->make_reference_worker();
  ASSERT_TRUE(worker.has_value());
  ASSERT_TRUE(reference.has_value());
  const std::vector<std::string> pieces = {"key",
                                           "Token",
                                           " = ",
                                           "=",
                                           ":",
                                           "\"",
                                           "'",
                                           "acme_",
                                           "kapi_",
                                           "KAPI_",
                                           "abcd",
                                           "a1b2",
                                           "aaa",
                                           "0",
                                           "\n",
                                           " ",
                                           "\t",
                                           "pw=\"",
                                           "x",
                                           "\xff",
                                           "\xC3\xA9",
                                           "\xE2\x84\xAA",
                                           "-----BEGIN RSA KEY-----",
                                           "-----END",
                                           "ignore-me",
                                           "+/",
                                           "gitleaks:allow"};
  std::mt19937 rng(777);
  size_t total = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const size_t n = 1 + rng() % 120;
    for (size_t i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    Fragment f;
    f.text = text;
    f.path = "x/y.cfg";
    std::vector<SecretMatch> got;
    std::vector<SecretMatch> want;
    ASSERT_TRUE((*worker)->scan(f, got).has_value());
    ASSERT_TRUE((*reference)->scan(f, want).has_value());
    ASSERT_EQ(got.size(), want.size()) << text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].rule_id, want[i].rule_id) << text;
      EXPECT_EQ(got[i].secret, want[i].secret) << text;
      EXPECT_EQ(got[i].match, want[i].match) << text;
      EXPECT_EQ(got[i].start_line, want[i].start_line) << text;
      EXPECT_EQ(got[i].start_column, want[i].start_column) << text;
      EXPECT_EQ(got[i].end_line, want[i].end_line) << text;
      EXPECT_EQ(got[i].end_column, want[i].end_column) << text;
    }
    total += got.size();
  }
  EXPECT_GT(total, 100u);  // the text does produce findings
}

TEST(SecretsEngine, RareKeywordReachedOnlyThroughUnicodeLowering) {
  // A rule of the second Hyperscan pass whose keyword occurs only as Go lower-cases the text.
  auto found = scan_text(one(make_rule("kapi", R"((?i)kapi_([a-z]{4}))", {"kapi_"})),
                         "x \xE2\x84\xAA"
                         "API_abcd");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].secret, "abcd");
}

}  // namespace
}  // namespace sw::secrets

namespace sw::secrets {
namespace {

TEST(SecretsEngineContains, ManyNeedlesAgreeWithTheNaiveSearch) {
  std::mt19937 rng(99);
  auto random_string = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>('a' + rng() % 3);
    return s;
  };
  std::vector<std::string> hay_store;
  std::vector<std::string> needle_store;
  for (int i = 0; i < 300; ++i) hay_store.push_back(random_string(1 + rng() % 20));
  for (int i = 0; i < 300; ++i) needle_store.push_back(random_string(rng() % 12));
  std::vector<std::string_view> haystacks(hay_store.begin(), hay_store.end());
  std::vector<std::string_view> needles(needle_store.begin(), needle_store.end());
  const auto fast = engine::occurs_in_any(needles, haystacks);  // 90,000 pairs: the hashed path
  size_t hits = 0;
  for (size_t i = 0; i < needles.size(); ++i) {
    bool naive = false;
    for (auto h : haystacks) naive = naive || h.find(needles[i]) != std::string_view::npos;
    EXPECT_EQ(fast[i] != 0, naive) << needles[i];
    hits += naive ? 1 : 0;
  }
  EXPECT_GT(hits, 0u);
  EXPECT_LT(hits, needles.size());
}

TEST(SecretsEngine, GenericDeduplicationOnALineWithManyFindings) {
  RuleSet rs;
  rs.rules.push_back(make_rule("generic-api-key", R"(k=([a-z0-9_]{6,}))", {"k="}));
  rs.rules.push_back(make_rule("acme-token", R"(acme_[a-z0-9]{6})", {"acme_"}));
  std::string line;
  for (int i = 0; i < 300; ++i) {
    line += "k=acme_" + std::to_string(100000 + i) + " ";  // generic secret "acme_1000xx"
    line += "k=plain" + std::to_string(100000 + i) + " ";  // generic only
  }
  auto found = scan_text(rs, line);
  size_t generic = 0;
  size_t acme = 0;
  for (const auto& m : found) (m.rule_id == "acme-token" ? acme : generic)++;
  EXPECT_EQ(acme, 300u);
  EXPECT_EQ(generic, 300u);  // the 300 generic findings that are acme tokens are dropped
}

}  // namespace
}  // namespace sw::secrets
