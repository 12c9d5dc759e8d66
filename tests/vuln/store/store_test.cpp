// SPDX-License-Identifier: Apache-2.0
// The advisory store: round trip through SQLite, lookup by ecosystem / release / normalised name,
// the later-modified-wins rule, KEV marking, carry-over, and the atomic swap.
#include "vuln/store/store.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "support/fixture.h"
#include "vuln/store/builder.h"
#include "vuln/store/clock.h"
#include "vuln/store/codec.h"

namespace sw::vuln {
namespace {

namespace fs = std::filesystem;

Advisory make(std::string id, std::string ecosystem, std::string name,
              std::string modified = "2024-01-01T00:00:00Z") {
  Advisory a;
  a.id = std::move(id);
  a.modified = std::move(modified);
  a.summary = "summary of " + a.id;
  Affected af;
  af.ecosystem = std::move(ecosystem);
  af.name = std::move(name);
  Range r;
  r.type = RangeType::kEcosystem;
  r.events = {{RangeEvent::Kind::kIntroduced, "0"}, {RangeEvent::Kind::kFixed, "1.2.3"}};
  af.ranges.push_back(r);
  a.affected.push_back(std::move(af));
  return a;
}

Advisory full_advisory() {
  Advisory a = make("GHSA-full", "PyPI", "Some_Package");
  a.published = "2023-12-01T10:00:00.123Z";
  a.details = "multi\nline \xe2\x9c\x93 details";
  a.aliases = {"CVE-2024-0001", "PYSEC-2024-1"};
  a.related = {"CVE-2024-0002"};
  a.severity = {{"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}};
  a.references = {"https://example.org/advisory", "https://example.org/fix"};
  a.db_severity = "HIGH";
  a.informational = "unmaintained";
  Affected git;
  git.purl = "pkg:pypi/some-package";
  git.ecosystem = "PyPI";
  git.name = "some-package";
  Range gr;
  gr.type = RangeType::kGit;
  gr.repo = "https://github.com/x/y";
  gr.events = {{RangeEvent::Kind::kIntroduced, "abc"},
               {RangeEvent::Kind::kLastAffected, "def"},
               {RangeEvent::Kind::kLimit, "fff"}};
  git.ranges.push_back(gr);
  git.versions = {"1.0", "1.1"};
  git.severity = {{"CVSS_V4", "CVSS:4.0/AV:N"}};
  git.db_severity = "moderate";
  a.affected.push_back(git);
  return a;
}

void expect_same(const Advisory& a, const Advisory& b) {
  EXPECT_EQ(encode_advisory(a), encode_advisory(b));
  EXPECT_EQ(a.id, b.id);
  ASSERT_EQ(a.affected.size(), b.affected.size());
  EXPECT_EQ(a.affected.back().ranges.back().events.back().kind,
            b.affected.back().ranges.back().events.back().kind);
}

Result<std::string> build(const std::string& dir, std::vector<Advisory> advisories,
                          const KevCatalog* kev = nullptr) {
  auto b = StoreBuilder::create(dir);
  if (!b) return Unexpected(b.error());
  SW_TRY((*b)->begin_source({"test", "mem://test", "", "", rfc3339_now(), 0}));
  for (auto& a : advisories) SW_TRY((*b)->add(std::move(a)));
  if (kev != nullptr) SW_TRY((*b)->set_kev(*kev, {"", "mem://kev", "", "", "", 0}));
  return (*b)->commit();
}

std::vector<std::string> ids(const Result<std::vector<Advisory>>& r) {
  std::vector<std::string> out;
  if (!r) {
    ADD_FAILURE() << r.error().to_string();
    return out;
  }
  for (const auto& a : *r) out.push_back(a.id);
  return out;
}

size_t temp_files(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  }
  return n;
}

TEST(StoreCodec, RoundTripsEveryField) {
  Advisory a = full_advisory();
  std::string bytes = encode_advisory(a);
  auto back = decode_advisory(bytes);
  ASSERT_TRUE(back) << back.error().to_string();
  expect_same(a, *back);
  EXPECT_EQ(back->details, a.details);
  EXPECT_EQ(back->affected[1].ranges[0].repo, "https://github.com/x/y");
  EXPECT_EQ(back->affected[1].versions, (std::vector<std::string>{"1.0", "1.1"}));
}

TEST(StoreCodec, RejectsEveryTruncationAndTrailingBytes) {
  std::string bytes = encode_advisory(full_advisory());
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(decode_advisory(std::string_view(bytes).substr(0, n))) << n;
  }
  EXPECT_FALSE(decode_advisory(bytes + "x"));
  std::string bad = bytes;
  bad[0] = 9;
  EXPECT_FALSE(decode_advisory(bad));
}

TEST(StoreNames, EcosystemSplitAndNameRules) {
  EXPECT_EQ(split_ecosystem("Debian:12").base, "Debian");
  EXPECT_EQ(split_ecosystem("Debian:12").release, "12");
  EXPECT_EQ(split_ecosystem("Red Hat:enterprise_linux:9::appstream").release,
            "enterprise_linux:9::appstream");
  EXPECT_EQ(split_ecosystem("PyPI").release, "");
  EXPECT_EQ(normalize_package_name("PyPI", "Foo.Bar__baz-_-Qux"), "foo-bar-baz-qux");
  EXPECT_EQ(normalize_package_name("NuGet", "Newtonsoft.Json"), "newtonsoft.json");
  EXPECT_EQ(normalize_package_name("Packagist", "Symfony/HTTP-Kernel"), "symfony/http-kernel");
  EXPECT_EQ(normalize_package_name("Go", "github.com/BurntSushi/toml"),
            "github.com/BurntSushi/toml");
  EXPECT_EQ(normalize_package_name("npm", "Foo_Bar"), "Foo_Bar");
  EXPECT_TRUE(ecosystem_matches("Debian:12", "Debian:12"));
  EXPECT_TRUE(ecosystem_matches("Debian:12", "Debian"));
  EXPECT_FALSE(ecosystem_matches("Debian:12", "Debian:11"));
  EXPECT_TRUE(ecosystem_matches("Debian", "Debian:11"));
  EXPECT_FALSE(ecosystem_matches("Debian:12", "Ubuntu:12"));
  EXPECT_FALSE(ecosystem_matches("PyPI", "pypi"));
  Affected af;
  af.ecosystem = "PyPI";
  af.name = "Django";
  EXPECT_TRUE(affected_matches(af, "PyPI", "django"));
  EXPECT_FALSE(affected_matches(af, "npm", "Django"));
}

TEST(StoreClock, ParsesAndOrdersRfc3339) {
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z"), std::time_t{0});
  EXPECT_EQ(parse_rfc3339("2024-02-29T12:00:00+01:00"), parse_rfc3339("2024-02-29T11:00:00Z"));
  EXPECT_EQ(rfc3339_utc(*parse_rfc3339("2024-02-29T11:00:00Z")), "2024-02-29T11:00:00Z");
  EXPECT_FALSE(parse_rfc3339("2024-02-29"));
  EXPECT_FALSE(parse_rfc3339("2024-02-29T11:00:00"));
  EXPECT_LT(compare_modified("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.5Z"), 0);
  EXPECT_EQ(compare_modified("2024-01-01T00:00:00.50Z", "2024-01-01T00:00:00.5Z"), 0);
  EXPECT_GT(compare_modified("2024-01-02T00:00:00Z", "2024-01-01T23:59:59.999Z"), 0);
  EXPECT_LT(compare_modified("garbage", "2024-01-01T00:00:00Z"), 0);
}

TEST(Store, MissingStoreIsNotFound) {
  test::FixtureRoot dir;
  auto s = open_store(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), Errc::kNotFound);
  EXPECT_NE(s.error().message().find("shieldwall db update"), std::string::npos);
}

TEST(Store, RoundTripAndLookupByEcosystemReleaseAndName) {
  test::FixtureRoot dir;
  std::vector<Advisory> in;
  in.push_back(full_advisory());
  in.push_back(make("DSA-1", "Debian:12", "openssl"));
  in.push_back(make("DSA-2", "Debian:11", "openssl"));
  in.push_back(make("DEB-any", "Debian", "openssl"));
  in.push_back(make("GO-1", "Go", "github.com/BurntSushi/toml"));
  Advisory withdrawn = make("GO-2", "Go", "github.com/BurntSushi/toml");
  withdrawn.withdrawn = "2024-02-01T00:00:00Z";
  in.push_back(withdrawn);
  Advisory git_only;
  git_only.id = "PSF-1";
  git_only.modified = "2024-01-01T00:00:00Z";
  git_only.affected.emplace_back();
  in.push_back(git_only);
  auto path = build(dir.path(), in);
  ASSERT_TRUE(path) << path.error().to_string();
  EXPECT_EQ(*path, dir.path() + "/osv.db");
  EXPECT_EQ(temp_files(dir.path()), 0u);

  auto store = open_store(dir.path());
  ASSERT_TRUE(store) << store.error().to_string();
  auto& s = **store;
  auto py = s.lookup("PyPI", "some.package");
  ASSERT_TRUE(py);
  ASSERT_EQ(py->size(), 1u);  // two affected entries, one advisory
  // lookup() leaves out the details and all references but the first; by_id() has everything.
  Advisory for_matching = full_advisory();
  for_matching.details.clear();
  for_matching.references.resize(1);
  expect_same(for_matching, py->front());
  auto whole = s.by_id("GHSA-full");
  ASSERT_TRUE(whole);
  ASSERT_EQ(whole->size(), 1u);
  expect_same(full_advisory(), whole->front());
  EXPECT_EQ(ids(s.lookup("PyPI", "SOME-PACKAGE")), std::vector<std::string>{"GHSA-full"});
  EXPECT_TRUE(ids(s.lookup("npm", "some-package")).empty());
  EXPECT_EQ(ids(s.lookup("Debian:12", "openssl")), (std::vector<std::string>{"DEB-any", "DSA-1"}));
  EXPECT_EQ(ids(s.lookup("Debian:11", "openssl")), (std::vector<std::string>{"DEB-any", "DSA-2"}));
  EXPECT_EQ(ids(s.lookup("Debian", "openssl")),
            (std::vector<std::string>{"DEB-any", "DSA-1", "DSA-2"}));
  EXPECT_TRUE(ids(s.lookup("Debian:12", "OpenSSL")).empty());
  EXPECT_EQ(ids(s.lookup("Go", "github.com/BurntSushi/toml")), std::vector<std::string>{"GO-1"});
  EXPECT_TRUE(ids(s.lookup("Go", "github.com/burntsushi/toml")).empty());
  // Withdrawn ones are never matched, but found by id.
  EXPECT_EQ(ids(s.by_id("GO-2")), std::vector<std::string>{"GO-2"});
  EXPECT_EQ(ids(s.by_id("CVE-2024-0001")), std::vector<std::string>{"GHSA-full"});
  EXPECT_TRUE(ids(s.by_id("CVE-1999-0000")).empty());

  auto st = s.status();
  ASSERT_TRUE(st) << st.error().to_string();
  EXPECT_EQ(st->advisories, 7u);
  EXPECT_EQ(st->withdrawn, 1u);
  ASSERT_EQ(st->sources.size(), 1u);
  EXPECT_EQ(st->sources[0].name, "test");
  EXPECT_EQ(st->sources[0].advisories, 7u);
  EXPECT_TRUE(parse_rfc3339(st->built_at));
  std::vector<std::pair<std::string, size_t>> eco = {{"Debian", 3}, {"Go", 1}, {"PyPI", 1}};
  EXPECT_EQ(st->ecosystems, eco);
}

TEST(Store, LaterModifiedWins) {
  test::FixtureRoot dir;
  std::vector<Advisory> in;
  in.push_back(make("X-1", "npm", "old-name", "2024-01-02T00:00:00Z"));
  in.push_back(make("X-1", "npm", "older-name", "2024-01-01T00:00:00Z"));  // ignored
  in.push_back(make("X-2", "npm", "a", "2024-01-01T00:00:00Z"));
  in.push_back(make("X-2", "npm", "b", "2024-01-03T00:00:00Z"));  // replaces
  ASSERT_TRUE(build(dir.path(), in));
  auto s = open_store(dir.path());
  ASSERT_TRUE(s);
  EXPECT_EQ(ids((*s)->lookup("npm", "old-name")), std::vector<std::string>{"X-1"});
  EXPECT_TRUE(ids((*s)->lookup("npm", "older-name")).empty());
  EXPECT_TRUE(ids((*s)->lookup("npm", "a")).empty());
  EXPECT_EQ(ids((*s)->lookup("npm", "b")), std::vector<std::string>{"X-2"});
  EXPECT_EQ((*s)->status()->advisories, 2u);
}

TEST(Store, KevMarksByIdAndAlias) {
  test::FixtureRoot dir;
  std::vector<Advisory> in;
  Advisory by_alias = make("GHSA-a", "PyPI", "p");
  by_alias.aliases = {"CVE-2021-44228"};
  in.push_back(by_alias);
  in.push_back(make("CVE-2023-1111", "Debian:12", "q"));
  in.push_back(make("GHSA-none", "PyPI", "p"));
  KevCatalog kev;
  kev.version = "2025.08.25";
  kev.entries.push_back(
      {"CVE-2021-44228", "Apache", "Log4j", "Log4Shell", "2021-12-10", "2021-12-24", true});
  kev.entries.push_back({"CVE-2023-1111", "V", "P", "N", "2023-05-01", "2023-05-22", false});
  kev.entries.push_back({"CVE-2000-0001", "V", "P", "N", "2022-01-01", "2022-01-22", false});
  ASSERT_TRUE(build(dir.path(), in, &kev));
  auto s = open_store(dir.path());
  ASSERT_TRUE(s);
  auto p = (*s)->lookup("PyPI", "p");
  ASSERT_TRUE(p);
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].id, "GHSA-a");
  EXPECT_TRUE((*p)[0].kev);
  EXPECT_TRUE((*p)[0].kev_ransomware);
  EXPECT_EQ((*p)[0].kev_date_added, "2021-12-10");
  EXPECT_FALSE((*p)[1].kev);
  auto q = (*s)->lookup("Debian:12", "q");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->size(), 1u);
  EXPECT_TRUE(q->front().kev);
  EXPECT_FALSE(q->front().kev_ransomware);
  auto st = (*s)->status();
  EXPECT_EQ(st->kev_entries, 3u);
  EXPECT_EQ(st->kev_marked, 2u);
  ASSERT_EQ(st->sources.size(), 2u);
  EXPECT_EQ(st->sources[0].name, "KEV");
  EXPECT_EQ(st->sources[0].advisories, 3u);
}

