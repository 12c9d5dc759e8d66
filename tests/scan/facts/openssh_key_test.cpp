// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/openssh_key.h"

#include <string>

#include <gtest/gtest.h>

#include "scan/home_test_keys.h"

namespace sw::scan {
namespace {

namespace keys = sw::test::keys;

struct Expect {
  const char* name;
  const char* text;
  KeyFormat format;
  KeyProtection protection;
  const char* type;
  int bits;
};

TEST(OpensshKey, ClassifiesEveryFormat) {
  const Expect cases[] = {
      {"ed25519", keys::kEd25519Plain, KeyFormat::kOpenSsh, KeyProtection::kNone, "ssh-ed25519",
       256},
      {"ed25519 enc", keys::kEd25519Encrypted, KeyFormat::kOpenSsh, KeyProtection::kPassphrase,
       "ssh-ed25519", 256},
      {"rsa1024", keys::kRsa1024Plain, KeyFormat::kOpenSsh, KeyProtection::kNone, "ssh-rsa", 1024},
      {"dsa", keys::kDsaPlain, KeyFormat::kOpenSsh, KeyProtection::kNone, "ssh-dss", 1024},
      {"ecdsa384", keys::kEcdsa384Plain, KeyFormat::kOpenSsh, KeyProtection::kNone,
       "ecdsa-sha2-nistp384", 384},
      {"pem rsa", keys::kPemRsa1024, KeyFormat::kPem, KeyProtection::kNone, "ssh-rsa", 1024},
      {"pem rsa enc", keys::kPemRsaEncrypted, KeyFormat::kPem, KeyProtection::kPassphrase,
       "ssh-rsa", 0},
      {"pem ec", keys::kPemEcP256, KeyFormat::kPem, KeyProtection::kNone, "ecdsa-sha2-nistp256",
       256},
      {"pkcs8 ed25519", keys::kPkcs8Ed25519, KeyFormat::kPkcs8, KeyProtection::kNone, "ssh-ed25519",
       256},
      {"pkcs8 rsa", keys::kPkcs8Rsa1024, KeyFormat::kPkcs8, KeyProtection::kNone, "ssh-rsa", 1024},
      {"pkcs8 enc", keys::kPkcs8Encrypted, KeyFormat::kPkcs8, KeyProtection::kPassphrase, "", 0},
      {"putty", keys::kPuttyPlain, KeyFormat::kPutty, KeyProtection::kNone, "ssh-ed25519", 256},
      {"putty enc", keys::kPuttyEncrypted, KeyFormat::kPutty, KeyProtection::kPassphrase,
       "ssh-ed25519", 256},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto k = classify_private_key(c.text);
    ASSERT_TRUE(k.has_value());
    EXPECT_EQ(k->format, c.format);
    EXPECT_EQ(k->protection, c.protection);
    EXPECT_EQ(k->type, c.type);
    EXPECT_EQ(k->bits, c.bits);
    EXPECT_EQ(k->problem, "");
    EXPECT_EQ(k->line, 1);
  }
}

TEST(OpensshKey, CipherNames) {
  EXPECT_EQ(classify_private_key(keys::kEd25519Plain)->cipher, "none");
  EXPECT_EQ(classify_private_key(keys::kEd25519Encrypted)->cipher, "aes256-ctr");
  EXPECT_EQ(classify_private_key(keys::kPemRsaEncrypted)->cipher, "AES-128-CBC");
}

TEST(OpensshKey, NotAPrivateKey) {
  EXPECT_FALSE(classify_private_key(""));
  EXPECT_FALSE(classify_private_key("hello\nworld\n"));
  EXPECT_FALSE(classify_private_key(keys::kEd25519Pub));
  EXPECT_FALSE(
      classify_private_key("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
  EXPECT_FALSE(classify_private_key("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
}

TEST(OpensshKey, KeyAfterOtherTextIsFoundWithItsLine) {
  std::string text = std::string("Bag Attributes\n    friendlyName: x\n") + keys::kPemRsa1024;
  auto k = classify_private_key(text);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->line, 3);
  EXPECT_EQ(k->protection, KeyProtection::kNone);
}

TEST(OpensshKey, TruncatedOrCorruptKeysSayWhy) {
  auto k = classify_private_key(
      "-----BEGIN OPENSSH PRIVATE KEY-----\n"
      "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
      "-----END OPENSSH PRIVATE KEY-----\n");
  ASSERT_TRUE(k);
  EXPECT_NE(k->problem, "");
  EXPECT_EQ(k->protection, KeyProtection::kNone);  // the header itself was complete

  k = classify_private_key(
      "-----BEGIN OPENSSH PRIVATE KEY-----\n!!!!\n"
      "-----END OPENSSH PRIVATE KEY-----\n");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->protection, KeyProtection::kUnknown);
  EXPECT_EQ(k->problem, "invalid base64 in key body");

  k = classify_private_key("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->protection, KeyProtection::kUnknown);

  k = classify_private_key("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->protection, KeyProtection::kNone);  // no Proc-Type header: not encrypted
  EXPECT_EQ(k->problem, "malformed key body");
}

TEST(OpensshKey, PublicKeyLines) {
  auto k = parse_public_key_line(keys::kRsa1024Pub);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->type, "ssh-rsa");
  EXPECT_EQ(k->bits, 1024);
  k = parse_public_key_line(keys::kEd25519Pub);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->type, "ssh-ed25519");
  EXPECT_FALSE(parse_public_key_line("ssh-rsa"));
  EXPECT_FALSE(parse_public_key_line("ssh-rsa ***"));
}

TEST(OpensshKey, WeakKeyReasons) {
  EXPECT_EQ(weak_key_reason({"ssh-dss", 1024}), "DSA (ssh-dss) key of 1024 bits");
  EXPECT_EQ(weak_key_reason({"ssh-rsa", 1024}), "RSA key of 1024 bits");
  EXPECT_EQ(weak_key_reason({"ssh-rsa", 2048}), "");
  EXPECT_EQ(weak_key_reason({"ssh-rsa", 0}), "");
  EXPECT_EQ(weak_key_reason({"ssh-ed25519", 256}), "");
  EXPECT_EQ(weak_key_reason({"ecdsa-sha2-nistp256", 256}), "");
}

TEST(OpensshKey, Base64) {
  auto s = [](const std::optional<std::vector<uint8_t>>& v) {
    return v ? std::string(v->begin(), v->end()) : std::string("<none>");
  };
  EXPECT_EQ(s(base64_decode("aGVsbG8=")), "hello");
  EXPECT_EQ(s(base64_decode("aGVs\nbG8")), "hello");
  EXPECT_EQ(s(base64_decode("")), "");
  EXPECT_EQ(s(base64_decode("a")), "<none>");
  EXPECT_EQ(s(base64_decode("aGV$")), "<none>");
  EXPECT_EQ(s(base64_decode("aG=Vs")), "<none>");
}

}  // namespace
}  // namespace sw::scan
