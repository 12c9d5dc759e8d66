// SPDX-License-Identifier: Apache-2.0
// Private key files, classified by their content (never by their name), and the private keys
// found in each selected home's ~/.ssh.
//
// Formats understood (classify_private_key):
// - OpenSSH ("-----BEGIN OPENSSH PRIVATE KEY-----", PROTOCOL.key in the OpenSSH sources): base64
//   of "openssh-key-v1\0", string ciphername, string kdfname, string kdfoptions, uint32 nkeys,
//   nkeys public key blobs, then the (possibly encrypted) private section. Ciphername "none" means
//   the key has no passphrase. The public blob is never encrypted, so type and size are known
//   even for protected keys.
// - Legacy PEM ("-----BEGIN RSA|DSA|EC PRIVATE KEY-----"): encrypted only with a
//   "Proc-Type: 4,ENCRYPTED" header (RFC 1421), whose DEK-Info names the cipher.
// - PKCS#8 (RFC 5208/5958): "BEGIN PRIVATE KEY" is unencrypted, "BEGIN ENCRYPTED PRIVATE KEY"
//   is encrypted. The algorithm comes from the AlgorithmIdentifier OID.
// - PuTTY .ppk v2/v3 ("PuTTY-User-Key-File-N: TYPE", "Encryption: none|aes256-cbc").
// Sizes: RSA and DSA by the bit length of the modulus / prime p, ECDSA by the curve, Ed25519 256.
// Every length read from the input is bounds-checked; malformed input gives `problem` set.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/host.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

enum class KeyFormat { kOpenSsh, kPem, kPkcs8, kPutty };
enum class KeyProtection { kNone, kPassphrase, kUnknown };

struct PrivateKeyInfo {
  KeyFormat format = KeyFormat::kOpenSsh;
  KeyProtection protection = KeyProtection::kUnknown;
  std::string type = {};    // SSH name: "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ssh-dss",
                            // "sk-ssh-ed25519@openssh.com", ...; empty when unknown
  int bits = 0;             // 0 when unknown
  std::string cipher = {};  // "none", "aes256-ctr", "AES-128-CBC", ...; empty when unknown
  int line = 1;             // line of the BEGIN marker (or PuTTY header)
  std::string problem = {};  // why the content could not be fully parsed; empty when it could
};

std::string_view key_format_name(KeyFormat f);  // "OpenSSH", "PEM", "PKCS#8", "PuTTY"

// The first private key in `content`, or nullopt when the content holds none.
std::optional<PrivateKeyInfo> classify_private_key(std::string_view content);

struct PublicKeyInfo {
  std::string type = {};
  int bits = 0;
};
// An SSH public key blob (RFC 4253 section 6.6 and successors): string type, then its fields.
std::optional<PublicKeyInfo> parse_public_key_blob(std::span<const uint8_t> blob);
// One line of a .pub / authorized_keys file: "TYPE BASE64 [comment]".
std::optional<PublicKeyInfo> parse_public_key_line(std::string_view line);

// Standard base64 (RFC 4648), whitespace ignored, '=' padding optional; nullopt on bad input.
std::optional<std::vector<uint8_t>> base64_decode(std::string_view text);

// Why the key is weak ("DSA key", "RSA key of 1024 bits"), or empty when it is not (or unknown).
std::string weak_key_reason(const PublicKeyInfo& key);

// One private key file in a ~/.ssh directory.
struct SshKeyFile {
  std::string path = {};
  bool symlink = false;
  FileStat st = {};
  PrivateKeyInfo info = {};
  std::string size_from =
      {};  // where type/bits came from when not from the key itself ("FILE.pub")
};

struct SshDir {
  size_t home = 0;        // index into Homes::homes
  std::string path = {};  // "/home/alice/.ssh"
  bool symlink = false;
  FileStat st = {};
  std::vector<SshKeyFile> keys = {};
  std::vector<Error> errors = {};  // entries that could not be read or classified
};

struct SshKeys {
  std::vector<SshDir> dirs = {};   // only homes that have a ~/.ssh directory
  std::vector<Error> errors = {};  // ~/.ssh directories that could not be listed
  static Result<SshKeys> load(ScanContext& ctx);
};

}  // namespace sw::scan
