// SPDX-License-Identifier: Apache-2.0
// Golden-ish tests: the expected strings are gitleaks' reference reports
// (testdata/expected/report/*_simple.*) with gitleaks' fingerprints filled in where the reference
// leaves them empty, and with our SARIF driver.
#include "secrets/formats.h"

#include <random>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "secrets/findings.h"
#include "secrets/fingerprint.h"
#include "secrets/go_encoding.h"
#include "secrets/redact.h"

namespace sw::secrets {
namespace {

// The finding of gitleaks' reference reports.
SecretMatch reference(std::string description = "") {
  SecretMatch m;
  m.rule_id = "test-rule";
  m.description = std::move(description);
  m.start_line = 1;
  m.end_line = 2;
  m.start_column = 1;
  m.end_column = 2;
  m.match = "line containing secret";
  m.secret = "a secret";
  m.path = "auth.py";
  m.commit = "0000000000000000";
  m.author = "John Doe";
  m.email = "johndoe@gmail.com";
  m.date = "10-19-2003";
  m.message = "opps";
  return m;
}

FormatOptions shown() {
  FormatOptions o;
  o.show_secrets = true;
  return o;
}

template <class F>
std::string render(F&& write, const std::vector<SecretMatch>& ms, const FormatOptions& o = {}) {
  std::ostringstream out;
  write(ms, out, o);
  return out.str();
}

TEST(SecretFormats, JsonIsGitleaksJson) {
  const std::string expected = R"([
 {
  "RuleID": "test-rule",
  "Description": "",
  "StartLine": 1,
  "EndLine": 2,
  "StartColumn": 1,
  "EndColumn": 2,
  "Match": "line containing secret",
  "Secret": "a secret",
  "File": "auth.py",
  "SymlinkFile": "",
  "Commit": "0000000000000000",
  "Entropy": 0,
  "Author": "John Doe",
  "Email": "johndoe@gmail.com",
  "Date": "10-19-2003",
  "Message": "opps",
  "Tags": [],
  "Fingerprint": "0000000000000000:auth.py:test-rule:1"
 }
]
)";
  EXPECT_EQ(render(write_gitleaks_json, {reference()}, shown()), expected);
  EXPECT_EQ(render(write_gitleaks_json, {}), "[]\n");
  // Redacted by default.
  const std::string red = render(write_gitleaks_json, {reference()});
  EXPECT_NE(red.find("\"Secret\": \"a\u2026(8 chars, sha256:"), std::string::npos) << red;
}

TEST(SecretFormats, GoJsonDetails) {
  EXPECT_EQ(go::json_quote("<a&b>\"\\\n\t\x01\x7f"), R"("\u003ca\u0026b\u003e\"\\\n\t\u0001)"
                                                     "\x7f\"");
  EXPECT_EQ(go::json_quote("\xff"), R"("\ufffd")");
  EXPECT_EQ(go::json_quote("\u2028\u00e9"), "\"\\u2028\u00e9\"");
  std::string s;
  go::JsonWriter w(s, "", " ");
  w.begin_object().key("e").float32(1.9606875).key("z").float32(3.5).key("t").strings({}).end();
  EXPECT_EQ(s, "{\n \"e\": 1.9606875,\n \"z\": 3.5,\n \"t\": []\n}");
}

TEST(SecretFormats, CsvIsGitleaksCsv) {
  SecretMatch m = reference();
  m.tags = {"tag1", "tag2", "tag3"};
  EXPECT_EQ(
      render(write_csv, {m}, shown()),
      "RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,"
      "Author,Message,Date,Email,Fingerprint,Tags\n"
      "test-rule,0000000000000000,auth.py,,a secret,line containing secret,1,2,1,2,John Doe,"
      "opps,10-19-2003,johndoe@gmail.com,0000000000000000:auth.py:test-rule:1,tag1 tag2 tag3\n");
  EXPECT_EQ(render(write_csv, {}), "");
  EXPECT_EQ(go::csv_record({"a,b", "say \"hi\"", " lead", "multi\nline", "", "plain"}),
            "\"a,b\",\"say \"\"hi\"\"\",\" lead\",\"multi\nline\",,plain\n");
}

