// The email channel's end-to-end tests: a desk with [mail] set up, the
// store keyed with the secret the corpus (tests/mail/) was signed with, and
// the three tickets the corpus's replies answer.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "harness.hpp"

namespace e2e {

inline constexpr const char* kMailConfig =
    "[mail]\naddress = \"support@example.org\"\naliases = [\"helpdesk@example.org\"]\n";

// A message of tests/mail/, as raw bytes.
inline std::string corpus(const std::string& name) {
  std::ifstream in(source_dir() / "tests" / "mail" / name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "no tests/mail/" << name);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// [mail] set up (with `extra` appended), and the store's key replaced by
// the one the corpus's desk Message-IDs were signed with.
inline void set_up_mail(const Sandbox& s, const std::string& extra = "") {
  s.configure(std::string(kMailConfig) + extra);
  s.sql_ok(on_postgres() ? "UPDATE mail_secret SET secret = convert_to('desk-test-secret', 'UTF8')"
                         : "UPDATE mail_secret SET secret = CAST('desk-test-secret' AS BLOB)");
}

// Tickets 1, 2 and 3 of the corpus: Bob's printer, Alice's VPN, Ivan's 1C.
inline void log_story(const Sandbox& s) {
  s.log("Printer on floor 3 jams", {"-c", "Bob Smith <bob.smith@customer.example>"});
  s.log("VPN drops every hour", {"-c", "Alice Jones <alice.jones@example.net>"});
  s.log("Не запускается 1С на ноутбуке", {"-c", "Иван Петров <ivan.petrov@example.com>"});
}

inline Result receive(const Sandbox& s, const std::string& file,
                      const std::vector<std::string>& more = {}) {
  std::vector<std::string> args = {"mail", "receive"};
  args.insert(args.end(), more.begin(), more.end());
  return s.run(args, corpus(file));
}

inline Json ticket(const Sandbox& s, int id, bool full = false) {
  std::vector<std::string> args = {"show", std::to_string(id), "--format", "json"};
  if (full) args.push_back("--full");
  return s.ok(args).json();
}

}  // namespace e2e
