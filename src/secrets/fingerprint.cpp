// SPDX-License-Identifier: Apache-2.0
#include "secrets/fingerprint.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/finding.h"
#include "secrets/redact.h"

namespace sw::secrets {

std::string normalize_path(std::string_view path) {
  std::string out(path);
  std::replace(out.begin(), out.end(), '\\', '/');
  size_t start = 0;
  while (out.compare(start, 2, "./") == 0) {
    start += 2;
    while (start < out.size() && out[start] == '/') ++start;
  }
  return out.substr(start);
}

std::string secret_fingerprint(std::string_view rule_id, std::string_view secret,
                               std::string_view path) {
  std::string subject = normalize_path(path);
  subject.push_back('\0');
  subject += sha256_hex(secret);
  return sw::fingerprint("", fmt::format("secrets.{}", rule_id), subject);
}

std::string secret_fingerprint(const SecretMatch& match) {
  return secret_fingerprint(match.rule_id, match.secret, match.path);
}

std::string gitleaks_global_fingerprint(const SecretMatch& match) {
  return fmt::format("{}:{}:{}", match.path, match.rule_id, match.start_line);
}

std::string gitleaks_fingerprint(const SecretMatch& match) {
  if (match.commit.empty()) return gitleaks_global_fingerprint(match);
  return fmt::format("{}:{}:{}:{}", match.commit, match.path, match.rule_id, match.start_line);
}

}  // namespace sw::secrets
