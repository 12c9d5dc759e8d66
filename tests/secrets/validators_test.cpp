// SPDX-License-Identifier: Apache-2.0
// Offline validators (secrets/validators.h, secrets/validators/*): GitHub checksums, private
// keys, JWTs, AWS key ids, Slack tokens. Keys are generated here with OpenSSL; tokens are built
// here with an independent (bitwise) CRC-32 and base62; literal vectors from outside sources say
// where they come from.
#include "secrets/validators.h"

#include <cstdint>
#include <memory>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "secrets/validators/aws_access_key_id.h"
#include "secrets/validators/crc32.h"
#include "secrets/validators/github_checksum.h"
#include "secrets/validators/jwt.h"
#include "secrets/validators/private_key.h"
#include "secrets/validators/slack_token.h"

namespace sw::secrets {
namespace {

constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

std::string random_string(std::mt19937& rng, std::string_view alphabet, std::size_t n) {
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s.push_back(alphabet[pick(rng)]);
  return s;
}

// CRC-32 bit by bit, straight from the definition (reflected 0xEDB88320): independent of the
// table-driven implementation under test.
std::uint32_t bitwise_crc32(std::string_view s) {
  std::uint32_t crc = 0xFFFFFFFFU;
  for (const char ch : s) {
    crc ^= static_cast<unsigned char>(ch);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
  }
  return ~crc;
}

// GitHub's published description: base62 (0-9A-Za-z) of the CRC-32 of the 30 random
// characters, left-padded with '0' to 6 characters.
std::string reference_github_token(std::string_view prefix, const std::string& random30) {
  constexpr std::string_view kB62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::uint32_t crc = bitwise_crc32(random30);
  std::string enc;
  while (crc != 0) {
    enc.insert(enc.begin(), kB62[crc % 62]);
    crc /= 62;
  }
  while (enc.size() < 6) enc.insert(enc.begin(), '0');
  return std::string(prefix) + random30 + enc;
}

std::string b64url(std::string_view raw) {
  std::string out((raw.size() + 2) / 3 * 4 + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(raw.data()),
                                static_cast<int>(raw.size()));
  out.resize(static_cast<std::size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

TEST(Crc32, CheckValueOfTheStandard) {
  EXPECT_EQ(crc32_ieee("123456789"), 0xCBF43926U);  // the CRC-32 check value (IEEE 802.3)
  EXPECT_EQ(crc32_ieee(""), 0U);
  std::mt19937 rng(1);
  for (int i = 0; i < 50; ++i) {
    const std::string s = random_string(rng, kAlnum, static_cast<std::size_t>(i));
    EXPECT_EQ(crc32_ieee(s), bitwise_crc32(s));
  }
}

TEST(GithubChecksum, PublishedTokenFromNoseyparkerExamples) {
  // Copied from noseyparker's rule examples (crates/noseyparker/data/default/builtin/rules/
  // github.yml @ 2e6e7f36, "GitHub Personal Access Token"): a token published as a test vector,
  // whose checksum GitHub computed, not us.
  EXPECT_EQ(check_github_token("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"), Validity::kValid);
  // GitHub's documentation example of a user-to-server token (docs "About authentication to
  // GitHub", also in noseyparker's examples) is made up: its checksum does not hold.
  EXPECT_EQ(check_github_token("ghu_16C7e42F292c69C2E7C10c838347Ae178B4a"), Validity::kInvalid);
}

TEST(GithubChecksum, GeneratedTokensOfEveryKind) {
  std::mt19937 rng(42);
  for (const std::string_view prefix : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
    for (int i = 0; i < 20; ++i) {
      const std::string random30 = random_string(rng, kAlnum, 30);
      const std::string token = reference_github_token(prefix, random30);
      EXPECT_EQ(github_token_checksum(random30), token.substr(34));
      EXPECT_EQ(check_github_token(token), Validity::kValid) << token;
      std::string typo = token;
      typo[10] = typo[10] == 'a' ? 'b' : 'a';
      EXPECT_EQ(check_github_token(typo), Validity::kInvalid) << typo;
    }
  }
}

TEST(GithubChecksum, WrongShapesAndFineGrainedTokens) {
  EXPECT_EQ(check_github_token("ghp_short"), Validity::kInvalid);
  EXPECT_EQ(check_github_token("ghp_" + std::string(36, 'x') + "!"), Validity::kInvalid);
  std::mt19937 rng(7);
  const std::string fine =
      "github_pat_" + random_string(rng, kAlnum, 22) + "_" + random_string(rng, kAlnum, 59);
  EXPECT_EQ(check_github_token(fine), Validity::kUnknown);  // no documented checksum
  EXPECT_EQ(check_github_token("github_pat_abc"), Validity::kInvalid);
  EXPECT_EQ(check_github_token("ghr_" + random_string(rng, kAlnum, 76)), Validity::kUnknown);
  EXPECT_EQ(check_github_token("glpat-abcdefghijklmnopqrst"), Validity::kUnknown);
}

// --- private keys -------------------------------------------------------------------------------

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Pkey make_key(const char* type, const char* param) {
  if (param != nullptr) return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, type, param));
  return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, type));
}

