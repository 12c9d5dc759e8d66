// SPDX-License-Identifier: Apache-2.0
// host.accounts.weak_password_hash: every password hash in /etc/shadow uses a modern scheme.
// yescrypt, bcrypt and scrypt are memory- or cost-hard; sha512/sha256 crypt are acceptable; des,
// bsdi-des, md5, sun-md5, nthash, sha1 and unrecognised hashes are cracked quickly offline.
#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.weak_password_hash",
    .title = "Password hashes use a strong scheme",
    .family = "accounts",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "If /etc/shadow leaks (a backup, an image, a file-read bug), hashes made with DES, MD5 "
        "or other legacy schemes are cracked in minutes to hours, while yescrypt or SHA-512 crypt "
        "hashes of a decent password resist for years.",
    .fix =
        "Set ENCRYPT_METHOD YESCRYPT in /etc/login.defs and 'yescrypt' on the pam_unix.so line "
        "of /etc/pam.d/common-password, then have each listed user set a new password (passwd "
        "NAME, or passwd -e NAME to force it at next login).",
    .cis = "5.4.1.4",
    .lynis = "AUTH-9229",
    .refs = "CWE-916 CWE-328"};

constexpr std::array<std::string_view, 7> kWeak = {"des",    "bsdi-des", "md5",    "sun-md5",
                                                   "nthash", "sha1",     "unknown"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  if (!acc) return out.error(acc.error().to_string());
  if (acc->passwd_error) return out.error(acc->passwd_error->to_string());
  if (acc->shadow_error) return out.error(acc->shadow_error->to_string());
  int hashes = 0;
  for (const auto& a : acc->accounts) {
    if (a.scheme.empty()) continue;
    if (a.state != sw::scan::PasswordState::kHash && a.state != sw::scan::PasswordState::kLocked) {
      continue;
    }
    ++hashes;
    if (std::find(kWeak.begin(), kWeak.end(), a.scheme) == kWeak.end()) continue;
    bool locked = a.state == sw::scan::PasswordState::kLocked;
    std::string file = a.has_shadow ? "/etc/shadow" : "/etc/passwd";
    int line = a.has_shadow ? a.shadow_line : a.passwd_line;
    sw::scan::Issue issue{
        .subject = fmt::format("account {}", a.name),
        .evidence = fmt::format("password hash scheme {}{} ({}:{})",
                                a.scheme == "unknown" ? "not recognised" : a.scheme,
                                locked ? ", account locked" : "", file, line),
        .location = {file, line}};
    if (locked) issue.severity = sw::Severity::kLow;
    out.fail(std::move(issue));
  }
  if (hashes == 0) return out.not_applicable("no account has a password hash");
  out.pass(fmt::format("{} password hashes checked", hashes));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
