// Meta-tests, after git's t0012-help and t0450-txt-doc-vs-help: the binary
// describes itself (its command table, `desk __complete`, `--help`, the keys
// `desk config check` knows), and these tests hold the man pages, the
// completion scripts, README.md and examples/ to what it says. Adding a
// command, an option, a JSON field, a configuration key or an exit code
// without documenting it fails here; cmd/registry.hpp lists what to write.
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <doctest/doctest.h>

#include "harness.hpp"
#include "mail_fixtures.hpp"

using namespace e2e;

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

// The first tab-separated field of each line: what `desk __complete` offers.
std::vector<std::string> names_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(text)) out.push_back(line.substr(0, line.find('\t')));
  return out;
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

fs::path man_page(const std::string& name) {
  return source_dir() / "man" / (name + ".scd");
}

// The text of one "# SECTION" of a man page, up to the next one.
std::string section(const std::string& page, const std::string& title) {
  auto begin = page.find("\n# " + title + "\n");
  if (begin == std::string::npos) return {};
  auto end = page.find("\n# ", begin + 1);
  return page.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// Every *-x* and *--xyz* set in bold: the options a page documents.
std::set<std::string> bold_options(const std::string& text) {
  std::set<std::string> out;
  static const std::regex option(R"(\*(--?[A-Za-z][A-Za-z-]*)\*)");
  for (std::sregex_iterator it(text.begin(), text.end(), option), end; it != end; ++it)
    out.insert((*it)[1]);
  return out;
}

bool has_program(const std::string& name) {
  Sandbox s(false);
  return run_program({"sh", "-c", "command -v " + name}, "", s.dir(), {}).status == 0;
}

// PATH with the desk under test first, so the completion scripts find it as `desk`.
std::string path_with_desk() {
  const char* path = std::getenv("PATH");
  return fs::path(desk_binary()).parent_path().string() + ":" + (path ? path : "/usr/bin:/bin");
}

// What completions/desk.bash offers for `line` (words split at spaces; a
// trailing space starts a new, empty word), one candidate per line.
std::string bash_complete(const Sandbox& s, const std::string& line) {
  std::string script = (source_dir() / "completions" / "desk.bash").string();
  std::string bash = "source '" + script +
                     "'\n"
                     "read -ra COMP_WORDS <<<\"$LINE\"\n"
                     "[[ $LINE == *' ' ]] && COMP_WORDS+=('')\n"
                     "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                     "_desk 2>/dev/null\n"
                     "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
  // The sandbox's own variables too: its store, on PostgreSQL, is DESK_DB.
  std::map<std::string, std::string> env = s.env;
  env["PATH"] = path_with_desk();
  env["LINE"] = line;
  Result r = run_program({"bash", "-c", bash}, "", s.dir(), env);
  CHECK(r.status == 0);
  return r.out;
}

// The command table as cmd/registry.cpp writes it: {"name", "summary", Category::x, ...}.
std::vector<std::pair<std::string, std::string>> registry_in_source(bool internal) {
  std::string source = read_file(source_dir() / "cmd" / "registry.cpp");
  static const std::regex entry(R"re(\{"([a-z_]+)",\s*"([^"]*)",\s*Category::(\w+))re");
  std::vector<std::pair<std::string, std::string>> out;
  for (std::sregex_iterator it(source.begin(), source.end(), entry), end; it != end; ++it)
    if (internal == ((*it)[3] == "internal")) out.emplace_back((*it)[1], (*it)[2]);
  return out;
}

// "Record a call" → "record a call", as a man page's NAME line writes it.
std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

TEST_CASE("meta: desk __complete commands is the registry, without internal commands") {
  Sandbox s(false);
  auto table = registry_in_source(false);
  REQUIRE(table.size() >= 8);
  std::string expected;
  for (const auto& [name, summary] : table) expected += name + "\t" + summary + "\n";
  CHECK(s.ok({"__complete", "commands"}).out == expected);
  // The internal commands are hidden everywhere a person or a shell looks.
  auto internal = registry_in_source(true);
  REQUIRE(!internal.empty());
  std::string overview = s.ok({"help"}).out;
  std::string root = s.ok({"__complete", "options", ""}).out;
  for (const auto& [name, summary] : internal) {
    CAPTURE(name);
    CHECK(!contains(overview, name));
    CHECK(!contains(root, name));
    CHECK(s.run({"help", name}).status == 2);
  }
  // And `desk help` lists the same commands, each with its summary.
  for (const auto& [name, summary] : table) {
    CAPTURE(name);
    CHECK(contains(overview, "\n   " + name + " "));
    CHECK(contains(overview, " " + summary + "\n"));
  }
}

TEST_CASE(
    "meta: every command has help, a man page that documents its options, and a README line") {
  Sandbox s(false);
  std::string readme = read_file(source_dir() / "README.md");
  std::string overview = read_file(man_page("desk.1"));
  std::set<std::string> globals;
  for (const auto& name : names_of(s.ok({"__complete", "globals"}).out)) globals.insert(name);
  REQUIRE(globals.count("--config") == 1);

  for (const auto& line : lines_of(s.ok({"__complete", "commands"}).out)) {
    std::string cmd = line.substr(0, line.find('\t'));
    std::string summary = line.substr(line.find('\t') + 1);
    CAPTURE(cmd);

    Result help = s.run({cmd, "--help"});
    CHECK(help.status == 0);
    CHECK(help.err == "");
    CHECK(contains(help.out, "Usage: desk " + cmd));
    CHECK(contains(help.out, "man desk-" + cmd));
    Result via_help = s.run({"help", cmd});
    CHECK(via_help.status == 0);
    CHECK(via_help.out == help.out);

    REQUIRE(fs::exists(man_page("desk-" + cmd + ".1")));
    std::string page = read_file(man_page("desk-" + cmd + ".1"));
    CHECK(contains(page, "desk-" + cmd + "(1) \"desk @PROJECT_VERSION@\""));
    CHECK(contains(page, "\n# NAME\n\ndesk-" + cmd + " - " + lower_first(summary) + "\n"));
    CHECK(contains(section(page, "SYNOPSIS"), "*desk " + cmd));
    CHECK(contains(overview, "*desk-" + cmd + "*(1)"));
    CHECK_MESSAGE(contains(readme, "\n| `desk " + cmd + "` | "), "README.md's command table");

    // Every option the command has (and those of its sub-commands) is in
    // its page; every option the page sets in bold is one that exists.
    std::set<std::string> known = globals;
    known.insert("--help");
    known.insert("--version");
    std::vector<std::string> paths = {cmd};
    for (const auto& name : names_of(s.ok({"__complete", "options", cmd}).out))
      if (name.front() != '-') {
        paths.push_back(cmd + " " + name);
        CHECK_MESSAGE(contains(page, "*" + name + "*"), "sub-command '" << name << "'");
      }
    for (const auto& path : paths)
      for (const auto& option : names_of(s.ok({"__complete", "options", path}).out)) {
        if (option.front() != '-') continue;
        known.insert(option);
        if (option == "--help" || option == "-h") continue;
        CHECK_MESSAGE(contains(page, "*" + option + "*"),
                      "'desk " << path << " " << option << "' is not in desk-" << cmd << ".1");
      }
    for (const auto& option : bold_options(page))
      CHECK_MESSAGE(known.count(option) == 1, "desk-" << cmd << ".1 documents '" << option
                                                      << "', which desk " << cmd
                                                      << " does not have");
  }
}

TEST_CASE("meta: desk help reaches every subcommand, with the text of its --help") {
  Sandbox s;
  int subcommands = 0;
  for (const auto& line : lines_of(s.ok({"__complete", "commands"}).out)) {
    std::string cmd = line.substr(0, line.find('\t'));
    for (const auto& option : lines_of(s.ok({"__complete", "options", cmd}).out)) {
      std::string sub = option.substr(0, option.find('\t'));
      if (sub.empty() || sub[0] == '-') continue;
      CAPTURE(cmd + " " + sub);
      Result help = s.run({cmd, sub, "--help"});
      CHECK(help.status == 0);
      CHECK(contains(help.out, "Usage: desk " + cmd + " " + sub));
      Result via_help = s.run({"help", cmd, sub});
      CHECK(via_help.status == 0);
      CHECK(via_help.out == help.out);
      ++subcommands;
    }
  }
  CHECK(subcommands > 20);
  Result none = s.run({"help", "kb", "ad"});
  CHECK(none.status == 2);
  CHECK(none.err_line() == "desk: 'desk kb' has no subcommand 'ad'");
  CHECK(contains(none.err, "hint: did you mean 'desk help kb add'?"));
  Result leaf = s.run({"help", "log", "x"});
  CHECK(leaf.status == 2);
  CHECK(leaf.err_line() == "desk: 'desk log' has no subcommands");
}

TEST_CASE("meta: desk(1) documents every global option, exit code, JSON field and date form") {
  Sandbox s;
  std::string page = read_file(man_page("desk.1"));

  for (const auto& option : names_of(s.ok({"__complete", "globals"}).out)) {
    CAPTURE(option);
    CHECK(contains(section(page, "GLOBAL OPTIONS"), "*" + option + "*"));
  }

  // Every exit status lib/desk/core/error.hpp defines.
  std::string errors = read_file(source_dir() / "lib" / "desk" / "core" / "error.hpp");
  static const std::regex code(R"(\b[a-z]+ = (\d+),)");
  int codes = 0;
  for (std::sregex_iterator it(errors.begin(), errors.end(), code), end; it != end; ++it, ++codes)
    CHECK_MESSAGE(contains(section(page, "EXIT STATUS"), "\n*" + (*it)[1].str() + "*\n"),
                  "exit status " << (*it)[1] << " is not in desk(1)");
  CHECK(codes >= 10);

  // Every key a ticket and its events have in JSON, a note with a channel included.
  s.log("VPN drops", {"--channel", "phone", "-t", "vpn"});
  s.ok({"note", "1", "--reply", "--channel", "email", "-m", "On it"});
  Json ticket = s.ok({"show", "1", "--format", "json"}).json();
  std::string fields = section(page, "JSON FIELDS");
  for (const auto& [key, value] : ticket.items())
    CHECK_MESSAGE(contains(fields, "*" + key + "*"), "ticket field '" << key << "'");
  for (const auto& event : ticket["events"])
    for (const auto& [key, value] : event.items())
      CHECK_MESSAGE(contains(fields, "*" + key + "*"), "event field '" << key << "'");

  for (const auto& status : names_of(s.ok({"__complete", "statuses"}).out))
    CHECK_MESSAGE(contains(section(page, "TICKETS"), "*" + status + "*"), status);

  // Every form DATES shows as an example, in the terms of its list (the
  // lines followed by an indented explanation), is one desk reads.
  auto dates = lines_of(section(page, "DATES"));
  static const std::regex bold(R"(\*([^*]+)\*)");
  int forms = 0;
  for (std::size_t i = 0; i + 1 < dates.size(); ++i) {
    if (dates[i].front() == '\t' || dates[i + 1].front() != '\t') continue;
    const std::string& term = dates[i];
    for (std::sregex_iterator it(term.begin(), term.end(), bold), end; it != end; ++it, ++forms) {
      CAPTURE((*it)[1].str());
      CHECK(s.run({"list", "-q", "--since=" + (*it)[1].str()}).status == 0);
    }
  }
  CHECK(forms >= 15);
}

TEST_CASE("meta: desk-report(1) names every report, section and JSON field") {
  Sandbox s;
  s.log("VPN drops", {"--priority", "P1", "--at", "2026-11-23 09:00"});
  s.ok({"note", "1", "--reply", "-m", "On it", "--at", "2026-11-23 09:10"});
  std::string page = read_file(man_page("desk-report.1"));
  std::string reports = section(page, "REPORTS");
  std::string fields = section(page, "SECTIONS AND FIELDS");
  int count = 0;
  for (const auto& name : names_of(s.ok({"__complete", "options", "report"}).out)) {
    if (name.front() == '-') continue;
    CAPTURE(name);
    ++count;
    CHECK(contains(reports, "\n*" + name + "*\n"));
    CHECK(contains(fields, "*" + name + "*"));
    // staffing reads whole weeks up to --now rather than a period.
    std::vector<std::string> period = {"--since", "2026-11-01"};
    if (name == "staffing") period = {"--handle-time", "20m", "--by", "team"};
    auto report = [&](std::vector<std::string> args) {
      args.insert(args.begin(), {"report", name});
      args.insert(args.end(), period.begin(), period.end());
      return s.ok(args);
    };
    Json r = report({"--format", "json"}).json();
    for (const auto& [key, value] : r.items()) {
      CHECK_MESSAGE(contains(fields, "*" + key + "*"), "field '" << key << "'");
      // staffing's what_if is a list of the changes given, not a section.
      if (!value.is_array() || key == "what_if") continue;
      for (const auto& row : value)
        for (const auto& [column, v] : row.items())
          CHECK_MESSAGE(contains(fields, "*" + column + "*"), key << " field '" << column << "'");
      // Sections empty here still name their columns in CSV.
      std::string csv = report({"--format", "csv", "--section", key}).out;
      std::string header = csv.substr(0, csv.find('\n'));
      std::istringstream columns(header);
      for (std::string column; std::getline(columns, column, ',');)
        CHECK_MESSAGE(contains(fields, "*" + column + "*"), key << " column '" << column << "'");
    }
  }
  CHECK(count == 11);
}

TEST_CASE("meta: desk.toml(5) documents every section and key the configuration reader knows") {
  Sandbox s;
  std::string page = read_file(man_page("desk.toml.5"));
  // A key nobody would write makes `desk config check` list the known ones.
  auto known_keys = [&](const std::string& header) {
    s.configure(header + "\nqqqqqqqqqqqq = 1\n");
    Result r = s.run({"config", "check"});
    CHECK(r.status == 78);
    auto at = r.err.find("hint: known keys: ");
    REQUIRE(at != std::string::npos);
    std::string list = r.err.substr(at + 18);
    list = list.substr(0, list.find('\n'));
    std::vector<std::string> keys;
    std::istringstream in(list);
    std::string key;
    while (std::getline(in, key, ',')) keys.push_back(key.substr(key.front() == ' ' ? 1 : 0));
    return keys;
  };
  auto sections = known_keys("");
  CHECK(sections.size() >= 10);
  for (const auto& name : sections) {
    CAPTURE(name);
    CHECK((contains(page, "\n# [" + name + "]\n") || contains(page, "\n# [" + name + ".") ||
           contains(page, "\n# [[" + name + "]]\n")));
  }
  const std::pair<const char*, const char*> tables[] = {{"[desk]", "[desk]"},
                                                        {"[tickets]", "[tickets]"},
                                                        {"[priority]", "[priority]"},
                                                        {"[teams.x]", "[teams.NAME]"},
                                                        {"[technicians.x]", "[technicians.ID]"},
                                                        {"[[routing]]", "[[routing]]"},
                                                        {"[hooks]", "[hooks]"},
                                                        {"[mail]", "[mail]"},
                                                        {"[planning]", "[planning]"}};
  for (const auto& [header, title] : tables) {
    std::string text = section(page, title);
    REQUIRE_MESSAGE(!text.empty(), "no section " << title);
    for (const auto& key : known_keys(header))
      CHECK_MESSAGE(contains(text, "*" + key + "*"), title << " " << key);
  }
}

TEST_CASE("meta: the completion scripts are valid in their shells and installed") {
  const std::pair<const char*, const char*> scripts[] = {
      {"desk.bash", "bash"}, {"_desk", "zsh"}, {"desk.fish", "fish"}};
  Sandbox s(false);
  for (const auto& [file, shell] : scripts) {
    CAPTURE(file);
    fs::path path = source_dir() / "completions" / file;
    REQUIRE(fs::exists(path));
    CHECK(contains(read_file(source_dir() / "CMakeLists.txt"),
                   "\ninstall(FILES completions/" + std::string(file)));
    REQUIRE_MESSAGE(has_program(shell), std::string(shell)
                                            << " is missing (.ci/deps test installs it)");
    Result r = run_program({shell, "-n", path.string()}, "", s.dir(), {});
    CHECK(r.status == 0);
    CHECK(r.err == "");
  }
}

TEST_CASE("meta: bash completion asks desk for commands, options and values") {
  Sandbox s;
  s.log("Printer jammed");
  auto complete = [&](const std::string& line) { return bash_complete(s, line); };
  CHECK(complete("desk lo") == "log\n");
  CHECK(complete("desk config ") == "check\nshow\npath\n");
  CHECK(complete("desk log --ty") == "--type\n");
  CHECK(complete("desk log --type inc") == "incident\n");
  CHECK(complete("desk list --format j") == "json\njsonl\n");
  CHECK(complete("desk log --format ") == "text\njson\n");
  CHECK(complete("desk list --status op") == "open\n");
  CHECK(complete("desk note 1 --reply --chan") == "--channel\n");
  CHECK(complete("desk show ") == "1\n");
  CHECK(complete("desk help ed") == "edit\n");
  CHECK(complete("desk --no") == "--now\n--no-color\n--no-pager\n");
  // The email channel: mail's and attachment's sub-commands, their options
  // and values, and the mail options of show and note.
  CHECK(complete("desk mail ") == "receive\nlist\nshow\nsend\nqueue\n");
  CHECK(complete("desk mail receive --tic") == "--ticket\n");
  CHECK(complete("desk mail receive --comm") == "--comment\n");
  CHECK(complete("desk mail receive --tea") == "--team\n");
  CHECK(complete("desk mail receive --team ") == "service-desk\n");
  CHECK(complete("desk mail receive --ticket ") == "1\n");
  CHECK(complete("desk mail list --route q") == "quarantine\n");
  CHECK(complete("desk mail queue --al") == "--all\n");
  CHECK(complete("desk mail send -q") == "-q\n");
  CHECK(complete("desk attachment ") == "list\nget\n");
  CHECK(complete("desk attachment list ") == "1\n");
  CHECK(complete("desk attachment get 1 a.pdf --ou") == "--output\n");
  CHECK(complete("desk attachment get 1 a.pdf ") == "\n");
  CHECK(complete("desk show 1 --fu") == "--full\n");
  CHECK(complete("desk note 1 --reply --no-m") == "--no-mail\n");
}

TEST_CASE("meta: bash completes an attachment's name after its ticket, options between") {
  Sandbox s;
  set_up_mail(s);
  receive(s, "attachment-rfc2231.eml");
  CHECK(bash_complete(s, "desk attachment get 1 ") == "Счёт № 42.pdf\nснимок экрана.png\n");
  CHECK(bash_complete(s, "desk attachment get -o x.png 1 сн") == "снимок экрана.png\n");
  CHECK(bash_complete(s, "desk attachment get --output=x.png 1 Сч") == "Счёт № 42.pdf\n");
}

TEST_CASE("meta: fish completion asks desk for commands, options and values") {
  REQUIRE_MESSAGE(has_program("fish"), "fish is missing (.ci/deps test installs it)");
  Sandbox s;
  s.log("Printer jammed");
  std::string script = (source_dir() / "completions" / "desk.fish").string();
  auto complete = [&](const std::string& line) {
    Result r =
        run_program({"fish", "--no-config", "-c", "source $SCRIPT; complete -C $LINE"}, "", s.dir(),
                    {{"PATH", path_with_desk()}, {"SCRIPT", script}, {"LINE", line}});
    CHECK(r.status == 0);
    return r.out;
  };
  CHECK(complete("desk lo") == "log\tRecord a call: a new ticket\n");
  CHECK(complete("desk log --type inc") == "incident\n");
  CHECK(complete("desk log --format=") == "--format=json\n--format=text\n");
  CHECK(complete("desk show ") == "1\tPrinter jammed\n");
  CHECK(complete("desk mail rec") ==
        "receive\tRecord one message from standard input (what the "
        "mail server runs)\n");
  CHECK(complete("desk mail receive --tea") == "--team\tThe team a new ticket goes to\n");
  CHECK(complete("desk mail receive --team ") == "service-desk\tteam, tier 1\n");
  CHECK(complete("desk attachment g") == "get\tWrite an attachment's bytes to a file\n");
  CHECK(complete("desk show 1 --fu") ==
        "--full\tShow the history each mail quoted, too (hidden by default)\n");
  CHECK(complete("desk note 1 --no-m") ==
        "--no-mail\tRecord the reply without mailing it (it was said another way)\n");
}

TEST_CASE("meta: desk __complete values-for knows which options take which values") {
  Sandbox s;
  CHECK(s.ok({"__complete", "values-for", "--type", "log"}).out ==
        "incident\nservice-request\naccess-request\ninformation-request\ncomplaint\n");
  CHECK(s.ok({"__complete", "values-for", "-p", "list"}).out == "P1\nP2\nP3\nP4\nP5\n");
  CHECK(s.ok({"__complete", "values-for", "--format", "note"}).out == "text\njson\n");
  CHECK(s.ok({"__complete", "values-for", "--team", "list"}).out == "service-desk\tteam, tier 1\n");
  // Reports: the named periods, and what each report's --by and --bucket take.
  CHECK(s.ok({"__complete", "values-for", "--period", "report digest"}).out ==
        "today\nyesterday\nthis-week\nlast-week\nthis-month\nlast-month\nthis-quarter\n"
        "last-quarter\nthis-year\nlast-year\nlast-7-days\nlast-30-days\nlast-90-days\n");
  CHECK(s.ok({"__complete", "values-for", "--bucket", "report volume"}).out ==
        "day\nweek\nmonth\n");
  CHECK(s.ok({"__complete", "values-for", "--by", "report performance"}).out ==
        "priority\nteam\ntype\ncategory\nassignee\ncustomer\nchannel\nservice\ntag\n");
  CHECK(s.ok({"__complete", "values-for", "--format", "report trends"}).out ==
        "table\njson\ncsv\ntsv\nmarkdown\nhtml\n");
  CHECK(s.run({"__complete", "values-for", "--by", "report workload"}).status == 1);
  CHECK(s.ok({"__complete", "values-for", "--by", "report staffing"}).out ==
        "channel\npriority\nteam\n");
  // The email channel's values: tickets, teams and routes; -o is a path.
  CHECK(s.ok({"__complete", "values-for", "--team", "mail receive"}).out ==
        "service-desk\tteam, tier 1\n");
  CHECK(s.ok({"__complete", "values-for", "--route", "mail list"}).out ==
        "new\nreply\ncomment\nreopened\nfollow-up\ndelivery-failed\nloop\nquarantine\n");
  CHECK(s.ok({"__complete", "values-for", "-o", "attachment get"}).out == "");
  CHECK(s.run({"__complete", "values-for", "--comment", "mail receive"}).status == 1);
  // A value that is free text or a path: nothing to offer, but a value all the same.
  CHECK(s.ok({"__complete", "values-for", "--config", "log"}).out == "");
  // A flag, an option the command does not have, --help: exit 1 and silence.
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--reply", "note"},
                                               {"--nope", "log"},
                                               {"--help", "log"},
                                               {"-q"}}) {
    std::vector<std::string> argv = {"__complete", "values-for"};
    argv.insert(argv.end(), args.begin(), args.end());
    Result r = s.run(argv);
    CHECK(r.status == 1);
    CHECK(r.out == "");
    CHECK(r.err == "");
  }
  CHECK(s.ok({"__complete", "arguments", "help"}).out == s.ok({"__complete", "commands"}).out);
  // A shell is reading: a broken configuration gives nothing, not an error.
  s.configure("[desk\n");
  Result broken = s.run({"__complete", "types"});
  CHECK(broken.status == 0);
  CHECK(broken.out == "");
  CHECK(broken.err == "");
}

TEST_CASE("meta: every TOML file in examples/ is a valid configuration") {
  Sandbox s(false);
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "examples")) {
    if (entry.path().extension() != ".toml") continue;
    // A catalogue export and a fragment, tested in test_examples_catalog.cpp.
    if (entry.path().parent_path().filename() == "catalog") continue;
    ++files;
    CAPTURE(entry.path());
    Result r = s.run({"config", "check", entry.path().string()});
    CHECK(r.status == 0);
    CHECK(r.err == "");
  }
  CHECK(files >= 1);
}

TEST_CASE("meta: examples/desk.toml is what desk init writes, in UTC and with no members") {
  // The rule: `desk init` with TZ=UTC, its one member (whoever ran it)
  // taken out. That is the starter text the built-in defaults are read
  // from, so the example is every default, word for word.
  Sandbox s(false);
  s.ok({"init"});
  std::string written = s.read("desk.toml");
  const std::string member = "members = [\"tester\"]";
  REQUIRE(contains(written, member));
  written.replace(written.find(member), member.size(), "members = []");
  CHECK(read_file(source_dir() / "examples" / "desk.toml") == written);
}

TEST_CASE("meta: every man page is valid scdoc") {
  REQUIRE_MESSAGE(has_program("scdoc"), "scdoc is missing (.ci/deps build installs it)");
  Sandbox s(false);
  int pages = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() / "man")) {
    if (entry.path().extension() != ".scd") continue;
    ++pages;
    CAPTURE(entry.path());
    Result r = run_program({"scdoc"}, read_file(entry.path()), s.dir(), {});
    CHECK(r.status == 0);
    CHECK(r.err == "");
  }
  CHECK(pages >= 10);
}
