// SPDX-License-Identifier: Apache-2.0
// Offline check of a JSON Web Token's structure (RFC 7519 over RFC 7515's compact serialization):
// three base64url parts (RFC 4648 section 5, no padding) joined by '.', a header that decodes to
// a JSON object with a string "alg" member, a payload that decodes to JSON, and a signature part
// that is base64url (empty only for "alg": "none", which is still a token: an unsigned one
// replayed against a lax verifier). kInvalid when any of that fails: most look-alikes (dotted
// identifiers starting "ey") fail here. Five-part JWE tokens are kUnknown. JSON is nlohmann's.
#pragma once

#include <string_view>

#include "secrets/validators.h"

namespace sw::secrets {

Validity check_jwt(std::string_view token);

}  // namespace sw::secrets
