// SPDX-License-Identifier: Apache-2.0
// ingest_path / ingest_zip: directory trees in sorted order, single files, zips (built here with
// libzip), malformed records counted and named, KEV files passed over, corrupt zips.
#include <fstream>
#include <iterator>
#include <utility>

#include <zip.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/fixture.h"
#include "vuln/osv/osv.h"

namespace sw::vuln {
namespace {

std::string record(std::string_view id, bool withdrawn = false) {
  return fmt::format(
      R"({{"id": "{}", "modified": "2024-01-01T00:00:00Z",{} "affected": [{{"package":
      {{"ecosystem": "Go", "name": "example.org/m"}}, "ranges": [{{"type": "SEMVER",
      "events": [{{"introduced": "0"}}, {{"fixed": "1.0.0"}}]}}]}}]}})",
      id, withdrawn ? R"( "withdrawn": "2024-02-01T00:00:00Z",)" : "");
}

constexpr std::string_view kKev =
    R"({"title": "CISA", "catalogVersion": "2025.01.01", "dateReleased": "2025-01-01T00:00:00Z",
        "count": 1, "vulnerabilities": [{"cveID": "CVE-2024-1"}]})";

struct Collected {
  std::vector<std::string> ids;
  AdvisorySink sink() {
    return [this](Advisory&& a) { ids.push_back(a.id); };
  }
};

// A zip file with the given members, written by libzip; returns its bytes.
std::string make_zip(const std::string& path,
                     const std::vector<std::pair<std::string, std::string>>& members) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(za, nullptr);
  if (za == nullptr) return {};
  for (const auto& [name, body] : members) {
    zip_source_t* src = zip_source_buffer(za, body.data(), body.size(), 0);
    EXPECT_NE(src, nullptr);
    EXPECT_GE(zip_file_add(za, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(za), 0);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(OsvIngest, DirectoryTreeSortedWithMalformedAndKev) {
  test::FixtureRoot root;
  root.write("/db/b/GO-2.json", record("GO-2"));
  root.write("/db/a/GO-1.json", record("GO-1", true));
  root.write("/db/a/broken.json", R"({"id": "GO-3", "aliases": 7})");
  root.write("/db/a/notjson.json", "this is not json");
  root.write("/db/c/PYSEC-1.yaml",
             "id: PYSEC-1\naffected:\n- package: {ecosystem: PyPI, name: x}\n");
  root.write("/db/c/PYSEC-2.yml", "id: PYSEC-2\n");
  root.write("/db/kev.json", std::string(kKev));
  root.write("/db/README.md", "# not a record\n");
  Collected got;
  auto r = ingest_path(root.real("/db"), got.sink());
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(got.ids, (std::vector<std::string>{"GO-1", "GO-2", "PYSEC-1", "PYSEC-2"}));
  EXPECT_EQ(r->files, 6u);  // the KEV file and the README are not OSV records
  EXPECT_EQ(r->advisories, 4u);
  EXPECT_EQ(r->withdrawn, 1u);
  EXPECT_EQ(r->skipped, 2u);
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0].file(), root.real("/db/a/broken.json"));
  EXPECT_NE(r->warnings[0].message().find("aliases"), std::string::npos);
  EXPECT_EQ(r->warnings[1].file(), root.real("/db/a/notjson.json"));
}

TEST(OsvIngest, SingleFiles) {
  test::FixtureRoot root;
  root.write("/GO-1.json", record("GO-1"));
  root.write("/x.txt", record("GO-1"));
  root.write("/kev.json", std::string(kKev));
  Collected got;
  auto r = ingest_path(root.real("/GO-1.json"), got.sink());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->advisories, 1u);
  EXPECT_EQ(got.ids, std::vector<std::string>{"GO-1"});

  auto other = ingest_path(root.real("/x.txt"), got.sink());
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code(), Errc::kUnsupported);

  auto missing = ingest_path(root.real("/nope"), got.sink());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), Errc::kNotFound);

  auto kev = ingest_path(root.real("/kev.json"), got.sink());
  ASSERT_TRUE(kev);
  EXPECT_EQ(kev->files, 0u);
  EXPECT_EQ(kev->advisories, 0u);
}

