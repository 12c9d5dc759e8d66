// SPDX-License-Identifier: Apache-2.0
// Offline DKIM: a key pair generated here with OpenSSL, a message signed with libopendkim's
// signing API (dkim_sign_message), then verified against a key file: pass, a changed body, a
// changed header, a missing key, a wrong key, an unsigned message, broken signatures, and the
// key-file reader.
#include "phish/dkim.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace sw::phish {
namespace {

struct KeyPair {
  std::string private_pem;
  std::string public_b64;  // the p= value of the TXT record
};

KeyPair make_key() {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(1024), &EVP_PKEY_free);
  EXPECT_NE(key, nullptr);
  KeyPair kp;
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  long n = BIO_get_mem_data(bio.get(), &data);
  kp.private_pem.assign(data, static_cast<size_t>(n));
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(key.get(), &der);
  std::string b64(static_cast<size_t>(4 * ((len + 2) / 3)) + 1, '\0');
  int out = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()), der, len);
  b64.resize(static_cast<size_t>(out));
  OPENSSL_free(der);
  kp.public_b64 = b64;
  return kp;
}

const KeyPair& key1() {
  static const KeyPair k = make_key();
  return k;
}
const KeyPair& key2() {
  static const KeyPair k = make_key();
  return k;
}

const char* const kMessage =
    "From: Alice <alice@signer.example>\r\n"
    "To: Bob <bob@example.net>\r\n"
    "Subject: Quarterly report\r\n"
    "  (folded subject line)\r\n"
    "Message-ID: <1@signer.example>\r\n"
    "\r\n"
    "Hello Bob,\r\n"
    "the report is attached.\r\n";

std::string signed_message(const KeyPair& k = key1(), const std::string& domain = "signer.example",
                           const std::string& body = kMessage) {
  auto sig = dkim_sign_message(body, {domain, "sel1", k.private_pem});
  EXPECT_TRUE(sig) << (sig ? "" : sig.error().message());
  return (sig ? *sig : std::string()) + "\r\n" + body;
}

DkimKeys keys_with(const KeyPair& k, const std::string& name = "sel1._domainkey.signer.example") {
  DkimKeys keys;
  keys.add(name, "v=DKIM1; k=rsa; p=" + k.public_b64);
  return keys;
}

TEST(DkimVerify, SignedMessagePasses) {
  std::string msg = signed_message();
  ASSERT_EQ(msg.rfind("DKIM-Signature: ", 0), 0u);
  auto r = verify_dkim(msg, keys_with(key1()));
  ASSERT_TRUE(r) << r.error().message();
  ASSERT_EQ(r->signatures.size(), 1u);
  EXPECT_EQ(r->signatures[0].domain, "signer.example");
  EXPECT_EQ(r->signatures[0].selector, "sel1");
  EXPECT_EQ(r->signatures[0].status, DkimStatus::kPass) << r->signatures[0].reason;
  EXPECT_EQ(r->signatures[0].reason, "");
}

TEST(DkimVerify, LfLineEndsPassToo) {
  std::string msg = signed_message();
  std::string lf;
  for (size_t i = 0; i < msg.size(); ++i) {
    if (msg[i] == '\r' && i + 1 < msg.size() && msg[i + 1] == '\n') continue;
    lf += msg[i];
  }
  auto r = verify_dkim(lf, keys_with(key1()));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->signatures.size(), 1u);
  EXPECT_EQ(r->signatures[0].status, DkimStatus::kPass) << r->signatures[0].reason;
}

TEST(DkimVerify, OldExpiredSignatureStillVerifies) {
  DkimSignSpec spec{"signer.example", "sel1", key1().private_pem, 1500000000, 3600};
  auto sig = dkim_sign_message(kMessage, spec);
  ASSERT_TRUE(sig) << sig.error().message();
  EXPECT_NE(sig->find("t=1500000000"), std::string::npos) << *sig;
  EXPECT_NE(sig->find("x=1500003600"), std::string::npos) << *sig;
  auto r = verify_dkim(*sig + "\r\n" + kMessage, keys_with(key1()));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->signatures.size(), 1u);
  EXPECT_EQ(r->signatures[0].status, DkimStatus::kPass) << r->signatures[0].reason;
}

TEST(DkimVerify, ChangedBodyFails) {
  std::string msg = signed_message();
  msg.replace(msg.find("attached"), 8, "ATTACHED");
  auto r = verify_dkim(msg, keys_with(key1()));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->signatures.size(), 1u);
  EXPECT_EQ(r->signatures[0].status, DkimStatus::kFail);
  EXPECT_EQ(r->signatures[0].reason, "body hash mismatch: the body was changed after signing");
}

TEST(DkimVerify, ChangedSignedHeaderFails) {
  std::string msg = signed_message();
  msg.replace(msg.find("Quarterly"), 9, "Urgent!!!");
  auto r = verify_dkim(msg, keys_with(key1()));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->signatures.size(), 1u);
  EXPECT_EQ(r->signatures[0].status, DkimStatus::kFail);
  EXPECT_FALSE(r->signatures[0].reason.empty());
}

