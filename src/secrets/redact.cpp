// SPDX-License-Identifier: Apache-2.0
#include "secrets/redact.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <openssl/evp.h>

namespace sw::secrets {
namespace {

constexpr std::string_view kEllipsis = "\u2026";  // …
constexpr size_t kShortHash = 8;
constexpr size_t kMinForPrefix = 8;
constexpr size_t kMaxPrefix = 4;

bool is_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md.data(), &len, EVP_sha256(), nullptr);
  std::string out;
  out.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) out += fmt::format("{:02x}", md[i]);
  return out;
}

size_t char_count(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string redact(std::string_view secret) {
  if (secret.empty()) return {};
  const size_t n = char_count(secret);
  const size_t want = n < kMinForPrefix ? 0 : std::min(kMaxPrefix, n / 4);
  size_t k = 0;
  while (k < want && secret[k] > ' ' && secret[k] < 0x7f) ++k;
  return fmt::format("{}{}({} char{}, sha256:{})", secret.substr(0, k), kEllipsis, n,
                     n == 1 ? "" : "s", sha256_hex(secret).substr(0, kShortHash));
}

std::string redact_in(std::string_view text, std::string_view secret) {
  if (secret.empty()) return std::string(text);
  const std::string replacement = redact(secret);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (size_t hit = text.find(secret); hit != std::string_view::npos;
       hit = text.find(secret, pos)) {
    out.append(text.substr(pos, hit - pos)).append(replacement);
    pos = hit + secret.size();
  }
  out.append(text.substr(pos));
  if (out.find(secret) != std::string::npos) return replacement;
  return out;
}

SecretMatch redacted_copy(const SecretMatch& match) {
  SecretMatch out = match;
  for (std::string* field :
       {&out.match, &out.line, &out.author, &out.email, &out.date, &out.message}) {
    *field = redact_in(*field, match.secret);
  }
  out.secret = redact(match.secret);
  return out;
}

std::optional<RedactedForm> parse_redacted(std::string_view text) {
  const size_t mark = text.find(kEllipsis);
  if (mark == std::string_view::npos || mark > kMaxPrefix) return std::nullopt;
  RedactedForm form;
  form.prefix = std::string(text.substr(0, mark));
  std::string_view rest = text.substr(mark + kEllipsis.size());
  if (rest.empty() || rest.front() != '(') return std::nullopt;
  rest.remove_prefix(1);
  size_t digits = 0;
  while (digits < rest.size() && digits < 12 && rest[digits] >= '0' && rest[digits] <= '9') {
    form.length = form.length * 10 + static_cast<size_t>(rest[digits] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  rest.remove_prefix(digits);
  constexpr std::string_view kMany = " chars, sha256:";
  constexpr std::string_view kOne = " char, sha256:";
  if (rest.starts_with(kMany)) {
    rest.remove_prefix(kMany.size());
  } else if (rest.starts_with(kOne)) {
    rest.remove_prefix(kOne.size());
  } else {
    return std::nullopt;
  }
  if (rest.size() != kShortHash + 1 || rest.back() != ')') return std::nullopt;
  form.hash = std::string(rest.substr(0, kShortHash));
  if (!is_hex(form.hash)) return std::nullopt;
  return form;
}

bool redacted_matches(const RedactedForm& form, std::string_view secret) {
  return secret.starts_with(form.prefix) && char_count(secret) == form.length &&
         sha256_hex(secret).starts_with(form.hash);
}

}  // namespace sw::secrets
