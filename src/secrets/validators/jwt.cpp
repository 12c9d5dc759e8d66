// SPDX-License-Identifier: Apache-2.0
// JWT structure validator (see jwt.h).
#include "secrets/validators/jwt.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "core/base64.h"

namespace sw::secrets {
namespace {

constexpr std::size_t kMaxToken = 64 * 1024;

// nlohmann's non-throwing parse: a discarded value on error (exceptions off for this call).
nlohmann::json parse_json(const std::string& text) {
  try {
    return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  } catch (...) {
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
}

}  // namespace

Validity check_jwt(std::string_view token) {
  if (token.size() > kMaxToken) return Validity::kUnknown;
  const auto dots = std::count(token.begin(), token.end(), '.');
  if (dots == 4) return Validity::kUnknown;  // JWE compact serialization
  if (dots != 2) return Validity::kInvalid;
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  const std::string_view header_b64 = token.substr(0, first);
  const std::string_view payload_b64 = token.substr(first + 1, second - first - 1);
  const std::string_view signature_b64 = token.substr(second + 1);
  if (header_b64.empty() || payload_b64.empty()) return Validity::kInvalid;
  const auto header = base64_decode_url(header_b64);
  const auto payload = base64_decode_url(payload_b64);
  const auto signature = base64_decode_url(signature_b64);
  if (!header || !payload || !signature) return Validity::kInvalid;
  const nlohmann::json h = parse_json(*header);
  if (!h.is_object()) return Validity::kInvalid;
  const auto alg = h.find("alg");
  if (alg == h.end() || !alg->is_string()) return Validity::kInvalid;
  if (parse_json(*payload).is_discarded()) return Validity::kInvalid;
  std::string alg_name = alg->get<std::string>();
  std::transform(alg_name.begin(), alg_name.end(), alg_name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (signature->empty() && alg_name != "none") return Validity::kInvalid;
  return Validity::kValid;
}

}  // namespace sw::secrets