TEST(Store, CarryOverKeepsChosenSourcesAndRemarksKev) {
  test::FixtureRoot dir;
  {
    auto b = StoreBuilder::create(dir.path());
    ASSERT_TRUE(b);
    ASSERT_TRUE((*b)->begin_source({"keep", "/imported", "", "", "", 0}));
    Advisory k = make("K-1", "PyPI", "kept");
    k.aliases = {"CVE-2020-0001"};
    ASSERT_TRUE((*b)->add(std::move(k)));
    ASSERT_TRUE((*b)->begin_source({"drop", "https://example.invalid/x", "", "", "", 0}));
    ASSERT_TRUE((*b)->add(make("D-1", "PyPI", "dropped")));
    KevCatalog kev;
    kev.entries.push_back({"CVE-2020-0001", "", "", "", "2020-01-01", "", false});
    ASSERT_TRUE((*b)->set_kev(kev, {}));
    ASSERT_TRUE((*b)->commit());
  }
  auto b = StoreBuilder::create(dir.path());
  ASSERT_TRUE(b);
  auto n = (*b)->carry_over(store_path(dir.path()),
                            [](const SourceInfo& s) { return s.name != "drop"; });
  ASSERT_TRUE(n) << n.error().to_string();
  EXPECT_EQ(*n, 1u);
  ASSERT_TRUE((*b)->begin_source({"new", "https://example.invalid/y", "", "", "", 0}));
  ASSERT_TRUE((*b)->add(make("N-1", "PyPI", "new")));
  ASSERT_TRUE((*b)->add(make("K-1", "PyPI", "kept-newer", "2025-01-01T00:00:00Z")));
  ASSERT_TRUE((*b)->commit());
  auto s = open_store(dir.path());
  ASSERT_TRUE(s);
  EXPECT_TRUE(ids((*s)->lookup("PyPI", "dropped")).empty());
  EXPECT_TRUE(ids((*s)->lookup("PyPI", "kept")).empty());  // replaced by the newer record
  auto kept = (*s)->lookup("PyPI", "kept-newer");
  ASSERT_TRUE(kept);
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_FALSE(kept->front().kev);  // the newer record has no alias in KEV
  EXPECT_EQ(ids((*s)->lookup("PyPI", "new")), std::vector<std::string>{"N-1"});
  auto st = (*s)->status();
  ASSERT_TRUE(st);
  std::vector<std::string> names;
  for (const auto& src : st->sources)
    names.push_back(src.name + "=" + std::to_string(src.advisories));
  EXPECT_EQ(names, (std::vector<std::string>{"KEV=1", "keep=0", "new=2"}));
  EXPECT_EQ(st->kev_entries, 1u);
}