Pkey make_rsa() { return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{1024})); }

template <class Write>
std::string pem_of(Write write) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  EXPECT_EQ(write(bio.get()), 1);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

std::string pkcs8(EVP_PKEY* k) {
  return pem_of([k](BIO* b) {
    return PEM_write_bio_PrivateKey(b, k, nullptr, nullptr, 0, nullptr, nullptr);
  });
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

TEST(PrivateKey, GeneratedKeysInEveryPemForm) {
  const Pkey ec = make_key("EC", "P-256");
  const Pkey ed = make_key("ED25519", nullptr);
  const Pkey rsa = make_rsa();
  ASSERT_TRUE(ec && ed && rsa);
  for (EVP_PKEY* k : {ec.get(), ed.get(), rsa.get()}) {
    const std::string p8 = pkcs8(k);
    ASSERT_NE(p8.find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
    EXPECT_EQ(check_private_key(p8), Validity::kValid);
    const auto info = inspect_private_key(p8);
    EXPECT_FALSE(info.encrypted);
    EXPECT_EQ(info.label, "PRIVATE KEY");
  }
  for (EVP_PKEY* k : {ec.get(), rsa.get()}) {
    const std::string trad = pem_of([k](BIO* b) {
      return PEM_write_bio_PrivateKey_traditional(b, k, nullptr, nullptr, 0, nullptr, nullptr);
    });
    EXPECT_TRUE(trad.find("-----BEGIN EC PRIVATE KEY-----") != std::string::npos ||
                trad.find("-----BEGIN RSA PRIVATE KEY-----") != std::string::npos);
    EXPECT_EQ(check_private_key(trad), Validity::kValid) << trad.substr(0, 40);
  }
}

TEST(PrivateKey, EncryptedKeysAreValidAndSaySo) {
  const Pkey ec = make_key("EC", "P-256");
  ASSERT_TRUE(ec);
  static char pass[] = "correct horse";
  const std::string enc8 = pem_of([&](BIO* b) {
    return PEM_write_bio_PKCS8PrivateKey(b, ec.get(), EVP_aes_256_cbc(), pass, 13, nullptr,
                                         nullptr);
  });
  ASSERT_NE(enc8.find("ENCRYPTED PRIVATE KEY"), std::string::npos);
  auto info = inspect_private_key(enc8);
  EXPECT_EQ(info.validity, Validity::kValid);
  EXPECT_TRUE(info.encrypted);
  const std::string legacy = pem_of([&](BIO* b) {
    return PEM_write_bio_PrivateKey_traditional(b, ec.get(), EVP_aes_128_cbc(),
                                                reinterpret_cast<unsigned char*>(pass), 13, nullptr,
                                                nullptr);
  });
  ASSERT_NE(legacy.find("Proc-Type: 4,ENCRYPTED"), std::string::npos);
  info = inspect_private_key(legacy);
  EXPECT_EQ(info.validity, Validity::kValid);
  EXPECT_TRUE(info.encrypted);
}

TEST(PrivateKey, EscapedIndentedAndOneLineTextStillParses) {
  const Pkey ed = make_key("ED25519", nullptr);
  const Pkey rsa = make_rsa();
  ASSERT_TRUE(ed && rsa);
  const std::string pem = pkcs8(rsa.get());
  // As in a GCP service-account JSON file: "\n" escapes inside a JSON string.
  EXPECT_EQ(check_private_key(replace_all(pem, "\n", "\\n")), Validity::kValid);
  // As a YAML block scalar: every line indented.
  EXPECT_EQ(check_private_key("    " + replace_all(pem, "\n", "\n    ")), Validity::kValid);
  // Pasted on one line, spaces for newlines.
  EXPECT_EQ(check_private_key(replace_all(pkcs8(ed.get()), "\n", " ")), Validity::kValid);
  // CRLF line ends.
  EXPECT_EQ(check_private_key(replace_all(pem, "\n", "\r\n")), Validity::kValid);
}

TEST(PrivateKey, TruncatedCorruptAndForeignBlocks) {
  const Pkey rsa = make_rsa();
  ASSERT_TRUE(rsa);
  const std::string pem = pkcs8(rsa.get());
  // Documentation cuts keys short.
  const std::size_t cut = pem.find('\n', 100);
  EXPECT_EQ(check_private_key(pem.substr(0, cut) + "\n...\n-----END PRIVATE KEY-----\n"),
            Validity::kInvalid);
  // No END line.
  EXPECT_EQ(check_private_key(pem.substr(0, cut)), Validity::kInvalid);
  // A line dropped from the middle breaks the DER structure.
  const std::size_t l3 = pem.find('\n', pem.find('\n', pem.find('\n') + 1) + 1);
  const std::size_t l4 = pem.find('\n', l3 + 1);
  EXPECT_EQ(check_private_key(pem.substr(0, l3) + pem.substr(l4)), Validity::kInvalid);
  // Placeholder bodies.
  EXPECT_EQ(check_private_key("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAyour-key-here\n"
                              "-----END RSA PRIVATE KEY-----"),
            Validity::kUnknown);
  EXPECT_EQ(check_private_key("-----BEGIN RSA PRIVATE KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
                              "-----END RSA PRIVATE KEY-----"),
            Validity::kInvalid);
  // Java string concatenation around the lines: cannot tell.
  EXPECT_EQ(check_private_key("\"-----BEGIN RSA PRIVATE KEY-----\" +\n\"MIIEow\" +\n"
                              "\"-----END RSA PRIVATE KEY-----\""),
            Validity::kUnknown);
  // Not private keys, or not ours to judge.
  EXPECT_EQ(check_private_key("-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----"),
            Validity::kUnknown);
  EXPECT_EQ(check_private_key("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOY\n=abcd\n"
                              "-----END PGP PRIVATE KEY BLOCK-----"),
            Validity::kUnknown);
  EXPECT_EQ(check_private_key("PuTTY-User-Key-File-3: ssh-ed25519"), Validity::kUnknown);
  EXPECT_EQ(check_private_key(""), Validity::kUnknown);
}

// An OpenSSH private key (PROTOCOL.key), built here field by field.
void put_u32(std::string& s, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>((v >> shift) & 0xFF));
}
void put_string(std::string& s, std::string_view v) {
  put_u32(s, static_cast<std::uint32_t>(v.size()));
  s.append(v);
}

std::string openssh_key(std::string_view cipher, std::uint32_t check1, std::uint32_t check2) {
  std::mt19937 rng(3);
  const std::string pub = random_string(rng, kAlnum, 32);
  const std::string priv = random_string(rng, kAlnum, 64);
  std::string pub_blob;
  put_string(pub_blob, "ssh-ed25519");
  put_string(pub_blob, pub);
  std::string section;
  put_u32(section, check1);
  put_u32(section, check2);
  put_string(section, "ssh-ed25519");
  put_string(section, pub);
  put_string(section, priv);
  put_string(section, "user@host");
  for (char pad = 1; section.size() % 8 != 0; ++pad) section.push_back(pad);
  std::string raw("openssh-key-v1\0", 15);
  put_string(raw, cipher);
  put_string(raw, cipher == "none" ? "none" : "bcrypt");
  put_string(raw, cipher == "none" ? "" : std::string("\0\0\0\x10saltsaltsaltsalt\0\0\0\x10", 24));
  put_u32(raw, 1);
  put_string(raw, pub_blob);
  put_string(raw, section);
  std::string b64((raw.size() + 2) / 3 * 4 + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()),
                                reinterpret_cast<const unsigned char*>(raw.data()),
                                static_cast<int>(raw.size()));
  b64.resize(static_cast<std::size_t>(n));
  std::string out = "-----BEGIN OPENSSH PRIVATE KEY-----\n";
  for (std::size_t i = 0; i < b64.size(); i += 70) out += b64.substr(i, 70) + "\n";
  return out + "-----END OPENSSH PRIVATE KEY-----\n";
}

