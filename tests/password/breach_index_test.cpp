// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "password/breach/index.h"
#include "password/temp_dir.h"

namespace sw::password {
namespace {

using testing::TempDir;

std::string line(std::string_view pw, std::uint64_t count, HashKind kind = HashKind::kSha1) {
  return to_hex(hash_password(kind, pw), kind) + ":" + std::to_string(count) + "\n";
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

BreachBuildOptions sha1_options() {
  BreachBuildOptions o;
  o.kind = HashKind::kSha1;
  return o;
}

TEST(BreachIndex, BuildsAndLooksUp) {
  TempDir dir;
  const auto src = dir.write("pwned.txt", line("password", 9545824) + line("123456", 37359195) +
                                              line("letmein", 17) + line("rare", 1));
  const auto out = dir.path() / "pwned.idx";
  auto stats = build_breach_index({src}, out, sha1_options());
  ASSERT_TRUE(stats) << stats.error().to_string();
  EXPECT_EQ(stats->entries, 4u);
  EXPECT_EQ(stats->duplicates, 0u);
  EXPECT_EQ(stats->index_bytes, std::filesystem::file_size(out));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "pwned.idx.tmp"));

  auto index = BreachIndex::open(out);
  ASSERT_TRUE(index) << index.error().to_string();
  EXPECT_EQ(index->count("password"), 9545824u);
  EXPECT_EQ(index->count("123456"), 37359195u);
  EXPECT_EQ(index->count("letmein"), 17u);
  EXPECT_EQ(index->count("rare"), 1u);
  EXPECT_EQ(index->count("correct horse battery staple"), std::nullopt);
  EXPECT_EQ(index->count_sha1("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"), 9545824u);
  EXPECT_EQ(index->count_sha1("not hex"), std::nullopt);
  EXPECT_EQ(index->info().entries, 4u);
  EXPECT_EQ(index->info().key_bytes, 10u);
  EXPECT_LT(index->info().false_positive_rate, 1e-20);
}

TEST(BreachIndex, UnsortedInputWithDuplicatesAndBadLinesExternalSort) {
  TempDir dir;
  std::vector<std::string> lines;
  for (int i = 0; i < 30000; ++i) lines.push_back(line("pw" + std::to_string(i), i % 300 + 1));
  for (int i = 0; i < 1000; ++i) lines.push_back(line("pw" + std::to_string(i), 1000));  // dups
  lines.push_back("garbage\n");
  lines.push_back("ABC:1\n");
  std::mt19937 rng(7);
  std::shuffle(lines.begin(), lines.end(), rng);
  std::string body;
  for (const auto& l : lines) body += l;
  const auto src = dir.write("unsorted.txt", body);
  std::filesystem::create_directories(dir.path() / "tmp");

  BreachBuildOptions o = sha1_options();
  o.max_memory_bytes = 64 * 1024;  // forces runs of ~2700 records
  o.temp_dir = dir.path() / "tmp";
  const auto out = dir.path() / "pwned.idx";
  auto stats = build_breach_index({src}, out, o);
  ASSERT_TRUE(stats) << stats.error().to_string();
  EXPECT_GT(stats->runs, 5u);
  EXPECT_EQ(stats->entries, 30000u);
  EXPECT_EQ(stats->duplicates, 1000u);
  EXPECT_EQ(stats->bad_lines, 2u);
  EXPECT_EQ(stats->bad_samples.size(), 2u);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "tmp")) << "runs must be removed";

  auto index = BreachIndex::open(out);
  ASSERT_TRUE(index) << index.error().to_string();
  for (int i = 0; i < 30000; i += 7) {
    const std::uint64_t want = i % 300 + 1 + (i < 1000 ? 1000 : 0);
    ASSERT_EQ(index->count("pw" + std::to_string(i)), want) << i;
  }
  EXPECT_EQ(index->count("pw30000"), std::nullopt);

  // The same data in memory gives the same file byte for byte.
  o.max_memory_bytes = 1u << 26;
  const auto out2 = dir.path() / "pwned2.idx";
  auto stats2 = build_breach_index({src}, out2, o);
  ASSERT_TRUE(stats2);
  EXPECT_EQ(stats2->runs, 0u);
  EXPECT_EQ(read_all(out), read_all(out2));
}

TEST(BreachIndex, BatchAgreesWithSingle) {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 5000; ++i) body += line("b" + std::to_string(i), i + 1);
  const auto src = dir.write("s.txt", body);
  const auto out = dir.path() / "i.idx";
  ASSERT_TRUE(build_breach_index({src}, out, sha1_options()));
  auto index = BreachIndex::open(out);
  ASSERT_TRUE(index);
  std::vector<Digest> digests;
  for (int i = 0; i < 10000; i += 3) digests.push_back(sha1("b" + std::to_string(i)));
  std::vector<std::optional<std::uint64_t>> got(digests.size());
  index->count_sha1_batch(digests, got);
  for (std::size_t i = 0; i < digests.size(); ++i) {
    EXPECT_EQ(got[i], index->count_digest(digests[i])) << i;
  }
  EXPECT_EQ(got[0], 1u);
  EXPECT_EQ(got.back(), std::nullopt);
}

