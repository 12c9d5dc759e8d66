// SPDX-License-Identifier: Apache-2.0
// shieldwall's default rule set (src/secrets/rules/*.toml, embedded): it loads, every regex
// compiles under RE2 and Hyperscan (block mode, one by one and all in one database), and every
// rule finds a secret of its format planted in text and stays quiet on decoys. The secrets are
// random strings of each documented format, generated here; applied with the RE2 reference
// applier of gitleaks' semantics (rule_apply_support.h).
#include "secrets/default_rules.h"

#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <hs/hs.h>
#include <re2/re2.h>

#include "rule_apply_support.h"
#include "secrets/validators.h"
#include "secrets/validators/github_checksum.h"

namespace sw::secrets {
namespace {

using test::SimpleFinding;
using test::SimpleMatcher;

const RuleSet& rules() {
  static const RuleSet set = [] {
    auto r = default_rules();
    EXPECT_TRUE(r) << (r ? "" : r.error().to_string());
    return r ? *r : RuleSet{};
  }();
  return set;
}

const SimpleMatcher& matcher() {
  static const SimpleMatcher m(rules());
  return m;
}

// --- the set itself -----------------------------------------------------------------------------

TEST(DefaultRules, LoadWithoutErrorsAndEveryRuleIsComplete) {
  const auto files = default_rule_files();
  ASSERT_GE(files.size(), 10u);
  for (const auto& [name, text] : files) {
    EXPECT_TRUE(name.size() > 5 && name.substr(name.size() - 5) == ".toml") << name;
    EXPECT_FALSE(text.empty()) << name;
  }
  const RuleSet& set = rules();
  ASSERT_GE(set.rules.size(), 100u);
  EXPECT_FALSE(set.allowlists.empty());
  std::set<std::string> ids;
  for (const Rule& r : set.rules) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
    EXPECT_FALSE(r.regex.empty()) << r.id;
    EXPECT_FALSE(r.keywords.empty()) << r.id << " has no keywords (the engine's gate)";
    for (const auto& k : r.keywords) {
      EXPECT_EQ(k.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos)
          << r.id << " keyword " << k;
    }
    EXPECT_FALSE(r.description.empty()) << r.id;
    EXPECT_GT(r.why.size(), 20u) << r.id;
    EXPECT_GT(r.fix.size(), 20u) << r.id;
    if (!r.validator.empty()) {
      EXPECT_NE(find_validator(r.validator), nullptr) << r.id;
    }
    EXPECT_EQ(r.origin.rfind("default:", 0), 0u) << r.id;
  }
}

TEST(DefaultRules, EveryRegexCompilesWithRe2) {
  RE2::Options opts;
  opts.set_log_errors(false);
  auto check = [&](const std::string& what, const std::string& pattern) {
    RE2 re(pattern, opts);
    EXPECT_TRUE(re.ok()) << what << ": " << re.error();
  };
  for (const Rule& r : rules().rules) {
    check(r.id, r.regex);
    if (!r.path.empty()) check(r.id + " path", r.path);
    for (const auto& a : r.allowlists) {
      for (const auto& x : a.regexes) check(r.id + " allowlist", x);
    }
  }
  for (const auto& a : rules().allowlists) {
    for (const auto& x : a.regexes) check("global allowlist", x);
  }
  EXPECT_TRUE(matcher().errors().empty()) << matcher().errors().front();
}

struct HsDatabaseFree {
  void operator()(hs_database_t* d) const { hs_free_database(d); }
};

hs_error_t hs_compile_one(const std::string& regex, std::string& message) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  const hs_error_t rc =
      hs_compile(regex.c_str(), HS_FLAG_ALLOWEMPTY, HS_MODE_BLOCK, nullptr, &db, &err);
  std::unique_ptr<hs_database_t, HsDatabaseFree> owned(db);
  if (err != nullptr) {
    message = err->message;
    hs_free_compile_error(err);
  }
  return rc;
}

