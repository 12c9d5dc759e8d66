// SPDX-License-Identifier: Apache-2.0
#include "cli/cli_support.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sw::test {
namespace {

std::string drain(int fd) {
  std::string out;
  std::array<char, 65536> buf{};
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n <= 0) break;
    out.append(buf.data(), static_cast<size_t>(n));
  }
  return out;
}

}  // namespace

Run run_program(const std::vector<std::string>& argv, const std::string& stdin_path) {
  // stdout and stderr go to temporary files, so a large output cannot deadlock the pipe.
  char out_name[] = "/tmp/sw-out-XXXXXX";
  char err_name[] = "/tmp/sw-err-XXXXXX";
  int out_fd = ::mkstemp(out_name);
  int err_fd = ::mkstemp(err_name);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open(stdin_path.c_str(), O_RDONLY);
    ::dup2(in, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    // Compiled secret rules are cached under the test's temporary directory, not the home.
    ::setenv("SHIELDWALL_CACHE_DIR", "/tmp/shieldwall-test-cache", 0);
    std::vector<char*> cargv;
    for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    ::execv(cargv[0], cargv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  ::lseek(out_fd, 0, SEEK_SET);
  ::lseek(err_fd, 0, SEEK_SET);
  r.out = drain(out_fd);
  r.err = drain(err_fd);
  ::close(out_fd);
  ::close(err_fd);
  ::unlink(out_name);
  ::unlink(err_name);
  return r;
}

Run run_shieldwall(const std::vector<std::string>& args) {
  std::vector<std::string> argv{SW_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv);
}

Run run_shieldwall_with_input(const std::vector<std::string>& args, const std::string& input) {
  char in_name[] = "/tmp/sw-in-XXXXXX";
  int in_fd = ::mkstemp(in_name);
  if (in_fd < 0) throw std::runtime_error("mkstemp failed");
  for (std::size_t done = 0; done < input.size();) {
    ssize_t n = ::write(in_fd, input.data() + done, input.size() - done);
    if (n <= 0) throw std::runtime_error("write failed");
    done += static_cast<std::size_t>(n);
  }
  ::close(in_fd);
  std::vector<std::string> argv{SW_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  Run r = run_program(argv, in_name);
  ::unlink(in_name);
  return r;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace sw::test
