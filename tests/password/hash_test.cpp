// SPDX-License-Identifier: Apache-2.0
// SHA-1 and NTLM against vectors of ../shared/data/passwords/hibp-hash-vectors.tsv (copied here
// as literals, so the suite runs without that directory); the full table is checked by
// bench/hibp_vectors_check.cpp.
#include "password/breach/hash.h"

#include <string>

#include <gtest/gtest.h>

namespace sw::password {
namespace {

struct Vector {
  const char* password;
  const char* sha1;
  const char* ntlm;
};

constexpr Vector kVectors[] = {
    {"password", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8", "8846F7EAEE8FB117AD06BDD830B7586C"},
    {"123456", "7C4A8D09CA3762AF61E59520943DC26494F8941B", "32ED87BDB5FDC5E9CBA88547376818D4"},
    {"P@ssw0rd", "21BD12DC183F740EE76F27B78EB39C8AD972A757", "E19CCF75EE54E06B06A5907AF13CEF42"},
    {"", "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709", "31D6CFE0D16AE931B73C59D7E0C089C0"},
    {"p\xC3\xA4ssw\xC3\xB6rd", "F517DDF1D32A112FF1AD55C66D1B12CB38E7E8F7",
     "0553152250AC01ADB4213CB9938663E4"},
    {"\xE5\xAF\x86\xE7\xA0\x81", "C839A8FF17885AF0B098662CCC3AC5E3111B3B3B",
     "F900556F89880C4084E3C644C6C20B9C"},
    // two emoji: surrogate pairs in UTF-16
    {"\xF0\x9F\x98\x80\xF0\x9F\x94\x92", "D1DC39D6B03AC1829AA28C744F7D55E766DECF2D",
     "E6D3BB3ED6AE37D6C252A7FD0EC20E58"},
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "0098BA824B5C16427BD7A1122A5A442A25EC644D", "F34BBE29984053CC83E112841F1D2178"},
};

TEST(Hash, Sha1Vectors) {
  for (const auto& v : kVectors) {
    EXPECT_EQ(to_hex(sha1(v.password), HashKind::kSha1), v.sha1) << v.sha1;
    EXPECT_EQ(to_hex(hash_password(HashKind::kSha1, v.password), HashKind::kSha1), v.sha1);
  }
}

TEST(Hash, NtlmVectors) {
  for (const auto& v : kVectors) {
    EXPECT_EQ(to_hex(ntlm(v.password), HashKind::kNtlm), v.ntlm) << v.ntlm;
    const Digest d = hash_password(HashKind::kNtlm, v.password);
    EXPECT_EQ(d[16] | d[17] | d[18] | d[19], 0) << "NTLM uses 16 bytes, the rest stays zero";
  }
}

TEST(Hash, PortableMd4MatchesOpenSsl) {
  // RFC 1320 test suite, then the NTLM vectors through the hand-written fallback.
  auto md4_hex = [](std::string_view s) {
    Digest d{};
    const auto m = detail::md4_portable(s);
    std::copy(m.begin(), m.end(), d.begin());
    return to_hex(d, HashKind::kNtlm);
  };
  EXPECT_EQ(md4_hex(""), "31D6CFE0D16AE931B73C59D7E0C089C0");
  EXPECT_EQ(md4_hex("abc"), "A448017AAF21D8525FC10AE87AA6729D");
  EXPECT_EQ(
      md4_hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
      "E33B4DDC9C38F2199C3E7B164FCC0536");
  for (const auto& v : kVectors) {
    EXPECT_EQ(md4_hex(detail::utf8_to_utf16le(v.password)), v.ntlm);
  }
}

TEST(Hash, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(detail::utf8_to_utf16le("a\xFF"), std::string("a\0\xFD\xFF", 4));
  EXPECT_EQ(detail::utf8_to_utf16le("\xE2\x82"), std::string("\xFD\xFF\xFD\xFF", 4));
  EXPECT_EQ(detail::utf8_to_utf16le("\xED\xA0\x80"),  // an encoded surrogate is invalid
            std::string("\xFD\xFF\xFD\xFF\xFD\xFF", 6));
}

TEST(Hash, HexRoundTripAndRejects) {
  const auto d = parse_hex("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", HashKind::kSha1);
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, sha1("password"));
  EXPECT_FALSE(parse_hex("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD", HashKind::kSha1));
  EXPECT_FALSE(parse_hex("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FDG", HashKind::kSha1));
  EXPECT_FALSE(parse_hex("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8", HashKind::kNtlm));
  EXPECT_TRUE(parse_hex("8846f7eaee8fb117ad06bdd830b7586c", HashKind::kNtlm));
  EXPECT_EQ(hash_kind_name(HashKind::kNtlm), "ntlm");
}

}  // namespace
}  // namespace sw::password
