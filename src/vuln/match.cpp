// SPDX-License-Identifier: Apache-2.0
#include "vuln/match.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "vuln/cvss/cvss.h"
#include "vuln/osv/osv.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view base_of(std::string_view ecosystem) {
  return ecosystem.substr(0, ecosystem.find(':'));
}

std::optional<Severity> severity_word(std::string_view word) {
  const std::string w = lower(word);
  if (w == "critical") return Severity::kCritical;
  if (w == "high" || w == "important") return Severity::kHigh;
  if (w == "moderate" || w == "medium") return Severity::kMedium;
  if (w == "low") return Severity::kLow;
  if (w == "negligible" || w == "unimportant" || w == "none" || w == "informational") {
    return Severity::kInfo;
  }
  return std::nullopt;
}

void rate_vectors(const std::vector<SeverityScore>& vectors, Rating& best) {
  for (const auto& v : vectors) {
    if (v.type.rfind("CVSS_", 0) != 0) {
      if (auto word = severity_word(v.score); word && !best.rated) {
        best = Rating{base_risk(*word), *word, fmt::format("{}: {}", v.type, v.score), true};
      }
      continue;
    }
    auto score = cvss_score(v.score);
    if (!score) continue;
    if (!best.rated || best.source.rfind("CVSS", 0) != 0 || score->base > best.score) {
      best =
          Rating{score->base, score->severity,
                 fmt::format("CVSS:{}.{} {:.1f}", score->major, score->minor, score->base), true};
    }
  }
}

}  // namespace

Rating rate_advisory(const Advisory& advisory, const Affected* affected) {
  Rating best;
  if (affected) rate_vectors(affected->severity, best);
  if (!best.rated) rate_vectors(advisory.severity, best);
  if (best.rated) return best;
  for (const std::string* word :
       {affected ? &affected->db_severity : nullptr, &advisory.db_severity}) {
    if (!word || word->empty()) continue;
    if (auto sev = severity_word(*word)) {
      return Rating{base_risk(*sev), *sev, fmt::format("database: {}", *word), true};
    }
  }
  if (!advisory.informational.empty()) {
    return Rating{base_risk(Severity::kLow), Severity::kLow,
                  fmt::format("informational: {}", advisory.informational), true};
  }
  return Rating{base_risk(Severity::kMedium), Severity::kMedium, "not rated", false};
}

MatchResult match_packages(const std::vector<Package>& packages, AdvisoryStore& store,
                           const std::vector<std::string>& ecosystems_in_store) {
  MatchResult result;
  const std::set<std::string, std::less<>> known(ecosystems_in_store.begin(),
                                                 ecosystems_in_store.end());
  result.packages.reserve(packages.size());
  for (const Package& package : packages) {
    PackageResult& pr = result.packages.emplace_back();
    pr.package = package;
    const VersionScheme* scheme = scheme_for_ecosystem(package.ecosystem);
    if (package.ecosystem.empty()) {
      pr.problem = "no ecosystem known for this package";
    } else if (!scheme) {
      pr.problem =
          fmt::format("unknown ecosystem {}: no version ordering for it", package.ecosystem);
    } else if (!known.count(base_of(package.ecosystem))) {
      pr.problem =
          fmt::format("the advisory database holds no {} advisories", base_of(package.ecosystem));
    } else if (package.version.empty()) {
      pr.problem = package.commit.empty()
                       ? "no version given"
                       : fmt::format("pinned to commit {} (commit ranges are not matched)",
                                     package.commit.substr(0, 12));
    } else if (auto ok = scheme->compare(package.version, package.version); !ok) {
      pr.problem =
          fmt::format("version {} is not a valid {} version", package.version, scheme->name());
    }
    if (!pr.problem.empty()) {
      ++result.unchecked;
      continue;
    }
    auto advisories = store.lookup(package.ecosystem, package.name);
    if (!advisories) {
      pr.problem = advisories.error().message();
      result.errors.push_back(advisories.error());
      ++result.unchecked;
      continue;
    }
    for (Advisory& advisory : *advisories) {
      if (!advisory.withdrawn.empty()) continue;
      Hit hit;
      bool affected_here = false;
      for (Affected& affected : advisory.affected) {
        if (!affected_matches(affected, package.ecosystem, package.name)) continue;
        std::vector<Error> warnings;
        auto is = is_affected(affected, package.version, *scheme, &warnings);
        for (auto& w : warnings) {
          result.errors.emplace_back(w.code(), fmt::format("{}: {}", advisory.id, w.message()),
                                     w.file(), w.line());
        }
        if (!is || !*is) continue;
        affected_here = true;
        for (auto& f : fixed_versions_for(affected, package.version, *scheme)) {
          if (std::find(hit.fixed.begin(), hit.fixed.end(), f) == hit.fixed.end()) {
            hit.fixed.push_back(std::move(f));
          }
        }
        const Rating r = rate_advisory(advisory, &affected);
        if (hit.affected.empty() || r.score > hit.rating.score) hit.rating = r;
        hit.affected.push_back(std::move(affected));
      }
      if (!affected_here) continue;
      advisory.affected.clear();  // the entries that concern this package are in hit.affected
      hit.advisory = std::move(advisory);
      pr.hits.push_back(std::move(hit));
    }
    std::sort(pr.hits.begin(), pr.hits.end(), [](const Hit& a, const Hit& b) {
      if (a.advisory.kev != b.advisory.kev) return a.advisory.kev;
      if (a.rating.score != b.rating.score) return a.rating.score > b.rating.score;
      return a.advisory.id < b.advisory.id;
    });
  }
  compute_upgrades(result);
  return result;
}

