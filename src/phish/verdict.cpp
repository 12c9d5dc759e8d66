// SPDX-License-Identifier: Apache-2.0
// The verdict arithmetic and its renderings (see verdict.h). Everything shown comes from the
// message (subject, names, domains), so the text output removes control characters (a subject can
// carry terminal escape sequences) and the HTML output escapes everything and links nothing.
#include "phish/verdict.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/html_escape.h"

namespace sw::phish {
namespace {

// Control characters (C0, DEL, C1 in UTF-8) become spaces: attacker text must not drive the
// terminal. Other bytes pass (UTF-8 stays intact).
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      out += ' ';
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) < 0xa0) {
      out += ' ';
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string_view default_recipient_action(const std::string& verdict) {
  if (verdict == "phishing") {
    return "Do not click its links, open its attachments or reply. Report it (your mail "
           "program's \"Report phishing\" button, or your IT or security team), then delete it.";
  }
  if (verdict == "suspicious") {
    return "Be careful: before you click or open anything, check with the sender through a "
           "channel you already know (a number or address you have, not one in this message).";
  }
  return {};
}

std::string_view headline(const std::string& verdict) {
  if (verdict == "phishing") return "PHISHING";
  if (verdict == "suspicious") return "SUSPICIOUS";
  if (verdict == "legitimate") return "LOOKS LEGITIMATE";
  return "NOT ANALYSED";
}

std::string_view party_title(Party p) {
  switch (p) {
    case Party::kRecipient:
      return "You";
    case Party::kMailAdmin:
      return "Your mail administrator";
    case Party::kOrganization:
      return "Your organization's security team";
  }
  return "You";
}

constexpr Party kParties[] = {Party::kRecipient, Party::kMailAdmin, Party::kOrganization};

}  // namespace

std::string verdict_for(int score, const Thresholds& t) {
  if (score >= t.phishing_at) return "phishing";
  if (score >= t.suspicious_at) return "suspicious";
  return "legitimate";
}

void finalize(Verdict& v, const Thresholds& t) {
  // Detectors write their explanations as clauses; shown, each one starts a sentence.
  for (auto& r : v.reasons) {
    if (!r.text.empty() && r.text[0] >= 'a' && r.text[0] <= 'z') {
      r.text[0] = static_cast<char>(r.text[0] - 'a' + 'A');
    }
  }
  std::stable_sort(v.reasons.begin(), v.reasons.end(), [](const Reason& a, const Reason& b) {
    if (a.points != b.points) return a.points > b.points;
    if (a.detector != b.detector) return a.detector < b.detector;
    return a.text < b.text;
  });
  int score = 0;
  for (const auto& r : v.reasons) score += r.points;
  v.score = std::max(score, 0);
  if (v.verdict != "error") v.verdict = verdict_for(v.score, t);
}

std::vector<std::string> follow_ups_for(const Verdict& v, Party party) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  if (party == Party::kRecipient) {
    auto d = default_recipient_action(v.verdict);
    if (!d.empty()) {
      out.emplace_back(d);
      seen.emplace(d);
    }
  }
  // Only the reasons that count: a legitimate verdict routes nothing.
  if (v.verdict == "legitimate" || v.verdict == "error") return out;
  // The person gets the few most important steps (the strongest reasons' first), not every
  // detector's variant of "do not click".
  const size_t max_actions = party == Party::kRecipient ? 3 : 8;
  for (const auto& r : v.reasons) {
    if (r.points <= 0) continue;
    for (const auto& f : r.follow_ups) {
      if (out.size() >= max_actions) return out;
      if (f.party == party && seen.insert(f.action).second) out.push_back(f.action);
    }
  }
  return out;
}

nlohmann::json to_json(const Verdict& v) {
  nlohmann::json j;
  j["kind"] = v.kind;
  j[v.kind == "url" ? "url" : "file"] = v.source;
  j["verdict"] = v.verdict;
  j["score"] = v.score;
  if (v.kind == "email") {
    j["from"] = v.from;
    j["subject"] = v.subject;
  }
  auto reasons = nlohmann::json::array();
  for (const auto& r : v.reasons) {
    reasons.push_back({{"detector", r.detector}, {"points", r.points}, {"text", r.text}});
  }
  j["reasons"] = std::move(reasons);
  nlohmann::json follow = nlohmann::json::object();
  for (Party p : kParties) {
    auto actions = follow_ups_for(v, p);
    if (!actions.empty()) follow[std::string(party_name(p))] = actions;
  }
  j["follow_ups"] = std::move(follow);
  j["notes"] = v.notes;
  return j;
}

RunSummary summarize(const std::vector<Verdict>& verdicts) {
  RunSummary s;
  for (const auto& v : verdicts) {
    ++s.analysed;
    if (v.verdict == "phishing") {
      ++s.phishing;
    } else if (v.verdict == "suspicious") {
      ++s.suspicious;
    } else if (v.verdict == "legitimate") {
      ++s.legitimate;
    } else {
      ++s.errors;
    }
  }
  return s;
}