TEST(Store, ReaderOpenedBeforeSwapKeepsOldContent) {
  test::FixtureRoot dir;
  ASSERT_TRUE(build(dir.path(), {make("OLD-1", "npm", "left-pad")}));
  auto before = open_store(dir.path());
  ASSERT_TRUE(before);
  ASSERT_TRUE(build(dir.path(), {make("NEW-1", "npm", "left-pad")}));
  // The old reader still sees the old file (its inode), whole.
  EXPECT_EQ(ids((*before)->lookup("npm", "left-pad")), std::vector<std::string>{"OLD-1"});
  EXPECT_EQ((*before)->status()->advisories, 1u);
  auto after = open_store(dir.path());
  ASSERT_TRUE(after);
  EXPECT_EQ(ids((*after)->lookup("npm", "left-pad")), std::vector<std::string>{"NEW-1"});
}

TEST(Store, AbandonedOrFailedBuildLeavesStoreUntouched) {
  test::FixtureRoot dir;
  ASSERT_TRUE(build(dir.path(), {make("OLD-1", "npm", "left-pad")}));
  auto size_before = fs::file_size(store_path(dir.path()));
  {
    auto b = StoreBuilder::create(dir.path());
    ASSERT_TRUE(b);
    ASSERT_TRUE((*b)->begin_source({"x", "", "", "", "", 0}));
    ASSERT_TRUE((*b)->add(make("NEW-1", "npm", "left-pad")));
    EXPECT_TRUE(fs::exists((*b)->temp_path()));
    EXPECT_EQ(temp_files(dir.path()), 1u);
    // destroyed without commit
  }
  EXPECT_EQ(temp_files(dir.path()), 0u);
  {
    auto b = StoreBuilder::create(dir.path());
    ASSERT_TRUE(b);
    auto sink = (*b)->sink();
    sink(make("NEW-2", "npm", "left-pad"));
    sink(Advisory{});  // no id: the sink keeps the error
    auto r = (*b)->commit();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code(), Errc::kParse);
  }
  EXPECT_EQ(temp_files(dir.path()), 0u);
  EXPECT_EQ(fs::file_size(store_path(dir.path())), size_before);
  auto s = open_store(dir.path());
  ASSERT_TRUE(s);
  EXPECT_EQ(ids((*s)->lookup("npm", "left-pad")), std::vector<std::string>{"OLD-1"});
}

