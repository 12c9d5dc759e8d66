// SPDX-License-Identifier: Apache-2.0
// The OSV spec's evaluation algorithm (https://ossf.github.io/osv-schema/#evaluation, schema 1.7):
//   IsVulnerable = IncludedInVersions(v, affected.versions) || IncludedInRanges(v, ranges)
//   IncludedInRanges: for each range, if BeforeLimits(v, range): walk sorted(range.events) with
//     vulnerable = false; introduced (v >= introduced, "0" sorts before every version) sets it,
//     fixed (v >= fixed) clears it, last_affected (v > last_affected) clears it.
//   BeforeLimits: true when there is no limit event (implicit "*"), else when v < some limit; a
//     limit containing "*" is infinity.
// Versions are ordered by the ecosystem's VersionScheme. The explicit `versions` list matches by
// exact string or by the scheme ordering the two equal (entries the scheme rejects match only by
// exact string: PyPA lists carry some legacy non-PEP 440 strings). GIT ranges hold commits and
// are not evaluated against versions. Events are sorted by version with a stable insertion sort
// (no strict weak ordering is assumed of the scheme); on equal versions `introduced` comes first,
// so {introduced X, fixed X} is empty and {introduced X, last_affected X} is exactly X.
#include <algorithm>

#include <fmt/format.h>

#include "vuln/osv/osv.h"

namespace sw::vuln {
namespace {

using Kind = RangeEvent::Kind;

std::string_view kind_text(Kind k) {
  switch (k) {
    case Kind::kIntroduced:
      return "introduced";
    case Kind::kFixed:
      return "fixed";
    case Kind::kLastAffected:
      return "last_affected";
    case Kind::kLimit:
      return "limit";
  }
  return "event";
}

bool is_zero(const RangeEvent& e) { return e.kind == Kind::kIntroduced && e.value == "0"; }
bool is_infinite(const RangeEvent& e) {
  return e.kind == Kind::kLimit && e.value.find('*') != std::string::npos;
}

// Orders event versions: "0" (introduced) first, "*" limits last, the rest by the scheme.
int event_order(const RangeEvent& a, const RangeEvent& b, const VersionScheme& scheme) {
  int ra = is_zero(a) ? -1 : is_infinite(a) ? 1 : 0;
  int rb = is_zero(b) ? -1 : is_infinite(b) ? 1 : 0;
  if (ra != rb || ra != 0) return ra - rb;
  return scheme.compare(a.value, b.value).value_or(0);
}

// The range's events the scheme accepts, sorted; rejected ones reported in `warnings`.
std::vector<const RangeEvent*> sorted_events(const Range& r, const VersionScheme& scheme,
                                             std::vector<Error>* warnings) {
  std::vector<const RangeEvent*> out;
  out.reserve(r.events.size());
  for (const auto& e : r.events) {
    if (!is_zero(e) && !is_infinite(e)) {
      auto ok = scheme.compare(e.value, e.value);
      if (!ok) {
        if (warnings != nullptr) {
          warnings->emplace_back(
              Errc::kParse, fmt::format("{} event '{}' skipped: {}", kind_text(e.kind), e.value,
                                        ok.error().message()));
        }
        continue;
      }
    }
    out.push_back(&e);
  }
  // Stable insertion sort (a handful of events per range).
  for (size_t i = 1; i < out.size(); ++i) {
    const RangeEvent* cur = out[i];
    size_t j = i;
    while (j > 0) {
      int c = event_order(*out[j - 1], *cur, scheme);
      bool before = c > 0 || (c == 0 && cur->kind == Kind::kIntroduced &&
                              out[j - 1]->kind != Kind::kIntroduced);
      if (!before) break;
      out[j] = out[j - 1];
      --j;
    }
    out[j] = cur;
  }
  return out;
}

// v compared to an event's version ("0" introduced is below everything, "*" limit above).
int cmp_event(std::string_view v, const RangeEvent& e, const VersionScheme& scheme) {
  if (is_zero(e)) return 1;
  if (is_infinite(e)) return -1;
  return scheme.compare(v, e.value).value_or(0);
}

bool before_limits(std::string_view v, const std::vector<const RangeEvent*>& events,
                   const VersionScheme& scheme) {
  bool any = false;
  for (const auto* e : events) {
    if (e->kind != Kind::kLimit) continue;
    any = true;
    if (cmp_event(v, *e, scheme) < 0) return true;
  }
  return !any;
}

// The walk of IncludedInRanges for one range. When `fix` is given and v is vulnerable, it gets
// the `fixed` version closing v's interval (empty when the interval has none).
bool walk(std::string_view v, const std::vector<const RangeEvent*>& events,
          const VersionScheme& scheme, std::string* fix) {
  bool vulnerable = false;
  for (const auto* e : events) {
    switch (e->kind) {
      case Kind::kIntroduced:
        if (cmp_event(v, *e, scheme) >= 0) vulnerable = true;
        break;
      case Kind::kFixed:
        if (cmp_event(v, *e, scheme) >= 0) {
          vulnerable = false;
        } else if (fix != nullptr) {
          // Later events are all >= this one > v: the state can no longer change.
          if (vulnerable) *fix = e->value;
          return vulnerable;
        }
        break;
      case Kind::kLastAffected:
        if (cmp_event(v, *e, scheme) > 0) {
          vulnerable = false;
        } else if (fix != nullptr) {
          return vulnerable;  // v's interval ends here with no known fix
        }
        break;
      case Kind::kLimit:
        break;
    }
  }
  return vulnerable;
}

}  // namespace

Result<bool> is_affected(const Affected& affected, std::string_view version,
                         const VersionScheme& scheme, std::vector<Error>* warnings) {
  auto self = scheme.compare(version, version);
  if (!self) {
    return fail(Errc::kParse, fmt::format("installed version '{}' is not a valid {} version: {}",
                                          version, scheme.name(), self.error().message()));
  }
  for (const auto& listed : affected.versions) {
    if (listed == version) return true;
    auto c = scheme.compare(version, listed);
    if (c && *c == 0) return true;
  }
  for (const auto& r : affected.ranges) {
    if (r.type == RangeType::kGit) continue;
    auto events = sorted_events(r, scheme, warnings);
    if (!before_limits(version, events, scheme)) continue;
    if (walk(version, events, scheme, nullptr)) return true;
  }
  return false;
}

std::vector<std::string> fixed_versions_for(const Affected& affected, std::string_view version,
                                            const VersionScheme& scheme) {
  std::vector<std::string> out;
  if (!scheme.compare(version, version)) return out;
  for (const auto& r : affected.ranges) {
    if (r.type == RangeType::kGit) continue;
    auto events = sorted_events(r, scheme, nullptr);
    if (!before_limits(version, events, scheme)) continue;
    std::string fix;
    if (walk(version, events, scheme, &fix) && !fix.empty() &&
        std::find(out.begin(), out.end(), fix) == out.end()) {
      out.push_back(std::move(fix));
    }
  }
  return out;
}

}  // namespace sw::vuln