TEST(BreachIndex, RangeDirectoryAndNtlm) {
  TempDir dir;
  for (const char* pw : {"password", "123456", "qwerty"}) {
    const std::string hex = to_hex(ntlm(pw), HashKind::kNtlm);
    dir.write("ranges/" + hex.substr(0, 5) + ".txt", hex.substr(5) + ":3\n");
  }
  BreachBuildOptions o;
  o.kind = HashKind::kNtlm;
  o.key_bytes = 8;
  const auto out = dir.path() / "ntlm.idx";
  auto stats = build_breach_index({dir.path() / "ranges"}, out, o);
  ASSERT_TRUE(stats) << stats.error().to_string();
  EXPECT_EQ(stats->entries, 3u);
  auto index = BreachIndex::open(out);
  ASSERT_TRUE(index);
  EXPECT_EQ(index->info().kind, HashKind::kNtlm);
  EXPECT_EQ(index->count("qwerty"), 3u);
  EXPECT_EQ(index->count("letmein"), std::nullopt);
  EXPECT_EQ(index->count_sha1("8846F7EAEE8FB117AD06BDD830B7586C"), 3u);
}

TEST(BreachIndex, EmptySourceGivesEmptyIndex) {
  TempDir dir;
  const auto src = dir.write("empty.txt", "");
  const auto out = dir.path() / "e.idx";
  ASSERT_TRUE(build_breach_index({src}, out, sha1_options()));
  auto index = BreachIndex::open(out);
  ASSERT_TRUE(index);
  EXPECT_EQ(index->info().entries, 0u);
  EXPECT_EQ(index->count("password"), std::nullopt);
}

TEST(BreachIndex, BadOptionsAndMissingSource) {
  TempDir dir;
  BreachBuildOptions o = sha1_options();
  o.key_bytes = 3;
  EXPECT_FALSE(build_breach_index({dir.write("a", "")}, dir.path() / "x", o));
  auto r = build_breach_index({dir.path() / "missing.txt"}, dir.path() / "x", sha1_options());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().to_string().find("missing.txt"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x"));
}

class CorruptIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string body;
    for (int i = 0; i < 2000; ++i) body += line("c" + std::to_string(i), i % 2 ? 7 : 100000);
    const auto src = dir_.write("s.txt", body);
    ASSERT_TRUE(build_breach_index({src}, dir_.path() / "ok.idx", sha1_options()));
    good_ = read_all(dir_.path() / "ok.idx");
    ASSERT_TRUE(BreachIndex::from_bytes(good_));
  }
  TempDir dir_;
  std::string good_;
};

TEST_F(CorruptIndex, TruncatedAndAppended) {
  for (std::size_t cut : {std::size_t{0}, std::size_t{10}, std::size_t{63}, std::size_t{64},
                          good_.size() / 2, good_.size() - 1}) {
    auto r = BreachIndex::from_bytes(good_.substr(0, cut));
    ASSERT_FALSE(r) << cut;
    EXPECT_EQ(r.error().code(), Errc::kParse);
  }
  EXPECT_FALSE(BreachIndex::from_bytes(good_ + "x"));
  const auto p = dir_.write("trunc.idx", good_.substr(0, good_.size() - 5));
  auto r = BreachIndex::open(p);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().to_string().find("trunc.idx"), std::string::npos);
  EXPECT_NE(r.error().message().find("truncated"), std::string::npos);
}

TEST_F(CorruptIndex, HeaderFieldsAndTable) {
  auto with = [this](std::size_t at, char v) {
    std::string b = good_;
    b[at] = v;
    return BreachIndex::from_bytes(b);
  };
  EXPECT_FALSE(with(0, 'X'));                // magic
  EXPECT_FALSE(with(8, 2));                  // version
  EXPECT_FALSE(with(12, 5));                 // kind
  EXPECT_FALSE(with(13, 2));                 // key bytes
  EXPECT_FALSE(with(14, 40));                // prefix bits
  EXPECT_FALSE(with(16, 0x55));              // entries
  EXPECT_FALSE(with(50, 1));                 // reserved
  EXPECT_FALSE(with(64 + 4 * 3 + 1, 0x7F));  // table entry jumps, then falls back
  EXPECT_FALSE(with(64, 1));                 // table must start at 0
}

TEST_F(CorruptIndex, RandomByteFlipsNeverCrash) {
  std::mt19937 rng(1);
  int rejected = 0;
  for (int round = 0; round < 500; ++round) {
    std::string b = good_;
    const std::size_t at = rng() % b.size();
    b[at] = static_cast<char>(b[at] ^ static_cast<char>(1 + rng() % 255));
    auto r = BreachIndex::from_bytes(std::move(b));
    if (!r) {
      ++rejected;
      continue;
    }
    for (int i = 0; i < 50; ++i) (void)r->count("c" + std::to_string(i));
  }
  EXPECT_GT(rejected, 0);
}

TEST(BreachIndex, NotAnIndex) {
  TempDir dir;
  auto r = BreachIndex::open(dir.write("text.idx", "SHA1:COUNT\n"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kParse);
  EXPECT_FALSE(BreachIndex::open(dir.path() / "nope.idx"));
  EXPECT_FALSE(BreachIndex::open(dir.path()));
}

}  // namespace
}  // namespace sw::password
