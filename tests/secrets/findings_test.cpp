// SPDX-License-Identifier: Apache-2.0
#include "secrets/findings.h"

#include <gtest/gtest.h>

#include "secrets/fingerprint.h"
#include "support/fixture.h"

namespace sw::secrets {
namespace {

SecretMatch github_pat() {
  SecretMatch m;
  m.rule_id = "github-pat";
  m.description = "GitHub Personal Access Token";
  m.secret = "ghp_" + std::string("Zq7Xw9Vb3Nm5Lk8Jh2Gf4Ds6Aa1Pp0Oo9IiU");
  m.match = "token = \"" + m.secret + "\"";
  m.line = "  " + m.match + "  # " + m.secret;
  m.path = "src/app.py";
  m.start_line = m.end_line = 12;
  m.start_column = 3;
  m.end_column = 50;
  m.severity = Severity::kHigh;
  return m;
}

TEST(SecretFindings, FieldsOfAFileFinding) {
  const SecretMatch m = github_pat();
  Rule rule;
  rule.id = m.rule_id;
  rule.severity = Severity::kHigh;
  FindingOptions options;
  options.host = "laptop";
  const Finding f = to_finding(m, &rule, options);
  EXPECT_EQ(f.id, secret_fingerprint(m));
  EXPECT_EQ(f.check, "secrets.github-pat");
  EXPECT_EQ(f.title, "GitHub Personal Access Token in src/app.py:12");
  EXPECT_EQ(f.subject, "src/app.py:12");
  EXPECT_EQ(f.category, "secrets");
  EXPECT_EQ(f.severity, Severity::kHigh);
  EXPECT_DOUBLE_EQ(f.risk, base_risk(Severity::kHigh));
  EXPECT_EQ(f.location.path, "src/app.py");
  EXPECT_EQ(f.location.line, 12);
  EXPECT_EQ(f.host, "laptop");
  EXPECT_EQ(f.responsible.role, Role::kDeveloper);
  EXPECT_TRUE(f.responsible.name.empty());
  EXPECT_TRUE(f.evidence.starts_with("token = \"ghp_\u2026(40 chars, sha256:")) << f.evidence;
  EXPECT_NE(f.fix.find("Rotate the key at the provider"), std::string::npos);
  EXPECT_NE(f.fix.find("history"), std::string::npos);
  EXPECT_FALSE(f.why.empty());
  EXPECT_EQ(f.references, std::vector<std::string>{"CWE-798"});
  for (const std::string* s : {&f.title, &f.subject, &f.evidence, &f.why, &f.fix, &f.id}) {
    EXPECT_EQ(s->find(m.secret), std::string::npos) << *s;
  }
}

TEST(SecretFindings, RuleTextAndValidationAdjustSeverity) {
  SecretMatch m = github_pat();
  Rule rule;
  rule.id = m.rule_id;
  rule.severity = Severity::kCritical;
  rule.why = "Own why.";
  rule.fix = "Own fix.";
  m.validation = "invalid";
  Finding f = to_finding(m, &rule, {});
  EXPECT_EQ(f.severity, Severity::kHigh);
  EXPECT_EQ(f.why, "Own why.");
  EXPECT_EQ(f.fix, "Own fix.");
  EXPECT_NE(f.evidence.find("fails its format's own check"), std::string::npos);
  m.validation = "valid";
  f = to_finding(m, &rule, {});
  EXPECT_EQ(f.severity, Severity::kCritical);
  EXPECT_GT(f.risk, base_risk(Severity::kCritical));
  // Without its rule: the match's own severity and per-kind defaults.
  m.validation.clear();
  m.rule_id = "private-key";
  m.description = "Identified a Private Key, which may compromise cryptographic security.";
  m.severity = Severity::kMedium;
  f = to_finding(m, nullptr, {});
  EXPECT_EQ(f.severity, Severity::kMedium);
  EXPECT_EQ(f.title, "Private Key in src/app.py:12");
  EXPECT_NE(f.fix.find("Replace the key pair"), std::string::npos);
}

TEST(SecretFindings, GitHistoryGoesToTheAuthor) {
  SecretMatch m = github_pat();
  m.commit = "0123456789abcdef0123456789abcdef01234567";
  m.author = "Alice Example";
  m.email = "alice@example.com";
  m.date = "2024-01-02T03:04:05Z";
  const Finding f = to_finding(m, nullptr, {});
  EXPECT_EQ(f.responsible.role, Role::kDeveloper);
  EXPECT_EQ(f.responsible.name, "Alice Example <alice@example.com>");
  EXPECT_EQ(f.subject, "src/app.py:12 (commit 0123456)");
  EXPECT_NE(f.evidence.find("commit 0123456789ab by Alice Example <alice@example.com> on 2024"),
            std::string::npos);
  EXPECT_NE(f.fix.find("a new commit that deletes it leaves it there"), std::string::npos);
}

TEST(SecretFindings, CodeOwnersThenTheCallersDefault) {
  test::FixtureRoot root;
  root.mkdir("/.git");
  root.write("/.github/CODEOWNERS", "*.py @acme/backend\n/docs/ docs@example.com\n");
  CodeOwnersIndex owners;
  FindingOptions options;
  options.codeowners = &owners;
  options.root = root.path();
  const Finding f = to_finding(github_pat(), nullptr, options);
  EXPECT_EQ(f.responsible.role, Role::kTeam);
  EXPECT_EQ(f.responsible.team, "backend");
  EXPECT_NE(f.evidence.find("owner from "), std::string::npos);
  EXPECT_NE(f.evidence.find("CODEOWNERS:1"), std::string::npos);

  SecretMatch unowned = github_pat();
  unowned.path = "config/app.yml";
  EXPECT_EQ(to_finding(unowned, nullptr, options).responsible.role, Role::kDeveloper);
  FindingOptions home;
  home.default_role = Role::kUser;
  const Finding h = to_finding(unowned, nullptr, home);
  EXPECT_EQ(h.responsible.role, Role::kUser);
  EXPECT_NE(h.fix.find("chmod 600"), std::string::npos);
}

TEST(SecretFindings, ToFindingsLooksUpRules) {
  RuleSet rules;
  Rule r;
  r.id = "github-pat";
  r.fix = "Revoke it at github.com/settings/tokens.";
  rules.rules.push_back(r);
  SecretMatch other = github_pat();
  other.rule_id = "unknown-rule";
  auto fs = to_findings({github_pat(), other}, rules, {});
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].fix, r.fix);
  EXPECT_NE(fs[1].fix, r.fix);
}

TEST(SecretFindings, KindFromGitleaksDescriptions) {
  EXPECT_EQ(secret_kind("Uncovered a possible Airtable API Key, potentially compromising database "
                        "access and leading to data leakage or alteration.",
                        "airtable-api-key"),
            "Airtable API Key");
  EXPECT_EQ(secret_kind("Detected a pattern that resembles an Adobe OAuth Web Client ID, posing a "
                        "risk of compromised Adobe integrations and data breaches.",
                        "adobe-client-id"),
            "Adobe OAuth Web Client ID");
  EXPECT_EQ(secret_kind("Found a Sentry.io Access Token (old format), risking unauthorized access "
                        "to error tracking services.",
                        "sentry-access-token"),
            "Sentry.io Access Token (old format)");
  EXPECT_EQ(secret_kind("GitHub personal access token", "github-pat"),
            "GitHub personal access token");
  EXPECT_EQ(secret_kind("", "my-rule"), "Secret (my-rule)");
  EXPECT_EQ(secret_kind(std::string(100, 'x'), "long"), "Secret (long)");
}

}  // namespace
}  // namespace sw::secrets
