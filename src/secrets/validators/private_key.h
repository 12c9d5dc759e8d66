// SPDX-License-Identifier: Apache-2.0
// Offline check that a private key block found in text is a real key: it parses.
//
// - PEM (RFC 7468) blocks, legacy ("RSA/DSA/EC PRIVATE KEY", PKCS#1 / SEC 1), PKCS#8 ("PRIVATE
//   KEY") and encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY"), are read by OpenSSL 3 (PEM_read_bio,
//   then d2i_AutoPrivateKey, or d2i_X509_SIG for the encrypted form).
// - A legacy PEM block with "Proc-Type: 4,ENCRYPTED" (RFC 1421) cannot be parsed without its
//   passphrase: it is valid when OpenSSL reads the block and the DEK-Info header is present.
// - OpenSSH's own format ("OPENSSH PRIVATE KEY", PROTOCOL.key in the OpenSSH sources), which
//   OpenSSL does not read, is checked here by hand: the "openssh-key-v1\0" magic, the cipher,
//   KDF and public key fields with their lengths, and for an unencrypted key the two equal
//   check integers that open the private section.
//
// Encrypted keys are kValid: the block is a real key and a leaked one is still a leak (an
// offline passphrase guess away from use). inspect_private_key() says which ones are encrypted,
// so a caller can lower their severity.
//
// Text found in files is often escaped: JSON strings ("\n", "\/", as in GCP service-account
// files), indented YAML blocks, trailing spaces. Those are undone before parsing. Anything that
// is not a PEM/OpenSSH block (PuTTY, PGP armour, SSH2) is kUnknown. A block cut short (no END
// line, a "..." in the body) is kInvalid: documentation shows keys that way.
#pragma once

#include <string>
#include <string_view>

#include "secrets/validators.h"

namespace sw::secrets {

struct PrivateKeyCheck {
  Validity validity = Validity::kUnknown;
  bool encrypted = false;  // meaningful only when validity is kValid
  std::string label;       // the PEM label: "RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", ...
};

PrivateKeyCheck inspect_private_key(std::string_view text);

Validity check_private_key(std::string_view text);

}  // namespace sw::secrets
