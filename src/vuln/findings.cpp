// SPDX-License-Identifier: Apache-2.0
#include "vuln/findings.h"

#include <algorithm>

#include <fmt/format.h>

namespace sw::vuln {
namespace {

std::string_view base_of(std::string_view ecosystem) {
  return ecosystem.substr(0, ecosystem.find(':'));
}

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count_word(n), n == 1 ? one : many);
}

// The command that performs the upgrade, per ecosystem.
std::string upgrade_command(const Package& p, const std::string& to) {
  const std::string_view eco = base_of(p.ecosystem);
  const std::string& bin = p.binary.empty() ? p.name : p.binary;
  if (eco == "Debian" || eco == "Ubuntu") {
    return fmt::format("apt-get update && apt-get install --only-upgrade {}", bin);
  }
  if (eco == "Alpine" || eco == "Wolfi" || eco == "Chainguard") {
    return fmt::format("apk update && apk upgrade {}", bin);
  }
  if (eco == "AlmaLinux" || eco == "Rocky Linux" || eco == "Red Hat" || eco == "openEuler" ||
      eco == "Mageia") {
    return fmt::format("dnf upgrade {}", bin);
  }
  if (eco == "openSUSE" || eco == "SUSE") return fmt::format("zypper update {}", bin);
  if (to.empty()) return {};
  if (eco == "npm")
    return fmt::format("npm install {}@{} (or raise the range that pins it)", p.name, to);
  if (eco == "PyPI")
    return fmt::format("pin {}=={} (pip install '{}>={}')", p.name, to, p.name, to);
  if (eco == "Go") return fmt::format("go get {}@v{} && go mod tidy", p.name, to);
  if (eco == "crates.io") return fmt::format("cargo update -p {} --precise {}", p.name, to);
  if (eco == "RubyGems")
    return fmt::format("bundle update {} (require >= {} in the Gemfile)", p.name, to);
  if (eco == "Packagist") return fmt::format("composer require {}:^{}", p.name, to);
  if (eco == "NuGet") return fmt::format("dotnet add package {} --version {}", p.name, to);
  if (eco == "Maven") return fmt::format("set {} to version {}", p.name, to);
  if (eco == "Hex") return fmt::format("mix deps.update {} (require ~> {})", p.name, to);
  if (eco == "Pub") return fmt::format("dart pub upgrade {} (require ^{})", p.name, to);
  return {};
}

}  // namespace

std::string count_word(size_t n) {
  static constexpr const char* kWords[] = {"no",  "one",   "two",   "three", "four", "five",
                                           "six", "seven", "eight", "nine",  "ten"};
  return n < std::size(kWords) ? kWords[n] : std::to_string(n);
}

