// SPDX-License-Identifier: Apache-2.0
#include "core/finding.h"

#include <array>
#include <tuple>

#include <fmt/format.h>
#include <openssl/evp.h>

namespace sw {

std::string fingerprint(std::string_view host, std::string_view check, std::string_view subject) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  std::string input;
  input.reserve(host.size() + check.size() + subject.size() + 2);
  input.append(host).push_back('\0');
  input.append(check).push_back('\0');
  input.append(subject);
  EVP_Digest(input.data(), input.size(), md.data(), &len, EVP_sha256(), nullptr);
  std::string out = "SW-";
  for (unsigned int i = 0; i < 8 && i < len; ++i) out += fmt::format("{:02x}", md[i]);
  return out;
}

bool finding_before(const Finding& a, const Finding& b) {
  if (a.risk != b.risk) return a.risk > b.risk;
  if (a.severity != b.severity) return a.severity > b.severity;
  auto ka = a.responsible.key();
  auto kb = b.responsible.key();
  return std::tie(ka, a.check, a.subject, a.id) < std::tie(kb, b.check, b.subject, b.id);
}

}  // namespace sw