TEST(Store, GarbageFileIsAnErrorNotACrash) {
  test::FixtureRoot dir;
  dir.write("/osv.db", "this is not sqlite at all, not even close................");
  auto s = open_store(dir.path());
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().code(), Errc::kNotFound);
}

TEST(Store, DefaultDataDirFollowsXdg) {
  const char* old_sw = std::getenv("SHIELDWALL_DATA_DIR");
  const char* old_xdg = std::getenv("XDG_DATA_HOME");
  const char* old_home = std::getenv("HOME");
  std::string sw = old_sw ? old_sw : "", xdg = old_xdg ? old_xdg : "",
              home = old_home ? old_home : "";
  unsetenv("SHIELDWALL_DATA_DIR");
  setenv("XDG_DATA_HOME", "/xdg/data", 1);
  setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(default_data_dir(), "/xdg/data/shieldwall");
  setenv("XDG_DATA_HOME", "relative/ignored", 1);
  EXPECT_EQ(default_data_dir(), "/home/someone/.local/share/shieldwall");
  unsetenv("XDG_DATA_HOME");
  EXPECT_EQ(default_data_dir(), "/home/someone/.local/share/shieldwall");
  setenv("SHIELDWALL_DATA_DIR", "/explicit", 1);
  EXPECT_EQ(default_data_dir(), "/explicit");
  auto restore = [](const char* k, const char* had, const std::string& v) {
    if (had)
      setenv(k, v.c_str(), 1);
    else
      unsetenv(k);
  };
  restore("SHIELDWALL_DATA_DIR", old_sw, sw);
  restore("XDG_DATA_HOME", old_xdg, xdg);
  restore("HOME", old_home, home);
}

}  // namespace
}  // namespace sw::vuln

