// desk::OutputFile and remove_stale_temporaries: what is replaced, what is
// written into, and which leftovers are desk's to remove.
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/core/output_file.hpp"

namespace fs = std::filesystem;
using namespace desk;

namespace {

struct TempDir {
  fs::path dir;
  TempDir() {
    std::string p = (fs::temp_directory_path() / "desk-unit-XXXXXX").string();
    REQUIRE(mkdtemp(p.data()) != nullptr);
    dir = p;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path operator/(const std::string& name) const { return dir / name; }
};

void put(const fs::path& p, const std::string& text, int hours_old = 0) {
  std::ofstream(p, std::ios::binary) << text;
  if (hours_old > 0)
    fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::hours(hours_old));
}

std::string get(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_SUITE("core/output_file") {
  TEST_CASE("a regular file is replaced whole, only on commit") {
    TempDir t;
    put(t / "report.txt", "old");
    {
      OutputFile out(t / "report.txt");
      CHECK(out.mode() == OutputMode::replace);
      out.write("new");
      CHECK(get(t / "report.txt") == "old");
    }  // not committed: as it was
    CHECK(get(t / "report.txt") == "old");
    write_file(t / "report.txt", "new");
    CHECK(get(t / "report.txt") == "new");
    CHECK(std::distance(fs::directory_iterator(t.dir), fs::directory_iterator()) == 1);
  }

  TEST_CASE("a character device is written into, a directory refused") {
    TempDir t;
    OutputFile null("/dev/null");
    CHECK(null.mode() == OutputMode::stream);
    null.write("nothing");
    null.commit();
    CHECK(fs::is_character_file("/dev/null"));
    CHECK_THROWS_AS(OutputFile(t.dir), UsageError);
    CHECK_THROWS_WITH(write_file("/dev/full", "x"),
                      "cannot write '/dev/full': No space left on device");
  }

  TEST_CASE("stale temporaries: desk's own, old and unlocked go, the rest stay") {
    TempDir t;
    put(t / ".a.db.desk-tmp-AbC123", "stale", 2);
    put(t / ".a.db.desk-tmp-AbC123-journal", "stale", 2);
    put(t / ".b.db.desk-tmp-XyZ789-journal", "orphan", 2);  // its file is gone
    put(t / ".c.db.desk-tmp-QwE456", "young");              // may not be locked yet
    put(t / ".d.db.desk-tmp-RtY012", "locked", 2);
    put(t / ".e.db.Ab12Cd", "rsync's", 2);
    put(t / ".f.db.desk-tmp-Ab12Cd.bak", "someone's", 2);
    put(t / "g.db.desk-tmp-Ab12Cd", "not hidden", 2);
    int fd = ::open((t / ".d.db.desk-tmp-RtY012").c_str(), O_RDONLY);
    REQUIRE(flock(fd, LOCK_EX) == 0);
    CHECK(remove_stale_temporaries(t.dir) == 3);
    ::close(fd);
    CHECK_FALSE(fs::exists(t / ".a.db.desk-tmp-AbC123"));
    CHECK_FALSE(fs::exists(t / ".a.db.desk-tmp-AbC123-journal"));
    CHECK_FALSE(fs::exists(t / ".b.db.desk-tmp-XyZ789-journal"));
    for (const char* kept : {".c.db.desk-tmp-QwE456", ".d.db.desk-tmp-RtY012", ".e.db.Ab12Cd",
                             ".f.db.desk-tmp-Ab12Cd.bak", "g.db.desk-tmp-Ab12Cd"})
      CHECK_MESSAGE(fs::exists(t / kept), kept);
  }
}
