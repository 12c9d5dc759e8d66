// SPDX-License-Identifier: Apache-2.0
// The secret-scanning engine: every rule's regex and keywords compiled into one Hyperscan database
// (block mode, no start-of-match: SOM rejects 69 of gitleaks' rules and is slower), one pass over
// the bytes, then RE2 only where a rule's regex and one of its keywords both hit, to find the match
// and its capture group and to apply gitleaks' semantics (keyword gate, path, secret group,
// entropy, allowlists, generic-rule de-duplication, inline `gitleaks:allow` / `shieldwall:allow`).
//
// Thread safety: a Scanner is immutable after compile() and shared by every thread; each thread
// owns one worker (FragmentScanner: Hyperscan scratch + buffers), as Hyperscan requires.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "secrets/rule.h"

namespace sw::secrets {

// One piece of text to scan, with where it came from. For a file: its bytes and path. For git
// history: the lines one commit added to one file, joined with '\n', with their line numbers.
struct Fragment {
  std::string_view text;  // not owned; must outlive the scan() call
  std::string path;       // as reported (relative to the scanned root where there is one)
  // Git context (empty outside git).
  std::string commit;
  std::string author;
  std::string email;
  std::string date;  // RFC 3339
  std::string message;
  // When non-empty: line_numbers[i] is the file line of the fragment's (0-based) line i.
  std::vector<int> line_numbers;
};

// One secret found. `secret` and `match` hold the real bytes, in memory only: every writer
// redacts them (secrets/redact.h) unless the user asked for --show-secrets.
struct SecretMatch {
  std::string rule_id;
  std::string description;
  std::string secret;
  std::string match;
  std::string line;    // the line(s) of the match; of a long line, 1,024 bytes either side of it
  int start_line = 0;  // 1-based file lines
  int end_line = 0;
  int start_column = 0;  // 1-based byte columns, gitleaks' convention
  int end_column = 0;
  double entropy = 0.0;
  std::string path;
  std::string commit;
  std::string author;
  std::string email;
  std::string date;
  std::string message;
  std::vector<std::string> tags;
  Severity severity = Severity::kHigh;
  // Result of the rule's offline validator: "" (none), "valid" (well-formed: checksum, parsable
  // key, JWT structure) or "invalid" (fails the format's own check; reported at lower severity).
  std::string validation;
};

// What every source of text (files, git history, stdin) feeds fragments to: one per thread.
class FragmentScanner {
 public:
  virtual ~FragmentScanner() = default;
  // Appends the secrets in `fragment` to `out`, in order of position.
  virtual Result<void> scan(const Fragment& fragment, std::vector<SecretMatch>& out) = 0;
};

struct CompileOptions {
  // Where compiled Hyperscan databases are kept between runs (engine/hs_cache.h); empty: no cache.
  std::string cache_dir;
};

class Scanner {
 public:
  // Compiles a rule set. A rule whose regex RE2 or Hyperscan rejects, or that names an unknown
  // validator, is left out and reported in `rule_errors` (the message names the rule and its
  // origin); the others still run. Fails only when nothing usable is left or on an internal error.
  static Result<std::unique_ptr<Scanner>> compile(RuleSet rules, std::vector<Error>* rule_errors,
                                                  const CompileOptions& options = {});
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // A worker for one thread (it owns that thread's Hyperscan scratch and buffers). The Scanner
  // must outlive it.
  Result<std::unique_ptr<FragmentScanner>> make_worker() const;

  // gitleaks' own design, for benchmarks and differential tests: no Hyperscan; the keyword gate
  // by an Aho-Corasick search of the lower-cased fragment, then RE2 FindAll over the whole
  // fragment for every gated rule, with the same post-processing. Gives the same findings as
  // make_worker()'s workers, only slower.
  Result<std::unique_ptr<FragmentScanner>> make_reference_worker() const;

  // Whether the global allowlist's paths exclude this path (the file need not be read).
  bool path_allowed(std::string_view path) const;

  const RuleSet& rules() const;

 private:
  Scanner();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Makes one worker per thread; what the multi-threaded sources take.
using WorkerFactory = std::function<Result<std::unique_ptr<FragmentScanner>>()>;

}  // namespace sw::secrets
