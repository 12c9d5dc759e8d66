// SPDX-License-Identifier: Apache-2.0
// Offline DKIM (RFC 6376) verification of a message's DKIM-Signature headers with libopendkim,
// which does all of the work: signature parsing, canonicalization, body hash, RSA/Ed25519
// verification. What is ours: the key source. Keys never come from DNS here (this tool touches
// the network only behind an explicit online option, and none exists yet); they come from a file
// of "selector._domainkey.domain TXT-record-text" lines, or a directory of such files, read into
// DkimKeys and handed to libopendkim through its key-lookup callback. Reading that file is a
// small hand parse (one record per line; zone-file style quoted strings are joined).
//
// dkim_sign_message() signs with libopendkim too; the tests use it to make fixtures, and it is
// there for anyone building test messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sw::phish {

// Bounds on hostile input (each, when hit, is noted).
inline constexpr size_t kMaxDkimKeyFileBytes = 4u << 20;   // per key file
inline constexpr size_t kMaxDkimKeys = 100000;             // records kept across a key source
inline constexpr size_t kMaxDkimKeyFiles = 10000;          // files read from a key directory
inline constexpr size_t kMaxDkimTxtBytes = 8192;           // one TXT record's text
inline constexpr size_t kMaxDkimSignatures = 16;           // signatures verified per message
inline constexpr size_t kMaxDkimMessageBytes = 64u << 20;  // message bytes fed to libopendkim

// Public keys by "selector._domainkey.domain" (lower-cased), as TXT record text
// ("v=DKIM1; k=rsa; p=MIIB...").
class DkimKeys {
 public:
  // A file of lines "selector._domainkey.domain TXT-text" ('#' comments, blank lines, an optional
  // "IN TXT" between name and text, quoted strings joined) or a directory of such files
  // (regular files, sorted by name; subdirectories are not read). Errors when the path cannot be
  // read; bad lines are skipped and counted in notes().
  static Result<DkimKeys> load(const std::string& path);
  // The same from text (one file's content).
  static DkimKeys parse(std::string_view text);

  void add(std::string_view name, std::string txt);
  // The TXT text for selector._domainkey.domain, or nullptr.
  const std::string* find(std::string_view selector, std::string_view domain) const;
  size_t size() const { return keys_.size(); }
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  void parse_into(std::string_view text, const std::string& origin);
  std::map<std::string, std::string> keys_;
  std::vector<std::string> notes_;
};

enum class DkimStatus { kPass, kFail, kNoKey, kError };
std::string_view dkim_status_name(DkimStatus s);  // "pass", "fail", "no-key", "error"

struct DkimSignatureCheck {
  std::string domain;    // d=
  std::string selector;  // s=
  DkimStatus status = DkimStatus::kError;
  std::string reason;  // libopendkim's words ("signature verification failed",
                       // "body hash mismatch", "no key found"), "" on pass
};

struct DkimReport {
  std::vector<DkimSignatureCheck> signatures;  // in header order; empty: the message is unsigned
  std::vector<std::string> notes;              // limits hit, broken input
};

// Verifies every DKIM-Signature of `raw` (the message's bytes, LF or CRLF line ends) against
// `keys`. Signature age is not judged (x= expiry, t= in the future): archived messages verify as
// they did when delivered, and no verdict depends on today's date. Errors only when libopendkim
// cannot be set up or the message has no header/body separation at all; a broken signature is a
// per-signature kError/kFail, not an error.
Result<DkimReport> verify_dkim(std::string_view raw, const DkimKeys& keys);

struct DkimSignSpec {
  std::string domain;           // d=
  std::string selector;         // s=
  std::string private_key_pem;  // PEM ("-----BEGIN PRIVATE KEY-----...")
  uint64_t sign_time = 0;       // t= (seconds since 1970); 0 = now
  uint64_t ttl = 0;             // x= is t= + ttl; 0 = no x=
};

// The "DKIM-Signature: ..." header line (folded, no trailing CRLF) that signs `raw` with
// relaxed/relaxed rsa-sha256; prepend it (plus CRLF) to the message.
Result<std::string> dkim_sign_message(std::string_view raw, const DkimSignSpec& spec);

}  // namespace sw::phish