TEST(SecretFormats, JunitIsGitleaksJunit) {
  SecretMatch second = reference("Test Rule");
  second.start_line = 2;
  second.end_line = 3;
  second.commit = second.author = second.email = second.date = second.message = "";
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites>\n"
      "\t<testsuite failures=\"2\" name=\"gitleaks\" tests=\"2\" time=\"\">\n"
      "\t\t<testcase classname=\"Test Rule\" file=\"auth.py\" name=\"test-rule has detected a "
      "secret in file auth.py, line 1, at commit 0000000000000000.\" time=\"\">\n"
      "\t\t\t<failure message=\"test-rule has detected a secret in file auth.py, line 1, at "
      "commit 0000000000000000.\" type=\"Test Rule\">{&#xA;&#x9;&#34;RuleID&#34;: "
      "&#34;test-rule&#34;,&#xA;&#x9;&#34;Description&#34;: &#34;Test "
      "Rule&#34;,&#xA;&#x9;&#34;StartLine&#34;: 1,&#xA;&#x9;&#34;EndLine&#34;: "
      "2,&#xA;&#x9;&#34;StartColumn&#34;: 1,&#xA;&#x9;&#34;EndColumn&#34;: "
      "2,&#xA;&#x9;&#34;Match&#34;: &#34;line containing "
      "secret&#34;,&#xA;&#x9;&#34;Secret&#34;: &#34;a secret&#34;,&#xA;&#x9;&#34;File&#34;: "
      "&#34;auth.py&#34;,&#xA;&#x9;&#34;SymlinkFile&#34;: &#34;&#34;,&#xA;&#x9;&#34;Commit&#34;: "
      "&#34;0000000000000000&#34;,&#xA;&#x9;&#34;Entropy&#34;: 0,&#xA;&#x9;&#34;Author&#34;: "
      "&#34;John Doe&#34;,&#xA;&#x9;&#34;Email&#34;: "
      "&#34;johndoe@gmail.com&#34;,&#xA;&#x9;&#34;Date&#34;: "
      "&#34;10-19-2003&#34;,&#xA;&#x9;&#34;Message&#34;: &#34;opps&#34;,&#xA;&#x9;&#34;Tags&#34;: "
      "[],&#xA;&#x9;&#34;Fingerprint&#34;: "
      "&#34;0000000000000000:auth.py:test-rule:1&#34;&#xA;}</failure>\n"
      "\t\t</testcase>\n"
      "\t\t<testcase classname=\"Test Rule\" file=\"auth.py\" name=\"test-rule has detected a "
      "secret in file auth.py, line 2.\" time=\"\">\n"
      "\t\t\t<failure message=\"test-rule has detected a secret in file auth.py, line 2.\" "
      "type=\"Test Rule\">{&#xA;&#x9;&#34;RuleID&#34;: "
      "&#34;test-rule&#34;,&#xA;&#x9;&#34;Description&#34;: &#34;Test "
      "Rule&#34;,&#xA;&#x9;&#34;StartLine&#34;: 2,&#xA;&#x9;&#34;EndLine&#34;: "
      "3,&#xA;&#x9;&#34;StartColumn&#34;: 1,&#xA;&#x9;&#34;EndColumn&#34;: "
      "2,&#xA;&#x9;&#34;Match&#34;: &#34;line containing "
      "secret&#34;,&#xA;&#x9;&#34;Secret&#34;: &#34;a secret&#34;,&#xA;&#x9;&#34;File&#34;: "
      "&#34;auth.py&#34;,&#xA;&#x9;&#34;SymlinkFile&#34;: &#34;&#34;,&#xA;&#x9;&#34;Commit&#34;: "
      "&#34;&#34;,&#xA;&#x9;&#34;Entropy&#34;: 0,&#xA;&#x9;&#34;Author&#34;: "
      "&#34;&#34;,&#xA;&#x9;&#34;Email&#34;: &#34;&#34;,&#xA;&#x9;&#34;Date&#34;: "
      "&#34;&#34;,&#xA;&#x9;&#34;Message&#34;: &#34;&#34;,&#xA;&#x9;&#34;Tags&#34;: "
      "[],&#xA;&#x9;&#34;Fingerprint&#34;: &#34;auth.py:test-rule:2&#34;&#xA;}</failure>\n"
      "\t\t</testcase>\n"
      "\t</testsuite>\n"
      "</testsuites>";
  EXPECT_EQ(render(write_junit, {reference("Test Rule"), second}, shown()), expected);
  EXPECT_EQ(render(write_junit, {}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n\t<testsuite failures=\"0\" "
            "name=\"gitleaks\" tests=\"0\" time=\"\"></testsuite>\n</testsuites>");
}

TEST(SecretFormats, SarifIsGitleaksLayout) {
  RuleSet rules;
  Rule pypi;
  pypi.id = "pypi";
  pypi.description = "PyPI upload token";
  Rule aws;
  aws.id = "aws-access-key";
  aws.description = "AWS Access Key";
  rules.rules = {pypi, aws};  // listed sorted by id
  SecretMatch m = reference();
  m.tags = {"tag1", "tag2", "tag3"};
  FormatOptions o = shown();
  o.rules = &rules;
  o.tool_version = "0.1.0";
  const std::string expected = fmt::format(R"({{
 "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
 "version": "2.1.0",
 "runs": [
  {{
   "tool": {{
    "driver": {{
     "name": "shieldwall",
     "semanticVersion": "0.1.0",
     "informationUri": "https://shieldwall.invalid/docs",
     "rules": [
      {{
       "id": "aws-access-key",
       "shortDescription": {{
        "text": "AWS Access Key"
       }}
      }},
      {{
       "id": "pypi",
       "shortDescription": {{
        "text": "PyPI upload token"
       }}
      }}
     ]
    }}
   }},
   "results": [
    {{
     "message": {{
      "text": "test-rule has detected secret for file auth.py at commit 0000000000000000."
     }},
     "ruleId": "test-rule",
     "locations": [
      {{
       "physicalLocation": {{
        "artifactLocation": {{
         "uri": "auth.py"
        }},
        "region": {{
         "startLine": 1,
         "startColumn": 1,
         "endLine": 2,
         "endColumn": 2,
         "snippet": {{
          "text": "a secret"
         }}
        }}
       }}
      }}
     ],
     "partialFingerprints": {{
      "commitSha": "0000000000000000",
      "email": "johndoe@gmail.com",
      "author": "John Doe",
      "date": "10-19-2003",
      "commitMessage": "opps",
      "shieldwall/v1": "{}"
     }},
     "properties": {{
      "tags": [
       "tag1",
       "tag2",
       "tag3"
      ]
     }}
    }}
   ]
  }}
 ]
}}
)",
                                           secret_fingerprint(m));
  EXPECT_EQ(render(write_gitleaks_sarif, {m}, o), expected);
  const std::string empty = render(write_gitleaks_sarif, {});
  EXPECT_NE(empty.find("\"rules\": []"), std::string::npos);
  EXPECT_NE(empty.find("\"results\": []"), std::string::npos);
}

