// SPDX-License-Identifier: Apache-2.0
// `shieldwall password`: how attackers would guess a password, whether it is breached, and the
// NIST SP 800-63B-4 verdict, explained. Passwords come from a no-echo prompt (the default), from
// stdin one per line (--stdin), or from a password manager's CSV export (--vault FILE, findings
// for the `user` part of a report) — never from argv. `password index` builds the offline breach
// index from the Pwned Passwords download. Network only with --hibp-online / --hibp-url (the
// k-anonymity range API: the first 5 hex digits of the hash leave the machine, nothing else).
// Exit codes: 0 every password accepted (vault: no finding at or above --fail-on); 1 some
// rejected (findings); 2 input problems (skipped lines, unreadable files), the rest still done.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/host.h"
#include "password/assess.h"
#include "password/breach/index.h"
#include "password/breach/range_client.h"
#include "password/input.h"
#include "password/policy.h"
#include "password/vault/vault.h"
#include "password/vault_audit.h"

namespace sw::cli {
namespace {

namespace pw = sw::password;

struct PasswordArgs {
  bool from_stdin = false;
  std::string vault;
  std::vector<std::string> user_inputs;
  std::string user;
  std::string email;
  std::string service;
  int reference_year = 0;
  bool mfa = false;
  std::size_t min_length = 0;  // 0: the policy's default (15, or 8 with --mfa)
  std::string blocklist;
  std::string breach_index;
  bool hibp_online = false;
  std::string hibp_url;
  WriteOptions write;
  std::string fail_on;
};

struct IndexArgs {
  std::vector<std::string> sources;
  std::string output;
  bool ntlm = false;
  std::size_t memory_mb = 1024;
  std::string temp_dir;
};

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool loopback_url(const std::string& url) {
  for (const char* p : {"http://127.", "http://localhost", "http://[::1]"}) {
    if (url.rfind(p, 0) == 0) return true;
  }
  return false;
}

// What the passwords are checked against, loaded once. Problems are printed and remembered; the
// checks that could be loaded still run.
struct Checks {
  std::optional<pw::Blocklist> blocklist;
  std::optional<pw::BreachIndex> index;
  std::unique_ptr<pw::PwnedRangeClient> online;
  bool problem = false;

  explicit Checks(const PasswordArgs& a) {
    if (!a.blocklist.empty()) {
      auto b = pw::Blocklist::load(a.blocklist);
      if (b) {
        blocklist = std::move(*b);
      } else {
        fmt::print(stderr, "shieldwall: {}\n", b.error().to_string());
        problem = true;
      }
    }
    if (!a.breach_index.empty()) {
      auto i = pw::BreachIndex::open(a.breach_index);
      if (i) {
        index = std::move(*i);
      } else {
        fmt::print(stderr, "shieldwall: {}\n", i.error().to_string());
        problem = true;
      }
    }
    if (a.hibp_online || !a.hibp_url.empty()) {
      pw::PwnedApiOptions o;
      if (!a.hibp_url.empty()) o.base_url = a.hibp_url;
      o.allow_http = loopback_url(o.base_url);
      online = std::make_unique<pw::PwnedRangeClient>(o);
    }
  }