void compute_upgrades(MatchResult& result) {
  result.upgrades.clear();
  for (size_t i = 0; i < result.packages.size(); ++i) {
    const PackageResult& pr = result.packages[i];
    std::vector<size_t> open;
    for (size_t h = 0; h < pr.hits.size(); ++h) {
      if (!pr.hits[h].ignored) open.push_back(h);
    }
    if (open.empty()) continue;
    const VersionScheme* scheme = scheme_for_ecosystem(pr.package.ecosystem);
    if (!scheme) continue;
    auto less = [&](const std::string& a, const std::string& b) {
      auto c = scheme->compare(a, b);
      return c ? *c < 0 : a < b;
    };
    // Candidates: every fixed version above the installed one, ascending.
    std::vector<std::string> candidates;
    // (every "fixed" event of the package's ranges, not only those of the ranges holding the
    // installed version: a fix can be affected again by a later range, and the next fix clears it)
    for (size_t h : open) {
      for (const Affected& affected : pr.hits[h].affected) {
        for (const Range& range : affected.ranges) {
          if (range.type == RangeType::kGit) continue;
          for (const RangeEvent& e : range.events) {
            if (e.kind != RangeEvent::Kind::kFixed) continue;
            auto c = scheme->compare(e.value, pr.package.version);
            if (c && *c > 0) candidates.push_back(e.value);
          }
        }
      }
    }
    std::sort(candidates.begin(), candidates.end(), less);
    // No candidate below the largest of the hits' own smallest fixes can clear every hit that has
    // a fix: start there (keeps a package with a hundred advisories from costing a hundred
    // evaluations per candidate). Hits with no fix at all do not constrain.
    std::string floor;
    for (size_t h : open) {
      const auto& fixed = pr.hits[h].fixed;
      if (fixed.empty()) continue;
      const std::string& own = *std::min_element(fixed.begin(), fixed.end(), less);
      if (floor.empty() || less(floor, own)) floor = own;
    }
    if (!floor.empty()) {
      auto first = std::lower_bound(candidates.begin(), candidates.end(), floor, less);
      if (first != candidates.end()) candidates.erase(candidates.begin(), first);
    }
    candidates.erase(std::unique(candidates.begin(), candidates.end(),
                                 [&](const std::string& a, const std::string& b) {
                                   auto c = scheme->compare(a, b);
                                   return c && *c == 0;
                                 }),
                     candidates.end());
    Upgrade up;
    up.package = i;
    up.severity = Severity::kInfo;
    std::vector<size_t> best_cleared;
    std::string best;
    for (const auto& candidate : candidates) {
      std::vector<size_t> cleared;
      for (size_t h : open) {
        bool still = false;
        for (const Affected& affected : pr.hits[h].affected) {
          auto is = is_affected(affected, candidate, *scheme);
          if (is && *is) still = true;
        }
        if (!still) cleared.push_back(h);
      }
      if (cleared.size() > best_cleared.size()) {
        best_cleared = cleared;
        best = candidate;
      }
      if (cleared.size() == open.size()) break;  // the smallest that clears everything
    }
    up.to = best;
    up.cleared = best_cleared;
    for (size_t h : open) {
      if (std::find(best_cleared.begin(), best_cleared.end(), h) == best_cleared.end()) {
        up.remaining.push_back(h);
      }
    }
    for (size_t h : open) {
      const Hit& hit = pr.hits[h];
      up.severity = std::max(up.severity, hit.rating.severity);
      up.risk = std::max(up.risk, hit.rating.score);
      if (hit.advisory.kev) {
        ++up.kev;
        up.ransomware = up.ransomware || hit.advisory.kev_ransomware;
      }
    }
    // Actively exploited (CISA KEV): the weakest link whatever the base score says, ahead of
    // any flaw nobody is known to exploit.
    if (up.kev > 0) {
      up.severity = Severity::kCritical;
      up.risk = 10.0;
    }
    result.upgrades.push_back(std::move(up));
  }
  std::stable_sort(
      result.upgrades.begin(), result.upgrades.end(), [&](const Upgrade& a, const Upgrade& b) {
        if (a.kev != b.kev) return a.kev > b.kev;
        if (a.risk != b.risk) return a.risk > b.risk;
        return result.packages[a.package].package.name < result.packages[b.package].package.name;
      });
}

}  // namespace sw::vuln
