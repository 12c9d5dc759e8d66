// SPDX-License-Identifier: Apache-2.0
#include "secrets/validators.h"

#include <array>

#include "secrets/validators/aws_access_key_id.h"
#include "secrets/validators/github_checksum.h"
#include "secrets/validators/jwt.h"
#include "secrets/validators/private_key.h"
#include "secrets/validators/slack_token.h"

namespace sw::secrets {
namespace {

// The registry: one line per validator (validators are declared in validators/*.h).
constexpr std::array<Validator, 5> kValidators{{
    {"github-checksum", "GitHub token: the CRC-32 checksum in its last 6 characters holds",
     check_github_token},
    {"private-key", "PEM or OpenSSH private key block that parses (OpenSSL 3 / openssh-key-v1)",
     check_private_key},
    {"jwt", "JSON Web Token: base64url header with \"alg\", JSON payload, signature part",
     check_jwt},
    {"aws-access-key-id", "AWS access key id: known prefix, 16 base32 characters",
     check_aws_access_key_id},
    {"slack-token", "Slack bot, user or app token with its documented dash-separated parts",
     check_slack_token},
}};

}  // namespace

const Validator* find_validator(std::string_view name) {
  for (const Validator& v : kValidators) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

}  // namespace sw::secrets