TEST(SecretFormats, TextIsRedactedWithBothFingerprints) {
  SecretMatch m = reference();
  m.secret = "Qw8Er7Ty6Ui5Op4As";
  m.match = "key=" + m.secret;
  m.validation = "valid";
  const std::string text = render(write_secrets_text, {m});
  EXPECT_EQ(text.find(m.secret), std::string::npos);
  EXPECT_NE(text.find("Finding:     key=Qw8E\u2026(17 chars, sha256:"), std::string::npos) << text;
  EXPECT_NE(text.find("RuleID:      test-rule\n"), std::string::npos);
  EXPECT_NE(text.find("File:        auth.py\nLine:        1\nCommit:      0000000000000000\n"),
            std::string::npos);
  EXPECT_NE(text.find("Author:      John Doe\n"), std::string::npos);
  EXPECT_NE(text.find("Validation:  valid\n"), std::string::npos);
  EXPECT_NE(
      text.find(fmt::format("Fingerprint: {} (gitleaks: 0000000000000000:auth.py:test-rule:1)",
                            secret_fingerprint(m))),
      std::string::npos);
  EXPECT_TRUE(text.ends_with("1 secret found (redacted)\n"));
  EXPECT_EQ(render(write_secrets_text, {}), "no secrets found\n");
  EXPECT_NE(render(write_secrets_text, {m}, shown()).find(m.secret), std::string::npos);
}

TEST(SecretFormats, ParseFormatNames) {
  EXPECT_EQ(parse_secret_format("junit"), SecretFormat::kJunit);
  EXPECT_EQ(parse_secret_format("sarif"), SecretFormat::kSarif);
  EXPECT_FALSE(parse_secret_format("xml"));
}

// The property: whatever the secret, no output of ours holds it, in any format, including the
// findings' text (a secret that happens to be part of its rule's id is printed with the id: the
// rule id, which comes from the rule set, is taken out first in that case only).
TEST(SecretFormats, NoOutputEverContainsTheSecret) {
  std::mt19937 rng(424242);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  std::uniform_int_distribution<size_t> len(8, 64);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> shape(0, 3);
  auto strip = [](std::string text, const std::string& word) {
    if (word.empty()) return text;
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at)) {
      text.erase(at, word.size());
    }
    return text;
  };
  for (int i = 0; i < 300; ++i) {
    std::string secret;
    for (size_t n = len(rng); secret.size() < n;) secret += alphabet[pick(rng)];
    SecretMatch m;
    m.rule_id = "generic-api-key";
    m.description = "Generic API Key";
    switch (shape(rng)) {
      case 0:  // twice in one line
        m.match = "k=" + secret + " k2=" + secret;
        break;
      case 1:  // the secret is part of the rule id
        m.rule_id = "acme-" + secret + "-token";
        m.match = "token: " + secret;
        break;
      case 2:  // the rule id is part of the secret
        secret = "generic-api-key" + secret;
        m.match = "'" + secret + "'";
        break;
      default:
        m.match = secret;
    }
    m.secret = secret;
    m.line = "  " + m.match + "  # " + secret;
    m.path = "src/app.py";
    m.start_line = m.end_line = 3 + i;
    m.commit = "abcdef0123456789abcdef0123456789abcdef01";
    m.author = "Dev";
    m.email = "dev@example.com";
    m.message = "add config with " + secret;
    m.tags = {"key"};
    std::string all;
    all += render(write_gitleaks_json, {m});
    all += render(write_csv, {m});
    all += render(write_junit, {m});
    all += render(write_gitleaks_sarif, {m});
    all += render(write_secrets_text, {m});
    const Finding f = to_finding(m, nullptr, {});
    all += f.title + f.subject + f.evidence + f.why + f.fix + f.id + f.responsible.name;
    if (m.rule_id.find(secret) != std::string::npos) all = strip(all, m.rule_id);
    ASSERT_EQ(all.find(secret), std::string::npos) << "secret " << secret << " in:\n" << all;
  }
}

}  // namespace
}  // namespace sw::secrets
