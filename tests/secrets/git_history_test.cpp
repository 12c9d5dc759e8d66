// SPDX-License-Identifier: Apache-2.0
// Tests of the git sources (secrets/git_history.h) over repositories the tests build with
// libgit2 (fixed authors and dates), scanned by a fake FragmentScanner that reports every
// "SECRET_<word>" so the engine is not needed.
#include "secrets/git_history.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <git2.h>
#include <gtest/gtest.h>

#include "secrets/git/libgit2.h"
#include "support/fixture.h"

namespace sw::secrets {
namespace {

namespace fs = std::filesystem;
using Files = std::map<std::string, std::string>;

constexpr int64_t kT0 = 1700000000;  // 2023-11-14T22:13:20Z

// Reports every "SECRET_" followed by letters, digits and '_' as a match, with the fragment's
// git context, like the real engine.
class FakeScanner final : public FragmentScanner {
 public:
  Result<void> scan(const Fragment& fragment, std::vector<SecretMatch>& out) override {
    const std::string_view text = fragment.text;
    size_t pos = 0;
    while ((pos = text.find("SECRET_", pos)) != std::string_view::npos) {
      size_t end = pos + 7;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_')) {
        ++end;
      }
      size_t line_idx = 0;
      for (size_t i = 0; i < pos; ++i) line_idx += text[i] == '\n' ? 1 : 0;
      SecretMatch m;
      m.rule_id = "fake";
      m.secret = std::string(text.substr(pos, end - pos));
      m.match = m.secret;
      m.start_line = m.end_line = fragment.line_numbers.empty()
                                      ? static_cast<int>(line_idx) + 1
                                      : fragment.line_numbers.at(line_idx);
      m.path = fragment.path;
      m.commit = fragment.commit;
      m.author = fragment.author;
      m.email = fragment.email;
      m.date = fragment.date;
      m.message = fragment.message;
      out.push_back(std::move(m));
      pos = end;
    }
    return {};
  }
};

WorkerFactory fake_factory() {
  return
      []() -> Result<std::unique_ptr<FragmentScanner>> { return std::make_unique<FakeScanner>(); };
}

std::string hex(const git_oid& oid) { return git::oid_hex(oid); }

// A repository built commit by commit with libgit2; every commit is given as a full snapshot.
class TestRepo {
 public:
  TestRepo() {
    git::ensure_libgit2();
    git_repository* raw = nullptr;
    EXPECT_EQ(git_repository_init(&raw, root_.path().c_str(), 0), 0) << git::last_error_message();
    repo_.reset(raw);
  }

  const std::string& path() const { return root_.path(); }
  git_repository* repo() const { return repo_.get(); }
  sw::test::FixtureRoot& root() { return root_; }

  git_oid tree_of(const Files& files, const std::map<std::string, git_filemode_t>& modes = {}) {
    git_index* raw = nullptr;
    EXPECT_EQ(git_index_new(&raw), 0);
    const git::IndexPtr index(raw);
    for (const auto& [file, content] : files) {
      git_index_entry entry{};
      entry.path = file.c_str();
      entry.mode = modes.count(file) != 0 ? modes.at(file) : GIT_FILEMODE_BLOB;
      EXPECT_EQ(git_blob_create_from_buffer(&entry.id, repo_.get(), content.data(), content.size()),
                0);
      EXPECT_EQ(git_index_add(index.get(), &entry), 0) << git::last_error_message();
    }
    git_oid tree;
    EXPECT_EQ(git_index_write_tree_to(&tree, index.get(), repo_.get()), 0);
    return tree;
  }

  // A commit of `files` with `parents`, `minutes` after kT0; `ref` (if any) is moved to it.
  git_oid commit(const Files& files, const std::vector<git_oid>& parents, const std::string& msg,
                 int minutes, const std::string& ref = "", const std::string& name = "Alice",
                 const std::string& email = "alice@example.com",
                 const std::map<std::string, git_filemode_t>& modes = {}) {
    const git_oid tree_id = tree_of(files, modes);
    git_tree* raw_tree = nullptr;
    EXPECT_EQ(git_tree_lookup(&raw_tree, repo_.get(), &tree_id), 0);
    const git::TreePtr tree(raw_tree);
    std::vector<git::CommitPtr> owned;
    std::vector<const git_commit*> ptrs;
    for (const git_oid& p : parents) {
      git_commit* raw_parent = nullptr;
      EXPECT_EQ(git_commit_lookup(&raw_parent, repo_.get(), &p), 0);
      owned.emplace_back(raw_parent);
      ptrs.push_back(raw_parent);
    }
    git_signature* raw_sig = nullptr;
    EXPECT_EQ(git_signature_new(&raw_sig, name.c_str(), email.c_str(), kT0 + minutes * 60, 60), 0);
    const git::SignaturePtr sig(raw_sig);
    git_oid id;
    EXPECT_EQ(git_commit_create(&id, repo_.get(), nullptr, sig.get(), sig.get(), "UTF-8",
                                msg.c_str(), tree.get(), ptrs.size(), ptrs.data()),
              0)
        << git::last_error_message();
    if (!ref.empty()) set_ref(ref, id);
    return id;
  }