TEST(PrivateKey, OpensshFormat) {
  EXPECT_EQ(check_private_key(openssh_key("none", 0x1234, 0x1234)), Validity::kValid);
  // The two check integers differ: a corrupt (or wrongly decrypted) key.
  EXPECT_EQ(check_private_key(openssh_key("none", 0x1234, 0x4321)), Validity::kInvalid);
  const auto enc = inspect_private_key(openssh_key("aes256-ctr", 1, 2));
  EXPECT_EQ(enc.validity, Validity::kValid);
  EXPECT_TRUE(enc.encrypted);
  // Wrong magic.
  std::string bad = openssh_key("none", 5, 5);
  bad[36] = bad[36] == 'A' ? 'B' : 'A';
  EXPECT_EQ(check_private_key(bad), Validity::kInvalid);
}

// --- JWT ----------------------------------------------------------------------------------------

TEST(Jwt, Rfc7519Example) {
  // RFC 7519 section 3.1, the example JWT (header {"typ":"JWT","alg":"HS256"}).
  EXPECT_EQ(check_jwt("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
                      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9p"
                      "c19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            Validity::kValid);
}

TEST(Jwt, GeneratedTokens) {
  const std::string payload = b64url(R"({"sub":"1234","iat":1700000000})");
  const std::string sig = b64url(std::string(32, '\x07'));
  EXPECT_EQ(check_jwt(b64url(R"({"alg":"RS256","typ":"JWT"})") + "." + payload + "." + sig),
            Validity::kValid);
  // Unsigned tokens are still tokens.
  EXPECT_EQ(check_jwt(b64url(R"({"alg":"none"})") + "." + payload + "."), Validity::kValid);
  // A signed algorithm with no signature.
  EXPECT_EQ(check_jwt(b64url(R"({"alg":"HS256"})") + "." + payload + "."), Validity::kInvalid);
  // No "alg", alg not a string, header not an object, payload not JSON.
  EXPECT_EQ(check_jwt(b64url(R"({"typ":"JWT"})") + "." + payload + "." + sig), Validity::kInvalid);
  EXPECT_EQ(check_jwt(b64url(R"({"alg":1})") + "." + payload + "." + sig), Validity::kInvalid);
  EXPECT_EQ(check_jwt(b64url(R"(["alg"])") + "." + payload + "." + sig), Validity::kInvalid);
  EXPECT_EQ(check_jwt(b64url(R"({"alg":"HS256"})") + "." + b64url("not json") + "." + sig),
            Validity::kInvalid);
  // Wrong number of parts, bad base64url.
  EXPECT_EQ(check_jwt(b64url(R"({"alg":"HS256"})") + "." + payload), Validity::kInvalid);
  EXPECT_EQ(check_jwt("eyJ!.eyJ.abc"), Validity::kInvalid);
  EXPECT_EQ(check_jwt("a.b.c.d.e"), Validity::kUnknown);  // JWE
  EXPECT_EQ(check_jwt(""), Validity::kInvalid);
  // A look-alike from noseyparker's negative examples (jwt.yml): the payload is not JSON.
  EXPECT_EQ(check_jwt("eyJ0eXAiOiAiVENWMiJ9.RkNWLXdXS3M1RVBfencxM4A0WmJzdVlCQzFj."
                      "OGY1OWRkNGMtYTUxYS04ZDYwLWFiZGYtZWE5MWFhZWJiODhh"),
            Validity::kInvalid);
}

// --- AWS, Slack ---------------------------------------------------------------------------------

TEST(AwsAccessKeyId, PrefixCharsetLength) {
  EXPECT_EQ(check_aws_access_key_id("AKIAIOSFODNN7EXAMPLE"), Validity::kValid);  // AWS docs
  std::mt19937 rng(5);
  const std::string b32 = random_string(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  EXPECT_EQ(check_aws_access_key_id("ASIA" + b32), Validity::kValid);
  EXPECT_EQ(check_aws_access_key_id("AKIA0000000000000000"), Validity::kInvalid);  // 0 not base32
  EXPECT_EQ(check_aws_access_key_id("AKIA" + b32 + "A"), Validity::kInvalid);
  EXPECT_EQ(check_aws_access_key_id("AIDA" + b32), Validity::kUnknown);
}

TEST(SlackToken, Structure) {
  std::mt19937 rng(9);
  const std::string digits = "0123456789";
  const std::string bot = "xoxb-" + random_string(rng, digits, 12) + "-" +
                          random_string(rng, digits, 13) + "-" + random_string(rng, kAlnum, 24);
  EXPECT_EQ(check_slack_token(bot), Validity::kValid);
  const std::string user = "xoxp-" + random_string(rng, digits, 12) + "-" +
                           random_string(rng, digits, 12) + "-" + random_string(rng, digits, 12) +
                           "-" + random_string(rng, "0123456789abcdef", 32);
  EXPECT_EQ(check_slack_token(user), Validity::kValid);
  const std::string app = "xapp-1-A" + random_string(rng, "ABCDEFGHJK0123456789", 10) + "-" +
                          random_string(rng, digits, 13) + "-" +
                          random_string(rng, "0123456789abcdef", 64);
  EXPECT_EQ(check_slack_token(app), Validity::kValid);
  EXPECT_EQ(check_slack_token("xoxb-your-token-here"), Validity::kInvalid);
  EXPECT_EQ(check_slack_token("xoxp-1-2-3-nothex"), Validity::kInvalid);
  EXPECT_EQ(check_slack_token("xoxe.xoxp-1-abcdef"), Validity::kUnknown);
}

TEST(ValidatorRegistry, EveryValidatorIsFoundByName) {
  for (const std::string_view name :
       {"github-checksum", "private-key", "jwt", "aws-access-key-id", "slack-token"}) {
    const Validator* v = find_validator(name);
    ASSERT_NE(v, nullptr) << name;
    EXPECT_EQ(v->name, name);
    EXPECT_FALSE(v->description.empty());
    EXPECT_EQ(v->check(""), v->check(""));  // callable, deterministic, no crash on empty
  }
  EXPECT_EQ(find_validator("nope"), nullptr);
  EXPECT_EQ(find_validator("github-checksum")->check("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"),
            Validity::kValid);
}

}  // namespace
}  // namespace sw::secrets
