// SPDX-License-Identifier: Apache-2.0
// Online breach check through the Pwned Passwords range API (k-anonymity): only the first 5 hex
// digits of the password's hash are sent; the server answers with every known suffix of that range
// and the comparison happens here, so neither the password nor its full hash leaves the machine.
// Requests ask for padding (`Add-Padding: true`, random entries with count 0 so the response size
// does not reveal the range); those entries are ignored. NTLM ranges use `?mode=ntlm`.
// Network access happens only when the caller asks (DESIGN.md: no network except explicit
// lookups). Not thread-safe: one client per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "password/breach/hash.h"

namespace sw::password {

struct PwnedApiOptions {
  std::string base_url = "https://api.pwnedpasswords.com/range/";
  long timeout_ms = 10000;
  std::string user_agent = "shieldwall";
  bool allow_http = false;  // plain http:// only when set (tests against a loopback server)
  HashKind kind = HashKind::kSha1;
};

class PwnedRangeClient {
 public:
  explicit PwnedRangeClient(PwnedApiOptions options);

  // How often the password was seen in breaches; 0 when its hash is not in the range. An error
  // for a refused URL, a network failure, a non-200 answer or a body that is not a range response.
  Result<std::uint64_t> count(std::string_view password);
  Result<std::uint64_t> count_digest(const Digest& digest);
  std::uint64_t requests_made() const { return requests_; }

 private:
  PwnedApiOptions options_;
  std::uint64_t requests_ = 0;
};

struct RangeResponse {
  std::uint64_t count = 0;    // of the wanted suffix, 0 when absent
  std::uint64_t entries = 0;  // well-formed lines with count > 0
  std::uint64_t padding = 0;  // well-formed lines with count 0
  std::uint64_t bad_lines = 0;
};

// Looks `suffix_hex` (the hash hex after the 5-digit prefix, either case) up in a range body of
// "SUFFIX:COUNT" lines (LF or CRLF). Malformed lines are counted, not fatal; a body without a
// single good line (an HTML error page, say) is a kParse error.
Result<RangeResponse> parse_range_response(std::string_view body, std::string_view suffix_hex,
                                           HashKind kind);

}  // namespace sw::password