TEST(OsvIngest, ZipFromMemoryAndFromTree) {
  test::FixtureRoot root;
  root.mkdir("/db");
  std::string bytes = make_zip(root.real("/db/all.zip"), {{"GO-2.json", record("GO-2")},
                                                          {"GO-1.json", record("GO-1", true)},
                                                          {"bad.json", "{"},
                                                          {"notes.txt", "ignored"},
                                                          {"sub/", ""},
                                                          {"sub/PYSEC-9.yaml", "id: PYSEC-9\n"}});
  ASSERT_FALSE(bytes.empty());

  Collected got;
  auto r = ingest_zip(bytes, "all.zip", got.sink());
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(got.ids, (std::vector<std::string>{"GO-2", "GO-1", "PYSEC-9"}));  // archive order
  EXPECT_EQ(r->files, 4u);
  EXPECT_EQ(r->advisories, 3u);
  EXPECT_EQ(r->withdrawn, 1u);
  EXPECT_EQ(r->skipped, 1u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].file(), "all.zip:bad.json");

  Collected tree;
  root.write("/db/GO-0.json", record("GO-0"));
  auto t = ingest_path(root.real("/db"), tree.sink());
  ASSERT_TRUE(t) << t.error().to_string();
  EXPECT_EQ(tree.ids, (std::vector<std::string>{"GO-0", "GO-2", "GO-1", "PYSEC-9"}));
  EXPECT_EQ(t->warnings.size(), 1u);
  EXPECT_EQ(t->warnings[0].file(), root.real("/db/all.zip") + ":bad.json");
}

TEST(OsvIngest, CorruptZip) {
  test::FixtureRoot root;
  root.mkdir("/db");
  std::string bytes = make_zip(root.real("/z.zip"), {{"GO-1.json", record("GO-1")}});
  Collected got;
  auto r = ingest_zip("PK\x03\x04 definitely not a zip", "bad.zip", got.sink());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kParse);
  EXPECT_EQ(r.error().file(), "bad.zip");

  // Truncated archive: the central directory is gone.
  auto cut = ingest_zip(std::string_view(bytes).substr(0, bytes.size() / 2), "cut.zip", got.sink());
  EXPECT_FALSE(cut);
  EXPECT_TRUE(got.ids.empty());

  // Inside a tree a corrupt zip is one warning, the rest goes on; named directly it is an error.
  root.write("/db/broken.zip", "not a zip at all");
  root.write("/db/GO-1.json", record("GO-1"));
  auto t = ingest_path(root.real("/db"), got.sink());
  ASSERT_TRUE(t);
  EXPECT_EQ(t->advisories, 1u);
  EXPECT_EQ(t->skipped, 1u);
  ASSERT_EQ(t->warnings.size(), 1u);
  EXPECT_EQ(t->warnings[0].file(), root.real("/db/broken.zip"));
  EXPECT_FALSE(ingest_path(root.real("/db/broken.zip"), got.sink()));
}

TEST(OsvIngest, CorruptMemberData) {
  test::FixtureRoot root;
  std::string body = record("GO-1") + std::string(2000, ' ');
  std::string bytes = make_zip(root.real("/z.zip"), {{"GO-1.json", body}});
  // Damage the deflated data of the member (after the 30-byte local header and the name).
  ASSERT_GT(bytes.size(), 60u);
  for (size_t i = 40; i < 50; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
  Collected got;
  auto r = ingest_zip(bytes, "z.zip", got.sink());
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->advisories, 0u);
  EXPECT_EQ(r->skipped, 1u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].file(), "z.zip:GO-1.json");
}

}  // namespace
}  // namespace sw::vuln
