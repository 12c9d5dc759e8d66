// SPDX-License-Identifier: Apache-2.0
// Import of shieldwall's own JSON reports (`scan --format json`, `vuln --format json`,
// `secrets --format json`; schema shieldwall/report/v1, docs/report.schema.json) as model findings
// (../shared/specs/graph.md, 2.6 "Where the model data comes from"): a person runs scan on a few
// machines, adds a flows file, and sees the weakest links of the whole.
//
// Mapping:
//  - Every finding concerns the asset named by its `host` (else the report's `host`), id made
//    valid (import::make_id). The asset is created when the model has none with that id (kind
//    host, no zone, owner empty); an existing asset is used as it is.
//  - Checks host.updates.vulnerable_packages and host.updates.vulnerable_dependencies (what both
//    scan and vuln write) -> kind `vuln`. One report finding is one package upgrade and may cover
//    several advisories: `cve` is the first CVE id in the evidence or references (the report lists
//    the exploited and worst first), every CVE is kept in extra.cves, `kev` is true when the
//    report says an advisory is actively exploited (CISA KEV) and unset otherwise (the report
//    does not say whether KEV data was loaded). The report has no EPSS and no CVSS vector (only
//    a score), so p comes from KEV or the defaults table.
//    `effect` (spec 2.6 wants "code_exec when the vuln is in a listening service's package and its
//    CVSS AV is N; priv_esc when AV is L and the package is setuid or a kernel"): the report says
//    neither the attack vector nor which package a listening socket belongs to. So:
//      * code_exec on port P only when the model ALREADY declares a service at P on that asset
//        whose `product` names the package ("apache2 2.4.49" or "nginx/1.25": the package name
//        then a space or a slash, case-insensitive), and an advisory is in
//        KEV (the "a KEV vulnerability in a listening service"; AV unknown, KEV is the
//        evidence that it is exploitable in practice);
//      * priv_esc when the package is the kernel (`linux`, `linux-image-*`, `linux-signed-*`,
//        `kernel`, `kernel-core`) and an advisory is in KEV;
//      * otherwise no edge (effect none): the finding is kept and shown, and extra.effect_unknown
//        says why. Import the model file with the services before the reports to get the joins.
//  - Leaked credentials -> kind `secret`: the `secrets` command's checks (`secrets.<rule>`) and
//    scan's credential-file checks (host.home.aws_credentials, docker_config_auth,
//    git_credentials, netrc_passwords, pgpass_passwords, ssh_key_no_passphrase). The report does
//    not say what the credential grants, so `grants` stays empty and the finding makes no edge;
//    a model can add the grant by hand (same id).
//  - Every other finding -> kind `check` (no edge), kept for display with its check id.
//  - Finding id: the report's fingerprint (`SW-` + 16 hex; the same weakness has the same id in
//    every run, and scan and vuln agree). A finding already in the model is kept as it is.
//  - owner: a responsible of role `team:NAME` gives owner NAME (made valid; an Owner item of kind
//    team is added when missing); other roles (user, admin, developer, org) name no team, so the
//    owner is left empty and inherited from the asset. The responsible is kept in extra.
//  - title, fix, severity, risk, check, location, package are kept (title/fix as fields, the rest
//    in extra).
// Parsing with nlohmann-json (reports are small), without exceptions escaping.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "graph/model.h"

namespace sw::graph {

struct ReportImportStats {
  std::size_t findings = 0;           // findings read
  std::size_t vulns = 0;              // of which kind vuln
  std::size_t vulns_with_effect = 0;  // vuln findings that make an edge (code_exec / priv_esc)
  std::size_t secrets = 0;            // kind secret (no edge: grants unknown)
  std::size_t other = 0;              // kind check
  std::size_t kept_existing = 0;      // ids already in the model, left as they were
  std::size_t assets_created = 0;
};

// One report already in memory; `origin` names it in errors. Bad findings go to `errors` and are
// left out; the Result is an error when the text is not a shieldwall report at all.
Result<ReportImportStats> import_report_text(std::string_view text, const std::string& origin,
                                             Model& model, std::vector<Error>& errors);
// The same for a file.
Result<ReportImportStats> import_report_file(const std::string& path, Model& model,
                                             std::vector<Error>& errors);

// True when the text is a JSON object with "schema": "shieldwall/report/v1".
bool looks_like_report(std::string_view text);

}  // namespace sw::graph
