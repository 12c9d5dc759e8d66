// SPDX-License-Identifier: Apache-2.0
// Fuzzes the hand-written Authentication-Results parser (parse_authres, parse_arc_authres), the
// trust rule (summarize_auth) over several such headers with and without trusted ARC sealers, and
// the sender detectors' display-name scan and domain checks (libpsl, ICU uspoof through
// UrlAnalyzer), the DKIM key-file reader and libopendkim's verification of the bytes as a message,
// with the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "phish/analyzer.h"
#include "phish/authres.h"
#include "phish/dkim.h"
#include "phish/message.h"
#include "phish/sender.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sw::phish;
  static const UrlAnalyzer urls{UrlOptions{}};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)parse_authres(text);
  (void)parse_arc_authres(text);

  // Lines become Authentication-Results headers (topmost first); the first line is also the
  // From display name and the second the From/Reply-To address.
  Message m;
  std::string_view rest = text;
  for (int idx = 0; idx < 8 && !rest.empty(); ++idx) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    const char* name = idx % 4 == 2   ? "ARC-Authentication-Results"
                       : idx % 4 == 3 ? "ARC-Seal"
                                      : "Authentication-Results";
    m.headers.push_back({name, std::string(line)});
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  Mailbox from;
  from.display_name = m.headers.empty() ? std::string() : m.headers[0].value;
  if (m.headers.size() > 1) {
    from.address = m.headers[1].value;
    size_t at = from.address.rfind('@');
    from.domain = at == std::string::npos ? from.address : from.address.substr(at + 1);
  }
  m.from.push_back(from);
  m.reply_to.push_back(from);
  m.return_path = from.address;
  (void)summarize_auth(m, {});
  (void)parse_arc_seal_tags(text);
  // With trusted ARC sealers: the ARC-Seal / ARC-Authentication-Results pairing.
  SenderOptions arc;
  arc.auth.trusted_arc_sealers = {"x.org", "lists.example.org"};
  (void)summarize_auth(m, arc.auth);
  (void)check_sender(m, urls, arc);
  (void)check_sender(m, urls, SenderOptions{});
  (void)names_in_display_name(text);
  static const DkimKeys no_keys;
  (void)verify_dkim(text, DkimKeys::parse(text).size() > 0 ? DkimKeys::parse(text) : no_keys);
  return 0;
}
