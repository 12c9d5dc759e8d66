// SPDX-License-Identifier: Apache-2.0
// Slack token structure (see slack_token.h).
#include "secrets/validators/slack_token.h"

#include <vector>

namespace sw::secrets {
namespace {

std::vector<std::string_view> split_dashes(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (true) {
    const std::size_t dash = s.find('-', pos);
    parts.push_back(
        s.substr(pos, dash == std::string_view::npos ? std::string_view::npos : dash - pos));
    if (dash == std::string_view::npos) break;
    pos = dash + 1;
  }
  return parts;
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_upper_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z'); }

}  // namespace

Validity check_slack_token(std::string_view token) {
  if (token.size() > 512) return Validity::kUnknown;
  const std::vector<std::string_view> p = split_dashes(token);
  const std::string_view kind = p.front();
  if (kind == "xoxb") {
    // xoxb-TEAM-BOT-SECRET (and the older xoxb-BOT-SECRET).
    if (p.size() != 3 && p.size() != 4) return Validity::kInvalid;
    for (std::size_t part_idx = 1; part_idx + 1 < p.size(); ++part_idx) {
      if (!all_of(p[part_idx], is_digit)) return Validity::kInvalid;
    }
    const std::string_view secret = p.back();
    return secret.size() >= 24 && all_of(secret, is_alnum) ? Validity::kValid : Validity::kInvalid;
  }
  if (kind == "xoxp") {
    if (p.size() != 5) return Validity::kInvalid;
    for (std::size_t part_idx = 1; part_idx < 4; ++part_idx) {
      if (!all_of(p[part_idx], is_digit)) return Validity::kInvalid;
    }
    return p[4].size() == 32 && all_of(p[4], is_hex) ? Validity::kValid : Validity::kInvalid;
  }
  if (kind == "xapp") {
    if (p.size() != 5 || p[1] != "1" || p[2].empty() || p[2].front() != 'A' ||
        !all_of(p[2], is_upper_alnum) || !all_of(p[3], is_digit)) {
      return Validity::kInvalid;
    }
    return p[4].size() == 64 && all_of(p[4], is_hex) ? Validity::kValid : Validity::kInvalid;
  }
  return Validity::kUnknown;
}

}  // namespace sw::secrets
