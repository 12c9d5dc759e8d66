// SPDX-License-Identifier: Apache-2.0
// Offline validators: checks a secret's own format allows without asking anyone (never a network
// call: verification that sends a secret to a third party is what users of trufflehog complain
// about). A rule names its validator (`validate = "NAME"` in our TOML); the engine runs it on each
// match and records the verdict. Adding one is a function plus one line in the table
// (validators.cpp).
#pragma once

#include <string_view>

namespace sw::secrets {

enum class Validity {
  kUnknown,  // the validator cannot tell
  kValid,    // well-formed: the checksum holds, the key parses, the JWT has a header and payload
  kInvalid,  // fails the format's own check: most likely an example, a typo or a decoy
};

struct Validator {
  std::string_view name;
  std::string_view description;
  Validity (*check)(std::string_view secret);
};

// nullptr when no validator has this name.
const Validator* find_validator(std::string_view name);

}  // namespace sw::secrets