namespace sw::vuln {
namespace {

TEST(Store, LookupKeepsOnlyTheQueriedPackagesEntriesByIdKeepsAll) {
  test::FixtureRoot dir;
  Advisory a = make("ALSA-1", "AlmaLinux:9", "kernel");
  for (const char* n : {"kernel-devel", "kernel-headers", "bpftool"}) {
    Affected af = a.affected.front();
    af.name = n;
    a.affected.push_back(af);
  }
  Affected other = a.affected.front();
  other.ecosystem = "AlmaLinux:8";
  a.affected.push_back(other);
  ASSERT_TRUE(build(dir.path(), {a}));
  auto s = open_store(dir.path());
  ASSERT_TRUE(s);
  auto r = (*s)->lookup("AlmaLinux:9", "kernel-headers");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 1u);
  ASSERT_EQ(r->front().affected.size(), 1u);
  EXPECT_EQ(r->front().affected[0].name, "kernel-headers");
  EXPECT_EQ(r->front().affected[0].ranges[0].events[1].value, "1.2.3");
  auto any = (*s)->lookup("AlmaLinux", "kernel");
  ASSERT_TRUE(any);
  ASSERT_EQ(any->size(), 1u);
  EXPECT_EQ(any->front().affected.size(), 2u);  // AlmaLinux:9 and AlmaLinux:8
  auto whole = (*s)->by_id("ALSA-1");
  ASSERT_TRUE(whole);
  ASSERT_EQ(whole->size(), 1u);
  EXPECT_EQ(whole->front().affected.size(), 5u);
}

// The name filter only speeds misses up: a store without it (an older build) answers the same.
TEST(Store, LookupsAgreeWithAndWithoutTheNameFilter) {
  test::FixtureRoot dir;
  std::vector<Advisory> in;
  for (int i = 0; i < 50; ++i)
    in.push_back(make("PYSEC-" + std::to_string(i), "PyPI", "pkg" + std::to_string(i)));
  in.push_back(make("DSA-1", "Debian:12", "openssl"));
  ASSERT_TRUE(build(dir.path(), in));
  auto query = [&](AdvisoryStore& s) {
    std::vector<std::string> all;
    for (int i = 0; i < 60; ++i) {
      for (auto& id : ids(s.lookup("PyPI", "pkg" + std::to_string(i)))) all.push_back(id);
    }
    for (auto& id : ids(s.lookup("Debian:12", "openssl"))) all.push_back(id);
    for (auto& id : ids(s.lookup("Debian", "openssl"))) all.push_back(id);
    for (auto& id : ids(s.lookup("PyPI", "openssl"))) all.push_back(id);
    return all;
  };
  std::vector<std::string> with;
  {
    auto s = open_store(dir.path());
    ASSERT_TRUE(s);
    with = query(**s);
  }
  EXPECT_EQ(with.size(), 52u);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir.path() + "/osv.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM meta WHERE key='name_filter'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto s = open_store(dir.path());
  ASSERT_TRUE(s);
  EXPECT_EQ(query(**s), with);
}

}  // namespace
}  // namespace sw::vuln
