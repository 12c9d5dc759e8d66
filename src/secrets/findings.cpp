// SPDX-License-Identifier: Apache-2.0
#include "secrets/findings.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "secrets/fingerprint.h"
#include "secrets/redact.h"

namespace sw::secrets {
namespace {

constexpr size_t kMaxEvidence = 200;  // bytes of the redacted match shown
constexpr size_t kMaxKind = 60;

enum class Kind { kToken, kPrivateKey, kPassword, kWebhook };

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool has(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

Kind kind_of(const SecretMatch& m) {
  const std::string id = lower(m.rule_id);
  const std::string desc = lower(m.description);
  if (has(id, "webhook") || has(desc, "webhook")) return Kind::kWebhook;
  if (has(id, "private-key") || has(id, "privatekey") || has(id, "pkcs12") || has(id, "ssh-key") ||
      has(desc, "private key")) {
    return Kind::kPrivateKey;
  }
  if (has(id, "password") || has(id, "passwd") || has(id, "connection") || has(id, "-uri") ||
      has(id, "basic-auth") || has(id, "sensitive-url") || has(desc, "password")) {
    return Kind::kPassword;
  }
  return Kind::kToken;
}

std::string default_why(Kind kind) {
  switch (kind) {
    case Kind::kPrivateKey:
      return "A private key lets whoever holds a copy act as its owner: log in, decrypt traffic or "
             "sign in its name. Every clone, fork, backup and CI cache of this file holds a copy.";
    case Kind::kPassword:
      return "This password opens the system it belongs to for anyone who can read the file, its "
             "history or any copy of them.";
    case Kind::kWebhook:
      return "Anyone with this URL can post to the channel or service it feeds, for example to "
             "send convincing phishing messages from a trusted integration.";
    case Kind::kToken:
      break;
  }
  return "Anyone who can read this file, its history or any copy of them can use this credential "
         "as its owner until it is revoked.";
}

std::string default_fix(Kind kind, bool in_history, bool home) {
  std::string rotate;
  switch (kind) {
    case Kind::kPrivateKey:
      rotate =
          "Replace the key pair: generate a new key, install its public half where the old one "
          "was trusted and remove the old one there";
      break;
    case Kind::kPassword:
      rotate = "Change the password on the system it opens";
      break;
    case Kind::kWebhook:
      rotate = "Regenerate the webhook URL at the provider";
      break;
    case Kind::kToken:
      rotate = "Rotate the key at the provider (revoke this one, issue a new one)";
      break;
  }
  if (home) {
    return rotate +
           " if this file was ever shared, synced or backed up; keep it in a password manager or "
           "the system keyring instead of a plain file, or at least make the file private "
           "(chmod 600).";
  }
  if (in_history) {
    return rotate +
           " first: it is in the git history, and a new commit that deletes it leaves it there. "
           "Then remove it from history (git filter-repo), and load it from the environment or a "
           "secret store instead.";
  }
  return rotate +
         ", then remove it from the file and from git history (git filter-repo), and load it from "
         "the environment or a secret store instead.";
}

Severity lowered(Severity s) {
  if (s <= Severity::kLow) return s;
  return static_cast<Severity>(static_cast<int>(s) - 1);
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence, marking the cut with "…".
std::string truncated(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  s += "\u2026";
  return s;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

std::string person(std::string_view name, std::string_view email) {
  if (name.empty()) return std::string(email);
  if (email.empty()) return std::string(name);
  return fmt::format("{} <{}>", name, email);
}

}  // namespace

std::string secret_kind(std::string_view description, std::string_view rule_id) {
  static constexpr std::array<std::string_view, 17> kLead = {
      "uncovered", "identified", "detected", "discovered", "found",    "a",
      "an",        "the",        "possible", "potential",  "pattern",  "that",
      "resembles", "resembling", "may",      "indicate",   "indicates"};
  static constexpr std::array<std::string_view, 17> kCuts = {
      ",",      " which",    " that ",    " posing",  " potentially", " risking",
      " could", " exposing", " enabling", " leading", " allowing",    " may ",
      " might", " risk",     ". ",        " is ",     " detected"};
  std::string_view d = description;
  if (d.ends_with('.')) d.remove_suffix(1);
  // Skip the lead-in words.
  while (!d.empty()) {
    const size_t space = d.find(' ');
    const std::string word = lower(d.substr(0, space));
    if (std::find(kLead.begin(), kLead.end(), word) == kLead.end()) break;
    d = space == std::string_view::npos ? std::string_view{} : d.substr(space + 1);
  }
  size_t cut = d.size();
  for (std::string_view c : kCuts) {
    const size_t at = d.find(c);
    if (at != std::string_view::npos && at > 0) cut = std::min(cut, at);
  }
  std::string kind(d.substr(0, cut));
  if (kind.empty() || kind.size() > kMaxKind) {
    return rule_id.empty() ? std::string("Secret") : fmt::format("Secret ({})", rule_id);
  }
  if (kind[0] >= 'a' && kind[0] <= 'z') kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
  return kind;
}

Finding to_finding(const SecretMatch& m, const Rule* rule, const FindingOptions& options) {
  const std::string& description =
      !m.description.empty() || !rule ? m.description : rule->description;
  const bool in_history = !m.commit.empty();
  const bool home = options.default_role == Role::kUser;
  const Kind kind = kind_of(m);
  auto scrub = [&](std::string_view text) { return redact_in(text, m.secret); };

  Finding f;
  f.id = secret_fingerprint(m);
  f.check = fmt::format("secrets.{}", m.rule_id);
  f.category = "secrets";
  f.host = options.host;
  f.location = Location{m.path, m.start_line};
  const std::string where = m.start_line > 0 ? fmt::format("{}:{}", m.path, m.start_line) : m.path;
  f.title = scrub(fmt::format("{} in {}", secret_kind(description, m.rule_id), where));
  f.subject =
      scrub(in_history ? fmt::format("{} (commit {})", where, m.commit.substr(0, 7)) : where);

  // The rule's severity (the engine copies it into the match; a rule-less match keeps its own),
  // one step lower when the offline validator says the value fails its format's check.
  f.severity = rule ? rule->severity : m.severity;
  double risk_delta = 0.0;
  std::string evidence =
      m.match.empty() || m.match == m.secret ? redact(m.secret) : redact_in(m.match, m.secret);
  evidence = truncated(one_line(std::move(evidence)), kMaxEvidence);
  if (m.validation == "invalid") {
    f.severity = lowered(f.severity);
    evidence += "\nfails its format's own check (a placeholder or a mangled copy?)";
  } else if (m.validation == "valid") {
    risk_delta = 0.5;
    evidence += "\nwell-formed (its format's own check passes)";
  }
  if (in_history) {
    evidence += scrub(fmt::format("\ncommit {} by {}{}{}", m.commit.substr(0, 12),
                                  person(m.author, m.email), m.date.empty() ? "" : " on ", m.date));
  }
  f.risk = std::clamp(base_risk(f.severity) + risk_delta, 0.0, 10.0);

  f.why = rule && !rule->why.empty() ? rule->why : default_why(kind);
  f.fix = rule && !rule->fix.empty() ? rule->fix : default_fix(kind, in_history, home);
  f.references = {"CWE-798"};

  f.responsible.role = options.default_role;
  if (in_history && (!m.author.empty() || !m.email.empty())) {
    f.responsible = Responsible{Role::kDeveloper, "", scrub(person(m.author, m.email))};
  } else if (options.codeowners && !m.path.empty()) {
    std::filesystem::path file(m.path);
    if (!options.root.empty() && file.is_relative())
      file = std::filesystem::path(options.root) / file;
    std::string rule_at;
    if (auto owner = options.codeowners->owner_of(file.string(), &rule_at)) {
      f.responsible = *owner;
      evidence += fmt::format("\nowner from {}", rule_at);
    }
  }
  f.evidence = std::move(evidence);
  // Facts for tools and people (core/finding.h details), never the secret.
  f.details.emplace_back("rule", m.rule_id);
  if (in_history) {
    f.details.emplace_back("commit", m.commit);
    f.details.emplace_back("author", scrub(person(m.author, m.email)));
    if (!m.date.empty()) f.details.emplace_back("date", m.date);
  }
  if (m.end_line > m.start_line) f.details.emplace_back("end_line", std::to_string(m.end_line));
  if (m.start_column > 0) f.details.emplace_back("column", std::to_string(m.start_column));
  f.details.emplace_back("entropy", fmt::format("{:.2f}", m.entropy));
  if (!m.validation.empty()) f.details.emplace_back("validation", m.validation);
  f.details.emplace_back("gitleaks_fingerprint", gitleaks_fingerprint(m));
  return f;
}

std::vector<Finding> to_findings(const std::vector<SecretMatch>& matches, const RuleSet& rules,
                                 const FindingOptions& options) {
  std::unordered_map<std::string_view, const Rule*> by_id;
  for (const Rule& r : rules.rules) by_id.emplace(r.id, &r);
  std::vector<Finding> out;
  out.reserve(matches.size());
  for (const SecretMatch& m : matches) {
    auto it = by_id.find(m.rule_id);
    out.push_back(to_finding(m, it == by_id.end() ? nullptr : it->second, options));
  }
  return out;
}

}  // namespace sw::secrets
