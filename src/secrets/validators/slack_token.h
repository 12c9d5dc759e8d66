// SPDX-License-Identifier: Apache-2.0
// Offline check of a Slack token's structure (Slack API docs, "Token types"): dash-separated
// parts after the type prefix. Bot tokens: xoxb-TEAM-BOT-SECRET; user tokens:
// xoxp-TEAM-USER-ID-SECRET; app-level tokens: xapp-1-APPID-NUMBER-SECRET. The numeric parts are
// decimal ids, the app id is upper-case alphanumeric starting with 'A', and the secret part is
// alphanumeric (24 or more for bot tokens, 32 hex for user tokens, 64 hex for app tokens).
// kValid when a token of these kinds has that structure, kInvalid when it has the prefix but not
// the structure ("xoxb-your-token-here"), kUnknown for the other kinds (xoxa, xoxr, xoxe, xoxs):
// Slack changes those and documents their parts less.
#pragma once

#include <string_view>

#include "secrets/validators.h"

namespace sw::secrets {

Validity check_slack_token(std::string_view token);

}  // namespace sw::secrets
