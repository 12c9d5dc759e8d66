// SPDX-License-Identifier: Apache-2.0
// See input.h.
#include "password/input.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace sw::password {
namespace {

// The terminal state to restore from a signal handler (only async-signal-safe calls there).
int g_tty_fd = -1;
struct termios g_saved;
struct sigaction g_old_int, g_old_term, g_old_hup;

void restore_and_reraise(int sig) {
  if (g_tty_fd >= 0) tcsetattr(g_tty_fd, TCSAFLUSH, &g_saved);
  signal(sig, SIG_DFL);
  raise(sig);
}

class TtyEchoOff {
 public:
  explicit TtyEchoOff(int fd) : fd_(fd) {
    if (tcgetattr(fd, &saved_) != 0) return;
    g_saved = saved_;
    g_tty_fd = fd;
    struct sigaction sa {};
    sa.sa_handler = restore_and_reraise;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &g_old_int);
    sigaction(SIGTERM, &sa, &g_old_term);
    sigaction(SIGHUP, &sa, &g_old_hup);
    struct termios t = saved_;
    t.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    t.c_lflag |= ECHONL;
    ok_ = tcsetattr(fd, TCSAFLUSH, &t) == 0;
  }
  TtyEchoOff(const TtyEchoOff&) = delete;
  TtyEchoOff& operator=(const TtyEchoOff&) = delete;
  ~TtyEchoOff() {
    if (g_tty_fd < 0) return;
    tcsetattr(fd_, TCSAFLUSH, &saved_);
    sigaction(SIGINT, &g_old_int, nullptr);
    sigaction(SIGTERM, &g_old_term, nullptr);
    sigaction(SIGHUP, &g_old_hup, nullptr);
    g_tty_fd = -1;
  }
  bool ok() const { return ok_; }

 private:
  int fd_;
  struct termios saved_ {};
  bool ok_ = false;
};

bool write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

}  // namespace

Result<SecretString> prompt_no_echo(const std::string& prompt) {
  const int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    return fail(Errc::kUsage,
                "no terminal to ask for the password on: give passwords on stdin with --stdin");
  }
  SecretString out;
  {
    TtyEchoOff echo_off(fd);
    if (!echo_off.ok()) {
      close(fd);
      return fail(Errc::kUsage, "cannot turn off echo on the terminal; use --stdin");
    }
    write_all(fd, prompt.data(), prompt.size());
    char c = 0;
    for (;;) {
      const ssize_t r = read(fd, &c, 1);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0 || c == '\n') break;
      out.push_back(c);
    }
    wipe(&c, sizeof c);
    write_all(fd, "\n", 1);  // the Enter the terminal did not echo, as getpass(3) does
  }
  close(fd);
  out.chomp();
  return out;
}

LineReader::~LineReader() { wipe(buf_); }

bool LineReader::fill() {
  if (eof_) return false;
  wipe(buf_);
  buf_.resize(64 * 1024);
  pos_ = 0;
  for (;;) {
    const ssize_t n = read(fd_, buf_.data(), buf_.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error_ = std::strerror(errno);
      buf_.clear();
      return false;
    }
    buf_.resize(static_cast<std::size_t>(n));
    if (n == 0) eof_ = true;
    return n > 0;
  }
}

LineReader::Status LineReader::next(SecretString& line) {
  line.clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == buf_.size() && !fill()) {
      if (!error_.empty()) return Status::kError;
      if (!any) return Status::kEnd;
      ++line_no_;  // a last line without "\n"
      line.chomp();
      return too_long ? Status::kTooLong : Status::kLine;
    }
    const char* start = buf_.data() + pos_;
    const std::size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    const std::size_t take =
        nl != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : avail;
    any = true;
    if (!too_long) {
      if (line.size() + take > max_line_) {
        too_long = true;
        line.clear();
      } else {
        line.append(std::string_view(start, take));
      }
    }
    pos_ += take;
    if (nl != nullptr) {
      ++pos_;
      ++line_no_;
      if (too_long) return Status::kTooLong;
      line.chomp();
      return Status::kLine;
    }
  }
}

}  // namespace sw::password