TEST(DefaultRules, EveryRegexCompilesWithHyperscanInBlockMode) {
  // All of them in one database, as the engine builds it; one by one only to name a culprit
  // (Hyperscan's compiler is slow under the sanitizers).
  std::vector<const char*> patterns;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (const Rule& r : rules().rules) {
    patterns.push_back(r.regex.c_str());
    flags.push_back(HS_FLAG_ALLOWEMPTY);
    ids.push_back(static_cast<unsigned>(ids.size()));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  const hs_error_t rc =
      hs_compile_multi(patterns.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &db, &err);
  std::unique_ptr<hs_database_t, HsDatabaseFree> owned(db);
  std::string message = err != nullptr ? err->message : "";
  const int culprit = err != nullptr ? err->expression : -1;
  if (err != nullptr) hs_free_compile_error(err);
  EXPECT_EQ(rc, HS_SUCCESS) << message << " (expression " << culprit << ")";
  if (rc != HS_SUCCESS) {
    for (const Rule& r : rules().rules) {
      std::string why;
      EXPECT_EQ(hs_compile_one(r.regex, why), HS_SUCCESS) << r.id << ": " << why;
    }
  }
}

// --- positives and decoys -----------------------------------------------------------------------

class Gen {
 public:
  std::string s(std::string_view alphabet, std::size_t n) {
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(alphabet[pick(rng_)]);
    return out;
  }
  std::string alnum(std::size_t n) { return s(kAlnum, n); }
  std::string hex(std::size_t n) { return s("0123456789abcdef", n); }
  std::string digits(std::size_t n) { return s("0123456789", n); }
  std::string b64(std::size_t n) { return s(std::string(kAlnum) + "+/", n); }
  std::string b64url(std::size_t n) { return s(std::string(kAlnum) + "-_", n); }
  std::string github(std::string_view prefix) {
    const std::string r = alnum(30);
    return std::string(prefix) + r + github_token_checksum(r);
  }
  std::string uuid() { return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12); }

  static constexpr std::string_view kAlnum =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

 private:
  std::mt19937 rng_{20240601};
};

bool found_by(const std::vector<SimpleFinding>& hits, std::string_view rule) {
  for (const auto& h : hits) {
    if (h.rule_id == rule) return true;
  }
  return false;
}

std::string ids(const std::vector<SimpleFinding>& hits) {
  std::string out;
  for (const auto& h : hits) out += h.rule_id + " ";
  return out;
}

struct Case {
  std::string rule;
  std::string text;
  std::string path = "config.txt";
};

