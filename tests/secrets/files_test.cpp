// SPDX-License-Identifier: Apache-2.0
// Tests of the file and stream sources (secrets/files.h) with a fake FragmentScanner that
// reports every "LEAK<alnum>*" token, so they do not depend on the engine.
#include "secrets/files.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>
#include <gtest/gtest.h>

#include "secrets/binary.h"
#include "secrets/file_reader.h"
#include "support/fixture.h"

namespace sw::secrets {
namespace {

namespace fs = std::filesystem;

// Reports each "LEAK" followed by letters and digits, with gitleaks' 1-based line and byte
// columns; on empty text (a skipped binary) reports a path-only "p12-file" for *.p12 names.
class FakeScanner : public FragmentScanner {
 public:
  explicit FakeScanner(std::atomic<int>* calls = nullptr) : calls_(calls) {}

  Result<void> scan(const Fragment& fragment, std::vector<SecretMatch>& out) override {
    if (calls_ != nullptr) ++*calls_;
    if (fragment.text.find("FAILME") != std::string_view::npos) {
      return fail(Errc::kInternal, "engine failure");
    }
    std::string_view text = fragment.text;
    if (text.empty() && fragment.path.ends_with(".p12")) {
      SecretMatch m;
      m.rule_id = "p12-file";
      m.path = fragment.path;
      out.push_back(m);
      return {};
    }
    for (size_t pos = text.find("LEAK"); pos != std::string_view::npos;
         pos = text.find("LEAK", pos + 1)) {
      size_t end = pos + 4;
      while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end])) != 0) ++end;
      size_t line_start = text.rfind('\n', pos);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      SecretMatch m;
      m.rule_id = "leak";
      m.secret = std::string(text.substr(pos, end - pos));
      m.path = fragment.path;
      m.start_line = m.end_line =
          1 +
          static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
      m.start_column = static_cast<int>(pos - line_start) + 1;
      m.end_column = static_cast<int>(end - line_start);
      out.push_back(m);
    }
    return {};
  }

 private:
  std::atomic<int>* calls_;
};

WorkerFactory fake_factory(std::atomic<int>* calls = nullptr) {
  return [calls]() -> Result<std::unique_ptr<FragmentScanner>> {
    return std::make_unique<FakeScanner>(calls);
  };
}

FileScanResult scan(const std::vector<std::string>& roots, FileScanOptions options = {}) {
  if (options.threads == 0) options.threads = 2;
  auto r = scan_files(roots, options, fake_factory());
  EXPECT_TRUE(r) << (r ? "" : r.error().to_string());
  return r ? std::move(*r) : FileScanResult{};
}

// "path:line:column:secret" for each match, in result order.
std::vector<std::string> summary(const FileScanResult& result) {
  std::vector<std::string> out;
  for (const SecretMatch& m : result.matches) {
    out.push_back(m.path + ":" + std::to_string(m.start_line) + ":" +
                  std::to_string(m.start_column) + ":" + (m.secret.empty() ? m.rule_id : m.secret));
  }
  return out;
}

std::string reason_for(const FileScanResult& result, std::string_view path) {
  for (const SkippedFile& s : result.skipped) {
    if (s.path == path) return s.reason;
  }
  return "(not skipped)";
}

