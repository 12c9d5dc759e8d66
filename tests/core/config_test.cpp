// SPDX-License-Identifier: Apache-2.0
#include "core/config.h"

#include <gtest/gtest.h>

namespace sw {
namespace {

Finding finding(std::string check, std::string path = {}, std::string package = {},
                std::string host = "web-01") {
  Finding f;
  f.check = std::move(check);
  f.location.path = std::move(path);
  f.package = std::move(package);
  f.host = std::move(host);
  f.responsible.role = Role::kAdmin;
  return f;
}

TEST(Config, FirstMatchingRuleWinsAndAllCriteriaMustMatch) {
  auto load = parse_config(R"(
[roles]
admin = "Ops <ops@example.com>"
"team:web" = "Web team"

[[owner]]
check = "host.ssh.*"
host = "db-*"
responsible = "team:db"

[[owner]]
path = "/srv/app/**"
responsible = "team:web"

[[owner]]
package = "openssl*"
responsible = "org"
name = "Security"

[[owner]]
check = "host.ssh.*"
responsible = "team:platform"
)",
                           "t.toml");
  ASSERT_TRUE(load.errors.empty()) << load.errors[0].to_string();
  const Config& c = load.config;
  ASSERT_EQ(c.owners.size(), 4u);
  EXPECT_EQ(c.owners[1].line, 11);

  auto ssh = c.resolve(finding("host.ssh.permit_root_login"));
  EXPECT_EQ(ssh.key(), "team:platform");  // the db-* rule needs host db-*: not this host
  auto ssh_db = c.resolve(finding("host.ssh.permit_root_login", {}, {}, "db-7"));
  EXPECT_EQ(ssh_db.key(), "team:db");
  auto web = c.resolve(finding("host.permissions.world_writable_files", "/srv/app/x/y.php"));
  EXPECT_EQ(web.key(), "team:web");
  EXPECT_EQ(web.name, "Web team");  // named from [roles]
  auto pkg = c.resolve(finding("vuln.x", {}, "openssl"));
  EXPECT_EQ(pkg.key(), "org");
  EXPECT_EQ(pkg.name, "Security");
  auto other = c.resolve(finding("host.kernel.aslr"));
  EXPECT_EQ(other.key(), "admin");
  EXPECT_EQ(other.name, "Ops <ops@example.com>");
}

TEST(Config, FindingNameIsKeptWhenNoRuleMatches) {
  Config c;
  c.role_names["user"] = "Somebody";
  Finding f = finding("host.home.netrc_passwords");
  f.responsible = {Role::kUser, "", "alice"};
  EXPECT_EQ(c.resolve(f).name, "alice");
}

TEST(Config, EveryProblemIsReportedWithItsLineAndTheRestIsKept) {
  auto load = parse_config(R"([roles]
admin = "Ops"
boss = "Nobody"

[[owner]]
check = "a.*"
responsible = "team:a"

[[owner]]
check = "b.*"
responsible = "chief"

[[owner]]
check = "c.*"
colour = "red"
responsible = "admin"

[[owner]]
check = "d.*"

[scan]
skip = ["host.boot.*"]
fail_on = "severe"

[unknown]
)",
                           "cfg.toml");
  ASSERT_EQ(load.errors.size(), 6u);
  EXPECT_EQ(load.errors[0].to_string(), "cfg.toml:3: unknown role 'boss' in [roles]");
  EXPECT_EQ(load.errors[1].line(), 11);
  EXPECT_EQ(load.errors[2].line(), 15);
  EXPECT_EQ(load.errors[3].line(), 18);
  EXPECT_EQ(load.errors[4].line(), 23);
  EXPECT_EQ(load.errors[5].line(), 25);
  ASSERT_EQ(load.config.owners.size(), 1u);
  EXPECT_EQ(load.config.owners[0].check, "a.*");
  EXPECT_EQ(load.config.role_names.at("admin"), "Ops");
  EXPECT_TRUE(load.config.skipped("host.boot.bootloader_password"));
  EXPECT_FALSE(load.config.fail_on.has_value());
}

