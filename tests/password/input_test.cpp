// SPDX-License-Identifier: Apache-2.0
// Tests of password/input.h: the bounded line reader (line endings, a last line without "\n",
// over-long lines skipped and counted, empty input) over a pipe, and the prompt's error without a
// terminal.
#include "password/input.h"

#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

namespace sw::password {
namespace {

struct Read {
  std::vector<std::string> lines;  // "!" + line number for a skipped line
  bool error = false;
};

Read read_all(const std::string& input, std::size_t max_line) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    std::size_t off = 0;
    while (off < input.size()) {
      const ssize_t w = write(fds[1], input.data() + off, input.size() - off);
      if (w <= 0) break;
      off += static_cast<std::size_t>(w);
    }
    close(fds[1]);
  });
  Read out;
  LineReader reader(fds[0], max_line);
  SecretString line;
  for (;;) {
    auto st = reader.next(line);
    if (st == LineReader::Status::kEnd) break;
    if (st == LineReader::Status::kError) {
      out.error = true;
      break;
    }
    if (st == LineReader::Status::kTooLong) {
      EXPECT_TRUE(line.empty());
      out.lines.push_back("!" + std::to_string(reader.line_number()));
    } else {
      out.lines.emplace_back(line.view());
    }
  }
  writer.join();
  close(fds[0]);
  return out;
}

TEST(PasswordInput, LinesAndEndings) {
  Read r = read_all("one\ntwo\r\n\nthree", 100);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.lines, (std::vector<std::string>{"one", "two", "", "three"}));
}

TEST(PasswordInput, EmptyInputHasNoLines) {
  EXPECT_TRUE(read_all("", 100).lines.empty());
  EXPECT_EQ(read_all("\n", 100).lines, std::vector<std::string>{""});
}

TEST(PasswordInput, OverlongLinesAreSkippedWithTheirNumber) {
  const std::string big(200000, 'x');  // spans several reads
  Read r = read_all("a\n" + big + "\nb\n" + big, 1000);
  EXPECT_EQ(r.lines, (std::vector<std::string>{"a", "!2", "b", "!4"}));
  // At the limit exactly, the line is kept.
  Read exact = read_all(std::string(1000, 'y') + "\n", 1000);
  ASSERT_EQ(exact.lines.size(), 1u);
  EXPECT_EQ(exact.lines[0].size(), 1000u);
}

TEST(PasswordInput, LongLinesWithinTheLimitSurviveRefills) {
  const std::string big(300000, 'z');
  Read r = read_all(big + "\nend\n", 1u << 20);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0], big);
  EXPECT_EQ(r.lines[1], "end");
}

TEST(PasswordInput, ReadErrorIsReported) {
  LineReader reader(-1);
  SecretString line;
  EXPECT_EQ(reader.next(line), LineReader::Status::kError);
  EXPECT_FALSE(reader.error().empty());
}

}  // namespace
}  // namespace sw::password