TEST(FileScan, NestedTreeGivesTheSameOrderedResultsWithOneAndFourThreads) {
  test::FixtureRoot root;
  int planted = 0;
  for (int dir_idx = 0; dir_idx < 6; ++dir_idx) {
    for (int file_idx = 0; file_idx < 12; ++file_idx) {
      std::string content;
      for (int line_idx = 0; line_idx < file_idx % 4 + 1; ++line_idx) {
        content += std::string(static_cast<size_t>(line_idx * 3), ' ') + "key = LEAK" +
                   std::to_string(dir_idx) + "x" + std::to_string(file_idx) + "y" +
                   std::to_string(line_idx) + " and LEAK2\n";
        planted += 2;
      }
      root.write("/d" + std::to_string(dir_idx) + "/sub" + std::to_string(file_idx % 3) + "/f" +
                     std::to_string(file_idx) + ".txt",
                 content);
    }
  }
  FileScanOptions one;
  one.threads = 1;
  FileScanOptions four;
  four.threads = 4;
  FileScanResult a = scan({root.path()}, one);
  FileScanResult b = scan({root.path()}, four);
  EXPECT_EQ(a.matches.size(), static_cast<size_t>(planted));
  EXPECT_EQ(summary(a), summary(b));
  EXPECT_EQ(a.files, 72u);
  EXPECT_EQ(b.files, 72u);
  EXPECT_EQ(a.bytes, b.bytes);
  // Sorted by path, then position.
  auto s = summary(a);
  EXPECT_EQ(s.front(), "d0/sub0/f0.txt:1:7:LEAK0x0y0");
  EXPECT_EQ(s[1], "d0/sub0/f0.txt:1:21:LEAK2");
  for (size_t i = 1; i < a.matches.size(); ++i) {
    const SecretMatch& p = a.matches[i - 1];
    const SecretMatch& m = a.matches[i];
    EXPECT_TRUE(p.path < m.path || (p.path == m.path && std::tie(p.start_line, p.start_column) <
                                                            std::tie(m.start_line, m.start_column)))
        << i;
  }
}

TEST(FileScan, DirectoryRootsAreRelativeAndFileRootsAsGiven) {
  test::FixtureRoot root;
  root.write("/repo/src/app.env", "TOKEN=LEAKabc\n");
  root.write("/repo/top.txt", "LEAKtop\n");
  root.write("/other/x.txt", "LEAKx\n");
  EXPECT_EQ(summary(scan({root.real("/repo")})),
            (std::vector<std::string>{"src/app.env:1:7:LEAKabc", "top.txt:1:1:LEAKtop"}));
  std::string file_root = root.real("/repo/src/app.env");
  EXPECT_EQ(summary(scan({file_root})), (std::vector<std::string>{file_root + ":1:7:LEAKabc"}));
  // Several roots: each root as given, joined.
  std::string repo = root.real("/repo/");
  std::string other = root.real("/other");
  auto several = summary(scan({repo, other}));
  EXPECT_EQ(several, (std::vector<std::string>{other + "/x.txt:1:1:LEAKx",
                                               root.real("/repo/src/app.env") + ":1:7:LEAKabc",
                                               root.real("/repo/top.txt") + ":1:1:LEAKtop"}));
  // relative_paths = false: gitleaks' own convention for one root too.
  FileScanOptions joined;
  joined.relative_paths = false;
  EXPECT_EQ(summary(scan({other}, joined)), (std::vector<std::string>{other + "/x.txt:1:1:LEAKx"}));
}

TEST(FileScan, GitDirectoriesAreNotEntered) {
  test::FixtureRoot root;
  root.write("/.git/config", "url = https://LEAKgit@example.com\n");
  root.write("/sub/.git/HEAD", "LEAKsub\n");
  root.write("/a.txt", "LEAKa\n");
  EXPECT_EQ(summary(scan({root.path()})), (std::vector<std::string>{"a.txt:1:1:LEAKa"}));
}

TEST(FileScan, SkipPathPrunesDirectoriesAndFilesUnread) {
  test::FixtureRoot root;
  root.write("/node_modules/pkg/index.js", "LEAKnm\n");
  root.write("/src/logo.png.txt", "LEAKpng\n");
  root.write("/src/main.js", "LEAKmain\n");
  std::vector<std::string> asked;
  FileScanOptions options;
  options.skip_path = [&](std::string_view p) {
    asked.emplace_back(p);
    return p == "node_modules" || p.ends_with(".png.txt");
  };
  FileScanResult r = scan({root.path()}, options);
  EXPECT_EQ(summary(r), (std::vector<std::string>{"src/main.js:1:1:LEAKmain"}));
  EXPECT_EQ(r.allowlisted, 2u);
  // The pruned directory's contents were never looked at.
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "node_modules/pkg"), 0);
}

TEST(FileScan, FilesOverTheSizeLimitAreSkippedUnread) {
  test::FixtureRoot root;
  root.write("/small.txt", "LEAKsmall\n");
  root.write("/big.txt", std::string(200, 'x') + " LEAKbig\n");
  FileScanOptions options;
  options.max_file_size = 100;
  FileScanResult r = scan({root.path()}, options);
  EXPECT_EQ(summary(r), (std::vector<std::string>{"small.txt:1:1:LEAKsmall"}));
  EXPECT_EQ(reason_for(r, "big.txt"), "larger than 100 bytes (size 209 bytes)");
  options.max_file_size = 0;  // no limit
  EXPECT_EQ(scan({root.path()}, options).matches.size(), 2u);
}

