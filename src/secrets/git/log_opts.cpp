// SPDX-License-Identifier: Apache-2.0
// gitleaks' `--log-opts` (extra `git log` arguments) read into GitScanOptions, and the git date
// forms --since/--until take. The supported subset and its mapping are listed in
// secrets/git_history.h. Written by hand: these are a handful of git's command-line forms, and
// nothing in libgit2 parses git log's options or its "approxidate" dates.
// Words are split as a POSIX shell would for the simple cases: whitespace separates, '...' and
// "..." group, a backslash escapes outside single quotes (gitleaks itself splits on spaces only,
// which breaks `--since="2 weeks ago"`; gitleaks issue 1153).
#include <cctype>
#include <charconv>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "secrets/git_history.h"

namespace sw::secrets {

namespace {

Result<std::vector<std::string>> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote == '\'') {
      if (c == '\'') {
        quote = 0;
      } else {
        word += c;
      }
    } else if (quote == '"') {
      if (c == '"') {
        quote = 0;
      } else if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) {
        word += text[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
      in_word = true;
    } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != 0)
    return fail(Errc::kUsage, fmt::format("--log-opts: unterminated {} quote", quote));
  if (in_word) words.push_back(std::move(word));
  return words;
}

std::optional<int64_t> parse_int(std::string_view text) {
  int64_t value = 0;
  if (text.empty()) return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "refs/heads/" + pattern, with "/*" appended when the pattern has no glob character (git's
// --branches=feature means refs/heads/feature/*).
std::string ref_glob(std::string_view prefix, std::string_view pattern) {
  if (pattern.empty()) return fmt::format("{}*", prefix);
  std::string glob(pattern);
  if (glob.rfind(prefix, 0) != 0) glob = fmt::format("{}{}", prefix, pattern);
  if (glob.find_first_of("?*[") == std::string::npos) glob += "/*";
  return glob;
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> names) {
  for (const std::string_view name : names) {
    if (word == name) return true;
  }
  return false;
}

// Splits "--name=value" into its value when `word` starts with "--name=".
std::optional<std::string_view> value_of(std::string_view word, std::string_view name) {
  if (word.size() > name.size() && word.substr(0, name.size()) == name &&
      word[name.size()] == '=') {
    return word.substr(name.size() + 1);
  }
  return std::nullopt;
}

// Digits at the start of `text`, consumed.
std::optional<int> take_number(std::string_view& text, size_t digits) {
  if (text.size() < digits) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < digits; ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  text.remove_prefix(digits);
  return value;
}

std::optional<int64_t> parse_absolute_date(std::string_view text) {
  std::tm tm{};
  const auto year = take_number(text, 4);
  if (!year || text.empty() || text[0] != '-') return std::nullopt;
  text.remove_prefix(1);
  const auto month = take_number(text, 2);
  if (!month || text.empty() || text[0] != '-') return std::nullopt;
  text.remove_prefix(1);
  const auto day = take_number(text, 2);
  if (!day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  tm.tm_year = *year - 1900;
  tm.tm_mon = *month - 1;
  tm.tm_mday = *day;
  int64_t offset = 0;
  if (!text.empty() && (text[0] == 'T' || text[0] == ' ')) {
    text.remove_prefix(1);
    const auto hour = take_number(text, 2);
    if (!hour || text.empty() || text[0] != ':') return std::nullopt;
    text.remove_prefix(1);
    const auto minute = take_number(text, 2);
    if (!minute || *hour > 23 || *minute > 59) return std::nullopt;
    tm.tm_hour = *hour;
    tm.tm_min = *minute;
    if (!text.empty() && text[0] == ':') {
      text.remove_prefix(1);
      const auto second = take_number(text, 2);
      if (!second || *second > 60) return std::nullopt;
      tm.tm_sec = *second;
      if (!text.empty() && text[0] == '.') {  // fractions of a second: dropped
        text.remove_prefix(1);
        while (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0])) != 0) {
          text.remove_prefix(1);
        }
      }
    }
    if (!text.empty() && (text[0] == 'Z' || text[0] == 'z')) {
      text.remove_prefix(1);
    } else if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
      const int sign = text[0] == '-' ? -1 : 1;
      text.remove_prefix(1);
      const auto oh = take_number(text, 2);
      if (!oh) return std::nullopt;
      if (!text.empty() && text[0] == ':') text.remove_prefix(1);
      const auto om = take_number(text, 2);
      if (!om || *oh > 23 || *om > 59) return std::nullopt;
      offset = sign * (int64_t{*oh} * 3600 + int64_t{*om} * 60);
    }
  }
  if (!text.empty()) return std::nullopt;
  return timegm(&tm) - offset;
}

std::optional<int64_t> parse_relative_date(std::string_view text, int64_t now) {
  // "N unit[s] ago", git also allows dots for spaces ("2.weeks.ago").
  std::string words(text);
  for (char& c : words) {
    if (c == '.') c = ' ';
  }
  std::vector<std::string> parts;
  if (auto split = split_words(words)) parts = std::move(*split);
  if (parts.size() != 3 || parts[2] != "ago") return std::nullopt;
  const auto count = parse_int(parts[0]);
  if (!count || *count < 0 || *count > 100000) return std::nullopt;
  std::string unit = parts[1];
  if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
  int64_t seconds = 0;
  if (unit == "second" || unit == "sec") {
    seconds = 1;
  } else if (unit == "minute" || unit == "min") {
    seconds = 60;
  } else if (unit == "hour") {
    seconds = 3600;
  } else if (unit == "day") {
    seconds = 86400;
  } else if (unit == "week") {
    seconds = 7 * 86400;
  } else if (unit == "month") {
    seconds = 30 * 86400;
  } else if (unit == "year") {
    seconds = 365 * 86400;
  } else {
    return std::nullopt;
  }
  return now - *count * seconds;
}

}  // namespace

