// SPDX-License-Identifier: Apache-2.0
// Compiled allowlists and gitleaks' allowlist checks (see allowlist.h).
#include "secrets/engine/allowlist.h"

#include <fmt/format.h>

namespace sw::secrets::engine {

std::string go_lower_for_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if (c == 0xE2 && text.substr(i, 3) == "\xE2\x84\xAA") {
      out += 'k';
      i += 2;
    } else if (c == 0xC4 && text.substr(i, 2) == "\xC4\xB0") {
      out += 'i';
      i += 1;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

RE2::Options go_re2_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  // Rules like gitleaks' pypi-upload-token ({50,1000}) need more than the default 8 MB program
  // budget; the DFA cache comes out of the same budget.
  options.set_max_mem(int64_t{64} << 20);
  return options;
}

CompiledAllowlist::CompiledAllowlist(const Allowlist& source, size_t id, std::string_view owner,
                                     const std::string& file, int line, std::vector<Error>& errors)
    : condition_(source.condition), target_(source.regex_target), id_(id) {
  // Each regex is checked alone (a bad one is reported and left out), then the good ones are
  // joined into one alternation; each is grouped, so its inline flags stay its own.
  auto compile = [&](const std::vector<std::string>& patterns, std::string_view what) {
    std::vector<std::unique_ptr<RE2>> good;
    std::string joined;
    for (const auto& pattern : patterns) {
      auto alone = std::make_unique<RE2>(pattern, go_re2_options());
      if (!alone->ok()) {
        errors.emplace_back(Errc::kParse,
                            fmt::format("{}: allowlist {} regex is invalid ({}); it is ignored",
                                        owner, what, alone->error()),
                            file, line);
        continue;
      }
      if (!joined.empty()) joined += '|';
      joined += "(?:" + pattern + ")";
      good.push_back(std::move(alone));
    }
    if (good.size() > 1) {
      auto one = std::make_unique<RE2>(joined, go_re2_options());
      if (one->ok()) {
        good.clear();
        good.push_back(std::move(one));
      }
    }
    return good;
  };
  regexes_ = compile(source.regexes, "content");
  paths_ = compile(source.paths, "path");
  commits_ = source.commits;
  std::string words;
  for (const auto& w : source.stopwords) {
    if (!words.empty()) words += '|';
    words += RE2::QuoteMeta(go_lower_for_ascii(w));
  }
  has_stopwords_ = !source.stopwords.empty();
  if (has_stopwords_) {
    RE2::Options options = go_re2_options();
    options.set_encoding(RE2::Options::EncodingLatin1);  // bytes against bytes, as strings.Contains
    stopwords_ = std::make_unique<RE2>(words, options);
    if (!stopwords_->ok()) {
      errors.emplace_back(Errc::kParse,
                          fmt::format("{}: allowlist stopwords cannot be compiled ({})", owner,
                                      stopwords_->error()),
                          file, line);
      stopwords_.reset();
    }
  }
  has_regexes_ = !source.regexes.empty();
  has_paths_ = !source.paths.empty();
  empty_ = source.regexes.empty() && source.paths.empty() && source.commits.empty() &&
           source.stopwords.empty();
}

bool CompiledAllowlist::commit_allowed(std::string_view commit) const {
  if (commit.empty()) return false;
  for (const auto& c : commits_) {
    // gitleaks compares whole ids; a listed prefix (an abbreviated id) is accepted too.
    if (!c.empty() && commit.substr(0, c.size()) == c) return true;
  }
  return false;
}

namespace {

bool any_matches(const std::vector<std::unique_ptr<RE2>>& res, std::string_view text) {
  const re2::StringPiece piece(text.data(), text.size());
  for (const auto& re : res) {
    if (re->Match(piece, 0, text.size(), RE2::UNANCHORED, nullptr, 0)) return true;
  }
  return false;
}

}  // namespace

bool CompiledAllowlist::path_allowed(std::string_view path) const {
  return any_matches(paths_, path);
}

bool CompiledAllowlist::regex_allowed(std::string_view target) const {
  return any_matches(regexes_, target);
}

bool CompiledAllowlist::stopword_in(std::string_view secret) const {
  if (!stopwords_) return false;
  const std::string lower = go_lower_for_ascii(secret);
  return stopwords_->Match(re2::StringPiece(lower.data(), lower.size()), 0, lower.size(),
                           RE2::UNANCHORED, nullptr, 0);
}

bool CompiledAllowlist::allows_fragment(std::string_view path, std::string_view commit) const {
  if (empty_) return false;
  if (path.empty() && commit.empty()) return false;
  const bool commit_ok = commit_allowed(commit);
  const bool path_ok = path_allowed(path);
  if (condition_ == Condition::kAnd) {
    if (has_regexes_ || has_stopwords_) return false;  // decided per finding
    if (!commits_.empty() && !commit_ok) return false;
    if (has_paths_ && !path_ok) return false;
    return true;
  }
  return commit_ok || path_ok;
}

bool CompiledAllowlist::allows_path_alone(std::string_view path) const {
  if (empty_ || path.empty()) return false;
  if (condition_ == Condition::kAnd) {
    if (has_regexes_ || has_stopwords_ || !commits_.empty() || !has_paths_) return false;
    return path_allowed(path);
  }
  return path_allowed(path);
}

bool CompiledAllowlist::allows_finding(const FindingView& f) const {
  if (empty_) return false;
  auto regex_holds = [&] {
    if (target_ == RegexTarget::kSecret) return regex_allowed(f.secret);
    if (target_ == RegexTarget::kMatch) return regex_allowed(f.match);
    if (f.line_memo == nullptr) return regex_allowed(f.line);
    int8_t& memo = f.line_memo[id_];
    if (memo < 0) memo = regex_allowed(f.line) ? 1 : 0;
    return memo == 1;
  };
  if (condition_ == Condition::kAnd) {
    if (!commits_.empty() && !commit_allowed(f.commit)) return false;
    if (has_paths_ && !path_allowed(f.path)) return false;
    if (has_regexes_ && !regex_holds()) return false;
    if (has_stopwords_ && !stopword_in(f.secret)) return false;
    return true;
  }
  return (has_regexes_ && regex_holds()) || stopword_in(f.secret);
}

}  // namespace sw::secrets::engine