  void set_ref(const std::string& ref, const git_oid& id) {
    git_reference* raw = nullptr;
    EXPECT_EQ(git_reference_create(&raw, repo_.get(), ref.c_str(), &id, 1, "test"), 0)
        << git::last_error_message();
    git_reference_free(raw);
  }

  void set_head(const std::string& ref) {
    EXPECT_EQ(git_repository_set_head(repo_.get(), ref.c_str()), 0);
  }

  // Stages `files` (the index holds exactly these afterwards).
  void stage(const Files& files) {
    git_index* raw = nullptr;
    ASSERT_EQ(git_repository_index(&raw, repo_.get()), 0);
    const git::IndexPtr index(raw);
    ASSERT_EQ(git_index_clear(index.get()), 0);
    for (const auto& [file, content] : files) {
      git_index_entry entry{};
      entry.path = file.c_str();
      entry.mode = GIT_FILEMODE_BLOB;
      ASSERT_EQ(git_index_add_from_buffer(index.get(), &entry, content.data(), content.size()), 0);
    }
    ASSERT_EQ(git_index_write(index.get()), 0);
  }

  // The loose object file of `id`.
  std::string object_file(const git_oid& id) const {
    const std::string h = hex(id);
    return root_.path() + "/.git/objects/" + h.substr(0, 2) + "/" + h.substr(2);
  }

  void corrupt(const git_oid& id) const {
    const std::string file = object_file(id);
    fs::permissions(file, fs::perms::owner_all, fs::perm_options::add);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << "this is not zlib data";
  }

 private:
  sw::test::FixtureRoot root_;
  git::RepoPtr repo_;
};

GitScanResult scan(const GitScanOptions& options) {
  auto result = scan_git(options, fake_factory());
  EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().to_string());
  return result ? std::move(*result) : GitScanResult{};
}

GitScanOptions at(const TestRepo& repo) {
  GitScanOptions options;
  options.repo_path = repo.path();
  options.threads = 1;
  return options;
}

// "secret@path:line" for each match, in report order.
std::vector<std::string> found(const GitScanResult& result) {
  std::vector<std::string> out;
  for (const SecretMatch& m : result.matches) {
    out.push_back(m.secret + "@" + m.path + ":" + std::to_string(m.start_line));
  }
  return out;
}

std::string all_errors(const GitScanResult& result) {
  std::string out;
  for (const Error& e : result.errors) out += e.to_string() + "\n";
  return out;
}

TEST(GitHistory, SecretAddedThenRemovedIsFoundWithItsCommitAuthorAndLine) {
  TestRepo repo;
  const git_oid c1 =
      repo.commit({{"config.txt", "a\nb\nc\n"}}, {}, "initial", 0, "refs/heads/main");
  const git_oid c2 =
      repo.commit({{"config.txt", "a\ntoken=SECRET_ONE\nc\n"}}, {c1}, "add token\n\nbody\n", 1,
                  "refs/heads/main", "Bob", "bob@example.com");
  repo.commit({{"config.txt", "a\nc\n"}}, {c2}, "remove token", 2, "refs/heads/main");
  repo.set_head("refs/heads/main");

  const GitScanResult result = scan(at(repo));
  EXPECT_EQ(all_errors(result), "");
  EXPECT_EQ(result.commits, 3U);
  ASSERT_EQ(found(result), std::vector<std::string>{"SECRET_ONE@config.txt:2"});
  const SecretMatch& m = result.matches[0];
  EXPECT_EQ(m.commit, hex(c2));
  EXPECT_EQ(m.author, "Bob");
  EXPECT_EQ(m.email, "bob@example.com");
  EXPECT_EQ(m.date, "2023-11-14T22:14:20Z");  // author date in UTC, whatever its zone
  EXPECT_EQ(m.message, "add token\n\nbody");
  EXPECT_EQ(result.repo_root, fs::path(repo.path()).string());
}

