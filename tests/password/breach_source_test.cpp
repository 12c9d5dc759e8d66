// SPDX-License-Identifier: Apache-2.0
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "password/breach/source.h"
#include "password/temp_dir.h"

namespace sw::password {
namespace {

using testing::TempDir;

struct Collected {
  std::map<std::string, std::uint64_t> counts;  // hex → count
  RecordSink sink(HashKind kind) {
    return [this, kind](const Digest& d, std::uint64_t c) { counts[to_hex(d, kind)] += c; };
  }
};

TEST(BreachSource, ParsesLinesWithCrlfAndCase) {
  Collected got;
  SourceStats stats;
  parse_hash_lines(
      "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:10\r\n"
      "7c4a8d09ca3762af61e59520943dc26494f8941b:3\n"
      "\n"
      "21BD12DC183F740EE76F27B78EB39C8AD972A757:7",
      "f.txt", HashKind::kSha1, {}, got.sink(HashKind::kSha1), stats);
  EXPECT_EQ(stats.records, 3u);
  EXPECT_EQ(stats.bad_lines, 0u);
  EXPECT_EQ(got.counts["5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8"], 10u);
  EXPECT_EQ(got.counts["7C4A8D09CA3762AF61E59520943DC26494F8941B"], 3u);
  EXPECT_EQ(got.counts["21BD12DC183F740EE76F27B78EB39C8AD972A757"], 7u);
}

TEST(BreachSource, BadLinesAreCountedWithFileAndLine) {
  Collected got;
  SourceStats stats;
  parse_hash_lines(
      "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:10\n"
      "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8\n"     // no count
      "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD:1\n"    // 39 digits
      "ZBAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:1\n"   // not hex
      "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:x1\n"  // bad count
      "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:99999999999999999999999\n"
      "7C4A8D09CA3762AF61E59520943DC26494F8941B:3\n",
      "dump.txt", HashKind::kSha1, {}, got.sink(HashKind::kSha1), stats);
  EXPECT_EQ(stats.records, 2u);
  EXPECT_EQ(stats.bad_lines, 5u);
  ASSERT_EQ(stats.bad_samples.size(), 5u);
  EXPECT_EQ(stats.bad_samples[0], "dump.txt:2: no ':' between hash and count");
  EXPECT_EQ(stats.bad_samples[1], "dump.txt:3: hash has 39 hex digits, expected 40");
  EXPECT_EQ(stats.bad_samples[3].rfind("dump.txt:5: ", 0), 0u);
  for (const auto& s : stats.bad_samples) {
    EXPECT_EQ(s.find("5BAA61E4"), std::string::npos) << "a sample must not quote the hash";
  }
}

TEST(BreachSource, KeepsOnlyTheFirstFewSamples) {
  std::string lines;
  for (int i = 0; i < 50; ++i) lines += "nonsense\n";
  SourceStats stats;
  parse_hash_lines(
      lines, "x", HashKind::kSha1, {}, [](const Digest&, std::uint64_t) {}, stats);
  EXPECT_EQ(stats.bad_lines, 50u);
  EXPECT_EQ(stats.bad_samples.size(), SourceStats::kMaxBadSamples);
}

TEST(BreachSource, ReadsBigFileAcrossBlocks) {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 200000; ++i) {
    body += to_hex(sha1("pw" + std::to_string(i)), HashKind::kSha1) + ":" + std::to_string(i + 1) +
            (i % 2 ? "\r\n" : "\n");
  }
  const auto file = dir.write("pwned.txt", body);
  Collected got;
  SourceStats stats;
  ASSERT_TRUE(read_breach_source(file, HashKind::kSha1, got.sink(HashKind::kSha1), stats));
  EXPECT_EQ(stats.records, 200000u);
  EXPECT_EQ(stats.bad_lines, 0u);
  EXPECT_EQ(stats.bytes, body.size());
  EXPECT_EQ(got.counts[to_hex(sha1("pw199999"), HashKind::kSha1)], 200000u);
}

TEST(BreachSource, ReadsRangeDirectory) {
  TempDir dir;
  const std::string full = to_hex(sha1("password"), HashKind::kSha1);
  dir.write("ranges/" + full.substr(0, 5) + ".txt", full.substr(5) + ":42\r\n");
  const std::string other = to_hex(sha1("123456"), HashKind::kSha1);
  dir.write("ranges/" + other.substr(0, 5), other.substr(5) + ":5\nBAD:LINE\n");
  dir.write("ranges/README", "not a range file");
  Collected got;
  SourceStats stats;
  ASSERT_TRUE(
      read_breach_source(dir.path() / "ranges", HashKind::kSha1, got.sink(HashKind::kSha1), stats));
  EXPECT_EQ(got.counts[full], 42u);
  EXPECT_EQ(got.counts[other], 5u);
  EXPECT_EQ(stats.records, 2u);
  EXPECT_EQ(stats.bad_lines, 2u);  // BAD:LINE and README
  bool readme_named = false;
  for (const auto& sample : stats.bad_samples) {
    if (sample.find("README: not a range file") != std::string::npos) readme_named = true;
  }
  EXPECT_TRUE(readme_named);
}

TEST(BreachSource, NtlmRangeLines) {
  Digest d{};
  std::uint64_t count = 0;
  std::string why;
  ASSERT_TRUE(
      parse_hash_line("7EAEE8FB117AD06BDD830B7586C:9", HashKind::kNtlm, "8846F", d, count, why));
  EXPECT_EQ(d, ntlm("password"));
  EXPECT_EQ(count, 9u);
  EXPECT_FALSE(
      parse_hash_line("7EAEE8FB117AD06BDD830B7586C:9", HashKind::kSha1, "8846F", d, count, why));
}

TEST(BreachSource, RangePrefixFromFileName) {
  EXPECT_EQ(range_prefix_of("/x/abcde.txt"), "ABCDE");
  EXPECT_EQ(range_prefix_of("00000"), "00000");
  EXPECT_EQ(range_prefix_of("0000G"), "");
  EXPECT_EQ(range_prefix_of("000000.txt"), "");
}

TEST(BreachSource, MissingSourceIsAnError) {
  SourceStats stats;
  auto r = read_breach_source(
      "/nonexistent/pwned.txt", HashKind::kSha1, [](const Digest&, std::uint64_t) {}, stats);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().to_string().find("/nonexistent/pwned.txt"), std::string::npos);
}

}  // namespace
}  // namespace sw::password