TEST(DkimVerify, MissingAndWrongKeys) {
  std::string msg = signed_message();
  auto none = verify_dkim(msg, DkimKeys{});
  ASSERT_TRUE(none);
  ASSERT_EQ(none->signatures.size(), 1u);
  EXPECT_EQ(none->signatures[0].status, DkimStatus::kNoKey);
  EXPECT_EQ(none->signatures[0].reason,
            "no key for sel1._domainkey.signer.example in the key file");

  auto wrong = verify_dkim(msg, keys_with(key2()));
  ASSERT_TRUE(wrong);
  ASSERT_EQ(wrong->signatures.size(), 1u);
  EXPECT_EQ(wrong->signatures[0].status, DkimStatus::kFail);
}

TEST(DkimVerify, UnsignedBrokenAndEmpty) {
  auto u = verify_dkim(kMessage, keys_with(key1()));
  ASSERT_TRUE(u);
  EXPECT_TRUE(u->signatures.empty());

  std::string broken =
      std::string("DKIM-Signature: v=1; a=rsa-sha256; d=x.example; b=@@@\r\n") + kMessage;
  auto b = verify_dkim(broken, keys_with(key1()));
  ASSERT_TRUE(b);
  for (const auto& s : b->signatures) EXPECT_NE(s.status, DkimStatus::kPass);

  EXPECT_FALSE(verify_dkim("", DkimKeys{}));
  EXPECT_FALSE(verify_dkim("\r\nbody only", DkimKeys{}));
}

TEST(DkimVerify, TwoSignaturesEachReported) {
  std::string once = signed_message(key1(), "signer.example");
  auto second = dkim_sign_message(once, {"relay.example", "sel1", key2().private_pem});
  ASSERT_TRUE(second);
  std::string twice = *second + "\r\n" + once;
  DkimKeys keys = keys_with(key1());
  keys.add("sel1._domainkey.relay.example", "v=DKIM1; k=rsa; p=" + key2().public_b64);
  auto r = verify_dkim(twice, keys);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->signatures.size(), 2u);
  EXPECT_EQ(r->signatures[0].domain, "relay.example");
  EXPECT_EQ(r->signatures[0].status, DkimStatus::kPass) << r->signatures[0].reason;
  EXPECT_EQ(r->signatures[1].domain, "signer.example");
  EXPECT_EQ(r->signatures[1].status, DkimStatus::kPass) << r->signatures[1].reason;
}

TEST(DkimKeysFile, ParsesLinesZoneStyleAndSkipsJunk) {
  DkimKeys k = DkimKeys::parse(
      "# comment\n"
      "sel1._domainkey.Signer.Example. v=DKIM1; k=rsa; p=AAAA\n"
      "\n"
      "s2._domainkey.other.example 3600 IN TXT \"v=DKIM1; k=rsa; \" \"p=BBBB\"\n"
      "garbage line without a record\n"
      "onlyname._domainkey.x.example\n");
  EXPECT_EQ(k.size(), 2u);
  ASSERT_NE(k.find("sel1", "signer.example"), nullptr);
  EXPECT_EQ(*k.find("sel1", "signer.example"), "v=DKIM1; k=rsa; p=AAAA");
  ASSERT_NE(k.find("S2", "other.example."), nullptr);
  EXPECT_EQ(*k.find("s2", "other.example"), "v=DKIM1; k=rsa; p=BBBB");
  EXPECT_EQ(k.find("sel1", "other.example"), nullptr);
  ASSERT_EQ(k.notes().size(), 1u);
  EXPECT_NE(k.notes()[0].find("2 line(s)"), std::string::npos) << k.notes()[0];
}

TEST(DkimKeysFile, LoadsFileAndDirectoryAndVerifies) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("sw_dkim_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream(dir / "a.keys") << "sel1._domainkey.signer.example v=DKIM1; k=rsa; p="
                                  << key1().public_b64 << "\n";
    std::ofstream(dir / "b.keys") << "sel1._domainkey.relay.example v=DKIM1; k=rsa; p=CCCC\n";
  }
  auto file = DkimKeys::load((dir / "a.keys").string());
  ASSERT_TRUE(file);
  EXPECT_EQ(file->size(), 1u);
  auto all = DkimKeys::load(dir.string());
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
  auto r = verify_dkim(signed_message(), *all);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->signatures.size(), 1u);
  EXPECT_EQ(r->signatures[0].status, DkimStatus::kPass);
  EXPECT_FALSE(DkimKeys::load((dir / "missing").string()));
  fs::remove_all(dir);
}

TEST(DkimStatusName, Names) {
  EXPECT_EQ(dkim_status_name(DkimStatus::kPass), "pass");
  EXPECT_EQ(dkim_status_name(DkimStatus::kNoKey), "no-key");
}

}  // namespace
}  // namespace sw::phish