TEST(GitHistory, EveryRefIsWalkedAndEachCommitScannedOnce) {
  TestRepo repo;
  const git_oid base = repo.commit({{"a.txt", "SECRET_BASE\n"}}, {}, "base", 0, "refs/heads/main");
  const git_oid feature = repo.commit({{"a.txt", "SECRET_BASE\n"}, {"f.txt", "SECRET_FEATURE\n"}},
                                      {base}, "feature", 1, "refs/heads/feature");
  repo.set_ref("refs/heads/feature-copy", feature);  // same commit from a second ref
  repo.commit({{"a.txt", "SECRET_BASE\n"}, {"t.txt", "SECRET_TAGGED\n"}}, {base}, "tag only", 2,
              "refs/tags/v1");
  repo.commit({{"a.txt", "SECRET_BASE\n"}, {"r.txt", "SECRET_REMOTE\n"}}, {base}, "remote only", 3,
              "refs/remotes/origin/topic");
  repo.set_head("refs/heads/main");

  const GitScanResult result = scan(at(repo));
  EXPECT_EQ(all_errors(result), "");
  EXPECT_EQ(result.commits, 4U);
  // Newest first, as git log.
  EXPECT_EQ(found(result),
            (std::vector<std::string>{"SECRET_REMOTE@r.txt:1", "SECRET_TAGGED@t.txt:1",
                                      "SECRET_FEATURE@f.txt:1", "SECRET_BASE@a.txt:1"}));
}

TEST(GitHistory, OneFragmentPerHunkWithNewFileLineNumbers) {
  TestRepo repo;
  std::string before;
  for (int i = 1; i <= 20; ++i) before += "line " + std::to_string(i) + "\n";
  const git_oid c1 = repo.commit({{"f.txt", before}}, {}, "one", 0, "refs/heads/main");
  std::string after = before;
  after.replace(after.find("line 3\n"), 7, "line 3\nSECRET_A\n");
  after.replace(after.find("line 15\n"), 8, "line 15\nx SECRET_B y\nSECRET_C\n");
  repo.commit({{"f.txt", after}}, {c1}, "two", 1, "refs/heads/main");

  GitScanOptions options = at(repo);
  options.max_commits = 1;
  const GitScanResult result = scan(options);
  EXPECT_EQ(found(result), (std::vector<std::string>{"SECRET_A@f.txt:4", "SECRET_B@f.txt:17",
                                                     "SECRET_C@f.txt:18"}));
  EXPECT_EQ(result.commits, 1U);
  EXPECT_EQ(result.fragments, 2U);  // two hunks
  EXPECT_EQ(result.bytes, std::string("SECRET_A\nx SECRET_B y\nSECRET_C\n").size());
}

TEST(GitHistory, RenamedFileYieldsOnlyTheLinesAddedByTheRename) {
  TestRepo repo;
  std::string body;
  for (int i = 0; i < 30; ++i) body += "setting_" + std::to_string(i) + " = value\n";
  const git_oid c1 =
      repo.commit({{"old/name.cfg", body + "key=SECRET_ORIGINAL\n"}}, {}, "one", 0, "refs/heads/m");
  const git_oid c2 = repo.commit({{"new/name.cfg", body + "key=SECRET_ORIGINAL\n"}}, {c1},
                                 "pure rename", 1, "refs/heads/m");
  repo.commit({{"newer/name.cfg", body + "key=SECRET_ORIGINAL\nother=SECRET_ADDED\n"}}, {c2},
              "rename and edit", 2, "refs/heads/m");

  const GitScanResult result = scan(at(repo));
  EXPECT_EQ(all_errors(result), "");
  EXPECT_EQ(found(result), (std::vector<std::string>{"SECRET_ADDED@newer/name.cfg:32",
                                                     "SECRET_ORIGINAL@old/name.cfg:31"}));

  GitScanOptions no_renames = at(repo);
  no_renames.renames = false;  // a rename is then a deletion and an addition of everything
  EXPECT_EQ(scan(no_renames).matches.size(), 4U);
}

TEST(GitHistory, TypeChangesAndDirectoriesBecomingFiles) {
  TestRepo repo;
  const git_oid c1 = repo.commit({{"cfg", "real.cfg"},
                                  {"dir/x.txt", "a\n"},
                                  {"lib/a.txt", "A\n"},
                                  {"lib/deep/b.txt", "SECRET_MOVED\n"}},
                                 {}, "one", 0, "refs/heads/m", "Alice", "alice@example.com",
                                 {{"cfg", GIT_FILEMODE_LINK}});
  const git_oid c2 = repo.commit({{"cfg", "SECRET_TYPECHANGE\n"},
                                  {"dir", "SECRET_DIR_IS_FILE\n"},
                                  {"src/lib/a.txt", "A\n"},
                                  {"src/lib/deep/b.txt", "SECRET_MOVED\n"}},
                                 {c1}, "two", 1, "refs/heads/m");
  GitScanOptions options = at(repo);
  options.max_commits = 1;
  const GitScanResult result = scan(options);
  EXPECT_EQ(all_errors(result), "");
  // The moved directory is a set of exact renames: nothing added.
  EXPECT_EQ(found(result),
            (std::vector<std::string>{"SECRET_TYPECHANGE@cfg:1", "SECRET_DIR_IS_FILE@dir:1"}));
  EXPECT_EQ(result.matches[0].commit, hex(c2));
}

