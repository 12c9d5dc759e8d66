// SPDX-License-Identifier: Apache-2.0
// End to end: `shieldwall password` with passwords on stdin (text and JSON Lines), an offline
// breach index built by `password index` from a Pwned-Passwords-format file written here, the
// range API against a server on loopback, and the audit of a Bitwarden export. Every test also
// checks that no password it fed in comes back out.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "support/fixture.h"

namespace sw::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) lines.push_back(json::parse(l));
  }
  return lines;
}

void expect_absent(const test::Run& r, const std::vector<std::string>& secrets) {
  for (const auto& s : secrets) {
    EXPECT_EQ(r.out.find(s), std::string::npos) << "stdout shows " << s;
    EXPECT_EQ(r.err.find(s), std::string::npos) << "stderr shows " << s;
  }
}

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

TEST(PasswordE2e, StdinJsonLinesOnePerLineInOrder) {
  const std::string input = std::string("password\ncorrect horse battery staple\n\n") +
                            "Tr0ub4dour&3\n\xff\xfe\nzxcvbnm,./\n";
  test::Run r = run_shieldwall_with_input({"password", "--stdin", "-f", "json"}, input);
  EXPECT_EQ(r.exit_code, 2) << r.err;  // two lines skipped: the rest is still judged
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 6u) << r.out;
  for (std::size_t k = 0; k < lines.size(); ++k) EXPECT_EQ(lines[k]["line"], k + 1);
  EXPECT_EQ(lines[0]["score"], 0);
  EXPECT_EQ(lines[0]["accepted"], false);
  EXPECT_EQ(lines[0]["feedback"]["warning"], "This is a top-10 common password");
  EXPECT_EQ(lines[0]["sequence"][0]["pattern"], "dictionary");
  EXPECT_EQ(lines[1]["score"], 4);
  EXPECT_EQ(lines[1]["accepted"], true);
  EXPECT_EQ(lines[2]["skipped"], "empty line");
  EXPECT_EQ(lines[3]["accepted"], false);  // 12 characters: too short as the only factor
  EXPECT_TRUE(lines[4].contains("skipped"));
  EXPECT_EQ(lines[5]["sequence"][0]["pattern"], "spatial");
  EXPECT_NE(r.err.find("stdin:3: skipped: empty line"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("stdin:5: skipped:"), std::string::npos) << r.err;
  for (const auto& l : lines) {
    if (!l.contains("skipped")) {
      EXPECT_EQ(l["breach_count"], nullptr);
    }
  }
  expect_absent(r, {"correct horse", "Tr0ub4dour", "zxcvbnm"});
}

TEST(PasswordE2e, TextVerdictsAndExitCodes) {
  test::Run weak = run_shieldwall_with_input({"password", "--stdin"}, "letmein\n");
  EXPECT_EQ(weak.exit_code, 1) << weak.err;
  EXPECT_NE(weak.out.find("line 1: rejected: score"), std::string::npos) << weak.out;
  test::Run strong =
      run_shieldwall_with_input({"password", "--stdin", "--mfa"}, "vivid-plinth-oxbow-sundial\n");
  EXPECT_EQ(strong.exit_code, 0) << strong.out << strong.err;
  EXPECT_NE(strong.out.find("line 1: accepted: score 4 of 4"), std::string::npos) << strong.out;
  test::Run none = run_shieldwall_with_input({"password", "--stdin"}, "");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("no passwords read"), std::string::npos);
  expect_absent(weak, {"letmein"});
  expect_absent(strong, {"plinth"});
}

TEST(PasswordE2e, ContextWordsAndTheReferenceYear) {
  test::Run r =
      run_shieldwall_with_input({"password", "--stdin", "-f", "json", "--user", "zorblaxx",
                                 "--reference-year", "2017", "--min-length", "8"},
                                "zorblaxx2016\n");
  EXPECT_EQ(r.exit_code, 1);
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["sequence"][0]["dictionary_name"], "user_inputs");
  EXPECT_EQ(lines[0]["sequence"][1]["regex_name"], "recent_year");
  std::string reasons = lines[0]["reasons"].dump();
  EXPECT_NE(reasons.find("user name"), std::string::npos) << reasons;
}

// Reads from the pty's master until `until` appears in what was read, the child closes it, or
// 20 s pass.
std::string read_pty(int master, std::string& seen, const std::string& until) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (until.empty() || seen.find(until) == std::string::npos) {
    if (std::chrono::steady_clock::now() > deadline) break;
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO: the child closed the terminal
    seen.append(buf, static_cast<std::size_t>(n));
  }
  return seen;
}

