// SPDX-License-Identifier: Apache-2.0
// GitHub token checksum validator (see github_checksum.h for the format and its source).
#include "secrets/validators/github_checksum.h"

#include <array>

#include "secrets/validators/crc32.h"

namespace sw::secrets {
namespace {

constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::size_t kRandomLen = 30;
constexpr std::size_t kChecksumLen = 6;

bool is_base62(std::string_view s) {
  for (const char c : s) {
    if (kBase62.find(c) == std::string_view::npos) return false;
  }
  return true;
}

bool has_classic_prefix(std::string_view s) {
  static constexpr std::array<std::string_view, 5> kPrefixes{"ghp_", "gho_", "ghu_", "ghs_",
                                                             "ghr_"};
  for (const std::string_view p : kPrefixes) {
    if (s.substr(0, p.size()) == p) return true;
  }
  return false;
}

Validity check_fine_grained(std::string_view token) {
  // github_pat_ + 22 characters + '_' + 59 characters.
  constexpr std::string_view kPrefix = "github_pat_";
  const std::string_view rest = token.substr(kPrefix.size());
  if (rest.size() != 22 + 1 + 59 || rest[22] != '_') return Validity::kInvalid;
  if (!is_base62(rest.substr(0, 22))) return Validity::kInvalid;
  for (const char c : rest.substr(23)) {
    if (c != '_' && kBase62.find(c) == std::string_view::npos) return Validity::kInvalid;
  }
  return Validity::kUnknown;
}

}  // namespace

std::string github_token_checksum(std::string_view random) {
  std::uint32_t crc = crc32_ieee(random);
  std::string out(kChecksumLen, '0');
  for (std::size_t i = kChecksumLen; i-- > 0 && crc != 0;) {
    out[i] = kBase62[crc % 62];
    crc /= 62;
  }
  return out;
}

Validity check_github_token(std::string_view secret) {
  if (secret.substr(0, 11) == "github_pat_") return check_fine_grained(secret);
  if (!has_classic_prefix(secret)) return Validity::kUnknown;
  const std::string_view body = secret.substr(4);
  if (!is_base62(body)) return Validity::kInvalid;
  if (secret.substr(0, 4) == "ghr_" && body.size() == 76) return Validity::kUnknown;
  if (body.size() != kRandomLen + kChecksumLen) return Validity::kInvalid;
  return github_token_checksum(body.substr(0, kRandomLen)) == body.substr(kRandomLen)
             ? Validity::kValid
             : Validity::kInvalid;
}

}  // namespace sw::secrets