TEST(GitHistory, BinaryFilesAreSkipped) {
  TestRepo repo;
  const std::string binary = std::string("SECRET_BINARY\0\x01\x02", 16);
  repo.commit({{"blob.bin", binary}, {"a.txt", "SECRET_TEXT\n"}}, {}, "one", 0, "refs/heads/m");
  const GitScanResult result = scan(at(repo));
  EXPECT_EQ(found(result), std::vector<std::string>{"SECRET_TEXT@a.txt:1"});
  EXPECT_EQ(result.binary_skipped, 1U);
}

TEST(GitHistory, FilesOverTheSizeLimitAreSkipped) {
  TestRepo repo;
  repo.commit({{"big.txt", "SECRET_BIG\n" + std::string(5000, 'x') + "\n"},
               {"small.txt", "SECRET_SMALL\n"}},
              {}, "one", 0, "refs/heads/m");
  GitScanOptions options = at(repo);
  options.max_file_bytes = 1000;
  const GitScanResult result = scan(options);
  EXPECT_EQ(found(result), std::vector<std::string>{"SECRET_SMALL@small.txt:1"});
  EXPECT_EQ(result.large_skipped, 1U);
}

TEST(GitHistory, PathsSkippedByTheCallerAreNotRead) {
  TestRepo repo;
  repo.commit({{"vendor/x.txt", "SECRET_VENDOR\n"}, {"src/y.txt", "SECRET_SRC\n"}}, {}, "one", 0,
              "refs/heads/m");
  GitScanOptions options = at(repo);
  options.skip_path = [](std::string_view path) { return path.rfind("vendor/", 0) == 0; };
  const GitScanResult result = scan(options);
  EXPECT_EQ(found(result), std::vector<std::string>{"SECRET_SRC@src/y.txt:1"});
  EXPECT_EQ(result.path_skipped, 1U);
}

TEST(GitHistory, MergeCommitsShowNoDiffUnlessFirstParent) {
  TestRepo repo;
  const git_oid base = repo.commit({{"a.txt", "base\n"}}, {}, "base", 0, "refs/heads/main");
  const git_oid side =
      repo.commit({{"a.txt", "base\n"}, {"s.txt", "SECRET_SIDE\n"}}, {base}, "side", 1);
  const git_oid main2 =
      repo.commit({{"a.txt", "base\nmain\n"}}, {base}, "main", 2, "refs/heads/main");
  // An "evil merge": the merge itself adds a line that is in neither parent.
  repo.commit({{"a.txt", "base\nmain\nSECRET_IN_MERGE\n"}, {"s.txt", "SECRET_SIDE\n"}},
              {main2, side}, "merge", 3, "refs/heads/main");

  const GitScanResult result = scan(at(repo));
  EXPECT_EQ(result.commits, 4U);
  // As `git log -p` (gitleaks): the merge is walked but shows no diff.
  EXPECT_EQ(found(result), std::vector<std::string>{"SECRET_SIDE@s.txt:1"});

  GitScanOptions first_parent = at(repo);
  first_parent.first_parent = true;  // git >= 2.31: --first-parent diffs merges vs parent 1
  const GitScanResult fp = scan(first_parent);
  EXPECT_EQ(fp.commits, 3U);  // the side branch is not walked
  EXPECT_EQ(found(fp),
            (std::vector<std::string>{"SECRET_IN_MERGE@a.txt:3", "SECRET_SIDE@s.txt:1"}));
}

class GitSelection : public ::testing::Test {
 protected:
  void SetUp() override {
    c1_ = repo_.commit({{"a.txt", "SECRET_1\n"}}, {}, "c1", 0, "refs/heads/main");
    c2_ = repo_.commit({{"a.txt", "SECRET_1\nSECRET_2\n"}}, {c1_}, "c2", 1, "refs/heads/main");
    c3_ = repo_.commit({{"a.txt", "SECRET_1\nSECRET_2\nSECRET_3\n"}}, {c2_}, "c3", 2,
                       "refs/heads/main");
    b1_ = repo_.commit({{"a.txt", "SECRET_1\nSECRET_2\n"}, {"b.txt", "SECRET_B\n"}}, {c2_}, "b1", 3,
                       "refs/heads/topic");
    repo_.set_head("refs/heads/main");
  }
  std::vector<std::string> secrets(const GitScanOptions& options) {
    std::vector<std::string> out;
    for (const SecretMatch& m : scan(options).matches) out.push_back(m.secret);
    return out;
  }
  TestRepo repo_;
  git_oid c1_{}, c2_{}, c3_{}, b1_{};
};