  pw::Checkers checkers() const {
    return pw::Checkers{blocklist ? &*blocklist : nullptr, index ? &*index : nullptr, online.get()};
  }
};

pw::AssessOptions assess_options(const PasswordArgs& a, const Checks& checks) {
  pw::AssessOptions o;
  o.estimator.reference_year = a.reference_year;
  o.policy.mfa = a.mfa;
  if (a.min_length > 0) (a.mfa ? o.policy.min_length_mfa : o.policy.min_length) = a.min_length;
  o.checkers = checks.checkers();
  return o;
}

pw::PolicyInputs context_of(const PasswordArgs& a) {
  pw::PolicyInputs c;
  c.user_name = a.user;
  c.email = a.email;
  c.service_name = a.service;
  c.other_words = a.user_inputs;
  return c;
}

// ---- one password at the prompt ----

int run_prompt(const PasswordArgs& a) {
  if (a.write.format != "text" && a.write.format != "json") {
    fmt::print(stderr, "shieldwall: --format must be text or json here\n");
    return kExitInput;
  }
  Checks checks(a);
  auto secret = pw::prompt_no_echo("Password (not shown): ");
  if (!secret) {
    fmt::print(stderr, "shieldwall: {}\n", secret.error().message());
    return kExitInput;
  }
  if (secret->empty()) {
    fmt::print(stderr, "shieldwall: no password given\n");
    return kExitInput;
  }
  auto result = pw::assess(secret->view(), context_of(a), assess_options(a, checks));
  secret->clear();
  if (!result) {
    fmt::print(stderr, "shieldwall: the password: {}\n", result.error().message());
    return kExitInput;
  }
  std::string out = a.write.format == "json" ? pw::assessment_json(*result).dump() + "\n"
                                             : pw::assessment_text(*result);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (checks.problem || !result->breach_problem.empty()) return kExitInput;
  return result->verdict.accepted ? kExitClean : kExitFindings;
}

// ---- one password per line from stdin ----

int run_stdin(const PasswordArgs& a) {
  const bool json = a.write.format == "json";
  if (!json && a.write.format != "text") {
    fmt::print(stderr, "shieldwall: --format must be text or json with --stdin\n");
    return kExitInput;
  }
  std::ofstream file;
  if (!a.write.output.empty()) {
    file.open(a.write.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      fmt::print(stderr, "shieldwall: {}: cannot write\n", a.write.output);
      return kExitInput;
    }
  }
  std::ostream& out = a.write.output.empty() ? std::cout : file;
  Checks checks(a);
  const pw::AssessOptions options = assess_options(a, checks);
  const pw::PolicyInputs context = context_of(a);

  pw::LineReader reader(STDIN_FILENO);
  pw::SecretString line;
  std::uint64_t lines = 0, rejected = 0, skipped = 0;
  bool lookup_problem = false;
  auto skip = [&](std::uint64_t n, const std::string& why) {
    ++skipped;
    fmt::print(stderr, "shieldwall: stdin:{}: skipped: {}\n", n, why);
    if (json) out << nlohmann::json{{"line", n}, {"skipped", why}}.dump() << '\n';
  };
  for (;;) {
    const auto status = reader.next(line);
    if (status == pw::LineReader::Status::kEnd) break;
    if (status == pw::LineReader::Status::kError) {
      fmt::print(stderr, "shieldwall: stdin: {}\n", reader.error());
      return kExitInput;
    }
    ++lines;
    const std::uint64_t n = reader.line_number();
    if (status == pw::LineReader::Status::kTooLong) {
      skip(n, "line longer than 16 MiB");
      continue;
    }
    if (line.empty()) {
      skip(n, "empty line");
      continue;
    }
    auto result = pw::assess(line.view(), context, options);
    line.clear();
    if (!result) {
      skip(n, result.error().message());
      continue;
    }
    if (!result->verdict.accepted) ++rejected;
    if (!result->breach_problem.empty()) lookup_problem = true;
    if (json) {
      nlohmann::json j = pw::assessment_json(*result);
      j["line"] = n;
      out << j.dump() << '\n';
    } else {
      out << fmt::format("line {}: {}\n", n, pw::assessment_line(*result));
    }
  }
  out.flush();
  if (lines == 0) {
    fmt::print(stderr, "shieldwall: stdin: no passwords read\n");
    return kExitInput;
  }
  if (!json) {
    fmt::print(stderr, "shieldwall: {} line{}: {} rejected{}\n", lines, lines == 1 ? "" : "s",
               rejected, skipped ? fmt::format(", {} skipped", skipped) : std::string());
  }
  if (skipped > 0 || checks.problem || lookup_problem) return kExitInput;
  return rejected > 0 ? kExitFindings : kExitClean;
}

// ---- a password manager's export ----

int run_vault(const PasswordArgs& a) {
  const auto started = std::chrono::steady_clock::now();
  FailOn fail_on{Severity::kLow, false};
  if (!a.fail_on.empty() && !parse_fail_on(a.fail_on, false, fail_on)) return kExitInput;
  Checks checks(a);
  bool input_problem = checks.problem;

  Report report;
  report.tool_version = SW_VERSION;
  report.command = "password";
  report.host = Host("/").hostname();
  report.root = a.vault;
  report.started_at = iso_now();

  auto vault = pw::read_vault_file(a.vault);
  if (!vault) {
    fmt::print(stderr, "shieldwall: {}\n", vault.error().to_string());
    return kExitInput;
  }
  for (const auto& e : vault->errors) {
    fmt::print(stderr, "shieldwall: {}\n", e);
    report.errors.push_back(e);
    input_problem = true;
  }
  const pw::VaultAudit audit = pw::audit_vault(*vault, assess_options(a, checks), report.host);
  for (const auto& e : audit.errors) {
    fmt::print(stderr, "shieldwall: {}\n", e);
    report.errors.push_back(e);
    input_problem = true;
  }
  report.findings = audit.findings;
  // Each kind of judgement is a check: failed when an entry has it, passed when none has.
  const bool breaches_checked = checks.index || checks.online;
  for (const auto& [id, title] :
       {std::pair{"password.vault.breached", "breached passwords"},
        {"password.vault.weak", "weak passwords"},
        {"password.vault.reused", "passwords reused across sites"},
        {"password.vault.policy", "passwords the policy does not accept"}}) {
    CheckRecord c;
    c.id = id;
    c.title = title;
    c.family = "password";
    c.references = {"NIST SP 800-63B-4 3.1.1.2"};
    const bool found = std::any_of(report.findings.begin(), report.findings.end(),
                                   [&](const Finding& f) { return f.check == c.id; });
    if (found) {
      c.status = CheckStatus::kFail;
    } else if (c.id == "password.vault.breached" && !breaches_checked) {
      c.status = CheckStatus::kNotApplicable;
      c.detail = "no breach index (--breach-index) or online lookup (--hibp-online) given";
    } else {
      c.detail = fmt::format("none of {} entries", audit.entries);
    }
    report.checks.push_back(std::move(c));
  }
  report.notes.push_back(fmt::format(
      "{} export: {} entries with a password; {} weak, {} breached, {} in {} reused groups, {} "
      "not acceptable under the policy{}",
      vault->format, audit.entries, audit.weak, audit.breached, audit.reused_entries,
      audit.reused_groups, audit.rejected,
      breaches_checked ? "" : " (breaches not checked: no --breach-index)"));
  if (vault->skipped_empty + vault->skipped_malformed > 0) {
    report.notes.push_back(fmt::format("skipped: {} entries without a password, {} malformed",
                                       vault->skipped_empty, vault->skipped_malformed));
  }
  report.duration_ms = ms_since(started);
  report.finalize();
  if (int rc = write_report(report, a.write); rc != kExitClean) return rc;
  if (input_problem) return kExitInput;
  auto worst = report.worst_severity();
  return fail_on.severity && worst && *worst >= *fail_on.severity ? kExitFindings : kExitClean;
}

// Passwords pass through buffers this process does not all wipe (the estimator's working
// copies, libc's): make sure none of them can reach a core dump or another process's ptrace.
void no_core_dumps() {
  const rlimit none{0, 0};
  ::setrlimit(RLIMIT_CORE, &none);
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int run_password(const PasswordArgs& a) {
  no_core_dumps();
  if (!a.vault.empty()) return run_vault(a);
  if (a.from_stdin) return run_stdin(a);
  return run_prompt(a);
}

// ---- password index ----

int run_index(const IndexArgs& a) {
  pw::BreachBuildOptions o;
  o.kind = a.ntlm ? pw::HashKind::kNtlm : pw::HashKind::kSha1;
  o.max_memory_bytes = a.memory_mb << 20;
  if (!a.temp_dir.empty()) o.temp_dir = a.temp_dir;
  std::vector<std::filesystem::path> sources(a.sources.begin(), a.sources.end());
  auto stats = pw::build_breach_index(sources, a.output, o);
  if (!stats) {
    fmt::print(stderr, "shieldwall: {}\n", stats.error().to_string());
    return kExitInput;
  }
  for (const auto& e : stats->bad_samples) fmt::print(stderr, "shieldwall: {}\n", e);
  fmt::print("{}: {} hashes ({} duplicates merged), {} bytes ({:.2f} bytes per hash), {:.1f} s\n",
             a.output, stats->entries, stats->duplicates, stats->index_bytes,
             stats->entries ? static_cast<double>(stats->index_bytes) / stats->entries : 0.0,
             stats->seconds);
  if (stats->bad_lines > 0) {
    fmt::print(stderr, "shieldwall: {} bad lines skipped\n", stats->bad_lines);
    return kExitInput;
  }
  return kExitClean;
}

}  // namespace

void add_password(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<PasswordArgs>();
  CLI::App* cmd = app.add_subcommand(
      "password",
      "how attackers would guess a password, whether it is breached, and the policy verdict; "
      "or an audit of a password manager's export");
  cmd->add_flag("--stdin", a->from_stdin,
                "read passwords from stdin, one per line (default: a no-echo prompt)");
  cmd->add_option("--vault", a->vault,
                  "audit a password manager's CSV export (Bitwarden, 1Password, KeePass(XC), "
                  "Chrome/Edge, Firefox): weak, reused, breached entries");
  cmd->add_option("--user-input", a->user_inputs,
                  "a word about the person or account (repeatable): guessed early, and not "
                  "allowed in the password");
  cmd->add_option("--user", a->user, "the account's user name (context)");
  cmd->add_option("--email", a->email, "the account's e-mail address (context)");
  cmd->add_option("--service", a->service, "the service's name (context)");
  cmd->add_option("--reference-year", a->reference_year,
                  "the year date guesses count from (default: this year)")
      ->check(CLI::Range(1900, 9999));
  cmd->add_flag("--mfa", a->mfa,
                "the password is one factor of several (minimum length 8 instead of 15)");
  cmd->add_option("--min-length", a->min_length,
                  "minimum length in characters (default 15, or 8 with --mfa)");
  cmd->add_option("--blocklist", a->blocklist, "a file of passwords not allowed, one per line");
  cmd->add_option("--breach-index", a->breach_index,
                  "an index made by `password index`: breached passwords, offline");
  cmd->add_flag("--hibp-online", a->hibp_online,
                "ask the Pwned Passwords range API (sends the first 5 hex digits of the SHA-1)");
  cmd->add_option("--hibp-url", a->hibp_url, "another range API base URL (implies --hibp-online)");
  cmd->add_option("-f,--format", a->write.format,
                  "text or json (JSON Lines with --stdin); with --vault also sarif, html")
      ->check(CLI::IsMember({"text", "json", "sarif", "html"}));
  cmd->add_option("-o,--output", a->write.output, "write to FILE instead of stdout");
  cmd->add_option("--color", a->write.color, "auto, always or never (text)");
  cmd->add_flag("-v,--verbose", a->write.verbose, "with --vault: list passed checks too");
  cmd->add_option("--fail-on", a->fail_on,
                  "with --vault: exit 1 only for findings at or above this severity, or none");

  auto x = std::make_shared<IndexArgs>();
  CLI::App* index = cmd->add_subcommand(
      "index",
      "build the offline breach index from the Pwned Passwords download (HASH:COUNT files or a "
      "directory of range files)");
  index->add_option("SOURCE", x->sources, "files or directories")->required();
  index->add_option("-o,--output", x->output, "the index file to write")->required();
  index->add_flag("--ntlm", x->ntlm, "the source holds NTLM hashes (default SHA-1)");
  index->add_option("--memory-mb", x->memory_mb,
                    "memory for sorting unsorted input (default 1024)");
  index->add_option("--temp-dir", x->temp_dir, "where sorted runs go (default: beside -o)");
  index->callback([x, &exit_code] { exit_code = run_index(*x); });

  cmd->callback([a, cmd, index, &exit_code] {
    if (cmd->got_subcommand(index)) return;
    exit_code = run_password(*a);
  });
}

}  // namespace sw::cli