TEST(FileScan, ATwoGigabyteFileIsSkippedWithoutBeingRead) {
  test::FixtureRoot root;
  std::string huge = root.real("/huge.log");
  root.write("/huge.log", "");
  ASSERT_EQ(::truncate(huge.c_str(), off_t{2} << 30), 0);  // sparse: no disk space used
  std::atomic<int> calls{0};
  FileScanOptions options;
  options.threads = 1;
  auto r = scan_files({root.path()}, options, fake_factory(&calls));
  ASSERT_TRUE(r);
  EXPECT_EQ(reason_for(*r, "huge.log"), "larger than 100 MiB (size 2 GiB)");
  EXPECT_EQ(r->bytes, 0u);
  EXPECT_EQ(calls.load(), 1);  // offered to path-only rules with no text
  // With no limit it is mapped whole; its zeros make it binary after one page is looked at.
  options.max_file_size = 0;
  auto unlimited = scan_files({root.path()}, options, fake_factory());
  ASSERT_TRUE(unlimited);
  EXPECT_EQ(reason_for(*unlimited, "huge.log"), "binary");
}

TEST(FileScan, BinaryFilesAreSkippedButTheirNamesReachPathOnlyRules) {
  test::FixtureRoot root;
  root.write("/tool.bin", std::string("\x7f"
                                      "ELF\x02\x01",
                                      6) +
                              "LEAKelf\n");
  root.write("/nul.dat", std::string("abc\0def LEAKnul\n", 16));
  root.write("/img.png", "\x89PNG\r\n\x1a\nLEAKpng");
  root.write("/cert.p12", std::string("0\x82\x01\0", 4));
  FileScanResult r = scan({root.path()});
  EXPECT_EQ(reason_for(r, "tool.bin"), "binary");
  EXPECT_EQ(reason_for(r, "nul.dat"), "binary");
  EXPECT_EQ(reason_for(r, "img.png"), "binary");
  EXPECT_EQ(reason_for(r, "cert.p12"), "binary");
  EXPECT_EQ(summary(r), (std::vector<std::string>{"cert.p12:0:0:p12-file"}));
  EXPECT_EQ(r.files, 0u);
}

TEST(FileScan, BinaryTestAroundTheSniffSize) {
  test::FixtureRoot root;
  std::string big_binary(100000, 'a');
  big_binary[100] = '\0';
  root.write("/big.bin", big_binary + "LEAKbin\n");
  for (size_t size : {kBinarySniffBytes - 1, kBinarySniffBytes, kBinarySniffBytes + 1}) {
    std::string text(size - 8, 'b');
    text += "\nLEAKtx\n";
    ASSERT_EQ(text.size(), size);
    root.write("/t" + std::to_string(size) + ".txt", text);
  }
  FileScanResult r = scan({root.path()});
  EXPECT_EQ(reason_for(r, "big.bin"), "binary");
  EXPECT_EQ(summary(r), (std::vector<std::string>{"t7999.txt:2:1:LEAKtx", "t8000.txt:2:1:LEAKtx",
                                                  "t8001.txt:2:1:LEAKtx"}));
}

TEST(FileScan, InvalidUtf8IsScannedAsText) {
  test::FixtureRoot root;
  root.write("/latin1.txt", "caf\xe9 \xff\xfe\xc3 key=LEAKutf\n\xed\xa0\x80 LEAKtwo\n");
  FileScanResult r = scan({root.path()});
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_EQ(summary(r),
            (std::vector<std::string>{"latin1.txt:1:14:LEAKutf", "latin1.txt:2:5:LEAKtwo"}));
}

TEST(FileScan, ANulByteAfterTheFirst8000BytesDoesNotMakeAFileBinary) {
  test::FixtureRoot root;
  std::string content(9000, 'a');
  content += '\n';
  content += std::string("x\0y LEAKafter\n", 14);
  root.write("/late_nul.txt", content);
  FileScanResult r = scan({root.path()});
  EXPECT_EQ(summary(r), (std::vector<std::string>{"late_nul.txt:2:5:LEAKafter"}));
}

