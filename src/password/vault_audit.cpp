// SPDX-License-Identifier: Apache-2.0
#include "password/vault_audit.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

namespace sw::password {
namespace {

const std::vector<std::string> kReferences = {"NIST SP 800-63B-4 3.1.1.2", "CWE-521"};

std::string entry_subject(const VaultEntry& e) {
  const std::string site = site_of(e);
  return e.username.empty() ? site : fmt::format("{} ({})", site, e.username);
}

Finding entry_finding(const Vault& v, const VaultEntry& e, const std::string& host,
                      std::string check) {
  Finding f;
  f.check = std::move(check);
  f.subject = entry_subject(e);
  f.host = host;
  f.id = fingerprint(host, f.check, f.subject);
  f.category = "password";
  f.responsible = Responsible{Role::kUser, {}, {}};
  f.location = Location{v.file, static_cast<int>(e.line)};
  f.references = kReferences;
  f.details = {{"site", site_of(e)}, {"username", e.username}, {"vault_format", v.format}};
  return f;
}

std::string strength_words(const Estimate& est) {
  return fmt::format("score {} of 4 ({}); an attacker would try {}; it lasts {}", est.score,
                     score_words(est.score), attacker_first(est), how_long_it_lasts(est));
}

}  // namespace

VaultAudit audit_vault(const Vault& vault, const AssessOptions& options, const std::string& host) {
  VaultAudit out;
  std::vector<std::optional<Assessment>> judged(vault.entries.size());
  for (std::size_t k = 0; k < vault.entries.size(); ++k) {
    const VaultEntry& e = vault.entries[k];
    if (e.password.empty()) continue;
    ++out.entries;
    PolicyInputs context;
    (e.username.find('@') != std::string::npos ? context.email : context.user_name) = e.username;
    context.service_name = site_of(e);
    auto a = assess(e.password.view(), context, options);
    if (!a) {
      out.errors.push_back(
          fmt::format("{}:{}: {}; entry not judged", vault.file, e.line, a.error().message()));
      continue;
    }
    const Estimate& est = a->estimate;
    if (a->breach_count.value_or(0) > 0) {
      ++out.breached;
      Finding f = entry_finding(vault, e, host, "password.vault.breached");
      f.title = fmt::format("breached password for {}", f.subject);
      f.severity = Severity::kHigh;
      f.risk = 8.5;
      f.evidence = fmt::format("this password was seen {} times in known breaches ({})",
                               *a->breach_count, a->breach_source);
      f.why =
          "Attackers try passwords from breaches first, on every site (credential stuffing): "
          "a breached password falls in seconds, however complex it looks.";
      f.fix = fmt::format(
          "Change the password for {} now to a new one your password manager generates, and "
          "turn on two-step sign-in there.",
          site_of(e));
      f.details.emplace_back("breach_count", std::to_string(*a->breach_count));
      out.findings.push_back(std::move(f));
    }
    if (est.score < options.policy.min_score) {
      ++out.weak;
      Finding f = entry_finding(vault, e, host, "password.vault.weak");
      f.title = fmt::format("weak password for {}", f.subject);
      f.severity = est.score <= 1 ? Severity::kHigh : Severity::kMedium;
      f.risk = est.score <= 1 ? 7.5 : 5.5;
      f.evidence = strength_words(est);
      if (!est.feedback.warning.empty()) f.evidence += ". " + est.feedback.warning;
      f.why =
          "Attackers guess passwords by trying common passwords, words, names, dates and "
          "keyboard patterns first; this one is found early in that order.";
      f.fix = fmt::format(
          "Replace the password for {} with a long random one from your password manager (or "
          "four or more random words).",
          site_of(e));
      f.details.emplace_back("score", std::to_string(est.score));
      f.details.emplace_back("guesses_log10", fmt::format("{:.2f}", est.guesses_log10));
      out.findings.push_back(std::move(f));
    }
    // The policy's other rules (length, the user name or site in it, the blocklist): judged
    // without the breach count and the score, which have their own findings above.
    PolicyInputs rest = context;
    rest.blocklisted = a->blocklisted;
    const PolicyVerdict other = check_policy(e.password.view(), rest, options.policy);
    if (!a->verdict.accepted) ++out.rejected;
    if (!other.accepted) {
      Finding f = entry_finding(vault, e, host, "password.vault.policy");
      f.title = fmt::format("password for {} breaks the password policy", f.subject);
      f.severity = Severity::kLow;
      f.risk = 3.5;
      std::string reasons;
      for (const auto& r : other.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
      f.evidence = reasons;
      f.why =
          "Length is what makes a password hard to guess, and a password built on the user "
          "name or the site's name is among the first an attacker tries (NIST SP 800-63B-4).";
      f.fix = fmt::format(
          "Replace the password for {} with a longer one from your password manager that has "
          "nothing to do with the account or the site.",
          site_of(e));
      f.details.emplace_back("length", std::to_string(other.length));
      out.findings.push_back(std::move(f));
    }
    judged[k] = std::move(*a);
  }

  for (const auto& group : group_reused_passwords(vault)) {
    ++out.reused_groups;
    out.reused_entries += group.size();
    std::vector<std::string> subjects;
    for (std::size_t k : group) subjects.push_back(entry_subject(vault.entries[k]));
    std::sort(subjects.begin(), subjects.end());
    std::string list;
    for (const auto& s : subjects) list += (list.empty() ? "" : ", ") + s;
    const VaultEntry& first = vault.entries[group.front()];
    Finding f = entry_finding(vault, first, host, "password.vault.reused");
    f.subject = list;
    f.id = fingerprint(host, f.check, f.subject);
    f.title = fmt::format("one password on {} sites: {}", group.size(), list);
    const bool breached = judged[group.front()] && judged[group.front()]->breach_count.value_or(0);
    f.severity = breached ? Severity::kHigh : Severity::kMedium;
    f.risk = breached ? 8.0 : 6.0;
    std::string lines;
    for (std::size_t k : group) {
      lines += (lines.empty() ? "" : ", ") + std::to_string(vault.entries[k].line);
    }
    f.evidence =
        fmt::format("the same password is stored for {} entries (lines {})", group.size(), lines);
    f.why =
        "When one of these sites is breached, attackers try the same password on all the others "
        "(credential stuffing): one leak opens every account that shares it.";
    f.fix =
        "Give each site its own password from your password manager, starting with the most "
        "important accounts (e-mail first: it resets all the others).";
    f.details = {
        {"sites", list}, {"entries", std::to_string(group.size())}, {"vault_format", vault.format}};
    out.findings.push_back(std::move(f));
  }
  return out;
}

}  // namespace sw::password
