// The messages of tests/mail/, as raw bytes: mail as desk receives it
// from Outlook, Gmail, Thunderbird, mailer daemons and auto-responders.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace desk::testing {

inline std::string mail_corpus(const std::string& name) {
  std::ifstream in(std::string(DESK_SOURCE_DIR) + "/tests/mail/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("no corpus file tests/mail/" + name);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The secret the corpus's desk Message-IDs are signed with.
inline const std::string kCorpusSecret = "desk-test-secret";

}  // namespace desk::testing