TEST_F(GitSelection, SinceExcludesCommitsReachableFromTheRevision) {
  GitScanOptions options = at(repo_);
  options.since = hex(c2_);
  EXPECT_EQ(secrets(options), (std::vector<std::string>{"SECRET_B", "SECRET_3"}));
  options.since = "main";
  EXPECT_EQ(secrets(options), std::vector<std::string>{"SECRET_B"});
}

TEST_F(GitSelection, RangesAndBranches) {
  GitScanOptions options = at(repo_);
  options.range = hex(c1_) + "..main";
  EXPECT_EQ(secrets(options), (std::vector<std::string>{"SECRET_3", "SECRET_2"}));
  options.range = "main...topic";  // symmetric difference: both sides, minus the merge base
  EXPECT_EQ(secrets(options), (std::vector<std::string>{"SECRET_B", "SECRET_3"}));
  options.range = "topic..";  // to HEAD
  EXPECT_EQ(secrets(options), std::vector<std::string>{"SECRET_3"});
  options.range.clear();
  options.branch = "topic";
  EXPECT_EQ(secrets(options), (std::vector<std::string>{"SECRET_B", "SECRET_2", "SECRET_1"}));
  options.branch = "topic";
  options.since = "main";
  EXPECT_EQ(secrets(options), std::vector<std::string>{"SECRET_B"});
}

TEST_F(GitSelection, MaxCommitsAndDates) {
  GitScanOptions options = at(repo_);
  options.max_commits = 2;
  EXPECT_EQ(secrets(options), (std::vector<std::string>{"SECRET_B", "SECRET_3"}));
  options.max_commits = 0;
  options.after = kT0 + 60;  // c2 and newer
  options.before = kT0 + 120;
  EXPECT_EQ(secrets(options), (std::vector<std::string>{"SECRET_3", "SECRET_2"}));
}

TEST_F(GitSelection, LogOptsAsGitleaksUsersPassThem) {
  GitScanOptions options = at(repo_);
  ASSERT_TRUE(parse_log_opts("--no-merges --first-parent " + hex(c1_) + "..topic", options, 0));
  EXPECT_EQ(secrets(options), (std::vector<std::string>{"SECRET_B", "SECRET_2"}));

  GitScanOptions all = at(repo_);
  ASSERT_TRUE(parse_log_opts("-p -U0 --full-history --all -n 1", all, 0));
  EXPECT_EQ(secrets(all), std::vector<std::string>{"SECRET_B"});

  GitScanOptions branches = at(repo_);
  ASSERT_TRUE(parse_log_opts("--branches=main ^topic", branches, 0));
  EXPECT_TRUE(branches.ref_globs == std::vector<std::string>{"refs/heads/main/*"});
  GitScanOptions heads = at(repo_);
  ASSERT_TRUE(parse_log_opts("--branches=ma* ^topic", heads, 0));
  EXPECT_EQ(secrets(heads), std::vector<std::string>{"SECRET_3"});
}

TEST_F(GitSelection, UnknownRevisionIsAUsageError) {
  GitScanOptions options = at(repo_);
  options.since = "no-such-branch";
  auto result = scan_git(options, fake_factory());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), Errc::kUsage);
  EXPECT_NE(result.error().message().find("no-such-branch"), std::string::npos);
}

TEST(GitHistory, StagedChangesAgainstHead) {
  TestRepo repo;
  const git_oid c1 = repo.commit({{"app.env", "A=1\nB=2\n"}}, {}, "one", 0, "refs/heads/main");
  repo.set_head("refs/heads/main");
  (void)c1;
  repo.stage({{"app.env", "A=1\nTOKEN=SECRET_STAGED\nB=2\n"}, {"new.txt", "SECRET_NEW\n"}});
  repo.root().write("/app.env", "A=1\nTOKEN=SECRET_STAGED\nB=2\nC=SECRET_UNSTAGED\n");
  repo.root().write("/new.txt", "SECRET_NEW\n");

  GitScanOptions options = at(repo);
  options.staged = true;
  const GitScanResult staged = scan(options);
  EXPECT_EQ(all_errors(staged), "");
  EXPECT_EQ(found(staged),
            (std::vector<std::string>{"SECRET_STAGED@app.env:2", "SECRET_NEW@new.txt:1"}));
  EXPECT_EQ(staged.matches[0].commit, "");
  EXPECT_EQ(staged.commits, 0U);

  options.staged = false;
  options.unstaged = true;
  EXPECT_EQ(found(scan(options)), std::vector<std::string>{"SECRET_UNSTAGED@app.env:4"});
}

