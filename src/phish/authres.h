// SPDX-License-Identifier: Apache-2.0
// Authentication-Results (RFC 8601) and ARC-Authentication-Results (RFC 8617) parsing, and the
// trust rule that decides which of a message's results count (RFC 8601 sections 5 and 7).
//
// Written by hand: no Debian library exposes an Authentication-Results parser (OpenDMARC and
// OpenDKIM keep theirs internal to the milters, SpamAssassin's is Perl), and GMime only unfolds
// the header. The parser is a small tokenizer over the RFC 8601 grammar: CFWS comments (nested,
// with quoted-pairs), quoted strings, the optional version, "none", method[/version]=result,
// reason=, ptype.property=value. It also takes what real receivers write outside the grammar:
// Microsoft's header without an authserv-id ("spf=pass (sender IP is 1.2.3.4)
// smtp.mailfrom=x.com; ...;compauth=fail reason=001"), bare "action=none" properties, and
// "reason (comment) = value". Junk is skipped to the next ';' and noted in `problems`, never a
// crash; the limits below bound the work.
//
// Trust: an Authentication-Results header is only as honest as whoever added it, and anyone can
// write one into a message before sending it. Only results whose authserv-id the deployment names
// count; with none named, only the topmost header's authserv-id (the receiving server's own,
// added last) counts — for Microsoft's id-less form, only the topmost id-less header. The rest is
// ignored and reported; an ignored header claiming "pass" is itself worth telling the reader
// about. A receiver that does not strip headers carrying its own id (RFC 8601 section 5 says it
// must) cannot be protected against here.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "phish/message.h"

namespace sw::phish {

// Bounds on hostile headers (each, when hit, is noted in `problems` / `notes`).
inline constexpr size_t kMaxAuthResBytes = 16 * 1024;  // longer header values are cut here
inline constexpr size_t kMaxAuthResResults = 64;       // results kept per header
inline constexpr size_t kMaxAuthResProperties = 32;    // properties kept per result
inline constexpr size_t kMaxAuthResHeaders = 64;       // AR headers examined per message

struct AuthResult {
  std::string method;   // lower-cased: "spf", "dkim", "dmarc", "arc", "compauth", ...
  std::string version;  // method version when written ("dkim/1" -> "1"), else ""
  std::string result;   // lower-cased: "pass", "fail", "softfail", "none", "bestguesspass", ...
  std::string reason;   // the reason= value (quotes removed), "" when none
  std::string comment;  // the first comment after the result ("p=reject dis=none"), "" when none
  // "smtp.mailfrom" -> "x.com", "header.d" -> "x.com", "action" -> "none" (keys lower-cased,
  // values as written, quotes removed).
  std::map<std::string, std::string> properties;

