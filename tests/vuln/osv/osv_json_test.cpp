// SPDX-License-Identifier: Apache-2.0
// parse_osv_json: the OSV record fields the Advisory model keeps, null/unknown fields, and the
// kParse errors (wrong types, no id, bad JSON) naming the file and the field.
#include <gtest/gtest.h>

#include "vuln/osv/osv.h"

namespace sw::vuln {
namespace {

constexpr std::string_view kFull = R"({
  "schema_version": "1.6.0",
  "id": "GHSA-xxxx-yyyy-zzzz",
  "modified": "2024-01-02T03:04:05Z",
  "published": "2023-12-01T00:00:00Z",
  "aliases": ["CVE-2023-0001", "PYSEC-2023-9"],
  "related": ["CVE-2023-0002"],
  "summary": "Bad thing",
  "details": "Longer text",
  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
  "affected": [
    {
      "package": {"ecosystem": "PyPI", "name": "demo", "purl": "pkg:pypi/demo"},
      "severity": [{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N"}],
      "ranges": [
        {"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2"},
                                         {"introduced": "2.0"}, {"last_affected": "2.3"}]},
        {"type": "GIT", "repo": "https://example.org/demo.git",
         "events": [{"introduced": "abc"}, {"limit": "def"}],
         "database_specific": {"whatever": [1, 2]}}
      ],
      "versions": ["1.0", "1.1"],
      "ecosystem_specific": {"severity": "LOW", "imports": [{"path": "x"}]},
      "database_specific": {"severity": "HIGH"}
    },
    {
      "package": {"ecosystem": "crates.io", "name": "other"},
      "ranges": [{"type": "SEMVER", "events": [{"introduced": "0.0.0-0"}, {"fixed": "0.9.0"}]}],
      "ecosystem_specific": {"severity": "MEDIUM"},
      "database_specific": {"informational": "unmaintained", "cvss": null}
    }
  ],
  "references": [
    {"type": "WEB", "url": "https://w/1"},
    {"type": "PACKAGE", "url": "https://p/1"},
    {"type": "FIX", "url": "https://f/1"},
    {"type": "ADVISORY", "url": "https://a/1"},
    {"type": "ARTICLE", "url": "https://w/1"},
    {"type": "FIX", "url": "https://f/2"}
  ],
  "credits": [{"name": "someone"}],
  "database_specific": {"severity": "Moderate", "nested": {"severity": 3}},
  "x_unknown": {"deep": [null, true, 1.5]}
})";

