// SPDX-License-Identifier: Apache-2.0
// host.home.aws_credentials: no static AWS secret access keys in ~/.aws/credentials or
// ~/.aws/config (the AWS CLI and SDKs read keys from both; in config the sections are
// "[profile NAME]").
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/credential_files.h"
#include "scan/facts/homes.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.aws_credentials",
    .title = "No static AWS secret keys on disk",
    .family = "home",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "An access key pair in ~/.aws is a long-lived password for your cloud account, stored in "
        "clear. Leaked keys are found and abused within minutes, and they stay valid until "
        "someone deletes them.",
    .fix =
        "Use short-lived credentials instead: aws configure sso then aws sso login (IAM Identity "
        "Center), or a credential_process that reads from a vault (e.g. aws-vault). Then delete "
        "the aws_secret_access_key lines, and deactivate and delete the old access key in IAM "
        "(aws iam delete-access-key --access-key-id ID).",
    .refs = "CWE-312 CWE-798"};

struct Source {
  const char* rel;
  bool config;
};
constexpr Source kFiles[] = {{".aws/credentials", false}, {".aws/config", true}};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  int files = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    for (const auto& src : kFiles) {
      auto f = sw::scan::read_home_file(ctx.host(), home, src.rel);
      if (f.error) out.error(f.error->to_string());
      if (!f.text) continue;
      ++files;
      auto parsed = sw::scan::parse_aws_credentials(*f.text, f.path, src.config);
      for (const auto& e : parsed.errors) ctx.input_error(e);
      std::string exposed = sw::scan::foreign_readers(*homes, home, f.st);
      for (const auto& p : parsed.profiles) {
        if (p.secret_line == 0) continue;
        failed = true;
        std::string kind = p.session_token || p.access_key_prefix == "ASIA"
                               ? "temporary secret access key (with session token)"
                               : "static secret access key";
        std::string key_id = p.access_key_prefix.empty()
                                 ? std::string()
                                 : fmt::format(", key id {}...", p.access_key_prefix);
        std::string evidence = fmt::format("{} for profile {} ({}:{}){}, {} characters", kind,
                                           p.name, f.path, p.secret_line, key_id, p.secret_length);
        if (!exposed.empty()) evidence += fmt::format("; the file is {}", exposed);
        sw::scan::Issue issue{.subject = f.path,
                              .evidence = std::move(evidence),
                              .location = {f.path, p.secret_line},
                              .owner_name = home.account,
                              .risk_delta = p.session_token ? -0.5 : 0.0};
        if (!exposed.empty()) issue.severity = sw::Severity::kHigh;
        out.fail(std::move(issue));
      }
    }
  }
  if (!failed) {
    out.pass(files == 0
                 ? fmt::format("no ~/.aws/credentials or ~/.aws/config ({})", homes->summary())
                 : fmt::format("{} AWS config file(s) hold no secret access key", files));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