nlohmann::json to_json(const std::vector<Verdict>& verdicts, const std::string& generated) {
  RunSummary s = summarize(verdicts);
  nlohmann::json j;
  j["schema"] = "shieldwall.phish/v1";
  j["generated"] = generated;
  j["summary"] = {{"analysed", s.analysed},
                  {"phishing", s.phishing},
                  {"suspicious", s.suspicious},
                  {"legitimate", s.legitimate},
                  {"errors", s.errors}};
  auto results = nlohmann::json::array();
  for (const auto& v : verdicts) results.push_back(to_json(v));
  j["results"] = std::move(results);
  return j;
}

void write_text(const std::vector<Verdict>& verdicts, std::ostream& out, const TextOptions& o) {
  auto paint = [&](std::string_view code, std::string_view text) {
    return o.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  };
  for (const auto& v : verdicts) {
    std::string_view code = v.verdict == "phishing"     ? "1;31"
                            : v.verdict == "suspicious" ? "1;33"
                            : v.verdict == "legitimate" ? "1;32"
                                                        : "1;35";
    out << paint(code, headline(v.verdict)) << "  " << printable(v.source);
    if (v.verdict != "error") out << "  (score " << v.score << ")";
    out << "\n";
    if (!v.from.empty()) out << "  From:    " << printable(v.from) << "\n";
    if (!v.subject.empty()) out << "  Subject: " << printable(v.subject) << "\n";
    bool show_all = o.verbose || v.verdict != "legitimate";
    std::vector<const Reason*> shown;
    for (const auto& r : v.reasons) {
      if (show_all || r.points >= 10) shown.push_back(&r);
    }
    if (!shown.empty()) {
      out << "  Why:\n";
      for (const Reason* r : shown) {
        out << "    - " << printable(r->text);
        if (r->points != 0) out << " [+" << r->points << "]";
        out << "\n";
      }
    } else if (v.verdict == "legitimate") {
      out << "  No warning signs found. Still: never enter a password on a page reached from a "
             "link you did not expect.\n";
    }
    bool header = false;
    for (Party p : kParties) {
      auto actions = follow_ups_for(v, p);
      if (actions.empty()) continue;
      if (!header) {
        out << "  What to do:\n";
        header = true;
      }
      out << "    " << party_title(p) << ":\n";
      for (const auto& a : actions) out << "      * " << printable(a) << "\n";
    }
    if (o.verbose || v.verdict == "error") {
      for (const auto& n : v.notes) out << "  Note: " << printable(n) << "\n";
    }
    out << "\n";
  }
  RunSummary s = summarize(verdicts);
  out << fmt::format("{} analysed: {} phishing, {} suspicious, {} look legitimate", s.analysed,
                     s.phishing, s.suspicious, s.legitimate);
  if (s.errors > 0) out << fmt::format(", {} could not be analysed", s.errors);
  out << "\n";
}

void write_html(const std::vector<Verdict>& verdicts, std::ostream& out,
                const std::string& generated) {
  RunSummary s = summarize(verdicts);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'unsafe-inline'\"><title>shieldwall phish</title><style>"
         "body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}"
         "section{border:1px solid #ccc;border-radius:6px;padding:1em;margin:1em 0}"
         ".phishing{border-left:8px solid #c62828}.suspicious{border-left:8px solid #f9a825}"
         ".legitimate{border-left:8px solid #2e7d32}.error{border-left:8px solid #6a1b9a}"
         "h2{margin:0 0 .4em;font-size:1.1em}.pts{color:#666;font-size:.85em}"
         "code{word-break:break-all}</style></head><body>\n";
  out << "<h1>Phishing analysis</h1>\n<p>" << html_escape(generated) << " &middot; " << s.analysed
      << " analysed: " << s.phishing << " phishing, " << s.suspicious << " suspicious, "
      << s.legitimate << " look legitimate";
  if (s.errors > 0) out << ", " << s.errors << " could not be analysed";
  out << "</p>\n";
  for (const auto& v : verdicts) {
    out << "<section class=\"" << html_escape(v.verdict) << "\"><h2>" << headline(v.verdict);
    if (v.verdict != "error") out << " <span class=\"pts\">score " << v.score << "</span>";
    out << "</h2><p><code>" << html_escape(v.source) << "</code></p>\n";
    if (!v.from.empty()) out << "<p>From: " << html_escape(v.from) << "</p>\n";
    if (!v.subject.empty()) out << "<p>Subject: " << html_escape(v.subject) << "</p>\n";
    if (!v.reasons.empty()) {
      out << "<h3>Why</h3><ul>\n";
      for (const auto& r : v.reasons) {
        out << "<li>" << html_escape(r.text) << " <span class=\"pts\">+" << r.points << " "
            << html_escape(r.detector) << "</span></li>\n";
      }
      out << "</ul>\n";
    }
    bool header = false;
    for (Party p : kParties) {
      auto actions = follow_ups_for(v, p);
      if (actions.empty()) continue;
      if (!header) {
        out << "<h3>What to do</h3>\n";
        header = true;
      }
      out << "<p><b>" << party_title(p) << "</b></p><ul>\n";
      for (const auto& a : actions) out << "<li>" << html_escape(a) << "</li>\n";
      out << "</ul>\n";
    }
    if (!v.notes.empty()) {
      out << "<details><summary>Notes</summary><ul>\n";
      for (const auto& n : v.notes) out << "<li>" << html_escape(n) << "</li>\n";
      out << "</ul></details>\n";
    }
    out << "</section>\n";
  }
  out << "</body></html>\n";
}

}  // namespace sw::phish