TEST(GitHistory, EmptyRepositoryHasNoHistoryButItsStagedFilesAreScanned) {
  TestRepo repo;
  GitScanOptions options = at(repo);
  auto history = scan_git(options, fake_factory());
  ASSERT_FALSE(history);
  EXPECT_EQ(history.error().code(), Errc::kNotFound);
  EXPECT_NE(history.error().message().find("no commits"), std::string::npos);

  repo.stage({{"first.txt", "x\nSECRET_FIRST\n"}});
  options.staged = true;
  EXPECT_EQ(found(scan(options)), std::vector<std::string>{"SECRET_FIRST@first.txt:2"});
}

TEST(GitHistory, NotARepositoryIsAClearError) {
  sw::test::FixtureRoot dir;
  GitScanOptions options;
  options.repo_path = dir.path();
  auto result = scan_git(options, fake_factory());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), Errc::kNotFound);
  EXPECT_NE(result.error().to_string().find("not a git repository"), std::string::npos);
  EXPECT_FALSE(git_repository_root(dir.path()));
}

TEST(GitHistory, RepositoryRootFromASubdirectory) {
  TestRepo repo;
  repo.root().mkdir("/sub/dir");
  auto root = git_repository_root(repo.path() + "/sub/dir");
  ASSERT_TRUE(root) << root.error().to_string();
  EXPECT_EQ(*root, repo.path());
}

TEST(GitHistory, ResultsDoNotDependOnTheThreadCount) {
  TestRepo repo;
  Files files;
  git_oid parent{};
  std::vector<git_oid> parents;
  for (int i = 0; i < 40; ++i) {
    files["f" + std::to_string(i % 7) + ".txt"] +=
        "v" + std::to_string(i) + " SECRET_" + std::to_string(i) + "\n";
    const std::string ref = i % 3 == 0 ? "refs/heads/b" + std::to_string(i % 4) : "";
    parent = repo.commit(files, parents, "c" + std::to_string(i), i, ref);
    parents = {parent};
  }
  repo.set_ref("refs/heads/main", parent);
  GitScanOptions options = at(repo);
  const GitScanResult one = scan(options);
  options.threads = 4;
  const GitScanResult four = scan(options);
  EXPECT_EQ(one.matches.size(), 40U);
  EXPECT_EQ(found(one), found(four));
  std::vector<std::string> commits_one, commits_four;
  for (const auto& m : one.matches) commits_one.push_back(m.commit);
  for (const auto& m : four.matches) commits_four.push_back(m.commit);
  EXPECT_EQ(commits_one, commits_four);
  EXPECT_EQ(one.fragments, four.fragments);
  EXPECT_EQ(one.bytes, four.bytes);
}

TEST(GitHistory, TheSameChangeInTwoCommitsIsReportedTwiceButDiffedOnce) {
  TestRepo repo;
  const git_oid base = repo.commit({{"a.txt", "x\n"}}, {}, "base", 0, "refs/heads/main");
  const git_oid pick1 =
      repo.commit({{"a.txt", "x\nSECRET_PICKED\n"}}, {base}, "fix", 1, "refs/heads/main");
  const git_oid pick2 =  // a cherry-pick: same blobs, another commit
      repo.commit({{"a.txt", "x\nSECRET_PICKED\n"}}, {base}, "fix (cherry picked)", 2,
                  "refs/heads/release");
  const GitScanResult result = scan(at(repo));
  ASSERT_EQ(result.matches.size(), 2U);
  EXPECT_EQ(result.matches[0].commit, hex(pick2));
  EXPECT_EQ(result.matches[1].commit, hex(pick1));
  EXPECT_EQ(result.diff_cache_hits, 1U);
}

