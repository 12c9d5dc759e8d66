// SPDX-License-Identifier: Apache-2.0
// host.accounts.password_hash_method: new passwords are hashed with yescrypt or SHA-512.
// Two places decide: ENCRYPT_METHOD in /etc/login.defs (chpasswd, newusers, and pam_unix when it
// has no hash option), and the hash option of pam_unix in the shared password stack (passwd).
// shadow-utils' default without ENCRYPT_METHOD is DES (MD5 when MD5_CRYPT_ENAB is yes).
#include <algorithm>
#include <array>
#include <string>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/login_defs.h"
#include "scan/facts/pam.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.password_hash_method",
    .title = "New passwords are hashed with yescrypt or SHA-512",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "The hash method configured today is the one every new or changed password gets; a weak "
        "method (DES, MD5, SHA-256 with few rounds) makes stolen hashes quick to crack.",
    .fix =
        "In /etc/login.defs set 'ENCRYPT_METHOD YESCRYPT'; in /etc/pam.d/common-password put "
        "'yescrypt' (or 'sha512') on the pam_unix.so line and remove md5/bigcrypt/sha256.",
    .cis = "5.4.1.4",
    .lynis = "AUTH-9229",
    .refs = "CWE-916"};

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool strong(const std::string& method) {
  static constexpr std::array<std::string_view, 6> kStrong = {
      "YESCRYPT", "GOST_YESCRYPT", "SHA512", "BCRYPT", "BLOWFISH", "SCRYPT"};
  return std::find(kStrong.begin(), kStrong.end(), method) != kStrong.end();
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& defs = ctx.fact<sw::scan::LoginDefs>();
  const auto& pam = ctx.fact<sw::scan::Pam>();
  if (!defs) return out.error(defs.error().to_string());
  if (!pam) return out.error(pam.error().to_string());
  if (defs->error) return out.error(defs->error->to_string());
  std::vector<std::string> seen;

  // login.defs
  std::string defs_method;
  if (defs->present) {
    const auto* m = defs->find("ENCRYPT_METHOD");
    const auto* md5 = defs->find("MD5_CRYPT_ENAB");
    if (m != nullptr) {
      defs_method = upper(m->value);
    } else {
      defs_method = (md5 != nullptr && upper(md5->value) == "YES") ? "MD5" : "DES";
    }
    std::string where = m != nullptr ? fmt::format("{}:{}", defs->path, m->line)
                                     : fmt::format("{} (ENCRYPT_METHOD unset)", defs->path);
    seen.push_back(fmt::format("login.defs: {} ({})", defs_method, where));
    if (!strong(defs_method)) {
      out.fail(
          sw::scan::Issue{.subject = defs->path,
                          .evidence = fmt::format("ENCRYPT_METHOD is {} ({})", defs_method, where),
                          .location = {defs->path, m != nullptr ? m->line : 0}});
    }
  }

  // pam_unix in the password stack.
  std::string used;
  for (const auto& e : pam->password_stack(&used)) {
    if (e.module != "pam_unix") continue;
    std::string method;
    for (const auto& a : e.args) {
      static constexpr std::array<std::string_view, 8> kOpts = {
          "md5", "bigcrypt", "sha256", "sha512", "blowfish", "gost_yescrypt", "yescrypt", "des"};
      if (std::find(kOpts.begin(), kOpts.end(), a) != kOpts.end()) method = upper(a);
    }
    if (method.empty()) {
      // Without a hash option pam_unix follows ENCRYPT_METHOD of login.defs.
      seen.push_back(fmt::format("pam_unix: no hash option, follows login.defs ({})", e.where()));
      continue;
    }
    seen.push_back(fmt::format("pam_unix: {} ({})", method, e.where()));
    if (!strong(method)) {
      out.fail(sw::scan::Issue{.subject = e.file,
                               .evidence = fmt::format("pam_unix.so hashes new passwords with "
                                                       "{} ({})",
                                                       method, e.where()),
                               .location = {e.file, e.line}});
    }
  }
  if (seen.empty()) {
    return out.not_applicable("neither /etc/login.defs nor a PAM password stack with pam_unix");
  }
  std::string summary;
  for (const auto& s : seen) summary += (summary.empty() ? "" : "; ") + s;
  out.pass(summary);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
