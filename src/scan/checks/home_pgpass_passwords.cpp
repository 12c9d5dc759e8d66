// SPDX-License-Identifier: Apache-2.0
// host.home.pgpass_passwords: no plaintext PostgreSQL passwords in ~/.pgpass. libpq reads the
// file only when it is a regular file with no group or other permission bits (mode 0600 or less);
// otherwise it warns and ignores it, so such a file exposes passwords that are not even used.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/credential_files.h"
#include "scan/facts/homes.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.pgpass_passwords",
    .title = "No plaintext database passwords in ~/.pgpass",
    .family = "home",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "~/.pgpass stores PostgreSQL passwords in clear text. Whoever reads it can connect to "
        "those databases as you; when the file is readable by others, libpq refuses to use it, "
        "yet the passwords are still exposed.",
    .fix =
        "Prefer authentication without a stored password: peer or GSSAPI for local connections, "
        "client certificates (sslcert/sslkey) or IAM tokens for remote ones. If the file must "
        "stay, keep it private with chmod 600 ~/.pgpass, and change any password that others "
        "could read.",
    .refs = "CWE-256"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  int files = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    auto f = sw::scan::read_home_file(ctx.host(), home, ".pgpass");
    if (f.error) out.error(f.error->to_string());
    if (!f.text) continue;
    ++files;
    auto parsed = sw::scan::parse_pgpass(*f.text, f.path);
    for (const auto& e : parsed.errors) ctx.input_error(e);
    bool ignored = (f.st.mode & 0077) != 0;
    std::string exposed = sw::scan::foreign_readers(*homes, home, f.st);
    std::string mode_note;
    if (!exposed.empty()) {
      mode_note = fmt::format("; the file is {}", exposed);
    } else {
      mode_note = fmt::format("; mode {}", sw::scan::mode_string(f.st.mode));
    }
    mode_note += ignored ? ", and libpq ignores the file because it has group or other "
                           "permission bits (it needs 0600 or less)"
                         : ", used by libpq";
    for (const auto& e : parsed.entries) {
      if (e.password_length == 0) continue;
      failed = true;
      sw::scan::Issue issue{.subject = f.path,
                            .evidence = fmt::format(
                                "password for {}@{}:{}/{} ({}:{}), {} characters{}", e.user, e.host,
                                e.port, e.database, f.path, e.line, e.password_length, mode_note),
                            .location = {f.path, e.line},
                            .owner_name = home.account};
      if (!exposed.empty()) issue.severity = sw::Severity::kHigh;
      out.fail(std::move(issue));
    }
  }
  if (!failed) {
    out.pass(files == 0 ? fmt::format("no ~/.pgpass ({})", homes->summary())
                        : fmt::format("{} ~/.pgpass file(s) hold no password", files));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
