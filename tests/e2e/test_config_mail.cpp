// [mail]: checked by `desk config check` with file:line:column, shown by
// `desk config show` with its defaults filled in.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("config mail: the starter's defaults, and a file that sets the address") {
  Sandbox s;
  std::string shown = s.ok({"config", "show"}).out;
  CHECK(shown.find("[mail]\naliases = []\nautoreply_interval = '1d'\nmax_message_size = '25MB'\n"
                   "reopen_within = '14d'\nsend_attempts = 8\n"
                   "sendmail = [ '/usr/sbin/sendmail', '-oi' ]\n"
                   "subject_tag = 'desk'\nunknown_senders = 'create'\n") != std::string::npos);
  s.configure(
      "[mail]\naddress = \"support@example.org\"\naliases = [\"helpdesk@example.org\"]\n"
      "unknown_senders = \"quarantine\"\nreopen_within = \"7d\"\nmax_message_size = 1048576\n");
  CHECK(s.ok({"config", "check"}).out == "desk.toml: ok\n");
  shown = s.ok({"config", "show"}).out;
  CHECK(shown.find("[mail]\naddress = 'support@example.org'\naliases = [ 'helpdesk@example.org' ]\n"
                   "autoreply_interval = '1d'\ndomain = 'example.org'\nmax_message_size = '1MB'\n"
                   "reopen_within = '7d'\nsend_attempts = 8\n"
                   "sendmail = [ '/usr/sbin/sendmail', '-oi' ]\n"
                   "subject_tag = 'desk'\nunknown_senders = 'quarantine'\n") != std::string::npos);
}

TEST_CASE("config mail: each mistake named where it is") {
  Sandbox s;
  struct Case {
    const char* toml;
    const char* error;
  };
  const Case cases[] = {
      {"[mail]\naddress = \"Desk <support@example.org>\"\n",
       "desk: desk.toml:2:11: address 'Desk <support@example.org>' is not a mail address"},
      {"[mail]\naddress = \"support\"\n",
       "desk: desk.toml:2:11: address 'support' is not a mail address"},
      {"[mail]\naliases = [\"a@b.example\", \"not an address\"]\n",
       "desk: desk.toml:2:27: alias 'not an address' is not a mail address"},
      {"[mail]\naliases = \"a@b.example\"\n",
       "desk: desk.toml:2:11: aliases must be a list of addresses"},
      {"[mail]\ndomain = \"exa mple.org\"\n",
       "desk: desk.toml:2:10: domain 'exa mple.org' is not a domain name"},
      {"[mail]\nsubject_tag = \"[desk]\"\n",
       "desk: desk.toml:2:15: subject_tag '[desk]' cannot tag a subject"},
      {"[mail]\nsubject_tag = \"\"\n", "desk: desk.toml:2:15: subject_tag '' cannot tag a subject"},
      {"[mail]\nunknown_senders = \"reject\"\n",
       "desk: desk.toml:2:19: unknown unknown_senders 'reject'"},
      {"[mail]\nreopen_within = \"two weeks\"\n",
       "desk: desk.toml:2:17: reopen_within must be a duration such as \"10s\", \"4h\" or \"5d\""},
      {"[mail]\nmax_message_size = \"25 parsecs\"\n",
       "desk: desk.toml:2:20: max_message_size must be a size such as \"25MB\", \"512KB\" or a "
       "number of bytes"},
      {"[mail]\nmax_message_size = 0\n",
       "desk: desk.toml:2:20: max_message_size must be more than 0 bytes"},
      {"[mail]\nadress = \"support@example.org\"\n",
       "desk: desk.toml:2:10: unknown key 'adress' in [mail]"},
      {"[mail]\naddress = \"support@example.org\"\naliases = [\"SUPPORT@example.org\"]\n",
       "desk: [mail] alias 'SUPPORT@example.org' is the address itself"},
      {"[tickets]\nchannels = [\"phone\"]\n[mail]\naddress = \"support@example.org\"\n",
       "desk: [mail] needs \"email\" among [tickets].channels: mail tickets come by it"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.toml);
    s.configure(c.toml);
    Result r = s.run({"config", "check"});
    CHECK(r.status == 78);
    CHECK(r.err_line() == c.error);
    CHECK(r.out == "");
  }
}