std::vector<Case> positives() {
  Gen g;
  const std::string b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const std::string pem_body =
      "MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA" + g.b64(64) + "\n" + g.b64(64) + "\n";
  return {
      {"aws-access-key-id", "aws_access_key_id = AKIA" + g.s(b32, 16)},
      {"aws-access-key-id", "\"AccessKeyId\": \"ASIA" + g.s(b32, 16) + "\""},
      {"aws-secret-access-key", "aws_secret_access_key = " + g.b64(40)},
      {"aws-secret-access-key", "\"awsSecretAccessKey\": \"" + g.b64(40) + "\","},
      {"aws-session-token", "AWS_SESSION_TOKEN=" + g.b64(300)},
      {"aws-mws-auth-token", "token: amzn.mws." + g.uuid()},
      {"aws-appsync-api-key",
       "apiKey: 'da2-" + g.s("abcdefghijklmnopqrstuvwxyz0123456789", 26) + "'"},
      {"github-pat", "GITHUB_TOKEN=" + g.github("ghp_")},
      {"github-fine-grained-pat", "token: github_pat_" + g.alnum(22) + "_" + g.alnum(59)},
      {"github-oauth-token", "oauth_token: " + g.github("gho_")},
      {"github-app-token", "\"token\": \"" + g.github("ghs_") + "\""},
      {"github-refresh-token", "refresh=" + g.github("ghr_")},
      {"gitlab-pat", "GITLAB_TOKEN=glpat-" + g.b64url(20)},
      {"gitlab-token", "deploy: gldt-" + g.b64url(20)},
      {"gitlab-runner-registration-token", "--registration-token GR1348941" + g.b64url(20)},
      {"slack-token",
       "SLACK_BOT_TOKEN=xoxb-" + g.digits(12) + "-" + g.digits(13) + "-" + g.alnum(24)},
      {"slack-app-token",
       "xapp-1-A" + g.s("ABCDEFGHJK0123456789", 10) + "-" + g.digits(13) + "-" + g.hex(64)},
      {"slack-webhook-url", "url: https://hooks.slack.com/services/T" + g.s(b32, 10) + "/B" +
                                g.s(b32, 10) + "/" + g.alnum(24)},
      {"stripe-secret-key", "STRIPE_KEY=sk_live_" + g.alnum(24)},
      {"stripe-test-key", "stripe.api_key = 'sk_test_" + g.alnum(99) + "'"},
      {"stripe-webhook-secret", "WEBHOOK=whsec_" + g.alnum(32)},
      {"square-access-token", "token = 'sq0atp-" + g.b64url(22) + "'"},
      {"square-oauth-secret", "secret: sq0csp-" + g.b64url(43)},
      {"braintree-access-token",
       "access_token$production$" + g.s("abcdefghij0123456789", 16) + "$" + g.hex(32)},
      {"paypal-client-secret", "PAYPAL_CLIENT_SECRET=" + g.b64url(80)},
      {"gcp-api-key", "key=AIza" + g.b64url(35)},
      {"gcp-oauth-client-secret", "\"client_secret\":\"GOCSPX-" + g.b64url(28) + "\""},
      {"gcp-oauth-client-secret-legacy", "client_secret: '" + g.alnum(24) + "'"},
      {"gcp-oauth-access-token", "access_token = 'ya29." + g.b64url(120) + "'"},
      {"gcp-oauth-refresh-token", "refresh_token: 1//0" + g.b64url(100)},
      {"azure-storage-account-key", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" +
                                        g.b64(86) + "==;EndpointSuffix=core.windows.net"},
      {"azure-shared-access-key",
       "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=" +
           g.b64(43) + "="},
      {"azure-app-configuration-secret",
       "Endpoint=https://x.azconfig.io;Id=ab-c0-s0:" + g.alnum(20) + ";Secret=" + g.b64(43) + "="},
      {"azure-sas-token",
       "https://a.blob.core.windows.net/c?sv=2021-08-06&ss=b&sp=r&se=2030-01-01&sig=" +
           g.alnum(43) + "%3D"},
      {"azure-ad-client-secret", "AZURE_CLIENT_SECRET=" + g.alnum(3) + "8Q~" + g.b64url(34)},
      {"azure-devops-pat", "pat: " + g.alnum(76) + "AZDO" + g.alnum(4)},
      {"azure-devops-pat-legacy",
       "ado_pat = \"" + g.s("abcdefghijklmnopqrstuvwxyz234567", 52) + "\""},
      {"twilio-api-key", "TWILIO_API_KEY=SK" + g.hex(32)},
      {"twilio-auth-token", "TWILIO_AUTH_TOKEN=" + g.hex(32)},
      {"sendgrid-api-key", "SENDGRID_API_KEY=SG." + g.b64url(22) + "." + g.b64url(43)},
      {"mailgun-api-key", "MAILGUN_API_KEY=key-" + g.hex(32)},
      {"mailchimp-api-key", "MAILCHIMP_KEY=" + g.hex(32) + "-us14"},
      {"discord-bot-token",
       "DISCORD_BOT_TOKEN=M" + g.b64url(25) + "." + g.b64url(6) + "." + g.b64url(38)},
      {"discord-webhook-url",
       "https://discord.com/api/webhooks/" + g.digits(18) + "/" + g.b64url(68)},
      {"telegram-bot-token", "BOT_TOKEN=" + g.digits(10) + ":AA" + g.b64url(33)},
      {"microsoft-teams-webhook-url", "https://example.webhook.office.com/webhookb2/" + g.uuid() +
                                          "@" + g.uuid() + "/IncomingWebhook/" + g.hex(32) + "/" +
                                          g.uuid()},
      {"npm-access-token", "//registry.npmjs.org/:_authToken=npm_" + g.alnum(36)},
      {"pypi-upload-token", "password = pypi-AgEIcHlwaS5vcmc" + g.b64url(70)},
      {"dockerhub-token", "docker login -u me -p dckr_pat_" + g.b64url(27)},
      {"rubygems-api-key", ":rubygems_api_key: rubygems_" + g.hex(48)},
      {"crates-io-api-token", "token = \"cio" + g.alnum(32) + "\""},
      {"nuget-api-key", "nuget push pkg.nupkg oy2" + g.s("abcdefghijklmnopqrstuvwxyz234567", 43)},
      {"heroku-api-key", "HEROKU_API_KEY=HRKU-" + g.b64url(60)},
      {"heroku-api-key-legacy", "HEROKU_API_KEY: " + g.uuid()},
      {"shopify-token", "SHOPIFY_ACCESS_TOKEN=shpat_" + g.hex(32)},
      {"atlassian-api-token",
       "JIRA_API_TOKEN=ATATT3" + g.b64url(180) + "=" + g.s("ABCDEF0123456789", 8)},
      {"digitalocean-token", "DIGITALOCEAN_TOKEN=dop_v1_" + g.hex(64)},
      {"postman-api-key", "x-api-key: PMAK-" + g.hex(24) + "-" + g.hex(34)},
      {"databricks-token", "DATABRICKS_TOKEN=dapi" + g.hex(32)},
      {"doppler-token", "DOPPLER_TOKEN=dp.st.prd." + g.alnum(43)},
      {"grafana-token", "GRAFANA_TOKEN=glsa_" + g.alnum(32) + "_" + g.hex(8)},
      {"linear-api-key", "LINEAR_KEY=lin_api_" + g.alnum(40)},
      {"figma-token", "FIGMA_TOKEN=figd_" + g.b64url(40)},
      {"pulumi-access-token", "PULUMI_ACCESS_TOKEN=pul-" + g.hex(40)},
      {"sourcegraph-access-token", "SRC_ACCESS_TOKEN=sgp_" + g.hex(16) + "_" + g.hex(40)},
      {"dropbox-access-token", "Authorization: Bearer sl." + g.b64url(140)},
      {"dropbox-long-lived-token", "DROPBOX_TOKEN=" + g.alnum(11) + "AAAAAAAAAA" + g.b64url(43)},
      {"openai-api-key", "OPENAI_API_KEY=sk-proj-" + g.b64url(74) + "T3BlbkFJ" + g.b64url(74)},
      {"anthropic-api-key", "ANTHROPIC_API_KEY=sk-ant-api03-" + g.b64url(93) + "AA"},
      {"huggingface-token",
       "HF_TOKEN=hf_" + g.s("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34)},
      {"groq-api-key", "GROQ_API_KEY=gsk_" + g.alnum(52)},
      {"datadog-api-key", "DD_API_KEY=" + g.hex(32)},
      {"new-relic-key", "NEW_RELIC_API_KEY=NRAK-" + g.s(b32, 27)},
      {"new-relic-license-key", "license_key: " + g.hex(36) + "NRAL"},
      {"sentry-auth-token", "SENTRY_AUTH_TOKEN=sntryu_" + g.hex(64)},
      {"dynatrace-token", "DT_API_TOKEN=dt0c01." + g.s(b32, 24) + "." + g.s(b32, 64)},
      {"vault-token", "VAULT_TOKEN=hvs." + g.b64url(90)},
      {"vault-token-legacy", "VAULT_TOKEN=\"s." + g.alnum(24) + "\""},
      {"terraform-cloud-token", "token = \"" + g.alnum(14) + ".atlasv1." + g.b64url(67) + "\""},
      {"private-key", "-----BEGIN PRIVATE KEY-----\n" + pem_body + "-----END PRIVATE KEY-----\n",
       "key.pem"},
      {"private-key",
       "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + g.b64(64) + "\\n" + g.b64(40) +
           "\\n-----END PRIVATE KEY-----\\n\"}",
       "sa.json"},
      {"private-key",
       "tls:\n  key: |\n    -----BEGIN OPENSSH PRIVATE KEY-----\n    " + g.b64(70) +
           "\n    -----END OPENSSH PRIVATE KEY-----\n",
       "values.yaml"},
      {"private-key-base64", "key: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo" + g.b64(200)},
      {"putty-private-key", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"},
      {"jwt", "Authorization: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0." + g.b64url(43)},
      {"age-secret-key", "AGE-SECRET-KEY-1" + g.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)},
      {"wireguard-private-key", "[Interface]\nPrivateKey = " + g.b64(42) + "A=\n"},
      {"password-hash-crypt", "root:$6$" + g.s("./abcdefghABCDEFGH0123", 16) + "$" +
                                  g.s("./" + std::string(Gen::kAlnum), 86) + ":19000:0:99999:7:::"},
      {"okta-api-token", "Authorization: SSWS 00" + g.b64url(40)},
      {"mapbox-secret-token", "MAPBOX_TOKEN=sk.eyJ1Ijoi" + g.b64url(40) + "." + g.b64url(22)},
      {"grafana-api-key-legacy", "key: eyJrIjoi" + g.b64(60)},
      {"kubernetes-bootstrap-token", "--tls-bootstrap-token " +
                                         g.s("abcdefghijklmnopqrstuvwxyz0123456789", 6) + "." +
                                         g.s("abcdefghijklmnopqrstuvwxyz0123456789", 16)},
      {"salesforce-access-token", "00D" + g.alnum(12) + "!" + g.alnum(96)},
      {"sonarqube-token", "sonar.token=squ_" + g.hex(40)},
      {"postmark-server-token", "POSTMARK_SERVER_TOKEN=" + g.uuid()},
      {"twitch-stream-key", "STREAM_KEY=live_" + g.digits(9) + "_" + g.alnum(30)},
      {"vault-unseal-key", "Unseal Key 1: " + g.b64(44)},
      {"adafruit-io-key", "IO_KEY=aio_" + g.alnum(28)},
      {"dependency-track-api-key", "DT_KEY=odt_" + g.alnum(32)},
      {"stackhawk-api-key", "HAWK_API_KEY=hawk." + g.alnum(20) + "." + g.alnum(20)},
      {"tavily-api-key", "TAVILY_API_KEY=tvly-" + g.alnum(32)},
      {"jina-api-key", "JINA_KEY=jina_" + g.hex(32) + g.alnum(28)},
      // generic: passwords with symbols in every syntax, secrets, URIs, XML, prose
      {"generic-password-quoted", "DB_PASSWORD = \"Falcon!12?river\""},
      {"generic-password-quoted", "$config['db_password'] = 'c0pper#Maple';"},
      {"generic-password-quoted", "export const dbPassword: string = \"ember@12!copper\";"},
      {"generic-password-quoted", "<add key=\"DbPassword\" value=\"Tango%77^orbit\" />"},
      {"generic-password-quoted", "<property name=\"password\" value=\"Quartz*9*violet\"/>"},
      {"generic-password-quoted", "mysql.connect(host, user, password='hunter2!x9')"},
      {"generic-password-quoted", "if username == \"jojoba\" and password == \"team10\":"},
      {"generic-password-unquoted", "DB_PASSWORD=river&12^Maple"},
      {"generic-password-unquoted", "app.db.password=Falcon!12?river"},
      {"generic-password-unquoted", "Server=db;Database=app;User Id=sa;Password=#gets0m3;"},
      {"generic-set-to",
       "For the staging service, set DB_PASSWORD to hunter2!x9 before you start it."},
      {"generic-set-to", "set API_KEY to " + g.hex(32) + " before deploying"},
      {"generic-password-unquoted", "PASSWORD ?= Nimbus~80*orbit"},
      {"generic-password-config-line", "[db]\npassword = open_sesame\n", "settings.ini"},
      {"generic-password-config-line", "# REACT_APP_AUTH_PASSWORD=whiteduke\n", ".env"},
      {"generic-secret-assignment", "API_KEY = \"" + g.hex(32) + "\""},
      {"generic-secret-assignment", "client_secret: " + g.alnum(40)},
      {"generic-secret-assignment", "SECRET_KEY = 'django-insecure-_du9e^cmago!%(^+=gr@cu@v9'"},
      {"generic-connection-uri",
       "DATABASE_URL=postgres://app_user:Falcon!12?river@db.internal:5432/orders"},
      {"generic-connection-uri",
       "mongodb+srv://svc:Zxcvbnm@12345)@cluster0.ab1cd.mongodb.net/prod"},
      {"generic-connection-uri", "REDIS_URL=redis://:" + g.alnum(24) + "@cache.internal:6379/0"},
      {"generic-connection-uri", "url: https://deploy:Maple-42-orbit@artifacts.example.org/repo"},
      {"generic-connection-uri", "jdbc:mysql://root:S3cure!pw@10.0.3.7:3306/shop"},
      {"generic-connection-uri", "amqps://worker:ember^55~Tango@mq.internal:5671/vhost"},
      {"generic-xml-element-secret",
       "<config>\n  <dbPassword>Falcon!12?river</dbPassword>\n</config>"},
      {"generic-xml-element-secret", "<apiKey>" + g.hex(32) + "</apiKey>"},
      {"generic-password-prose", "2. Ensure the password for user 'postgres' is 'Pg-2024-Sept'."},
      {"generic-http-basic-auth", "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="},
      {"generic-bearer-token", "Authorization: Bearer " + g.b64url(40)},
      {"generic-curl-user", "curl -u admin:S3cr3t!pass https://api.internal/v1"},
      {"generic-netrc-password",
       "machine api.example.com\n  login deploy\n  password 7cc938e45e63e9014f88\n"},
      {"generic-cli-password-option", "Connect-VIServer -Server vc -User admin -Password VMware1!"},
      {"generic-dotnet-credential", "new NetworkCredential(\"svc\", \"AP7JaG9ToerxBc6gWP5\");"},
      {"generic-psexec-password", "psexec \\\\10.0.0.5 -u Administrator -p braksha cmd"},
  };
}

TEST(DefaultRules, EveryRuleFindsItsOwnFormat) {
  std::set<std::string> covered;
  for (const Case& c : positives()) {
    const auto hits = matcher().scan(c.text, c.path);
    EXPECT_TRUE(found_by(hits, c.rule)) << c.rule << " missed; found: [" << ids(hits) << "] in\n"
                                        << c.text;
    covered.insert(c.rule);
  }
  for (const Rule& r : rules().rules) {
    EXPECT_TRUE(covered.count(r.id) == 1) << r.id << " has no positive test case";
  }
}

TEST(DefaultRules, SecretsNeverDependOnTheirLineOrNeighbours) {
  // The same secret in the middle of a file of other lines is still found, on its line.
  Gen g;
  const std::string token = g.github("ghp_");
  const std::string text = "# settings\nname = demo\nGITHUB_TOKEN=" + token + "\nenabled = true\n";
  const auto hits = matcher().scan(text, "app.env");
  ASSERT_EQ(hits.size(), 1u) << ids(hits);
  EXPECT_EQ(hits[0].rule_id, "github-pat");
  EXPECT_EQ(hits[0].secret, token);
  EXPECT_EQ(hits[0].line, 3);
}

TEST(DefaultRules, DecoysAreNotFlagged) {
  Gen g;
  const std::vector<Case> decoys = {
      // documentation examples
      {"", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"},
      {"", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
      // placeholders and redactions
      {"", "DB_PASSWORD=changeme"},
      {"", "password: \"<password>\""},
      {"", "api_key = \"your-api-key-here\""},
      {"", "STRIPE_SECRET_KEY=YOUR_STRIPE_SECRET_KEY_HERE"},
      {"", "password = 'xxxxxxxxxxxx'"},
      {"", "password: ********"},
      {"", "GITHUB_TOKEN=REDACTED"},
      {"", "token: \"[redacted]\""},
      {"", "client_secret = \"<your client secret>\""},
      {"", "SLACK_TOKEN=\"xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx\""},
      // references and templates
      {"", "DB_PASSWORD=${DB_PASSWORD}"},
      {"", "DB_PASSWORD=$DB_PASSWORD"},
      {"", "password: ${{ secrets.DB_PASSWORD }}"},
      {"", "api_token: \"{{ .Values.apiToken }}\""},
      {"", "api_token = '<%= ENV[\"API_TOKEN\"] %>'"},
      {"", "api_token = %(api_token)s"},
      {"", "DB_PASSWORD = os.environ[\"DB_PASSWORD\"]"},
      {"", "password := os.Getenv(\"DB_PASSWORD\")"},
      {"", "String password = System.getenv(\"DB_PASSWORD\");"},
      {"", "const apiKey = process.env.API_KEY;"},
      {"", "$password = getenv('DB_PASSWORD');"},
      {"", "export API_TOKEN=\"$(cat /run/secrets/api_token)\""},
      {"", "password = self.password"},
      {"", "password = get_password()"},
      {"", "password = hashlib.sha256(raw)"},
      {"", "url: postgres://user:password@localhost:5432/db"},
      {"", "url: mysql://root:${MYSQL_PASSWORD}@db/shop"},
      {"", "url: https://user:<password>@example.org/"},
      {"", "DATABASE_URL=postgres://app_user@db.internal/orders"},
      {"", "DATABASE_URL=postgres://localhost:5432/orders"},
      {"", "amqp://guest:guest@localhost:5672/"},
      // not secrets at all
      {"", "ssh_public_key = ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + g.b64(43) + " deploy@ci"},
      {"", "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE" + g.b64(64) +
               "\n-----END PUBLIC KEY-----\n"},
      {"", "request_id = " + g.uuid()},
      {"", "commit = " + g.hex(40)},
      {"", "sha256sum = " + g.hex(64)},
      {"", "\"integrity\": \"sha512-" + g.b64(86) + "==\","},
      {"", "token_type = bearer"},
      {"", "ssl_key_file = /etc/ssl/private/server.key"},
      {"", "private_key = ./certs/client-key.pem"},
      {"", "password_field = password"},
      {"", "\"passwordField\": \"passwd\",\n\"enabled\": true"},
      {"", "secret_key = aaaaaaaaaaaaaaaaaaaaaaaa"},
      {"", "secret_key = 1234567890123456"},
      {"", "GITHUB_TOKEN=ghp_" + g.alnum(12)},
      {"", "PASSWORD_MIN_LENGTH = 12"},
      {"", "<input type=\"password\" name=\"password\" placeholder=\"Enter your password\">"},
      {"", "print(\"Password: \" + masked)"},
      {"", "password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256"},
      {"", "The password is required and must be 12 characters long."},
      {"", "it \"sets the relation to nil\" do\n  eye.eyeable.should be_nill\nend"},
      {"", "<add key=\"FromEmailAddress\" value=\"killer.joe@example.com\"/>"},
      {"", "password = user_password", "app.py"},
  };
  for (const Case& c : decoys) {
    const auto hits = matcher().scan(c.text, c.path);
    EXPECT_TRUE(hits.empty()) << "flagged by [" << ids(hits) << "]: " << c.text;
  }
}

TEST(DefaultRules, GenericFindingsGiveWayToProviderRules) {
  Gen g;
  const std::string token = g.github("ghp_");
  // The URI rule and the provider rule see the same secret; the generic one is dropped.
  const auto hits = matcher().scan("url = https://x:" + token + "@github.com/org/repo.git");
  ASSERT_EQ(hits.size(), 1u) << ids(hits);
  EXPECT_EQ(hits[0].rule_id, "github-pat");
}

TEST(DefaultRules, InlineAllowComments) {
  Gen g;
  EXPECT_TRUE(matcher().scan("TOKEN=" + g.github("ghp_") + "  # shieldwall:allow").empty());
  EXPECT_TRUE(matcher().scan("TOKEN=" + g.github("ghp_") + "  # gitleaks:allow").empty());
}

}  // namespace
}  // namespace sw::secrets