TEST(FileScan, HundredThousandCharacterLines) {
  test::FixtureRoot root;
  std::string line(100000, 'q');
  line.replace(99990, 8, "LEAKlong");
  root.write("/minified.js", "first\n" + line + "\nlast LEAKend\n");
  FileScanResult r = scan({root.path()});
  EXPECT_EQ(summary(r), (std::vector<std::string>{"minified.js:2:99991:LEAKlongqq",
                                                  "minified.js:3:6:LEAKend"}));
}

TEST(FileScan, UnreadableFilesAndDirectoriesAreSkippedAndTheRestScanned) {
  if (test::running_as_root()) GTEST_SKIP() << "root reads files with mode 000";
  test::FixtureRoot root;
  root.write("/locked.txt", "LEAKlocked\n", 0000);
  root.write("/closed/inner.txt", "LEAKinner\n");
  root.chmod("/closed", 0000);
  root.write("/open.txt", "LEAKopen\n");
  FileScanResult r = scan({root.path()});
  EXPECT_EQ(summary(r), (std::vector<std::string>{"open.txt:1:1:LEAKopen"}));
  EXPECT_EQ(reason_for(r, "locked.txt"), "unreadable: permission denied");
  EXPECT_EQ(reason_for(r, "closed"), "unreadable: permission denied");
  EXPECT_TRUE(r.errors.empty());
}

TEST(FileScan, SymlinksAreNotFollowedByDefaultAndBrokenOnesAreReported) {
  test::FixtureRoot root;
  root.write("/outside/secret.txt", "LEAKout\n");
  root.write("/tree/a.txt", "LEAKa\n");
  root.symlink(root.real("/outside/secret.txt"), "/tree/link.txt");
  root.symlink(root.real("/outside"), "/tree/linkdir");
  root.symlink("missing-target", "/tree/dangling");
  root.symlink("self", "/tree/self");
  FileScanResult r = scan({root.real("/tree")});
  EXPECT_EQ(summary(r), (std::vector<std::string>{"a.txt:1:1:LEAKa"}));
  EXPECT_EQ(reason_for(r, "link.txt"), "symlink (not followed)");
  EXPECT_EQ(reason_for(r, "linkdir"), "symlink (not followed)");
  EXPECT_EQ(reason_for(r, "dangling"), "broken symlink");
  EXPECT_EQ(reason_for(r, "self"), "symlink loop");

  FileScanOptions follow;
  follow.follow_symlinks = true;
  FileScanResult f = scan({root.real("/tree")}, follow);
  EXPECT_EQ(summary(f), (std::vector<std::string>{"a.txt:1:1:LEAKa", "link.txt:1:1:LEAKout",
                                                  "linkdir/secret.txt:1:1:LEAKout"}));
  EXPECT_EQ(reason_for(f, "dangling"), "broken symlink");
}

TEST(FileScan, SymlinkLoopsEndWhenFollowingSymlinks) {
  test::FixtureRoot root;
  root.write("/top/a/file.txt", "LEAKa\n");
  root.symlink("..", "/top/a/up");                // a/up -> top
  root.symlink(root.real("/top"), "/top/a/abs");  // same loop, absolute
  FileScanOptions follow;
  follow.follow_symlinks = true;
  FileScanResult r = scan({root.real("/top")}, follow);
  EXPECT_EQ(summary(r), (std::vector<std::string>{"a/file.txt:1:1:LEAKa"}));
  EXPECT_EQ(reason_for(r, "a/up"), "symlink loop");
  EXPECT_EQ(reason_for(r, "a/abs"), "symlink loop");
}

TEST(FileScan, SpecialFilesAreSkippedWithoutBlocking) {
  test::FixtureRoot root;
  ASSERT_EQ(::mkfifo(root.real("/pipe").c_str(), 0644), 0);
  root.write("/a.txt", "LEAKa\n");
  FileScanResult r = scan({root.path()});
  EXPECT_EQ(reason_for(r, "pipe"), "not a regular file (fifo)");
  EXPECT_EQ(summary(r), (std::vector<std::string>{"a.txt:1:1:LEAKa"}));
  // A FIFO given as a root is not opened either.
  FileScanResult direct = scan({root.real("/pipe")});
  EXPECT_EQ(reason_for(direct, root.real("/pipe")), "not a regular file (fifo)");
}