  // The property's value, "" when absent.
  std::string property(std::string_view key) const;
};

struct AuthResHeader {
  std::string authserv_id;  // lower-cased; "" for Microsoft's id-less form
  std::string version;      // authres-version when written ("1"), else ""
  int arc_instance = 0;     // ARC-Authentication-Results "i=N"; 0 otherwise
  bool no_result = false;   // "authserv-id; none"
  std::vector<AuthResult> results;
  std::vector<std::string> problems;  // junk skipped, limits hit (plain words)
};

// Parses one Authentication-Results value (unfolded, without the field name). Errors
// (Errc::kParse) when nothing usable is in it: empty, no authserv-id and no result. Anything less
// broken comes back partial, with `problems` saying what was skipped.
Result<AuthResHeader> parse_authres(std::string_view value);

// Parses one ARC-Authentication-Results value: "i=N;" then an Authentication-Results value.
// Errors when the instance tag is missing or not 1..50, or as parse_authres().
Result<AuthResHeader> parse_arc_authres(std::string_view value);

struct AuthOptions {
  // authserv-ids of the deployment's own receivers (case-insensitive). Empty: trust the topmost
  // header's authserv-id (or, for an id-less topmost header, that header only).
  std::vector<std::string> trusted_authserv_ids;
  // With trusted ids named, also trust the topmost id-less header (Exchange Online / Microsoft
  // 365 writes its results without an authserv-id).
  bool trust_idless = false;
  // Forwarders whose ARC seals (RFC 8617) the deployment trusts, by the ARC-Seal d= domain
  // (a mailing list's, a forwarding service's): what they saw on receipt may stand in for a
  // DMARC check that forwarding broke, as Microsoft 365's "trusted ARC sealers" and Gmail do.
  std::vector<std::string> trusted_arc_sealers;
};

struct DkimAuth {
  std::string domain;  // header.d, or the domain of header.i when d is missing; lower-cased
  std::string result;  // "pass", "fail", "none", "neutral", "policy", "temperror", "permerror"
  std::string reason;  // reason= or the comment ("signature did not verify")
};

// A header the trust rule set aside that claims a passing result.
struct UntrustedPass {
  std::string authserv_id;  // "" for an id-less header
  std::string method;       // "dmarc", "dkim", "spf", "arc", "compauth"
  std::string domain;       // the domain it vouches for (header.from, header.d, smtp.mailfrom)
};

struct AuthSummary {
  bool present = false;     // at least one trusted header was found
  std::string authserv_id;  // the trusted id used ("" for Microsoft's id-less header)
  bool idless = false;      // the trusted results came from an id-less header

  // The first trusted result of each method; "" when the method was not reported.
  std::string spf;             // "pass", "fail", "softfail", "neutral", "none", "temperror", ...
  std::string spf_domain;      // smtp.mailfrom (the domain part), else smtp.helo
  std::vector<DkimAuth> dkim;  // every trusted dkim= result, in order
  std::string dmarc;           // "pass", "fail", "none", "bestguesspass", ...
  std::string dmarc_from;      // header.from
  std::string dmarc_policy;    // p= from the comment or policy.dmarc ("reject", "quarantine",
                               // "none"), "" when not said
  std::string dmarc_action;    // Microsoft's action= ("none", "quarantine", "oreject", ...)
  std::string arc;             // arc= result
  // A trusted ARC sealer (AuthOptions::trusted_arc_sealers) whose own ARC-Authentication-Results
  // say DMARC passed for the From domain when it received the message, while the trusted
  // receiver verified the ARC chain (arc=pass); "" otherwise.
  std::string arc_vouched_by;
  std::string compauth;         // Microsoft's composite verdict: "pass", "fail", "softfail", "none"
  std::string compauth_reason;  // its reason code ("001")

  size_t ignored_headers = 0;            // AR headers set aside by the trust rule (or unparseable)
  std::vector<std::string> ignored_ids;  // their authserv-ids, de-duplicated
  std::vector<UntrustedPass> untrusted_pass;  // passes claimed by ignored headers
  std::vector<std::string> notes;             // limits hit, unparseable headers
};

// Applies the trust rule to the message's Authentication-Results headers (in header order,
// topmost first) and summarizes the trusted results; with trusted ARC sealers, also reads the
// ARC-Seal and ARC-Authentication-Results headers for arc_vouched_by. ARC-Authentication-Results
// and Authentication-Results-Original are not trusted results (intermediaries wrote them).
AuthSummary summarize_auth(const Message& message, const AuthOptions& options = {});

// The d= and i= of an ARC-Seal value ("i=1; a=rsa-sha256; cv=none; d=lists.example.org; ...");
// d lower-cased, "" / 0 when missing or malformed.
struct ArcSealTags {
  int instance = 0;
  std::string domain;
};
ArcSealTags parse_arc_seal_tags(std::string_view value);

// The domain part of an address-ish value: "user@x.com" -> "x.com", "@x.com" -> "x.com",
// "x.com" -> "x.com"; lower-cased, surrounding <> and a trailing dot removed.
std::string auth_domain(std::string_view value);

}  // namespace sw::phish