TEST(GitHistory, CorruptBlobIsReportedAndTheRestStillScanned) {
  TestRepo repo;
  const git_oid c1 = repo.commit({{"a.txt", "SECRET_BEFORE\n"}}, {}, "one", 0, "refs/heads/m");
  const git_oid c2 = repo.commit({{"a.txt", "SECRET_BEFORE\n"},
                                  {"bad.txt", "SECRET_LOST\n"},
                                  {"ok.txt", "SECRET_SAME_COMMIT\n"}},
                                 {c1}, "two", 1, "refs/heads/m");
  repo.commit({{"a.txt", "SECRET_BEFORE\n"},
               {"bad.txt", "SECRET_LOST\n"},
               {"ok.txt", "SECRET_SAME_COMMIT\n"},
               {"c.txt", "SECRET_AFTER\n"}},
              {c2}, "three", 2, "refs/heads/m");
  git_oid bad_blob;
  ASSERT_EQ(git_blob_create_from_buffer(&bad_blob, repo.repo(), "SECRET_LOST\n", 12), 0);
  repo.corrupt(bad_blob);

  const GitScanResult result = scan(at(repo));
  EXPECT_EQ(found(result),
            (std::vector<std::string>{"SECRET_AFTER@c.txt:1", "SECRET_SAME_COMMIT@ok.txt:1",
                                      "SECRET_BEFORE@a.txt:1"}));
  ASSERT_EQ(result.errors.size(), 1U) << all_errors(result);
  const std::string error = result.errors[0].to_string();
  EXPECT_NE(error.find(hex(c2)), std::string::npos) << error;
  EXPECT_NE(error.find(hex(bad_blob)), std::string::npos) << error;
  EXPECT_NE(error.find("bad.txt"), std::string::npos) << error;
}

TEST(GitHistory, CorruptCommitIsReportedAndOtherBranchesStillScanned) {
  TestRepo repo;
  const git_oid base = repo.commit({{"a.txt", "SECRET_BASE\n"}}, {}, "base", 0, "refs/heads/ok");
  const git_oid broken =
      repo.commit({{"a.txt", "SECRET_BASE\n"}, {"b.txt", "SECRET_BROKEN\n"}}, {base}, "broken", 1);
  repo.commit({{"a.txt", "SECRET_BASE\n"}, {"b.txt", "SECRET_BROKEN\n"}, {"c.txt", "SECRET_TIP\n"}},
              {broken}, "tip", 2, "refs/heads/bad");
  repo.commit({{"a.txt", "SECRET_BASE\n"}, {"d.txt", "SECRET_OK\n"}}, {base}, "ok", 3,
              "refs/heads/ok");
  repo.corrupt(broken);

  GitScanOptions options = at(repo);
  for (const int threads : {1, 4}) {
    options.threads = threads;
    const GitScanResult result = scan(options);
    EXPECT_EQ(found(result),
              (std::vector<std::string>{"SECRET_OK@d.txt:1", "SECRET_BASE@a.txt:1"}));
    const std::string errors = all_errors(result);
    EXPECT_NE(errors.find("cannot read commit " + hex(broken)), std::string::npos) << errors;
  }
}

TEST(GitHistory, ShallowBoundaryIsScannedAsARootCommit) {
  TestRepo repo;
  const git_oid c1 = repo.commit({{"a.txt", "SECRET_OLD\n"}}, {}, "old", 0, "refs/heads/m");
  const git_oid c2 =
      repo.commit({{"a.txt", "SECRET_OLD\nSECRET_NEW\n"}}, {c1}, "new", 1, "refs/heads/m");
  repo.set_head("refs/heads/m");
  // What `git clone --depth 1` leaves: the boundary listed in .git/shallow, its parent absent.
  std::ofstream(repo.path() + "/.git/shallow") << hex(c2) << "\n";
  fs::remove(repo.object_file(c1));

  const GitScanResult result = scan(at(repo));
  EXPECT_EQ(all_errors(result), "");
  EXPECT_TRUE(result.shallow);
  EXPECT_EQ(result.commits, 1U);
  EXPECT_EQ(found(result), (std::vector<std::string>{"SECRET_OLD@a.txt:1", "SECRET_NEW@a.txt:2"}));
}

TEST(GitHistory, MissingParentWithoutShallowFileIsReported) {
  TestRepo repo;
  const git_oid c1 = repo.commit({{"a.txt", "SECRET_OLD\n"}}, {}, "old", 0);
  const git_oid c2 =
      repo.commit({{"a.txt", "SECRET_OLD\nSECRET_NEW\n"}}, {c1}, "new", 1, "refs/heads/m");
  fs::remove(repo.object_file(c1));
  const GitScanResult result = scan(at(repo));
  EXPECT_TRUE(result.matches.empty());
  const std::string errors = all_errors(result);
  EXPECT_NE(errors.find(hex(c1)), std::string::npos) << errors;
  EXPECT_NE(errors.find("commit " + hex(c2) + " not scanned"), std::string::npos) << errors;
}

