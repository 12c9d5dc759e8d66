// SPDX-License-Identifier: Apache-2.0
// host.accounts.passwords_shadowed: every /etc/passwd entry has "x" in its password field, so no
// hash sits in the world-readable file. glibc and pam_unix use the passwd field itself when it is
// not "x", so a hash or an empty field there is what really counts at login. The field is read
// here (the Accounts fact keeps only the state); its content is never reported.
#include <fmt/format.h>

#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.passwords_shadowed",
    .title = "Passwords are kept in /etc/shadow only",
    .family = "accounts",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "/etc/passwd is readable by every user and program; a password hash stored there can "
        "be copied by anyone on the machine and cracked offline, and an empty field there means "
        "no password at all.",
    .fix =
        "Run pwconv to move the hashes into /etc/shadow (it leaves 'x' in /etc/passwd), then "
        "check with pwck -r.",
    .cis = "7.2.1",
    .lynis = "AUTH-9228",
    .refs = "CWE-522"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  auto text = ctx.host().read_file("/etc/passwd");
  if (!text) return out.error(text.error().to_string());
  int n = 0;
  int entries = 0;
  for (auto line : sw::split_lines(*text)) {
    ++n;
    auto t = sw::trim(line);
    if (t.empty() || t.front() == '#' || t.front() == '+' || t.front() == '-') continue;
    size_t c1 = line.find(':');
    if (c1 == std::string_view::npos) continue;  // malformed: reported by the Accounts fact
    size_t c2 = line.find(':', c1 + 1);
    if (c2 == std::string_view::npos) continue;
    ++entries;
    std::string_view name = line.substr(0, c1);
    std::string_view field = line.substr(c1 + 1, c2 - c1 - 1);
    if (field == "x") continue;
    std::string what;
    sw::Severity sev = sw::Severity::kHigh;
    if (field.empty()) {
      what = "password field is empty (no password)";
    } else if (field.front() == '*' || field.front() == '!') {
      what = fmt::format("password field is a lock marker ({} chars) instead of 'x'", field.size());
      sev = field.size() <= 2 ? sw::Severity::kLow : sw::Severity::kHigh;
    } else {
      what = fmt::format("password field holds a {} hash ({} chars)", sw::scan::crypt_scheme(field),
                         field.size());
    }
    out.fail(sw::scan::Issue{.subject = fmt::format("account {}", name),
                             .evidence = fmt::format("{} (/etc/passwd:{})", what, n),
                             .location = {"/etc/passwd", n},
                             .severity = sev});
  }
  if (entries == 0) return out.error("/etc/passwd: no entries");
  out.pass(fmt::format("all {} entries of /etc/passwd use 'x'", entries));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