TEST(PasswordE2e, ThePromptDoesNotEcho) {
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::execl(SW_BINARY, SW_BINARY, "password", "-f", "json", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string seen;
  read_pty(master, seen, "Password (not shown): ");
  ASSERT_NE(seen.find("Password (not shown): "), std::string::npos) << seen;
  const std::string typed = "correct horse battery staple\n";
  ASSERT_EQ(::write(master, typed.data(), typed.size()), static_cast<ssize_t>(typed.size()));
  read_pty(master, seen, "");
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << seen;
  EXPECT_EQ(seen.find("horse"), std::string::npos) << seen;  // not echoed, not printed
  EXPECT_NE(seen.find("\"score\":4"), std::string::npos) << seen;
}

TEST(PasswordE2e, NeverFromArgv) {
  test::Run r = run_shieldwall({"password", "hunter2"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(PasswordE2e, AMegabyteLineIsJudgedInBoundedTime) {
  std::string big(1u << 20, 'a');
  for (std::size_t k = 0; k < big.size(); k += 7) big[k] = static_cast<char>('b' + k % 20);
  test::Run r = run_shieldwall_with_input({"password", "--stdin", "-f", "json"}, big + "\n");
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_EQ(lines[0]["truncated"], true);
  EXPECT_EQ(lines[0]["score"], 4);
}

TEST(PasswordE2e, OfflineBreachIndex) {
  FixtureRoot root;
  const fs::path dir = root.path();
  // SHA-1 of "password" and of "123456", as in the Pwned Passwords download, plus a bad line.
  write_file(dir / "pwned.txt",
             "7C4A8D09CA3762AF61E59520943DC26494F8941B:37359195\n"
             "not a hash line\n"
             "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:9659365\n");
  test::Run built = run_shieldwall(
      {"password", "index", (dir / "pwned.txt").string(), "-o", (dir / "pwned.idx").string()});
  EXPECT_EQ(built.exit_code, 2) << built.err;  // the bad line is reported, the index built
  EXPECT_NE(built.err.find("pwned.txt:2"), std::string::npos) << built.err;
  ASSERT_TRUE(fs::exists(dir / "pwned.idx"));

  test::Run r = run_shieldwall_with_input(
      {"password", "--stdin", "-f", "json", "--breach-index", (dir / "pwned.idx").string()},
      "password\nvivid-plinth-oxbow-sundial\n");
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.err;
  EXPECT_EQ(lines[0]["breach_count"], 9659365);
  EXPECT_EQ(lines[1]["breach_count"], 0);
  EXPECT_EQ(lines[1]["accepted"], true);
  EXPECT_NE(lines[0]["reasons"].dump().find("9659365"), std::string::npos);
}

TEST(PasswordE2e, RangeApiOnLoopbackSeesOnlyThePrefix) {
  httplib::Server server;
  std::mutex mu;
  std::vector<std::string> paths;
  server.Get(R"(/range/(.*))", [&](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mu);
      paths.push_back(req.path + (req.has_header("Add-Padding") ? " padded" : ""));
    }
    // SHA-1("password") = 5BAA6 1E4C9B93F3F0682250B6CF8331B7EE68FD8; one padding line.
    res.set_content(
        "1E4C9B93F3F0682250B6CF8331B7EE68FD8:42\r\n"
        "0000000000000000000000000000000000A:0\r\n",
        "text/plain");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread t([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  test::Run r = run_shieldwall_with_input({"password", "--stdin", "-f", "json", "--hibp-url",
                                           "http://127.0.0.1:" + std::to_string(port) + "/range/"},
                                          "password\n");
  server.stop();
  t.join();
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_EQ(lines[0]["breach_count"], 42);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(paths[0], "/range/5BAA6 padded");
}

TEST(PasswordE2e, VaultAuditGoesToTheUsersPart) {
  FixtureRoot root;
  const fs::path vault = fs::path(root.path()) / "bitwarden.csv";
  write_file(vault,
             "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
             "login_password,login_totp\n"
             ",,login,Mail,,,0,https://mail.example.com/,alice,Summer2019!,\n"
             ",,login,Shop,,,0,https://www.shop.example/,alice@example.com,"
             "vivid-plinth-oxbow-sundial,\n"
             ",,login,Forum,,,0,https://forum.example.org/login,al,vivid-plinth-oxbow-sundial,\n"
             ",,login,Bank,,,0,https://bank.example.net/,alice,"
             "q8#Lw2!vRt9@zPm4&Xc7$Hn5,\n");
  test::Run r = run_shieldwall({"password", "--vault", vault.string(), "-f", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json report = json::parse(r.out);
  std::multiset<std::string> checks;
  for (const auto& f : report["findings"]) {
    checks.insert(f["check"].get<std::string>());
    EXPECT_EQ(f["responsible"]["role"], "user") << f.dump();
  }
  EXPECT_EQ(checks.count("password.vault.weak"), 1u) << r.out;
  EXPECT_EQ(checks.count("password.vault.reused"), 1u) << r.out;
  EXPECT_EQ(checks.count("password.vault.breached"), 0u);
  bool reused_named = false;
  for (const auto& f : report["findings"]) {
    if (f["check"] == "password.vault.reused") {
      reused_named =
          f["subject"].get<std::string>().find("forum.example.org (al)") != std::string::npos &&
          f["subject"].get<std::string>().find("shop.example") != std::string::npos;
    }
    if (f["check"] == "password.vault.weak") {
      EXPECT_EQ(f["subject"], "mail.example.com (alice)");
    }
  }
  EXPECT_TRUE(reused_named) << r.out;
  expect_absent(r, {"Summer2019", "plinth", "q8#Lw2"});

  test::Run text = run_shieldwall({"password", "--vault", vault.string()});
  EXPECT_NE(text.out.find("Your part"), std::string::npos) << text.out;
  expect_absent(text, {"Summer2019", "plinth", "q8#Lw2"});
}

TEST(PasswordE2e, UnknownVaultFormatNamesTheFile) {
  FixtureRoot root;
  const fs::path vault = fs::path(root.path()) / "odd.csv";
  write_file(vault, "a,b,c\n1,2,3\n");
  test::Run r = run_shieldwall({"password", "--vault", vault.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("odd.csv"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sw::test