std::optional<int64_t> parse_git_date(std::string_view text, int64_t now) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  if (text == "now") return now;
  if (text == "yesterday") return now - 86400;
  if (text[0] == '@') return parse_int(text.substr(1));
  if (text.size() >= 9 && text.find_first_not_of("0123456789") == std::string_view::npos) {
    return parse_int(text);  // git reads a long run of digits as a Unix time
  }
  if (auto absolute = parse_absolute_date(text)) return absolute;
  return parse_relative_date(text, now);
}

Result<void> parse_log_opts(std::string_view text, GitScanOptions& options, int64_t now) {
  auto words = split_words(text);
  if (!words) return Unexpected(words.error());
  const std::vector<std::string>& argv = *words;
  bool paths_only = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    if (paths_only) {
      options.paths.push_back(word);
      continue;
    }
    // The next word as the value of `word`, for "--max-count N" style options.
    const auto next_value = [&]() -> Result<std::string> {
      if (i + 1 >= argv.size()) {
        return fail(Errc::kUsage, fmt::format("--log-opts: {} needs a value", word));
      }
      return argv[++i];
    };
    const auto set_date = [&](std::string_view value, bool lower) -> Result<void> {
      const auto date = parse_git_date(value, now);
      if (!date) {
        return fail(Errc::kUsage,
                    fmt::format("--log-opts: cannot read the date '{}' (use YYYY-MM-DD, an RFC "
                                "3339 time, @UNIX or 'N days ago')",
                                value));
      }
      (lower ? options.after : options.before) = *date;
      return {};
    };
    const auto set_count = [&](std::string_view value) -> Result<void> {
      const auto count = parse_int(value);
      if (!count || *count < 0) {
        return fail(Errc::kUsage, fmt::format("--log-opts: '{}' is not a commit count", value));
      }
      options.max_commits = static_cast<size_t>(*count);
      return {};
    };

    if (word == "--") {
      paths_only = true;
    } else if (is_one_of(word, {"-p", "--patch", "-u", "--full-history", "--no-ext-diff",
                                "--no-color", "-M", "--find-renames", "--date-order",
                                "--topo-order", "--author-date-order", "--reverse"}) ||
               word.rfind("-U", 0) == 0 || word.rfind("--unified=", 0) == 0 ||
               word.rfind("--find-renames=", 0) == 0 || word.rfind("-M", 0) == 0) {
      // Already what the scan does, or only an order: ignored.
    } else if (word == "--all") {
      options.ref_globs.emplace_back("refs/*");
      options.ref_globs.emplace_back("HEAD");
    } else if (word == "--branches" || word == "--tags" || word == "--remotes") {
      options.ref_globs.push_back(ref_glob(fmt::format("refs/{}/", word.substr(2)), ""));
    } else if (auto b = value_of(word, "--branches")) {
      options.ref_globs.push_back(ref_glob("refs/heads/", *b));
    } else if (auto t = value_of(word, "--tags")) {
      options.ref_globs.push_back(ref_glob("refs/tags/", *t));
    } else if (auto r = value_of(word, "--remotes")) {
      options.ref_globs.push_back(ref_glob("refs/remotes/", *r));
    } else if (auto g = value_of(word, "--glob")) {
      options.ref_globs.push_back(ref_glob("refs/", *g));
    } else if (word == "--first-parent") {
      options.first_parent = true;
    } else if (word == "--no-merges") {
      options.no_merges = true;
    } else if (word == "--no-renames") {
      options.renames = false;
    } else if (auto f = value_of(word, "--diff-filter")) {
      if (f->find_first_not_of("ACDMRTUXBacdmrtuxb*") != std::string_view::npos) {
        return fail(Errc::kUsage, fmt::format("--log-opts: bad --diff-filter '{}'", *f));
      }
      options.diff_filter = std::string(*f);
    } else if (auto n = value_of(word, "--max-count")) {
      SW_TRY(set_count(*n));
    } else if (word == "-n" || word == "--max-count") {
      auto value = next_value();
      if (!value) return Unexpected(value.error());
      SW_TRY(set_count(*value));
    } else if (word.size() > 2 && word.rfind("-n", 0) == 0) {
      SW_TRY(set_count(std::string_view(word).substr(2)));
    } else if (word.size() > 1 && word[0] == '-' &&
               word.find_first_not_of("0123456789", 1) == std::string::npos) {
      SW_TRY(set_count(std::string_view(word).substr(1)));
    } else if (is_one_of(word, {"--since", "--after", "--until", "--before"})) {
      auto value = next_value();
      if (!value) return Unexpected(value.error());
      SW_TRY(set_date(*value, word == "--since" || word == "--after"));
    } else if (auto s = value_of(word, "--since")) {
      SW_TRY(set_date(*s, true));
    } else if (auto a = value_of(word, "--after")) {
      SW_TRY(set_date(*a, true));
    } else if (auto u = value_of(word, "--until")) {
      SW_TRY(set_date(*u, false));
    } else if (auto bf = value_of(word, "--before")) {
      SW_TRY(set_date(*bf, false));
    } else if (!word.empty() && word[0] == '-') {
      return fail(Errc::kUsage,
                  fmt::format("--log-opts: '{}' is not supported (supported: revisions and "
                              "ranges, --all, --branches, --tags, --remotes, --glob, -n, "
                              "--max-count, --first-parent, --no-merges, --since, --until, "
                              "--diff-filter, --no-renames, -- PATH...)",
                              word));
    } else if (!word.empty()) {
      options.revs.push_back(word);
    }
  }
  return {};
}

}  // namespace sw::secrets
