// SPDX-License-Identifier: Apache-2.0
// Redaction: how a secret is shown (DESIGN.md, "never print a secret in full"). A secret becomes
//
//   ghp_…(40 chars, sha256:1a2b3c4d)
//
// a short prefix that tells a person which credential it is (at most 4 characters, never more than
// a quarter of the secret, none below 8 characters; printable ASCII only), its length in
// characters (UTF-8 code points), and the first 8 hex digits of the SHA-256 of its bytes, so that
// two findings of the same secret are recognisably the same and a baseline written redacted can
// still be compared by content (secrets/baseline.h). detect-secrets keeps a full SHA-1 of every
// secret in its baseline and gitleaks' v2 fingerprint is one too: a truncated hash is the
// accepted trade-off, documented in docs/secrets-output.md.
//
// Hand-written: no library redacts; SHA-256 is OpenSSL's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "secrets/engine.h"

namespace sw::secrets {

// Hex SHA-256 of `bytes` (64 lower-case digits).
std::string sha256_hex(std::string_view bytes);

// The redacted form of `secret`. An empty secret (a path-only rule) gives "".
std::string redact(std::string_view secret);

// `text` with every occurrence of `secret` replaced by redact(secret), left to right. If the
// result would still contain the secret (only possible for pathological secrets that contain the
// redaction's own punctuation), the whole text is replaced by redact(secret). An empty secret
// leaves the text as it is.
std::string redact_in(std::string_view text, std::string_view secret);

// A copy of `match` safe to show: `secret` redacted, and every copy of it in `match`, `line`,
// `author`, `email`, `date` and `message` too. Rule id, description, tags and path are kept.
SecretMatch redacted_copy(const SecretMatch& match);

// The parts of a redact() output, read back (for baselines written redacted).
struct RedactedForm {
  std::string prefix;
  size_t length = 0;  // characters
  std::string hash;   // 8 hex digits
};
std::optional<RedactedForm> parse_redacted(std::string_view text);

// Whether `secret` is the one a redacted form describes (prefix, length and short hash agree).
bool redacted_matches(const RedactedForm& form, std::string_view secret);

// Number of UTF-8 code points (bytes that are not continuation bytes).
size_t char_count(std::string_view text);

}  // namespace sw::secrets
