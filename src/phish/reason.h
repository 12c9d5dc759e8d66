// SPDX-License-Identifier: Apache-2.0
// Reason: what one phishing detector found, the points it adds to the verdict, the plain-words
// explanation for the person who received the message, and the follow-ups it routes to the
// party who can act on it (the recipient, the mail administrator, the organization).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sw::phish {

enum class Party {
  kRecipient,     // the person: don't click, don't open, report it
  kMailAdmin,     // whoever runs the mail domain: DMARC, filtering rules, quarantine
  kOrganization,  // security / IT: block a lookalike domain, a sender, a URL at the proxy
};

inline std::string_view party_name(Party p) {
  switch (p) {
    case Party::kRecipient:
      return "recipient";
    case Party::kMailAdmin:
      return "mail-admin";
    case Party::kOrganization:
      return "organization";
  }
  return "recipient";
}

struct FollowUp {
  Party party = Party::kRecipient;
  std::string
      action;  // imperative, plain words: "Block the domain paypa1-secure.xyz at the mail gateway."
};

struct Reason {
  std::string detector;  // stable id, e.g. "lookalike", "dmarc_fail", "link_text_mismatch"
  int points = 0;        // added to the score; 0 = informational (shown, does not count)
  std::string text;      // plain words for a non-expert, naming the domains/values involved
  std::vector<FollowUp> follow_ups;
};

}  // namespace sw::phish