UpgradeText describe_upgrade(const MatchResult& result, const Upgrade& up) {
  const PackageResult& pr = result.packages[up.package];
  const Package& p = pr.package;
  UpgradeText t;
  const std::string shown = p.binary.empty() || p.binary == p.name
                                ? p.name
                                : fmt::format("{} (source {})", p.binary, p.name);
  const size_t open = up.cleared.size() + up.remaining.size();
  std::string exploited;
  if (up.kev == 1 && open == 1) {
    exploited = ", actively exploited";
  } else if (up.kev > 0) {
    exploited = fmt::format(", {} actively exploited", count_word(up.kev));
  }
  if (!up.to.empty() && up.remaining.empty()) {
    t.title = fmt::format("upgrade {} from {} to {}: fixes {}{}", shown, p.version, up.to,
                          plural(open, "advisory", "advisories"), exploited);
  } else if (!up.to.empty()) {
    t.title = fmt::format(
        "upgrade {} from {} to {}: fixes {} of {} advisories{}; {} no fix yet", shown, p.version,
        up.to, count_word(up.cleared.size()), count_word(open), exploited,
        up.remaining.size() == 1 ? "one has"
                                 : fmt::format("{} have", count_word(up.remaining.size())));
  } else {
    t.title = fmt::format("{} {} has {} with no fixed version yet{}", shown, p.version,
                          plural(open, "known vulnerability", "known vulnerabilities"), exploited);
  }
  t.subject = p.path.empty() || p.path.find("/var/lib/") != std::string::npos ||
                      p.path.find("/lib/apk/") != std::string::npos
                  ? fmt::format("{}/{}", p.ecosystem, p.binary.empty() ? p.name : p.binary)
                  : fmt::format("{}/{} ({})", p.ecosystem, p.name, p.path);

  std::vector<size_t> order = up.cleared;
  order.insert(order.end(), up.remaining.begin(), up.remaining.end());
  std::sort(order.begin(), order.end());  // hits are already KEV-first, worst first
  bool ransomware = false;
  // Ten advisories in full, the rest by id, so that a package with a hundred advisories stays
  // readable; every id is in the JSON report's packages[] and in the references.
  constexpr size_t kDetailed = 10;
  std::string more;
  size_t shown_count = 0;
  for (size_t h : order) {
    const Hit& hit = pr.hits[h];
    const Advisory& a = hit.advisory;
    std::string aliases;
    for (const auto& alias : a.aliases) {
      aliases += aliases.empty() ? " (" : ", ";
      aliases += alias;
    }
    if (!aliases.empty()) aliases += ")";
    std::string kev;
    if (a.kev) {
      kev = fmt::format(" [ACTIVELY EXPLOITED: CISA KEV{}{}]",
                        a.kev_date_added.empty() ? "" : " since " + a.kev_date_added,
                        a.kev_ransomware ? ", used by ransomware" : "");
      ransomware = ransomware || a.kev_ransomware;
    }
    const bool fixed_by_to =
        std::find(up.remaining.begin(), up.remaining.end(), h) == up.remaining.end();
    std::string summary = a.summary;
    if (summary.size() > 160) summary = summary.substr(0, 157) + "...";
    t.references.push_back(a.id);
    if (shown_count >= kDetailed && !a.kev) {
      more += more.empty() ? a.id : ", " + a.id;
      continue;
    }
    ++shown_count;
    if (!a.references.empty()) t.references.push_back(a.references.front());
    const std::string rating =
        hit.rating.rated
            ? fmt::format("{} ({})", severity_name(hit.rating.severity), hit.rating.source)
            : std::string("severity not given");
    if (!t.evidence.empty()) t.evidence += "\n";
    t.evidence +=
        fmt::format("{}{}: {}{}{}{}", a.id, aliases, rating, kev,
                    fixed_by_to ? "" : " [no fix yet]", summary.empty() ? "" : ": " + summary);
  }
  if (!more.empty()) {
    t.evidence += fmt::format("\nand {} more: {}", order.size() - shown_count, more);
  }

  t.why = fmt::format(
      "{} {} is listed as vulnerable in published advisories; attackers scan for known-vulnerable "
      "versions because the way in is already written down.",
      p.binary.empty() ? p.name : p.binary, p.version);
  if (up.kev > 0) {
    t.why += fmt::format(
        " CISA's Known Exploited Vulnerabilities catalog lists {} as exploited in the wild{}: fix "
        "this first.",
        up.kev == 1 ? "one of them" : fmt::format("{} of them", count_word(up.kev)),
        ransomware ? ", including by ransomware" : "");
  }
  const std::string cmd = upgrade_command(p, up.to);
  if (!up.to.empty()) {
    t.fix = fmt::format("Upgrade {} to {} or later", shown, up.to);
    if (!p.path.empty()) {
      t.fix += p.line > 0 ? fmt::format(" ({}:{})", p.path, p.line) : fmt::format(" ({})", p.path);
    }
    t.fix += ".";
    if (!cmd.empty()) t.fix += fmt::format(" Run: {}", cmd);
  } else {
    t.fix = fmt::format(
        "No fixed version is published yet: watch the advisories, limit exposure of what uses "
        "{}, or replace it; record the accepted risk in an ignore file with an owner and an "
        "expiry date.",
        p.name);
  }
  t.severity = up.severity;
  t.risk = up.risk;
  t.location = Location{p.path, p.line};
  t.package = p.binary.empty() ? p.name : p.binary;
  return t;
}

}  // namespace sw::vuln
