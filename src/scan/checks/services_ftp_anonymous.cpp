// SPDX-License-Identifier: Apache-2.0
// host.services.ftp_anonymous: no installed FTP server lets anonymous users in.
//  - vsftpd: anonymous_enable in /etc/vsftpd.conf, last line wins; when unset the compiled-in
//    default YES applies (Debian's shipped file sets NO, so an edited or missing file matters).
//  - proftpd: an <Anonymous> section, not commented out, in /etc/proftpd/proftpd.conf or a file
//    it Includes (a file, a directory, or DIR/*.conf).
//  - pure-ftpd (Debian wrapper): anonymous logins are accepted unless
//    /etc/pure-ftpd/conf/NoAnonymous says "yes", and only when an "ftp" account exists.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/packages.h"
#include "scan/facts/service_configs.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.ftp_anonymous",
    .title = "FTP server refuses anonymous logins",
    .family = "services",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "Anonymous FTP lets anyone on the network download, and sometimes upload, files without "
        "an account; FTP also sends everything in clear text. Open FTP servers are found and "
        "abused within hours.",
    .fix =
        "vsftpd: set `anonymous_enable=NO` in /etc/vsftpd.conf; proftpd: remove or comment out "
        "the <Anonymous> section; pure-ftpd: `echo yes > /etc/pure-ftpd/conf/NoAnonymous`; then "
        "restart the server. Better, replace FTP with SFTP.",
    .cis = "2.1.6",
    .refs = "CWE-306 CWE-319"};

void check_vsftpd(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const std::string path = "/etc/vsftpd.conf";
  auto text = ctx.host().read_file(path, 1 << 20);
  if (!text && text.error().code() != sw::Errc::kNotFound) {
    out.error(text.error().to_string());
    return;
  }
  std::vector<sw::Error> errors;
  auto v = text ? sw::scan::vsftpd_bool(*text, "anonymous_enable", path, errors)
                : sw::scan::VsftpdBool{};
  for (const auto& e : errors) ctx.input_error(e);
  if (v.value == false) {
    out.pass(fmt::format("vsftpd: anonymous_enable=NO ({}:{})", path, v.line));
    return;
  }
  out.fail(sw::scan::Issue{
      .subject = "vsftpd anonymous_enable",
      .evidence = v.value ? fmt::format("anonymous_enable=YES ({}:{})", path, v.line)
                          : fmt::format("anonymous_enable is not set in {}: vsftpd's built-in "
                                        "default is YES",
                                        path),
      .location = {path, v.line},
      .package = "vsftpd"});
}

void check_proftpd(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::Host& host = ctx.host();
  std::vector<std::string> queue = {"/etc/proftpd/proftpd.conf"};
  int anon = 0;
  for (size_t i = 0; i < queue.size() && i < 64; ++i) {
    auto text = host.read_file(queue[i], 1 << 20);
    if (!text) {
      if (text.error().code() != sw::Errc::kNotFound) out.error(text.error().to_string());
      continue;
    }
    auto conf = sw::scan::parse_proftpd(*text);
    for (int line : conf.anonymous_lines) {
      ++anon;
      out.fail(
          sw::scan::Issue{.subject = "proftpd <Anonymous>",
                          .evidence = fmt::format("<Anonymous> section at {}:{}", queue[i], line),
                          .location = {queue[i], line},
                          .package = "proftpd"});
    }
    for (const auto& inc : conf.includes) {
      auto star = inc.rfind("/*");
      if (star != std::string::npos) {
        for (const auto& f : host.list_files(inc.substr(0, star), inc.substr(star + 2))) {
          queue.push_back(f);
        }
      } else if (auto st = host.stat(inc); st && st->type == sw::FileType::kDirectory) {
        for (const auto& f : host.list_files(inc)) queue.push_back(f);
      } else {
        queue.push_back(inc);
      }
    }
  }
  if (anon == 0) out.pass("proftpd: no <Anonymous> section");
}

void check_pure_ftpd(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const std::string path = "/etc/pure-ftpd/conf/NoAnonymous";
  auto text = ctx.host().read_file(path, 4096);
  std::string v = text ? std::string(sw::trim(*text)) : "";
  for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v == "yes") {
    out.pass(fmt::format("pure-ftpd: NoAnonymous is yes ({})", path));
    return;
  }
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  if (acc && !acc->passwd_error && !acc->find("ftp")) {
    out.pass("pure-ftpd: anonymous logins need an 'ftp' account, and there is none");
    return;
  }
  out.fail(sw::scan::Issue{.subject = "pure-ftpd NoAnonymous",
                           .evidence = fmt::format("{} and an 'ftp' account exists",
                                                   text ? fmt::format("{} says '{}'", path, v)
                                                        : fmt::format("{} is missing", path)),
                           .location = {path, 0},
                           .package = "pure-ftpd"});
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* pk = sw::scan::packages_or_verdict(ctx, out);
  if (!pk) return;
  bool any = false;
  if (pk->present("vsftpd")) {
    any = true;
    check_vsftpd(ctx, out);
  }
  if (!pk->present_any({"proftpd-core", "proftpd-basic"}).empty()) {
    any = true;
    check_proftpd(ctx, out);
  }
  if (!pk->present_any({"pure-ftpd", "pure-ftpd-mysql", "pure-ftpd-postgresql", "pure-ftpd-ldap"})
           .empty()) {
    any = true;
    check_pure_ftpd(ctx, out);
  }
  if (!any) out.pass("no FTP server (vsftpd, proftpd, pure-ftpd) is installed");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