TEST(FileScan, AMissingRootIsAnErrorAndTheOtherRootsAreScanned) {
  test::FixtureRoot root;
  root.write("/a.txt", "LEAKa\n");
  std::string missing = root.real("/nope");
  FileScanResult r = scan({missing, root.real("/a.txt")});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code(), Errc::kNotFound);
  EXPECT_EQ(r.errors[0].file(), missing);
  EXPECT_EQ(r.matches.size(), 1u);
}

TEST(FileScan, EngineErrorsNameTheFileAndTheScanGoesOn) {
  test::FixtureRoot root;
  root.write("/bad.txt", "FAILME LEAKbad\n");
  root.write("/good.txt", "LEAKgood\n");
  FileScanResult r = scan({root.path()});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file(), "bad.txt");
  EXPECT_EQ(summary(r), (std::vector<std::string>{"good.txt:1:1:LEAKgood"}));
}

TEST(FileScan, AFailingWorkerFactoryFailsTheScan) {
  test::FixtureRoot root;
  WorkerFactory broken = []() -> Result<std::unique_ptr<FragmentScanner>> {
    return fail(Errc::kInternal, "no scratch");
  };
  auto r = scan_files({root.path()}, {}, broken);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "no scratch");
}

TEST(FileScan, EmptyFilesAreCountedNotScanned) {
  test::FixtureRoot root;
  root.write("/empty.txt", "");
  std::atomic<int> calls{0};
  auto r = scan_files({root.path()}, {}, fake_factory(&calls));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->files, 1u);
  EXPECT_EQ(calls.load(), 0);
}

// A git repository made with libgit2 in a fixture directory.
void git_init(const std::string& dir) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_init(&repo, dir.c_str(), 0), 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
}

TEST(FileScan, GitignoreInsideARepository) {
  test::FixtureRoot root;
  git_init(root.real("/repo"));
  root.write("/repo/.gitignore", "build/\n*.log\n!keep.log\n");
  root.write("/repo/sub/.gitignore", "local.txt\n");
  root.write("/repo/.git/info/exclude", "excluded.txt\n");
  root.write("/repo/build/out.txt", "LEAKbuild\n");
  root.write("/repo/app.log", "LEAKlog\n");
  root.write("/repo/keep.log", "LEAKkeep\n");
  root.write("/repo/excluded.txt", "LEAKexcluded\n");
  root.write("/repo/sub/local.txt", "LEAKlocal\n");
  root.write("/repo/sub/code.txt", "LEAKcode\n");
  FileScanOptions off;
  EXPECT_EQ(scan({root.real("/repo")}, off).matches.size(), 6u);

  FileScanOptions on;
  on.respect_gitignore = true;
  FileScanResult r = scan({root.real("/repo")}, on);
  EXPECT_EQ(summary(r),
            (std::vector<std::string>{"keep.log:1:1:LEAKkeep", "sub/code.txt:1:1:LEAKcode"}));
  EXPECT_EQ(r.ignored, 4u);  // build/, app.log, excluded.txt, sub/local.txt
  // A root below the work tree's top: the repository's rules still apply.
  EXPECT_EQ(summary(scan({root.real("/repo/sub")}, on)),
            (std::vector<std::string>{"code.txt:1:1:LEAKcode"}));
  // A file named explicitly is scanned even when ignored.
  EXPECT_EQ(scan({root.real("/repo/app.log")}, on).matches.size(), 1u);
}

TEST(FileScan, GitignoreOutsideARepositoryAppliesTheRootsOwnFiles) {
  test::FixtureRoot root;
  root.write("/plain/.gitignore", "*.secret\ncache/\n");
  root.write("/plain/a.secret", "LEAKs\n");
  root.write("/plain/cache/x.txt", "LEAKc\n");
  root.write("/plain/deep/b.secret", "LEAKd\n");
  root.write("/plain/kept.txt", "LEAKk\n");
  FileScanOptions on;
  on.respect_gitignore = true;
  FileScanResult r = scan({root.real("/plain")}, on);
  EXPECT_EQ(summary(r), (std::vector<std::string>{"kept.txt:1:1:LEAKk"}));
  EXPECT_EQ(r.ignored, 3u);
}