TEST(Config, PhishSection) {
  auto load = parse_config(R"([phish]
trusted_authserv_ids = ["mx.example.com"]
protected_domains = ["examplebank.com", 7]
own_domains = ["example.com"]
feeds = ["/var/lib/feeds/openphish.txt"]
suspicious_at = 25
phishing_at = 0
colour = "red"

[[phish.protected_person]]
name = "Jane Doe"
domains = ["example.com"]

[[phish.protected_person]]
domains = ["example.org"]
)",
                           "cfg.toml");
  ASSERT_EQ(load.errors.size(), 4u);
  EXPECT_EQ(load.errors[0].to_string(),
            "cfg.toml:3: [phish] protected_domains entries must be strings");
  EXPECT_EQ(load.errors[1].to_string(),
            "cfg.toml:7: [phish] phishing_at must be a whole number from 1 to 10000");
  EXPECT_EQ(load.errors[2].to_string(), "cfg.toml:8: unknown [phish] key 'colour'");
  EXPECT_EQ(load.errors[3].line(), 14);
  const PhishConfig& p = load.config.phish;
  EXPECT_EQ(p.trusted_authserv_ids, std::vector<std::string>{"mx.example.com"});
  EXPECT_EQ(p.protected_domains, std::vector<std::string>{"examplebank.com"});
  EXPECT_EQ(p.own_domains, std::vector<std::string>{"example.com"});
  EXPECT_EQ(p.feeds, std::vector<std::string>{"/var/lib/feeds/openphish.txt"});
  EXPECT_EQ(p.suspicious_at, 25);
  EXPECT_FALSE(p.phishing_at.has_value());
  ASSERT_EQ(p.protected_people.size(), 1u);
  EXPECT_EQ(p.protected_people[0].name, "Jane Doe");
  EXPECT_EQ(p.protected_people[0].domains, std::vector<std::string>{"example.com"});
}

TEST(Config, PhishTrustedArcSealers) {
  auto ok = parse_config("[phish]\ntrusted_arc_sealers = [\"lists.example.org\"]\n", "cfg.toml");
  EXPECT_TRUE(ok.errors.empty());
  EXPECT_EQ(ok.config.phish.trusted_arc_sealers, std::vector<std::string>{"lists.example.org"});
}

TEST(Config, PhishPublicSuffixList) {
  auto ok = parse_config("[phish]\npublic_suffix_list = \"/var/lib/psl/list.dat\"\n", "cfg.toml");
  EXPECT_TRUE(ok.errors.empty());
  EXPECT_EQ(ok.config.phish.public_suffix_list, "/var/lib/psl/list.dat");
  auto bad = parse_config("[phish]\npublic_suffix_list = 3\n", "cfg.toml");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].to_string(),
            "cfg.toml:2: [phish] public_suffix_list must be a file path (a string)");
}

TEST(Config, PhishThresholdsMustBeOrdered) {
  auto load = parse_config("[phish]\nsuspicious_at = 80\nphishing_at = 40\n", "cfg.toml");
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].to_string(),
            "cfg.toml:1: [phish] suspicious_at must not be above phishing_at");
  EXPECT_FALSE(load.config.phish.suspicious_at.has_value());
}

TEST(Config, SyntaxErrorNamesTheLine) {
  auto load = parse_config("[roles]\nadmin = \"Ops\"\n[[owner]\n", "broken.toml");
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].file(), "broken.toml");
  EXPECT_EQ(load.errors[0].line(), 3);
}

TEST(Config, MissingFile) {
  auto required = load_config("/nonexistent/shieldwall.toml");
  ASSERT_EQ(required.errors.size(), 1u);
  EXPECT_EQ(required.errors[0].code(), Errc::kNotFound);
  auto optional = load_config("/nonexistent/shieldwall.toml", true);
  EXPECT_TRUE(optional.errors.empty());
}

}  // namespace
}  // namespace sw
