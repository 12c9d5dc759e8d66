// SPDX-License-Identifier: Apache-2.0
// Verdict: the phishing analyser's answer for one message or URL — the sum of the detectors'
// points against two thresholds, the reasons in plain words, and the follow-ups routed to the
// recipient, the mail administrator and the organization — and its three renderings: JSON
// ("shieldwall.phish/v1", docs/phish.md), text written for the person who received the message,
// and one self-contained HTML page (no scripts, no external resources, no live links).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "phish/reason.h"

namespace sw::phish {

struct Thresholds {
  int suspicious_at = 20;  // score >= this: "suspicious"
  int phishing_at = 50;    // score >= this: "phishing"
};

struct Verdict {
  std::string kind = "email";  // "email" or "url"
  std::string source;          // file ("box.mbox:3" for an mbox message) or the URL
  std::string verdict;         // "phishing", "suspicious", "legitimate"; "error" when unreadable
  int score = 0;
  std::string from;                // "Name <address>" of the From header (e-mail only)
  std::string subject;             // decoded subject (e-mail only)
  std::vector<Reason> reasons;     // highest points first, then detector id
  std::vector<std::string> notes;  // what was skipped, cut or could not be checked
};

// "phishing" / "suspicious" / "legitimate" for a score.
std::string verdict_for(int score, const Thresholds& t);

// Sorts the reasons (points desc, then detector, then text), sums the points and sets the verdict.
void finalize(Verdict& v, const Thresholds& t);

// The follow-ups of all reasons for one party, de-duplicated, in reason order.
std::vector<std::string> follow_ups_for(const Verdict& v, Party party);

nlohmann::json to_json(const Verdict& v);

struct RunSummary {
  size_t analysed = 0;
  size_t phishing = 0;
  size_t suspicious = 0;
  size_t legitimate = 0;
  size_t errors = 0;
};
RunSummary summarize(const std::vector<Verdict>& verdicts);

// {"schema":"shieldwall.phish/v1","generated":...,"summary":{...},"results":[...]}
nlohmann::json to_json(const std::vector<Verdict>& verdicts, const std::string& generated);

struct TextOptions {
  bool color = false;
  bool verbose = false;  // also list legitimate messages' minor reasons and the notes
};
void write_text(const std::vector<Verdict>& verdicts, std::ostream& out, const TextOptions& o = {});
void write_html(const std::vector<Verdict>& verdicts, std::ostream& out,
                const std::string& generated);

}  // namespace sw::phish