TEST(StreamScan, ReadsAStreamAndNumbersLinesAcrossChunks) {
  test::FixtureRoot root;
  std::string content;
  for (int i = 0; i < 400; ++i) {
    content += "line " + std::to_string(i) + " value=LEAK" + std::to_string(i) + "\n";
  }
  content += std::string(10000, 'z') + " LEAKlong\n";  // a line longer than a chunk
  content += "LEAKlast";                               // no final newline
  root.write("/stream.txt", content);

  auto run = [&](size_t chunk) {
    int fd = ::open(root.real("/stream.txt").c_str(), O_RDONLY);
    EXPECT_GE(fd, 0);
    StreamScanOptions options;
    options.chunk_size = chunk;
    auto r = scan_stream(fd, "-", fake_factory(), options);
    ::close(fd);
    EXPECT_TRUE(r);
    return r ? *r : FileScanResult{};
  };
  FileScanResult whole = run(size_t{1} << 20);
  FileScanResult chunked = run(4096);
  ASSERT_EQ(whole.matches.size(), 402u);
  EXPECT_EQ(summary(whole), summary(chunked));
  EXPECT_EQ(chunked.bytes, content.size());
  EXPECT_EQ(summary(chunked)[399], "-:400:16:LEAK399");
  EXPECT_EQ(summary(chunked)[400], "-:401:10002:LEAKlong");
  EXPECT_EQ(summary(chunked)[401], "-:402:1:LEAKlast");
}

TEST(StreamScan, APipeIsReadToTheEnd) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string data = "export TOKEN=LEAKpiped\n";
  ASSERT_EQ(::write(fds[1], data.data(), data.size()), static_cast<ssize_t>(data.size()));
  ::close(fds[1]);
  auto r = scan_stream(fds[0], "-", fake_factory());
  ::close(fds[0]);
  ASSERT_TRUE(r);
  EXPECT_EQ(summary(*r), (std::vector<std::string>{"-:1:14:LEAKpiped"}));
}

TEST(StreamScan, AReadErrorNamesTheStream) {
  auto r = scan_stream(-1, "-", fake_factory());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().file(), "-");
}

TEST(BinarySniff, NulBytesAndMagicNumbers) {
  EXPECT_FALSE(looks_binary(""));
  EXPECT_FALSE(looks_binary("plain text\n"));
  EXPECT_FALSE(looks_binary("\xff\xfe invalid utf-8 \xc3"));
  EXPECT_TRUE(looks_binary(std::string_view("a\0b", 3)));
  EXPECT_TRUE(looks_binary("%PDF-1.7\n"));
  EXPECT_TRUE(looks_binary("\x1f\x8b\x08"));
  EXPECT_TRUE(looks_binary("BZh91AY&SY"));
  EXPECT_FALSE(looks_binary("BZh is not bzip2"));
  EXPECT_TRUE(looks_binary("RIFF\x24\x08\x01\x02WAVEfmt "));
  std::string late(kBinarySniffBytes, 'a');
  late.push_back('\0');
  EXPECT_FALSE(looks_binary(late));
}

TEST(FileReaderTest, MapsLargeFilesAndReadsSmallOnes) {
  test::FixtureRoot root;
  root.write("/f.txt", "hello LEAK\n");
  FileReader mapped(0, /*mmap_threshold=*/1);
  auto a = mapped.load(root.real("/f.txt"), true);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->outcome, FileLoad::Outcome::kText);
  EXPECT_EQ(a->text, "hello LEAK\n");
  FileReader read(0);
  auto b = read.load(root.real("/f.txt"), true);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->text, "hello LEAK\n");
  auto missing = read.load(root.real("/gone.txt"), true);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->outcome, FileLoad::Outcome::kSkipped);
}

TEST(FileReaderTest, HumanSizes) {
  EXPECT_EQ(human_size(17), "17 bytes");
  EXPECT_EQ(human_size(1536), "1.5 KiB");
  EXPECT_EQ(human_size(uint64_t{100} << 20), "100 MiB");
  EXPECT_EQ(human_size(uint64_t{2} << 30), "2 GiB");
}

}  // namespace
}  // namespace sw::secrets
