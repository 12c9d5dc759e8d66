// SPDX-License-Identifier: Apache-2.0
// Tests of the compiled-database cache (secrets/engine/hs_cache.h): records round-trip, keys
// change with every input, damaged records are ignored, old entries are pruned, and a scanner
// built from the cache finds exactly what a freshly compiled one finds.
#include "secrets/engine/hs_cache.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "secrets/default_rules.h"
#include "secrets/engine.h"
#include "support/fixture.h"

namespace sw::secrets::engine {
namespace {

namespace fs = std::filesystem;

std::string key_of(std::vector<std::string_view> e, std::vector<unsigned> f,
                   std::vector<unsigned> i) {
  return hs_cache_key(e, f, i, 1);
}

std::vector<fs::path> entries(const std::string& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& de : fs::directory_iterator(dir, ec)) out.push_back(de.path());
  return out;
}

TEST(HsCache, KeyDependsOnEveryInput) {
  const std::string k = key_of({"abc", "d+"}, {0, 1}, {0, 1});
  EXPECT_EQ(k.size(), 64u);
  EXPECT_EQ(k, key_of({"abc", "d+"}, {0, 1}, {0, 1}));
  EXPECT_NE(k, key_of({"abc", "d*"}, {0, 1}, {0, 1}));
  EXPECT_NE(k, key_of({"abc", "d+"}, {0, 2}, {0, 1}));
  EXPECT_NE(k, key_of({"abc", "d+"}, {0, 1}, {0, 2}));
  EXPECT_NE(k, key_of({"ab", "cd+"}, {0, 1}, {0, 1}));  // no run-together of expressions
  EXPECT_NE(k, hs_cache_key({"abc", "d+"}, {0, 1}, {0, 1}, 2));
}

TEST(HsCache, RoundTripAndMissingKey) {
  test::FixtureRoot root;
  const std::string dir = root.path() + "/cache";
  const std::string key = key_of({"x"}, {0}, {0});
  EXPECT_FALSE(hs_cache_load(dir, key).has_value());
  HsCacheEntry e;
  e.steps = {{3, kRetryPrefilter}, {1, kDrop}};
  e.database = std::string("\0bytes\xff", 7);
  hs_cache_store(dir, key, e);
  auto back = hs_cache_load(dir, key);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->database, e.database);
  ASSERT_EQ(back->steps.size(), 2u);
  EXPECT_EQ(back->steps[0].index, 3u);
  EXPECT_EQ(back->steps[0].action, kRetryPrefilter);
  EXPECT_EQ(back->steps[1].index, 1u);
  EXPECT_EQ(back->steps[1].action, kDrop);
  EXPECT_FALSE(hs_cache_load(dir, key_of({"y"}, {0}, {0})).has_value());
  EXPECT_EQ(fs::status(dir).permissions() & fs::perms::all, fs::perms::owner_all);
}

TEST(HsCache, DamagedRecordsAreIgnored) {
  test::FixtureRoot root;
  const std::string dir = root.path() + "/cache";
  const std::string key = key_of({"x"}, {0}, {0});
  HsCacheEntry e;
  e.database = std::string(1000, 'd');
  hs_cache_store(dir, key, e);
  const auto files = entries(dir);
  ASSERT_EQ(files.size(), 1u);
  std::string bytes;
  {
    std::ifstream in(files[0], std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto write = [&](const std::string& b) {
    std::ofstream out(files[0], std::ios::binary | std::ios::trunc);
    out << b;
  };
  std::string flipped = bytes;
  flipped[flipped.size() - 10] ^= 1;  // database bytes no longer match the digest
  write(flipped);
  EXPECT_FALSE(hs_cache_load(dir, key).has_value());
  for (size_t cut : {size_t{0}, size_t{3}, size_t{70}, size_t{80}, bytes.size() - 1}) {
    write(bytes.substr(0, cut));
    EXPECT_FALSE(hs_cache_load(dir, key).has_value()) << cut;
  }
  write(bytes + "extra");
  EXPECT_FALSE(hs_cache_load(dir, key).has_value());
  write(bytes);
  EXPECT_TRUE(hs_cache_load(dir, key).has_value());
}

TEST(HsCache, KeepsOnlyTheMostRecentEntries) {
  test::FixtureRoot root;
  const std::string dir = root.path() + "/cache";
  HsCacheEntry e;
  e.database = "db";
  std::vector<std::string> keys;
  for (int i = 0; i < 6; ++i) {
    std::string expr = "p" + std::to_string(i);
    keys.push_back(key_of({expr}, {0}, {0}));
    hs_cache_store(dir, keys.back(), e, 4);
    // Distinct modification times, oldest first.
    for (const auto& p : entries(dir)) {
      if (p.filename().string().rfind(keys.back().substr(0, 32), 0) == 0) {
        fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::seconds(100 - i));
      }
    }
  }
  EXPECT_EQ(entries(dir).size(), 4u);
  EXPECT_FALSE(hs_cache_load(dir, keys[0]).has_value());
  EXPECT_TRUE(hs_cache_load(dir, keys[5]).has_value());
}

TEST(HsCache, CachedScannerFindsWhatACompiledOneFinds) {
  test::FixtureRoot root;
  CompileOptions options;
  options.cache_dir = root.path() + "/cache";
  const std::string text = "token = \"ghp_" + std::string("aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z") +
                           "0q\"\n"
                           "aws_access_key_id = AKIA" +
                           "Q3EGRIPOFFJTXCXA\n"
                           "url: postgres://app:S3cr3t-P4ss!@db.internal:5432/app\n";
  auto scan = [&](const CompileOptions& o) {
    auto rules = default_rules();
    EXPECT_TRUE(rules.has_value());
    auto scanner = Scanner::compile(std::move(*rules), nullptr, o);
    EXPECT_TRUE(scanner.has_value());
    auto worker = (*scanner)->make_worker();
    EXPECT_TRUE(worker.has_value());
    Fragment f;
    f.text = text;
    f.path = "config/app.env";
    std::vector<SecretMatch> out;
    EXPECT_TRUE((*worker)->scan(f, out).has_value());
    std::vector<std::string> found;
    for (const auto& m : out) found.push_back(m.rule_id + "@" + std::to_string(m.start_line));
    return found;
  };
  const auto fresh = scan(CompileOptions{});
  ASSERT_GE(fresh.size(), 3u);
  EXPECT_EQ(scan(options), fresh);  // compiles and writes the cache
  EXPECT_FALSE(entries(options.cache_dir).empty());
  EXPECT_EQ(scan(options), fresh);  // reads it
  // A damaged entry is recompiled over, never trusted.
  for (const auto& p : entries(options.cache_dir)) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << "SWHS1\ngarbage";
  }
  EXPECT_EQ(scan(options), fresh);
}

}  // namespace
}  // namespace sw::secrets::engine
