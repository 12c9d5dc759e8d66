// SPDX-License-Identifier: Apache-2.0
// EmailAnalyzer: one e-mail (message.h) through every detector — sender authentication
// (authres.h), sender identity and alignment (sender.h), links in the HTML and text bodies
// (html.h, links.h, the URL detectors of analyzer.h), attachments by content (attachment.h), lure
// language (lure.h), MIME anomalies and known-bad feeds — summed into a Verdict (verdict.h) with
// every reason in plain words. Attached messages (message/rfc822, e.g. a forwarded phish) are
// analysed too and their reasons folded in. Nothing here opens a link, renders, executes or
// touches the network.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "phish/feed.h"
#include "phish/message.h"
#include "phish/verdict.h"

namespace sw::phish {

// What a deployment tells the analyser ([phish] in shieldwall.toml, or the command line).
struct EmailSettings {
  std::vector<std::string> trusted_authserv_ids;  // empty: trust the topmost receiver's own
  std::vector<std::string> trusted_arc_sealers;   // forwarders whose ARC seals count (d=)
  std::vector<std::string> protected_domains;     // added to the built-in brand list
  std::vector<std::string> own_domains;           // the organization's mail domains
  std::vector<ProtectedPerson> protected_people;
  UrlFeed blocklist;      // known-bad URLs and hosts
  std::string dkim_keys;  // file of "selector._domainkey.domain TXT" records; "" = no DKIM check
  Thresholds thresholds;  // e-mail verdicts
  Thresholds url_thresholds{20, 45};  // URL-only verdicts (fewer detectors can fire)
  MessageLimits limits;
};

class EmailAnalyzer {
 public:
  explicit EmailAnalyzer(EmailSettings settings);
  ~EmailAnalyzer();
  EmailAnalyzer(const EmailAnalyzer&) = delete;
  EmailAnalyzer& operator=(const EmailAnalyzer&) = delete;

  // `raw` is the message's bytes when available (DKIM verification needs them), else empty.
  Verdict analyze(const Message& message, std::string_view raw = {}) const;

  // One URL alone (the URL detectors and the feeds), on the same scale and thresholds.
  Verdict analyze_url(std::string_view url) const;

  const EmailSettings& settings() const;
  // Problems met while setting up (a DKIM key file that could not be read, bad key lines).
  const std::vector<std::string>& setup_notes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sw::phish