TEST(GitHistory, MailmapNamesTheAuthor) {
  TestRepo repo;
  repo.root().write("/.mailmap", "Alice Real <alice@corp.example> <alice@example.com>\n");
  repo.commit({{"a.txt", "SECRET_X\n"}}, {}, "one", 0, "refs/heads/main");
  repo.set_head("refs/heads/main");
  const GitScanResult result = scan(at(repo));
  ASSERT_EQ(result.matches.size(), 1U);
  EXPECT_EQ(result.matches[0].author, "Alice Real");
  EXPECT_EQ(result.matches[0].email, "alice@corp.example");
}

TEST(GitHistory, PathspecAndDiffFilter) {
  TestRepo repo;
  const git_oid c1 = repo.commit({{"src/a.txt", "SECRET_A\n"}, {"doc/b.txt", "SECRET_B\n"}}, {},
                                 "one", 0, "refs/heads/m");
  repo.commit({{"src/a.txt", "SECRET_A\nSECRET_A2\n"}, {"doc/b.txt", "SECRET_B\n"}}, {c1}, "two", 1,
              "refs/heads/m");
  GitScanOptions options = at(repo);
  options.paths = {"src"};
  EXPECT_EQ(found(scan(options)),
            (std::vector<std::string>{"SECRET_A2@src/a.txt:2", "SECRET_A@src/a.txt:1"}));
  options.diff_filter = "a";  // no additions: only modifications
  EXPECT_EQ(found(scan(options)), std::vector<std::string>{"SECRET_A2@src/a.txt:2"});
}

TEST(GitLogOpts, ReadsTheCommonGitleaksForms) {
  GitScanOptions o;
  ASSERT_TRUE(parse_log_opts(
      "--all --since=\"2 weeks ago\" --until 2024-01-31 -n5 -- src 'docs dir'", o, 2000000000));
  EXPECT_EQ(o.ref_globs, (std::vector<std::string>{"refs/*", "HEAD"}));
  EXPECT_EQ(o.after, 2000000000 - 14 * 86400);
  EXPECT_EQ(o.before, 1706659200);
  EXPECT_EQ(o.max_commits, 5U);
  EXPECT_EQ(o.paths, (std::vector<std::string>{"src", "docs dir"}));

  GitScanOptions r;
  ASSERT_TRUE(parse_log_opts("a..b ^c d --max-count=3 -7 --tags --remotes=origin", r, 0));
  EXPECT_EQ(r.revs, (std::vector<std::string>{"a..b", "^c", "d"}));
  EXPECT_EQ(r.max_commits, 7U);
  EXPECT_EQ(r.ref_globs, (std::vector<std::string>{"refs/tags/*", "refs/remotes/origin/*"}));
}

TEST(GitLogOpts, RefusesWhatItDoesNotSupport) {
  GitScanOptions o;
  auto bad = parse_log_opts("--author=alice", o, 0);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), Errc::kUsage);
  EXPECT_NE(bad.error().message().find("--author=alice"), std::string::npos);
  EXPECT_FALSE(parse_log_opts("--since='unterminated", o, 0));
  EXPECT_FALSE(parse_log_opts("--since=someday", o, 0));
  EXPECT_FALSE(parse_log_opts("-n", o, 0));
  EXPECT_FALSE(parse_log_opts("-n x", o, 0));
  EXPECT_FALSE(parse_log_opts("--diff-filter=Q", o, 0));
}

TEST(GitLogOpts, Dates) {
  EXPECT_EQ(parse_git_date("2024-01-31", 0), 1706659200);
  EXPECT_EQ(parse_git_date("2024-01-31T01:00:00Z", 0), 1706662800);
  EXPECT_EQ(parse_git_date("2024-01-31 01:00:00+01:00", 0), 1706659200);
  EXPECT_EQ(parse_git_date("2024-01-31T01:00:00.123-0100", 0), 1706666400);
  EXPECT_EQ(parse_git_date("@1706659200", 0), 1706659200);
  EXPECT_EQ(parse_git_date("1706659200", 0), 1706659200);
  EXPECT_EQ(parse_git_date("3.days.ago", 1000000), 1000000 - 3 * 86400);
  EXPECT_EQ(parse_git_date("1 year ago", 100000000), 100000000 - 365 * 86400);
  EXPECT_EQ(parse_git_date("yesterday", 100000), 100000 - 86400);
  EXPECT_EQ(parse_git_date("2024-13-01", 0), std::nullopt);
  EXPECT_EQ(parse_git_date("", 0), std::nullopt);
  EXPECT_EQ(parse_git_date("5 fortnights ago", 0), std::nullopt);
}

}  // namespace
}  // namespace sw::secrets
