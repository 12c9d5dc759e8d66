// SPDX-License-Identifier: Apache-2.0
// parse_osv_yaml: the PyPA shape of an OSV record, YAML 1.1 scalars kept as their text, the
// same mapping and errors as JSON (with YAML line numbers).
#include <gtest/gtest.h>

#include "vuln/osv/osv.h"

namespace sw::vuln {
namespace {

constexpr std::string_view kPysec = R"(id: PYSEC-2020-342
modified: 2023-11-07T20:24:23.946863Z
published: 2020-08-05T14:15:00Z
aliases:
- CVE-2020-13921
details: '**Resolved** Only when using H2/MySQL/TiDB as Apache SkyWalking storage,
  there is a SQL injection vulnerability.'
affected:
- package:
    ecosystem: PyPI
    name: apache-skywalking
    purl: pkg:pypi/apache-skywalking
  ranges:
  - type: GIT
    repo: https://github.com/apache/skywalking
    events:
    - introduced: "0"
    - fixed: 1a2b3c
  - type: ECOSYSTEM
    events:
    - introduced: "0"
    - fixed: 1.10
    - introduced: 2.0
    - last_affected: 2.1
  versions:
  - 0.1.0
  - 1.0
  - 1.10
  - yes
  - 010
  - 1e3
  database_specific:
    severity: HIGH
severity:
- type: CVSS_V3
  score: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
references:
- type: WEB
  url: https://github.com/apache/skywalking/pull/4970
- type: ARTICLE
  url: http://www.openwall.com/lists/oss-security/2020/08/05/3
- type: ADVISORY
  url: https://example.org/adv
withdrawn: ~
unknown_field: {a: [1, 2, {b: c}]}
)";

TEST(OsvYaml, PypaRecordWithScalarsKeptAsText) {
  auto r = parse_osv_yaml(kPysec, "PYSEC-2020-342.yaml");
  ASSERT_TRUE(r) << r.error().to_string();
  const Advisory& a = *r;
  EXPECT_EQ(a.id, "PYSEC-2020-342");
  EXPECT_EQ(a.modified, "2023-11-07T20:24:23.946863Z");
  EXPECT_EQ(a.published, "2020-08-05T14:15:00Z");
  EXPECT_TRUE(a.withdrawn.empty());
  EXPECT_EQ(a.aliases, std::vector<std::string>{"CVE-2020-13921"});
  EXPECT_EQ(a.details,
            "**Resolved** Only when using H2/MySQL/TiDB as Apache SkyWalking storage, there is a "
            "SQL injection vulnerability.");
  ASSERT_EQ(a.severity.size(), 1u);
  EXPECT_EQ(a.severity[0].type, "CVSS_V3");
  EXPECT_EQ(a.references,
            (std::vector<std::string>{"https://example.org/adv",
                                      "https://github.com/apache/skywalking/pull/4970",
                                      "http://www.openwall.com/lists/oss-security/2020/08/05/3"}));
  ASSERT_EQ(a.affected.size(), 1u);
  const Affected& p = a.affected[0];
  EXPECT_EQ(p.ecosystem, "PyPI");
  EXPECT_EQ(p.name, "apache-skywalking");
  EXPECT_EQ(p.purl, "pkg:pypi/apache-skywalking");
  EXPECT_EQ(p.db_severity, "HIGH");
  EXPECT_EQ(p.versions, (std::vector<std::string>{"0.1.0", "1.0", "1.10", "yes", "010", "1e3"}));
  ASSERT_EQ(p.ranges.size(), 2u);
  EXPECT_EQ(p.ranges[0].type, RangeType::kGit);
  EXPECT_EQ(p.ranges[0].repo, "https://github.com/apache/skywalking");
  EXPECT_EQ(p.ranges[1].type, RangeType::kEcosystem);
  ASSERT_EQ(p.ranges[1].events.size(), 4u);
  EXPECT_EQ(p.ranges[1].events[1].value, "1.10");  // not the float 1.1
  EXPECT_EQ(p.ranges[1].events[2].value, "2.0");
  EXPECT_EQ(p.ranges[1].events[3].kind, RangeEvent::Kind::kLastAffected);
}

TEST(OsvYaml, Withdrawn) {
  auto r = parse_osv_yaml("id: PYSEC-1\nwithdrawn: 2024-01-01T00:00:00Z\n", "w.yaml");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->withdrawn, "2024-01-01T00:00:00Z");
}

TEST(OsvYaml, ErrorsNameFileAndLine) {
  auto bad_type = parse_osv_yaml(
      "id: X\naffected:\n- ranges:\n  - type: ECOSYSTEM\n    events:\n"
      "    - fixed: [1, 2]\n",
      "t.yaml");
  ASSERT_FALSE(bad_type);
  EXPECT_EQ(bad_type.error().code(), Errc::kParse);
  EXPECT_EQ(bad_type.error().file(), "t.yaml");
  EXPECT_EQ(bad_type.error().line(), 6);
  EXPECT_NE(bad_type.error().message().find("affected[0].ranges[0].events[0].fixed"),
            std::string::npos)
      << bad_type.error().message();

  auto syntax = parse_osv_yaml("id: X\naliases: [a, b\n", "s.yaml");
  ASSERT_FALSE(syntax);
  EXPECT_EQ(syntax.error().code(), Errc::kParse);
  EXPECT_GT(syntax.error().line(), 0);

  EXPECT_FALSE(parse_osv_yaml("- just\n- a list\n", "l.yaml"));
  EXPECT_FALSE(parse_osv_yaml("", "e.yaml"));
  EXPECT_FALSE(parse_osv_yaml("summary: no id\n", "n.yaml"));
  EXPECT_FALSE(parse_osv_yaml("id: X\naliases: *nowhere\n", "a.yaml"));
}

TEST(OsvYaml, SameModelAsJson) {
  constexpr std::string_view kJson = R"({"id": "RUSTSEC-1", "aliases": ["CVE-1"],
    "affected": [{"package": {"ecosystem": "crates.io", "name": "x"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0.0.0-0"}, {"fixed": "0.9.0"}]}],
    "database_specific": {"informational": "unmaintained"}}]})";
  // JSON is YAML 1.2 flow syntax: the same text read both ways gives the same model.
  auto j = parse_osv_json(kJson, "x.json");
  auto y = parse_osv_yaml(kJson, "x.yaml");
  ASSERT_TRUE(j);
  ASSERT_TRUE(y) << y.error().to_string();
  EXPECT_EQ(j->id, y->id);
  EXPECT_EQ(j->aliases, y->aliases);
  EXPECT_EQ(j->informational, y->informational);
  ASSERT_EQ(y->affected.size(), 1u);
  EXPECT_EQ(y->affected[0].ranges[0].events[0].value, "0.0.0-0");
  EXPECT_EQ(y->affected[0].ranges[0].events[1].value, "0.9.0");
}

}  // namespace
}  // namespace sw::vuln