TEST(OsvJson, FillsEveryModelField) {
  auto r = parse_osv_json(kFull, "full.json");
  ASSERT_TRUE(r) << r.error().to_string();
  const Advisory& a = *r;
  EXPECT_EQ(a.id, "GHSA-xxxx-yyyy-zzzz");
  EXPECT_EQ(a.modified, "2024-01-02T03:04:05Z");
  EXPECT_EQ(a.published, "2023-12-01T00:00:00Z");
  EXPECT_TRUE(a.withdrawn.empty());
  EXPECT_EQ(a.summary, "Bad thing");
  EXPECT_EQ(a.details, "Longer text");
  EXPECT_EQ(a.aliases, (std::vector<std::string>{"CVE-2023-0001", "PYSEC-2023-9"}));
  EXPECT_EQ(a.related, (std::vector<std::string>{"CVE-2023-0002"}));
  ASSERT_EQ(a.severity.size(), 1u);
  EXPECT_EQ(a.severity[0].type, "CVSS_V3");
  EXPECT_EQ(a.severity[0].score, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_EQ(a.db_severity, "Moderate");
  EXPECT_EQ(a.informational, "unmaintained");  // RustSec keeps it in affected[].database_specific
  // ADVISORY, FIX, WEB, then the rest; the duplicate URL (WEB and ARTICLE) once.
  EXPECT_EQ(a.references, (std::vector<std::string>{"https://a/1", "https://f/1", "https://f/2",
                                                    "https://w/1", "https://p/1"}));
  ASSERT_EQ(a.affected.size(), 2u);
  const Affected& p = a.affected[0];
  EXPECT_EQ(p.ecosystem, "PyPI");
  EXPECT_EQ(p.name, "demo");
  EXPECT_EQ(p.purl, "pkg:pypi/demo");
  EXPECT_EQ(p.versions, (std::vector<std::string>{"1.0", "1.1"}));
  EXPECT_EQ(p.db_severity, "HIGH");  // database_specific wins over ecosystem_specific
  ASSERT_EQ(p.severity.size(), 1u);
  EXPECT_EQ(p.severity[0].type, "CVSS_V4");
  ASSERT_EQ(p.ranges.size(), 2u);
  EXPECT_EQ(p.ranges[0].type, RangeType::kEcosystem);
  ASSERT_EQ(p.ranges[0].events.size(), 4u);
  EXPECT_EQ(p.ranges[0].events[0].kind, RangeEvent::Kind::kIntroduced);
  EXPECT_EQ(p.ranges[0].events[0].value, "0");
  EXPECT_EQ(p.ranges[0].events[1].kind, RangeEvent::Kind::kFixed);
  EXPECT_EQ(p.ranges[0].events[1].value, "1.2");
  EXPECT_EQ(p.ranges[0].events[3].kind, RangeEvent::Kind::kLastAffected);
  EXPECT_EQ(p.ranges[0].events[3].value, "2.3");
  EXPECT_EQ(p.ranges[1].type, RangeType::kGit);
  EXPECT_EQ(p.ranges[1].repo, "https://example.org/demo.git");
  ASSERT_EQ(p.ranges[1].events.size(), 2u);
  EXPECT_EQ(p.ranges[1].events[1].kind, RangeEvent::Kind::kLimit);
  EXPECT_EQ(p.ranges[1].events[1].value, "def");
  const Affected& q = a.affected[1];
  EXPECT_EQ(q.ecosystem, "crates.io");
  EXPECT_EQ(q.ranges[0].type, RangeType::kSemver);
  EXPECT_EQ(q.db_severity, "MEDIUM");  // from ecosystem_specific
  EXPECT_FALSE(a.kev);
}

TEST(OsvJson, WithdrawnAndNullsAndMinimal) {
  auto r = parse_osv_json(
      R"({"id": "GO-2020-0001", "withdrawn": "2024-05-05T00:00:00Z", "summary": null,
          "aliases": null, "affected": [], "database_specific": {"informational": null}})",
      "w.json");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->withdrawn, "2024-05-05T00:00:00Z");
  EXPECT_TRUE(r->summary.empty());
  EXPECT_TRUE(r->aliases.empty());
  EXPECT_TRUE(r->informational.empty());
  EXPECT_TRUE(r->affected.empty());
}

TEST(OsvJson, TopLevelInformational) {
  auto r = parse_osv_json(R"({"id": "X-1", "database_specific": {"informational": "unsound"}})",
                          "i.json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->informational, "unsound");
}

void expect_parse_error(std::string_view text, std::string_view needle) {
  auto r = parse_osv_json(text, "bad.json");
  ASSERT_FALSE(r) << "accepted: " << text;
  EXPECT_EQ(r.error().code(), Errc::kParse);
  EXPECT_EQ(r.error().file(), "bad.json");
  EXPECT_NE(r.error().message().find(needle), std::string::npos) << r.error().message();
}

TEST(OsvJson, WrongTypesNameTheField) {
  expect_parse_error(R"({"id": 5})", "id");
  expect_parse_error(R"({"id": "X", "aliases": "CVE-1"})", "aliases");
  expect_parse_error(R"({"id": "X", "aliases": ["CVE-1", 2]})", "aliases[1]");
  expect_parse_error(R"({"id": "X", "affected": {}})", "affected");
  expect_parse_error(
      R"({"id": "X", "affected": [{"ranges": [{"type": "SEMVER", "events": [{"fixed": 1}]}]}]})",
      "affected[0].ranges[0].events[0].fixed");
  expect_parse_error(R"({"id": "X", "affected": [{"ranges": [{"events": []}]}]})",
                     "range without a type");
  expect_parse_error(R"({"id": "X", "affected": [{"ranges": [{"type": "SVN"}]}]})",
                     "unknown range type");
  expect_parse_error(R"({"id": "X", "affected": [{"package": "demo"}]})", "affected[0].package");
  expect_parse_error(R"({"id": "X", "severity": [{"type": "CVSS_V3", "score": 9.8}]})",
                     "severity[0].score");
  expect_parse_error(R"({"id": "X", "references": [{"url": []}]})", "references[0].url");
}

TEST(OsvJson, NotAnOsvRecord) {
  expect_parse_error(R"([1, 2])", "expected an object");
  expect_parse_error(R"({"summary": "no id"})", "without an id");
  expect_parse_error(R"({"id": "X", )", "not valid JSON");
  expect_parse_error("", "not valid JSON");
  expect_parse_error("\xff\xfe{}", "not valid JSON");
}

}  // namespace
}  // namespace sw::vuln
